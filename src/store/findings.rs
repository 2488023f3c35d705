//! Findings with their evidence, and recommendations.

use super::key_col;
use crate::domain::{Dataset, Evidence, Finding, Phase, Recommendation, Uptake};
use rusqlite::{Connection, Transaction, params};

/// Findings, their evidence and recommendations, their index triggers set
/// aside and their index rows written after them in one statement a kind
/// (see `V13`).
pub(super) fn write_all(
    tx: &Transaction,
    d: &Dataset,
    indexing: &std::sync::atomic::AtomicBool,
) -> rusqlite::Result<()> {
    let _aside = super::search::Aside::new(indexing);
    let mut finding = tx.prepare(
        "INSERT INTO finding (id, cohort, area, ordinal, statement) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut question = tx.prepare(
        "INSERT INTO finding_question (finding, position, question) VALUES (?1, ?2, ?3)",
    )?;
    let mut code =
        tx.prepare("INSERT INTO finding_code (finding, position, code) VALUES (?1, ?2, ?3)")?;
    let mut quote =
        tx.prepare("INSERT INTO finding_quote (finding, position, quote) VALUES (?1, ?2, ?3)")?;
    for f in &d.findings {
        finding.execute(params![f.id, f.cohort, f.area, f.ordinal, f.statement])?;
        for (pos, q) in f.evidence.questions.iter().enumerate() {
            question.execute(params![f.id, pos as i64, q])?;
        }
        for (pos, c) in f.evidence.codes.iter().enumerate() {
            code.execute(params![f.id, pos as i64, c])?;
        }
        for (pos, q) in f.evidence.quotes.iter().enumerate() {
            quote.execute(params![f.id, pos as i64, q])?;
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
    tx.execute_batch(
        "INSERT INTO search_index (rowid, body)
             SELECT id * 8 + 1, tovana_index_text(area || ' ' || statement) FROM finding;
         INSERT INTO search_index (rowid, body)
             SELECT id * 8 + 2, tovana_index_text(text || ' ' || uptake_note) FROM recommendation;",
    )
}

/// A recommendation from the columns `id, cohort, phase, ordinal, text,
/// source, uptake, uptake_note`.
fn recommendation_of(r: &rusqlite::Row) -> rusqlite::Result<Recommendation> {
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
    let mut quotes =
        c.prepare("SELECT quote FROM finding_quote WHERE finding = ?1 ORDER BY position")?;
    for f in &mut findings {
        f.evidence.quotes = quotes
            .query_map([f.id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
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
        .query_map([], recommendation_of)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}

use super::Store;
use crate::domain::Id;

impl Store {
    /// Every finding with its evidence, by cohort, area and order.
    pub fn findings(&self) -> super::Result<Vec<Finding>> {
        let mut d = Dataset::default();
        read_all(self.conn(), &mut d).map_err(|e| self.sqlite(e))?;
        let order: std::collections::HashMap<Id, (u32, String)> = self
            .cohorts()?
            .into_iter()
            .map(|c| (c.id, (c.ordinal, c.label)))
            .collect();
        let mut findings = d.findings;
        findings.sort_by_key(|f| (order.get(&f.cohort).map(|o| o.0), f.ordinal, f.id));
        Ok(findings)
    }

    /// Every recommendation, by cohort, phase and order.
    pub fn recommendations(&self) -> super::Result<Vec<Recommendation>> {
        self.rows(
"SELECT r.id, r.cohort, r.phase, r.ordinal, r.text, r.source, r.uptake, r.uptake_note
                 FROM recommendation r JOIN cohort co ON co.id = r.cohort
                 ORDER BY co.program, co.ordinal,
                    CASE r.phase WHEN 'before' THEN 0 WHEN 'during' THEN 1 WHEN 'links' THEN 2 ELSE 3 END,
                    r.ordinal, r.id",
[],
recommendation_of,
)
    }

    /// Records what became of a recommendation, in one journaled step.
    pub fn set_uptake(&mut self, id: Id, uptake: Uptake) -> super::Result<()> {
        let item = crate::domain::Item {
            part: crate::domain::Part::Recommendation,
            id,
        };
        let act = crate::domain::Act::Uptake {
            name: self.name_of(item)?,
        };
        let path = self.path().to_path_buf();
        self.journaled(&act, |tx| {
            tx.execute(
                "UPDATE recommendation SET uptake = ?2 WHERE id = ?1",
                params![id, uptake.key()],
            )
            .map_err(|e| super::sqlite_error(&path, e))?;
            Ok(())
        })
    }
}
