//! Survey answers row by row, from the exports of Google Forms, Qualtrics,
//! LimeSurvey, SurveyMonkey and KoboToolbox (or any sheet with a header):
//! `tovana survey map FILE` guesses a mapping ([`map_text`]), `tovana
//! import survey FILE --map M --instrument I` reads the file through it
//! ([`import_file`]) into the store in one transaction.
//!
//! The pieces: `read` (encoding, delimiter, records), `layout` (each
//! tool's header rows and grouping), `limesurvey` (its `.lss`, `.lsr` and
//! `.lsa`), `scales` (known Hebrew and English labels), `choices`
//! (multiple-choice cells), `map` (the mapping and its TOML), `ids` (the tools' own columns and the
//! respondent's id), `guess`,
//! `apply` (the batch the store writes, `store::respondents::SurveyBatch`).

pub mod apply;
pub mod choices;
pub mod guess;
pub mod ids;
pub mod layout;
pub mod limesurvey;
pub mod map;
pub mod read;
pub mod scales;

use crate::domain::Id;
use crate::store::respondents::SurveyTally;
use crate::store::{Store, StoreError};
use std::fmt;
use std::path::{Path, PathBuf};

/// What is wrong in a survey file or its map.
#[derive(Debug, Clone, PartialEq)]
pub enum Flaw {
    NotUtf8,
    BadUtf16,
    UnknownEncoding(String),
    NotIn(String),
    Control(char),
    /// The CSV reader's own words.
    Csv(String),
    Empty,
    /// Header rows and nothing under them.
    NoRows,
    /// The map does not read (TOML's own words).
    Map(String),
    /// The map names a column the file does not have.
    NoColumn,
    /// A rating column's scale is not among the map's (empty: it names
    /// none).
    NoScale(String),
    EmptyScale(String),
    /// A multiple-choice column without its options.
    NoOptions,
    /// A multiple-choice column with another number of codes than of
    /// options: how many of each.
    CodesAndOptions(usize, usize),
    /// A respondent without an id in the id column.
    NoId,
    IdTwice {
        key: String,
        first: usize,
    },
    /// LimeSurvey responses (`.lsr`) without their structure (`.lss`).
    NoStructure,
    /// Values the map does not read: column, value, how many times, first
    /// line.
    Unknown(Vec<(String, String, usize, usize)>),
}

/// A flaw, and where: the line of the file (0: the file as a whole) and
/// the column.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyError {
    pub line: usize,
    pub column: Option<String>,
    pub flaw: Flaw,
}

impl SurveyError {
    pub fn at(line: usize, flaw: Flaw) -> Self {
        SurveyError {
            line,
            column: None,
            flaw,
        }
    }
}

impl Flaw {
    pub fn english(&self) -> String {
        match self {
            Flaw::NotUtf8 => "the text is not UTF-8 (give the map's encoding, e.g. \
                              encoding = \"windows-1255\")"
                .into(),
            Flaw::BadUtf16 => "the text is not readable UTF-16".into(),
            Flaw::UnknownEncoding(e) => format!("encoding {e}: no such encoding"),
            Flaw::NotIn(e) => format!("a byte that is not {e}"),
            Flaw::Control(c) => format!("control character U+{:04X}", *c as u32),
            Flaw::Csv(why) => format!("not readable as CSV: {why}"),
            Flaw::Empty => "the file holds no records".into(),
            Flaw::NoRows => "the file holds its header and no respondent".into(),
            Flaw::Map(why) => format!("the map does not read: {why}"),
            Flaw::NoColumn => "the file has no such column".into(),
            Flaw::NoScale(s) if s.is_empty() => "a rating column needs `scale`".into(),
            Flaw::NoScale(s) => format!("the map has no scale named {s:?}"),
            Flaw::EmptyScale(s) => format!("scale {s:?} has no options"),
            Flaw::NoOptions => "a multiple-choice column needs its `options`".into(),
            Flaw::CodesAndOptions(codes, options) => format!(
                "a multiple-choice column's `codes` name its `options` one by one: \
                 {codes} codes for {options} options"
            ),
            Flaw::NoId => "no id in the respondent's id column".into(),
            Flaw::NoStructure => "LimeSurvey responses need the survey's structure (.lss) beside \
                                  them, named as they are without _responses"
                .into(),
            Flaw::IdTwice { key, first } => format!("id {key:?} is already on line {first}"),
            Flaw::Unknown(list) => {
                let lines: Vec<String> = list
                    .iter()
                    .map(|(c, v, n, l)| format!("  {c}: {v:?} ×{n} (first on line {l})"))
                    .collect();
                format!(
                    "values the map does not read (add them to a scale's options or codes, \
                     or to source.missing):\n{}",
                    lines.join("\n")
                )
            }
        }
    }
}

