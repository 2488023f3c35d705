//! Findings with their evidence, and recommendations.

use super::key_col;
use crate::domain::{Dataset, Evidence, Fate, Finding, Phase, Recommendation, Uptake};
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
        "INSERT INTO recommendation (id, cohort, phase, ordinal, text, source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut fate = tx.prepare(
        "INSERT INTO fate (recommendation, cohort, status, note) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for r in &d.recommendations {
        rec.execute(params![
            r.id,
            r.cohort,
            r.phase.key(),
            r.ordinal,
            r.text,
            r.source
        ])?;
        for f in &r.fate {
            fate.execute(params![r.id, f.cohort, f.status.key(), f.note])?;
        }
    }
    tx.execute_batch(
        "INSERT INTO search_index (rowid, body)
             SELECT id * 8 + 1, tovana_index_text(area || ' ' || statement) FROM finding;
         INSERT INTO search_index (rowid, body)
             SELECT id * 8 + 2, tovana_index_text(text || ' ' ||
                 COALESCE((SELECT group_concat(note, ' ') FROM fate WHERE recommendation = r.id), ''))
             FROM recommendation r;",
    )
}

/// A recommendation from the columns `id, cohort, phase, ordinal, text,
/// source`, its fate read after.
fn recommendation_of(r: &rusqlite::Row) -> rusqlite::Result<Recommendation> {
    Ok(Recommendation {
        id: r.get(0)?,
        cohort: r.get(1)?,
        phase: key_col(r, 2, Phase::from_key)?,
        ordinal: r.get(3)?,
        text: r.get(4)?,
        source: r.get(5)?,
        fate: vec![],
    })
}

