//! Plain data types of the evaluation field. No SQL, no terminal: these are
//! what the store reads and writes, what the JSON form carries, and what the
//! views show.
//!
//! Every entity has an integer `id`, unique within its kind. A field named
//! after another entity (`cohort`, `instrument`, `question`, ...) holds that
//! entity's id.

/// Gives a field enum its stable text keys (as used in the store and the JSON
/// form): `ALL`, `key()` and `from_key()`.
macro_rules! keyed {
    ($ty:ident { $($variant:ident => $key:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The name used in the store and the JSON form.
            pub fn key(self) -> &'static str {
                match self { $($ty::$variant => $key),+ }
            }

            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|k| k.key() == key)
            }
        }
    };
}

mod act;
mod date;
pub mod exchange;
mod part;
mod problem;
mod program;
mod qualitative;
mod results;
mod survey;
mod validate;

pub use act::{Act, short_name};
pub use date::{DateError, PartialDate, now_utc, rfc3339};
pub use part::{Faults, Item, Part, before};
pub use problem::{Fault, Problem};
pub use program::{Cohort, Program, SectorCount, Session, SessionKind};
pub use qualitative::{
    Code, CodedSpan, Coder, Coding, Document, DocumentKind, Guids, Quote, char_slice, code_path,
    code_tree, coder_name, memo_guid, new_guid,
};
pub use results::{
    Cited, CitedKind, Evidence, Fate, Figures, Finding, Phase, Recommendation, ResultSet, Uptake,
};
pub use survey::{
    Answer, Instrument, InstrumentKind, Question, QuestionKind, Respondent, Scale, ScaleOption,
    Segment, Valence, figure, read_number,
};

use serde::{Deserialize, Serialize};

/// The identifier of a stored entity.
pub type Id = i64;

/// Name of the JSON form, written in its header.
pub const FORMAT_NAME: &str = "tovana";
/// Version of the JSON form this build reads and writes.
/// Version 2 keeps what became of a recommendation per later cohort
/// (`fate`); version 1's one status (`uptake`, `uptake_note`) is read as the
/// next cohort's (`interchange::json`). Version 3 adds what crosses to
/// other coding tools: GUIDs of codes, coders, documents, quotes and codings
/// (and of memos given their own), a quote's memo, a document's
/// attributes; version 2 reads as it is, without them.
/// Version 4 adds survey answers row by row: `respondents`, `answers`, a
/// question's `kind` and `field`, a quote's `respondent`; version 3 reads
/// as it is, without them.
pub const FORMAT_VERSION: u32 = 4;

/// The whole store as one value: what `tovana export json` writes and
/// `tovana import json` reads. Each list is ordered by id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub format: String,
    pub version: u32,
    pub programs: Vec<Program>,
    pub cohorts: Vec<Cohort>,
    pub sessions: Vec<Session>,
    pub instruments: Vec<Instrument>,
    pub segments: Vec<Segment>,
    pub scales: Vec<Scale>,
    pub questions: Vec<Question>,
    pub results: Vec<ResultSet>,
    pub documents: Vec<Document>,
    pub quotes: Vec<Quote>,
    pub codes: Vec<Code>,
    pub coders: Vec<Coder>,
    pub codings: Vec<Coding>,
    pub findings: Vec<Finding>,
    pub recommendations: Vec<Recommendation>,
    /// Who answered a survey imported row by row, and their answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub respondents: Vec<Respondent>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<Answer>,
}

impl Default for Dataset {
    fn default() -> Self {
        Dataset {
            format: FORMAT_NAME.to_string(),
            version: FORMAT_VERSION,
            programs: vec![],
            cohorts: vec![],
            sessions: vec![],
            instruments: vec![],
            segments: vec![],
            scales: vec![],
            questions: vec![],
            results: vec![],
            documents: vec![],
            quotes: vec![],
            codes: vec![],
            coders: vec![],
            codings: vec![],
            findings: vec![],
            recommendations: vec![],
            respondents: vec![],
            answers: vec![],
        }
    }
}

/// How many of each entity a store holds: `tovana stats`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub programs: u64,
    pub cohorts: u64,
    pub sessions: u64,
    pub instruments: u64,
    pub segments: u64,
    pub scales: u64,
    pub questions: u64,
    pub results: u64,
    pub documents: u64,
    pub quotes: u64,
    pub codes: u64,
    pub coders: u64,
    pub codings: u64,
    pub findings: u64,
    pub recommendations: u64,
    pub respondents: u64,
    pub answers: u64,
}

impl Counts {
    /// Entity names with their counts, in the order the JSON form lists them.
    pub fn rows(&self) -> [(&'static str, u64); 17] {
        [
            ("programs", self.programs),
            ("cohorts", self.cohorts),
            ("sessions", self.sessions),
            ("instruments", self.instruments),
            ("segments", self.segments),
            ("scales", self.scales),
            ("questions", self.questions),
            ("results", self.results),
            ("documents", self.documents),
            ("quotes", self.quotes),
            ("codes", self.codes),
            ("coders", self.coders),
            ("codings", self.codings),
            ("findings", self.findings),
            ("recommendations", self.recommendations),
            ("respondents", self.respondents),
            ("answers", self.answers),
        ]
    }

    pub fn total(&self) -> u64 {
        self.rows().iter().map(|(_, n)| n).sum()
    }
}

impl Dataset {
    pub fn counts(&self) -> Counts {
        let n = |len: usize| len as u64;
        Counts {
            programs: n(self.programs.len()),
            cohorts: n(self.cohorts.len()),
            sessions: n(self.sessions.len()),
            instruments: n(self.instruments.len()),
            segments: n(self.segments.len()),
            scales: n(self.scales.len()),
            questions: n(self.questions.len()),
            results: n(self.results.len()),
            documents: n(self.documents.len()),
            quotes: n(self.quotes.len()),
            codes: n(self.codes.len()),
            coders: n(self.coders.len()),
            codings: n(self.codings.len()),
            findings: n(self.findings.len()),
            recommendations: n(self.recommendations.len()),
            respondents: n(self.respondents.len()),
            answers: n(self.answers.len()),
        }
    }
}

/// What a search hit points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HitKind {
    Finding,
    Recommendation,
    /// A code, by its name, description or memo.
    Code,
    Quote,
    /// A document, by its title or notes.
    Document,
    Question,
    Session,
    /// A document's text outside its quotes, by a passage of it.
    Passage,
    /// Who answered a survey, by their id in the file or the value of an
    /// attribute.
    Respondent,
}

impl HitKind {
    pub const ALL: [HitKind; 9] = [
        HitKind::Finding,
        HitKind::Recommendation,
        HitKind::Code,
        HitKind::Quote,
        HitKind::Document,
        HitKind::Passage,
        HitKind::Question,
        HitKind::Respondent,
        HitKind::Session,
    ];
}

/// The demo store's data for the unit tests of the modules under
/// `interchange` (store, analysis), read straight through serde so that they
/// need not call up into `interchange`; `interchange::json` tests that its
/// reader gives the same.
#[cfg(test)]
pub(crate) mod testing {
    pub fn demo() -> super::Dataset {
        serde_json::from_str(include_str!("../../assets/demo.json")).unwrap()
    }
}
