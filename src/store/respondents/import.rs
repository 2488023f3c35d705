//! A survey file's questions, respondents, answers and open answers
//! written into one instrument in one transaction.

use super::recount;
use crate::domain::{Id, QuestionKind, Scale};
use crate::store::{Store, sqlite_error};
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::BTreeMap;

/// A question a survey file brings, found again by its column (`field`).
#[derive(Debug, Clone, PartialEq)]
pub struct NewQuestion {
    pub field: String,
    pub topic: String,
    pub wording: String,
    pub kind: QuestionKind,
    /// An index into [`SurveyBatch::scales`].
    pub scale: usize,
}

/// A respondent a survey file brings, found again by its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRespondent {
    pub key: String,
    pub attributes: BTreeMap<String, String>,
}

/// An open question's answers, to become a document to code: one quote
/// per respondent's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenQuestion {
    pub field: String,
    pub title: String,
    /// Each answer's respondent (an index into
    /// [`SurveyBatch::respondents`]) and text, in the file's order.
    pub answers: Vec<(usize, String)>,
    /// The attribute whose value a quote takes as its speaker's role.
    pub role: Option<String>,
}

/// What one survey file brings into one instrument.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SurveyBatch {
    pub instrument: Id,
    /// Scales by content: one the store holds already (same name, same
    /// options) is used again. Ids here are ignored.
    pub scales: Vec<Scale>,
    pub questions: Vec<NewQuestion>,
    pub respondents: Vec<NewRespondent>,
    /// Question and respondent (indexes into the lists above), the option
    /// chosen, the number given; neither when the answer is missing.
    pub answers: Vec<(usize, usize, Option<u32>, Option<f64>)>,
    pub open: Vec<OpenQuestion>,
}

/// What an import of a survey file did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SurveyTally {
    pub questions_new: usize,
    pub questions_again: usize,
    pub respondents_new: usize,
    pub respondents_again: usize,
    pub answers: usize,
    pub missing: usize,
    /// Documents of open answers made, with their quotes.
    pub documents: Vec<(Id, String, usize)>,
    /// Open questions whose document the store holds from an earlier
    /// import: left as they are (their quotes may be coded).
    pub documents_kept: Vec<String>,
    /// Open questions no one answered: no document made.
    pub documents_empty: Vec<String>,
    /// Quotes of kept documents whose role changed with the map's `role`.
    pub roles_changed: usize,
}

/// The cache a survey file is written with, in KiB as `PRAGMA cache_size`
/// takes it: 64 MB at most (20,000 respondents × 50 questions: 5.7 s with
/// SQLite's 2 MB, 5.2 s with 64 MB).
const SURVEY_CACHE_KIB: i64 = -65_536;

/// The attribute of a document that names the survey column it holds.
pub const FIELD_ATTRIBUTE: &str = "survey field";

