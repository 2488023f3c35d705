//! Coding a document: what the reader shows of it (its text and the coded
//! spans), and the coding actions, each one journaled transaction.

use super::Refusal;
pub use super::counts::{CodeCounts, Dimension};
pub use super::documents::{DocumentRow, OpenDocument};
use super::{Store, StoreError, sqlite_error};
use crate::domain::{Act, Coder, Id};
use rusqlite::{OptionalExtension, Transaction, params};

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

fn invalid(why: super::Refusal) -> StoreError {
    StoreError::Refused(why)
}

impl Store {
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
                ..Default::default()
            })
        })
    }

    /// The coder of this name (spaces at its ends aside), added to the
    /// store if new. The name is taken as given: whoever reads it from a
    /// person or a file cleans it first.
    pub fn coder_named(&mut self, name: &str) -> super::Result<Id> {
        let name = name.trim().to_string();
        if name.is_empty() {
            return Err(invalid(Refusal::NeedsName { what: "coder" }));
        }
        let path = self.path().to_path_buf();
        self.write(|tx| {
            let e = |e| sqlite_error(&path, e);
            tx.execute(
                "INSERT OR IGNORE INTO coder (name, guid) VALUES (?1, ?2)",
                params![name, crate::domain::new_guid()],
            )
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

    /// Applies `code` to `start..end` of a document (code points) as
    /// `coder`, on the quote of that span (made when there is none, with the
    /// role of the turn it lies in); one journaled transaction.
    pub fn apply_code(
        &mut self,
        document: Id,
        start: usize,
        end: usize,
        code: Id,
        coder: Id,
    ) -> super::Result<Applied> {
        self.check_span(document, start, end)?;
        let act = Act::ApplyCode {
            code: self.code_name(code)?,
        };
        let path = self.path().to_path_buf();
        self.journaled(&act, |tx| {
            apply_in(tx, document, start, end, code, coder).map_err(|e| sqlite_error(&path, e))
        })
    }

    /// Creates a code and applies it, in one transaction and one step of
    /// undo: no code is left without its coding, and `u` takes back both.
    #[allow(clippy::too_many_arguments)]
    pub fn create_and_apply_code(
        &mut self,
        name: &str,
        parent: Option<Id>,
        colour: &str,
        document: Id,
        start: usize,
        end: usize,
        coder: Id,
    ) -> super::Result<(Id, Applied)> {
        self.check_span(document, start, end)?;
        let name = self.checked_new_code(name, colour)?;
        let act = Act::ApplyNewCode { code: name.clone() };
        let path = self.path().to_path_buf();
        self.journaled(&act, |tx| {
            let code = super::codebook::insert_code(tx, &name, parent, colour, &path)?;
            let applied = apply_in(tx, document, start, end, code, coder)
                .map_err(|e| sqlite_error(&path, e))?;
            Ok((code, applied))
        })
    }

    /// A span of a document that can be coded: not empty, within the text.
    fn check_span(&self, document: Id, start: usize, end: usize) -> super::Result<()> {
        let len: usize = self
            .first_row(
                "SELECT chars FROM document_info WHERE document = ?1",
                [document],
                |r| Ok(r.get::<_, i64>(0)? as usize),
            )?
            .ok_or_else(|| {
                invalid(Refusal::NoSuch {
                    target: "document",
                    id: document,
                })
            })?;
        if start >= end || end > len {
            return Err(invalid(Refusal::Span { start, end, len }));
        }
        Ok(())
    }

    /// Removes a coding; returns its code. A quote left with no coding goes
    /// too when it was only a coded span inside a longer quote (a speaker's
    /// turn stays).
    pub fn remove_coding(&mut self, coding: Id) -> super::Result<Id> {
        let (code, quote) = self.own_coding(coding)?;
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

    /// The code and quote of a coding the acting coder may change: their
    /// own (or any, when the handle acts for no one); another coder's is
    /// refused, naming them.
    fn own_coding(&self, coding: Id) -> super::Result<(Id, Id)> {
        let (code, quote, coder): (Id, Id, Id) = self
            .first_row(
                "SELECT code, quote, coder FROM coding WHERE id = ?1",
                [coding],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?
            .ok_or_else(|| {
                invalid(Refusal::NoSuch {
                    target: "coding",
                    id: coding,
                })
            })?;
        match self.acting {
            Some(me) if me != coder => {
                let coders = self.coders()?;
                Err(invalid(Refusal::NotYours {
                    owner: crate::domain::coder_name(&coders, coder).to_string(),
                }))
            }
            _ => Ok((code, quote)),
        }
    }

    /// Sets the memo on a coding.
    pub fn set_coding_memo(&mut self, coding: Id, memo: &str) -> super::Result<()> {
        self.own_coding(coding)?;
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
                _ => Err(invalid(Refusal::NoSuch {
                    target: "coding",
                    id: coding,
                })),
            }
        })
    }
}

/// Applies a code to a span inside a transaction: on the span's quote (made
/// when there is none, with the role of the turn it lies in).
fn apply_in(
    tx: &Transaction,
    document: Id,
    start: usize,
    end: usize,
    code: Id,
    coder: Id,
) -> rusqlite::Result<Applied> {
    let quote = match find_quote(tx, document, start, end)? {
        Some(q) => q,
        None => {
            let role: String = tx
                .query_row(
                    "SELECT role FROM quote WHERE document = ?1 AND start < ?3
                           AND end > ?2 AND role <> ''
                         ORDER BY end - start LIMIT 1",
                    params![document, start as i64, end as i64],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or_default();
            tx.execute(
                "INSERT INTO quote (document, start, end, role, guid) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    document,
                    start as i64,
                    end as i64,
                    role,
                    crate::domain::new_guid()
                ],
            )?;
            tx.last_insert_rowid()
        }
    };
    let existing: Option<Id> = tx
        .query_row(
            "SELECT id FROM coding WHERE quote = ?1 AND code = ?2 AND coder = ?3",
            params![quote, code, coder],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(coding) = existing {
        return Ok(Applied {
            coding,
            quote,
            new: false,
        });
    }
    tx.execute(
        "INSERT INTO coding (quote, code, coder, created, guid) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            quote,
            code,
            coder,
            crate::domain::now_utc(),
            crate::domain::new_guid()
        ],
    )?;
    Ok(Applied {
        coding: tx.last_insert_rowid(),
        quote,
        new: true,
    })
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
    fn a_code_made_and_applied_is_one_step_and_all_or_nothing() {
        let mut s = demo_store();
        let before = s.dataset().unwrap();
        let coder = s.coders().unwrap()[0].id;
        let (code, applied) = s
            .create_and_apply_code("חדש", None, "#123456", 1, 0, 5, coder)
            .unwrap();
        assert!(applied.new);
        assert!(s.codes().unwrap().iter().any(|c| c.id == code));
        // One undo takes back both.
        s.undo().unwrap().unwrap();
        assert_eq!(s.dataset().unwrap(), before);
        // A span outside the text: nothing is made.
        assert!(
            s.create_and_apply_code("אחר", None, "#123456", 1, 0, 1_000_000, coder)
                .is_err()
        );
        assert_eq!(s.dataset().unwrap(), before);
    }
}
