//! The SQLite file: schema and migrations, typed reads and writes, full-text
//! search. Every write runs in a transaction. Nothing outside this module
//! speaks SQL.

mod agreement;
pub mod authoring;
pub mod codebook;
mod codetree;
pub mod coding;
pub mod cohorts;
pub mod counts;
mod create;
mod dataset;
pub mod documents;
mod error;
pub mod exchange;
pub mod findings;
mod invariants;
pub mod journal;
pub mod marking;
mod open;
mod passages;
pub mod quotes;
pub mod respondents;
pub mod schema;
pub mod search;
pub mod survey;
pub mod tables;
mod writing;

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The coder this handle acts for: the journal records them with each
    /// action, undo and redo walk only their actions, and another coder's
    /// codings are refused to them. `None` acts for no one in particular.
    acting: Option<crate::domain::Id>,
    /// SQLite's `data_version` as last seen: it moves when another
    /// connection (a second window, the command line) commits.
    seen: std::cell::Cell<i64>,
    /// The file opened, as the file system knows it (device and inode):
    /// before each write the path must still lead to it.
    identity: Option<(u64, u64)>,
    /// The act the last journaled write recorded, for saying what was done.
    last_act: Option<crate::domain::Act>,
    /// The connection's `tovana_indexing()`: false while a caller indexes
    /// quotes itself.
    indexing: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// Opened for reading only: the file or its folder cannot be written.
    read_only: bool,
    /// Told how long a write has waited for another program's (see
    /// [`Store::on_wait`]).
    waiting: Option<writing::OnWait>,
}

/// The page size of a store this build creates, in bytes.
const PAGE_SIZE: u32 = 16_384;

/// How a connection is made ready: a store being built (no WAL until it is
/// whole), one opened to work on (WAL), or one that can only be read (its
/// schema must be this build's; nothing is written, not even the WAL).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Building,
    Wal,
    ReadOnly,
}

