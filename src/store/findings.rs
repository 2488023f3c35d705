//! Findings with their evidence, and recommendations.

use super::key_col;
use crate::domain::{Dataset, Evidence, Finding, Phase, Recommendation, Uptake};
use rusqlite::{Connection, Transaction, params};

pub(super) fn write_all(tx: &Transaction, d: &Dataset) -> rusqlite::Result<()> {
    let mut finding = tx.prepare(
        "INSERT INTO finding (id, cohort, area, ordinal, statement) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut question = tx.prepare(
        "INSERT INTO finding_question (finding, position, question) VALUES (?1, ?2, ?3)",
    )?;
    let mut code =
        tx.prepare("INSERT INTO finding_code (finding, position, code) VALUES (?1, ?2, ?3)")?;
    for f in &d.findings {
        finding.execute(params![f.id, f.cohort, f.area, f.ordinal, f.statement])?;
        for (pos, q) in f.evidence.questions.iter().enumerate() {
            question.execute(params![f.id, pos as i64, q])?;
        }
        for (pos, c) in f.evidence.codes.iter().enumerate() {
            code.execute(params![f.id, pos as i64, c])?;
        }
    }
    let mut rec = tx.prepare(
        "INSERT INTO recommendation (id, cohort, phase, ordinal, text, source, uptake, uptake_note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for r in &d.recommendations {
        rec.execute(params![
            r.id,
            r.cohort,
            r.phase.key(),
            r.ordinal,
            r.text,
            r.source,
            r.uptake.key(),
            r.uptake_note
        ])?;
    }
    Ok(())
}

pub(super) fn read_all(c: &Connection, d: &mut Dataset) -> rusqlite::Result<()> {
    let mut findings: Vec<Finding> = c
        .prepare("SELECT id, cohort, area, ordinal, statement FROM finding ORDER BY id")?
        .query_map([], |r| {
            Ok(Finding {
                id: r.get(0)?,
                cohort: r.get(1)?,
                area: r.get(2)?,
                ordinal: r.get(3)?,
                statement: r.get(4)?,
                evidence: Evidence::default(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut questions =
        c.prepare("SELECT question FROM finding_question WHERE finding = ?1 ORDER BY position")?;
    let mut codes =
        c.prepare("SELECT code FROM finding_code WHERE finding = ?1 ORDER BY position")?;
    for f in &mut findings {
        f.evidence.questions = questions
            .query_map([f.id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        f.evidence.codes = codes
            .query_map([f.id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
    }
    d.findings = findings;
    d.recommendations = c
        .prepare(
            "SELECT id, cohort, phase, ordinal, text, source, uptake, uptake_note
             FROM recommendation ORDER BY id",
        )?
        .query_map([], |r| {
            Ok(Recommendation {
                id: r.get(0)?,
                cohort: r.get(1)?,
                phase: key_col(r, 2, Phase::from_key)?,
                ordinal: r.get(3)?,
                text: r.get(4)?,
                source: r.get(5)?,
                uptake: key_col(r, 6, Uptake::from_key)?,
                uptake_note: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}
