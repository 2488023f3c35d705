//! What `tovana export` writes and `tovana import` reads: the subcommands
//! and their arguments.

use clap::Subcommand;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum ExportFormat {
    /// The whole store as one JSON document (to standard output unless -o).
    Json {
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// A table over the codebook: quotes per code and cohort, per code and
    /// role, or codes on overlapping quotes (co-occurrence).
    Table {
        #[arg(value_enum)]
        kind: super::export::TableKind,
        #[command(flatten)]
        scope: super::export::Scope,
        #[command(flatten)]
        output: super::export::Output,
    },
    /// Agreement between two coders, per code and over all codes: percent
    /// agreement and Cohen's kappa over characters and over quotes.
    Agreement {
        /// The first coder's name.
        a: String,
        /// The second coder's name.
        b: String,
        /// The documents of this cohort (its label or id), instead of the
        /// documents both coders coded something in.
        #[arg(long, conflicts_with = "all")]
        cohort: Option<String>,
        /// Every document, instead of the documents both coders coded
        /// something in.
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        output: super::export::Output,
    },
    /// A survey's answers row by row (from `import survey`): each question
    /// with each segment's n, missing answers, top box and options.
    Answers {
        /// The instrument: its id, or its title (`COHORT / TITLE` where
        /// titles repeat).
        instrument: String,
        /// Split by this attribute of the respondents.
        #[arg(long, value_name = "ATTRIBUTE")]
        by: Option<String>,
        /// Count only the respondents with this value of an attribute
        /// (again for another attribute: those with both).
        #[arg(long, value_name = "ATTRIBUTE=VALUE")]
        only: Vec<String>,
        #[command(flatten)]
        output: super::export::Output,
    },
    /// The evaluation report: the program and the cohort (or every cohort),
    /// the findings with their figures and quotes, code frequencies,
    /// agreement between two coders, and the recommendations with their
    /// fate. HTML (one self-contained page, printable on A4) or Markdown;
    /// in the interface's language unless `--lang` says otherwise.
    Report {
        /// The cohort (its label or id); the first cohort without it.
        #[arg(long, conflicts_with = "all")]
        cohort: Option<String>,
        /// Every cohort of the store.
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum, default_value_t = super::export::ReportFormat::Html)]
        format: super::export::ReportFormat,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// A REFI-QDA project (`.qdpx`) for NVivo, ATLAS.ti, MAXQDA, QualCoder.
    Qdpx {
        /// The archive to write.
        file: PathBuf,
    },
    /// The codebook alone, as a REFI-QDA codebook (`.qdc`).
    Qdc {
        /// The file to write.
        file: PathBuf,
    },
    /// The quotes of a code, with their cohort, document and role.
    Quotes {
        /// The code: its id, name, or path (`parent / child`).
        code: String,
        #[command(flatten)]
        scope: super::export::Scope,
        #[command(flatten)]
        output: super::export::Output,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportFormat {
    /// A plain-text transcript: one speaker turn per paragraph, `ROLE: text`
    /// at the start of a turn naming the speaker's role (see the README).
    Transcript {
        /// The transcript (UTF-8 text).
        file: PathBuf,
        /// The cohort it belongs to: its label (e.g. ג) or id.
        #[arg(long)]
        cohort: String,
        /// The instrument it comes from: its id or title, within the cohort.
        #[arg(long)]
        instrument: Option<String>,
        /// The document's title (default: the file's name).
        #[arg(long)]
        title: Option<String>,
        /// The text's encoding, for a file without a byte-order mark that is
        /// not UTF-8: `windows-1255` is what Hebrew Excel and older Word save.
        #[arg(long, value_name = "NAME")]
        encoding: Option<String>,
    },
    /// A survey's answers, row by row (Google Forms, Qualtrics, LimeSurvey,
    /// SurveyMonkey, KoboToolbox, or any sheet with a header), read through
    /// the map `tovana survey map` guessed and you checked.
    Survey {
        /// The exported answers (CSV or tab-separated).
        file: PathBuf,
        /// The mapping (TOML), from `tovana survey map FILE > map.toml`.
        #[arg(long, value_name = "MAP")]
        map: PathBuf,
        /// The instrument the answers belong to: its id, or its title
        /// (`COHORT / TITLE` where titles repeat).
        #[arg(long)]
        instrument: String,
    },
    /// A REFI-QDA project (`.qdpx`, or a bare `.qde`) from NVivo, ATLAS.ti,
    /// MAXQDA, QualCoder and the like, into a new store or an existing one;
    /// what the store holds under the same GUIDs is updated.
    Qdpx {
        file: PathBuf,
        /// Where documents without a case of their own go: a cohort's label
        /// or id (made, in a store without cohorts).
        #[arg(long)]
        cohort: Option<String>,
    },
    /// A REFI-QDA codebook (`.qdc`): codes, their tree, colours and
    /// descriptions.
    Qdc { file: PathBuf },
    /// A whole store from a JSON document written by `export json`.
    Json {
        /// The JSON document.
        file: PathBuf,
        /// Replace the data of a store that already holds some.
        #[arg(long)]
        replace: bool,
    },
}
