//! Opening a store that cannot be written: the file or its folder is
//! read-only (a read-only mount, a shared folder). It is read as it is, and
//! every write is refused with the reason.

use super::error::sqlite_error;
use super::{Refusal, Result, Store, StoreError, identity_of, invariants, schema, search};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

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
        let version = schema::user_version(&conn).map_err(err)?;
        let newest = schema::MIGRATIONS.len() as u32;
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
            return Err(StoreError::Refused(Refusal::Upgrade {
                path: path.to_path_buf(),
                why: Refusal::ReadOnly {
                    path: path.to_path_buf(),
                }
                .english(),
            }));
        }
        conn.busy_timeout(Duration::from_secs(5)).map_err(err)?;
        let indexing = search::register_functions(&conn).map_err(err)?;
        let problems = invariants::breaches(&conn, version).map_err(err)?;
        if !problems.is_empty() {
            return Err(StoreError::Damaged {
                path: path.to_path_buf(),
                problems,
            });
        }
        let seen = conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(err)?;
        Ok(Store {
            indexing,
            last_act: None,
            identity: identity_of(path),
            seen: std::cell::Cell::new(seen),
            acting: None,
            conn,
            path: path.to_path_buf(),
            read_only: true,
        })
    }
}