impl fmt::Display for SurveyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: ", self.line)?;
        }
        if let Some(c) = &self.column {
            write!(f, "column {c:?}: ")?;
        }
        f.write_str(&self.flaw.english())
    }
}

/// Why a survey import wrote nothing.
#[derive(Debug)]
pub enum SurveyImportError {
    Read {
        file: PathBuf,
        why: std::io::Error,
    },
    /// The error is in `file` (the survey or its map).
    Format {
        file: PathBuf,
        error: SurveyError,
    },
    /// `--instrument` names no instrument, or several (their names given).
    NoInstrument {
        key: String,
        known: Vec<String>,
    },
    Ambiguous {
        key: String,
        found: Vec<String>,
    },
    Store(StoreError),
}

impl From<StoreError> for SurveyImportError {
    fn from(e: StoreError) -> Self {
        SurveyImportError::Store(e)
    }
}

impl fmt::Display for SurveyImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SurveyImportError::Read { file, why } => {
                write!(f, "{}: cannot read: {why}", file.display())
            }
            SurveyImportError::Format { file, error } => {
                write!(f, "{}: {error}; nothing written", file.display())
            }
            SurveyImportError::NoInstrument { key, known } => write!(
                f,
                "--instrument {key}: no such instrument (the store has: {})",
                known.join(", ")
            ),
            SurveyImportError::Ambiguous { key, found } => write!(
                f,
                "--instrument {key}: several instruments are called so ({}); give its id",
                found.join(", ")
            ),
            SurveyImportError::Store(e) => write!(f, "{e}"),
        }
    }
}

fn read_bytes(file: &Path) -> Result<Vec<u8>, SurveyImportError> {
    std::fs::read(file).map_err(|why| SurveyImportError::Read {
        file: file.to_path_buf(),
        why,
    })
}

fn stem(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A file's sheet, layout and columns, read as `map` says (or found).
fn open(
    file: &Path,
    encoding: Option<&str>,
    delimiter: Option<u8>,
    layout: Option<layout::Layout>,
) -> Result<(read::Sheet, layout::Layout, Vec<layout::Column>), SurveyImportError> {
    let bytes = read_bytes(file)?;
    let format = |error| SurveyImportError::Format {
        file: file.to_path_buf(),
        error,
    };
    if let Some((lss, lsr)) = limesurvey_files(file, &bytes)? {
        let (sheet, columns) = limesurvey::sheet(&lss, &lsr).map_err(format)?;
        return Ok((sheet, layout::Layout::LimeSurvey, columns));
    }
    let sheet = read::sheet(&bytes, encoding, delimiter).map_err(format)?;
    let layout = layout.unwrap_or_else(|| layout::detect(&sheet));
    let columns = layout::columns(&sheet, layout);
    Ok((sheet, layout, columns))
}

/// A LimeSurvey file's structure and responses: an archive (`.lsa`)
/// holds both; responses (`.lsr`) need their structure (`.lss`) beside
/// them, of the same name without `_responses`, or the one `.lss` there.
fn limesurvey_files(
    file: &Path,
    bytes: &[u8],
) -> Result<Option<(String, String)>, SurveyImportError> {
    let ext = file
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let format = |error| SurveyImportError::Format {
        file: file.to_path_buf(),
        error,
    };
    let utf8 = |b: Vec<u8>, f: &Path| {
        String::from_utf8(b).map_err(|_| SurveyImportError::Format {
            file: f.to_path_buf(),
            error: SurveyError::at(0, Flaw::NotUtf8),
        })
    };
    match ext.as_str() {
        "lsa" => limesurvey::from_archive(bytes).map(Some).map_err(format),
        "lsr" => {
            let folder = file.parent().unwrap_or(Path::new("."));
            let stem = stem(file);
            let named = folder.join(format!(
                "{}.lss",
                stem.strip_suffix("_responses").unwrap_or(&stem)
            ));
            let lss = if named.exists() {
                named
            } else {
                let found: Vec<PathBuf> = std::fs::read_dir(folder)
                    .map_err(|why| SurveyImportError::Read {
                        file: folder.to_path_buf(),
                        why,
                    })?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("lss")))
                    .collect();
                match found.as_slice() {
                    [one] => one.clone(),
                    _ => {
                        return Err(format(SurveyError::at(0, Flaw::NoStructure)));
                    }
                }
            };
            let structure = utf8(read_bytes(&lss)?, &lss)?;
            Ok(Some((structure, utf8(bytes.to_vec(), file)?)))
        }
        _ => Ok(None),
    }
}