/// A file's device and inode, where the platform has them.
fn identity_of(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

use error::sqlite_error;
pub use error::{IoStep, JournalFault, Refusal, StoreError};
pub use invariants::Breach;
use open::cannot_write;
pub use writing::PATIENCE;

pub type Result<T> = std::result::Result<T, StoreError>;

impl Store {
    /// Opens an existing store and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::NotFound(path.to_path_buf()));
        }
        if path.is_dir() {
            return Err(StoreError::NotSqlite(path.to_path_buf()));
        }
        if !open::file_writable(path) && path.metadata().is_ok_and(|m| m.len() > 0) {
            return Store::open_read_only(path);
        }
        match Store::open_writable(path) {
            // A file or a folder that cannot be written is read: what shows
            // it, counts it or exports it still works, and a write is refused
            // with the reason.
            Err(e) if cannot_write(&e) => Store::open_read_only(path).map_err(|ro| {
                // What the read-only attempt found about the store itself
                // (it needs an upgrade, it is damaged) says more than
                // SQLite's "unable to open".
                if open::tells_about_the_store(&ro) {
                    ro
                } else {
                    e
                }
            }),
            done => done,
        }
    }

    /// True while the store is open for reading only.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn open_writable(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| sqlite_error(path, e))?;
        // An empty file, or a database holding nothing, is no store: opening
        // is no way to make one (`create` is), and the file stays as it was.
        let is_empty = std::fs::metadata(path).is_ok_and(|m| m.len() == 0)
            || conn
                .query_row(
                    "SELECT (SELECT count(*) FROM sqlite_master) = 0 AND user_version = 0
                     FROM pragma_user_version",
                    [],
                    |r| r.get::<_, bool>(0),
                )
                .map_err(|e| sqlite_error(path, e))?;
        if is_empty {
            return Err(StoreError::EmptyFile(path.to_path_buf()));
        }
        Store::prepare(conn, path)
    }

    /// A store in memory, with the schema and no data (for tests and tools).
    pub fn in_memory() -> Result<Store> {
        let conn =
            Connection::open_in_memory().map_err(|e| sqlite_error(Path::new(":memory:"), e))?;
        Store::prepare(conn, Path::new(":memory:"))
    }

    fn prepare(conn: Connection, path: &Path) -> Result<Store> {
        Store::prepare_with(conn, path, Mode::Wal)
    }

    fn prepare_with(mut conn: Connection, path: &Path, mode: Mode) -> Result<Store> {
        let err = |e| sqlite_error(path, e);
        // The first read of the file tells whether it is a database at all.
        let objects: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(err)?;
        let version = schema::user_version(&conn).map_err(err)?;
        if version == 0 && objects > 0 {
            return Err(StoreError::NotTovana(path.to_path_buf()));
        }
        if version == 0 && mode != Mode::ReadOnly {
            // A new store's pages are 16 KiB, not 4: the search index's
            // lists of rows and the texts fit in fewer pages and fewer
            // overflow chains (the 200,000-quote import: 8.7 → 7.9 s, the
            // file 564 → 455 MB). Only an empty file takes a page size.
            conn.execute_batch(&format!("PRAGMA page_size = {PAGE_SIZE}"))
                .map_err(err)?;
        }
        conn.busy_timeout(writing::READ_WAIT).map_err(err)?;
        conn.execute_batch("PRAGMA foreign_keys = ON;")
            .map_err(err)?;
        // Before the migrations: the index's triggers call these.
        let indexing = search::register_functions(&conn).map_err(err)?;
        // A damaged store is refused before anything is written to it.
        if version > 0 {
            let problems = invariants::breaches(&conn, version).map_err(err)?;
            if !problems.is_empty() {
                return Err(StoreError::Damaged {
                    path: path.to_path_buf(),
                    problems,
                });
            }
        }
        if mode == Mode::ReadOnly {
            // Bringing the schema up to date is a write: only a store of
            // this build's version can be read.
            let newest = schema::current_version();
            if version == 0 {
                return Err(StoreError::NotTovana(path.to_path_buf()));
            }
            if version > newest {
                return Err(StoreError::Newer {
                    path: path.to_path_buf(),
                    found: version,
                    known: newest,
                });
            }
            if version < newest {
                return Err(StoreError::Refused(Refusal::UpgradeReadOnly {
                    path: path.to_path_buf(),
                    found: version,
                    known: newest,
                }));
            }
        } else {
            match schema::migrate(&mut conn, schema::MIGRATIONS) {
                Ok(_) => {}
                Err(schema::MigrateError::Newer { found, known }) => {
                    return Err(StoreError::Newer {
                        path: path.to_path_buf(),
                        found,
                        known,
                    });
                }
                Err(schema::MigrateError::Sqlite(msg)) => {
                    return Err(StoreError::Refused(Refusal::Upgrade {
                        path: path.to_path_buf(),
                        why: msg,
                    }));
                }
            }
            journal::install(&conn).map_err(err)?;
        }
        if mode == Mode::Building {
            // A store being built is a file of its own, renamed into place
            // only once it is whole and synced (`Store::create`); until then
            // nobody reads it, and on a failure it is removed. It needs no
            // journal and no sync at each commit: the rollback journal and
            // the syncs cost the 200,000-quote import a second.
            conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
                .map_err(err)?;
        }
        if mode == Mode::Wal && path != Path::new(":memory:") {
            conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
                .map_err(err)?;
            // In WAL mode NORMAL syncs at checkpoints, not at every commit: a
            // committed transaction survives the process being killed at any
            // moment (the WAL is in the file system); only a power cut may
            // lose the last few. Each coding is its own small transaction,
            // and this spares it an fsync.
            conn.execute_batch("PRAGMA synchronous = NORMAL")
                .map_err(err)?;
        }
        let seen = conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(err)?;
        let identity = identity_of(path);
        Ok(Store {
            indexing,
            last_act: None,
            identity,
            seen: std::cell::Cell::new(seen),
            acting: None,
            conn,
            path: path.to_path_buf(),
            read_only: mode == Mode::ReadOnly,
            waiting: None,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn sqlite(&self, e: rusqlite::Error) -> StoreError {
        sqlite_error(&self.path, e)
    }

    /// True when another connection committed since this was last asked
    /// (this handle's own writes do not count).
    pub fn changed_elsewhere(&self) -> Result<bool> {
        let now: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(|e| self.sqlite(e))?;
        Ok(self.seen.replace(now) != now)
    }

    /// What the last journaled write did (taken: asked once).
    pub fn take_last_act(&mut self) -> Option<crate::domain::Act> {
        self.last_act.take()
    }

    /// Acts for `coder` from now on (see [`Store`]).
    pub fn act_as(&mut self, coder: Option<crate::domain::Id>) {
        self.acting = coder;
    }

    pub fn acting(&self) -> Option<crate::domain::Id> {
        self.acting
    }

    /// Every row a query gives, each made by `row`, through a cached
    /// statement; an error names the store's file.
    pub(crate) fn rows<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        row: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        (|| {
            let mut stmt = self.conn().prepare_cached(sql)?;
            let rows = stmt.query_map(params, row)?;
            rows.collect::<rusqlite::Result<Vec<T>>>()
        })()
        .map_err(|e| self.sqlite(e))
    }

    /// The first row a query gives, if any, made by `row`.
    pub(crate) fn first_row<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        row: impl FnOnce(&rusqlite::Row) -> rusqlite::Result<T>,
    ) -> Result<Option<T>> {
        use rusqlite::OptionalExtension;
        (|| {
            let mut stmt = self.conn().prepare_cached(sql)?;
            stmt.query_row(params, row).optional()
        })()
        .map_err(|e| self.sqlite(e))
    }
}

