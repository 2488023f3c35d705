//! Undo and redo for coding, codebook and authoring actions, kept in the
//! store.
//!
//! An undoable action runs in one transaction with the journal switched on:
//! temporary triggers on the coding tables (this connection's own) write an
//! image of every row inserted, deleted or updated, the rows that foreign
//! keys delete in cascade included. At the end of the action the images go
//! into the `journal` table as one entry, in the same transaction, so an
//! action and its entry land together or not at all.
//!
//! Undoing walks the newest entry not yet undone backwards: an inserted row
//! is deleted, a deleted row inserted again, an updated row given its old
//! values, each only when the row is still as the action left it; then the
//! entry is marked undone. Redoing walks the oldest undone entry forwards.
//! A new action drops the undone entries (the branch that can no longer be
//! redone). The journal lives in the store, so undo reaches back across
//! restarts. If something outside the journal changed a row an entry
//! touched (an import, say), undo and redo refuse, and change nothing.

use super::{JournalFault, Refusal};
use super::{Store, StoreError, sqlite_error};
use crate::domain::Id;
use rusqlite::types::Value as Sql;
use rusqlite::{Connection, OptionalExtension, Transaction, params_from_iter};
use serde_json::{Map, Value};

mod tables;
use tables::TABLES;

/// Entries kept; older ones are dropped as new ones come.
const KEEP: i64 = 500;

/// What undo or redo did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub id: Id,
    /// What the action did.
    pub act: crate::domain::Act,
}

fn image(prefix: &str, cols: &[&str]) -> String {
    let pairs: Vec<String> = cols
        .iter()
        .map(|c| format!("'{c}', {prefix}.\"{c}\""))
        .collect();
    format!("json_object({})", pairs.join(", "))
}

/// Creates this connection's recording triggers. They write only while the
/// row in `temp.journal_on` exists, that is inside [`Store::journaled`].
pub(super) fn install(conn: &Connection) -> rusqlite::Result<()> {
    let mut sql = String::from(
        "CREATE TEMP TABLE IF NOT EXISTS journal_on (x);
         CREATE TEMP TABLE IF NOT EXISTS journal_rows (
             seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL, old TEXT, new TEXT);",
    );
    for (t, cols, _) in TABLES {
        let (old, new) = (image("old", cols), image("new", cols));
        let when = "WHEN EXISTS (SELECT 1 FROM temp.journal_on)";
        sql.push_str(&format!(
            "CREATE TEMP TRIGGER IF NOT EXISTS journal_{t}_i AFTER INSERT ON main.{t} {when} BEGIN
                 INSERT INTO temp.journal_rows (tbl, op, new) VALUES ('{t}', 'i', {new}); END;
             CREATE TEMP TRIGGER IF NOT EXISTS journal_{t}_d AFTER DELETE ON main.{t} {when} BEGIN
                 INSERT INTO temp.journal_rows (tbl, op, old) VALUES ('{t}', 'd', {old}); END;
             CREATE TEMP TRIGGER IF NOT EXISTS journal_{t}_u AFTER UPDATE ON main.{t} {when} BEGIN
                 INSERT INTO temp.journal_rows (tbl, op, old, new) VALUES ('{t}', 'u', {old}, {new}); END;"
        ));
    }
    conn.execute_batch(&sql)
}

/// One recorded change: the table, and the row before and after.
struct Change {
    table: usize,
    before: Option<Map<String, Value>>,
    after: Option<Map<String, Value>>,
}

