//! Lists of quotes: which a filter selects (a code with or without its
//! descendants, a coder, a cohort, a role, co-occurrence, two coders'
//! shared documents or differences), how many, and a page of them in
//! order. A code's quotes are counted and paged from the kept facts
//! (`coding_fact`); what those cannot say goes the full way.

use super::Store;
use crate::domain::Id;
use rusqlite::types::Value;

/// Which quotes a list shows; `None` is no filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteFilter {
    /// Quotes coded with this code or one of its descendants.
    pub code: Option<Id>,
    /// Only the code itself, not its descendants.
    pub direct: bool,
    /// Only one coder's codings of the code.
    pub coder: Option<Id>,
    pub cohort: Option<Id>,
    pub role: Option<String>,
    /// Only the open answers of respondents with this value of this
    /// attribute (an empty value: of respondents without it).
    pub attribute: Option<(String, String)>,
    /// The quotes where `code` and this code co-occur (see
    /// `analysis::cooccurrence`): each quote coded with one of the two that
    /// overlaps a quote coded with the other. Both codes are taken alone.
    pub with: Option<Id>,
    /// Only the documents both of these coders coded something in.
    pub shared_by: Option<(Id, Id)>,
    /// Only the quotes one of these two coders coded with `code` (taken
    /// alone) and the other did not: where they differ.
    pub differ: Option<(Id, Id)>,
}

/// A quote as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteRow {
    pub id: Id,
    pub text: String,
    pub role: String,
    pub cohort_label: String,
    pub document_title: String,
    pub illustrative: bool,
}

/// The rows a filter selects: the query from `FROM` on, with only the
/// conditions the filter sets (so that SQLite can start from a code's
/// codings instead of reading every quote), and their parameters.
fn filtered(f: &QuoteFilter) -> (String, Vec<(&'static str, Value)>) {
    let mut sql = String::from(
        "FROM quote q JOIN document d ON d.id = q.document JOIN cohort co ON co.id = d.cohort
         WHERE 1",
    );
    let mut params: Vec<(&'static str, Value)> = vec![];
    match (f.code, f.with) {
        (None, None) => {}
        // Co-occurring, and differing, are said of a code.
        (None, Some(_)) => sql.push_str(" AND 0"),
        (Some(code), None) => {
            params.push((":code", Value::Integer(code)));
            let codes = code_set(f);
            let coder = if f.coder.is_some() {
                " AND coder = :coder"
            } else {
                ""
            };
            sql.push_str(&format!(
                " AND q.id IN (SELECT quote FROM coding WHERE code IN ({codes}){coder})"
            ));
        }
        (Some(code), Some(with)) => {
            params.push((":code", Value::Integer(code)));
            params.push((":with", Value::Integer(with)));
            let coders = match f.coder {
                Some(_) => " AND g1.coder = :coder AND g2.coder = :coder",
                None => "",
            };
            sql.push_str(&format!(
                " AND q.id IN (
                    SELECT g1.quote FROM coding g1 JOIN quote q1 ON q1.id = g1.quote
                         JOIN quote q2 ON q2.document = q1.document
                              AND q2.start < q1.end AND q1.start < q2.end
                              AND q1.start < q1.end AND q2.start < q2.end
                         JOIN coding g2 ON g2.quote = q2.id
                    WHERE ((g1.code = :code AND g2.code = :with)
                        OR (g1.code = :with AND g2.code = :code))
                      AND :code <> :with{coders})"
            ));
        }
    }
    // One coder's codings: said of a code, as above.
    if let (Some(coder), Some(_)) = (f.coder, f.code) {
        params.push((":coder", Value::Integer(coder)));
    }
    if let Some((a, b)) = f.shared_by {
        sql.push_str(
            " AND d.id IN (SELECT document FROM coding_fact WHERE coder = :shared_a)
              AND d.id IN (SELECT document FROM coding_fact WHERE coder = :shared_b)",
        );
        params.push((":shared_a", Value::Integer(a)));
        params.push((":shared_b", Value::Integer(b)));
    }
    if let Some((a, b)) = f.differ {
        match f.code {
            Some(_) => {
                sql.push_str(
                    " AND (q.id IN (SELECT quote FROM coding WHERE code = :code AND coder = :differ_a))
                       <> (q.id IN (SELECT quote FROM coding WHERE code = :code AND coder = :differ_b))",
                );
                params.push((":differ_a", Value::Integer(a)));
                params.push((":differ_b", Value::Integer(b)));
            }
            None => sql.push_str(" AND 0"),
        }
    }
    cohort_and_role(f, ["d.cohort", "q.role", "q.id"], &mut sql, &mut params);
    (sql, params)
}

/// The codes a filter's code stands for, as a list for `IN (...)` on the
/// parameter `:code`: the code alone, or with its descendants.
fn code_set(f: &QuoteFilter) -> &'static str {
    if f.direct {
        ":code"
    } else {
        "WITH RECURSIVE sub(id) AS (
             SELECT :code UNION SELECT c.id FROM code c JOIN sub ON c.parent = sub.id)
         SELECT id FROM sub"
    }
}

