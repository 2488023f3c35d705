//! Transcripts: `tovana import transcript FILE`, plain text or Word (how
//! a file's text is read, whatever it was saved as, is `read`).
//!
//! The format (also in the README):
//! * UTF-8 text (a byte-order mark at its start is dropped). Paragraphs are
//!   separated by one or more blank lines; each paragraph is one speaker
//!   turn. The lines of a paragraph are joined with a space.
//! * In a file with no blank line, each line that starts with `ROLE: `
//!   starts a turn, and the lines after it until the next such line are
//!   part of it (the import says so); one with no blank line and no label is
//!   refused: its turns cannot be told apart.
//! * A turn that starts with `ROLE: ` names the speaker's role: the text
//!   before the first colon, when it is at most 40 characters long and holds
//!   no sentence punctuation (. ? !). Otherwise the turn has no role.
//! * Each turn becomes a quote of the document (its text after the label),
//!   with that role, ready to be coded.
//!
//! A line that breaks the format is reported by its number: control
//! characters (other than tab), an empty role before a colon (`: text`), a
//! role with no visible character or with a bidi formatting character.

use crate::domain::{DocumentKind, Id};
use crate::store::documents::NewDocument;
use crate::store::{Store, StoreError};
use std::fmt;
use std::path::{Path, PathBuf};

/// One speaker turn: its span in the document's text, in code points, and
/// the speaker's role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    pub start: u32,
    pub end: u32,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transcript {
    /// The document's text: one paragraph per turn, separated by `\n`,
    /// with the speakers' labels kept.
    pub text: String,
    pub turns: Vec<Turn>,
    /// The file had no blank lines: each line with a speaker's label
    /// started a turn.
    pub one_per_line: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscriptError {
    /// 1-based; 0 for the file as a whole.
    pub line: usize,
    pub flaw: Flaw,
}

/// What breaks the format; each language words it (`Messages`), and
/// `english` is the English, which `Display` gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flaw {
    NotUtf8,
    /// No blank line between turns and no speaker's label to tell them apart.
    NoTurns,
    Control(char),
    EmptyRole,
    /// The role holds a bidi formatting character.
    RoleBidi(String),
    /// The role shows no character.
    RoleInvisible(String),
    NoText,
    /// UTF-16 (by its byte-order mark) that does not read.
    BadUtf16,
    /// `--encoding` names no encoding.
    UnknownEncoding(String),
    /// A byte the named encoding has no character for.
    NotIn(String),
    /// A Word file that cannot be read, and why.
    NotDocx(String),
}

impl Flaw {
    pub fn english(&self) -> String {
        match self {
            Flaw::NotUtf8 => "the text is not UTF-8 (a file saved by Hebrew Excel or older Word \
                              may be windows-1255: --encoding windows-1255)"
                .into(),
            Flaw::BadUtf16 => "the text is not readable UTF-16".into(),
            Flaw::UnknownEncoding(e) => format!("--encoding {e}: no such encoding"),
            Flaw::NotIn(e) => format!("a byte that is not {e}"),
            Flaw::NotDocx(why) => format!("not a readable Word document: {why}"),
            Flaw::NoTurns => "no blank line between turns and no speaker's label (ROLE: ) at the \
                                 start of a line, so the turns cannot be told apart; separate turns \
                                 by a blank line or start each turn with its speaker"
                .into(),
            Flaw::Control(c) => format!("control character U+{:04X}", *c as u32),
            Flaw::EmptyRole => "a speaker's role is empty before the colon".into(),
            Flaw::RoleBidi(role) => {
                format!("the speaker's role '{role}' holds a bidi formatting character")
            }
            Flaw::RoleInvisible(role) => format!("the speaker's role '{role}' shows no character"),
            Flaw::NoText => "the file holds no text".into(),
        }
    }
}

impl fmt::Display for TranscriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: ", self.line)?;
        }
        f.write_str(&self.flaw.english())
    }
}

