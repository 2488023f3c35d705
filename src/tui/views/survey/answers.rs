//! The selected question's answers row by row, as the view holds them:
//! split by an attribute of the respondents, by cohort (the same item's
//! questions in each cohort), or not at all; read again when the question
//! or the split changes.

use super::SurveyState;
use crate::domain::{Id, QuestionKind};
use crate::store::respondents::{
    BANDS, SegmentAnswers, banded, segment_index, segments, segments_indexed,
};
use crate::store::{Store, StoreError};
use std::collections::{HashMap, HashSet};

/// How the answers row by row are split.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Split {
    #[default]
    None,
    /// By the value of a respondent's attribute.
    Attribute(String),
    /// By cohort: the same item's question in each cohort.
    Cohort,
}

/// An attribute's name and one of its values: whom a filter keeps.
pub type Filter = (String, String);

/// The respondents an instrument's filters keep, with the instrument and
/// the filters.
type Kept = ((Id, Vec<Filter>), HashSet<Id>);

/// Kept respondents' segments, keyed by instrument, filters and split.
type Index = (
    (Id, Vec<Filter>, Option<String>),
    HashMap<Id, usize>,
    Vec<String>,
);

/// Segments with fewer respondents than this are flagged: a share of so
/// few says little.
pub const FEW: u32 = 5;

/// What the view holds of the selected question's answers.
#[derive(Debug, Default)]
pub struct Answers {
    pub split: Split,
    /// The attributes the respondents who answered the selected question
    /// carry.
    pub attributes: Vec<String>,
    /// The instrument `respondents` counts.
    counted_of: Option<Id>,
    /// How many respondents the instrument has row by row.
    pub respondents: u64,
    /// Each segment's answers (empty when the question has none).
    pub segments: Vec<SegmentAnswers>,
    pub kind: QuestionKind,
    /// Only the respondents with each of these values of their attributes
    /// are counted (one value per attribute).
    pub filters: Vec<Filter>,
    /// What the filter's list offered, in its order (after "everyone").
    pub filter_choices: Vec<Filter>,
    /// The question, split and filters `segments` were read for.
    read_for: Option<(Id, Split, Vec<Filter>)>,
    /// The respondents the filters keep, of an instrument.
    kept: Option<Kept>,
    /// Under filters, each kept respondent's segment (an index into the
    /// labels), for an instrument, its filters and the attribute split by.
    index: Option<Index>,
    /// The value each respondent of an instrument has in an attribute,
    /// kept while the split is by it (so that a key reads one question's
    /// answers, not every respondent's attribute again).
    values: Option<((Id, String), HashMap<Id, String>)>,
}

impl Answers {
    /// The splits `b` goes through, in order: none, each attribute, by
    /// cohort when the item is asked in another cohort.
    pub fn splits(&self, other_cohorts: bool) -> Vec<Split> {
        let mut all = vec![Split::None];
        all.extend(self.attributes.iter().cloned().map(Split::Attribute));
        if other_cohorts {
            all.push(Split::Cohort);
        }
        all
    }

    pub fn forget(&mut self) {
        self.read_for = None;
        self.counted_of = None;
        self.values = None;
        self.kept = None;
        self.index = None;
    }

    /// The respondents of `instrument` every filter keeps (read once).
    fn kept(&mut self, store: &Store, instrument: Id) -> Result<Option<&HashSet<Id>>, StoreError> {
        if self.filters.is_empty() {
            return Ok(None);
        }
        let key = (instrument, self.filters.clone());
        if self.kept.as_ref().map(|k| &k.0) != Some(&key) {
            let mut set: Option<HashSet<Id>> = None;
            for (name, value) in &self.filters {
                let these = store.respondents_with(instrument, name, value)?;
                set = Some(match set {
                    None => these,
                    Some(s) => s.intersection(&these).copied().collect(),
                });
            }
            self.kept = Some((key, set.unwrap_or_default()));
        }
        Ok(self.kept.as_ref().map(|k| &k.1))
    }
}

