use super::{Id, PartialDate, SectorCount};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstrumentKind {
    Questionnaire,
    Interview,
    Observation,
    FocusGroup,
}

keyed!(InstrumentKind {
    Questionnaire => "questionnaire",
    Interview => "interview",
    Observation => "observation",
    FocusGroup => "focus_group",
});

/// A way the evaluators collected data from a cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub id: Id,
    pub cohort: Id,
    /// Position among the cohort's instruments, from 1 (0: in the order
    /// of their ids, as a file written before there was one says).
    #[serde(default)]
    pub ordinal: u32,
    pub kind: InstrumentKind,
    pub title: String,
    #[serde(default)]
    pub date: Option<PartialDate>,
    /// How many times it was held (interviews, observations, groups).
    #[serde(default)]
    pub occasions: Option<u32>,
    /// People asked to take part; with `responded`, gives the response rate.
    #[serde(default)]
    pub invited: Option<u32>,
    /// People who answered or took part.
    #[serde(default)]
    pub responded: Option<u32>,
    /// The response rate in percent as the source gives it, when it gives
    /// one (a report may give respondents and a rate, not who was asked).
    /// Shown before any rate worked out from `invited` and `responded`.
    #[serde(default)]
    pub rate: Option<u32>,
    /// Who responded, by sector, when the source gives it.
    #[serde(default)]
    pub respondents: Vec<SectorCount>,
    #[serde(default)]
    pub notes: String,
}

/// A group of respondents whose answers are counted apart, such as the
/// participants of a parallel program asked the same questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    pub id: Id,
    pub label: String,
    #[serde(default)]
    pub description: String,
}

/// Whether an answer option counts against, for, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Valence {
    Negative,
    Neutral,
    Positive,
}

keyed!(Valence {
    Negative => "negative",
    Neutral => "neutral",
    Positive => "positive",
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleOption {
    pub label: String,
    pub valence: Valence,
}

/// The answer options of a closed question, in order: for rating scales from
/// the most negative to the most positive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub id: Id,
    pub name: String,
    pub options: Vec<ScaleOption>,
}

impl Scale {
    /// Indexes of the options that make up the top box (the positive ones).
    pub fn top_box(&self) -> Vec<usize> {
        self.options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.valence == Valence::Positive)
            .map(|(i, _)| i)
            .collect()
    }
}

/// A question of an instrument, answered on a scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Id,
    pub instrument: Id,
    /// Position within the instrument, from 1.
    pub ordinal: u32,
    /// The subject the question belongs to (the report's chart or section).
    pub topic: String,
    pub wording: String,
    pub scale: Id,
    /// A key shared by the questions that ask the same thing in different
    /// cohorts, so that their results can be set side by side; empty when
    /// the question stands alone.
    #[serde(default)]
    pub item: String,
    #[serde(default)]
    pub notes: String,
}
