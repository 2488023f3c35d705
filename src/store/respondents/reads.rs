//! What is read of the answers: per segment of a split, all together, the
//! counts kept beside them, the attributes and the links between
//! instruments. How answers are counted into segments is `segments.rs`.

use super::segments::{AnswerRow, SegmentAnswers, segments};
use crate::domain::Id;
use crate::store::Store;
use rusqlite::params;
use std::collections::{BTreeMap, HashMap};

impl Store {
    /// A question's answers, all together (`by` None) or split by an
    /// attribute's value, segments in the order of their labels
    /// (respondents without the attribute last). `options` is the length
    /// of the question's scale. Empty when the question has no answers.
    pub fn answers_by(
        &self,
        question: Id,
        options: usize,
        by: Option<&str>,
    ) -> crate::store::Result<Vec<SegmentAnswers>> {
        let answers = self.answers_of(question)?;
        let values = match by {
            None => HashMap::new(),
            Some(name) => {
                let instrument: Id = self
                    .first_row(
                        "SELECT instrument FROM question WHERE id = ?1",
                        [question],
                        |r| r.get(0),
                    )?
                    .unwrap_or(0);
                self.attribute_of_respondents(instrument, name)?
            }
        };
        Ok(segments(&answers, options, by.map(|_| &values)))
    }