/// A question's answers, of the respondents `kept` only.
fn answers_kept(
    store: &Store,
    question: Id,
    kept: &HashSet<Id>,
) -> Result<Vec<crate::store::respondents::AnswerRow>, StoreError> {
    let mut all = store.answers_of(question)?;
    all.retain(|(r, _, _)| kept.contains(r));
    Ok(all)
}

impl SurveyState {
    /// Reads the selected question's answers under the current split,
    /// unless they are read.
    pub(super) fn read_answers(&mut self, store: &Store) -> Result<(), StoreError> {
        let Some(row) = self.current.as_ref() else {
            self.answers.segments.clear();
            self.answers.read_for = None;
            return Ok(());
        };
        let q = &row.question;
        let want = (
            q.id,
            self.answers.split.clone(),
            self.answers.filters.clone(),
        );
        if self.answers.read_for.as_ref() == Some(&want) {
            return Ok(());
        }
        if self.answers.counted_of != Some(q.instrument) {
            self.answers.respondents = store.respondents_of(q.instrument)?;
            self.answers.counted_of = Some(q.instrument);
        }
        // The attributes of those who answered this question, from the
        // counts kept per value (every respondent of the instrument's
        // 20,000 read took 13 ms).
        self.answers.attributes = store.attributes_of_question(q.id)?;
        let options = |scale: Id| self.scales.get(&scale).map_or(0, |s| s.options.len());
        self.answers.kind = q.kind;
        let split = match &self.answers.split {
            Split::Attribute(name) if !self.answers.attributes.contains(name) => Split::None,
            other => other.clone(),
        };
        if !self.answers.filters.is_empty() {
            let (q, rows) = (q.clone(), {
                let mut v = vec![row.clone()];
                v.extend(self.others.iter().cloned());
                v
            });
            self.answers.segments = self.filtered(store, &q, &rows, &split)?;
            self.answers.read_for = Some(want);
            return Ok(());
        }
        self.answers.segments = match &split {
            // The counts kept beside the answers, when no number is asked.
            Split::None if q.kind != QuestionKind::Numeric => match self.derived.get(&q.id) {
                Some((crate::domain::Figures::Counts { counts }, missing)) => {
                    vec![SegmentAnswers {
                        label: String::new(),
                        counts: counts.clone(),
                        values: vec![],
                        missing: *missing,
                    }]
                }
                _ => vec![],
            },
            Split::None => segments(&store.answers_of(q.id)?, options(q.scale), None),
            Split::Attribute(name) if q.kind != QuestionKind::Numeric => {
                banded(store.split_counts(q.id, options(q.scale), name)?, BANDS)
            }
            Split::Attribute(name) => {
                let key = (q.instrument, name.clone());
                if self.answers.values.as_ref().map(|v| &v.0) != Some(&key) {
                    let values = store.attribute_of_respondents(q.instrument, name)?;
                    self.answers.values = Some((key, values));
                }
                let values = self.answers.values.as_ref().map(|v| &v.1);
                banded(
                    segments(&store.answers_of(q.id)?, options(q.scale), values),
                    BANDS,
                )
            }
            Split::Cohort => {
                let mut all = vec![];
                for r in std::iter::once(row).chain(self.others.iter()) {
                    let scale = options(r.question.scale);
                    if scale != options(q.scale) && q.kind != QuestionKind::Numeric {
                        continue;
                    }
                    for mut s in store.answers_by(r.question.id, scale, None)? {
                        s.label = r.cohort_label.clone();
                        all.push(s);
                    }
                }
                all
            }
        };
        self.answers.read_for = Some(want);
        Ok(())
    }

