//! Coding a document: what the reader shows of it (its text and the coded
//! spans), and the coding actions, each one journaled transaction.

use super::coding::{CODE_COLUMNS, code_of};
use super::{Store, StoreError, sqlite_error};
use crate::domain::{Act, Code, Coder, Id};
use rusqlite::{OptionalExtension, Transaction, params};

/// A document as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRow {
    pub id: Id,
    pub title: String,
    pub cohort_label: String,
    pub kind: crate::domain::DocumentKind,
    pub chars: usize,
    pub codings: usize,
}

/// A document opened for reading and coding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenDocument {
    pub id: Id,
    pub title: String,
    pub cohort: Id,
    pub cohort_label: String,
    pub text: String,
}

/// One code on one span, by one coder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub coding: Id,
    pub quote: Id,
    /// Code points, end exclusive.
    pub start: usize,
    pub end: usize,
    pub code: Id,
    pub coder: Id,
    pub memo: String,
}

/// What applying a code did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Applied {
    pub coding: Id,
    pub quote: Id,
    /// False when the coder had already applied the code to that span.
    pub new: bool,
}

/// A code's counts: codings, and the documents, cohorts and speakers'
/// roles they come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CodeCounts {
    pub codings: usize,
    pub documents: usize,
    pub cohorts: usize,
    pub roles: usize,
}

fn invalid(msg: String) -> StoreError {
    StoreError::Invalid(vec![msg])
}

impl Store {
    /// Every document, in cohort order, with its size and codings.
    pub fn document_rows(&self) -> super::Result<Vec<DocumentRow>> {
        self.rows(
            "SELECT d.id, d.title, co.label, d.kind, length(d.text),
                        (SELECT count(*) FROM coding g JOIN quote q ON q.id = g.quote
                         WHERE q.document = d.id)
                 FROM document d JOIN cohort co ON co.id = d.cohort
                 ORDER BY co.program, co.ordinal, d.id",
            [],
            |r| {
                Ok(DocumentRow {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    cohort_label: r.get(2)?,
                    kind: super::key_col(r, 3, crate::domain::DocumentKind::from_key)?,
                    chars: r.get::<_, i64>(4)? as usize,
                    codings: r.get::<_, i64>(5)? as usize,
                })
            },
        )
    }

    pub fn open_document(&self, id: Id) -> super::Result<OpenDocument> {
        self.first_row(
            "SELECT d.id, d.title, d.cohort, co.label, d.text
                 FROM document d JOIN cohort co ON co.id = d.cohort WHERE d.id = ?1",
            [id],
            |r| {
                Ok(OpenDocument {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    cohort: r.get(2)?,
                    cohort_label: r.get(3)?,
                    text: r.get(4)?,
                })
            },
        )?
        .ok_or_else(|| invalid(format!("no document has id {id}")))
    }

