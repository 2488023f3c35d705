//! The evaluation report handed to a program team: the program and its
//! cohorts (dates, participants by sector, meetings, the study tour, the
//! instruments and their response rates), each finding with its evidence
//! (each cited question's figures as a diverging bar per segment, the
//! quotes it cites with their role), code frequencies by cohort and by
//! role, agreement between two coders, and the recommendations by phase
//! with what became of each in every later cohort.
//!
//! [`build`] reads the store into a [`Report`], a plain model of sections
//! and blocks (the findings' in `findings.rs`); `html.rs` writes it as one self-contained page (inline CSS
//! and SVG, every text escaped) and `markdown.rs` as GitHub-flavoured
//! Markdown with text bars. The words come through [`Say`], which the
//! interface's languages implement.

mod build;
mod findings;
mod html;
mod markdown;

pub use build::build;
pub use html::{BAR_WIDTH, html};
pub use markdown::markdown;

use crate::domain::{Id, InstrumentKind, Phase, SessionKind, Uptake, Valence};
use crate::interchange::tables::Table;

/// Which cohorts a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Cohort(Id),
    All,
}

/// The words a report is written in, in one language.
pub trait Say {
    /// `he` or `en`, for the page's `lang`.
    fn tag(&self) -> &'static str;
    fn rtl(&self) -> bool;
    fn report_words(&self) -> &'static Words;
    fn table_words(&self) -> &'static crate::interchange::tables::Words;
    fn cohort(&self, label: &str) -> String;
    fn dates(&self, start: Option<&str>, end: Option<&str>) -> String;
    fn participants(&self, n: Option<u32>) -> String;
    fn days(&self, d: u32) -> String;
    fn session_kind(&self, k: SessionKind) -> &'static str;
    fn instrument_kind(&self, k: InstrumentKind) -> &'static str;
    fn responded(&self, r: u32, invited: u32, rate: u32) -> String;
    fn responded_at(&self, r: u32, rate: u32) -> String;
    fn took_part(&self, r: u32) -> String;
    fn phase(&self, p: Phase) -> &'static str;
    fn uptake(&self, u: Uptake) -> &'static str;
}

/// A report's own words (the tables' come with `table_words`).
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub report: &'static str,
    pub all_cohorts: &'static str,
    pub participants_by_sector: &'static str,
    pub meetings: &'static str,
    pub study_tour: &'static str,
    pub instruments: &'static str,
    pub none_recorded: &'static str,
    pub findings: &'static str,
    pub no_findings: &'static str,
    pub evidence_questions: &'static str,
    pub evidence_quotes: &'static str,
    pub evidence_codes: &'static str,
    pub not_recoverable: &'static str,
    /// After how many left a question unanswered.
    pub missing: &'static str,
    /// Over a segment's figures: as the source gives them.
    pub as_given: &'static str,
    /// A segment's figures counted from the answers row by row.
    pub answers_row_by_row: &'static str,
    pub top_box: &'static str,
    pub reported_share: &'static str,
    pub quotes_of_code: &'static str,
    pub illustrative: &'static str,
    pub illustrative_note: &'static str,
    pub code_frequencies: &'static str,
    pub agreement: &'static str,
    pub recommendations: &'static str,
    pub no_recommendations: &'static str,
    pub fate_in: &'static str,
    pub not_yet: &'static str,
    pub made_by: &'static str,
}

/// A report: its title and sections, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub lang: &'static str,
    pub rtl: bool,
    pub title: String,
    pub subtitle: String,
    pub sections: Vec<Section>,
    /// The mark beside a quote of illustrative data.
    pub illustrative: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading inside a section (a finding's statement, say).
    Heading(String),
    Para(String),
    /// A remark set apart: data marked illustrative, say.
    Note(String),
    /// Label and value, a line each.
    Facts(Vec<(String, String)>),
    /// Parts of a whole as one bar (participants by sector).
    Parts(Parts),
    /// A question's figures: a diverging bar per segment.
    Question(QuestionFigures),
    Quotes(Vec<ReportQuote>),
    Table(Table),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Parts {
    pub title: String,
    pub parts: Vec<(String, u32)>,
}

/// A question as the report draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionFigures {
    pub wording: String,
    /// The cohort and instrument it was asked in.
    pub source: String,
    /// The scale's options in order, with their valence.
    pub options: Vec<(String, Valence)>,
    pub rows: Vec<SegmentFigures>,
}

/// One segment's figures of a question.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentFigures {
    pub label: String,
    /// Each option's share in percent where the figures give them (counts
    /// or printed percentages): the bar is drawn from these.
    pub shares: Option<Vec<Option<f64>>>,
    /// The figures as stored, as a line of text: counts, percentages, a
    /// top-box share, or that they cannot be read.
    pub figures: String,
    /// How many answered, where known.
    pub n: Option<u32>,
    /// Where the figures come from: as given, or from the answers.
    pub from_answers: bool,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportQuote {
    pub text: String,
    pub role: String,
    /// The document it is from, and its cohort.
    pub source: String,
    pub illustrative: bool,
}

/// The colours of a scale's options (`#rrggbb`): reds for the negative
/// ones, the strongest furthest from the centre; blues for the positive;
/// grey for a neutral one.
pub fn option_colours(options: &[(String, Valence)]) -> Vec<&'static str> {
    const RED: [&str; 3] = ["#f4a582", "#d6604d", "#b2182b"];
    const BLUE: [&str; 3] = ["#92c5de", "#4393c3", "#2166ac"];
    let negatives: Vec<usize> = (0..options.len())
        .filter(|&i| options[i].1 == Valence::Negative)
        .collect();
    let positives: Vec<usize> = (0..options.len())
        .filter(|&i| options[i].1 == Valence::Positive)
        .collect();
    (0..options.len())
        .map(|i| match options[i].1 {
            Valence::Neutral => "#bababa",
            Valence::Negative => {
                // The first negative option is the strongest.
                let at = negatives.iter().position(|&n| n == i).unwrap_or(0);
                let from_centre = negatives.len() - 1 - at;
                RED[from_centre.min(2)]
            }
            Valence::Positive => {
                // The last positive option is the strongest.
                let at = positives.iter().position(|&p| p == i).unwrap_or(0);
                BLUE[at.min(2)]
            }
        })
        .collect()
}

/// The colours of the parts of a whole, in turn.
pub const PART_COLOURS: [&str; 6] = [
    "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02",
];
