//! Documents, quotes, the codebook, coders and codings.

use super::key_col;
use crate::domain::{Code, Coder, Coding, Dataset, Document, DocumentKind, Quote};
use rusqlite::{Connection, Transaction, params};

pub(super) fn write_all(tx: &Transaction, d: &Dataset) -> rusqlite::Result<()> {
    let mut document = tx.prepare(
        "INSERT INTO document (id, cohort, instrument, kind, title, text, illustrative, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for doc in &d.documents {
        document.execute(params![
            doc.id,
            doc.cohort,
            doc.instrument,
            doc.kind.key(),
            doc.title,
            doc.text,
            doc.illustrative,
            doc.notes
        ])?;
    }
    let mut quote = tx.prepare(
        "INSERT INTO quote (id, document, start, end, role) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for q in &d.quotes {
        quote.execute(params![q.id, q.document, q.start, q.end, q.role])?;
    }
    // Codes go in without parents first, so that a child may come before its
    // parent in the list; the tree is linked up after.
    let mut code = tx.prepare(
        "INSERT INTO code (id, parent, name, colour, description) VALUES (?1, NULL, ?2, ?3, ?4)",
    )?;
    let mut parent = tx.prepare("UPDATE code SET parent = ?2 WHERE id = ?1")?;
    for c in &d.codes {
        code.execute(params![c.id, c.name, c.colour, c.description])?;
    }
    for c in d.codes.iter().filter(|c| c.parent.is_some()) {
        parent.execute(params![c.id, c.parent])?;
    }
    let mut coder = tx.prepare("INSERT INTO coder (id, name) VALUES (?1, ?2)")?;
    for c in &d.coders {
        coder.execute(params![c.id, c.name])?;
    }
    let mut coding = tx.prepare(
        "INSERT INTO coding (id, quote, code, coder, memo, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for c in &d.codings {
        coding.execute(params![c.id, c.quote, c.code, c.coder, c.memo, c.created])?;
    }
    Ok(())
}

pub(super) fn read_all(c: &Connection, d: &mut Dataset) -> rusqlite::Result<()> {
    d.documents = c
        .prepare(
            "SELECT id, cohort, instrument, kind, title, text, illustrative, notes
             FROM document ORDER BY id",
        )?
        .query_map([], |r| {
            Ok(Document {
                id: r.get(0)?,
                cohort: r.get(1)?,
                instrument: r.get(2)?,
                kind: key_col(r, 3, DocumentKind::from_key)?,
                title: r.get(4)?,
                text: r.get(5)?,
                illustrative: r.get(6)?,
                notes: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    d.quotes = c
        .prepare("SELECT id, document, start, end, role FROM quote ORDER BY id")?
        .query_map([], |r| {
            Ok(Quote {
                id: r.get(0)?,
                document: r.get(1)?,
                start: r.get(2)?,
                end: r.get(3)?,
                role: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    d.codes = c
        .prepare("SELECT id, parent, name, colour, description FROM code ORDER BY id")?
        .query_map([], |r| {
            Ok(Code {
                id: r.get(0)?,
                parent: r.get(1)?,
                name: r.get(2)?,
                colour: r.get(3)?,
                description: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    d.coders = c
        .prepare("SELECT id, name FROM coder ORDER BY id")?
        .query_map([], |r| {
            Ok(Coder {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    d.codings = c
        .prepare("SELECT id, quote, code, coder, memo, created FROM coding ORDER BY id")?
        .query_map([], |r| {
            Ok(Coding {
                id: r.get(0)?,
                quote: r.get(1)?,
                code: r.get(2)?,
                coder: r.get(3)?,
                memo: r.get(4)?,
                created: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}