/// Each recommendation's fate, in its cohorts' order.
fn read_fates(c: &Connection, recs: &mut [Recommendation]) -> rusqlite::Result<()> {
    let mut all: std::collections::HashMap<Id, Vec<Fate>> = std::collections::HashMap::new();
    let mut stmt = c.prepare(
        "SELECT f.recommendation, f.cohort, f.status, f.note FROM fate f
         JOIN cohort co ON co.id = f.cohort ORDER BY f.recommendation, co.ordinal, co.id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        all.entry(r.get(0)?).or_default().push(Fate {
            cohort: r.get(1)?,
            status: key_col(r, 2, Uptake::from_key)?,
            note: r.get(3)?,
        });
    }
    for rec in recs {
        rec.fate = all.remove(&rec.id).unwrap_or_default();
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
        .prepare("SELECT id, cohort, phase, ordinal, text, source FROM recommendation ORDER BY id")?
        .query_map([], recommendation_of)?
        .collect::<rusqlite::Result<_>>()?;
    read_fates(c, &mut d.recommendations)
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
        let mut recs = self.rows(
"SELECT r.id, r.cohort, r.phase, r.ordinal, r.text, r.source
                 FROM recommendation r JOIN cohort co ON co.id = r.cohort
                 ORDER BY co.program, co.ordinal,
                    CASE r.phase WHEN 'before' THEN 0 WHEN 'during' THEN 1 WHEN 'links' THEN 2 ELSE 3 END,
                    r.ordinal, r.id",
[],
recommendation_of,
)?;
        read_fates(self.conn(), &mut recs).map_err(|e| self.sqlite(e))?;
        Ok(recs)
    }

    /// Records what became of a recommendation in a later cohort (its
    /// status and note), in one journaled step; unknown without a note
    /// keeps nothing.
    pub fn set_fate(
        &mut self,
        id: Id,
        cohort: Id,
        status: Uptake,
        note: &str,
    ) -> super::Result<()> {
        let item = crate::domain::Item {
            part: crate::domain::Part::Recommendation,
            id,
        };
        let act = crate::domain::Act::Uptake {
            name: self.name_of(item)?,
        };
        let later: bool = self
            .first_row(
                "SELECT 1 FROM recommendation r JOIN cohort c ON c.id = r.cohort
                 JOIN cohort n ON n.program = c.program AND n.ordinal > c.ordinal
                 WHERE r.id = ?1 AND n.id = ?2",
                params![id, cohort],
                |_| Ok(true),
            )?
            .unwrap_or(false);
        if !later {
            return Err(super::StoreError::Invalid(vec![crate::domain::Problem {
                path: "fate.cohort".into(),
                fault: crate::domain::Fault::NotLater(cohort),
            }]));
        }
        let path = self.path().to_path_buf();
        let note = note.trim().to_string();
        self.journaled(&act, |tx| {
            let e = |e| super::sqlite_error(&path, e);
            if status == Uptake::Unknown && note.is_empty() {
                tx.execute(
                    "DELETE FROM fate WHERE recommendation = ?1 AND cohort = ?2",
                    params![id, cohort],
                )
                .map_err(e)?;
            } else {
                tx.execute(
                    "INSERT INTO fate (recommendation, cohort, status, note) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (recommendation, cohort) DO UPDATE SET status = ?3, note = ?4",
                    params![id, cohort, status.key(), note],
                )
                .map_err(e)?;
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::{Fault, Item, Part, Uptake};
    use crate::store::StoreError;
    use crate::store::testing::demo_store;

    #[test]
    fn what_became_of_a_recommendation_is_set_per_later_cohort_and_undone() {
        let mut s = demo_store();
        let d = s.dataset().unwrap();
        let (a, b, c) = (d.cohorts[0].id, d.cohorts[1].id, d.cohorts[2].id);
        let r = d.recommendations.iter().find(|r| r.cohort == a).unwrap();
        let fate = |s: &crate::store::Store| {
            s.recommendations()
                .unwrap()
                .into_iter()
                .find(|x| x.id == r.id)
                .unwrap()
                .fate
        };
        s.set_fate(r.id, b, Uptake::Not, " לא אומצה ").unwrap();
        let now = fate(&s);
        // In the cohorts' order: B before C.
        assert_eq!(now[0].cohort, b);
        assert_eq!(
            (now[0].status, now[0].note.as_str()),
            (Uptake::Not, "לא אומצה")
        );
        assert_eq!(now[1..], r.fate[..]);
        // Unknown without a note keeps nothing.
        s.set_fate(r.id, b, Uptake::Unknown, "").unwrap();
        assert_eq!(fate(&s), r.fate);
        // Not of a cohort that is not later: refused, nothing written.
        let refused = s.set_fate(r.id, a, Uptake::TakenUp, "").unwrap_err();
        assert!(matches!(refused, StoreError::Invalid(p) if p[0].fault == Fault::NotLater(a)));
        let later = d.recommendations.iter().find(|x| x.cohort == c).unwrap();
        assert!(s.set_fate(later.id, c, Uptake::Partly, "").is_err());
        s.undo().unwrap().unwrap();
        s.undo().unwrap().unwrap();
        assert_eq!(s.dataset().unwrap(), d);
    }

    #[test]
    fn a_recommendation_is_found_by_its_notes_and_gone_from_the_index_when_deleted() {
        let mut s = demo_store();
        let d = s.dataset().unwrap();
        let (b, r) = (d.cohorts[1].id, &d.recommendations[0]);
        s.set_fate(r.id, b, Uptake::Partly, "זברה").unwrap();
        let hits = s.search("זברה", 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].id, r.id);
        assert!(hits[0].text.contains("זברה"), "{}", hits[0].text);
        s.delete_item(Item {
            part: Part::Recommendation,
            id: r.id,
        })
        .unwrap();
        let rows: i64 = s
            .conn()
            .query_row(
                "SELECT count(*) FROM search_index WHERE rowid = ?1",
                [r.id * 8 + 2],
                |x| x.get(0),
            )
            .unwrap();
        assert_eq!(rows, 0, "no index row is left of it");
        assert!(s.search("זברה", 10).unwrap().is_empty());
    }
}