impl Store {
    /// Writes a survey file's questions, respondents, answers and open
    /// answers in one transaction. A question whose column the instrument
    /// holds already, and a respondent whose key it holds, are updated, not
    /// added again: their answers to this file's questions are replaced.
    pub fn import_survey(&mut self, b: &SurveyBatch) -> crate::store::Result<SurveyTally> {
        let path = self.path().to_path_buf();
        let cohort =
            self.cohort_of_instrument(b.instrument)?
                .ok_or(crate::store::StoreError::Refused(
                    crate::store::Refusal::NoSuch {
                        target: "instrument",
                        id: b.instrument,
                    },
                ))?;
        let indexing = std::sync::Arc::clone(&self.indexing);
        let mut docs = vec![];
        // A million answers and their indexes do not fit SQLite's usual
        // 2 MB of cache (as for a whole store, `dataset::BULK_CACHE_KIB`;
        // given back after).
        let usual: i64 = self
            .conn()
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .map_err(|e| self.sqlite(e))?;
        let cache = |s: &Store, size: i64| {
            s.conn()
                .execute_batch(&format!("PRAGMA cache_size = {size}"))
                .map_err(|e| s.sqlite(e))
        };
        cache(self, SURVEY_CACHE_KIB)?;
        let tally = self.write(|tx| {
            let e = |e| sqlite_error(&path, e);
            let mut t = SurveyTally::default();
            let scales: Vec<Id> = b
                .scales
                .iter()
                .map(|s| scale_id(tx, s))
                .collect::<rusqlite::Result<_>>()
                .map_err(e)?;
            let questions = write_questions(tx, b, &scales, &mut t).map_err(e)?;
            // The counts kept beside the answers are counted once, after.
            let aside = crate::store::search::Aside::new(&indexing);
            let respondents = write_respondents(tx, b, &mut t).map_err(e)?;
            for (_, _, option, value) in &b.answers {
                if option.is_none() && value.is_none() {
                    t.missing += 1;
                } else {
                    t.answers += 1;
                }
            }
            super::stage_answers(
                tx,
                b.answers
                    .iter()
                    .map(|(q, r, o, v)| (questions[*q], respondents[*r], *o, *v)),
            )
            .map_err(e)?;
            drop(aside);
            super::index(tx, Some(b.instrument)).map_err(e)?;
            // Every question of the instrument: a respondent's attributes
            // may have changed with this file.
            let all: Vec<Id> = tx
                .prepare("SELECT id FROM question WHERE instrument = ?1")
                .and_then(|mut s| {
                    s.query_map([b.instrument], |r| r.get(0))?
                        .collect::<rusqlite::Result<_>>()
                })
                .map_err(e)?;
            recount(tx, Some(&all)).map_err(e)?;
            for open in &b.open {
                let held: Option<Id> = tx
                    .query_row(
                        "SELECT d.id FROM document d JOIN document_attribute a ON a.document = d.id
                         WHERE d.instrument = ?1 AND a.name = ?2 AND a.value = ?3",
                        params![b.instrument, FIELD_ATTRIBUTE, open.field],
                        |r| r.get(0),
                    )
                    .optional()
                    .map_err(e)?;
                if let Some(doc) = held {
                    // Its quotes keep their codings; their role follows
                    // the map's `role` attribute (the Tables view's roles).
                    t.roles_changed += tx
                        .execute(
                            "UPDATE quote SET role = COALESCE((SELECT value FROM respondent_attribute
                                 WHERE respondent = quote.respondent AND name = ?2), '')
                             WHERE document = ?1 AND respondent IS NOT NULL
                               AND role IS NOT COALESCE((SELECT value FROM respondent_attribute
                                 WHERE respondent = quote.respondent AND name = ?2), '')",
                            params![doc, open.role.as_deref().unwrap_or("")],
                        )
                        .map_err(e)?;
                    t.documents_kept.push(open.title.clone());
                    continue;
                }
                if open.answers.iter().all(|(_, a)| a.trim().is_empty()) {
                    t.documents_empty.push(open.title.clone());
                    continue;
                }
                let (text, quotes) = open_text(open, &respondents, b);
                let doc = crate::store::documents::NewDocument {
                    cohort,
                    instrument: Some(b.instrument),
                    kind: crate::domain::DocumentKind::OpenEnded,
                    title: &open.title,
                    text: &text,
                    quotes: quotes
                        .iter()
                        .map(|(s, e, r, _)| (*s, *e, r.clone()))
                        .collect(),
                };
                let (id, quote_ids) =
                    crate::store::documents::insert_document(tx, &indexing, &doc, &path)?;
                tx.execute(
                    "INSERT INTO document_attribute (document, name, value) VALUES (?1, ?2, ?3)",
                    params![id, FIELD_ATTRIBUTE, open.field],
                )
                .map_err(e)?;
                let mut link = tx
                    .prepare("UPDATE quote SET respondent = ?2 WHERE id = ?1")
                    .map_err(e)?;
                for (q, (_, _, _, r)) in quote_ids.iter().zip(&quotes) {
                    link.execute(params![q, r]).map_err(e)?;
                }
                docs.push((id, open.title.clone(), quotes.len()));
            }
            Ok(t)
        });
        cache(self, usual)?;
        let tally = tally?;
        Ok(SurveyTally {
            documents: docs,
            ..tally
        })
    }
}

