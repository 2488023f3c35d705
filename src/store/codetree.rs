//! The code tree's shape: moving a code under another, deleting one (its
//! children move up), merging one into another. Each is one journaled
//! transaction: it lands whole or not at all, so a merge is never half done.

use super::Refusal;
use super::codebook::{exists, invalid, no_twin};
use super::{Store, sqlite_error};
use crate::domain::{Act, Id};
use rusqlite::params;

/// What a merge did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merged {
    /// Codings moved to the code merged into.
    pub moved: usize,
    /// Codings dropped because the same coder had already applied the
    /// target code to the same quote.
    pub collapsed: usize,
}

/// What deleting a code takes with it: shown before asking to confirm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    pub codings: usize,
    pub children: usize,
}

impl Store {
    /// Puts a code under another (or at the top). Refuses to put a code
    /// under itself or under one of its own descendants.
    pub fn move_code(&mut self, id: Id, parent: Option<Id>) -> super::Result<()> {
        let path = self.path().to_path_buf();
        let act = Act::MoveCode {
            code: self.code_name(id)?,
            under: parent.map(|p| self.code_name(p)).transpose()?,
        };
        self.journaled(&act, |tx| {
            let e = |e| sqlite_error(&path, e);
            if !exists(tx, id).map_err(e)? {
                return Err(invalid(Refusal::NoSuch { target: "code", id }));
            }
            if let Some(p) = parent {
                if !exists(tx, p).map_err(e)? {
                    return Err(invalid(Refusal::NoSuch {
                        target: "code",
                        id: p,
                    }));
                }
                let under_itself: bool = tx
                    .query_row(
                        "WITH RECURSIVE up(id) AS (
                             SELECT ?1 UNION SELECT c.parent FROM code c JOIN up ON c.id = up.id
                             WHERE c.parent IS NOT NULL)
                         SELECT EXISTS (SELECT 1 FROM up WHERE id = ?2)",
                        params![p, id],
                        |r| r.get(0),
                    )
                    .map_err(e)?;
                if under_itself {
                    return Err(invalid(Refusal::UnderItself { id, under: p }));
                }
            }
            let name: String = tx
                .query_row("SELECT name FROM code WHERE id = ?1", [id], |r| r.get(0))
                .map_err(e)?;
            no_twin(tx, parent, &name, Some(id), &path)?;
            tx.execute(
                "UPDATE code SET parent = ?2 WHERE id = ?1",
                params![id, parent],
            )
            .map_err(e)?;
            Ok(())
        })
    }

    /// What deleting a code would take with it.
    pub fn code_usage(&self, id: Id) -> super::Result<Usage> {
        let count = |sql: &str| -> super::Result<usize> {
            self.conn()
                .query_row(sql, [id], |r| r.get::<_, i64>(0))
                .map(|n| n as usize)
                .map_err(|e| self.sqlite(e))
        };
        Ok(Usage {
            codings: count("SELECT count(*) FROM coding WHERE code = ?1")?,
            children: count("SELECT count(*) FROM code WHERE parent = ?1")?,
        })
    }

    /// Deletes a code and its codings; its children move up to its parent.
    /// Returns what went with it.
    pub fn delete_code(&mut self, id: Id) -> super::Result<Usage> {
        let usage = self.code_usage(id)?;
        let path = self.path().to_path_buf();
        let act = Act::DeleteCode {
            code: self.code_name(id)?,
        };
        self.journaled(&act, |tx| {
            let e = |e| sqlite_error(&path, e);
            tx.execute(
                "UPDATE code SET parent = (SELECT parent FROM code WHERE id = ?1) WHERE parent = ?1",
                [id],
            )
            .map_err(e)?;
            // Codings and findings' links go with the code (ON DELETE CASCADE).
            match tx.execute("DELETE FROM code WHERE id = ?1", [id]).map_err(e)? {
                1 => Ok(usage),
                _ => Err(invalid(Refusal::NoSuch { target: "code", id })),
            }
        })
    }

    /// Merges code `from` into code `into`: its codings move over (where the
    /// same coder already applied `into` to the quote, the duplicate goes),
    /// its children move under `into`, findings that rested on it rest on
    /// `into`, and `from` goes.
    pub fn merge_codes(&mut self, from: Id, into: Id) -> super::Result<Merged> {
        if from == into {
            return Err(invalid(Refusal::MergeIntoItself));
        }
        let path = self.path().to_path_buf();
        let act = Act::MergeCode {
            code: self.code_name(from)?,
            into: self.code_name(into)?,
        };
        self.journaled(&act, |tx| {
            let e = |e| sqlite_error(&path, e);
            for id in [from, into] {
                if !exists(tx, id).map_err(e)? {
                    return Err(invalid(Refusal::NoSuch { target: "code", id }));
                }
            }
            let collapsed = tx
                .execute(
                    "DELETE FROM coding WHERE code = ?1 AND EXISTS (
                         SELECT 1 FROM coding o WHERE o.code = ?2
                           AND o.quote = coding.quote AND o.coder = coding.coder)",
                    params![from, into],
                )
                .map_err(e)?;
            let moved = tx
                .execute(
                    "UPDATE coding SET code = ?2 WHERE code = ?1",
                    params![from, into],
                )
                .map_err(e)?;
            // `into` may sit under `from`: lift it to `from`'s place first.
            tx.execute(
                "UPDATE code SET parent = (SELECT parent FROM code WHERE id = ?1)
                 WHERE id = ?2 AND parent = ?1",
                params![from, into],
            )
            .map_err(e)?;
            tx.execute(
                "UPDATE code SET parent = ?2 WHERE parent = ?1",
                params![from, into],
            )
            .map_err(e)?;
            // Findings: point at `into`, once.
            tx.execute(
                "DELETE FROM finding_code WHERE code = ?1 AND finding IN
                     (SELECT finding FROM finding_code WHERE code = ?2)",
                params![from, into],
            )
            .map_err(e)?;
            tx.execute(
                "UPDATE finding_code SET code = ?2 WHERE code = ?1",
                params![from, into],
            )
            .map_err(e)?;
            tx.execute("DELETE FROM code WHERE id = ?1", [from])
                .map_err(e)?;
            Ok(Merged { moved, collapsed })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing::{code_id, demo_store};

    #[test]
    fn a_code_cannot_move_under_its_own_descendant() {
        let mut s = demo_store();
        let parent = code_id(&s, "ציפיות שנענו");
        let child = code_id(&s, "חיבור בין רשויות");
        let err = s.move_code(parent, Some(child)).unwrap_err();
        assert!(err.to_string().contains("its own ancestor"), "{err}");
        assert!(s.move_code(parent, Some(parent)).is_err());
        s.move_code(child, None).unwrap();
        let c = s
            .dataset()
            .unwrap()
            .codes
            .into_iter()
            .find(|c| c.id == child)
            .unwrap();
        assert_eq!(c.parent, None);
    }

    #[test]
    fn merging_moves_codings_collapses_duplicates_and_is_whole() {
        let mut s = demo_store();
        let a = code_id(&s, "מבנה התוכנית והפעלתה");
        let from = code_id(&s, "יותר כלים דיגיטליים והתנסות");
        let into = code_id(&s, "תחומי ידע נוספים");
        let before = s.dataset().unwrap();
        let count =
            |d: &crate::domain::Dataset, code| d.codings.iter().filter(|c| c.code == code).count();
        // The focus group has a turn that coder 1 coded with both codes.
        let both: usize = before
            .codings
            .iter()
            .filter(|c| c.code == from)
            .filter(|c| {
                before
                    .codings
                    .iter()
                    .any(|o| o.code == into && o.quote == c.quote && o.coder == c.coder)
            })
            .count();
        assert!(both > 0);
        let m = s.merge_codes(from, into).unwrap();
        assert_eq!(m.collapsed, both);
        assert_eq!(m.moved + m.collapsed, count(&before, from));
        let after = s.dataset().unwrap();
        assert_eq!(count(&after, into), count(&before, into) + m.moved);
        assert!(!after.codes.iter().any(|c| c.id == from));
        assert_eq!(
            after.codes.iter().find(|c| c.id == into).unwrap().parent,
            Some(a)
        );
        // A finding that rested on the merged code rests on the target, once.
        for f in &after.findings {
            let n = f.evidence.codes.iter().filter(|c| **c == into).count();
            assert!(n <= 1);
            assert!(!f.evidence.codes.contains(&from));
        }
        assert!(after.validate().is_empty());
        // A merge into a code that does not exist changes nothing.
        let other = code_id(&s, "מפגשים בקבוצות קטנות");
        let before = s.dataset().unwrap();
        assert!(s.merge_codes(other, 9999).is_err());
        assert_eq!(s.dataset().unwrap(), before);
    }

    #[test]
    fn a_merge_that_fails_at_its_last_step_leaves_nothing_done() {
        let mut s = demo_store();
        let from = code_id(&s, "יותר כלים דיגיטליים והתנסות");
        let into = code_id(&s, "תחומי ידע נוספים");
        // The last step, deleting the merged code, fails: the codings moved
        // and collapsed before it must come back, and no journal entry stay.
        s.conn()
            .execute_batch(&format!(
                "CREATE TEMP TRIGGER fail_at_the_end BEFORE DELETE ON code
                 WHEN old.id = {from} BEGIN SELECT RAISE(ABORT, 'cut short'); END;"
            ))
            .unwrap();
        let before = s.dataset().unwrap();
        let heads = s.journal_heads().unwrap();
        let err = s.merge_codes(from, into).unwrap_err();
        assert!(err.to_string().contains("cut short"), "{err}");
        assert_eq!(s.dataset().unwrap(), before);
        assert_eq!(s.journal_heads().unwrap(), heads);
    }

    #[test]
    fn deleting_says_what_goes_and_children_move_up() {
        let mut s = demo_store();
        let parent = code_id(&s, "ציפיות שנענו");
        let child = code_id(&s, "חיבור בין רשויות");
        let usage = s.code_usage(child).unwrap();
        assert_eq!(
            usage,
            Usage {
                codings: 9,
                children: 0
            }
        );
        assert_eq!(s.delete_code(child).unwrap(), usage);
        let usage = s.code_usage(parent).unwrap();
        assert_eq!(usage.children, 3);
        s.delete_code(parent).unwrap();
        let d = s.dataset().unwrap();
        let exposure = d
            .codes
            .iter()
            .find(|c| c.name.starts_with("חשיפה"))
            .unwrap();
        assert_eq!(exposure.parent, None, "the children moved up to the top");
        assert!(d.validate().is_empty());
        assert!(s.delete_code(parent).is_err());
    }
}