    /// The document and span of a quote.
    pub fn quote_place(&self, quote: Id) -> super::Result<(Id, usize, usize)> {
        self.first_row(
            "SELECT document, start, end FROM quote WHERE id = ?1",
            [quote],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get::<_, i64>(1)? as usize,
                    r.get::<_, i64>(2)? as usize,
                ))
            },
        )?
        .ok_or_else(|| invalid(format!("no quote has id {quote}")))
    }

    /// The codings of a document, by all coders or one, in text order.
    pub fn marks(&self, document: Id, coder: Option<Id>) -> super::Result<Vec<Mark>> {
        self.rows(
            "SELECT g.id, q.id, q.start, q.end, g.code, g.coder, g.memo
                 FROM quote q JOIN coding g ON g.quote = q.id
                 WHERE q.document = ?1 AND (?2 IS NULL OR g.coder = ?2)
                 ORDER BY q.start, q.end DESC, g.id",
            params![document, coder],
            |r| {
                Ok(Mark {
                    coding: r.get(0)?,
                    quote: r.get(1)?,
                    start: r.get::<_, i64>(2)? as usize,
                    end: r.get::<_, i64>(3)? as usize,
                    code: r.get(4)?,
                    coder: r.get(5)?,
                    memo: r.get(6)?,
                })
            },
        )
    }

    pub fn coders(&self) -> super::Result<Vec<Coder>> {
        self.rows("SELECT id, name FROM coder ORDER BY id", [], |r| {
            Ok(Coder {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })
    }

    /// The coder of this name (spaces at its ends aside), added to the
    /// store if new. The name is taken as given: whoever reads it from a
    /// person or a file cleans it first.
    pub fn coder_named(&mut self, name: &str) -> super::Result<Id> {
        let name = name.trim().to_string();
        if name.is_empty() {
            return Err(invalid("a coder needs a name".into()));
        }
        let path = self.path().to_path_buf();
        self.write(|tx| {
            let e = |e| sqlite_error(&path, e);
            tx.execute("INSERT OR IGNORE INTO coder (name) VALUES (?1)", [&name])
                .map_err(e)?;
            tx.query_row("SELECT id FROM coder WHERE name = ?1", [&name], |r| {
                r.get(0)
            })
            .map_err(e)
        })
    }

    /// The codes a coder used last, the latest first, each once.
    pub fn recent_codes(&self, coder: Id, limit: usize) -> super::Result<Vec<Id>> {
        self.rows(
            "SELECT code FROM (SELECT code, id FROM coding WHERE coder = ?1
                                   ORDER BY id DESC LIMIT 500)
                 GROUP BY code ORDER BY max(id) DESC LIMIT ?2",
            params![coder, limit as i64],
            |r| r.get(0),
        )
    }

    /// Applies `code` to the span `start..end` (code points) of a document,
    /// as `coder`: the span's quote is found, or made with the speaker's role
    /// of the quote it lies in. One journaled transaction.
    pub fn apply_code(
        &mut self,
        document: Id,
        start: usize,
        end: usize,
        code: Id,
        coder: Id,
    ) -> super::Result<Applied> {
        let (len,): (usize,) = self
            .conn()
            .query_row(
                "SELECT length(text) FROM document WHERE id = ?1",
                [document],
                |r| Ok((r.get::<_, i64>(0)? as usize,)),
            )
            .optional()
            .map_err(|e| self.sqlite(e))?
            .ok_or_else(|| invalid(format!("no document has id {document}")))?;
        if start >= end || end > len {
            return Err(invalid(format!(
                "the span {start}..{end} is empty or outside the text ({len} characters)"
            )));
        }
        let act = Act::ApplyCode {
            code: self.code_name(code)?,
        };
        let path = self.path().to_path_buf();
        self.journaled(&act, |tx| {
            let e = |e| sqlite_error(&path, e);
            let quote = match find_quote(tx, document, start, end).map_err(e)? {
                Some(q) => q,
                None => {
                    let role: String = tx
                        .query_row(
                            "SELECT role FROM quote WHERE document = ?1 AND start <= ?2
                               AND end >= ?3 AND role <> ''
                             ORDER BY end - start LIMIT 1",
                            params![document, start as i64, end as i64],
                            |r| r.get(0),
                        )
                        .optional()
                        .map_err(e)?
                        .unwrap_or_default();
                    tx.execute(
                        "INSERT INTO quote (document, start, end, role) VALUES (?1, ?2, ?3, ?4)",
                        params![document, start as i64, end as i64, role],
                    )
                    .map_err(e)?;
                    tx.last_insert_rowid()
                }
            };
            let existing: Option<Id> = tx
                .query_row(
                    "SELECT id FROM coding WHERE quote = ?1 AND code = ?2 AND coder = ?3",
                    params![quote, code, coder],
                    |r| r.get(0),
                )
                .optional()
                .map_err(e)?;
            if let Some(coding) = existing {
                return Ok(Applied {
                    coding,
                    quote,
                    new: false,
                });
            }
            tx.execute(
                "INSERT INTO coding (quote, code, coder, created) VALUES (?1, ?2, ?3, ?4)",
                params![quote, code, coder, crate::domain::now_utc()],
            )
            .map_err(e)?;
            Ok(Applied {
                coding: tx.last_insert_rowid(),
                quote,
                new: true,
            })
        })
    }

    /// Removes a coding; returns its code. A quote left with no coding goes
    /// too when it was only a coded span inside a longer quote (a speaker's
    /// turn stays).
    pub fn remove_coding(&mut self, coding: Id) -> super::Result<Id> {
        let (code, quote): (Id, Id) = self
            .conn()
            .query_row(
                "SELECT code, quote FROM coding WHERE id = ?1",
                [coding],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.sqlite(e))?
            .ok_or_else(|| invalid(format!("no coding has id {coding}")))?;
        let act = Act::RemoveCode {
            code: self.code_name(code)?,
        };
        let path = self.path().to_path_buf();
        self.journaled(&act, |tx| {
            let e = |e| sqlite_error(&path, e);
            tx.execute("DELETE FROM coding WHERE id = ?1", [coding])
                .map_err(e)?;
            tx.execute(
                "DELETE FROM quote WHERE id = ?1
                   AND NOT EXISTS (SELECT 1 FROM coding WHERE quote = ?1)
                   AND EXISTS (SELECT 1 FROM quote o, quote q WHERE q.id = ?1
                       AND o.document = q.document AND o.id <> q.id
                       AND o.start <= q.start AND o.end >= q.end)",
                [quote],
            )
            .map_err(e)?;
            Ok(code)
        })
    }

    /// Sets the memo on a coding.
    pub fn set_coding_memo(&mut self, coding: Id, memo: &str) -> super::Result<()> {
        let path = self.path().to_path_buf();
        self.journaled(&Act::CodingMemo, |tx| {
            match tx
                .execute(
                    "UPDATE coding SET memo = ?2 WHERE id = ?1",
                    params![coding, memo],
                )
                .map_err(|e| sqlite_error(&path, e))?
            {
                1 => Ok(()),
                _ => Err(invalid(format!("no coding has id {coding}"))),
            }
        })
    }

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
                "SELECT count(*), count(DISTINCT q.document), count(DISTINCT d.cohort),
                        count(DISTINCT nullif(q.role, ''))
                 FROM coding g JOIN quote q ON q.id = g.quote JOIN document d ON d.id = q.document
                 WHERE g.code = ?1 AND (?2 IS NULL OR g.coder = ?2)",
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

    /// The codebook in one read, with each code's counts.
    pub fn codebook(&self, coder: Option<Id>) -> super::Result<Vec<(Code, CodeCounts)>> {
        self.rows(
            &format!(
                "SELECT {CODE_COLUMNS}, count(g.id), count(DISTINCT q.document),
                        count(DISTINCT d.cohort), count(DISTINCT nullif(q.role, ''))
                 FROM code c
                 LEFT JOIN coding g ON g.code = c.id AND (?1 IS NULL OR g.coder = ?1)
                 LEFT JOIN quote q ON q.id = g.quote
                 LEFT JOIN document d ON d.id = q.document
                 GROUP BY c.id ORDER BY c.id"
            ),
            [coder],
            |r| {
                let n = |i| r.get::<_, i64>(i).map(|v| v as usize);
                Ok((
                    code_of(r)?,
                    CodeCounts {
                        codings: n(6)?,
                        documents: n(7)?,
                        cohorts: n(8)?,
                        roles: n(9)?,
                    },
                ))
            },
        )
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
            Dimension::Role => "q.role",
        };
        let order = match by {
            Dimension::Cohort => "min(co.program), min(co.ordinal)",
            Dimension::Role => "count(DISTINCT q.id) DESC, q.role",
        };
        self.rows(
            &format!(
                "WITH RECURSIVE sub(id) AS (
                     SELECT ?1 UNION ALL SELECT c.id FROM code c JOIN sub ON c.parent = sub.id
                     WHERE ?2)
                 SELECT {key}, count(DISTINCT q.id)
                 FROM coding g JOIN quote q ON q.id = g.quote JOIN document d ON d.id = q.document
                      JOIN cohort co ON co.id = d.cohort
                 WHERE g.code IN (SELECT id FROM sub) AND (?3 IS NULL OR g.coder = ?3)
                 GROUP BY {key} ORDER BY {order}"
            ),
            params![code, children, coder],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as usize)),
        )
    }
}

