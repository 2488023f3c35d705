//! Counts over the codebook: the codes, how many quotes, and each code's
//! codings, documents, cohorts and roles, alone or with its children, and
//! its frequencies by cohort or role.

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

/// What frequencies are counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    Cohort,
    Role,
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
    /// descendants) counted by a dimension: by cohort label or by role. A
    /// quote counts once however many coders or codes it has, so the counts
    /// add up to the quotes the code lists, as in the Tables view.
    pub fn frequencies(
        &self,
        code: Id,
        children: bool,
        coder: Option<Id>,
        by: Dimension,
    ) -> super::Result<Vec<(String, usize)>> {
        let key = match by {
            Dimension::Cohort => "co.label",
            Dimension::Role => "f.role",
        };
        let order = match by {
            Dimension::Cohort => "min(co.program), min(co.ordinal)",
            Dimension::Role => "count(DISTINCT f.quote) DESC, f.role",
        };
        self.rows(
            &format!(
                "WITH RECURSIVE sub(id) AS (
                     SELECT ?1 UNION SELECT c.id FROM code c JOIN sub ON c.parent = sub.id
                     WHERE ?2)
                 SELECT {key}, count(DISTINCT f.quote)
                 FROM coding_fact f JOIN cohort co ON co.id = f.cohort
                 WHERE f.code IN (SELECT id FROM sub) AND (?3 IS NULL OR f.coder = ?3)
                 GROUP BY {key} ORDER BY {order}"
            ),
            params![code, children, coder],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as usize)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing::{code_id, demo_store};

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
        let by_cohort = s.frequencies(met, true, None, Dimension::Cohort).unwrap();
        assert_eq!(by_cohort.iter().map(|(_, n)| n).sum::<usize>(), child_total);
        assert_eq!(child_total, 45);
        assert!(
            s.frequencies(met, false, None, Dimension::Role)
                .unwrap()
                .is_empty()
        );
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
        let again = s.frequencies(met, true, None, Dimension::Cohort).unwrap();
        assert_eq!(again, by_cohort);
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