/// `tovana survey map FILE`: the mapping guessed for a file, as TOML with
/// what was seen in each column as comments.
pub fn map_text(file: &Path) -> Result<String, SurveyImportError> {
    let (sheet, layout, columns) = open(file, None, None, None)?;
    let (map, notes) = guess::guess(&sheet, layout, &columns, &stem(file));
    let rows = sheet.records.len().saturating_sub(layout.header_rows());
    let heading = vec![
        format!(
            "tovana survey map of {}",
            file.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ),
        format!(
            "{rows} respondents, {} columns; read as {} with {:?} between cells",
            columns.len(),
            sheet.encoding,
            sheet.delimiter as char
        ),
    ];
    Ok(map.to_toml(&heading, &notes))
}

/// What `import survey` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyImported {
    pub instrument: String,
    pub tally: SurveyTally,
    /// The file's columns the map does not name (left out).
    pub unnamed: Vec<String>,
    /// Other instruments where respondents of the same keys answered, with
    /// how many.
    pub linked: Vec<(String, u64)>,
}

/// The instrument `key` names: its id, or its title (with its cohort's
/// label before a `/` when titles repeat across cohorts).
pub fn find_instrument(store: &Store, key: &str) -> Result<(Id, String), SurveyImportError> {
    let cohorts = store.cohorts()?;
    let mut all = vec![];
    for c in &cohorts {
        for i in store.instruments_of(c.id)? {
            all.push((i.id, c.label.clone(), i.title.clone()));
        }
    }
    let name = |(_, c, t): &(Id, String, String)| format!("{c} / {t}");
    if let Some(found) = all.iter().find(|x| x.0.to_string() == key.trim()) {
        return Ok((found.0, name(found)));
    }
    let by_title: Vec<&(Id, String, String)> = all
        .iter()
        .filter(|x| {
            x.2 == key.trim() || name(x) == key.trim() || format!("{}/{}", x.1, x.2) == key.trim()
        })
        .collect();
    match by_title.as_slice() {
        [one] => Ok((one.0, name(one))),
        [] => Err(SurveyImportError::NoInstrument {
            key: key.to_string(),
            known: all
                .iter()
                .map(|x| format!("{} ({})", name(x), x.0))
                .collect(),
        }),
        several => Err(SurveyImportError::Ambiguous {
            key: key.to_string(),
            found: several
                .iter()
                .map(|x| format!("{} ({})", name(x), x.0))
                .collect(),
        }),
    }
}

/// `tovana import survey FILE --map MAP --instrument I`: the file read
/// through its map into the instrument, in one transaction; nothing is
/// written when the file, the map or a value is wrong.
pub fn import_file(
    store: &mut Store,
    file: &Path,
    map_file: &Path,
    instrument_key: &str,
) -> Result<SurveyImported, SurveyImportError> {
    let map_bytes = read_bytes(map_file)?;
    let map_error = |flaw| SurveyImportError::Format {
        file: map_file.to_path_buf(),
        error: SurveyError::at(0, flaw),
    };
    let text = String::from_utf8(map_bytes).map_err(|_| map_error(Flaw::NotUtf8))?;
    let map = map::Map::from_toml(&text).map_err(|e| map_error(Flaw::Map(e)))?;
    let delimiter = map.delimiter().map_err(|e| map_error(Flaw::Map(e)))?;
    let (id, name) = find_instrument(store, instrument_key)?;
    let (sheet, _, columns) = open(
        file,
        map.source.encoding.as_deref(),
        delimiter,
        Some(map.source.layout),
    )?;
    let (batch, unnamed) =
        apply::batch(&map, &sheet, &columns, id, &stem(file)).map_err(|error| {
            // A column the map names but the file lacks is the map's fault
            // only as far as the file goes: the file is named.
            SurveyImportError::Format {
                file: file.to_path_buf(),
                error,
            }
        })?;
    let tally = store.import_survey(&batch)?;
    let mut linked = vec![];
    for (other, n) in store.linked_instruments(id)? {
        let (_, title) = find_instrument(store, &other.to_string())?;
        linked.push((title, n));
    }
    Ok(SurveyImported {
        instrument: name,
        tally,
        unnamed,
        linked,
    })
}
