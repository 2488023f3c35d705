//! The parts of an evaluation written by hand: the program, cohorts,
//! meetings, instruments, findings and recommendations, added, edited,
//! deleted and moved up or down their lists. Each change is one
//! transaction, journaled (`journal.rs`): `u` undoes it, the rows deleted in
//! cascade included.

mod evidence;
mod parts;
mod reorder;

use super::{Refusal, Store, StoreError, sqlite_error};
use crate::domain::{Act, Id, Item, Part, Problem, short_name};
use rusqlite::{Transaction, params};

/// What goes with a part when it is deleted, and what loses a piece of
/// its evidence or a link to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dependents {
    pub sessions: u32,
    pub instruments: u32,
    pub questions: u32,
    pub documents: u32,
    pub quotes: u32,
    pub codings: u32,
    pub findings: u32,
    pub recommendations: u32,
    /// Pieces of evidence that findings which stay lose (a cited question;
    /// for a cohort, its own findings go with it).
    pub citations: u32,
    /// Documents that stay, no longer linked to the instrument.
    pub unlinked: u32,
    /// Meetings counted within this one, counted on their own after.
    pub counted_within: u32,
}

impl Dependents {
    /// Nothing goes with it.
    pub fn none(&self) -> bool {
        *self == Dependents::default()
    }
}

fn refuse_faults(faults: Vec<(&'static str, crate::domain::Fault)>) -> super::Result<()> {
    if faults.is_empty() {
        return Ok(());
    }
    Err(StoreError::Invalid(
        faults
            .into_iter()
            .map(|(path, fault)| Problem {
                path: path.into(),
                fault,
            })
            .collect(),
    ))
}

/// Drops what was said of a recommendation in a cohort that is no longer a
/// later one of its own (the recommendation or the cohorts moved).
pub(super) fn drop_stale_fates(tx: &Transaction) -> rusqlite::Result<usize> {
    tx.execute(
        "DELETE FROM fate WHERE NOT EXISTS (
             SELECT 1 FROM recommendation r JOIN cohort c ON c.id = r.cohort
             JOIN cohort n ON n.program = c.program AND n.ordinal > c.ordinal
             WHERE r.id = fate.recommendation AND n.id = fate.cohort)",
        [],
    )
}

fn no_such(target: &'static str, id: Id) -> StoreError {
    StoreError::Refused(Refusal::NoSuch { target, id })
}

fn dates(d: &Option<crate::domain::PartialDate>) -> Option<&str> {
    d.as_ref().map(|d| d.as_str())
}

/// The next ordinal of a list (`WHERE` on its group).
fn next_ordinal(
    tx: &Transaction,
    table: &str,
    group: &str,
    key: &[&dyn rusqlite::ToSql],
) -> rusqlite::Result<u32> {
    tx.query_row(
        &format!("SELECT COALESCE(MAX(ordinal), 0) + 1 FROM {table} WHERE {group}"),
        key,
        |r| r.get(0),
    )
}

/// The rows changed, or a refusal when there was no such row.
fn one(n: usize, target: &'static str, id: Id) -> super::Result<()> {
    if n == 0 {
        Err(no_such(target, id))
    } else {
        Ok(())
    }
}

fn write_sectors(
    tx: &Transaction,
    table: &str,
    owner: &str,
    id: Id,
    sectors: &[crate::domain::SectorCount],
) -> rusqlite::Result<()> {
    tx.execute(&format!("DELETE FROM {table} WHERE {owner} = ?1"), [id])?;
    let mut add = tx.prepare(&format!(
        "INSERT INTO {table} ({owner}, position, sector, count) VALUES (?1, ?2, ?3, ?4)"
    ))?;
    for (i, s) in sectors.iter().enumerate() {
        add.execute(params![id, i as i64, s.sector.trim(), s.count])?;
    }
    Ok(())
}

