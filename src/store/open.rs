//! Opening a store that cannot be written: the file or its folder is
//! read-only (a read-only mount, a shared folder). It is read as it is, and
//! every write is refused with the reason.

use super::error::sqlite_error;
use super::{Mode, Refusal, Result, Store, StoreError};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// True for an error that says the store's file or folder cannot be
/// written (not that it is no store).
pub(super) fn cannot_write(e: &StoreError) -> bool {
    match e {
        StoreError::Refused(Refusal::ReadOnly { .. }) => true,
        StoreError::Sqlite {
            source: rusqlite::Error::SqliteFailure(f, _),
            ..
        } => matches!(
            f.code,
            rusqlite::ErrorCode::CannotOpen
                | rusqlite::ErrorCode::ReadOnly
                | rusqlite::ErrorCode::PermissionDenied
        ),
        _ => false,
    }
}

/// True for an error that says what is wrong with the store itself, not
/// that it could not be reached.
pub(super) fn tells_about_the_store(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::Refused(Refusal::UpgradeReadOnly { .. })
            | StoreError::Newer { .. }
            | StoreError::NotTovana(_)
            | StoreError::Damaged { .. }
    )
}

/// False when this process may not write the file itself (its mode, its
/// owner, a read-only mount). SQLite would open it for reading without a
/// word and make the WAL's files beside it.
pub(super) fn file_writable(path: &Path) -> bool {
    std::fs::OpenOptions::new().write(true).open(path).is_ok()
}

/// A `file:` URI for `path`, its reserved characters escaped.
fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '?' | '#' | '%' => uri.push_str(&format!("%{:02X}", c as u32)),
            c => uri.push(c),
        }
    }
    uri
}

impl Store {
    /// Opens a store for reading only: the schema must be up to date (an
    /// upgrade is a write), and nothing is written, not even the WAL's
    /// files where a folder allows none (then the file is read as it is).
    pub(super) fn open_read_only(path: &Path) -> Result<Store> {
        let uri = file_uri(path);
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let err = |e| sqlite_error(path, e);
        let readable = |conn: Connection| -> rusqlite::Result<Connection> {
            conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
            Ok(conn)
        };
        // A reader makes the WAL's two files beside the store where the
        // folder lets it, and as a reader cannot take them away again. With
        // neither there, no one has the store open: it is read as a file
        // that does not change, which makes none. Else it shares them.
        let beside = |ext: &str| {
            let mut name = path.as_os_str().to_owned();
            name.push(ext);
            Path::new(&name).exists()
        };
        let in_use = beside("-wal") || beside("-shm");
        let (first, then) = if in_use {
            ("?mode=ro", "?mode=ro&immutable=1")
        } else {
            ("?mode=ro&immutable=1", "?mode=ro")
        };
        let conn = Connection::open_with_flags(format!("{uri}{first}"), flags)
            .and_then(readable)
            .or_else(|_| {
                Connection::open_with_flags(format!("{uri}{then}"), flags).and_then(readable)
            })
            .map_err(err)?;
        Store::prepare_with(conn, path, Mode::ReadOnly)
    }
}