/// The filter's cohort, role and respondents' attribute, as conditions on
/// the columns named.
fn cohort_and_role(
    f: &QuoteFilter,
    [cohort_column, role_column, quote_column]: [&str; 3],
    sql: &mut String,
    params: &mut Vec<(&'static str, Value)>,
) {
    if let Some((name, value)) = &f.attribute {
        let held = format!(
            "EXISTS (SELECT 1 FROM quote qa JOIN respondent_attribute ra
                 ON ra.respondent = qa.respondent
                 WHERE qa.id = {quote_column} AND ra.name = :aname AND ra.value = :avalue)"
        );
        if value.is_empty() {
            // A value is never empty where it is given: a respondent
            // without the attribute.
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM quote qa WHERE qa.id = {quote_column}
                     AND qa.respondent IS NOT NULL AND :avalue = ''
                     AND NOT EXISTS (SELECT 1 FROM respondent_attribute ra
                         WHERE ra.respondent = qa.respondent AND ra.name = :aname))"
            ));
        } else {
            sql.push_str(&format!(" AND {held}"));
        }
        params.push((":aname", Value::Text(name.clone())));
        params.push((":avalue", Value::Text(value.clone())));
    }
    if let Some(cohort) = f.cohort {
        sql.push_str(&format!(" AND {cohort_column} = :cohort"));
        params.push((":cohort", Value::Integer(cohort)));
    }
    if let Some(role) = &f.role {
        sql.push_str(&format!(" AND {role_column} = :role"));
        params.push((":role", Value::Text(role.clone())));
    }
}

