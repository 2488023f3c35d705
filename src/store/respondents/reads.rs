//! What is read of the answers: per segment of a split, all together, the
//! counts kept beside them, the attributes and the links between
//! instruments.

use crate::domain::Id;
use crate::store::Store;
use rusqlite::params;
use std::collections::{BTreeMap, HashMap};

/// One segment's answers to one question: the option counts (rating and
/// choice questions) or the numbers given (numeric ones), and how many of
/// the segment's respondents left it unanswered.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SegmentAnswers {
    /// The attribute's value; empty for respondents without one, or for
    /// everyone when there is no split.
    pub label: String,
    pub counts: Vec<u32>,
    pub values: Vec<f64>,
    pub missing: u32,
}

impl SegmentAnswers {
    /// Respondents who answered.
    pub fn n(&self) -> u32 {
        self.counts.iter().sum::<u32>() + self.values.len() as u32
    }
}

/// An answer as counted: its respondent, the option chosen, the number.
pub type AnswerRow = (Id, Option<u32>, Option<f64>);

/// Answers (respondent, option, number) counted per segment: all in one
/// (`by` None), or by the value each respondent has in `by` (those without
/// one in a segment labelled empty, last); segments in their labels'
/// order, numbers sorted.
pub fn segments(
    answers: &[AnswerRow],
    options: usize,
    by: Option<&HashMap<Id, String>>,
) -> Vec<SegmentAnswers> {
    let mut segments: BTreeMap<(bool, &str), SegmentAnswers> = BTreeMap::new();
    for (respondent, option, value) in answers {
        let label = by
            .and_then(|m| m.get(respondent))
            .map_or("", String::as_str);
        let s = segments
            .entry((label.is_empty() && by.is_some(), label))
            .or_insert_with(|| SegmentAnswers {
                label: label.to_string(),
                counts: vec![0; options],
                ..Default::default()
            });
        match (option, value) {
            (Some(o), _) if (*o as usize) < options => s.counts[*o as usize] += 1,
            (_, Some(v)) => s.values.push(*v),
            _ => s.missing += 1,
        }
    }
    let mut out: Vec<SegmentAnswers> = segments.into_values().collect();
    for s in &mut out {
        s.values.sort_by(f64::total_cmp);
    }
    out
}

/// The segment of each of `kept` respondents (all, when `None`): an
/// index into the labels, which are the values they have in `values` (the
/// split's attribute) in order, those without one last; one label, empty,
/// when there is no split. For [`segments_indexed`].
pub fn segment_index(
    kept: Option<&std::collections::HashSet<Id>>,
    values: Option<&HashMap<Id, String>>,
) -> (HashMap<Id, usize>, Vec<String>) {
    let Some(values) = values else {
        let index = kept.map_or_else(HashMap::new, |k| k.iter().map(|r| (*r, 0)).collect());
        return (index, vec![String::new()]);
    };
    let mut labels: Vec<String> = values
        .iter()
        .filter(|(r, _)| kept.is_none_or(|k| k.contains(r)))
        .map(|(_, v)| v.clone())
        .collect();
    labels.sort();
    labels.dedup();
    labels.push(String::new());
    let at: HashMap<&str, usize> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    let none = labels.len() - 1;
    let index = match kept {
        Some(k) => k
            .iter()
            .map(|r| (*r, values.get(r).map_or(none, |v| at[v.as_str()])))
            .collect(),
        None => values.iter().map(|(r, v)| (*r, at[v.as_str()])).collect(),
    };
    (index, labels)
}

/// Answers counted per segment by their respondent's place in `index`
/// (see [`segment_index`]); answers of respondents not in it are left
/// out, segments no answer falls in are dropped: as [`segments`] gives
/// them for the respondents the index holds.
pub fn segments_indexed(
    answers: &[AnswerRow],
    options: usize,
    index: &HashMap<Id, usize>,
    labels: &[String],
) -> Vec<SegmentAnswers> {
    let mut out: Vec<SegmentAnswers> = labels
        .iter()
        .map(|l| SegmentAnswers {
            label: l.clone(),
            counts: vec![0; options],
            ..Default::default()
        })
        .collect();
    let mut used = vec![false; labels.len()];
    for (respondent, option, value) in answers {
        let Some(&i) = index.get(respondent) else {
            continue;
        };
        used[i] = true;
        let s = &mut out[i];
        match (option, value) {
            (Some(o), _) if (*o as usize) < options => s.counts[*o as usize] += 1,
            (_, Some(v)) => s.values.push(*v),
            _ => s.missing += 1,
        }
    }
    out.into_iter()
        .zip(used)
        .filter(|(_, u)| *u)
        .map(|(mut s, _)| {
            s.values.sort_by(f64::total_cmp);
            s
        })
        .collect()
}

/// How many bands a split by a numeric attribute shows at most.
pub const BANDS: usize = 6;

