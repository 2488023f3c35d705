//! Instruments, segments, scales, questions and their results.

use super::{Store, date_col, key_col};
use crate::domain::{
    Dataset, Figures, Id, Instrument, InstrumentKind, Question, ResultSet, Scale, ScaleOption,
    SectorCount, Segment, Valence,
};
use rusqlite::{Connection, Transaction, params};

pub(super) fn write_all(
    tx: &Transaction,
    d: &Dataset,
    indexing: &std::sync::atomic::AtomicBool,
) -> rusqlite::Result<()> {
    let mut instrument = tx.prepare(
        "INSERT INTO instrument (id, cohort, kind, title, date, occasions, invited, responded, rate, notes, ordinal)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut respondents = tx.prepare(
        "INSERT INTO instrument_respondents (instrument, position, sector, count) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for i in &d.instruments {
        instrument.execute(params![
            i.id,
            i.cohort,
            i.kind.key(),
            i.title,
            i.date.as_ref().map(|d| d.as_str()),
            i.occasions,
            i.invited,
            i.responded,
            i.rate,
            i.notes,
            i.ordinal
        ])?;
        for (pos, s) in i.respondents.iter().enumerate() {
            respondents.execute(params![i.id, pos as i64, s.sector, s.count])?;
        }
    }
    let mut segment =
        tx.prepare("INSERT INTO segment (id, label, description) VALUES (?1, ?2, ?3)")?;
    for s in &d.segments {
        segment.execute(params![s.id, s.label, s.description])?;
    }
    let mut scale = tx.prepare("INSERT INTO scale (id, name) VALUES (?1, ?2)")?;
    let mut option = tx.prepare(
        "INSERT INTO scale_option (scale, position, label, valence) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for s in &d.scales {
        scale.execute(params![s.id, s.name])?;
        for (pos, o) in s.options.iter().enumerate() {
            option.execute(params![s.id, pos as i64, o.label, o.valence.key()])?;
        }
    }
    let mut question = tx.prepare(
        "INSERT INTO question (id, instrument, ordinal, topic, wording, scale, item, notes, kind, field)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for q in &d.questions {
        question.execute(params![
            q.id,
            q.instrument,
            q.ordinal,
            q.topic,
            q.wording,
            q.scale,
            q.item,
            q.notes,
            q.kind.key(),
            q.field
        ])?;
    }
    let mut result = tx.prepare(
        "INSERT INTO result (question, segment, kind, n, count, percent, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut per_option = tx.prepare(
        "INSERT INTO result_option (question, segment, position, count, percent)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for r in &d.results {
        let (n, count, percent) = match &r.figures {
            Figures::TopBox { n, count } => (Some(*n), Some(*count), None),
            Figures::ReportedShare { percent } => (None, None, Some(*percent)),
            _ => (None, None, None),
        };
        result.execute(params![
            r.question,
            r.segment,
            r.figures.key(),
            n,
            count,
            percent,
            r.notes
        ])?;
        match &r.figures {
            Figures::Counts { counts } => {
                for (pos, c) in counts.iter().enumerate() {
                    per_option.execute(params![
                        r.question,
                        r.segment,
                        pos as i64,
                        c,
                        None::<u32>
                    ])?;
                }
            }
            Figures::Percentages { percents } => {
                for (pos, p) in percents.iter().enumerate() {
                    per_option.execute(params![
                        r.question,
                        r.segment,
                        pos as i64,
                        None::<u32>,
                        p
                    ])?;
                }
            }
            _ => {}
        }
    }
    super::respondents::write_all(tx, d, indexing)
}

fn read_segments(c: &Connection) -> rusqlite::Result<Vec<Segment>> {
    c.prepare("SELECT id, label, description FROM segment ORDER BY id")?
        .query_map([], |r| {
            Ok(Segment {
                id: r.get(0)?,
                label: r.get(1)?,
                description: r.get(2)?,
            })
        })?
        .collect()
}

