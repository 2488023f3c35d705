//! Survey answers row by row: respondents with their attributes, an answer
//! per question, and what is worked out of them for any split (a filter
//! on an attribute). Written whole with the dataset (here), or a survey
//! file at a time in one transaction (`import.rs`, [`Store::import_survey`]);
//! read per question and segment (`reads.rs`), or a respondent whole
//! (`card.rs`).

mod card;
mod import;
mod reads;
mod segments;

pub use card::{Card, CardAnswer, Given};
pub use import::{
    FIELD_ATTRIBUTE, NewQuestion, NewRespondent, OpenQuestion, SurveyBatch, SurveyTally,
};
pub use segments::{
    AnswerRow, BANDS, SegmentAnswers, banded, segment_index, segments, segments_indexed,
};

use crate::domain::{Answer, Dataset, Id, Respondent};
use rusqlite::{Connection, Transaction, params};
use std::collections::{BTreeMap, HashMap};

pub(super) fn write_all(
    tx: &Transaction,
    d: &Dataset,
    indexing: &std::sync::atomic::AtomicBool,
) -> rusqlite::Result<()> {
    let _aside = super::search::Aside::new(indexing);
    let mut respondent =
        tx.prepare("INSERT INTO respondent (id, instrument, key) VALUES (?1, ?2, ?3)")?;
    let mut attribute = tx.prepare(
        "INSERT INTO respondent_attribute (respondent, name, value) VALUES (?1, ?2, ?3)",
    )?;
    for r in &d.respondents {
        respondent.execute(params![r.id, r.instrument, r.key])?;
        for (name, value) in &r.attributes {
            attribute.execute(params![r.id, name, value])?;
        }
    }
    stage_answers(
        tx,
        d.answers
            .iter()
            .map(|a| (a.question, a.respondent, a.option, a.value)),
    )?;
    index(tx, None)?;
    recount(tx, None)
}

/// Puts the respondents of `instrument` (of every instrument: `None`) in
/// the search index again, by their id in the file and their attributes'
/// values, as the triggers set aside while they were written would have.
pub(super) fn index(tx: &Transaction, instrument: Option<Id>) -> rusqlite::Result<()> {
    let only = "(?1 IS NULL OR instrument = ?1)";
    tx.execute(
        &format!(
            "DELETE FROM respondent_index WHERE rowid IN (SELECT id FROM respondent WHERE {only})"
        ),
        [instrument],
    )?;
    tx.execute(
        "INSERT INTO respondent_index (rowid, body)
         SELECT r.id, tovana_index_text(r.key || ' ' || COALESCE(
             (SELECT group_concat(value, ' ') FROM respondent_attribute WHERE respondent = r.id), ''))
         FROM respondent r WHERE ?1 IS NULL OR r.instrument = ?1 ORDER BY r.id",
        [instrument],
    )?;
    Ok(())
}

/// Writes answers (question, respondent, option, number), replacing any
/// held for the same question and respondent: staged in a table of no
/// triggers and no keys, then moved in one statement in the answers'
/// order. Inserted a row at a time into `answer`, whose triggers and keys
/// make each insert keep a statement journal, a million answers wrote 4.5
/// million pages (10.2 s against 3.6 s for a survey file, 10.9 against
/// 5.3 s for `import json --replace`).
pub(super) fn stage_answers(
    tx: &Transaction,
    answers: impl Iterator<Item = (Id, Id, Option<u32>, Option<f64>)>,
) -> rusqlite::Result<()> {
    tx.execute_batch("CREATE TEMP TABLE answer_stage (question, respondent, option, value)")?;
    {
        let mut stage = tx.prepare("INSERT INTO temp.answer_stage VALUES (?1, ?2, ?3, ?4)")?;
        for (q, r, option, value) in answers {
            stage.execute(params![q, r, option, value])?;
        }
    }
    tx.execute_batch(
        "INSERT OR REPLACE INTO main.answer (question, respondent, option, value)
             SELECT question, respondent, option, value FROM temp.answer_stage
             ORDER BY question, respondent;
         DROP TABLE temp.answer_stage;",
    )
}

/// Counts the answers of `questions` (of every question: `None`) into
/// `answer_count` and `answer_split` again, as their triggers would have.
pub(super) fn recount(tx: &Transaction, questions: Option<&[Id]>) -> rusqlite::Result<()> {
    let list = serde_json::to_string(&questions.unwrap_or(&[])).unwrap_or_default();
    let only = if questions.is_some() {
        "WHERE question IN (SELECT value FROM json_each(?1))"
    } else {
        "WHERE ?1 IS NOT NULL"
    };
    tx.execute(&format!("DELETE FROM answer_count {only}"), [&list])?;
    tx.execute(
        &format!(
            "INSERT INTO answer_count (question, option, count)
             SELECT question, COALESCE(option, CASE WHEN value IS NULL THEN -1 ELSE -2 END), count(*)
             FROM answer {only} GROUP BY 1, 2"
        ),
        [&list],
    )?;
    tx.execute(&format!("DELETE FROM answer_split {only}"), [&list])?;
    tx.execute(
        &format!(
            "INSERT INTO answer_split (question, name, value, option, count)
             SELECT question, ra.name, ra.value,
                    COALESCE(option, CASE WHEN a.value IS NULL THEN -1 ELSE -2 END), count(*)
             FROM answer a JOIN respondent_attribute ra ON ra.respondent = a.respondent
             {only} GROUP BY 1, 2, 3, 4"
        ),
        [&list],
    )?;
    Ok(())
}

pub(super) fn read_all(c: &Connection, d: &mut Dataset) -> rusqlite::Result<()> {
    let mut attributes: HashMap<Id, BTreeMap<String, String>> = HashMap::new();
    {
        let mut s = c.prepare("SELECT respondent, name, value FROM respondent_attribute")?;
        let mut rows = s.query([])?;
        while let Some(r) = rows.next()? {
            attributes
                .entry(r.get(0)?)
                .or_default()
                .insert(r.get(1)?, r.get(2)?);
        }
    }
    d.respondents = c
        .prepare("SELECT id, instrument, key FROM respondent ORDER BY id")?
        .query_map([], |r| {
            let id: Id = r.get(0)?;
            Ok(Respondent {
                id,
                instrument: r.get(1)?,
                key: r.get(2)?,
                attributes: attributes.remove(&id).unwrap_or_default(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    d.answers = c
        .prepare(
            "SELECT question, respondent, option, value FROM answer ORDER BY question, respondent",
        )?
        .query_map([], |r| {
            Ok(Answer {
                question: r.get(0)?,
                respondent: r.get(1)?,
                option: r.get(2)?,
                value: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}
