//! Counts over the codebook: the codes, how many quotes, and each code's
//! codings, documents, cohorts and roles, alone or with its children, and
//! how its quotes spread over cohorts and roles.

use super::Store;
use super::coding::{CODE_COLUMNS, code_of};
use crate::domain::{Code, Id};
use rusqlite::params;
use std::collections::HashMap;

/// A code's counts: codings, and the documents, cohorts and speakers'
/// roles they come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CodeCounts {
    pub codings: usize,
    pub documents: usize,
    pub cohorts: usize,
    pub roles: usize,
}

/// What a table's columns are: cohorts, speakers' roles, or the values of
/// an attribute of the respondents whose answers the quotes are (open
/// answers of a survey).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dimension {
    Cohort,
    Role,
    Attribute(String),
}

impl Store {
    /// The codebook, without counts.
    pub fn codes(&self) -> super::Result<Vec<Code>> {
        self.rows(
            &format!("SELECT {CODE_COLUMNS} FROM code c ORDER BY c.id"),
            [],
            code_of,
        )
    }

    /// How many quotes the store holds.
    pub fn quote_count(&self) -> super::Result<u64> {
        self.conn()
            .query_row("SELECT count(*) FROM quote", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(|e| self.sqlite(e))
    }

    /// The counts of one code (not its children), by all coders or one.
    pub fn code_counts(&self, code: Id, coder: Option<Id>) -> super::Result<CodeCounts> {
        self.conn()
            .prepare_cached(
                "SELECT count(*), count(DISTINCT document), count(DISTINCT cohort),
                        count(DISTINCT nullif(role, ''))
                 FROM coding_fact WHERE code = ?1 AND (?2 IS NULL OR coder = ?2)",
            )
            .and_then(|mut s| {
                s.query_row(params![code, coder], |r| {
                    let n = |i| r.get::<_, i64>(i).map(|v| v as usize);
                    Ok(CodeCounts {
                        codings: n(0)?,
                        documents: n(1)?,
                        cohorts: n(2)?,
                        roles: n(3)?,
                    })
                })
            })
            .map_err(|e| self.sqlite(e))
    }

    /// The codebook, with each code's counts: the codes, then one walk of
    /// the codings in code order, counted here (three count(DISTINCT) per
    /// code in SQL took 50 ms on 100,000 codings, hash sets of every
    /// document and a role read as a new string per coding 30–50 ms; sorted
    /// lists, and roles compared where SQLite holds them, take less).
    pub fn codebook(&self, coder: Option<Id>) -> super::Result<Vec<(Code, CodeCounts)>> {
        let codes = self.rows(
            &format!("SELECT {CODE_COLUMNS} FROM code c ORDER BY c.id"),
            [],
            code_of,
        )?;
        #[derive(Default)]
        struct Seen {
            codings: usize,
            documents: Vec<i64>,
            cohorts: Vec<i64>,
            roles: Vec<String>,
        }
        fn distinct(v: &mut Vec<i64>) -> usize {
            v.sort_unstable();
            v.dedup();
            v.len()
        }
        let mut counts: HashMap<Id, CodeCounts> = HashMap::new();
        let mut flush = |code: Option<Id>, seen: &mut Seen| {
            if let Some(code) = code {
                counts.insert(
                    code,
                    CodeCounts {
                        codings: seen.codings,
                        documents: distinct(&mut seen.documents),
                        cohorts: distinct(&mut seen.cohorts),
                        roles: seen.roles.len(),
                    },
                );
            }
            seen.codings = 0;
            seen.documents.clear();
            seen.cohorts.clear();
            seen.roles.clear();
        };
        let mut current: Option<Id> = None;
        let mut seen = Seen::default();
        (|| {
            let mut s = self.conn().prepare_cached(
                "SELECT code, document, cohort, role FROM coding_fact
                 WHERE ?1 IS NULL OR coder = ?1 ORDER BY code",
            )?;
            let mut rows = s.query([coder])?;
            while let Some(r) = rows.next()? {
                let code: Id = r.get(0)?;
                if current != Some(code) {
                    flush(current, &mut seen);
                    current = Some(code);
                }
                seen.codings += 1;
                seen.documents.push(r.get(1)?);
                seen.cohorts.push(r.get(2)?);
                let role = r.get_ref(3)?.as_str()?;
                if !role.is_empty() && !seen.roles.iter().any(|known| known == role) {
                    seen.roles.push(role.to_string());
                }
            }
            flush(current, &mut seen);
            Ok(())
        })()
        .map_err(|e: rusqlite::Error| self.sqlite(e))?;
        Ok(codes
            .into_iter()
            .map(|c| {
                let k = counts.get(&c.id).copied().unwrap_or_default();
                (c, k)
            })
            .collect())
    }

    /// The quotes coded with a code (and, with `children`, with its
    /// descendants), by all coders or one: how many, and how many in each
    /// cohort (by label, in program order) and with each speaker's role (the
    /// commonest first). A quote counts once however many coders or codes
    /// it has, so each list adds up to the quotes the code lists, as in the
    /// Tables view. One read of the quotes: two grouped queries and a count
    /// took three times as long for a code with thousands of quotes.
    pub fn spread(&self, code: Id, children: bool, coder: Option<Id>) -> super::Result<Spread> {
        let c = self.conn();
        (|| {
            let mut s = c.prepare_cached(
                "WITH RECURSIVE sub(id) AS (
                     SELECT ?1 UNION SELECT c.id FROM code c JOIN sub ON c.parent = sub.id
                     WHERE ?2)
                 SELECT DISTINCT f.quote, f.cohort, f.role FROM coding_fact f
                 WHERE f.code IN (SELECT id FROM sub) AND (?3 IS NULL OR f.coder = ?3)",
            )?;
            let mut read = s.query(params![code, children, coder])?;
            let mut cohorts: Vec<(Id, usize)> = vec![];
            let mut roles: Vec<(String, usize)> = vec![];
            let mut quotes = 0;
            while let Some(r) = read.next()? {
                quotes += 1;
                let cohort: Id = r.get(1)?;
                match cohorts.iter_mut().find(|(id, _)| *id == cohort) {
                    Some((_, n)) => *n += 1,
                    None => cohorts.push((cohort, 1)),
                }
                let role = r.get_ref(2)?.as_str()?;
                match roles.iter_mut().find(|(known, _)| known == role) {
                    Some((_, n)) => *n += 1,
                    None => roles.push((role.to_string(), 1)),
                }
            }
            // Cohorts by label, in program order.
            let mut s =
                c.prepare_cached("SELECT id, label FROM cohort ORDER BY program, ordinal, id")?;
            let order: Vec<(Id, String)> = s
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let mut by_cohort: Vec<(String, usize)> = vec![];
            for (id, label) in order {
                let Some(&(_, n)) = cohorts.iter().find(|(c, _)| *c == id) else {
                    continue;
                };
                match by_cohort.iter_mut().find(|(l, _)| *l == label) {
                    Some((_, m)) => *m += n,
                    None => by_cohort.push((label, n)),
                }
            }
            roles.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            Ok(Spread {
                quotes,
                by_cohort,
                by_role: roles,
            })
        })()
        .map_err(|e: rusqlite::Error| self.sqlite(e))
    }
}

