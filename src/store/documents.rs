//! Adding documents and their quotes.

use super::{Store, StoreError, sqlite_error};
use crate::domain::Id;
use rusqlite::params;

/// A document to add, with the quotes to create in it.
pub struct NewDocument<'a> {
    pub cohort: Id,
    pub instrument: Option<Id>,
    pub kind: crate::domain::DocumentKind,
    pub title: &'a str,
    pub text: &'a str,
    /// (start, end, role) in code points.
    pub quotes: Vec<(u32, u32, String)>,
}

impl Store {
    /// Adds a document and its quotes, in one transaction; returns the
    /// document's id.
    pub fn add_document(&mut self, doc: &NewDocument) -> super::Result<Id> {
        let len = doc.text.chars().count() as u32;
        if let Some((s, e, _)) = doc.quotes.iter().find(|(s, e, _)| s > e || *e > len) {
            return Err(StoreError::Invalid(vec![format!(
                "a quote {s}..{e} lies outside the text ({len} characters)"
            )]));
        }
        let path = self.path().to_path_buf();
        self.write(|tx| {
            let e = |e| sqlite_error(&path, e);
            tx.execute(
                "INSERT INTO document (cohort, instrument, kind, title, text, illustrative)
                 VALUES (?1, ?2, ?3, ?4, ?5, 0)",
                params![
                    doc.cohort,
                    doc.instrument,
                    doc.kind.key(),
                    doc.title,
                    doc.text
                ],
            )
            .map_err(e)?;
            let id = tx.last_insert_rowid();
            let mut q = tx
                .prepare("INSERT INTO quote (document, start, end, role) VALUES (?1, ?2, ?3, ?4)")
                .map_err(e)?;
            for (start, end, role) in &doc.quotes {
                q.execute(params![id, start, end, role]).map_err(e)?;
            }
            Ok(id)
        })
    }
}
