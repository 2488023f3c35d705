//! Changing the codebook. Each operation is one transaction: it lands whole
//! or not at all, so a merge is never half done.

use super::Refusal;
pub use super::codetree::{Merged, Usage};
use super::{Store, StoreError, sqlite_error};
use crate::domain::{Act, Id};
use rusqlite::{OptionalExtension, Transaction, params};

pub(super) fn invalid(why: super::Refusal) -> StoreError {
    StoreError::Refused(why)
}

/// A code's name as siblings are told apart: points and case aside.
pub(crate) fn name_key(name: &str) -> String {
    crate::text::fold::fold(name.trim()).to_lowercase()
}

/// Refuses a name another code under the same parent already has (points
/// and case aside): no window, import or merge may make a twin.
pub(super) fn no_twin(
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
        Some((id, n)) => Err(invalid(Refusal::NameTaken {
            name: n.clone(),
            id: *id,
        })),
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
        return Err(invalid(Refusal::NoSuch {
            target: "code",
            id: p,
        }));
    }
    no_twin(tx, parent, name, None, path)?;
    tx.execute(
        "INSERT INTO code (parent, name, colour, guid) VALUES (?1, ?2, ?3, ?4)",
        params![parent, name, colour, crate::domain::new_guid()],
    )
    .map_err(e)?;
    Ok(tx.last_insert_rowid())
}

pub(super) fn exists(tx: &Transaction, id: Id) -> rusqlite::Result<bool> {
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
            return Err(invalid(Refusal::NeedsName { what: "code" }));
        }
        if !is_colour(colour) {
            return Err(invalid(Refusal::Colour(colour.to_string())));
        }
        Ok(name.to_string())
    }

    pub fn rename_code(&mut self, id: Id, name: &str) -> super::Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(invalid(Refusal::NeedsName { what: "code" }));
        }
        let act = Act::RenameCode {
            code: self.code_name(id)?,
            to: name.to_string(),
        };
        let parent: Option<Id> = self
            .first_row("SELECT parent FROM code WHERE id = ?1", [id], |r| r.get(0))?
            .ok_or_else(|| invalid(Refusal::NoSuch { target: "code", id }))?;
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
            return Err(invalid(Refusal::Colour(colour.to_string())));
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
            .ok_or_else(|| invalid(Refusal::NoSuch { target: "code", id }))
    }

    fn update_code(&mut self, id: Id, act: &Act, sql: &str, value: &str) -> super::Result<()> {
        let path = self.path().to_path_buf();
        self.journaled(act, |tx| {
            match tx
                .execute(sql, params![id, value])
                .map_err(|e| sqlite_error(&path, e))?
            {
                1 => Ok(()),
                _ => Err(invalid(Refusal::NoSuch { target: "code", id })),
            }
        })
    }
}

#[cfg(test)]
mod tests {

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
