//! Coders and codes matched by GUID (or name), added or updated.

use super::some;
use crate::domain::Id;
use crate::domain::exchange::{Batch, Conflict, Merged, merge_text};
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::HashMap;

/// Colours for codes that came without one, chosen by GUID.
const PALETTE: &[&str] = &[
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf",
];

fn colour_for(guid: &str) -> &'static str {
    let h = guid
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32));
    PALETTE[h as usize % PALETTE.len()]
}

pub(super) fn merge_coders(
    tx: &Transaction,
    b: &Batch,
    m: &mut Merged,
) -> rusqlite::Result<HashMap<String, Id>> {
    let mut out = HashMap::new();
    for c in &b.coders {
        let by_guid: Option<Id> = tx
            .query_row("SELECT id FROM coder WHERE guid = ?1", [&c.guid], |r| {
                r.get(0)
            })
            .optional()?;
        let id = match by_guid {
            Some(id) => {
                m.unchanged.coders += 1;
                id
            }
            None => {
                let by_name: Option<Id> = tx
                    .query_row("SELECT id FROM coder WHERE name = ?1", [&c.name], |r| {
                        r.get(0)
                    })
                    .optional()?;
                match by_name {
                    Some(id) => {
                        m.conflicts.push(Conflict::CoderByName {
                            name: c.name.clone(),
                        });
                        m.unchanged.coders += 1;
                        id
                    }
                    None => {
                        tx.execute(
                            "INSERT INTO coder (name, guid) VALUES (?1, ?2)",
                            params![c.name, c.guid],
                        )?;
                        m.added.coders += 1;
                        tx.last_insert_rowid()
                    }
                }
            }
        };
        out.insert(c.guid.clone(), id);
    }
    Ok(out)
}

pub(super) fn merge_codes(
    tx: &Transaction,
    b: &Batch,
    m: &mut Merged,
) -> rusqlite::Result<HashMap<String, Id>> {
    let mut out: HashMap<String, Id> = HashMap::new();
    for c in &b.codes {
        let parent = c.parent.as_ref().and_then(|p| out.get(p).copied());
        type Row = (Id, Option<Id>, String, String, String, String);
        let read = |r: &rusqlite::Row| -> rusqlite::Result<Row> {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        };
        let found: Option<Row> = tx
            .query_row(
                "SELECT id, parent, name, colour, description, memo FROM code WHERE guid = ?1",
                [&c.guid],
                read,
            )
            .optional()?;
        let found = match found {
            Some(f) => Some(f),
            None => tx
                .query_row(
                    "SELECT id, parent, name, colour, description, memo FROM code
                     WHERE name = ?1 AND parent IS ?2 ORDER BY id LIMIT 1",
                    params![c.name, parent],
                    read,
                )
                .optional()?,
        };
        let Some((id, old_parent, name, colour, description, memo)) = found else {
            tx.execute(
                "INSERT INTO code (parent, name, colour, description, memo, guid, memo_guid)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    parent,
                    c.name,
                    c.colour.as_deref().unwrap_or(colour_for(&c.guid)),
                    c.description,
                    c.memo,
                    c.guid,
                    some(&c.memo_guid)
                ],
            )?;
            m.added.codes += 1;
            m.added.memos += usize::from(!c.memo.is_empty());
            out.insert(c.guid.clone(), tx.last_insert_rowid());
            continue;
        };
        out.insert(c.guid.clone(), id);
        let name2 = if c.name.is_empty() {
            name.clone()
        } else {
            name.clone().min(c.name.clone())
        };
        // (A different incoming name is the only way the kept one differs.)
        if !c.name.is_empty() && c.name != name {
            m.conflicts.push(Conflict::CodeName {
                guid: c.guid.clone(),
                kept: name2.clone(),
                other: if name2 == name {
                    c.name.clone()
                } else {
                    name.clone()
                },
            });
        }
        let colour2 = match &c.colour {
            Some(x) if *x != colour => colour.clone().min(x.clone()),
            _ => colour.clone(),
        };
        let description2 = merge_text(&description, &c.description);
        let memo2 = merge_text(&memo, &c.memo);
        // Of two parents, the one whose GUID sorts first, unless that would
        // put the code under itself.
        let mut parent2 = old_parent;
        if parent != old_parent && c.parent.is_some() == parent.is_some() {
            let guid_of = |p: Option<Id>| -> rusqlite::Result<String> {
                Ok(match p {
                    Some(p) => tx.query_row("SELECT guid FROM code WHERE id = ?1", [p], |r| {
                        r.get::<_, Option<String>>(0)
                    })?,
                    None => None,
                }
                .unwrap_or_default())
            };
            let (mine, theirs) = (guid_of(old_parent)?, guid_of(parent)?);
            if theirs < mine && !is_under(tx, parent, id)? {
                parent2 = parent;
            }
            m.conflicts.push(Conflict::CodeParent {
                guid: c.guid.clone(),
                name: name2.clone(),
            });
        }
        if (&name2, &colour2, &description2, &memo2, parent2)
            != (&name, &colour, &description, &memo, old_parent)
        {
            tx.execute(
                "UPDATE code SET name = ?2, colour = ?3, description = ?4, memo = ?5, parent = ?6
                 WHERE id = ?1",
                params![id, name2, colour2, description2, memo2, parent2],
            )?;
            m.updated.codes += 1;
            m.updated.memos += usize::from(memo2 != memo);
        } else {
            m.unchanged.codes += 1;
        }
    }
    Ok(out)
}

/// Whether `parent` is `code` or lies under it.
fn is_under(tx: &Transaction, parent: Option<Id>, code: Id) -> rusqlite::Result<bool> {
    let mut at = parent;
    let mut steps = 0;
    while let Some(p) = at {
        if p == code || steps > 10_000 {
            return Ok(true);
        }
        at = tx.query_row("SELECT parent FROM code WHERE id = ?1", [p], |r| r.get(0))?;
        steps += 1;
    }
    Ok(false)
}