/// Why `import_file` wrote nothing.
#[derive(Debug)]
pub enum ImportError {
    Read {
        file: PathBuf,
        why: std::io::Error,
    },
    Format {
        file: PathBuf,
        error: TranscriptError,
    },
    /// `--cohort` names none of the store's cohorts (their labels given).
    NoCohort {
        key: String,
        known: Vec<String>,
    },
    /// `--instrument` names none of the cohort's instruments.
    NoInstrument {
        key: String,
        cohort: String,
    },
    Store(StoreError),
}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> Self {
        ImportError::Store(e)
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Read { file, why } => write!(f, "{}: cannot read: {why}", file.display()),
            ImportError::Format { file, error } => {
                write!(f, "{}: {error}; nothing written", file.display())
            }
            ImportError::NoCohort { key, known } => write!(
                f,
                "--cohort {key}: no such cohort (the store has: {})",
                known.join(", ")
            ),
            ImportError::NoInstrument { key, cohort } => write!(
                f,
                "--instrument {key}: cohort {cohort} has no such instrument"
            ),
            ImportError::Store(e) => write!(f, "{e}"),
        }
    }
}

const MAX_ROLE: usize = 40;

/// The role a turn's first line names, and where its text starts (bytes).
fn label(line: &str) -> Option<(&str, usize)> {
    let colon = line.find(':')?;
    let role = line[..colon].trim();
    if role.chars().count() > MAX_ROLE || role.contains(['.', '?', '!']) {
        return None;
    }
    let rest = &line[colon + 1..];
    let skip = rest.len() - rest.trim_start().len();
    Some((role, colon + 1 + skip))
}

/// Characters that format text without showing: zero-width spaces and
/// joiners, the direction marks, embeddings, overrides and isolates, the
/// soft hyphen, the byte-order mark.
fn is_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Why a speaker's role cannot be kept, if it cannot: it must show at
/// least one character and hold no bidi formatting (which would reorder the
/// screens it is shown on).
fn bad_role(role: &str) -> Option<Flaw> {
    if role
        .chars()
        .any(|c| matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
    {
        Some(Flaw::RoleBidi(role.to_string()))
    } else if !role.chars().any(|c| !c.is_whitespace() && !is_format(c)) {
        Some(Flaw::RoleInvisible(role.to_string()))
    } else {
        None
    }
}

pub fn parse(bytes: &[u8]) -> Result<Transcript, TranscriptError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        TranscriptError {
            line,
            flaw: Flaw::NotUtf8,
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Without a blank line between them, lines are turns only when each
    // names its speaker.
    let filled: Vec<&str> = text
        .lines()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    let blank_between = text.trim().lines().any(|l| l.trim().is_empty());
    let one_per_line = filled.len() > 1 && !blank_between;
    if one_per_line && !filled.iter().any(|l| label(l).is_some()) {
        return Err(TranscriptError {
            line: 0,
            flaw: Flaw::NoTurns,
        });
    }
    // Paragraphs as (first line number, joined text).
    let mut paragraphs: Vec<(usize, String)> = vec![];
    let mut current: Option<(usize, String)> = None;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(c) = line.chars().find(|c| c.is_control() && *c != '\t') {
            return Err(TranscriptError {
                line: n,
                flaw: Flaw::Control(c),
            });
        }
        let line = line.replace('\t', " ");
        let line = line.trim();
        // Without blank lines, a line with a speaker's label starts a turn.
        let starts_turn = one_per_line && label(line).is_some();
        if line.is_empty() || (starts_turn && current.is_some()) {
            if let Some(p) = current.take() {
                paragraphs.push(p);
            }
            if line.is_empty() {
                continue;
            }
        }
        match &mut current {
            Some((_, p)) => {
                p.push(' ');
                p.push_str(line);
            }
            None => {
                if line.starts_with(':') {
                    return Err(TranscriptError {
                        line: n,
                        flaw: Flaw::EmptyRole,
                    });
                }
                if let Some((role, _)) = label(line)
                    && let Some(flaw) = bad_role(role)
                {
                    return Err(TranscriptError { line: n, flaw });
                }
                current = Some((n, line.to_string()));
            }
        }
    }
    paragraphs.extend(current);
    if paragraphs.is_empty() {
        return Err(TranscriptError {
            line: 0,
            flaw: Flaw::NoText,
        });
    }
    let mut out = Transcript {
        text: String::new(),
        turns: vec![],
        one_per_line,
    };
    // The text's length in characters so far, kept as it grows: counting
    // it again for each paragraph made a long transcript quadratic.
    let mut base = 0u32;
    for (i, (_, p)) in paragraphs.iter().enumerate() {
        if i > 0 {
            out.text.push('\n');
            base += 1;
        }
        let (role, from) = label(p)
            .map(|(r, f)| (r.to_string(), f))
            .unwrap_or_default();
        let start = base + p[..from].chars().count() as u32;
        let end = base + p.chars().count() as u32;
        out.text.push_str(p);
        base = end;
        if end > start {
            out.turns.push(Turn { start, end, role });
        }
    }
    Ok(out)
}

