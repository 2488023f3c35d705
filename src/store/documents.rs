//! Documents: the list, one opened for reading, where a quote is, the
//! speaker turns; and adding a document with its quotes.

use super::Refusal;
use super::{Store, StoreError, sqlite_error};
use crate::domain::Id;
use rusqlite::params;

fn invalid(why: super::Refusal) -> StoreError {
    StoreError::Refused(why)
}

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

/// A document as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRow {
    pub id: Id,
    pub title: String,
    pub cohort_label: String,
    pub kind: crate::domain::DocumentKind,
    pub chars: usize,
    pub codings: usize,
    /// What came with it from another tool (a case, its variables), by name.
    pub attributes: Vec<(String, String)>,
}

/// A document opened for reading and coding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenDocument {
    pub id: Id,
    pub title: String,
    pub cohort: Id,
    pub cohort_label: String,
    pub text: String,
}

impl Store {
    /// Every document, in cohort order, with its size and codings.
    pub fn document_rows(&self) -> super::Result<Vec<DocumentRow>> {
        let mut attributes: std::collections::HashMap<Id, Vec<(String, String)>> =
            std::collections::HashMap::new();
        for (d, k, v) in self.rows(
            "SELECT document, name, value FROM document_attribute ORDER BY document, name",
            [],
            |r| Ok((r.get::<_, Id>(0)?, r.get(1)?, r.get(2)?)),
        )? {
            attributes.entry(d).or_default().push((k, v));
        }
        let mut rows = self.rows(
            "SELECT d.id, d.title, co.label, d.kind,
                        (SELECT chars FROM document_info WHERE document = d.id),
                        (SELECT count(*) FROM coding_fact f WHERE f.document = d.id)
                 FROM document d JOIN cohort co ON co.id = d.cohort
                 ORDER BY co.program, co.ordinal, d.id",
            [],
            |r| {
                Ok(DocumentRow {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    cohort_label: r.get(2)?,
                    kind: super::key_col(r, 3, crate::domain::DocumentKind::from_key)?,
                    chars: r.get::<_, i64>(4)? as usize,
                    codings: r.get::<_, i64>(5)? as usize,
                    attributes: vec![],
                })
            },
        )?;
        for row in &mut rows {
            if let Some(a) = attributes.remove(&row.id) {
                row.attributes = a;
            }
        }
        Ok(rows)
    }

    pub fn open_document(&self, id: Id) -> super::Result<OpenDocument> {
        self.first_row(
            "SELECT d.id, d.title, d.cohort, co.label, d.text
                 FROM document d JOIN cohort co ON co.id = d.cohort WHERE d.id = ?1",
            [id],
            |r| {
                Ok(OpenDocument {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    cohort: r.get(2)?,
                    cohort_label: r.get(3)?,
                    text: r.get(4)?,
                })
            },
        )?
        .ok_or_else(|| {
            invalid(Refusal::NoSuch {
                target: "document",
                id,
            })
        })
    }

    /// The document and span of a quote.
    pub fn quote_place(&self, quote: Id) -> super::Result<(Id, usize, usize)> {
        self.first_row(
            "SELECT document, start, end FROM quote WHERE id = ?1",
            [quote],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get::<_, i64>(1)? as usize,
                    r.get::<_, i64>(2)? as usize,
                ))
            },
        )?
        .ok_or_else(|| {
            invalid(Refusal::NoSuch {
                target: "quote",
                id: quote,
            })
        })
    }

    /// Where a passage of text outside the quotes is: its document and its
    /// first character.
    pub fn passage_place(&self, passage: Id) -> super::Result<(Id, usize)> {
        self.first_row(
            "SELECT document, start FROM passage WHERE id = ?1",
            [passage],
            |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)),
        )?
        .ok_or_else(|| {
            invalid(Refusal::NoSuch {
                target: "passage",
                id: passage,
            })
        })
    }

    /// The spans of a document's speaker turns (quotes with a role), in text
    /// order.
    pub fn turn_spans(&self, document: Id) -> super::Result<Vec<(usize, usize)>> {
        self.rows(
            "SELECT start, end FROM quote WHERE document = ?1 AND role <> ''
             ORDER BY start, end",
            [document],
            |r| Ok((r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize)),
        )
    }

    /// Adds a document and its quotes, in one transaction; returns the
    /// document's id.
    pub fn add_document(&mut self, doc: &NewDocument) -> super::Result<Id> {
        let path = self.path().to_path_buf();
        let indexing = std::sync::Arc::clone(&self.indexing);
        check_quotes(doc)?;
        self.write(|tx| insert_document(tx, &indexing, doc, &path).map(|(id, _)| id))
    }
}

/// Refuses a new document whose quotes lie outside its text.
fn check_quotes(doc: &NewDocument) -> super::Result<()> {
    let len = doc.text.chars().count() as u32;
    if let Some((s, e, _)) = doc.quotes.iter().find(|(s, e, _)| s > e || *e > len) {
        return Err(invalid(Refusal::QuoteOutside {
            start: *s,
            end: *e,
            len: len as usize,
        }));
    }
    Ok(())
}

