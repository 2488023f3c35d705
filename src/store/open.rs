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
        let conn = Connection::open_with_flags(format!("{uri}?mode=ro"), flags)
            .and_then(readable)
            .or_else(|_| {
                Connection::open_with_flags(format!("{uri}?mode=ro&immutable=1"), flags)
                    .and_then(readable)
            })
            .map_err(err)?;
        Store::prepare_with(conn, path, Mode::ReadOnly)
    }
}
