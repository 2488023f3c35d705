//! Documents, quotes, the codebook, coders and codings as rows: their
//! columns, how a row becomes a domain value, and writing or reading them
//! all at once (an import, an export). Lists of quotes are `store::quotes`.

use super::key_col;
use crate::domain::{Code, Coder, Coding, Dataset, Document, DocumentKind, Id, Quote};
use rusqlite::{Connection, Transaction, params};

/// `indexing` is the connection's `tovana_indexing()`: with it set aside,
/// the quotes and the text outside them (`store::passages`) are put in the
/// search index a document at a time, in one pass over its text worked out
/// on a second thread while this one writes; and each coding's facts are
/// filled in by one statement after the last coding instead of by the
/// trigger once per coding (at 200,000 quotes the codings took 5.9 s with
/// the trigger, 2.2 s and 1.0 s for the facts without).
pub(super) fn write_all(
    tx: &Transaction,
    d: &Dataset,
    indexing: &std::sync::atomic::AtomicBool,
) -> rusqlite::Result<()> {
    let mut by_document: std::collections::HashMap<Id, Vec<&Quote>> =
        std::collections::HashMap::new();
    for q in &d.quotes {
        by_document.entry(q.document).or_default().push(q);
    }
    let _aside = super::search::Aside::new(indexing);
    let mut guids = crate::domain::Guids::default();
    let guids = &mut guids;
    // The large tables' indexes are built once their rows are in (a sort
    // each), not a row at a time in another order than the rows'; the
    // dataset was checked to hold no GUID twice.
    let indexes = set_indexes_aside(tx, &["quote", "coding", "coding_fact", "passage"])?;
    std::thread::scope(|scope| {
        // A few documents ahead at most, so that memory stays bounded.
        let (ready, next) = std::sync::mpsc::sync_channel(16);
        let by_document = &by_document;
        scope.spawn(move || {
            for doc in &d.documents {
                let quotes = by_document.get(&doc.id).map_or(&[][..], Vec::as_slice);
                let ids: Vec<_> = quotes.iter().map(|q| (q.id, q.start, q.end)).collect();
                let spans: Vec<_> = quotes
                    .iter()
                    .map(|q| (q.start, q.end, q.role.as_str()))
                    .collect();
                let rows = super::search::indexed(&doc.text, &ids);
                let passages = super::passages::indexed(&doc.text, &spans);
                if ready.send((doc.id, rows, passages)).is_err() {
                    return; // the writer stopped on an error
                }
            }
        });
        write_documents(tx, d, guids)?;
        // Passages are written together after every quote: see
        // `passages::write` for why.
        let mut passages = vec![];
        for (document, rows, these) in next {
            super::search::write_indexed(tx, &rows)?;
            passages.push((document, these));
        }
        super::passages::write(tx, &passages)?;
        Ok::<_, rusqlite::Error>(())
    })?;
    write_codes(tx, d, guids)?;
    let mut coding = tx.prepare(
        "INSERT INTO coding (id, quote, code, coder, memo, created, guid, memo_guid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for c in &d.codings {
        coding.execute(params![
            c.id,
            c.quote,
            c.code,
            c.coder,
            c.memo,
            c.created,
            guid_or_new(guids, &c.guid),
            some(&c.memo_guid)
        ])?;
    }
    tx.execute(
        "INSERT INTO coding_fact
             SELECT g.id, g.code, g.coder, g.quote, q.document, d.cohort, q.role, q.start, q.end
             FROM coding g JOIN quote q ON q.id = g.quote JOIN document d ON d.id = q.document",
        [],
    )?;
    for sql in indexes {
        tx.execute_batch(&sql)?;
    }
    Ok(())
}

