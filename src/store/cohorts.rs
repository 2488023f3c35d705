//! Programs, cohorts and their sessions.

use super::{Store, date_col, key_col};
use crate::domain::{Cohort, Dataset, Id, Program, SectorCount, Session, SessionKind};
use rusqlite::{Connection, Transaction, params};

pub(super) fn write_all(tx: &Transaction, d: &Dataset) -> rusqlite::Result<()> {
    let mut program = tx.prepare(
        "INSERT INTO program (id, name, name_en, organisation, description) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for p in &d.programs {
        program.execute(params![
            p.id,
            p.name,
            p.name_en,
            p.organisation,
            p.description
        ])?;
    }
    let mut cohort = tx.prepare(
        "INSERT INTO cohort (id, program, label, ordinal, start, end, participants, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut sector = tx.prepare(
        "INSERT INTO cohort_sector (cohort, position, sector, count) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for c in &d.cohorts {
        cohort.execute(params![
            c.id,
            c.program,
            c.label,
            c.ordinal,
            c.start.as_ref().map(|d| d.as_str()),
            c.end.as_ref().map(|d| d.as_str()),
            c.participants,
            c.notes
        ])?;
        for (i, s) in c.sectors.iter().enumerate() {
            sector.execute(params![c.id, i as i64, s.sector, s.count])?;
        }
    }
    let mut session = tx.prepare(
        "INSERT INTO session (id, cohort, ordinal, kind, date, days, meetings, place, subject, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for s in &d.sessions {
        session.execute(params![
            s.id,
            s.cohort,
            s.ordinal,
            s.kind.key(),
            s.date.as_ref().map(|d| d.as_str()),
            s.days,
            s.meetings,
            s.place,
            s.subject,
            s.notes
        ])?;
    }
    // Linked after every session is in, so that one may point at a later one.
    let mut within = tx.prepare("UPDATE session SET within = ?2 WHERE id = ?1")?;
    for s in d.sessions.iter().filter(|s| s.within.is_some()) {
        within.execute(params![s.id, s.within])?;
    }
    Ok(())
}

fn read_programs(c: &Connection) -> rusqlite::Result<Vec<Program>> {
    c.prepare("SELECT id, name, name_en, organisation, description FROM program ORDER BY id")?
        .query_map([], |r| {
            Ok(Program {
                id: r.get(0)?,
                name: r.get(1)?,
                name_en: r.get(2)?,
                organisation: r.get(3)?,
                description: r.get(4)?,
            })
        })?
        .collect()
}

pub(super) fn read_all(c: &Connection, d: &mut Dataset) -> rusqlite::Result<()> {
    d.programs = read_programs(c)?;
    d.cohorts = query_cohorts(c, "ORDER BY id", [])?;
    d.sessions = query_sessions(c, "ORDER BY id", [])?;
    Ok(())
}

fn query_cohorts<P: rusqlite::Params>(
    c: &Connection,
    tail: &str,
    params: P,
) -> rusqlite::Result<Vec<Cohort>> {
    let mut cohorts: Vec<Cohort> = c
        .prepare(&format!(
            "SELECT id, program, label, ordinal, start, end, participants, notes
             FROM cohort {tail}"
        ))?
        .query_map(params, |r| {
            Ok(Cohort {
                id: r.get(0)?,
                program: r.get(1)?,
                label: r.get(2)?,
                ordinal: r.get(3)?,
                start: date_col(r, 4)?,
                end: date_col(r, 5)?,
                participants: r.get(6)?,
                notes: r.get(7)?,
                sectors: vec![],
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut sectors =
        c.prepare("SELECT sector, count FROM cohort_sector WHERE cohort = ?1 ORDER BY position")?;
    for cohort in &mut cohorts {
        cohort.sectors = sectors
            .query_map([cohort.id], |r| {
                Ok(SectorCount {
                    sector: r.get(0)?,
                    count: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(cohorts)
}

fn query_sessions<P: rusqlite::Params>(
    c: &Connection,
    tail: &str,
    params: P,
) -> rusqlite::Result<Vec<Session>> {
    c.prepare(&format!(
        "SELECT id, cohort, ordinal, kind, date, days, meetings, place, subject, notes, within
         FROM session {tail}"
    ))?
    .query_map(params, |r| {
        Ok(Session {
            id: r.get(0)?,
            cohort: r.get(1)?,
            ordinal: r.get(2)?,
            kind: key_col(r, 3, SessionKind::from_key)?,
            date: date_col(r, 4)?,
            days: r.get(5)?,
            meetings: r.get(6)?,
            place: r.get(7)?,
            subject: r.get(8)?,
            notes: r.get(9)?,
            within: r.get(10)?,
        })
    })?
    .collect()
}

impl Store {
    /// All cohorts, by program and order. Programs hold a handful of cohorts,
    /// so the list is read whole.
    pub fn cohorts(&self) -> super::Result<Vec<Cohort>> {
        query_cohorts(self.conn(), "ORDER BY program, ordinal", []).map_err(|e| self.sqlite(e))
    }

    /// A cohort's sessions in order.
    pub fn sessions_of(&self, cohort: Id) -> super::Result<Vec<Session>> {
        query_sessions(
            self.conn(),
            "WHERE cohort = ?1 ORDER BY ordinal, id",
            [cohort],
        )
        .map_err(|e| self.sqlite(e))
    }

    pub fn programs(&self) -> super::Result<Vec<Program>> {
        read_programs(self.conn()).map_err(|e| self.sqlite(e))
    }

    /// The cohort a session belongs to, if the session exists.
    pub fn cohort_of_session(&self, session: Id) -> super::Result<Option<Id>> {
        self.first_row("SELECT cohort FROM session WHERE id = ?1", [session], |r| {
            r.get(0)
        })
    }
}
