//! Codings matched by GUID (or quote, code and coder), added or updated;
//! the new ones' facts filled in at once.

use super::{Stage, some};
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
    let now = crate::domain::now_utc();
    // The new codings are numbered here, written together at the end (as
    // the quotes are: see `Stage`), and their facts filled in by one
    // statement rather than by the trigger once per coding.
    let last: Id = tx.query_row("SELECT coalesce(max(id), 0) FROM coding", [], |r| r.get(0))?;
    let mut next = last;
    let mut stage = Stage::new(tx, "coding", CODING_COLUMNS)?;
    let mut staged: HashMap<(Id, Id, Id), Id> = HashMap::new();
    for c in &b.codings {
        let (Some(&quote), Some(&code), Some(&coder)) = (
            quotes.get(c.quote.as_str()),
            codes.get(&c.code),
            coders.get(&c.coder),
        ) else {
            continue;
        };
        let read = |r: &rusqlite::Row| Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?));
        // A quote made by this merge has no codings in the store.
        let held = if fresh.contains(&quote) {
            None
        } else {
            match by_guid.query_row([&c.guid], read).optional()? {
                Some(f) => Some(f),
                None => by_triple
                    .query_row(params![quote, code, coder], read)
                    .optional()?,
            }
        };
        let triple = (quote, code, coder);
        // Held by the store, or met earlier in this batch (the same code by
        // the same coder on the same quote: one coding, memos joined).
        let found = match (held, staged.get(&triple)) {
            (Some((id, memo)), _) => Some((id, memo, false)),
            (None, Some(&id)) => {
                let memo: String = tx.query_row(
                    "SELECT memo FROM temp.coding_stage WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )?;
                Some((id, memo, true))
            }
            (None, None) => None,
        };
        if let Some((id, memo, in_stage)) = found {
            let memo2 = merge_text(&memo, &c.memo);
            if memo2 != memo {
                if in_stage {
                    tx.execute(
                        "UPDATE temp.coding_stage SET memo = ?2 WHERE id = ?1",
                        params![id, memo2],
                    )?;
                } else {
                    update.execute(params![id, memo2])?;
                }
                m.updated.codings += 1;
                m.updated.memos += 1;
            } else {
                m.unchanged.codings += 1;
            }
        } else {
            let created = if c.created.is_empty() {
                now.as_str()
            } else {
                c.created.as_str()
            };
            next += 1;
            staged.insert(triple, next);
            stage.add(params![
                next,
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
    {
        let _aside = crate::store::search::Aside::new(indexing);
        stage.finish()?;
    }
    tx.execute(
        "INSERT INTO coding_fact
             SELECT g.id, g.code, g.coder, g.quote, q.document, d.cohort, q.role, q.start, q.end
             FROM coding g JOIN quote q ON q.id = g.quote JOIN document d ON d.id = q.document
             WHERE g.id > ?1",
        [last],
    )?;
    Ok(())
}

/// The columns a new coding is staged with.
const CODING_COLUMNS: &str = "id, quote, code, coder, memo, created, guid, memo_guid";
