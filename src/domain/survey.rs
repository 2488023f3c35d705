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

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// One option of its scale (a Likert item, yes or no).
    #[default]
    Rating,
    /// One option of a multiple-choice question, chosen or not: its scale
    /// is "not chosen, chosen" and its topic is the question.
    Choice,
    /// A number (0–10, years in the job): answers hold a value, and its
    /// scale has no options.
    Numeric,
}

keyed!(QuestionKind {
    Rating => "rating",
    Choice => "choice",
    Numeric => "numeric",
});

impl QuestionKind {
    pub fn is_rating(&self) -> bool {
        *self == QuestionKind::Rating
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
    #[serde(default, skip_serializing_if = "QuestionKind::is_rating")]
    pub kind: QuestionKind,
    /// The column of the survey file its answers came from (empty for a
    /// question typed in or read off a report): a second import of the
    /// file finds the question by it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub field: String,
}

/// Someone who answered an instrument, known by the source's id column:
/// the same key in two instruments of a program is the same person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Respondent {
    pub id: Id,
    pub instrument: Id,
    pub key: String,
    /// What the file says of them: sector, kind of government, years in
    /// the job, by the column's name.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub attributes: std::collections::BTreeMap<String, String>,
}

/// One respondent's answer to one question: the option chosen (its
/// position in the question's scale, from 0), or the number given; neither
/// when the answer is missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub question: Id,
    pub respondent: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
}

impl Answer {
    pub fn is_missing(&self) -> bool {
        self.option.is_none() && self.value.is_none()
    }
}

/// A number as a figure shows it: whole, or with one decimal.
pub fn figure(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

/// A number as a survey file or an attribute writes it: `3`, `-1.5`, or
/// `3,5` with a decimal comma.
pub fn read_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let s = if s.contains(',') && !s.contains('.') {
        std::borrow::Cow::Owned(s.replace(',', "."))
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    s.parse::<f64>().ok().filter(|n| n.is_finite())
}
