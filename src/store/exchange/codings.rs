//! Codings matched by GUID (or quote, code and coder), added or updated;
//! the new ones' facts filled in at once.

use super::some;
use crate::domain::Id;
use crate::domain::exchange::{Batch, Merged, merge_text};
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::{HashMap, HashSet};

/// What the incoming GUIDs are in the store by now: quotes (those `made`
/// by this merge apart), codes and coders.
pub(super) struct Held<'a> {
    pub(super) quotes: &'a HashMap<&'a str, Id>,
    pub(super) made: &'a HashSet<Id>,
    pub(super) codes: &'a HashMap<String, Id>,
    pub(super) coders: &'a HashMap<String, Id>,
}

pub(super) fn merge_codings(
    tx: &Transaction,
    indexing: &std::sync::atomic::AtomicBool,
    b: &Batch,
    held: &Held,
    m: &mut Merged,
) -> rusqlite::Result<()> {
    let Held {
        quotes,
        made: fresh,
        codes,
        coders,
    } = held;
    let mut by_guid = tx.prepare_cached("SELECT id, memo FROM coding WHERE guid = ?1")?;
    let mut by_triple = tx.prepare_cached(
        "SELECT id, memo FROM coding WHERE quote = ?1 AND code = ?2 AND coder = ?3",
    )?;
    let mut update = tx.prepare_cached("UPDATE coding SET memo = ?2 WHERE id = ?1")?;
    let mut add = tx.prepare_cached(
        "INSERT INTO coding (quote, code, coder, memo, created, guid, memo_guid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let now = crate::domain::now_utc();
    // Each new coding's facts are filled in by one statement after the
    // last, rather than by the trigger once per coding.
    let last: Id = tx.query_row("SELECT coalesce(max(id), 0) FROM coding", [], |r| r.get(0))?;
    let aside = crate::store::search::Aside::new(indexing);
    for c in &b.codings {
        let (Some(&quote), Some(&code), Some(&coder)) = (
            quotes.get(c.quote.as_str()),
            codes.get(&c.code),
            coders.get(&c.coder),
        ) else {
            continue;
        };
        let read = |r: &rusqlite::Row| Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?));
        // A quote made by this merge has no codings but these.
        let found = if fresh.contains(&quote) {
            None
        } else {
            by_guid.query_row([&c.guid], read).optional()?
        };
        let found = match found {
            Some(f) => Some(f),
            None if fresh.contains(&quote) => None,
            None => by_triple
                .query_row(params![quote, code, coder], read)
                .optional()?,
        };
        match found {
            Some((id, memo)) => {
                let memo2 = merge_text(&memo, &c.memo);
                if memo2 != memo {
                    update.execute(params![id, memo2])?;
                    m.updated.codings += 1;
                    m.updated.memos += 1;
                } else {
                    m.unchanged.codings += 1;
                }
            }
            None => {
                let created = if c.created.is_empty() {
                    now.as_str()
                } else {
                    c.created.as_str()
                };
                add.execute(params![
                    quote,
                    code,
                    coder,
                    c.memo,
                    created,
                    c.guid,
                    some(&c.memo_guid)
                ])?;
                m.added.codings += 1;
                m.added.memos += usize::from(!c.memo.is_empty());
            }
        }
    }
    drop(aside);
    tx.execute(
        "INSERT INTO coding_fact
             SELECT g.id, g.code, g.coder, g.quote, q.document, d.cohort, q.role, q.start, q.end
             FROM coding g JOIN quote q ON q.id = g.quote JOIN document d ON d.id = q.document
             WHERE g.id > ?1",
        [last],
    )?;
    Ok(())
}
