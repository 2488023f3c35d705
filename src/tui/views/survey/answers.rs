//! The selected question's answers row by row, as the view holds them:
//! split by an attribute of the respondents, by cohort (the same item's
//! questions in each cohort), or not at all; read again when the question
//! or the split changes.

use super::SurveyState;
use crate::domain::{Id, QuestionKind};
use crate::store::respondents::{BANDS, SegmentAnswers, banded, segments};
use crate::store::{Store, StoreError};
use std::collections::HashMap;

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

/// Segments with fewer respondents than this are flagged: a share of so
/// few says little.
pub const FEW: u32 = 5;

/// What the view holds of the selected question's answers.
#[derive(Debug, Default)]
pub struct Answers {
    pub split: Split,
    /// The attributes the selected question's instrument's respondents
    /// carry, and that instrument.
    pub attributes: Vec<String>,
    attributes_of: Option<Id>,
    /// How many respondents the instrument has row by row.
    pub respondents: u64,
    /// Each segment's answers (empty when the question has none).
    pub segments: Vec<SegmentAnswers>,
    pub kind: QuestionKind,
    /// The question and split `segments` were read for.
    read_for: Option<(Id, Split)>,
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
        self.attributes_of = None;
        self.values = None;
    }
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
        let want = (q.id, self.answers.split.clone());
        if self.answers.read_for.as_ref() == Some(&want) {
            return Ok(());
        }
        if self.answers.attributes_of != Some(q.instrument) {
            self.answers.attributes = store.respondent_attributes(q.instrument)?;
            self.answers.respondents = store.respondents_of(q.instrument)?;
            self.answers.attributes_of = Some(q.instrument);
        }
        let options = |scale: Id| self.scales.get(&scale).map_or(0, |s| s.options.len());
        self.answers.kind = q.kind;
        let split = match &self.answers.split {
            Split::Attribute(name) if !self.answers.attributes.contains(name) => Split::None,
            other => other.clone(),
        };
        self.answers.segments = match &split {
            // The counts kept beside the answers, when no number is asked.
            Split::None if q.kind != QuestionKind::Numeric => match self.derived.get(&q.id) {
                Some((counts, missing)) => vec![SegmentAnswers {
                    label: String::new(),
                    counts: counts.clone(),
                    values: vec![],
                    missing: *missing,
                }],
                None => vec![],
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