/// Reads an optional date column.
fn date_col(
    row: &rusqlite::Row,
    idx: usize,
) -> rusqlite::Result<Option<crate::domain::PartialDate>> {
    let s: Option<String> = row.get(idx)?;
    s.map(|s| {
        crate::domain::PartialDate::parse(&s).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}

/// Reads a text column holding one of a keyed enum's keys.
fn key_col<T>(
    row: &rusqlite::Row,
    idx: usize,
    from_key: fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let s: String = row.get(idx)?;
    from_key(&s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("unknown value '{s}'").into(),
        )
    })
}

/// What the store's tests share: the demo in a store in memory, and a code
/// found by the start of its name.
#[cfg(test)]
pub(crate) mod testing {
    use super::Store;
    use crate::domain::Id;

    pub fn demo_store() -> Store {
        let mut s = Store::in_memory().unwrap();
        s.replace_all(&crate::domain::testing::demo()).unwrap();
        s
    }

    /// The words the search index holds for `rowid`, in their order (the
    /// index keeps no copy of its text: they are read from its vocabulary);
    /// `None` when it holds no such row.
    pub fn index_words(s: &Store, rowid: i64) -> Option<String> {
        s.conn()
            .execute_batch(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.index_words
                     USING fts5vocab(main, search_index, instance)",
            )
            .unwrap();
        let words: Vec<String> = s
            .rows(
                "SELECT term FROM temp.index_words WHERE doc = ?1 ORDER BY offset",
                [rowid],
                |r| r.get(0),
            )
            .unwrap();
        (!words.is_empty()).then(|| words.join(" "))
    }

    pub fn code_id(s: &Store, name: &str) -> Id {
        s.codes()
            .unwrap()
            .into_iter()
            .find(|c| c.name.starts_with(name))
            .unwrap()
            .id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Dataset;

    #[test]
    fn an_empty_store_counts_nothing() {
        let s = Store::in_memory().unwrap();
        assert!(s.is_empty().unwrap());
        assert_eq!(s.dataset().unwrap(), Dataset::default());
    }
}
