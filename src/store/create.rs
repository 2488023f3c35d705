//! Making a new store: it is built in a file of its own beside the path it
//! is for, synced, and only then renamed into place, so that a failure or
//! a kill leaves nothing that looks like a store.

use super::error::{IoStep, sqlite_error};
use super::{Mode, Result, Store, StoreError};
use crate::domain::Dataset;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

impl Store {
    /// Creates a new store at `path` holding `data`. The store is written
    /// beside `path` and moved into place only when whole, so a failure
    /// leaves nothing behind.
    pub fn create(path: &Path, data: &Dataset) -> Result<Store> {
        Store::create_with(path, data, |_| Ok::<(), StoreError>(())).map(|(s, ())| s)
    }

    /// Creates a new store at `path` holding `data`, and runs `then` on it
    /// while it is still being built (written without a journal or syncs,
    /// as a whole store is): an import into a new store. It takes the name
    /// `path` only when `then` succeeded; on an error nothing is left.
    pub fn create_with<T, E: From<StoreError>>(
        path: &Path,
        data: &Dataset,
        then: impl FnOnce(&mut Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<(Store, T), E> {
        if path.exists() {
            return Err(StoreError::AlreadyExists(path.to_path_buf()).into());
        }
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&dir).map_err(|source| StoreError::Io {
            path: dir.clone(),
            step: IoStep::CreateFolder,
            source,
        })?;
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "tovana.sqlite".into());
        let tmp = dir.join(format!(".{file_name}.{}.partial", std::process::id()));
        let mut done = None;
        let built = (|| -> std::result::Result<(), E> {
            let conn = Connection::open(&tmp).map_err(|e| match e {
                rusqlite::Error::SqliteFailure(_, _) => StoreError::Io {
                    path: dir.clone(),
                    step: IoStep::WriteIn,
                    source: std::io::Error::new(
                        std::io::ErrorKind::PermissionDenied,
                        "the folder cannot be written",
                    ),
                },
                e => sqlite_error(&tmp, e),
            })?;
            let mut store = Store::prepare_with(conn, &tmp, Mode::Building)?;
            store.replace_all(data)?;
            done = Some(then(&mut store)?);
            drop(store);
            // Synced as a whole before it takes the store's name: the
            // building wrote without syncs.
            std::fs::File::open(&tmp)
                .and_then(|f| f.sync_all())
                .map_err(|source| StoreError::Io {
                    path: dir.clone(),
                    step: IoStep::WriteIn,
                    source,
                })?;
            std::fs::rename(&tmp, path)
                .map_err(|source| StoreError::Io {
                    path: path.to_path_buf(),
                    step: IoStep::MoveTo,
                    source,
                })
                .map_err(E::from)
        })();
        if let Err(e) = built {
            let _ = std::fs::remove_file(&tmp);
            let _ = std::fs::remove_file(tmp.with_extension("partial-journal"));
            return Err(e);
        }
        let store = Store::open(path)?;
        Ok((store, done.expect("built")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_size(s: &Store) -> u32 {
        s.conn
            .query_row("PRAGMA page_size", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_new_store_is_whole_in_place_with_its_own_page_size_and_nothing_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.sqlite");
        let s = Store::create(&path, &crate::interchange::demo()).unwrap();
        assert_eq!(page_size(&s), super::super::PAGE_SIZE);
        assert_eq!(s.dataset().unwrap(), crate::interchange::demo());
        // Built without a journal: what lies beside it is the open store's
        // WAL at most, no partial file.
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().all(|n| n.starts_with("new.sqlite")),
            "{names:?}"
        );
    }
}
