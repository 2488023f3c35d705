//! REFI-QDA (QDA-XML 1.0): projects (`.qdpx`, a ZIP of `project.qde` and
//! its `sources/`) and codebooks (`.qdc`), read into a store and written
//! from one.
//!
//! * [`archive`]: where the files are, read within limits;
//! * [`parse`]: the XML read into a [`model::Project`];
//! * [`positions`]: how the file counts positions, decided from the file;
//! * [`import`] (here): the project made a [`Batch`] and merged into the
//!   store by GUID (`store::exchange`), with a [`Summary`];
//! * [`write`]: a store written as a project or a codebook;
//! * [`from_store`]: another store's coding work as a batch (`tovana merge`).

pub mod archive;
pub mod from_store;
pub mod import;
pub mod model;
pub mod parse;
pub mod positions;
pub mod write;

pub use import::{Options, Stage, Summary, import};
pub use write::{export_codebook, export_project};

/// What is wrong with an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveFlaw {
    NotZip(String),
    /// An entry's path climbs out of the archive (`..`).
    Climbs(String),
    /// An entry's path is absolute.
    Absolute(String),
    EntryTooBig(String, u64),
    TotalTooBig(u64),
    /// An entry expands more than the limit times its compressed size.
    Ratio(String, u64, u64),
    TooManyEntries(usize),
    /// No `.qde` in it.
    NoProject,
}

/// What is wrong in the XML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XmlFlaw {
    Syntax(String),
    /// A document type declaration: refused, with any entity it declares.
    DocType,
    /// An entity that is not one of XML's five.
    Entity(String),
    /// The root is not the element the file should start with.
    Root(String),
    TooDeep,
    Missing {
        element: String,
        attribute: String,
    },
    Bad {
        element: String,
        attribute: String,
        value: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QdaError {
    Io {
        file: String,
        message: String,
    },
    Archive {
        file: String,
        flaw: ArchiveFlaw,
    },
    Xml {
        file: String,
        line: usize,
        flaw: XmlFlaw,
    },
    Namespace {
        file: String,
        found: String,
        expected: String,
    },
    /// Neither UTF-8 nor UTF-16 with a byte-order mark.
    NotText {
        file: String,
    },
    /// Selections that fit their text under no reading of positions, by
    /// GUID (the first few), and how many.
    Positions {
        file: String,
        guids: Vec<String>,
        count: usize,
    },
    /// `--cohort` names no cohort; the labels there are.
    NoCohort {
        key: String,
        known: Vec<String>,
    },
    /// Documents with no case of their own, and no `--cohort` for them in
    /// a store of several cohorts.
    NeedsCohort {
        known: Vec<String>,
    },
    Store(String),
}

impl std::fmt::Display for ArchiveFlaw {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            ArchiveFlaw::NotZip(e) => write!(f, "not a readable ZIP archive ({e})"),
            ArchiveFlaw::Climbs(n) => write!(f, "entry {n:?} climbs out of the archive"),
            ArchiveFlaw::Absolute(n) => write!(f, "entry {n:?} has an absolute path"),
            ArchiveFlaw::EntryTooBig(n, l) => {
                write!(f, "entry {n:?} holds more than {} MB", l >> 20)
            }
            ArchiveFlaw::TotalTooBig(l) => {
                write!(f, "the entries hold more than {} MB in all", l >> 20)
            }
            ArchiveFlaw::Ratio(n, r, l) => write!(
                f,
                "entry {n:?} expands {r} times its compressed size (at most {l} is read)"
            ),
            ArchiveFlaw::TooManyEntries(n) => write!(f, "{n} entries, more than are read"),
            ArchiveFlaw::NoProject => write!(f, "no .qde project file in it"),
        }
    }
}

impl std::fmt::Display for XmlFlaw {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            XmlFlaw::Syntax(e) => write!(f, "not well-formed XML: {e}"),
            XmlFlaw::DocType => write!(
                f,
                "a document type declaration (<!DOCTYPE>), which may declare entities: refused"
            ),
            XmlFlaw::Entity(e) => write!(f, "the entity &{e}; is not one of XML's own"),
            XmlFlaw::Root(r) if r.is_empty() => write!(f, "no root element"),
            XmlFlaw::Root(r) => write!(f, "the root element is <{r}>"),
            XmlFlaw::TooDeep => write!(f, "elements nested too deep"),
            XmlFlaw::Missing { element, attribute } => {
                write!(f, "<{element}> has no {attribute}")
            }
            XmlFlaw::Bad {
                element,
                attribute,
                value,
            } => write!(f, "<{element}> {attribute}={value:?} is not valid"),
        }
    }
}

impl std::fmt::Display for QdaError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            QdaError::Io { file, message } => write!(f, "{file}: {message}"),
            QdaError::Archive { file, flaw } => write!(f, "{file}: {flaw}; nothing was written"),
            QdaError::Xml { file, line, flaw } => {
                write!(f, "{file}, line {line}: {flaw}; nothing was written")
            }
            QdaError::Namespace {
                file,
                found,
                expected,
            } => write!(
                f,
                "{file}: the root element is in namespace {found:?}, not {expected:?}; nothing was written"
            ),
            QdaError::NotText { file } => write!(
                f,
                "{file}: not UTF-8 text (nor UTF-16 with a byte-order mark); nothing was written"
            ),
            QdaError::Positions { file, guids, count } => write!(
                f,
                "{file}: {count} selection(s) fit their text under no way of counting positions \
                 (past its end or inside a character): {}; nothing was written",
                guids.join(", ")
            ),
            QdaError::NoCohort { key, known } => write!(
                f,
                "--cohort {key}: no such cohort (the store has: {})",
                known.join(", ")
            ),
            QdaError::NeedsCohort { known } => write!(
                f,
                "documents without a case of their own need --cohort to say where they go \
                 (the store has: {})",
                known.join(", ")
            ),
            QdaError::Store(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for QdaError {}

impl From<crate::store::StoreError> for QdaError {
    fn from(e: crate::store::StoreError) -> Self {
        QdaError::Store(e.to_string())
    }
}

/// Characters XML 1.0 cannot carry (most C0 controls, lone surrogates
/// cannot occur in Rust text, U+FFFE and U+FFFF) made U+FFFD, one for one,
/// so that positions stay where they were.
pub fn xml_safe(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffe}' || c == '\u{ffff}'
    };
    if s.chars().any(bad) {
        s.chars()
            .map(|c| if bad(c) { '\u{fffd}' } else { c })
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}