/// Adds a document and its quotes within `tx`, indexed for search; returns
/// the document's id and its quotes' ids, in the order given.
pub(super) fn insert_document(
    tx: &rusqlite::Transaction,
    indexing: &std::sync::atomic::AtomicBool,
    doc: &NewDocument,
    path: &std::path::Path,
) -> super::Result<(Id, Vec<Id>)> {
    check_quotes(doc)?;
    let e = |e| sqlite_error(path, e);
    tx.execute(
        "INSERT INTO document (cohort, instrument, kind, title, text, illustrative, guid)
         VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6)",
        params![
            doc.cohort,
            doc.instrument,
            doc.kind.key(),
            doc.title,
            doc.text,
            crate::domain::new_guid()
        ],
    )
    .map_err(e)?;
    let id = tx.last_insert_rowid();
    let mut q = tx
        .prepare(
            "INSERT INTO quote (document, start, end, role, guid)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .map_err(e)?;
    let mut indexed = Vec::with_capacity(doc.quotes.len());
    {
        let _aside = super::search::Aside::new(indexing);
        for (start, end, role) in &doc.quotes {
            q.execute(params![id, start, end, role, crate::domain::new_guid()])
                .map_err(e)?;
            indexed.push((tx.last_insert_rowid(), *start, *end));
        }
    }
    super::search::index_quotes(tx, doc.text, &indexed).map_err(e)?;
    let spans: Vec<(u32, u32, &str)> = doc
        .quotes
        .iter()
        .map(|(s, e, r)| (*s, *e, r.as_str()))
        .collect();
    let passages = super::passages::indexed(doc.text, &spans);
    let _aside = super::search::Aside::new(indexing);
    super::passages::write(tx, &[(id, passages)]).map_err(e)?;
    Ok((id, indexed.into_iter().map(|(q, _, _)| q).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing::demo_store;

    #[test]
    fn a_documents_quotes_are_indexed_as_the_trigger_would_index_them() {
        let mut s = demo_store();
        // Letters of one, two, three and four bytes, points, and a quote
        // that ends where the text does.
        let text = "a שָׁלוֹם b\n€ 😀 דובר: מה?\nend";
        let n = text.chars().count() as u32;
        let quotes = vec![
            (0, 1, String::new()),
            (2, 8, "x".into()),
            (4, 14, String::new()),
            (9, 9, String::new()),
            (n - 3, n, String::new()),
            (0, n, String::new()),
        ];
        let cohort = s.cohorts().unwrap()[0].id;
        let doc = s
            .add_document(&NewDocument {
                cohort,
                instrument: None,
                kind: crate::domain::DocumentKind::Transcript,
                title: "t",
                text,
                quotes,
            })
            .unwrap();
        let rows: Vec<(i64, String)> = s
            .rows(
                "SELECT q.id, tovana_index_text(substr(d.text, q.start + 1, q.end - q.start))
                 FROM quote q JOIN document d ON d.id = q.document
                 WHERE q.document = ?1 ORDER BY q.id",
                [doc],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(rows.len(), 6);
        let mut worded = 0;
        for (id, trigger) in &rows {
            let written = crate::store::testing::index_words(&s, id * 8 + 3);
            // The empty quote (9, 9) has no words.
            assert_eq!(written.as_deref().unwrap_or(""), trigger, "quote {id}");
            worded += usize::from(written.is_some());
        }
        assert_eq!(worded, 5, "every quote with a word in it is indexed");
        // The texts kept beside the quotes are the quotes' own.
        let differ: i64 = s
            .first_row(
                "SELECT count(*) FROM quote q JOIN document d ON d.id = q.document
                 LEFT JOIN quote_text t ON t.quote = q.id
                 WHERE q.document = ?1 AND t.text IS NOT substr(d.text, q.start + 1, q.end - q.start)",
                [doc],
                |r| r.get(0),
            )
            .unwrap()
            .unwrap();
        assert_eq!(differ, 0);
        // The length kept beside the text is the text's.
        let row = s
            .document_rows()
            .unwrap()
            .into_iter()
            .find(|r| r.id == doc)
            .unwrap();
        assert_eq!(row.chars, n as usize);
        s.conn()
            .execute("UPDATE document SET text = 'שלום' WHERE id = ?1", [doc])
            .unwrap();
        let row = s
            .document_rows()
            .unwrap()
            .into_iter()
            .find(|r| r.id == doc)
            .unwrap();
        assert_eq!(row.chars, 4);
        // The trigger is back for what comes after.
        assert!(
            s.first_row("SELECT tovana_indexing()", [], |r| r.get::<_, bool>(0))
                .unwrap()
                .unwrap()
        );
    }
}