impl Store {
    /// What goes with `item` when it is deleted.
    pub fn dependents(&self, item: Item) -> super::Result<Dependents> {
        let count = |sql: &str| -> super::Result<u32> {
            self.conn()
                .query_row(sql, [item.id], |r| r.get(0))
                .map_err(|e| self.sqlite(e))
        };
        let mut d = Dependents::default();
        match item.part {
            Part::Program => {}
            Part::Cohort => {
                d.sessions = count("SELECT count(*) FROM session WHERE cohort = ?1")?;
                d.instruments = count("SELECT count(*) FROM instrument WHERE cohort = ?1")?;
                d.questions = count(
                    "SELECT count(*) FROM question q JOIN instrument i ON i.id = q.instrument
                     WHERE i.cohort = ?1",
                )?;
                d.documents = count("SELECT count(*) FROM document WHERE cohort = ?1")?;
                d.quotes = count(
                    "SELECT count(*) FROM quote q JOIN document d ON d.id = q.document
                     WHERE d.cohort = ?1",
                )?;
                d.codings = count("SELECT count(*) FROM coding_fact WHERE cohort = ?1")?;
                d.findings = count("SELECT count(*) FROM finding WHERE cohort = ?1")?;
                d.recommendations = count("SELECT count(*) FROM recommendation WHERE cohort = ?1")?;
                d.citations = count(
                    "SELECT count(*) FROM finding_question fq JOIN finding f ON f.id = fq.finding
                     JOIN question q ON q.id = fq.question JOIN instrument i ON i.id = q.instrument
                     WHERE i.cohort = ?1 AND f.cohort <> ?1",
                )?;
            }
            Part::Meeting => {
                d.counted_within = count("SELECT count(*) FROM session WHERE within = ?1")?;
            }
            Part::Instrument => {
                d.questions = count("SELECT count(*) FROM question WHERE instrument = ?1")?;
                d.citations = count(
                    "SELECT count(*) FROM finding_question fq JOIN question q ON q.id = fq.question
                     WHERE q.instrument = ?1",
                )?;
                d.unlinked = count("SELECT count(*) FROM document WHERE instrument = ?1")?;
            }
            Part::Finding | Part::Recommendation => {}
        }
        Ok(d)
    }

    /// Deletes `item` and what goes with it (see [`Store::dependents`]), in
    /// one journaled step. A program is not deleted: its cohorts are.
    pub fn delete_item(&mut self, item: Item) -> super::Result<()> {
        let (table, target) = table_of(item.part);
        if item.part == Part::Program {
            return Err(StoreError::Refused(Refusal::ProgramStays));
        }
        let name = self.name_of(item)?;
        let act = Act::Delete {
            part: item.part,
            name,
        };
        let path = self.path().to_path_buf();
        self.journaled(&act, |tx| {
            let n = tx
                .execute(&format!("DELETE FROM {table} WHERE id = ?1"), [item.id])
                .map_err(|e| sqlite_error(&path, e))?;
            one(n, target, item.id)
        })
    }

    /// What an act calls `item`: its name, label, title or the start of
    /// its text.
    pub fn name_of(&self, item: Item) -> super::Result<String> {
        let (table, target) = table_of(item.part);
        let column = match item.part {
            Part::Program => "name",
            Part::Cohort => "label",
            Part::Meeting => "CASE WHEN subject <> '' THEN subject ELSE place END",
            Part::Instrument => "title",
            Part::Finding => "statement",
            Part::Recommendation => "text",
        };
        self.first_row(
            &format!("SELECT {column} FROM {table} WHERE id = ?1"),
            [item.id],
            |r| r.get::<_, String>(0),
        )?
        .map(|n| short_name(&n))
        .ok_or_else(|| no_such(target, item.id))
    }
}

/// The table a part is kept in, and the word a refusal names it by.
fn table_of(part: Part) -> (&'static str, &'static str) {
    match part {
        Part::Program => ("program", "program"),
        Part::Cohort => ("cohort", "cohort"),
        Part::Meeting => ("session", "session"),
        Part::Instrument => ("instrument", "instrument"),
        Part::Finding => ("finding", "finding"),
        Part::Recommendation => ("recommendation", "recommendation"),
    }
}

#[cfg(test)]
mod tests;
