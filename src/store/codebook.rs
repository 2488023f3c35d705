//! Changing the codebook. Each operation is one transaction: it lands whole
//! or not at all, so a merge is never half done.

use super::{Store, StoreError, sqlite_error};
use crate::domain::{Act, Id};
use rusqlite::{OptionalExtension, Transaction, params};

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

fn invalid(msg: String) -> StoreError {
    StoreError::Invalid(vec![msg])
}

/// A code's name as siblings are told apart: points and case aside.
pub(crate) fn name_key(name: &str) -> String {
    crate::text::fold::fold(name.trim()).to_lowercase()
}

/// Refuses a name another code under the same parent already has (points
/// and case aside): no window, import or merge may make a twin.
fn no_twin(
    tx: &Transaction,
    parent: Option<Id>,
    name: &str,
    except: Option<Id>,
    path: &std::path::Path,
) -> super::Result<()> {
    let key = name_key(name);
    let mut stmt = tx
        .prepare_cached("SELECT id, name FROM code WHERE parent IS ?1")
        .map_err(|e| sqlite_error(path, e))?;
    let siblings = stmt
        .query_map([parent], |r| {
            Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(|e| sqlite_error(path, e))?;
    match siblings
        .iter()
        .find(|(id, n)| Some(*id) != except && name_key(n) == key)
    {
        Some((id, n)) => Err(invalid(format!(
            "a code named '{n}' (code {id}) is already there; two codes under one parent \
             cannot share a name"
        ))),
        None => Ok(()),
    }
}

/// Inserts a code inside a transaction, under `parent` when it exists.
pub(super) fn insert_code(
    tx: &Transaction,
    name: &str,
    parent: Option<Id>,
    colour: &str,
    path: &std::path::Path,
) -> super::Result<Id> {
    let e = |e| sqlite_error(path, e);
    if let Some(p) = parent
        && !exists(tx, p).map_err(e)?
    {
        return Err(invalid(format!("no code has id {p}")));
    }
    no_twin(tx, parent, name, None, path)?;
    tx.execute(
        "INSERT INTO code (parent, name, colour) VALUES (?1, ?2, ?3)",
        params![parent, name, colour],
    )
    .map_err(e)?;
    Ok(tx.last_insert_rowid())
}

fn exists(tx: &Transaction, id: Id) -> rusqlite::Result<bool> {
    tx.query_row("SELECT 1 FROM code WHERE id = ?1", [id], |_| Ok(()))
        .optional()
        .map(|r| r.is_some())
}

fn is_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

impl Store {
    /// Adds a code under `parent` (or at the top); returns its id.
    pub fn create_code(
        &mut self,
        name: &str,
        parent: Option<Id>,
        colour: &str,
    ) -> super::Result<Id> {
        let name = self.checked_new_code(name, colour)?;
        let path = self.path().to_path_buf();
        let act = Act::CreateCode { code: name.clone() };
        self.journaled(&act, |tx| insert_code(tx, &name, parent, colour, &path))
    }

    /// A new code's name, trimmed, once it and its colour are checked.
    pub(super) fn checked_new_code(&self, name: &str, colour: &str) -> super::Result<String> {
        let name = name.trim();
        if name.is_empty() {
            return Err(invalid("a code needs a name".into()));
        }
        if !is_colour(colour) {
            return Err(invalid(format!("'{colour}' is not of the form #rrggbb")));
        }
        Ok(name.to_string())
    }

    pub fn rename_code(&mut self, id: Id, name: &str) -> super::Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(invalid("a code needs a name".into()));
        }
        let act = Act::RenameCode {
            code: self.code_name(id)?,
            to: name.to_string(),
        };
        let parent: Option<Id> = self
            .first_row("SELECT parent FROM code WHERE id = ?1", [id], |r| r.get(0))?
            .ok_or_else(|| invalid(format!("no code has id {id}")))?;
        let path = self.path().to_path_buf();
        self.journaled(&act, |tx| {
            no_twin(tx, parent, name, Some(id), &path)?;
            tx.execute("UPDATE code SET name = ?2 WHERE id = ?1", params![id, name])
                .map_err(|e| sqlite_error(&path, e))?;
            Ok(())
        })
    }

    pub fn set_code_colour(&mut self, id: Id, colour: &str) -> super::Result<()> {
        if !is_colour(colour) {
            return Err(invalid(format!("'{colour}' is not of the form #rrggbb")));
        }
        let act = Act::ColourCode {
            code: self.code_name(id)?,
            colour: colour.to_string(),
        };
        self.update_code(
            id,
            &act,
            "UPDATE code SET colour = ?2 WHERE id = ?1",
            colour,
        )
    }

    pub fn set_code_description(&mut self, id: Id, description: &str) -> super::Result<()> {
        let act = Act::DescribeCode {
            code: self.code_name(id)?,
        };
        self.update_code(
            id,
            &act,
            "UPDATE code SET description = ?2 WHERE id = ?1",
            description,
        )
    }

    /// Sets the memo of a code: the coder's notes on it.
    pub fn set_code_memo(&mut self, id: Id, memo: &str) -> super::Result<()> {
        let act = Act::CodeMemo {
            code: self.code_name(id)?,
        };
        self.update_code(id, &act, "UPDATE code SET memo = ?2 WHERE id = ?1", memo)
    }

    /// A code's name, for labels and messages.
    pub fn code_name(&self, id: Id) -> super::Result<String> {
        self.first_row("SELECT name FROM code WHERE id = ?1", [id], |r| r.get(0))?
            .ok_or_else(|| invalid(format!("no code has id {id}")))
    }

    fn update_code(&mut self, id: Id, act: &Act, sql: &str, value: &str) -> super::Result<()> {
        let path = self.path().to_path_buf();
        self.journaled(act, |tx| {
            match tx
                .execute(sql, params![id, value])
                .map_err(|e| sqlite_error(&path, e))?
            {
                1 => Ok(()),
                _ => Err(invalid(format!("no code has id {id}"))),
            }
        })
    }

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
                return Err(invalid(format!("no code has id {id}")));
            }
            if let Some(p) = parent {
                if !exists(tx, p).map_err(e)? {
                    return Err(invalid(format!("no code has id {p}")));
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
                    return Err(invalid(format!(
                        "code {id} cannot go under code {p}: it would be its own ancestor"
                    )));
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
                _ => Err(invalid(format!("no code has id {id}"))),
            }
        })
    }

    /// Merges code `from` into code `into`: its codings move over (where the
    /// same coder already applied `into` to the quote, the duplicate goes),
    /// its children move under `into`, findings that rested on it rest on
    /// `into`, and `from` goes.
    pub fn merge_codes(&mut self, from: Id, into: Id) -> super::Result<Merged> {
        if from == into {
            return Err(invalid("a code cannot be merged into itself".into()));
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
                    return Err(invalid(format!("no code has id {id}")));
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
    fn create_rename_colour_and_describe() {
        let mut s = demo_store();
        let parent = code_id(&s, "השפעת התוכנית");
        let id = s
            .create_code("  שינוי בהרגלי עבודה ", Some(parent), "#12ab34")
            .unwrap();
        s.rename_code(id, "שינוי בהרגלים").unwrap();
        s.set_code_colour(id, "#000000").unwrap();
        s.set_code_description(id, "תיאור").unwrap();
        let c = s
            .dataset()
            .unwrap()
            .codes
            .into_iter()
            .find(|c| c.id == id)
            .unwrap();
        assert_eq!(
            (c.name.as_str(), c.parent, c.colour.as_str()),
            ("שינוי בהרגלים", Some(parent), "#000000")
        );
        assert!(s.create_code(" ", None, "#000000").is_err());
        assert!(s.create_code("x", None, "red").is_err());
        assert!(s.create_code("x", Some(9999), "#000000").is_err());
        assert!(s.rename_code(9999, "x").is_err());
    }

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

    #[test]
    fn two_codes_under_one_parent_cannot_share_a_name() {
        let mut s = demo_store();
        let a = s.create_code("Tools", None, "#101010").unwrap();
        // Case and points aside, the name is taken: creating, renaming or
        // moving a code into it is refused.
        let err = s.create_code("tools", None, "#101010").unwrap_err();
        assert!(err.to_string().contains("cannot share a name"), "{err}");
        assert!(s.create_code("שָׁלוֹם", None, "#101010").is_ok());
        assert!(s.create_code("שלום", None, "#101010").is_err());
        let b = s.create_code("Other", None, "#101010").unwrap();
        assert!(s.rename_code(b, " TOOLS ").is_err());
        assert!(
            s.rename_code(a, "TOOLS").is_ok(),
            "a code may change its own case"
        );
        let child = s.create_code("Tools", Some(b), "#101010").unwrap();
        assert!(s.move_code(child, None).is_err());
        // The same name under another parent is fine.
        assert!(s.create_code("Tools", Some(a), "#101010").is_ok());
    }
}