/// The store's scale with the same name and options, or a new one.
fn scale_id(tx: &Transaction, s: &Scale) -> rusqlite::Result<Id> {
    let wanted: Vec<(String, String)> = s
        .options
        .iter()
        .map(|o| (o.label.clone(), o.valence.key().to_string()))
        .collect();
    let mut candidates = tx.prepare("SELECT id FROM scale WHERE name = ?1 ORDER BY id")?;
    let ids: Vec<Id> = candidates
        .query_map([&s.name], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut options =
        tx.prepare("SELECT label, valence FROM scale_option WHERE scale = ?1 ORDER BY position")?;
    for id in ids {
        let have: Vec<(String, String)> = options
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        if have == wanted {
            return Ok(id);
        }
    }
    tx.execute("INSERT INTO scale (name) VALUES (?1)", [&s.name])?;
    let id = tx.last_insert_rowid();
    for (pos, (label, valence)) in wanted.iter().enumerate() {
        tx.execute(
            "INSERT INTO scale_option (scale, position, label, valence) VALUES (?1, ?2, ?3, ?4)",
            params![id, pos as i64, label, valence],
        )?;
    }
    Ok(id)
}

fn write_questions(
    tx: &Transaction,
    b: &SurveyBatch,
    scales: &[Id],
    t: &mut SurveyTally,
) -> rusqlite::Result<Vec<Id>> {
    let mut next: u32 = tx.query_row(
        "SELECT COALESCE(max(ordinal), 0) FROM question WHERE instrument = ?1",
        [b.instrument],
        |r| r.get(0),
    )?;
    let mut ids = Vec::with_capacity(b.questions.len());
    for q in &b.questions {
        let held: Option<Id> = tx
            .query_row(
                "SELECT id FROM question WHERE instrument = ?1 AND field = ?2",
                params![b.instrument, q.field],
                |r| r.get(0),
            )
            .optional()?;
        let scale = scales[q.scale];
        match held {
            Some(id) => {
                tx.execute(
                    "UPDATE question SET topic = ?2, wording = ?3, kind = ?4, scale = ?5
                     WHERE id = ?1",
                    params![id, q.topic, q.wording, q.kind.key(), scale],
                )?;
                t.questions_again += 1;
                ids.push(id);
            }
            None => {
                next += 1;
                tx.execute(
                    "INSERT INTO question (instrument, ordinal, topic, wording, scale, kind, field)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        b.instrument,
                        next,
                        q.topic,
                        q.wording,
                        scale,
                        q.kind.key(),
                        q.field
                    ],
                )?;
                t.questions_new += 1;
                ids.push(tx.last_insert_rowid());
            }
        }
    }
    Ok(ids)
}

fn write_respondents(
    tx: &Transaction,
    b: &SurveyBatch,
    t: &mut SurveyTally,
) -> rusqlite::Result<Vec<Id>> {
    let mut find = tx.prepare("SELECT id FROM respondent WHERE instrument = ?1 AND key = ?2")?;
    let mut add = tx.prepare("INSERT INTO respondent (instrument, key) VALUES (?1, ?2)")?;
    let mut attribute = tx.prepare(
        "INSERT OR REPLACE INTO respondent_attribute (respondent, name, value) VALUES (?1, ?2, ?3)",
    )?;
    let mut ids = Vec::with_capacity(b.respondents.len());
    for r in &b.respondents {
        let held: Option<Id> = find
            .query_row(params![b.instrument, r.key], |x| x.get(0))
            .optional()?;
        let id = match held {
            Some(id) => {
                t.respondents_again += 1;
                id
            }
            None => {
                add.execute(params![b.instrument, r.key])?;
                t.respondents_new += 1;
                tx.last_insert_rowid()
            }
        };
        for (name, value) in &r.attributes {
            attribute.execute(params![id, name, value])?;
        }
        ids.push(id);
    }
    Ok(ids)
}

/// An open question's document: each answer a paragraph, and its quote's
/// span, role and respondent.
fn open_text(
    open: &OpenQuestion,
    respondents: &[Id],
    b: &SurveyBatch,
) -> (String, Vec<(u32, u32, String, Id)>) {
    let mut text = String::new();
    let mut at = 0u32;
    let mut quotes = vec![];
    for (r, answer) in &open.answers {
        // An answer of several lines stays one paragraph: its line breaks
        // become spaces, so that a paragraph is a respondent.
        let one: String = answer
            .split(['\n', '\r'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if one.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
            at += 2;
        }
        let len = one.chars().count() as u32;
        let role = open
            .role
            .as_ref()
            .and_then(|a| b.respondents[*r].attributes.get(a))
            .cloned()
            .unwrap_or_default();
        quotes.push((at, at + len, role, respondents[*r]));
        text.push_str(&one);
        at += len;
    }
    (text, quotes)
}
