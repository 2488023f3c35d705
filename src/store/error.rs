//! What can go wrong with a store, each worded for the person who reads it:
//! the file's path, and what to do about it.

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
    /// The data breaks a rule of the store; each line names the field.
    Invalid(Vec<String>),
    /// The file breaks the store's own invariants (written by another
    /// tool, say); each line names the table and row.
    Damaged {
        path: PathBuf,
        problems: Vec<String>,
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
            StoreError::Damaged { path, problems } => {
                write!(
                    f,
                    "{}: the store is damaged, so tovana stops here (nothing was changed):",
                    path.display()
                )?;
                for p in problems {
                    write!(f, "\n  {p}")?;
                }
                Ok(())
            }
            StoreError::Sqlite { path, source } => write!(f, "{}: {source}", path.display()),
        }
    }
}

impl std::error::Error for StoreError {}

pub(crate) fn sqlite_error(path: &Path, e: rusqlite::Error) -> StoreError {
    if let rusqlite::Error::SqliteFailure(f, _) = &e
        && f.code == rusqlite::ErrorCode::NotADatabase
    {
        return StoreError::NotSqlite(path.to_path_buf());
    }
    StoreError::Sqlite {
        path: path.to_path_buf(),
        source: e,
    }
}