/// A code's quotes, how many and where they come from (see
/// [`Store::spread`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Spread {
    pub quotes: usize,
    pub by_cohort: Vec<(String, usize)>,
    pub by_role: Vec<(String, usize)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing::{code_id, demo_store};

    #[test]
    fn a_codes_spread_counts_the_quotes_its_list_shows() {
        let s = demo_store();
        let coders = s.coders().unwrap();
        for code in s.codes().unwrap() {
            for children in [false, true] {
                for coder in [None, Some(coders[0].id), Some(coders[1].id)] {
                    let spread = s.spread(code.id, children, coder).unwrap();
                    let listed = s
                        .count_quotes(&crate::store::quotes::QuoteFilter {
                            code: Some(code.id),
                            direct: !children,
                            coder,
                            ..Default::default()
                        })
                        .unwrap();
                    assert_eq!(spread.quotes, listed, "{} {children} {coder:?}", code.name);
                    let sum = |v: &[(String, usize)]| v.iter().map(|(_, n)| n).sum::<usize>();
                    assert_eq!(sum(&spread.by_cohort), listed);
                    assert_eq!(sum(&spread.by_role), listed);
                    assert!(spread.by_role.windows(2).all(|w| w[0].1 >= w[1].1));
                }
            }
        }
    }

    #[test]
    fn counts_and_frequencies_agree_with_the_demo() {
        let s = demo_store();
        let met = code_id(&s, "ציפיות שנענו");
        let book = s.codebook(None).unwrap();
        let child_total: usize = book
            .iter()
            .filter(|(c, _)| c.parent == Some(met))
            .map(|(_, n)| n.codings)
            .sum();
        let spread = s.spread(met, true, None).unwrap();
        let by_cohort = spread.by_cohort.clone();
        assert_eq!(by_cohort.iter().map(|(_, n)| n).sum::<usize>(), child_total);
        assert_eq!(
            spread.by_role.iter().map(|(_, n)| n).sum::<usize>(),
            child_total
        );
        assert_eq!(spread.quotes, child_total);
        assert_eq!(child_total, 45);
        assert_eq!(s.spread(met, false, None).unwrap(), Spread::default());
        // Two coders on one quote: two codings, one quote in the counts.
        let mut s = s;
        let first = book
            .iter()
            .find(|(c, _)| c.parent == Some(met))
            .unwrap()
            .0
            .id;
        let q = s
            .quotes_page(
                &crate::store::coding::QuoteFilter {
                    code: Some(first),
                    ..Default::default()
                },
                0,
                1,
            )
            .unwrap()[0]
            .id;
        let (doc, start, end) = s.quote_place(q).unwrap();
        let other = s.coder_named("another").unwrap();
        s.apply_code(doc, start, end, first, other).unwrap();
        let again = s.spread(met, true, None).unwrap();
        assert_eq!(again.by_cohort, by_cohort);
        assert_eq!(again.quotes, child_total);
        s.undo().unwrap();
        let one = book.iter().find(|(c, _)| c.parent == Some(met)).unwrap();
        assert_eq!(s.code_counts(one.0.id, None).unwrap(), one.1);
        // The second coder only coded the focus group: one document.
        let second = book
            .iter()
            .map(|(c, _)| s.code_counts(c.id, Some(2)).unwrap())
            .filter(|n| n.codings > 0)
            .collect::<Vec<_>>();
        assert!(!second.is_empty());
        assert!(second.iter().all(|n| n.documents == 1 && n.cohorts == 1));
    }
}