fn read_scales(c: &Connection) -> rusqlite::Result<Vec<Scale>> {
    let mut scales: Vec<Scale> = c
        .prepare("SELECT id, name FROM scale ORDER BY id")?
        .query_map([], |r| {
            Ok(Scale {
                id: r.get(0)?,
                name: r.get(1)?,
                options: vec![],
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut options =
        c.prepare("SELECT label, valence FROM scale_option WHERE scale = ?1 ORDER BY position")?;
    for s in &mut scales {
        s.options = options
            .query_map([s.id], |r| {
                Ok(ScaleOption {
                    label: r.get(0)?,
                    valence: key_col(r, 1, Valence::from_key)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(scales)
}

pub(super) fn read_all(c: &Connection, d: &mut Dataset) -> rusqlite::Result<()> {
    d.instruments = query_instruments(c, "ORDER BY id", [])?;
    d.segments = read_segments(c)?;
    d.scales = read_scales(c)?;
    d.questions = c
        .prepare(
            "SELECT id, instrument, ordinal, topic, wording, scale, notes, item, kind, field FROM question ORDER BY id",
        )?
        .query_map([], question_of)?
        .collect::<rusqlite::Result<_>>()?;
    d.results = query_results(c, "ORDER BY question, segment", [])?;
    super::respondents::read_all(c, d)
}

fn query_instruments<P: rusqlite::Params>(
    c: &Connection,
    tail: &str,
    params: P,
) -> rusqlite::Result<Vec<Instrument>> {
    let mut list: Vec<Instrument> = c
        .prepare(&format!(
            "SELECT id, cohort, kind, title, date, occasions, invited, responded, notes, rate, ordinal
             FROM instrument {tail}"
        ))?
        .query_map(params, |r| {
            Ok(Instrument {
                id: r.get(0)?,
                cohort: r.get(1)?,
                kind: key_col(r, 2, InstrumentKind::from_key)?,
                title: r.get(3)?,
                date: date_col(r, 4)?,
                occasions: r.get(5)?,
                invited: r.get(6)?,
                responded: r.get(7)?,
                notes: r.get(8)?,
                rate: r.get(9)?,
                ordinal: r.get(10)?,
                respondents: vec![],
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut respondents = c.prepare(
        "SELECT sector, count FROM instrument_respondents WHERE instrument = ?1 ORDER BY position",
    )?;
    for i in &mut list {
        i.respondents = respondents
            .query_map([i.id], |r| {
                Ok(SectorCount {
                    sector: r.get(0)?,
                    count: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(list)
}

fn query_results<P: rusqlite::Params>(
    c: &Connection,
    tail: &str,
    params: P,
) -> rusqlite::Result<Vec<ResultSet>> {
    let mut per_option = c.prepare(
        "SELECT count, percent FROM result_option WHERE question = ?1 AND segment = ?2 ORDER BY position",
    )?;
    let mut stmt = c.prepare(&format!(
        "SELECT question, segment, kind, n, count, percent, notes FROM result {tail}"
    ))?;
    let mut rows = stmt.query(params)?;
    let mut out = vec![];
    while let Some(r) = rows.next()? {
        let (question, segment): (Id, Id) = (r.get(0)?, r.get(1)?);
        let kind: String = r.get(2)?;
        let figures = match kind.as_str() {
            "counts" => Figures::Counts {
                counts: per_option
                    .query_map([question, segment], |o| o.get::<_, u32>(0))?
                    .collect::<rusqlite::Result<_>>()?,
            },
            "percentages" => Figures::Percentages {
                percents: per_option
                    .query_map([question, segment], |o| o.get::<_, Option<u32>>(1))?
                    .collect::<rusqlite::Result<_>>()?,
            },
            "top_box" => Figures::TopBox {
                n: r.get(3)?,
                count: r.get(4)?,
            },
            "reported_share" => Figures::ReportedShare { percent: r.get(5)? },
            _ => Figures::NotRecoverable,
        };
        out.push(ResultSet {
            question,
            segment,
            figures,
            notes: r.get(6)?,
        });
    }
    Ok(out)
}

impl Store {
    /// The cohort an instrument belongs to.
    pub fn cohort_of_instrument(&self, instrument: Id) -> super::Result<Option<Id>> {
        self.first_row(
            "SELECT cohort FROM instrument WHERE id = ?1",
            [instrument],
            |r| r.get(0),
        )
    }

    /// A cohort's instruments.
    pub fn instruments_of(&self, cohort: Id) -> super::Result<Vec<Instrument>> {
        query_instruments(
            self.conn(),
            "WHERE cohort = ?1 ORDER BY ordinal, id",
            [cohort],
        )
        .map_err(|e| self.sqlite(e))
    }
}

/// A question from the columns `id, instrument, ordinal, topic, wording,
/// scale, notes, item, kind, field`, in that order.
fn question_of(r: &rusqlite::Row) -> rusqlite::Result<Question> {
    Ok(Question {
        id: r.get(0)?,
        instrument: r.get(1)?,
        ordinal: r.get(2)?,
        topic: r.get(3)?,
        wording: r.get(4)?,
        scale: r.get(5)?,
        notes: r.get(6)?,
        item: r.get(7)?,
        kind: key_col(r, 8, crate::domain::QuestionKind::from_key)?,
        field: r.get(9)?,
    })
}

/// A question as a list shows it, with where it belongs.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionRow {
    pub question: Question,
    pub instrument_title: String,
    pub cohort_label: String,
}

/// The order questions are listed in: by cohort, instrument and ordinal.
const QUESTION_ROWS: &str =
    "SELECT q.id, q.instrument, q.ordinal, q.topic, q.wording, q.scale, q.notes, q.item, q.kind, q.field,
            i.title, co.label
     FROM question q JOIN instrument i ON i.id = q.instrument
     JOIN cohort co ON co.id = i.cohort";

fn question_row(r: &rusqlite::Row) -> rusqlite::Result<QuestionRow> {
    Ok(QuestionRow {
        question: question_of(r)?,
        instrument_title: r.get(10)?,
        cohort_label: r.get(11)?,
    })
}

impl Store {
    /// Every question, by cohort, instrument and order, with the titles a
    /// list needs, handed to `each` one at a time so that a list can keep
    /// what it needs of them and no more. Results are read separately.
    pub fn each_question_row(&self, mut each: impl FnMut(QuestionRow)) -> super::Result<()> {
        (|| {
            let mut stmt = self.conn().prepare(&format!(
                "{QUESTION_ROWS} ORDER BY co.program, co.ordinal, i.ordinal, i.id, q.ordinal, q.id"
            ))?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                each(question_row(r)?);
            }
            Ok(())
        })()
        .map_err(|e| self.sqlite(e))
    }

    /// The questions `ids` with their titles, in the list's order.
    pub fn question_rows_of(&self, ids: &[Id]) -> super::Result<Vec<QuestionRow>> {
        let ids = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
        self.rows(
            &format!(
                "{QUESTION_ROWS} WHERE q.id IN (SELECT value FROM json_each(?1))
                 ORDER BY co.program, co.ordinal, i.ordinal, i.id, q.ordinal, q.id"
            ),
            [ids],
            question_row,
        )
    }

    /// The results of every question of one instrument.
    pub fn results_of_instrument(&self, instrument: Id) -> super::Result<Vec<ResultSet>> {
        query_results(
            self.conn(),
            "WHERE question IN (SELECT id FROM question WHERE instrument = ?1)
             ORDER BY question, segment",
            [instrument],
        )
        .map_err(|e| self.sqlite(e))
    }

    /// The results of the questions `ids`, by question and segment.
    pub fn results_of_questions(&self, ids: &[Id]) -> super::Result<Vec<ResultSet>> {
        let ids = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
        query_results(
            self.conn(),
            "WHERE question IN (SELECT value FROM json_each(?1)) ORDER BY question, segment",
            [ids],
        )
        .map_err(|e| self.sqlite(e))
    }

    /// All scales and segments: small tables a view keeps whole.
    pub fn scales_and_segments(&self) -> super::Result<(Vec<Scale>, Vec<Segment>)> {
        let c = self.conn();
        (|| Ok((read_scales(c)?, read_segments(c)?)))().map_err(|e| self.sqlite(e))
    }
}

impl Store {
    /// The questions of `ids`, in that order, with their results: what a
    /// finding's evidence shows, in two queries.
    pub fn questions_with_results(
        &self,
        ids: &[Id],
    ) -> super::Result<Vec<(Question, Vec<ResultSet>)>> {
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let list = vec!["?"; ids.len()].join(", ");
        let c = self.conn();
        let questions: Vec<Question> = self.rows(
&format!(
                "SELECT id, instrument, ordinal, topic, wording, scale, notes, item, kind, field FROM question WHERE id IN ({list})"
            ),
rusqlite::params_from_iter(ids),
|r| {
                question_of(r)
            },
)?;
        let results = query_results(
            c,
            &format!("WHERE question IN ({list}) ORDER BY question, segment"),
            rusqlite::params_from_iter(ids),
        )
        .map_err(|e| self.sqlite(e))?;
        Ok(ids
            .iter()
            .filter_map(|id| questions.iter().find(|q| q.id == *id).cloned())
            .map(|q| {
                let rs = results
                    .iter()
                    .filter(|r| r.question == q.id)
                    .cloned()
                    .collect();
                (q, rs)
            })
            .collect())
    }
}