    /// The answers under a filter: read whole for the question (and, by
    /// cohort, for the same item's in each cohort), of the respondents the
    /// filter keeps, then counted per segment.
    fn filtered(
        &mut self,
        store: &Store,
        q: &crate::domain::Question,
        rows: &[crate::store::survey::QuestionRow],
        split: &Split,
    ) -> Result<Vec<SegmentAnswers>, StoreError> {
        let options =
            |s: &SurveyState, scale: Id| s.scales.get(&scale).map_or(0, |x| x.options.len());
        let n = options(self, q.scale);
        match split {
            Split::Cohort => {
                let mut all = vec![];
                for r in rows {
                    let scale = options(self, r.question.scale);
                    if scale != n && q.kind != QuestionKind::Numeric {
                        continue;
                    }
                    let none = HashSet::new();
                    let kept = self
                        .answers
                        .kept(store, r.question.instrument)?
                        .unwrap_or(&none);
                    for mut s in segments(&answers_kept(store, r.question.id, kept)?, scale, None) {
                        s.label = r.cohort_label.clone();
                        all.push(s);
                    }
                }
                Ok(all)
            }
            _ => {
                // Each kept respondent's segment, worked out once for the
                // instrument, filters and split: a key then reads the
                // question's answers and looks each one's respondent up once.
                let by = match split {
                    Split::Attribute(name) => Some(name.clone()),
                    _ => None,
                };
                let key = (q.instrument, self.answers.filters.clone(), by.clone());
                if self.answers.index.as_ref().map(|i| &i.0) != Some(&key) {
                    if let Some(name) = &by {
                        let at = (q.instrument, name.clone());
                        if self.answers.values.as_ref().map(|v| &v.0) != Some(&at) {
                            let values = store.attribute_of_respondents(q.instrument, name)?;
                            self.answers.values = Some((at, values));
                        }
                    }
                    self.answers.kept(store, q.instrument)?;
                    let kept = self.answers.kept.as_ref().map(|k| &k.1);
                    let values = by.as_ref().and(self.answers.values.as_ref().map(|v| &v.1));
                    let (index, labels) = segment_index(kept, values);
                    self.answers.index = Some((key, index, labels));
                }
                let Some((_, index, labels)) = self.answers.index.as_ref() else {
                    return Ok(vec![]);
                };
                let answers = store.answers_of(q.id)?;
                Ok(banded(segments_indexed(&answers, n, index, labels), BANDS))
            }
        }
    }

    /// `w`'s list: everyone, then each attribute's values with how many
    /// have each; kept to read the choice by its place.
    pub fn filter_items(&mut self, store: &Store) -> Result<Vec<(Id, String, String)>, StoreError> {
        let Some(instrument) = self.current.as_ref().map(|r| r.question.instrument) else {
            return Ok(vec![]);
        };
        let values = store.attribute_values(instrument)?;
        self.answers.filter_choices = values
            .iter()
            .map(|(n, v, _)| (n.clone(), v.clone()))
            .collect();
        Ok(values
            .into_iter()
            .enumerate()
            .map(|(i, (name, value, count))| {
                // Name and value are data, each in its own direction; the
                // third field of a row is a colour, none here.
                let text = format!("\u{2068}{name}\u{2069} = \u{2068}{value}\u{2069} · {count}");
                (i as Id + 1, text, String::new())
            })
            .collect())
    }

    /// A filter chosen from `w`'s list, added to those there are (in place
    /// of one on the same attribute); 0, everyone, drops them all. The
    /// answers are read under them.
    pub fn set_filter(&mut self, chosen: Id, store: &Store) -> Result<(), StoreError> {
        match (chosen as usize)
            .checked_sub(1)
            .and_then(|i| self.answers.filter_choices.get(i).cloned())
        {
            None => self.answers.filters.clear(),
            Some((name, value)) => {
                self.answers.filters.retain(|(n, _)| *n != name);
                self.answers.filters.push((name, value));
            }
        }
        self.read_answers(store)
    }

    /// `b`: the next split, and the answers read under it.
    pub(super) fn next_split(&mut self, store: &Store) -> Result<bool, StoreError> {
        let splits = self.answers.splits(!self.others.is_empty());
        let at = splits
            .iter()
            .position(|s| *s == self.answers.split)
            .unwrap_or(0);
        self.answers.split = splits[(at + 1) % splits.len()].clone();
        self.read_answers(store)?;
        Ok(true)
    }
}