/// Where an imported transcript goes: a cohort (by label or id), one of
/// its instruments (by title or id), and a title (the file's name when none).
#[derive(Debug, Clone)]
pub struct Placement<'a> {
    pub cohort: &'a str,
    pub instrument: Option<&'a str>,
    pub title: Option<String>,
    /// The text's encoding when it has no byte-order mark and is not UTF-8
    /// (`windows-1255`).
    pub encoding: Option<&'a str>,
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub document: Id,
    /// The cohort's label.
    pub cohort: String,
    pub turns: usize,
    /// Each line was read as a turn (the file had no blank lines).
    pub one_per_line: bool,
}

/// Reads a transcript file and adds it to the store as one document whose
/// turns are quotes, in one transaction; nothing is written when the file,
/// the cohort or the instrument is wrong. The error names the file, the
/// line or the option at fault.
pub fn import_file(
    store: &mut Store,
    file: &Path,
    place: Placement,
) -> Result<Imported, ImportError> {
    let bytes = std::fs::read(file).map_err(|why| ImportError::Read {
        file: file.to_path_buf(),
        why,
    })?;
    let format = |error| ImportError::Format {
        file: file.to_path_buf(),
        error,
    };
    let text = read::text_of(&bytes, place.encoding).map_err(format)?;
    let parsed = parse(text.as_bytes()).map_err(format)?;
    let cohorts = store.cohorts()?;
    let cohort = place.cohort;
    let c = cohorts
        .iter()
        .find(|c| c.label == cohort || c.id.to_string() == cohort)
        .ok_or_else(|| ImportError::NoCohort {
            key: cohort.to_string(),
            known: cohorts.iter().map(|c| c.label.clone()).collect(),
        })?;
    let instrument = match place.instrument {
        None => None,
        Some(i) => {
            let list = store.instruments_of(c.id)?;
            let found = list
                .iter()
                .find(|x| x.id.to_string() == i || x.title == i)
                .ok_or_else(|| ImportError::NoInstrument {
                    key: i.to_string(),
                    cohort: c.label.clone(),
                })?;
            Some(found.id)
        }
    };
    let title = place.title.unwrap_or_else(|| {
        file.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let quotes: Vec<(u32, u32, String)> = parsed
        .turns
        .iter()
        .map(|t| (t.start, t.end, t.role.clone()))
        .collect();
    let turns = quotes.len();
    let document = store.add_document(&NewDocument {
        cohort: c.id,
        instrument,
        kind: DocumentKind::Transcript,
        title: &title,
        text: &parsed.text,
        quotes,
    })?;
    Ok(Imported {
        document,
        cohort: c.label.clone(),
        turns,
        one_per_line: parsed.one_per_line,
    })
}

pub mod read;
#[cfg(test)]
mod tests;
