//! Answers counted into the segments of a split: by each respondent's
//! value of an attribute, by a segment worked out once per respondent,
//! and numbers of many values gathered in bands. Pure: the store's reads
//! (`reads.rs`) and the Survey view hand them rows.

use crate::domain::Id;
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
        .map(|s| {
            (!s.label.is_empty())
                .then(|| crate::domain::read_number(&s.label))
                .flatten()
        })
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
                    crate::domain::figure(from),
                    crate::domain::figure(to.min(hi))
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
