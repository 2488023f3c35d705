//! What the tables over the codebook are made from: quotes per code and
//! cohort (or role, or a respondents' attribute) and the coded spans
//! co-occurrence is found in. What two coders are compared on is
//! `agreement.rs`.

use super::Store;
pub use super::agreement::{AgreementSet, DocumentSet, SetDocument};
use super::marking::Dimension;
use crate::domain::CodedSpan;
use crate::domain::Id;
use rusqlite::params;

/// A column of a code table: a cohort, a speaker's role, or a value of a
/// respondents' attribute (empty: the open answers of respondents without
/// it). A table by an attribute counts respondents' open answers alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    Cohort { id: Id, label: String },
    Role(String),
    Attribute { name: String, value: String },
}

/// Quotes per code and column. `cells` holds `(code, column index, quotes)`
/// for the non-empty cells only.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CodeMatrix {
    pub columns: Vec<Column>,
    pub cells: Vec<(Id, usize, usize)>,
}

/// The cohorts that have documents, in program order: id and label.
fn document_cohorts(c: &rusqlite::Connection) -> rusqlite::Result<Vec<(Id, String)>> {
    let mut s = c.prepare_cached(
        "SELECT co.id, co.label FROM cohort co
         WHERE EXISTS (SELECT 1 FROM document d WHERE d.cohort = co.id)
         ORDER BY co.program, co.ordinal",
    )?;
    let rows = s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

impl Store {
    /// The cohorts that have documents, in program order: id and label.
    pub fn cohorts_with_documents(&self) -> super::Result<Vec<(Id, String)>> {
        document_cohorts(self.conn()).map_err(|e| self.sqlite(e))
    }

    /// The attributes of the respondents whose open answers are quotes, by
    /// name: what a table's columns may be besides cohorts and roles.
    pub fn quote_attributes(&self) -> super::Result<Vec<String>> {
        self.rows(
            "SELECT DISTINCT ra.name FROM respondent_attribute ra
             WHERE EXISTS (SELECT 1 FROM quote q WHERE q.respondent = ra.respondent)
             ORDER BY ra.name",
            [],
            |r| r.get(0),
        )
    }

    /// How many quotes each code has in each cohort (or role): distinct
    /// quotes, by all coders or one, with the descendants' quotes when
    /// `children` (a quote coded with a code and its child counts once).
    /// Columns are the cohorts that have documents, in program order, or the
    /// roles that have coded quotes, the commonest first.
    pub fn code_matrix(
        &self,
        by: &Dimension,
        coder: Option<Id>,
        children: bool,
    ) -> super::Result<CodeMatrix> {
        let c = self.conn();
        (|| {
            // One read of every coding's code, column and quote; the rolling
            // up to ancestors and the counting are done here (a recursive
            // query with count(DISTINCT) took three times as long). Codes,
            // cohorts and roles are numbered densely, so that the loop over
            // the codings indexes arrays instead of hashing (the 100,000
            // codings, by cohort: 28 → 13 ms).
            let codes: Vec<(Id, Option<Id>)> = c
                .prepare_cached("SELECT id, parent FROM code ORDER BY id")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let dense = |id: Id| codes.binary_search_by_key(&id, |c| c.0).ok();
            let cohorts = document_cohorts(c)?;
            let mut cohort_ids: Vec<(Id, usize)> =
                cohorts.iter().enumerate().map(|(i, c)| (c.0, i)).collect();
            cohort_ids.sort_unstable();
            // (code, column, quote), the column a cohort's place or a role's
            // number as it comes.
            let mut roles: Vec<String> = vec![];
            let mut rows: Vec<(usize, usize, Id)> = vec![];
            match by {
                Dimension::Cohort => {
                    let mut s = c.prepare_cached(
                        "SELECT code, cohort, quote FROM coding_fact WHERE ?1 IS NULL OR coder = ?1",
                    )?;
                    let mut read = s.query([coder])?;
                    while let Some(r) = read.next()? {
                        let (code, cohort): (Id, Id) = (r.get(0)?, r.get(1)?);
                        let col = cohort_ids.binary_search_by_key(&cohort, |c| c.0);
                        if let (Some(code), Ok(col)) = (dense(code), col) {
                            rows.push((code, cohort_ids[col].1, r.get(2)?));
                        }
                    }
                }
                Dimension::Role | Dimension::Attribute(_) => {
                    let mut s = match by {
                        Dimension::Attribute(_) => c.prepare_cached(
                            // Respondents' open answers alone.
                            "SELECT f.code, COALESCE(ra.value, ''), f.quote FROM coding_fact f
                             JOIN quote q ON q.id = f.quote AND q.respondent IS NOT NULL
                             LEFT JOIN respondent_attribute ra
                                 ON ra.respondent = q.respondent AND ra.name = ?2
                             WHERE ?1 IS NULL OR f.coder = ?1",
                        )?,
                        _ => c.prepare_cached(
                            "SELECT code, role, quote FROM coding_fact
                             WHERE (?1 IS NULL OR coder = ?1) AND ?2 IS NULL",
                        )?,
                    };
                    let name = match by {
                        Dimension::Attribute(name) => Some(name.as_str()),
                        _ => None,
                    };
                    let mut read = s.query(params![coder, name])?;
                    let mut last: Option<usize> = None;
                    while let Some(r) = read.next()? {
                        let role = r.get_ref(1)?.as_str().unwrap_or("");
                        // Roles are few: the last one found is tried first.
                        let n = match last.filter(|&n| roles[n] == role) {
                            Some(n) => n,
                            None => match roles.iter().position(|known| known == role) {
                                Some(n) => n,
                                None => {
                                    roles.push(role.to_string());
                                    roles.len() - 1
                                }
                            },
                        };
                        last = Some(n);
                        if let Some(code) = dense(r.get(0)?) {
                            rows.push((code, n, r.get(2)?));
                        }
                    }
                }
            }
            // By quote: a quote counts once for a code however many of its
            // codings (coders, descendants) lead there.
            rows.sort_unstable_by_key(|r| (r.2, r.0));
            // The columns, and where each role's number stands among them.
            let (columns, at): (Vec<Column>, Vec<usize>) = match by {
                Dimension::Cohort => (
                    cohorts
                        .into_iter()
                        .map(|(id, label)| Column::Cohort { id, label })
                        .collect(),
                    (0..cohort_ids.len()).collect(),
                ),
                Dimension::Role | Dimension::Attribute(_) => {
                    // The roles (values) of coded quotes, the commonest first.
                    let mut quotes = vec![0usize; roles.len()];
                    let mut last = None;
                    for (_, role, quote) in &rows {
                        if last != Some(*quote) {
                            quotes[*role] += 1;
                            last = Some(*quote);
                        }
                    }
                    let mut order: Vec<usize> = (0..roles.len()).collect();
                    order.sort_by(|&a, &b| quotes[b].cmp(&quotes[a]).then(roles[a].cmp(&roles[b])));
                    let mut at = vec![0; roles.len()];
                    for (place, &n) in order.iter().enumerate() {
                        at[n] = place;
                    }
                    let columns = order
                        .iter()
                        .map(|&n| match by {
                            Dimension::Attribute(name) => Column::Attribute {
                                name: name.clone(),
                                value: roles[n].clone(),
                            },
                            _ => Column::Role(roles[n].clone()),
                        })
                        .collect();
                    (columns, at)
                }
            };
            // Each code and, with `children`, its ancestors (a cycle in the
            // data is cut where it closes), as dense numbers.
            let chains: Vec<Vec<usize>> = (0..codes.len())
                .map(|i| {
                    let mut chain = vec![i];
                    let mut next = codes[i].1.and_then(dense);
                    while let Some(p) = next.filter(|_| children) {
                        if chain.contains(&p) {
                            break;
                        }
                        chain.push(p);
                        next = codes[p].1.and_then(dense);
                    }
                    chain
                })
                .collect();
            let width = columns.len();
            let mut counts = vec![0usize; codes.len() * width];
            let mut tops: Vec<usize> = vec![];
            let mut i = 0;
            while i < rows.len() {
                // One quote's codings: one column, and the codes they lead to.
                let (_, col, quote) = rows[i];
                let col = at[col];
                tops.clear();
                while i < rows.len() && rows[i].2 == quote {
                    tops.extend_from_slice(&chains[rows[i].0]);
                    i += 1;
                }
                tops.sort_unstable();
                tops.dedup();
                for top in &tops {
                    counts[top * width + col] += 1;
                }
            }
            let cells: Vec<(Id, usize, usize)> = counts
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(k, n)| (codes[k / width].0, k % width, *n))
                .collect();
            Ok(CodeMatrix { columns, cells })
        })()
        .map_err(|e| self.sqlite(e))
    }

    /// Every coded span, by all coders or one: the co-occurrence table's
    /// input: a span per coding (a quote coded alike by two coders comes
    /// twice, which changes no cell).
    pub fn coded_spans(&self, coder: Option<Id>) -> super::Result<Vec<CodedSpan>> {
        self.rows(
            "SELECT document, quote, code, start, end FROM coding_fact
             WHERE ?1 IS NULL OR coder = ?1",
            [coder],
            |r| {
                Ok(CodedSpan {
                    document: r.get(0)?,
                    quote: r.get(1)?,
                    code: r.get(2)?,
                    start: r.get::<_, i64>(3)? as usize,
                    end: r.get::<_, i64>(4)? as usize,
                })
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::coding::QuoteFilter;
    use crate::store::testing::{code_id, demo_store};

    /// Every cell's count is the number of quotes its filter lists.
    fn cells_open_their_quotes(s: &Store, by: Dimension, coder: Option<Id>, children: bool) {
        let m = s.code_matrix(&by, coder, children).unwrap();
        assert!(!m.columns.is_empty());
        assert!(!m.cells.is_empty());
        for (code, at, n) in &m.cells {
            let mut f = QuoteFilter {
                code: Some(*code),
                direct: !children,
                coder,
                ..Default::default()
            };
            match &m.columns[*at] {
                Column::Cohort { id, .. } => f.cohort = Some(*id),
                Column::Role(r) => f.role = Some(r.clone()),
                Column::Attribute { name, value } => {
                    f.attribute = Some((name.clone(), value.clone()));
                }
            }
            assert_eq!(s.count_quotes(&f).unwrap(), *n, "{f:?}");
        }
    }

    #[test]
    fn a_code_matrix_cell_counts_the_quotes_it_opens() {
        let s = demo_store();
        let coders = s.coders().unwrap();
        for by in [Dimension::Cohort, Dimension::Role] {
            for children in [false, true] {
                for coder in [None, Some(coders[0].id), Some(coders[1].id)] {
                    cells_open_their_quotes(&s, by.clone(), coder, children);
                }
            }
        }
    }

    #[test]
    fn with_its_children_a_parent_counts_their_quotes_by_cohort() {
        let s = demo_store();
        let met = code_id(&s, "ציפיות שנענו");
        let alone = s.code_matrix(&Dimension::Cohort, None, false).unwrap();
        assert!(alone.cells.iter().all(|(c, _, _)| *c != met));
        let with = s.code_matrix(&Dimension::Cohort, None, true).unwrap();
        let total: usize = with
            .cells
            .iter()
            .filter(|(c, _, _)| *c == met)
            .map(|(_, _, n)| n)
            .sum();
        // The 45 quotes of its four children (one coding each).
        assert_eq!(total, 45);
        let labels: Vec<&Column> = with.columns.iter().collect();
        assert!(matches!(labels[0], Column::Cohort { label, .. } if label == "א"));
    }
}