/// Segments whose labels are all numbers (years in the job, an age), more
/// than `most` of them, merged into at most `most` bands of equal width
/// from the least to the greatest (`1–5`, `6–10`…; whole numbers banded
/// by whole numbers), in order; the segment of respondents without a
/// value stays last. Other segments are returned as they are.
pub fn banded(segments: Vec<SegmentAnswers>, most: usize) -> Vec<SegmentAnswers> {
    let valued: Vec<Option<f64>> = segments
        .iter()
        .map(|s| (!s.label.is_empty()).then(|| number(&s.label)).flatten())
        .collect();
    let numbered = segments
        .iter()
        .zip(&valued)
        .filter(|(s, v)| !s.label.is_empty() && v.is_some())
        .count();
    let labelled = segments.iter().filter(|s| !s.label.is_empty()).count();
    if numbered != labelled || numbered <= most || most == 0 {
        return segments;
    }
    let values: Vec<f64> = valued.iter().flatten().copied().collect();
    let (lo, hi) = values
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(*x), b.max(*x)));
    let whole = values.iter().all(|x| x.fract() == 0.0);
    let width = if whole {
        ((hi - lo + 1.0) / most as f64).ceil()
    } else {
        (hi - lo) / most as f64
    };
    let band = |x: f64| (((x - lo) / width) as usize).min(most - 1);
    let mut bands: Vec<Option<SegmentAnswers>> = vec![None; most];
    let mut rest = None;
    for (s, v) in segments.into_iter().zip(valued) {
        let Some(x) = v else {
            rest = Some(s);
            continue;
        };
        let k = band(x);
        let b = bands[k].get_or_insert_with(|| {
            let from = lo + k as f64 * width;
            let to = if whole {
                from + width - 1.0
            } else {
                from + width
            };
            SegmentAnswers {
                label: format!(
                    "{}–{}",
                    crate::analysis::figure(from),
                    crate::analysis::figure(to.min(hi))
                ),
                counts: vec![0; s.counts.len()],
                ..Default::default()
            }
        });
        for (a, c) in b.counts.iter_mut().zip(&s.counts) {
            *a += c;
        }
        b.values.extend(s.values);
        b.missing += s.missing;
    }
    let mut out: Vec<SegmentAnswers> = bands.into_iter().flatten().collect();
    for s in &mut out {
        s.values.sort_by(f64::total_cmp);
    }
    out.extend(rest);
    out
}

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

/// A label as a number: `12`, `3.5` or `3,5`.
fn number(s: &str) -> Option<f64> {
    let s = s.trim().replace(',', ".");
    s.parse::<f64>().ok().filter(|n| n.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(label: &str, counts: Vec<u32>) -> SegmentAnswers {
        SegmentAnswers {
            label: label.into(),
            counts,
            ..Default::default()
        }
    }

    #[test]
    fn counted_by_an_index_as_by_labels() {
        let answers: Vec<AnswerRow> = vec![
            (1, Some(0), None),
            (2, Some(1), None),
            (3, None, None),
            (4, Some(1), None),
            (5, Some(1), None),
        ];
        let values: HashMap<Id, String> = [(1, "b"), (2, "a"), (3, "a"), (5, "b")]
            .map(|(r, v)| (r, v.to_string()))
            .into();
        let kept: std::collections::HashSet<Id> = [1, 2, 3, 4].into();
        // Split and filtered: respondent 5 is not kept, 4 has no value.
        let (index, labels) = segment_index(Some(&kept), Some(&values));
        let by_index = segments_indexed(&answers, 2, &index, &labels);
        let only: Vec<AnswerRow> = answers
            .iter()
            .filter(|a| kept.contains(&a.0))
            .copied()
            .collect();
        assert_eq!(by_index, segments(&only, 2, Some(&values)));
        // Filtered, no split.
        let (index, labels) = segment_index(Some(&kept), None);
        assert_eq!(
            segments_indexed(&answers, 2, &index, &labels),
            segments(&only, 2, None)
        );
    }

    #[test]
    fn many_numbers_are_banded_and_words_are_not() {
        let years: Vec<SegmentAnswers> = (1..=20)
            .map(|y| seg(&y.to_string(), vec![1, 0]))
            .chain([seg("", vec![0, 2])])
            .collect();
        let b = banded(years, 5);
        let labels: Vec<&str> = b.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["1–4", "5–8", "9–12", "13–16", "17–20", ""]);
        assert!(b[..5].iter().all(|s| s.counts == vec![4, 0]));
        assert_eq!(b[5].counts, vec![0, 2]);
        let words = vec![seg("רשות", vec![1]), seg("ממשלה", vec![2])];
        assert_eq!(banded(words.clone(), 5), words);
        let few = vec![seg("1", vec![1]), seg("2", vec![2])];
        assert_eq!(banded(few.clone(), 5), few);
    }
}
