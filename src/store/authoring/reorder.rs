//! Moving a part up or down its list: the list is the part's group (a
//! program's cohorts, a cohort's meetings or findings, a phase's
//! recommendations), in the order the views show it, and its ordinals are
//! written anew from 1 for the rows whose place changed.

use super::{no_such, table_of};
use crate::domain::{Act, Id, Item, Part};
use crate::store::{Refusal, Store, StoreError, sqlite_error};
use rusqlite::{OptionalExtension, Transaction};

/// A part's list: the `WHERE` that picks its group from one of its rows.
fn group(part: Part) -> Option<&'static str> {
    match part {
        Part::Cohort => Some("program = (SELECT program FROM cohort WHERE id = ?1)"),
        Part::Meeting => Some("cohort = (SELECT cohort FROM session WHERE id = ?1)"),
        Part::Finding => Some("cohort = (SELECT cohort FROM finding WHERE id = ?1)"),
        Part::Recommendation => Some(
            "cohort = (SELECT cohort FROM recommendation WHERE id = ?1)
             AND phase = (SELECT phase FROM recommendation WHERE id = ?1)",
        ),
        Part::Instrument => Some("cohort = (SELECT cohort FROM instrument WHERE id = ?1)"),
        // One program.
        Part::Program => None,
    }
}

/// Writes ordinals 1, 2, … for `ids` in this order, touching only rows whose
/// ordinal changes; through negative ordinals first, so that a list whose
/// ordinals are unique (a program's cohorts) never holds two alike.
fn renumber(tx: &Transaction, table: &str, ids: &[(Id, u32)]) -> rusqlite::Result<()> {
    let changed: Vec<(Id, u32)> = ids
        .iter()
        .enumerate()
        .filter(|(i, (_, was))| *was != *i as u32 + 1)
        .map(|(i, (id, _))| (*id, i as u32 + 1))
        .collect();
    let mut set = tx.prepare(&format!("UPDATE {table} SET ordinal = ?2 WHERE id = ?1"))?;
    for (id, to) in &changed {
        set.execute(rusqlite::params![id, -(*to as i64)])?;
    }
    for (id, to) in &changed {
        set.execute(rusqlite::params![id, to])?;
    }
    Ok(())
}

impl Store {
    /// Moves `item` one place up or down its list; false when it is at that
    /// end already (nothing is written).
    pub fn move_item(&mut self, item: Item, up: bool) -> crate::store::Result<bool> {
        let (table, target) = table_of(item.part);
        let Some(group) = group(item.part) else {
            return Err(StoreError::Refused(Refusal::NotMoved));
        };
        let order: Vec<(Id, u32)> = self.rows(
            &format!("SELECT id, ordinal FROM {table} WHERE {group} ORDER BY ordinal, id"),
            [item.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let Some(at) = order.iter().position(|(id, _)| *id == item.id) else {
            return Err(no_such(target, item.id));
        };
        let to = if up { at.checked_sub(1) } else { Some(at + 1) };
        let Some(to) = to.filter(|t| *t < order.len()) else {
            return Ok(false);
        };
        let mut moved = order.clone();
        moved.swap(at, to);
        let act = Act::Move {
            part: item.part,
            name: self.name_of(item)?,
            up,
        };
        let path = self.path().to_path_buf();
        self.journaled(&act, |tx| {
            // As read, unless another window changed the list since.
            let now: Option<Id> = tx
                .query_row(
                    &format!("SELECT id FROM {table} WHERE id = ?1"),
                    [item.id],
                    |r| r.get(0),
                )
                .optional()
                .map_err(|e| sqlite_error(&path, e))?;
            if now.is_none() {
                return Err(no_such(target, item.id));
            }
            renumber(tx, table, &moved).map_err(|e| sqlite_error(&path, e))?;
            if item.part == Part::Cohort {
                super::drop_stale_fates(tx).map_err(|e| sqlite_error(&path, e))?;
            }
            Ok(true)
        })
    }
}
