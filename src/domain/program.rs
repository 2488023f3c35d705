use super::{Id, PartialDate};
use serde::{Deserialize, Serialize};

/// A training program under evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    pub id: Id,
    pub name: String,
    /// The name in English, for exchange with other tools; may be empty.
    #[serde(default)]
    pub name_en: String,
    /// Who runs it.
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub description: String,
}

/// One run of a program, with its own participants and meetings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cohort {
    pub id: Id,
    pub program: Id,
    /// Short label as the program names it, e.g. `א`.
    pub label: String,
    /// Position in the program's sequence of cohorts, from 1.
    pub ordinal: u32,
    #[serde(default)]
    pub start: Option<PartialDate>,
    #[serde(default)]
    pub end: Option<PartialDate>,
    /// Participants in total, when the source gives it.
    #[serde(default)]
    pub participants: Option<u32>,
    /// Participants by sector, in the source's order.
    #[serde(default)]
    pub sectors: Vec<SectorCount>,
    #[serde(default)]
    pub notes: String,
}

/// A number of people from one sector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectorCount {
    pub sector: String,
    pub count: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    InPerson,
    Online,
    StudyTour,
    Closing,
    AlumniNetwork,
    Other,
}

keyed!(SessionKind {
    InPerson => "in_person",
    Online => "online",
    StudyTour => "study_tour",
    Closing => "closing",
    AlumniNetwork => "alumni_network",
    Other => "other",
});

/// A cohort's meeting or event. One entry usually stands for one meeting;
/// `meetings` says otherwise: several meetings the source gives only
/// together (nine meetings, 21 days in all), or a number it does not give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub id: Id,
    pub cohort: Id,
    /// Position within the cohort, from 1.
    pub ordinal: u32,
    pub kind: SessionKind,
    #[serde(default)]
    pub date: Option<PartialDate>,
    /// Length in days of all the meetings the entry stands for, when known.
    #[serde(default)]
    pub days: Option<u32>,
    /// How many meetings this entry stands for: 1 for one meeting, `null`
    /// when the source says "several" without a number.
    #[serde(default = "one")]
    pub meetings: Option<u32>,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub notes: String,
    /// The session of the same cohort whose meetings and days this one's
    /// are counted in, when the source counts it there (a study tour the
    /// program's nine meetings include): listed, but not counted again.
    #[serde(default)]
    pub within: Option<Id>,
}

fn one() -> Option<u32> {
    Some(1)
}
