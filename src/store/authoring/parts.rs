//! Each part written whole: a new one when its id is 0, an edit else; each
//! checked by its rules (`domain::Faults`) and written in one journaled
//! step.

use super::{dates, drop_stale_fates, next_ordinal, no_such, one, refuse_faults, write_sectors};
use crate::domain::{
    Act, Cohort, Faults, Finding, Id, Instrument, Part, Program, Recommendation, Session,
    short_name,
};
use crate::store::{Store, sqlite_error};
use rusqlite::{OptionalExtension, params};

impl Store {
    fn act_on(&self, new: bool, part: Part, name: &str) -> Act {
        let name = short_name(name);
        if new {
            Act::Add { part, name }
        } else {
            Act::Edit { part, name }
        }
    }

    /// Writes a program: a new one when its id is 0. Its id.
    pub fn save_program(&mut self, p: &Program) -> crate::store::Result<Id> {
        refuse_faults(p.faults())?;
        let act = self.act_on(p.id == 0, Part::Program, &p.name);
        let path = self.path().to_path_buf();
        self.journaled(&act, |tx| {
            let e = |e| sqlite_error(&path, e);
            let values = params![p.name.trim(), p.name_en, p.organisation, p.description];
            if p.id == 0 {
                tx.execute(
                    "INSERT INTO program (name, name_en, organisation, description)
                     VALUES (?1, ?2, ?3, ?4)",
                    values,
                )
                .map_err(e)?;
                return Ok(tx.last_insert_rowid());
            }
            let n = tx
                .execute(
                    "UPDATE program SET name = ?1, name_en = ?2, organisation = ?3,
                     description = ?4 WHERE id = ?5",
                    params![
                        p.name.trim(),
                        p.name_en,
                        p.organisation,
                        p.description,
                        p.id
                    ],
                )
                .map_err(e)?;
            one(n, "program", p.id).map(|_| p.id)
        })
    }

