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
use crate::domain::exchange::{Batch, CohortRef, Conflict, Merged, merge_text};
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::{HashMap, HashSet};

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

impl Store {
    /// Writes `batch` in one transaction; nothing is written on error.
    pub fn merge_batch(&mut self, batch: &Batch) -> Result<Merged> {
        let path = self.path().to_path_buf();
        let indexing = std::sync::Arc::clone(&self.indexing);
        self.write(|tx| merge(tx, batch, &indexing).map_err(|e| sqlite_error(&path, e)))
            .and_then(|m| m.map_err(StoreError::Refused))
    }
}

type Inner = std::result::Result<Merged, super::Refusal>;

fn merge(
    tx: &Transaction,
    b: &Batch,
    indexing: &std::sync::atomic::AtomicBool,
) -> rusqlite::Result<Inner> {
    let mut m = Merged::default();
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
            let Some(&(doc, _)) = documents.get(q.document.as_str()) else {
                continue; // its document was left out
            };
            if left_out.contains(q.document.as_str()) {
                continue;
            }
            let len = match lengths.get(&doc) {
                Some(l) => *l,
                None => {
                    let l: u32 = tx.query_row(
                        "SELECT length(text) FROM document WHERE id = ?1",
                        [doc],
                        |r| r.get(0),
                    )?;
                    lengths.insert(doc, l);
                    l
                }
            };
            if q.start > q.end || q.end > len {
                return Ok(Err(super::Refusal::QuoteOutside {
                    start: q.start,
                    end: q.end,
                    len: len as usize,
                }));
            }
            let found = by_guid
                .query_row([&q.guid], |r| {
                    Ok((
                        r.get::<_, Id>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })
                .optional()?;
            let found = match found {
                Some(f) => Some(f),
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
    index_new_quotes(tx, &documents, &fresh, indexing)?;
    merge_codings(tx, b, &quotes, &codes, &coders, &mut m)?;
    Ok(Ok(m))
}

/// Of two roles the one given, or the one that sorts first.
fn pick(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => a.min(b).to_string(),
    }
}

fn some(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

fn merge_coders(
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

fn merge_codes(
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
        if name2 != name || (c.name != name && !c.name.is_empty()) {
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

/// The cohort a reference names, made when it is a label the store lacks.
fn cohort_of(
    tx: &Transaction,
    c: &CohortRef,
    program_name: &str,
    m: &mut Merged,
) -> rusqlite::Result<Option<Id>> {
    match c {
        CohortRef::Id(id) => tx
            .query_row("SELECT id FROM cohort WHERE id = ?1", [id], |r| r.get(0))
            .optional(),
        CohortRef::Label(label) => {
            let found: Option<Id> = tx
                .query_row(
                    "SELECT id FROM cohort WHERE label = ?1 ORDER BY program, ordinal LIMIT 1",
                    [label],
                    |r| r.get(0),
                )
                .optional()?;
            if found.is_some() {
                return Ok(found);
            }
            let program: Option<Id> = tx
                .query_row("SELECT min(id) FROM program", [], |r| r.get(0))
                .optional()?
                .flatten();
            let program = match program {
                Some(p) => p,
                None => {
                    let name = if program_name.trim().is_empty() {
                        "—"
                    } else {
                        program_name
                    };
                    tx.execute("INSERT INTO program (name) VALUES (?1)", [name])?;
                    tx.last_insert_rowid()
                }
            };
            tx.execute(
                "INSERT INTO cohort (program, label, ordinal)
                 VALUES (?1, ?2, (SELECT coalesce(max(ordinal), 0) + 1 FROM cohort WHERE program = ?1))",
                params![program, label],
            )?;
            m.added.cohorts += 1;
            Ok(Some(tx.last_insert_rowid()))
        }
    }
}

type Documents<'b> = (HashMap<&'b str, (Id, bool)>, HashSet<&'b str>);

fn merge_documents<'b>(
    tx: &Transaction,
    b: &'b Batch,
    m: &mut Merged,
) -> rusqlite::Result<std::result::Result<Documents<'b>, super::Refusal>> {
    let mut out = HashMap::new();
    let mut left_out = HashSet::new();
    for d in &b.documents {
        type Row = (Id, String, String, String);
        let found: Option<Row> = tx
            .query_row(
                "SELECT id, text, title, notes FROM document WHERE guid = ?1",
                [&d.guid],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        match found {
            Some((id, text, title, notes)) => {
                out.insert(d.guid.as_str(), (id, false));
                if text != d.text {
                    left_out.insert(d.guid.as_str());
                    let n = b.quotes.iter().filter(|q| q.document == d.guid).count();
                    m.conflicts.push(Conflict::DocumentText {
                        guid: d.guid.clone(),
                        title: title.clone(),
                        left_out: n,
                    });
                }
                let notes2 = merge_text(&notes, &d.notes);
                let mut changed = notes2 != notes;
                for (k, v) in &d.attributes {
                    let old: Option<String> = tx
                        .query_row(
                            "SELECT value FROM document_attribute WHERE document = ?1 AND name = ?2",
                            params![id, k],
                            |r| r.get(0),
                        )
                        .optional()?;
                    let new = old.as_ref().map_or(v.clone(), |o| o.clone().min(v.clone()));
                    if old.as_ref() != Some(&new) {
                        tx.execute(
                            "INSERT OR REPLACE INTO document_attribute (document, name, value)
                             VALUES (?1, ?2, ?3)",
                            params![id, k, new],
                        )?;
                        m.updated.attributes += 1;
                        changed = true;
                    }
                }
                if notes2 != notes {
                    tx.execute(
                        "UPDATE document SET notes = ?2 WHERE id = ?1",
                        params![id, notes2],
                    )?;
                    m.updated.memos += 1;
                }
                if changed {
                    m.updated.documents += 1;
                } else {
                    m.unchanged.documents += 1;
                }
            }
            None => {
                let Some(cohort) = cohort_of(tx, &d.cohort, &b.program, m)? else {
                    return Ok(Err(super::Refusal::NoSuch {
                        target: "cohort",
                        id: match d.cohort {
                            CohortRef::Id(id) => id,
                            CohortRef::Label(_) => 0,
                        },
                    }));
                };
                let instrument: Option<Id> = match &d.instrument {
                    Some(title) => tx
                        .query_row(
                            "SELECT id FROM instrument WHERE cohort = ?1 AND title = ?2
                             ORDER BY id LIMIT 1",
                            params![cohort, title],
                            |r| r.get(0),
                        )
                        .optional()?,
                    None => None,
                };
                tx.execute(
                    "INSERT INTO document (cohort, instrument, kind, title, text, illustrative,
                                           notes, guid, notes_guid)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![
                        cohort,
                        instrument,
                        d.kind.key(),
                        d.title,
                        d.text,
                        d.illustrative,
                        d.notes,
                        d.guid,
                        some(&d.notes_guid)
                    ],
                )?;
                let id = tx.last_insert_rowid();
                if let (Some(title), None) = (&d.instrument, instrument) {
                    // No such instrument here: kept as what it was called.
                    tx.execute(
                        "INSERT INTO document_attribute (document, name, value)
                         VALUES (?1, 'instrument', ?2)",
                        params![id, title],
                    )?;
                }
                for (k, v) in &d.attributes {
                    tx.execute(
                        "INSERT INTO document_attribute (document, name, value) VALUES (?1, ?2, ?3)",
                        params![id, k, v],
                    )?;
                    m.added.attributes += 1;
                }
                m.added.documents += 1;
                m.added.memos += usize::from(!d.notes.is_empty());
                out.insert(d.guid.as_str(), (id, true));
            }
        }
    }
    Ok(Ok((out, left_out)))
}

/// New quotes go into the search index a document at a time; the text of
/// a new document outside its quotes is written as its passages.
fn index_new_quotes(
    tx: &Transaction,
    documents: &HashMap<&str, (Id, bool)>,
    fresh: &HashMap<Id, Vec<(Id, u32, u32, String)>>,
    indexing: &std::sync::atomic::AtomicBool,
) -> rusqlite::Result<()> {
    let mut text = tx.prepare_cached("SELECT text FROM document WHERE id = ?1")?;
    let mut passages = vec![];
    let mut new_docs: Vec<Id> = documents
        .values()
        .filter(|(_, new)| *new)
        .map(|(id, _)| *id)
        .collect();
    new_docs.sort_unstable();
    let mut ids: Vec<&Id> = fresh.keys().collect();
    ids.sort_unstable();
    for doc in ids {
        let body: String = text.query_row([doc], |r| r.get(0))?;
        let qs = &fresh[doc];
        let spans: Vec<(Id, u32, u32)> = qs.iter().map(|(i, s, e, _)| (*i, *s, *e)).collect();
        super::search::index_quotes(tx, &body, &spans)?;
    }
    for doc in new_docs {
        let body: String = text.query_row([doc], |r| r.get(0))?;
        let spans: Vec<(u32, u32, &str)> = fresh
            .get(&doc)
            .map(|qs| qs.iter().map(|(_, s, e, r)| (*s, *e, r.as_str())).collect())
            .unwrap_or_default();
        let owned: Vec<(u32, u32, String, String)> = super::passages::indexed(&body, &spans)
            .into_iter()
            .map(|(p, s)| (p.start, p.end, p.text.to_string(), s))
            .collect();
        passages.push((doc, owned));
    }
    let borrowed: Vec<(Id, Vec<(super::passages::Passage, String)>)> = passages
        .iter()
        .map(|(doc, ps)| {
            (
                *doc,
                ps.iter()
                    .map(|(s, e, t, body)| {
                        (
                            super::passages::Passage {
                                start: *s,
                                end: *e,
                                text: t.as_str(),
                            },
                            body.clone(),
                        )
                    })
                    .collect(),
            )
        })
        .collect();
    let _aside = super::search::Aside::new(indexing);
    super::passages::write(tx, &borrowed)
}

fn merge_codings(
    tx: &Transaction,
    b: &Batch,
    quotes: &HashMap<&str, Id>,
    codes: &HashMap<String, Id>,
    coders: &HashMap<String, Id>,
    m: &mut Merged,
) -> rusqlite::Result<()> {
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
    for c in &b.codings {
        let (Some(&quote), Some(&code), Some(&coder)) = (
            quotes.get(c.quote.as_str()),
            codes.get(&c.code),
            coders.get(&c.coder),
        ) else {
            continue;
        };
        let read = |r: &rusqlite::Row| Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?));
        let found = match by_guid.query_row([&c.guid], read).optional()? {
            Some(f) => Some(f),
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
    Ok(())
}
