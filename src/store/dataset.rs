//! The store as a whole: its counts, and the dataset read out or written in
//! (the JSON form's border), in one transaction.

use super::{Result, Store, StoreError, codebook, coding, cohorts, findings, sqlite_error, survey};
use crate::domain::{Counts, Dataset};

impl Store {
    /// How many of each entity the store holds.
    pub fn counts(&self) -> Result<Counts> {
        let count = |table: &str| -> Result<u64> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })
                .map(|n| n as u64)
                .map_err(|e| self.sqlite(e))
        };
        Ok(Counts {
            programs: count("program")?,
            cohorts: count("cohort")?,
            sessions: count("session")?,
            instruments: count("instrument")?,
            segments: count("segment")?,
            scales: count("scale")?,
            questions: count("question")?,
            results: count("result")?,
            documents: count("document")?,
            quotes: count("quote")?,
            codes: count("code")?,
            coders: count("coder")?,
            codings: count("coding")?,
            findings: count("finding")?,
            recommendations: count("recommendation")?,
            respondents: count("respondent")?,
            answers: count("answer")?,
        })
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.counts()?.total() == 0)
    }

    /// The whole store as one value, each list ordered by id.
    pub fn dataset(&self) -> Result<Dataset> {
        let mut d = Dataset::default();
        let c = &self.conn;
        (|| {
            cohorts::read_all(c, &mut d)?;
            survey::read_all(c, &mut d)?;
            coding::read_all(c, &mut d)?;
            findings::read_all(c, &mut d)
        })()
        .map_err(|e| self.sqlite(e))?;
        Ok(d)
    }

    /// Replaces everything in the store with `data`, in one transaction.
    /// The data is checked first; nothing is written when it is invalid.
    pub fn replace_all(&mut self, data: &Dataset) -> Result<()> {
        let mut problems = data.problems();
        // Two codes under one parent may not share a name (points and case
        // aside), in an import as in the app.
        let mut names: std::collections::HashMap<(Option<crate::domain::Id>, String), usize> =
            std::collections::HashMap::new();
        for (i, c) in data.codes.iter().enumerate() {
            if let Some(j) = names.insert((c.parent, codebook::name_key(&c.name)), i) {
                let fault = crate::domain::Fault::SiblingName {
                    name: c.name.clone(),
                    other: j,
                };
                problems.push(crate::domain::Problem {
                    path: format!("codes[{i}].name"),
                    fault,
                });
            }
        }
        if !problems.is_empty() {
            return Err(StoreError::Invalid(problems));
        }
        let path = self.path.clone();
        let indexing = std::sync::Arc::clone(&self.indexing);
        // A whole store's rows and indexes do not fit SQLite's usual 2 MB
        // of cache: pages written were read back from the file over and
        // over (the 100,000 codings took twice as long).
        let usual: i64 = self
            .conn
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .map_err(|e| sqlite_error(&path, e))?;
        let set = |conn: &rusqlite::Connection, size: i64| {
            conn.execute_batch(&format!("PRAGMA cache_size = {size}"))
                .map_err(|e| sqlite_error(&path, e))
        };
        set(&self.conn, BULK_CACHE_KIB)?;
        let written = self.write(|tx| {
            (|| {
                clear(tx)?;
                cohorts::write_all(tx, data)?;
                survey::write_all(tx, data, &indexing)?;
                coding::write_all(tx, data, &indexing)?;
                findings::write_all(tx, data, &indexing)
            })()
            .map_err(|e| sqlite_error(&path, e))
        });
        set(&self.conn, usual)?;
        written
    }
}

/// The cache a whole store is written with, in KiB as `PRAGMA cache_size`
/// takes it (negative): 256 MB at most, given back when the write ends.
const BULK_CACHE_KIB: i64 = -262_144;

fn clear(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    // Children before parents, so that foreign keys hold at every step.
    tx.execute_batch(
        "DELETE FROM finding_code; DELETE FROM finding_question; DELETE FROM finding;
         DELETE FROM recommendation; DELETE FROM coding; DELETE FROM coder;
         DELETE FROM quote; DELETE FROM passage; DELETE FROM document_attribute; DELETE FROM document;
         UPDATE code SET parent = NULL; DELETE FROM code;
         DELETE FROM answer_count; DELETE FROM answer; DELETE FROM result_option; DELETE FROM result; DELETE FROM question;
         DELETE FROM respondent_attribute; DELETE FROM respondent;
         DELETE FROM scale_option; DELETE FROM scale; DELETE FROM segment;
         DELETE FROM instrument_respondents; DELETE FROM instrument;
         DELETE FROM session; DELETE FROM cohort_sector; DELETE FROM cohort; DELETE FROM program;
         DELETE FROM search_index; DELETE FROM respondent_index; DELETE FROM journal;",
    )
}