    /// Writes a cohort and its sectors: a new one, last of its program,
    /// when its id is 0. Its id.
    pub fn save_cohort(&mut self, c: &Cohort) -> crate::store::Result<Id> {
        refuse_faults(c.faults())?;
        let act = self.act_on(c.id == 0, Part::Cohort, &c.label);
        let path = self.path().to_path_buf();
        self.journaled(&act, |tx| {
            let e = |e| sqlite_error(&path, e);
            let id = if c.id == 0 {
                let ordinal =
                    next_ordinal(tx, "cohort", "program = ?1", &[&c.program]).map_err(e)?;
                tx.execute(
                    "INSERT INTO cohort (program, label, ordinal, start, end, participants, notes)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        c.program,
                        c.label.trim(),
                        ordinal,
                        dates(&c.start),
                        dates(&c.end),
                        c.participants,
                        c.notes
                    ],
                )
                .map_err(e)?;
                tx.last_insert_rowid()
            } else {
                let n = tx
                    .execute(
                        "UPDATE cohort SET label = ?2, start = ?3, end = ?4, participants = ?5,
                         notes = ?6 WHERE id = ?1",
                        params![
                            c.id,
                            c.label.trim(),
                            dates(&c.start),
                            dates(&c.end),
                            c.participants,
                            c.notes
                        ],
                    )
                    .map_err(e)?;
                one(n, "cohort", c.id)?;
                c.id
            };
            write_sectors(tx, "cohort_sector", "cohort", id, &c.sectors).map_err(e)?;
            Ok(id)
        })
    }

    /// Writes a meeting: a new one, last of its cohort, when its id is 0.
    pub fn save_session(&mut self, s: &Session) -> crate::store::Result<Id> {
        refuse_faults(s.faults())?;
        let name = if s.subject.trim().is_empty() {
            &s.place
        } else {
            &s.subject
        };
        let act = self.act_on(s.id == 0, Part::Meeting, name);
        let path = self.path().to_path_buf();
        self.journaled(&act, |tx| {
            let e = |e| sqlite_error(&path, e);
            if s.id == 0 {
                let ordinal =
                    next_ordinal(tx, "session", "cohort = ?1", &[&s.cohort]).map_err(e)?;
                tx.execute(
                    "INSERT INTO session (cohort, ordinal, kind, date, days, meetings, place,
                     subject, notes, within) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    params![
                        s.cohort,
                        ordinal,
                        s.kind.key(),
                        dates(&s.date),
                        s.days,
                        s.meetings,
                        s.place.trim(),
                        s.subject.trim(),
                        s.notes,
                        s.within
                    ],
                )
                .map_err(e)?;
                return Ok(tx.last_insert_rowid());
            }
            let n = tx
                .execute(
                    "UPDATE session SET kind = ?2, date = ?3, days = ?4, meetings = ?5,
                     place = ?6, subject = ?7, notes = ?8 WHERE id = ?1",
                    params![
                        s.id,
                        s.kind.key(),
                        dates(&s.date),
                        s.days,
                        s.meetings,
                        s.place.trim(),
                        s.subject.trim(),
                        s.notes
                    ],
                )
                .map_err(e)?;
            one(n, "session", s.id).map(|_| s.id)
        })
    }

    /// Writes an instrument and its respondents by sector: a new one when
    /// its id is 0.
    pub fn save_instrument(&mut self, i: &Instrument) -> crate::store::Result<Id> {
        refuse_faults(i.faults())?;
        let act = self.act_on(i.id == 0, Part::Instrument, &i.title);
        let path = self.path().to_path_buf();
        self.journaled(&act, |tx| {
            let e = |e| sqlite_error(&path, e);
            let id = if i.id == 0 {
                tx.execute(
                    "INSERT INTO instrument (cohort, kind, title, date, occasions, invited,
                     responded, rate, notes, ordinal)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    params![
                        i.cohort,
                        i.kind.key(),
                        i.title.trim(),
                        dates(&i.date),
                        i.occasions,
                        i.invited,
                        i.responded,
                        i.rate,
                        i.notes,
                        next_ordinal(tx, "instrument", "cohort = ?1", &[&i.cohort]).map_err(e)?
                    ],
                )
                .map_err(e)?;
                tx.last_insert_rowid()
            } else {
                let n = tx
                    .execute(
                        "UPDATE instrument SET kind = ?2, title = ?3, date = ?4, occasions = ?5,
                         invited = ?6, responded = ?7, rate = ?8, notes = ?9 WHERE id = ?1",
                        params![
                            i.id,
                            i.kind.key(),
                            i.title.trim(),
                            dates(&i.date),
                            i.occasions,
                            i.invited,
                            i.responded,
                            i.rate,
                            i.notes
                        ],
                    )
                    .map_err(e)?;
                one(n, "instrument", i.id)?;
                i.id
            };
            write_sectors(
                tx,
                "instrument_respondents",
                "instrument",
                id,
                &i.respondents,
            )
            .map_err(e)?;
            Ok(id)
        })
    }

    /// Writes a finding's cohort, area and statement: a new one, last of
    /// its cohort and with the evidence it carries, when its id is 0. An
    /// edit keeps the evidence; a finding moved to another cohort goes last
    /// there.
    pub fn save_finding(&mut self, f: &Finding) -> crate::store::Result<Id> {
        refuse_faults(f.faults())?;
        let act = self.act_on(f.id == 0, Part::Finding, &f.statement);
        let path = self.path().to_path_buf();
        self.journaled(&act, |tx| {
            let e = |e| sqlite_error(&path, e);
            let was: Option<Id> = if f.id == 0 {
                None
            } else {
                let cohort = tx
                    .query_row("SELECT cohort FROM finding WHERE id = ?1", [f.id], |r| {
                        r.get(0)
                    })
                    .optional()
                    .map_err(e)?;
                Some(cohort.ok_or_else(|| no_such("finding", f.id))?)
            };
            let ordinal = match was {
                Some(c) if c == f.cohort => None,
                _ => Some(next_ordinal(tx, "finding", "cohort = ?1", &[&f.cohort]).map_err(e)?),
            };
            if f.id == 0 {
                tx.execute(
                    "INSERT INTO finding (cohort, area, ordinal, statement) VALUES (?1, ?2, ?3, ?4)",
                    params![f.cohort, f.area.trim(), ordinal, f.statement.trim()],
                )
                .map_err(e)?;
                let id = tx.last_insert_rowid();
                for (pos, q) in f.evidence.questions.iter().enumerate() {
                    tx.execute(
                        "INSERT INTO finding_question (finding, position, question) VALUES (?1, ?2, ?3)",
                        params![id, pos as i64, q],
                    )
                    .map_err(e)?;
                }
                for (pos, c) in f.evidence.codes.iter().enumerate() {
                    tx.execute(
                        "INSERT INTO finding_code (finding, position, code) VALUES (?1, ?2, ?3)",
                        params![id, pos as i64, c],
                    )
                    .map_err(e)?;
                }
                for (pos, q) in f.evidence.quotes.iter().enumerate() {
                    tx.execute(
                        "INSERT INTO finding_quote (finding, position, quote) VALUES (?1, ?2, ?3)",
                        params![id, pos as i64, q],
                    )
                    .map_err(e)?;
                }
                return Ok(id);
            }
            tx.execute(
                "UPDATE finding SET cohort = ?2, area = ?3, statement = ?4,
                 ordinal = COALESCE(?5, ordinal) WHERE id = ?1",
                params![f.id, f.cohort, f.area.trim(), f.statement.trim(), ordinal],
            )
            .map_err(e)?;
            Ok(f.id)
        })
    }

    /// Writes a recommendation: a new one, last of its cohort's phase, when
    /// its id is 0; one moved to another cohort or phase goes last there.
    pub fn save_recommendation(&mut self, r: &Recommendation) -> crate::store::Result<Id> {
        refuse_faults(r.faults())?;
        let act = self.act_on(r.id == 0, Part::Recommendation, &r.text);
        let path = self.path().to_path_buf();
        self.journaled(&act, |tx| {
            let e = |e| sqlite_error(&path, e);
            let was: Option<(Id, String)> = if r.id == 0 {
                None
            } else {
                let found = tx
                    .query_row(
                        "SELECT cohort, phase FROM recommendation WHERE id = ?1",
                        [r.id],
                        |x| Ok((x.get(0)?, x.get(1)?)),
                    )
                    .optional()
                    .map_err(e)?;
                Some(found.ok_or_else(|| no_such("recommendation", r.id))?)
            };
            let here = (r.cohort, r.phase.key().to_string());
            let ordinal = match was {
                Some(w) if w == here => None,
                _ => Some(
                    next_ordinal(
                        tx,
                        "recommendation",
                        "cohort = ?1 AND phase = ?2",
                        &[&r.cohort, &r.phase.key()],
                    )
                    .map_err(e)?,
                ),
            };
            if r.id == 0 {
                tx.execute(
                    "INSERT INTO recommendation (cohort, phase, ordinal, text, source)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        r.cohort,
                        r.phase.key(),
                        ordinal,
                        r.text.trim(),
                        r.source.trim()
                    ],
                )
                .map_err(e)?;
                return Ok(tx.last_insert_rowid());
            }
            tx.execute(
                "UPDATE recommendation SET cohort = ?2, phase = ?3, text = ?4, source = ?5,
                 ordinal = COALESCE(?6, ordinal) WHERE id = ?1",
                params![
                    r.id,
                    r.cohort,
                    r.phase.key(),
                    r.text.trim(),
                    r.source.trim(),
                    ordinal
                ],
            )
            .map_err(e)?;
            drop_stale_fates(tx).map_err(e)?;
            Ok(r.id)
        })
    }
}