/// Documents and their quotes, their triggers set aside, and the
/// documents' titles and notes indexed in one statement after them.
fn write_documents(
    tx: &Transaction,
    d: &Dataset,
    guids: &mut crate::domain::Guids,
) -> rusqlite::Result<()> {
    let mut document = tx.prepare(
        "INSERT INTO document (id, cohort, instrument, kind, title, text, illustrative, notes,
                               guid, notes_guid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    let mut attribute =
        tx.prepare("INSERT INTO document_attribute (document, name, value) VALUES (?1, ?2, ?3)")?;
    for doc in &d.documents {
        document.execute(params![
            doc.id,
            doc.cohort,
            doc.instrument,
            doc.kind.key(),
            doc.title,
            doc.text,
            doc.illustrative,
            doc.notes,
            guid_or_new(guids, &doc.guid),
            some(&doc.notes_guid)
        ])?;
        // After its document: an attribute refers to it.
        for (name, value) in &doc.attributes {
            attribute.execute(params![doc.id, name, value])?;
        }
    }
    let mut quote = tx.prepare(
        "INSERT INTO quote (id, document, start, end, role, guid, memo, memo_guid, respondent)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for q in &d.quotes {
        quote.execute(params![
            q.id,
            q.document,
            q.start,
            q.end,
            q.role,
            guid_or_new(guids, &q.guid),
            q.memo,
            some(&q.memo_guid),
            q.respondent
        ])?;
    }
    tx.execute(
        "INSERT INTO search_index (rowid, body)
             SELECT id * 8 + 7, tovana_index_text(title || ' ' || notes) FROM document",
        [],
    )?;
    Ok(())
}

/// The codebook and the coders.
fn write_codes(
    tx: &Transaction,
    d: &Dataset,
    guids: &mut crate::domain::Guids,
) -> rusqlite::Result<()> {
    // Codes go in without parents first, so that a child may come before its
    // parent in the list; the tree is linked up after.
    let mut code = tx.prepare(
        "INSERT INTO code (id, parent, name, colour, description, memo, guid, memo_guid)
         VALUES (?1, NULL, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut parent = tx.prepare("UPDATE code SET parent = ?2 WHERE id = ?1")?;
    for c in &d.codes {
        code.execute(params![
            c.id,
            c.name,
            c.colour,
            c.description,
            c.memo,
            guid_or_new(guids, &c.guid),
            some(&c.memo_guid)
        ])?;
    }
    for c in d.codes.iter().filter(|c| c.parent.is_some()) {
        parent.execute(params![c.id, c.parent])?;
    }
    tx.execute(
        "INSERT INTO search_index (rowid, body)
             SELECT id * 8 + 6, tovana_index_text(name || ' ' || description || ' ' || memo)
             FROM code",
        [],
    )?;
    let mut coder = tx.prepare("INSERT INTO coder (id, name, guid) VALUES (?1, ?2, ?3)")?;
    for c in &d.coders {
        coder.execute(params![c.id, c.name, guid_or_new(guids, &c.guid)])?;
    }
    Ok(())
}

/// The GUID a row is written with: its own, or a new one (given here
/// rather than by the store's trigger, which would write each row twice).
fn guid_or_new(guids: &mut crate::domain::Guids, guid: &str) -> String {
    if guid.is_empty() {
        guids.next_guid()
    } else {
        guid.to_string()
    }
}

/// Drops the indexes of `tables` (their own, not the ones that keep a
/// primary key or a UNIQUE constraint) and gives the statements that make
/// them again.
pub(super) fn set_indexes_aside(
    tx: &Transaction,
    tables: &[&str],
) -> rusqlite::Result<Vec<String>> {
    let mut found: Vec<(String, String)> = vec![];
    {
        let mut s = tx.prepare(
            "SELECT name, sql FROM sqlite_master
             WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = ?1",
        )?;
        for t in tables {
            let rows = s.query_map([t], |r| Ok((r.get(0)?, r.get(1)?)))?;
            for row in rows {
                found.push(row?);
            }
        }
    }
    for (name, _) in &found {
        tx.execute_batch(&format!("DROP INDEX \"{name}\""))?;
    }
    Ok(found.into_iter().map(|(_, sql)| sql).collect())
}

/// An optional text column: NULL for an empty string.
fn some(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// The columns [`code_of`] reads, for a code table aliased `c`.
pub(super) const CODE_COLUMNS: &str = "c.id, c.parent, c.name, c.colour, c.description, c.memo, \
     COALESCE(c.guid, ''), COALESCE(c.memo_guid, '')";

/// A code from the columns [`CODE_COLUMNS`].
pub(super) fn code_of(r: &rusqlite::Row) -> rusqlite::Result<Code> {
    Ok(Code {
        id: r.get(0)?,
        parent: r.get(1)?,
        name: r.get(2)?,
        colour: r.get(3)?,
        description: r.get(4)?,
        memo: r.get(5)?,
        guid: r.get(6)?,
        memo_guid: r.get(7)?,
    })
}

/// The columns `document_of` reads, in its order.
pub(super) const DOCUMENT_COLUMNS: &str = "d.id, d.cohort, d.instrument, d.kind, d.title, d.text, d.illustrative, d.notes, \
     COALESCE(d.guid, ''), COALESCE(d.notes_guid, '')";

pub(super) fn document_of(r: &rusqlite::Row) -> rusqlite::Result<Document> {
    Ok(Document {
        id: r.get(0)?,
        cohort: r.get(1)?,
        instrument: r.get(2)?,
        kind: key_col(r, 3, DocumentKind::from_key)?,
        title: r.get(4)?,
        text: r.get(5)?,
        illustrative: r.get(6)?,
        notes: r.get(7)?,
        guid: r.get(8)?,
        notes_guid: r.get(9)?,
        attributes: Default::default(),
    })
}

/// The columns `quote_of` reads, in its order.
pub(super) const QUOTE_COLUMNS: &str = "q.id, q.document, q.start, q.end, q.role, \
     COALESCE(q.guid, ''), q.memo, COALESCE(q.memo_guid, ''), q.respondent";

pub(super) fn quote_of(r: &rusqlite::Row) -> rusqlite::Result<Quote> {
    Ok(Quote {
        id: r.get(0)?,
        document: r.get(1)?,
        start: r.get(2)?,
        end: r.get(3)?,
        role: r.get(4)?,
        guid: r.get(5)?,
        memo: r.get(6)?,
        memo_guid: r.get(7)?,
        respondent: r.get(8)?,
    })
}

/// The columns `coding_of` reads, in its order.
pub(super) const CODING_COLUMNS: &str = "g.id, g.quote, g.code, g.coder, g.memo, g.created, \
     COALESCE(g.guid, ''), COALESCE(g.memo_guid, '')";

pub(super) fn coding_of(r: &rusqlite::Row) -> rusqlite::Result<Coding> {
    Ok(Coding {
        id: r.get(0)?,
        quote: r.get(1)?,
        code: r.get(2)?,
        coder: r.get(3)?,
        memo: r.get(4)?,
        created: r.get(5)?,
        guid: r.get(6)?,
        memo_guid: r.get(7)?,
    })
}

pub(super) fn read_all(c: &Connection, d: &mut Dataset) -> rusqlite::Result<()> {
    d.documents = c
        .prepare(&format!(
            "SELECT {DOCUMENT_COLUMNS} FROM document d ORDER BY d.id"
        ))?
        .query_map([], document_of)?
        .collect::<rusqlite::Result<_>>()?;
    d.quotes = c
        .prepare(&format!(
            "SELECT {QUOTE_COLUMNS} FROM quote q ORDER BY q.id"
        ))?
        .query_map([], quote_of)?
        .collect::<rusqlite::Result<_>>()?;
    d.codes = c
        .prepare(&format!("SELECT {CODE_COLUMNS} FROM code c ORDER BY c.id"))?
        .query_map([], code_of)?
        .collect::<rusqlite::Result<_>>()?;
    d.coders = c
        .prepare("SELECT id, name, COALESCE(guid, '') FROM coder ORDER BY id")?
        .query_map([], |r| {
            Ok(Coder {
                id: r.get(0)?,
                name: r.get(1)?,
                guid: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut attributes =
        c.prepare("SELECT document, name, value FROM document_attribute ORDER BY document, name")?;
    let mut rows = attributes.query([])?;
    let mut at = 0;
    while let Some(r) = rows.next()? {
        let document: Id = r.get(0)?;
        // Both lists are in document order: walk them together.
        while d.documents.get(at).is_some_and(|doc| doc.id < document) {
            at += 1;
        }
        if let Some(doc) = d.documents.get_mut(at).filter(|doc| doc.id == document) {
            doc.attributes.insert(r.get(1)?, r.get(2)?);
        }
    }
    d.codings = c
        .prepare(&format!(
            "SELECT {CODING_COLUMNS} FROM coding g ORDER BY g.id"
        ))?
        .query_map([], coding_of)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}

/// The lists of quotes, by filter and page, are `store::quotes`.
pub use super::quotes::{QuoteFilter, QuoteRow};
