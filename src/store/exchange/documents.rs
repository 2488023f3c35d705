//! Documents matched by GUID, added (with their cohort, made when needed)
//! or updated; new quotes indexed for search.

use super::some;
use crate::domain::Id;
use crate::domain::exchange::{Batch, CohortRef, Conflict, Merged, merge_text};
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::{HashMap, HashSet};

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

pub(super) type Documents<'b> = (HashMap<&'b str, (Id, bool)>, HashSet<&'b str>);

pub(super) fn merge_documents<'b>(
    tx: &Transaction,
    b: &'b Batch,
    m: &mut Merged,
) -> rusqlite::Result<std::result::Result<Documents<'b>, crate::store::Refusal>> {
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
                    return Ok(Err(crate::store::Refusal::NoSuch {
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

/// New quotes go into the search index a document at a time, worked out
/// on a second thread while this one writes; the text of a new document
/// outside its quotes is written as its passages.
pub(super) fn index_new_quotes(
    tx: &Transaction,
    b: &Batch,
    documents: &HashMap<&str, (Id, bool)>,
    fresh: &HashMap<Id, Vec<(Id, u32, u32, String)>>,
    indexing: &std::sync::atomic::AtomicBool,
) -> rusqlite::Result<()> {
    // The batch's texts: a document already held that takes new quotes has
    // the same text (one that differs is left out).
    let mut work: Vec<(Id, bool, &str)> = b
        .documents
        .iter()
        .filter_map(|d| {
            let &(id, new) = documents.get(d.guid.as_str())?;
            (new || fresh.contains_key(&id)).then_some((id, new, d.text.as_str()))
        })
        .collect();
    work.sort_unstable_by_key(|w| w.0);
    work.dedup_by_key(|w| w.0);
    std::thread::scope(|scope| {
        // A few documents ahead at most, so that memory stays bounded.
        let (ready, next) = std::sync::mpsc::sync_channel(16);
        scope.spawn(move || {
            for (id, new, text) in work {
                let qs = fresh.get(&id).map_or(&[][..], Vec::as_slice);
                let ids: Vec<(Id, u32, u32)> = qs.iter().map(|(i, s, e, _)| (*i, *s, *e)).collect();
                let rows = crate::store::search::indexed(text, &ids);
                let passages = if new {
                    let spans: Vec<(u32, u32, &str)> =
                        qs.iter().map(|(_, s, e, r)| (*s, *e, r.as_str())).collect();
                    Some(crate::store::passages::indexed(text, &spans))
                } else {
                    None
                };
                if ready.send((id, rows, passages)).is_err() {
                    return; // the writer stopped on an error
                }
            }
        });
        let mut all = vec![];
        for (id, rows, passages) in next {
            crate::store::search::write_indexed(tx, &rows)?;
            if let Some(p) = passages {
                all.push((id, p));
            }
        }
        let _aside = crate::store::search::Aside::new(indexing);
        crate::store::passages::write(tx, &all)
    })
}