/// What frequencies are counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    Cohort,
    Role,
}

fn find_quote(
    tx: &Transaction,
    document: Id,
    start: usize,
    end: usize,
) -> rusqlite::Result<Option<Id>> {
    tx.query_row(
        "SELECT id FROM quote WHERE document = ?1 AND start = ?2 AND end = ?3 ORDER BY id LIMIT 1",
        params![document, start as i64, end as i64],
        |r| r.get(0),
    )
    .optional()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing::{code_id, demo_store};

    #[test]
    fn applying_a_code_to_a_new_span_makes_a_quote_with_the_turns_role() {
        let mut s = demo_store();
        let doc = 6; // the focus group of cohort C
        let turn = s
            .marks(doc, None)
            .unwrap()
            .into_iter()
            .find(|m| m.end - m.start > 30)
            .unwrap();
        let code = code_id(&s, "חיבור בין רשויות");
        let me = s.coder_named("מקודדת שלישית").unwrap();
        assert_eq!(s.coder_named("  מקודדת שלישית ").unwrap(), me);
        let before = s.code_counts(code, None).unwrap();
        let a = s
            .apply_code(doc, turn.start + 3, turn.start + 20, code, me)
            .unwrap();
        assert!(a.new);
        let again = s
            .apply_code(doc, turn.start + 3, turn.start + 20, code, me)
            .unwrap();
        assert_eq!((again.new, again.coding), (false, a.coding));
        let after = s.code_counts(code, None).unwrap();
        assert_eq!(after.codings, before.codings + 1);
        let d = s.dataset().unwrap();
        let q = d.quotes.iter().find(|q| q.id == a.quote).unwrap();
        let outer = d.quotes.iter().find(|q| q.id == turn.quote).unwrap();
        assert_eq!(q.role, outer.role);
        assert!(!q.role.is_empty());
        assert_eq!(s.recent_codes(me, 9).unwrap(), vec![code]);
        // Removing it takes the span's quote too, and undo brings both back.
        s.remove_coding(a.coding).unwrap();
        assert!(!s.dataset().unwrap().quotes.iter().any(|q| q.id == a.quote));
        s.undo().unwrap().unwrap();
        assert_eq!(s.dataset().unwrap(), d);
        // Undoing the apply leaves the store as before it.
        s.undo().unwrap().unwrap();
        assert_eq!(s.code_counts(code, None).unwrap(), before);
    }

    #[test]
    fn bad_spans_are_refused_with_the_reason() {
        let mut s = demo_store();
        let code = code_id(&s, "חיבור בין רשויות");
        let err = s.apply_code(1, 10, 10, code, 1).unwrap_err().to_string();
        assert!(err.contains("empty or outside"), "{err}");
        assert!(s.apply_code(1, 0, 1_000_000, code, 1).is_err());
        assert!(s.apply_code(999, 0, 1, code, 1).is_err());
        assert!(s.apply_code(1, 0, 5, 9999, 1).is_err());
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
