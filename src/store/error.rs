//! What can go wrong with a store, each worded for the person who reads it:
//! the file's path, and what to do about it.

use crate::domain::{Act, Id};
use std::fmt;
use std::path::{Path, PathBuf};

/// The file-system step of making a store that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoStep {
    CreateFolder,
    WriteIn,
    MoveTo,
}

impl IoStep {
    /// The step in English words, before the path.
    pub fn english(self) -> &'static str {
        match self {
            IoStep::CreateFolder => "create the folder",
            IoStep::WriteIn => "write a store in",
            IoStep::MoveTo => "move the new store to",
        }
    }
}

/// What the store will not do, and why. `english` words it in English (the
/// store's `Display`); each interface language words it too
/// (`Messages::refusal`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// `target` is the kind of entity (`"code"`, `"document"`, …).
    NoSuch {
        target: &'static str,
        id: Id,
    },
    /// Two codes under one parent cannot share a name; `id` has it.
    NameTaken {
        name: String,
        id: Id,
    },
    /// A `"code"` or a `"coder"` needs a name.
    NeedsName {
        what: &'static str,
    },
    Colour(String),
    /// Code `id` under code `under` would be its own ancestor.
    UnderItself {
        id: Id,
        under: Id,
    },
    MergeIntoItself,
    /// The program is kept; its cohorts are deleted one by one.
    ProgramStays,
    /// A part that is not one of a list (the program).
    NotMoved,
    /// A span to code is empty or outside its document's text.
    Span {
        start: usize,
        end: usize,
        len: usize,
    },
    /// A quote of a new document lies outside its text.
    QuoteOutside {
        start: u32,
        end: u32,
        len: usize,
    },
    /// The coding is another coder's.
    NotYours {
        owner: String,
    },
    /// An undo (or a redo) that cannot be done.
    Journal {
        undo: bool,
        act: Act,
        why: JournalFault,
    },
    /// The schema could not be brought up to date.
    Upgrade {
        path: PathBuf,
        why: String,
    },
    /// The store's schema is older than this build's, and the file or its
    /// folder cannot be written here to bring it up to date.
    UpgradeReadOnly {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    /// Another program (a second window, an import) kept the store's write
    /// lock for `waited_secs`, or the wait was given up: nothing written.
    Busy {
        path: PathBuf,
        waited_secs: u64,
    },
    /// The store's file or its folder cannot be written here: it is open
    /// for reading only.
    ReadOnly {
        path: PathBuf,
    },
    /// The disk (or the file system) holding the store has no room left:
    /// the transaction was rolled back.
    DiskFull {
        path: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JournalFault {
    /// The entry does not read.
    Damaged,
    /// The rows it changed were changed again since.
    ChangedSince,
}

impl Refusal {
    pub fn english(&self) -> String {
        match self {
            Refusal::NoSuch { target, id } => format!("no {target} has id {id}"),
            Refusal::NameTaken { name, id } => format!(
                "a code named '{name}' (code {id}) is already there; two codes under one parent \
                 cannot share a name"
            ),
            Refusal::NeedsName { what } => format!("a {what} needs a name"),
            Refusal::Colour(c) => format!("'{c}' is not of the form #rrggbb"),
            Refusal::UnderItself { id, under } => {
                format!("code {id} cannot go under code {under}: it would be its own ancestor")
            }
            Refusal::MergeIntoItself => "a code cannot be merged into itself".into(),
            Refusal::ProgramStays => {
                "the program is not deleted; its cohorts can be, one by one".into()
            }
            Refusal::NotMoved => {
                "the program is the store's only one: it has no list to move in".into()
            }
            Refusal::Span { start, end, len } => {
                format!("the span {start}..{end} is empty or outside the text ({len} characters)")
            }
            Refusal::QuoteOutside { start, end, len } => {
                format!("a quote {start}..{end} lies outside the text ({len} characters)")
            }
            Refusal::NotYours { owner } => {
                format!("the coding is {owner}'s: each coder changes only their own")
            }
            Refusal::Journal { undo, act, why } => {
                let verb = if *undo { "undo" } else { "redo" };
                let why = match why {
                    JournalFault::Damaged => "its journal entry is damaged",
                    JournalFault::ChangedSince => "the rows it changed have changed since",
                };
                format!("cannot {verb} '{}': {why}", act.english())
            }
            Refusal::Upgrade { path, why } => {
                format!("{}: upgrading the schema failed: {why}", path.display())
            }
            Refusal::UpgradeReadOnly { path, found, known } => format!(
                "{}: the store was made by an older tovana (schema {found}; this one reads \
                 {known}) and needs an upgrade, which is a write, but the file or its folder \
                 is read-only here; open it once where it can be written",
                path.display()
            ),
            Refusal::Busy { path, waited_secs } => format!(
                "{}: another program kept the store busy writing ({waited_secs} s); nothing of \
                 this was saved: try again",
                path.display()
            ),
            Refusal::ReadOnly { path } => format!(
                "{}: the file or its folder is read-only here; the store can be read, \
                 and nothing was changed",
                path.display()
            ),
            Refusal::DiskFull { path } => format!(
                "{}: the disk is full; nothing of this was saved, and the store is as it was",
                path.display()
            ),
        }
    }
}

#[derive(Debug)]
pub enum StoreError {
    /// A file-system step failed.
    Io {
        path: PathBuf,
        step: IoStep,
        source: std::io::Error,
    },
    NotFound(PathBuf),
    NotSqlite(PathBuf),
    /// An SQLite database, but not one of ours.
    NotTovana(PathBuf),
    /// An empty file, or an SQLite database with nothing in it: no store
    /// yet, and opening it must not make one.
    EmptyFile(PathBuf),
    /// The file at the store's path is no longer the one opened (moved,
    /// deleted, or another put in its place): nothing is written.
    Replaced(PathBuf),
    Newer {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    AlreadyExists(PathBuf),
    NotEmpty(PathBuf),
    /// The data breaks rules of the store; each problem names its field,
    /// and is worded by whoever shows it.
    Invalid(Vec<crate::domain::Problem>),
    /// An action the store will not do, and why.
    Refused(Refusal),
    /// The file breaks the store's own invariants (written by another
    /// tool, say); each line names the table and row.
    Damaged {
        path: PathBuf,
        problems: Vec<super::invariants::Breach>,
    },
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Io { path, step, source } => {
                write!(f, "cannot {} {}: {source}", step.english(), path.display())
            }
            StoreError::NotFound(p) => write!(f, "{}: no such store", p.display()),
            StoreError::NotSqlite(p) => write!(
                f,
                "{}: not a tovana store (the file is not an SQLite database)",
                p.display()
            ),
            StoreError::NotTovana(p) => write!(
                f,
                "{}: an SQLite database, but not a tovana store (it holds other tables)",
                p.display()
            ),
            StoreError::EmptyFile(p) => write!(
                f,
                "{}: an empty file, not a tovana store; it was left as it is \
                 (`tovana init --db` makes a store at a new path)",
                p.display()
            ),
            StoreError::Replaced(p) => write!(
                f,
                "{}: the store's file was moved, deleted or replaced while open; nothing \
                 was written (quit, and open the store where it is now)",
                p.display()
            ),
            StoreError::Newer { path, found, known } => write!(
                f,
                "{}: the store is at schema version {found}, written by a newer tovana; \
                 this one knows versions up to {known}. The store was left untouched.",
                path.display()
            ),
            StoreError::AlreadyExists(p) => {
                write!(
                    f,
                    "{}: a file is already there; nothing written",
                    p.display()
                )
            }
            StoreError::NotEmpty(p) => write!(
                f,
                "{}: the store already holds data; use --replace to replace it (nothing written)",
                p.display()
            ),
            StoreError::Invalid(problems) => {
                write!(f, "the data is not valid:")?;
                for p in problems {
                    write!(f, "\n  {p}")?;
                }
                Ok(())
            }
            StoreError::Refused(r) => write!(f, "{}", r.english()),
            StoreError::Damaged { path, problems } => {
                write!(
                    f,
                    "{}: the store is damaged, so tovana stops here (nothing was changed):",
                    path.display()
                )?;
                for p in problems {
                    write!(f, "\n  {}", p.english())?;
                }
                Ok(())
            }
            StoreError::Sqlite { path, source } => write!(f, "{}: {source}", path.display()),
        }
    }
}

impl std::error::Error for StoreError {}

pub(crate) fn sqlite_error(path: &Path, e: rusqlite::Error) -> StoreError {
    if let rusqlite::Error::SqliteFailure(f, _) = &e {
        match f.code {
            rusqlite::ErrorCode::NotADatabase => return StoreError::NotSqlite(path.to_path_buf()),
            rusqlite::ErrorCode::ReadOnly => {
                return StoreError::Refused(Refusal::ReadOnly {
                    path: path.to_path_buf(),
                });
            }
            rusqlite::ErrorCode::DiskFull => {
                return StoreError::Refused(Refusal::DiskFull {
                    path: path.to_path_buf(),
                });
            }
            _ => {}
        }
    }
    StoreError::Sqlite {
        path: path.to_path_buf(),
        source: e,
    }
}
