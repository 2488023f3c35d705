//! An incoming [`Batch`] (another tool's project, another store) written
//! into the store in one transaction: what the store holds under the same
//! GUID is updated, the rest added. The rules, each the same whichever
//! side merges into which, so that two copies merged both ways agree:
//! * a coder is found by GUID, else by name;
//! * a code by GUID, else by name under the same parent; of two names the
//!   one that sorts first is kept, of two parents the one whose GUID sorts
//!   first; descriptions and memos are joined ([`merge_text`]);
//! * a document by GUID; when its text differs, the store's is kept and
//!   the incoming quotes of it are left out (neither text can be dropped
//!   under the other's codings); notes joined, attributes united;
//! * a quote by GUID, else by its span in the same document; a coding by
//!   GUID, else by its quote, code and coder.
//!
//! Every conflict is listed in what is returned.

use super::{Result, Store, StoreError, sqlite_error};
use crate::domain::Id;
use crate::domain::exchange::{Batch, Merged, merge_text};
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::{HashMap, HashSet};

mod codes;
mod codings;
mod documents;

use codes::{merge_coders, merge_codes};
use codings::{Held, merge_codings};
use documents::{index_new_quotes, merge_documents};

impl Store {
    /// Writes `batch` in one transaction; nothing is written on error.
    pub fn merge_batch(&mut self, batch: &Batch) -> Result<Merged> {
        let path = self.path().to_path_buf();
        let indexing = std::sync::Arc::clone(&self.indexing);
        // Many rows and their indexes do not fit SQLite's usual 2 MB of
        // cache (the 100,000 codings of a team's project were read back from
        // the file again and again): a larger one while this writes.
        let usual: i64 = self
            .conn
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .map_err(|e| sqlite_error(&path, e))?;
        let large = batch.quotes.len() + batch.codings.len() > 10_000;
        let set = |conn: &rusqlite::Connection, size: i64| {
            conn.execute_batch(&format!("PRAGMA cache_size = {size}"))
                .map_err(|e| sqlite_error(&path, e))
        };
        if large {
            set(&self.conn, MERGE_CACHE_KIB)?;
        }
        let done = self
            .write(|tx| merge(tx, batch, &indexing).map_err(|e| sqlite_error(&path, e)))
            .and_then(|m| m.map_err(StoreError::Refused));
        if large {
            set(&self.conn, usual)?;
        }
        done
    }
}

type Inner = std::result::Result<Merged, super::Refusal>;

/// The cache a large merge is written with, in KiB as `PRAGMA cache_size`
/// takes it (negative).
const MERGE_CACHE_KIB: i64 = -32_768;

