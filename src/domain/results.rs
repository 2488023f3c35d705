use super::Id;
use serde::{Deserialize, Serialize};

/// What the source tells about the answers of one segment to one question.
/// Sources differ in how much they give, and the store keeps exactly that
/// much: counts when the distribution can be rebuilt, less when it cannot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Figures {
    /// A count per answer option, in the scale's order; n is their sum.
    Counts { counts: Vec<u32> },
    /// Only how many of `n` chose a top-box option.
    TopBox { n: u32, count: u32 },
    /// Percentages as printed, per option in the scale's order, `null` where
    /// the source prints none; n is not known.
    Percentages { percents: Vec<Option<u32>> },
    /// A single top-box percentage as the source states it, e.g. an average
    /// over several items whose own figures are not given.
    ReportedShare { percent: u32 },
    /// The source shows this item, but its figures cannot be read from it
    /// without doubt.
    NotRecoverable,
}

impl Figures {
    pub fn key(&self) -> &'static str {
        match self {
            Figures::Counts { .. } => "counts",
            Figures::TopBox { .. } => "top_box",
            Figures::Percentages { .. } => "percentages",
            Figures::ReportedShare { .. } => "reported_share",
            Figures::NotRecoverable => "not_recoverable",
        }
    }
}

/// The answers of one segment to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultSet {
    pub question: Id,
    pub segment: Id,
    pub figures: Figures,
    #[serde(default)]
    pub notes: String,
}

/// What a finding rests on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Questions whose results support it.
    #[serde(default)]
    pub questions: Vec<Id>,
    /// Codes whose quotes support it.
    #[serde(default)]
    pub codes: Vec<Id>,
    /// Particular quotes the evaluator picked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Id>,
}

impl Evidence {
    pub fn is_empty(&self) -> bool {
        self.questions.is_empty() && self.codes.is_empty() && self.quotes.is_empty()
    }

    /// The list of one kind of piece.
    pub fn of(&self, kind: CitedKind) -> &Vec<Id> {
        match kind {
            CitedKind::Question => &self.questions,
            CitedKind::Code => &self.codes,
            CitedKind::Quote => &self.quotes,
        }
    }

    pub fn of_mut(&mut self, kind: CitedKind) -> &mut Vec<Id> {
        match kind {
            CitedKind::Question => &mut self.questions,
            CitedKind::Code => &mut self.codes,
            CitedKind::Quote => &mut self.quotes,
        }
    }
}

/// The kinds of evidence a finding cites, each kept in its own order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CitedKind {
    Question,
    Code,
    Quote,
}

impl CitedKind {
    /// The table a finding's pieces of the kind are kept in, and its column.
    pub fn table(self) -> (&'static str, &'static str) {
        match self {
            CitedKind::Question => ("finding_question", "question"),
            CitedKind::Code => ("finding_code", "code"),
            CitedKind::Quote => ("finding_quote", "quote"),
        }
    }
}

/// One piece of evidence: a question, a code or a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cited {
    pub kind: CitedKind,
    pub id: Id,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub id: Id,
    pub cohort: Id,
    /// The area of the evaluation it belongs to.
    pub area: String,
    /// Position within the cohort's findings, from 1.
    pub ordinal: u32,
    pub statement: String,
    #[serde(default)]
    pub evidence: Evidence,
}

/// When in the life of a cohort a recommendation applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Before,
    During,
    /// Tightening the links between the bodies involved.
    Links,
    Other,
}

keyed!(Phase {
    Before => "before",
    During => "during",
    Links => "links",
    Other => "other",
});

/// What became of a recommendation in later cohorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Uptake {
    TakenUp,
    Partly,
    Not,
    Unknown,
}

keyed!(Uptake {
    TakenUp => "taken_up",
    Partly => "partly",
    Not => "not",
    Unknown => "unknown",
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    pub id: Id,
    pub cohort: Id,
    pub phase: Phase,
    /// Position within the cohort's recommendations, from 1.
    pub ordinal: u32,
    pub text: String,
    /// Who made it: the respondents, the program team, the evaluators.
    #[serde(default)]
    pub source: String,
    /// What became of it in later cohorts of its program, one entry per
    /// cohort judged (a later cohort without one: unknown), in the
    /// cohorts' order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fate: Vec<Fate>,
}

/// What became of a recommendation in one later cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fate {
    pub cohort: Id,
    pub status: Uptake,
    #[serde(default)]
    pub note: String,
}

impl Recommendation {
    /// What became of it in `cohort` (unknown when not judged).
    pub fn fate_in(&self, cohort: Id) -> (Uptake, &str) {
        self.fate
            .iter()
            .find(|f| f.cohort == cohort)
            .map_or((Uptake::Unknown, ""), |f| (f.status, f.note.as_str()))
    }
}