fn sql_value(v: &Value) -> Sql {
    match v {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Sql::Integer(i),
            None => Sql::Real(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => Sql::Text(s.clone()),
        other => Sql::Text(other.to_string()),
    }
}

impl Store {
    /// Runs `f` in one write transaction and records what it changed, as
    /// `act`, for undo. Nothing is recorded when nothing changed.
    pub(crate) fn journaled<T>(
        &mut self,
        act: &crate::domain::Act,
        f: impl FnOnce(&Transaction) -> super::Result<T>,
    ) -> super::Result<T> {
        self.last_act = None;
        let path = self.path().to_path_buf();
        let label = act.label();
        let acting = self.acting;
        let mut wrote = false;
        let result = self.write(|tx| {
            let e = |e| sqlite_error(&path, e);
            tx.execute_batch(
                "DELETE FROM temp.journal_rows; INSERT INTO temp.journal_on VALUES (1);",
            )
            .map_err(e)?;
            let value = f(tx);
            tx.execute_batch("DELETE FROM temp.journal_on;")
                .map_err(e)?;
            let value = value?;
            let changes: Option<String> = tx
                .query_row(
                    "SELECT json_group_array(json_array(tbl, op, json(old), json(new)))
                     FROM (SELECT * FROM temp.journal_rows ORDER BY seq)
                     HAVING count(*) > 0",
                    [],
                    |r| r.get(0),
                )
                .optional()
                .map_err(e)?;
            tx.execute_batch("DELETE FROM temp.journal_rows;")
                .map_err(e)?;
            if let Some(changes) = changes {
                // A new action drops what this coder could redo; other
                // coders' undone actions stay theirs to redo.
                tx.execute(
                    "DELETE FROM journal WHERE undone = 1 AND coder IS ?1",
                    [acting],
                )
                .map_err(e)?;
                tx.execute(
                    "INSERT INTO journal (label, at, changes, coder) VALUES (?1, ?2, ?3, ?4)",
                    rusqlite::params![label, crate::domain::now_utc(), changes, acting],
                )
                .map_err(e)?;
                tx.execute(
                    "DELETE FROM journal WHERE id <= (SELECT max(id) FROM journal) - ?1",
                    [KEEP],
                )
                .map_err(e)?;
                wrote = true;
            }
            Ok(value)
        });
        if result.is_ok() && wrote {
            self.last_act = Some(act.clone());
        }
        result
    }

    /// Undoes the newest action not undone yet of the coder this handle
    /// acts for; `None` when there is none.
    pub fn undo(&mut self) -> super::Result<Option<Step>> {
        self.step(
            "SELECT id, label, changes FROM journal WHERE undone = 0 AND coder IS ?1
             ORDER BY id DESC LIMIT 1",
            true,
        )
    }

    /// Redoes the oldest undone action of the coder this handle acts for;
    /// `None` when there is none.
    pub fn redo(&mut self) -> super::Result<Option<Step>> {
        self.step(
            "SELECT id, label, changes FROM journal WHERE undone = 1 AND coder IS ?1
             ORDER BY id LIMIT 1",
            false,
        )
    }

    /// What `u` would undo, and what `Ctrl-r` would redo (the tests read
    /// the journal's state by it).
    #[cfg(test)]
    pub(crate) fn journal_heads(
        &self,
    ) -> super::Result<(Option<crate::domain::Act>, Option<crate::domain::Act>)> {
        let one = |sql: &str| {
            self.conn()
                .query_row(sql, [], |r| r.get::<_, String>(0))
                .optional()
                .map(|l| l.map(|l| crate::domain::Act::from_label(&l)))
                .map_err(|e| self.sqlite(e))
        };
        Ok((
            one("SELECT label FROM journal WHERE undone = 0 ORDER BY id DESC LIMIT 1")?,
            one("SELECT label FROM journal WHERE undone = 1 ORDER BY id LIMIT 1")?,
        ))
    }

    fn step(&mut self, pick: &str, undo: bool) -> super::Result<Option<Step>> {
        let path = self.path().to_path_buf();
        let acting = self.acting;
        self.write(|tx| {
            let e = |e| sqlite_error(&path, e);
            let Some((id, label, changes)) = tx
                .query_row(pick, [acting], |r| {
                    Ok((
                        r.get::<_, Id>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })
                .optional()
                .map_err(e)?
            else {
                return Ok(None);
            };
            let act = crate::domain::Act::from_label(&label);
            let refuse = |why| {
                StoreError::Refused(Refusal::Journal {
                    undo,
                    act: act.clone(),
                    why,
                })
            };
            let mut changes = parse(&changes).ok_or_else(|| refuse(JournalFault::Damaged))?;
            if undo {
                changes.reverse();
                for c in &mut changes {
                    std::mem::swap(&mut c.before, &mut c.after);
                }
            }
            in_table_order(&mut changes);
            // Rows come back in an order foreign keys may not like midway
            // (a coding before its code); they are checked at the commit.
            tx.execute_batch("PRAGMA defer_foreign_keys = ON")
                .map_err(e)?;
            for c in &changes {
                if !apply(tx, c).map_err(e)? {
                    return Err(refuse(JournalFault::ChangedSince));
                }
            }
            tx.execute(
                "UPDATE journal SET undone = ?2 WHERE id = ?1",
                rusqlite::params![id, undo],
            )
            .map_err(e)?;
            Ok(Some(Step { id, act }))
        })
    }
}

/// Within each run of rows put back (inserted) one after another, parents
/// first; within each run of rows taken away, children first. Rows of one
/// run are different rows, so the order within it changes nothing but what
/// the tables kept by triggers see: a coding put back before its quote
/// would find no quote to take its facts from. Runs keep their order.
fn in_table_order(changes: &mut [Change]) {
    let kind = |c: &Change| match (&c.before, &c.after) {
        (None, Some(_)) => 0,
        (Some(_), None) => 1,
        _ => 2,
    };
    let mut start = 0;
    while start < changes.len() {
        let k = kind(&changes[start]);
        let len = changes[start..].iter().take_while(|c| kind(c) == k).count();
        let run = &mut changes[start..start + len];
        match k {
            0 => run.sort_by_key(|c| c.table),
            1 => run.sort_by_key(|c| std::cmp::Reverse(c.table)),
            _ => {}
        }
        start += len;
    }
}

fn parse(text: &str) -> Option<Vec<Change>> {
    let rows: Vec<Value> = serde_json::from_str(text).ok()?;
    rows.into_iter()
        .map(|row| {
            let [tbl, _op, old, new] = <[Value; 4]>::try_from(row.as_array()?.clone()).ok()?;
            let table = TABLES
                .iter()
                .position(|(t, _, _)| Some(*t) == tbl.as_str())?;
            Some(Change {
                table,
                before: old.as_object().cloned(),
                after: new.as_object().cloned(),
            })
        })
        .collect()
}

/// Takes a row from `before` to `after` (either may be absent: an insert or
/// a delete). False when the row is not as `before` says.
fn apply(tx: &Transaction, c: &Change) -> rusqlite::Result<bool> {
    let (table, cols, pk) = TABLES[c.table];
    let Some(key_image) = c.before.as_ref().or(c.after.as_ref()) else {
        return Ok(true);
    };
    let key: Vec<Sql> = cols[..pk]
        .iter()
        .map(|k| sql_value(&key_image[*k]))
        .collect();
    let where_key: Vec<String> = cols[..pk]
        .iter()
        .enumerate()
        .map(|(i, k)| format!("\"{k}\" = ?{}", i + 1))
        .collect();
    let where_key = where_key.join(" AND ");
    let current: Option<String> = tx
        .query_row(
            &format!(
                "SELECT {} FROM main.{table} WHERE {where_key}",
                image(table, cols)
            ),
            params_from_iter(key.iter()),
            |r| r.get(0),
        )
        .optional()?;
    let mut current: Option<Map<String, Value>> =
        current.and_then(|s| serde_json::from_str::<Value>(&s).ok()?.as_object().cloned());
    // An entry written before a column was added has no image of it: the
    // row is compared, and written, on the columns the entry knows.
    if let Some(now) = current.as_mut() {
        now.retain(|k, _| key_image.contains_key(k));
    }
    if current != c.before {
        return Ok(false);
    }
    let cols: Vec<&str> = cols
        .iter()
        .copied()
        .filter(|k| key_image.contains_key(*k))
        .collect();
    let cols = &cols[..];
    match &c.after {
        None => {
            tx.execute(
                &format!("DELETE FROM main.{table} WHERE {where_key}"),
                params_from_iter(key.iter()),
            )?;
        }
        Some(after) => {
            let values: Vec<Sql> = cols.iter().map(|k| sql_value(&after[*k])).collect();
            let names: Vec<String> = cols.iter().map(|k| format!("\"{k}\"")).collect();
            let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
            // INSERT for a new row; for a changed one, REPLACE would delete
            // it first and set off ON DELETE CASCADE, so it is an UPDATE.
            let sql = if c.before.is_none() {
                format!(
                    "INSERT INTO main.{table} ({}) VALUES ({})",
                    names.join(", "),
                    marks.join(", ")
                )
            } else {
                let sets: Vec<String> = names
                    .iter()
                    .zip(&marks)
                    .map(|(n, m)| format!("{n} = {m}"))
                    .collect();
                let keyed: Vec<String> = names[..pk]
                    .iter()
                    .zip(&marks)
                    .map(|(n, m)| format!("{n} = {m}"))
                    .collect();
                format!(
                    "UPDATE main.{table} SET {} WHERE {}",
                    sets.join(", "),
                    keyed.join(" AND ")
                )
            };
            tx.execute(&sql, params_from_iter(values.iter()))?;
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests;