    /// A question's option counts per value of an attribute, as kept
    /// beside the answers (`answer_split`), and the respondents without
    /// it as the rest of the question's counts (`answer_count`); as
    /// [`Store::answers_by`] gives them, without the numbers.
    pub fn split_counts(
        &self,
        question: Id,
        options: usize,
        name: &str,
    ) -> crate::store::Result<Vec<SegmentAnswers>> {
        let rows: Vec<(String, i64, u32)> = self.rows(
            "SELECT value, option, count FROM answer_split WHERE question = ?1 AND name = ?2",
            params![question, name],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let total: Vec<(i64, u32)> = self.rows(
            "SELECT option, count FROM answer_count WHERE question = ?1",
            [question],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mut by: BTreeMap<String, SegmentAnswers> = BTreeMap::new();
        let mut rest = SegmentAnswers {
            counts: vec![0; options],
            ..Default::default()
        };
        let add = |s: &mut SegmentAnswers, option: i64, n: u32, sign: i64| {
            let slot = match option {
                -1 => &mut s.missing,
                o if o >= 0 && (o as usize) < s.counts.len() => &mut s.counts[o as usize],
                _ => return,
            };
            *slot = (i64::from(*slot) + sign * i64::from(n)).max(0) as u32;
        };
        for (option, n) in total {
            add(&mut rest, option, n, 1);
        }
        for (value, option, n) in rows {
            let s = by.entry(value.clone()).or_insert_with(|| SegmentAnswers {
                label: value,
                counts: vec![0; options],
                ..Default::default()
            });
            add(s, option, n, 1);
            add(&mut rest, option, n, -1);
        }
        let mut out: Vec<SegmentAnswers> = by.into_values().collect();
        if rest.n() + rest.missing > 0 {
            out.push(rest);
        }
        Ok(out)
    }

    /// A question's answers: respondent, option, number.
    pub fn answers_of(&self, question: Id) -> crate::store::Result<Vec<AnswerRow>> {
        self.rows(
            "SELECT respondent, option, value FROM answer WHERE question = ?1",
            [question],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
    }

    /// Each respondent of an instrument who has the attribute, with its
    /// value.
    pub fn attribute_of_respondents(
        &self,
        instrument: Id,
        name: &str,
    ) -> crate::store::Result<HashMap<Id, String>> {
        Ok(self
            .rows(
                "SELECT ra.respondent, ra.value FROM respondent r
                 JOIN respondent_attribute ra ON ra.respondent = r.id AND ra.name = ?2
                 WHERE r.instrument = ?1",
                params![instrument, name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
            .into_iter()
            .collect())
    }

    /// The counts of each option of an instrument's questions that have
    /// answers row by row, by question, in their scale's order (`options`
    /// long), and how many left each unanswered.
    pub fn answer_counts(
        &self,
        instrument: Id,
        options: impl Fn(Id) -> usize,
    ) -> crate::store::Result<HashMap<Id, (Vec<u32>, u32)>> {
        let rows: Vec<(Id, Id, i64, u32)> = self.rows(
            "SELECT c.question, q.scale, c.option, c.count FROM answer_count c
             JOIN question q ON q.id = c.question WHERE q.instrument = ?1",
            [instrument],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        let mut out: HashMap<Id, (Vec<u32>, u32)> = HashMap::new();
        for (q, scale, option, count) in rows {
            let e = out.entry(q).or_insert_with(|| (vec![0; options(scale)], 0));
            match option {
                -1 => e.1 += count,
                o if o >= 0 && (o as usize) < e.0.len() => e.0[o as usize] += count,
                _ => {}
            }
        }
        Ok(out)
    }

    /// The questions of an instrument answered row by row, in order.
    pub fn answered_questions(
        &self,
        instrument: Id,
    ) -> crate::store::Result<Vec<crate::domain::Question>> {
        let ids: Vec<Id> = self.rows(
            "SELECT id FROM question q WHERE instrument = ?1
               AND EXISTS (SELECT 1 FROM answer_count c WHERE c.question = q.id)
             ORDER BY ordinal, id",
            [instrument],
            |r| r.get(0),
        )?;
        let mut rows = self.question_rows_of(&ids)?;
        rows.sort_by_key(|r| (r.question.ordinal, r.question.id));
        Ok(rows.into_iter().map(|r| r.question).collect())
    }

    /// Each attribute's values among an instrument's respondents, with how
    /// many have each, by name and value.
    pub fn attribute_values(
        &self,
        instrument: Id,
    ) -> crate::store::Result<Vec<(String, String, u64)>> {
        self.rows(
            "SELECT ra.name, ra.value, count(*) FROM respondent r
             JOIN respondent_attribute ra ON ra.respondent = r.id
             WHERE r.instrument = ?1 GROUP BY 1, 2 ORDER BY 1, 2",
            [instrument],
            |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as u64)),
        )
    }

    /// The respondents of an instrument whose attribute `name` is `value`.
    pub fn respondents_with(
        &self,
        instrument: Id,
        name: &str,
        value: &str,
    ) -> crate::store::Result<std::collections::HashSet<Id>> {
        Ok(self
            .rows(
                "SELECT r.id FROM respondent r
                 JOIN respondent_attribute ra ON ra.respondent = r.id AND ra.name = ?2
                 WHERE r.instrument = ?1 AND ra.value = ?3",
                params![instrument, name, value],
                |r| r.get(0),
            )?
            .into_iter()
            .collect())
    }

    /// The attributes the respondents of an instrument carry, by name.
    pub fn respondent_attributes(&self, instrument: Id) -> crate::store::Result<Vec<String>> {
        self.rows(
            "SELECT DISTINCT ra.name FROM respondent r
             JOIN respondent_attribute ra ON ra.respondent = r.id
             WHERE r.instrument = ?1 ORDER BY ra.name",
            [instrument],
            |r| r.get(0),
        )
    }

    /// The attributes the respondents who answered a question carry (as
    /// kept beside its answers), by name.
    pub fn attributes_of_question(&self, question: Id) -> crate::store::Result<Vec<String>> {
        self.rows(
            "SELECT DISTINCT name FROM answer_split WHERE question = ?1 ORDER BY name",
            [question],
            |r| r.get(0),
        )
    }

    /// How many respondents an instrument has row by row.
    pub fn respondents_of(&self, instrument: Id) -> crate::store::Result<u64> {
        self.first_row(
            "SELECT count(*) FROM respondent WHERE instrument = ?1",
            [instrument],
            |r| r.get::<_, i64>(0),
        )
        .map(|n| n.unwrap_or(0) as u64)
    }

    /// The instruments where the same person (by key) answered too: the
    /// other instruments holding a respondent with one of this one's keys,
    /// with how many keys they share.
    pub fn linked_instruments(&self, instrument: Id) -> crate::store::Result<Vec<(Id, u64)>> {
        self.rows(
            "SELECT o.instrument, count(*) FROM respondent r
             JOIN respondent o ON o.key = r.key AND o.instrument <> r.instrument
             WHERE r.instrument = ?1 GROUP BY o.instrument ORDER BY o.instrument",
            [instrument],
            |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)),
        )
    }
}