/// `params` as rusqlite takes named parameters.
fn named<'a>(params: &'a [(&'static str, Value)]) -> Vec<(&'static str, &'a dyn rusqlite::ToSql)> {
    params
        .iter()
        .map(|(k, v)| (*k, v as &dyn rusqlite::ToSql))
        .collect()
}

const ORDER: &str = "ORDER BY co.program, co.ordinal, d.id, q.start, q.id";

/// The filter as a query of the kept facts alone (`coding_fact` and the
/// cohorts), when it is one: a code, with or without its descendants, and
/// maybe a coder, a cohort and a role. Each row is a coding; a quote may
/// stand in several. Counting and paging a code's quotes this way reads one
/// small table instead of joining every quote to its document.
fn fact_filter(f: &QuoteFilter) -> Option<(String, Vec<(&'static str, Value)>)> {
    let code = f.code?;
    if f.with.is_some() || f.shared_by.is_some() || f.differ.is_some() {
        return None;
    }
    let mut params: Vec<(&'static str, Value)> = vec![(":code", Value::Integer(code))];
    let codes = code_set(f);
    let mut sql =
        format!("FROM coding_fact f JOIN cohort co ON co.id = f.cohort WHERE f.code IN ({codes})");
    if let Some(coder) = f.coder {
        sql.push_str(" AND f.coder = :coder");
        params.push((":coder", Value::Integer(coder)));
    }
    cohort_and_role(f, ["f.cohort", "f.role", "f.quote"], &mut sql, &mut params);
    Some((sql, params))
}

/// How the quotes of a filter are counted and the ids of a page chosen (in
/// the lists' order, `:limit` from `:offset`), with the parameters.
fn page_queries(f: &QuoteFilter, facts: bool) -> (String, String, Vec<(&'static str, Value)>) {
    match fact_filter(f).filter(|_| facts) {
        Some((from, params)) => (
            format!("SELECT count(DISTINCT f.quote) {from}"),
            format!(
                "SELECT f.quote AS id, co.program AS p, co.ordinal AS o, f.document AS doc,
                        f.start AS at
                 {from} GROUP BY f.quote ORDER BY p, o, doc, at, id LIMIT :limit OFFSET :offset"
            ),
            params,
        ),
        None => {
            let (from, params) = filtered(f);
            (
                format!("SELECT count(*) {from}"),
                format!(
                    "SELECT q.id AS id, co.program AS p, co.ordinal AS o, d.id AS doc,
                            q.start AS at
                     {from} {ORDER} LIMIT :limit OFFSET :offset"
                ),
                params,
            )
        }
    }
}

impl Store {
    /// How many quotes the filter selects.
    pub fn count_quotes(&self, f: &QuoteFilter) -> super::Result<usize> {
        self.count_quotes_by(f, true)
    }

    fn count_quotes_by(&self, f: &QuoteFilter, facts: bool) -> super::Result<usize> {
        let (count, _, params) = page_queries(f, facts);
        self.conn()
            .prepare_cached(&count)
            .and_then(|mut s| s.query_row(&*named(&params), |r| r.get::<_, i64>(0)))
            .map(|n| n as usize)
            .map_err(|e| self.sqlite(e))
    }

    /// The quotes the filter selects, `limit` of them from `offset`.
    pub fn quotes_page(
        &self,
        f: &QuoteFilter,
        offset: usize,
        limit: usize,
    ) -> super::Result<Vec<QuoteRow>> {
        self.quotes_page_by(f, offset, limit, true)
    }

    /// The quotes `ids`, in that order (those not in the store left out).
    pub fn quotes_by_id(&self, ids: &[Id]) -> super::Result<Vec<QuoteRow>> {
        let list = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
        let rows: Vec<QuoteRow> = self.rows(
            "SELECT q.id, t.text, q.role, co.label, d.title, i.illustrative
             FROM quote q JOIN quote_text t ON t.quote = q.id
             JOIN document d ON d.id = q.document JOIN document_info i ON i.document = d.id
             JOIN cohort co ON co.id = d.cohort
             WHERE q.id IN (SELECT value FROM json_each(?1))",
            [list],
            |r| {
                Ok(QuoteRow {
                    id: r.get(0)?,
                    text: r.get(1)?,
                    role: r.get(2)?,
                    cohort_label: r.get(3)?,
                    document_title: r.get(4)?,
                    illustrative: r.get(5)?,
                })
            },
        )?;
        Ok(ids
            .iter()
            .filter_map(|id| rows.iter().find(|r| r.id == *id).cloned())
            .collect())
    }

    /// The cohort of a quote's document.
    pub fn cohort_of_quote(&self, quote: Id) -> super::Result<Option<Id>> {
        self.first_row(
            "SELECT d.cohort FROM quote q JOIN document d ON d.id = q.document WHERE q.id = ?1",
            [quote],
            |r| r.get(0),
        )
    }

    fn quotes_page_by(
        &self,
        f: &QuoteFilter,
        offset: usize,
        limit: usize,
        facts: bool,
    ) -> super::Result<Vec<QuoteRow>> {
        let (_, page, mut params) = page_queries(f, facts);
        params.push((":limit", Value::Integer(limit as i64)));
        params.push((":offset", Value::Integer(offset as i64)));
        self.rows(
            &format!(
                // The page is chosen first and its texts taken after: SQLite
                // computes a sorted query's columns for every row it sorts.
                // Texts and flags come from the tables kept beside quotes and
                // documents, not from the documents' long rows.
                "SELECT q.id, t.text, q.role, co.label, d.title, i.illustrative
                 FROM ({page}) page
                 JOIN quote q ON q.id = page.id JOIN quote_text t ON t.quote = q.id
                 JOIN document d ON d.id = q.document JOIN document_info i ON i.document = d.id
                 JOIN cohort co ON co.id = d.cohort
                 ORDER BY page.p, page.o, page.doc, page.at, page.id"
            ),
            &*named(&params),
            |r| {
                Ok(QuoteRow {
                    id: r.get(0)?,
                    text: r.get(1)?,
                    role: r.get(2)?,
                    cohort_label: r.get(3)?,
                    document_title: r.get(4)?,
                    illustrative: r.get(5)?,
                })
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing::demo_store;

    #[test]
    fn the_facts_count_and_page_a_codes_quotes_as_the_full_query_does() {
        let s = demo_store();
        let codes = s.codes().unwrap();
        let coders = s.coders().unwrap();
        let cohorts = s.cohorts().unwrap();
        let mut tried = 0;
        for code in &codes {
            for direct in [false, true] {
                for coder in [None, Some(coders[0].id), Some(coders[1].id)] {
                    for cohort in [None, Some(cohorts[cohorts.len() - 1].id)] {
                        for role in [None, Some("מנחה".to_string())] {
                            let f = QuoteFilter {
                                code: Some(code.id),
                                direct,
                                coder,
                                cohort,
                                role,
                                ..Default::default()
                            };
                            assert!(fact_filter(&f).is_some());
                            let n = s.count_quotes_by(&f, false).unwrap();
                            assert_eq!(s.count_quotes_by(&f, true).unwrap(), n, "{f:?}");
                            for (offset, limit) in [(0, 3), (2, 50)] {
                                assert_eq!(
                                    s.quotes_page_by(&f, offset, limit, true).unwrap(),
                                    s.quotes_page_by(&f, offset, limit, false).unwrap(),
                                    "{f:?}"
                                );
                            }
                            tried += usize::from(n > 0);
                        }
                    }
                }
            }
        }
        assert!(tried > 100, "{tried} filters with quotes");
        // What the facts cannot say goes the full way.
        let with = QuoteFilter {
            code: Some(codes[0].id),
            with: Some(codes[1].id),
            ..Default::default()
        };
        assert!(fact_filter(&with).is_none());
    }

    #[test]
    fn a_code_filter_takes_in_the_codes_children() {
        let s = demo_store();
        let codes = s.codebook(None).unwrap();
        let met = codes
            .iter()
            .find(|(c, _)| c.name == "ציפיות שנענו")
            .unwrap()
            .0
            .id;
        // One coder coded these answers: a coding per quote.
        let children: usize = codes
            .iter()
            .filter(|(c, _)| c.parent == Some(met))
            .map(|(_, n)| n.codings)
            .sum();
        let f = QuoteFilter {
            code: Some(met),
            ..Default::default()
        };
        // 20 + 9 + 9 + 7 quotes, none coded twice under the same parent.
        assert_eq!(children, 45);
        assert_eq!(s.count_quotes(&f).unwrap(), 45);
        let direct = QuoteFilter {
            direct: true,
            ..f.clone()
        };
        assert_eq!(s.count_quotes(&direct).unwrap(), 0);
        assert_eq!(s.count_quotes(&QuoteFilter::default()).unwrap(), 150);
    }

    #[test]
    fn pages_cover_the_list_in_order() {
        let s = demo_store();
        let f = QuoteFilter {
            role: Some("נציג/ת רשות מקומית".into()),
            ..Default::default()
        };
        let total = s.count_quotes(&f).unwrap();
        let mut all = vec![];
        let mut offset = 0;
        while offset < total {
            all.extend(s.quotes_page(&f, offset, 17).unwrap());
            offset += 17;
        }
        assert_eq!(all.len(), total);
        assert!(all.iter().all(|q| q.role == "נציג/ת רשות מקומית"));
    }
}
