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
    // Quotes, with new documents' quotes indexed a document at a time. The
    // new ones are numbered here and written together at the end (see
    // [`Staged`]); one met again in the batch is found among them.
    let mut quotes: HashMap<&str, Id> = HashMap::new();
    let mut by_guid = tx.prepare_cached("SELECT id, role, memo FROM quote WHERE guid = ?1")?;
    let mut by_span = tx.prepare_cached(
        "SELECT id, role, memo FROM quote WHERE document = ?1 AND start = ?2 AND end = ?3
         ORDER BY id LIMIT 1",
    )?;
    let mut update = tx.prepare_cached("UPDATE quote SET role = ?2, memo = ?3 WHERE id = ?1")?;
    let mut next: Id = tx.query_row("SELECT coalesce(max(id), 0) FROM quote", [], |r| r.get(0))?;
    let mut stage = Stage::new(tx, "quote", QUOTE_COLUMNS)?;
    let mut staged_span: HashMap<(Id, u32, u32), Id> = HashMap::new();
    let mut fresh: HashMap<Id, Vec<(Id, u32, u32, String)>> = HashMap::new();
    let mut lengths: HashMap<Id, u32> = HashMap::new();
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
        let held = if new_doc {
            None
        } else {
            let read = |r: &rusqlite::Row| {
                Ok((
                    r.get::<_, Id>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            };
            match by_guid.query_row([&q.guid], read).optional()? {
                Some(f) => Some(f),
                None => by_span
                    .query_row(params![doc, q.start, q.end], read)
                    .optional()?,
            }
        };
        let span = (doc, q.start, q.end);
        // Held by the store, or met earlier in this batch on a document the
        // store held (staged, not yet written).
        let found = match (held, staged_span.get(&span)) {
            (Some((id, role, memo)), _) => Some((id, role, memo, false)),
            (None, Some(&id)) => {
                let (role, memo): (String, String) = tx.query_row(
                    "SELECT role, memo FROM temp.quote_stage WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                Some((id, role, memo, true))
            }
            (None, None) => None,
        };
        if let Some((id, role, memo, staged)) = found {
            let role2 = pick(&role, &q.role);
            let memo2 = merge_text(&memo, &q.memo);
            if role2 != role || memo2 != memo {
                if staged {
                    tx.execute(
                        "UPDATE temp.quote_stage SET role = ?2, memo = ?3 WHERE id = ?1",
                        params![id, role2, memo2],
                    )?;
                    if let Some(f) = fresh
                        .get_mut(&doc)
                        .and_then(|f| f.iter_mut().find(|f| f.0 == id))
                    {
                        f.3.clone_from(&role2);
                    }
                } else {
                    update.execute(params![id, role2, memo2])?;
                }
                m.updated.quotes += 1;
                m.updated.memos += usize::from(memo2 != memo);
            } else {
                m.unchanged.quotes += 1;
            }
            quotes.insert(&q.guid, id);
        } else {
            next += 1;
            if !new_doc {
                staged_span.insert(span, next);
            }
            stage.add(params![
                next,
                doc,
                q.start,
                q.end,
                q.role,
                q.guid,
                q.memo,
                some(&q.memo_guid)
            ])?;
            fresh
                .entry(doc)
                .or_default()
                .push((next, q.start, q.end, q.role.clone()));
            m.added.quotes += 1;
            m.added.memos += usize::from(!q.memo.is_empty());
            quotes.insert(&q.guid, next);
        }
    }
    {
        let _aside = super::search::Aside::new(indexing);
        stage.finish()?;
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

/// The columns a new quote is staged with.
const QUOTE_COLUMNS: &str = "id, document, start, end, role, guid, memo, memo_guid";

/// New rows of a table, numbered by the merge, gathered in a table of no
/// triggers and no keys (`temp.TABLE_stage`) and written in one statement
/// at the end, in their ids' order. Inserted one at a time into `quote` or
/// `coding` (whose triggers, keys and undo journal make each insert keep a
/// statement journal of the pages it touches), the 100,000 quotes and
/// codings of a team's project wrote 315,000 pages to a temporary file
/// (6.5 s against 3.7 s this way); gathered in memory, they went past the
/// 200 MB the merge may take.
pub(super) struct Stage<'t> {
    tx: &'t Transaction<'t>,
    table: &'static str,
    columns: &'static str,
    add: rusqlite::CachedStatement<'t>,
}

impl<'t> Stage<'t> {
    pub(super) fn new(
        tx: &'t Transaction<'t>,
        table: &'static str,
        columns: &'static str,
    ) -> rusqlite::Result<Self> {
        tx.execute_batch(&format!(
            "CREATE TEMP TABLE IF NOT EXISTS {table}_stage (id INTEGER PRIMARY KEY, {rest});
             DELETE FROM temp.{table}_stage;",
            rest = columns.trim_start_matches("id, ")
        ))?;
        let marks = vec!["?"; columns.split(',').count()].join(", ");
        let add = tx.prepare_cached(&format!(
            "INSERT INTO temp.{table}_stage ({columns}) VALUES ({marks})"
        ))?;
        Ok(Stage {
            tx,
            table,
            columns,
            add,
        })
    }

    pub(super) fn add(&mut self, row: impl rusqlite::Params) -> rusqlite::Result<()> {
        self.add.execute(row).map(|_| ())
    }

    /// Moves what was gathered into the table.
    pub(super) fn finish(self) -> rusqlite::Result<()> {
        let Stage {
            tx, table, columns, ..
        } = self;
        tx.execute_batch(&format!(
            "INSERT INTO main.{table} ({columns}) SELECT {columns} FROM temp.{table}_stage ORDER BY id;
             DROP TABLE temp.{table}_stage;"
        ))
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DocumentKind;
    use crate::domain::exchange::{CohortRef, InCode, InCoder, InCoding, InDocument, InQuote};

    fn quote(guid: &str, document: &str, memo: &str) -> InQuote {
        InQuote {
            guid: guid.into(),
            document: document.into(),
            start: 0,
            end: 5,
            role: String::new(),
            memo: memo.into(),
            memo_guid: String::new(),
        }
    }

    fn coding(guid: &str, quote: &str, memo: &str) -> InCoding {
        InCoding {
            guid: guid.into(),
            quote: quote.into(),
            code: "K".into(),
            coder: "U".into(),
            created: String::new(),
            memo: memo.into(),
            memo_guid: String::new(),
        }
    }

    fn batch(cohort: Id) -> Batch {
        Batch {
            program: "p".into(),
            codes: vec![InCode {
                guid: "K".into(),
                parent: None,
                name: "קוד".into(),
                colour: None,
                description: String::new(),
                memo: String::new(),
                memo_guid: String::new(),
            }],
            coders: vec![InCoder {
                guid: "U".into(),
                name: "דנה".into(),
            }],
            documents: vec![InDocument {
                guid: "D".into(),
                cohort: CohortRef::Id(cohort),
                kind: DocumentKind::Transcript,
                title: "ראיון".into(),
                text: "שלום לכולם".into(),
                notes: String::new(),
                notes_guid: String::new(),
                attributes: Default::default(),
                instrument: None,
                illustrative: false,
            }],
            quotes: vec![],
            codings: vec![],
        }
    }

    fn count(s: &Store, sql: &str) -> i64 {
        s.first_row(sql, [], |r| r.get(0)).unwrap().unwrap()
    }

    #[test]
    fn a_span_or_a_coding_met_twice_in_one_batch_is_one_row_with_its_memos_joined() {
        let mut s = crate::store::testing::demo_store();
        let cohort = s.cohorts().unwrap()[0].id;
        let (quotes, codings) = (
            count(&s, "SELECT count(*) FROM quote"),
            count(&s, "SELECT count(*) FROM coding"),
        );
        // A new document: the same code twice on one of its quotes.
        let mut first = batch(cohort);
        first.quotes = vec![quote("Q0", "D", "")];
        first.codings = vec![coding("C0", "Q0", "א"), coding("C1", "Q0", "ב")];
        let m = s.merge_batch(&first).unwrap();
        assert_eq!((m.added.quotes, m.added.codings), (1, 1));
        assert_eq!(m.updated.codings, 1, "the second one's memo joined");
        // The document held now: two quotes of one span, each coded.
        let mut second = batch(cohort);
        second.quotes = vec![quote("Q1", "D", ""), quote("Q2", "D", "")];
        second.quotes[0].start = 6;
        second.quotes[0].end = 10;
        second.quotes[1].start = 6;
        second.quotes[1].end = 10;
        second.quotes[1].memo = "הערה".into();
        second.codings = vec![coding("C2", "Q1", "ג"), coding("C3", "Q2", "ד")];
        let m = s.merge_batch(&second).unwrap();
        assert_eq!((m.added.quotes, m.updated.quotes), (1, 1));
        assert_eq!((m.added.codings, m.updated.codings), (1, 1));
        assert_eq!(count(&s, "SELECT count(*) FROM quote"), quotes + 2);
        assert_eq!(count(&s, "SELECT count(*) FROM coding"), codings + 2);
        let memos: Vec<String> = s
            .rows(
                "SELECT g.memo || '|' || q.memo FROM coding g JOIN quote q ON q.id = g.quote
                 WHERE q.guid IN ('Q0', 'Q1') ORDER BY g.id",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(memos, vec!["א\n\nב|", "ג\n\nד|הערה"]);
        // Each new coding has its facts, and the new quotes are found.
        assert_eq!(
            count(
                &s,
                "SELECT count(*) FROM coding g LEFT JOIN coding_fact f ON f.coding = g.id
                 WHERE f.coding IS NULL"
            ),
            0
        );
        let hits = s.search("לכולם", 10).unwrap();
        assert!(
            hits.iter().any(|h| h.kind == crate::domain::HitKind::Quote),
            "{hits:?}"
        );
        // Merging the same again changes nothing.
        let m = s.merge_batch(&second).unwrap();
        assert_eq!((m.added.quotes, m.added.codings), (0, 0));
        assert_eq!(count(&s, "SELECT count(*) FROM coding"), codings + 2);
    }
}