fn merge(
    tx: &Transaction,
    b: &Batch,
    indexing: &std::sync::atomic::AtomicBool,
) -> rusqlite::Result<Inner> {
    let mut m = Merged::default();
    // The search index keeps at most 16 MB of new terms in memory while
    // this writes, not its usual 64 MB: a team's project stays within 200 MB.
    let hash: Option<i64> = tx
        .query_row(
            "SELECT v FROM search_index_config WHERE k = 'hashsize'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    tx.execute(
        "INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ?1)",
        [16i64 << 20],
    )?;
    // Into a store with no quotes yet, the large tables' own indexes are
    // built once their rows are in, as a whole store's import does.
    let empty: bool = tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM quote)", [], |r| r.get(0))?;
    let indexes = if empty && b.quotes.len() > 10_000 {
        crate::store::coding::set_indexes_aside(tx, &["quote", "coding", "coding_fact", "passage"])?
    } else {
        vec![]
    };
    let coders = merge_coders(tx, b, &mut m)?;
    let codes = merge_codes(tx, b, &mut m)?;
    let (documents, left_out) = match merge_documents(tx, b, &mut m)? {
        Ok(d) => d,
        Err(r) => return Ok(Err(r)),
    };
    // Quotes, with new documents' quotes indexed a document at a time.
    let mut quotes: HashMap<&str, Id> = HashMap::new();
    let mut by_guid = tx.prepare_cached("SELECT id, role, memo FROM quote WHERE guid = ?1")?;
    let mut by_span = tx.prepare_cached(
        "SELECT id, role, memo FROM quote WHERE document = ?1 AND start = ?2 AND end = ?3
         ORDER BY id LIMIT 1",
    )?;
    let mut update = tx.prepare_cached("UPDATE quote SET role = ?2, memo = ?3 WHERE id = ?1")?;
    let mut add = tx.prepare_cached(
        "INSERT INTO quote (document, start, end, role, guid, memo, memo_guid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut lengths: HashMap<Id, u32> = HashMap::new();
    let mut fresh: HashMap<Id, Vec<(Id, u32, u32, String)>> = HashMap::new();
    {
        let _aside = super::search::Aside::new(indexing);
        for q in &b.quotes {
            let Some(&(doc, new_doc)) = documents.get(q.document.as_str()) else {
                continue; // its document was left out
            };
            if left_out.contains(q.document.as_str()) {
                continue;
            }
            let len = match lengths.get(&doc) {
                Some(l) => *l,
                None => {
                    // Kept beside the document (`document_info`): its text
                    // is not read again.
                    let l: u32 = tx.query_row(
                        "SELECT chars FROM document_info WHERE document = ?1",
                        [doc],
                        |r| r.get(0),
                    )?;
                    lengths.insert(doc, l);
                    l
                }
            };
            if q.start >= q.end || q.end > len {
                return Ok(Err(super::Refusal::QuoteOutside {
                    start: q.start,
                    end: q.end,
                    len: len as usize,
                }));
            }
            // A new document has no quotes but these (a GUID used twice in
            // the file is refused by the store's index).
            let found = if new_doc {
                None
            } else {
                by_guid
                    .query_row([&q.guid], |r| {
                        Ok((
                            r.get::<_, Id>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                        ))
                    })
                    .optional()?
            };
            let found = match found {
                Some(f) => Some(f),
                None if new_doc => None,
                None => by_span
                    .query_row(params![doc, q.start, q.end], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                    })
                    .optional()?,
            };
            match found {
                Some((id, role, memo)) => {
                    let role2 = pick(&role, &q.role);
                    let memo2 = merge_text(&memo, &q.memo);
                    if role2 != role || memo2 != memo {
                        update.execute(params![id, role2, memo2])?;
                        m.updated.quotes += 1;
                        m.updated.memos += usize::from(memo2 != memo);
                    } else {
                        m.unchanged.quotes += 1;
                    }
                    quotes.insert(&q.guid, id);
                }
                None => {
                    add.execute(params![
                        doc,
                        q.start,
                        q.end,
                        q.role,
                        q.guid,
                        q.memo,
                        some(&q.memo_guid)
                    ])?;
                    let id = tx.last_insert_rowid();
                    fresh
                        .entry(doc)
                        .or_default()
                        .push((id, q.start, q.end, q.role.clone()));
                    m.added.quotes += 1;
                    m.added.memos += usize::from(!q.memo.is_empty());
                    quotes.insert(&q.guid, id);
                }
            }
        }
    }
    index_new_quotes(tx, b, &documents, &fresh, indexing)?;
    let made: HashSet<Id> = fresh.values().flatten().map(|q| q.0).collect();
    let held = Held {
        quotes: &quotes,
        made: &made,
        codes: &codes,
        coders: &coders,
    };
    merge_codings(tx, indexing, b, &held, &mut m)?;
    for sql in indexes {
        tx.execute_batch(&sql)?;
    }
    tx.execute(
        "INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ?1)",
        [hash.unwrap_or(1 << 20)],
    )?;
    Ok(Ok(m))
}

/// Of two roles the one given, or the one that sorts first.
pub(super) fn pick(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => a.min(b).to_string(),
    }
}

pub(super) fn some(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}
