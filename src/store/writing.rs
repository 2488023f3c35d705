//! Writing: every write one transaction, into the file that was opened;
//! while another program (a second window, an import) holds the write lock,
//! the write waits, says so through [`Store::on_wait`], and gives up after
//! [`PATIENCE`] with a refusal instead of SQLite's "database is locked".

use super::error::sqlite_error;
use super::{Refusal, Result, Store, StoreError, identity_of};
use rusqlite::TransactionBehavior;
use std::time::{Duration, Instant};

/// What a write that waits tells, with how long it has waited; `false`
/// gives up (the write is refused as busy, nothing written).
pub(super) type OnWait = Box<dyn FnMut(Duration) -> bool>;

/// How long one try at the write lock waits inside SQLite before the
/// waiting is told and the lock tried again.
const TRY: Duration = Duration::from_millis(200);

/// How long a write waits in all for another program's to end.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// How long a read waits on a lock (a checkpoint, a recovery) inside
/// SQLite.
pub(super) const READ_WAIT: Duration = Duration::from_secs(5);

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

impl Store {
    /// Has `f` told, every fifth of a second or so, while a write waits for
    /// another program's to end; `f` returning `false` gives the write up.
    pub fn on_wait(&mut self, f: impl FnMut(Duration) -> bool + 'static) {
        self.waiting = Some(Box::new(f));
    }

    /// Runs `f` in one write transaction: all of it lands, or none.
    pub(crate) fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction) -> Result<T>,
    ) -> Result<T> {
        let path = self.path.clone();
        // Never write into a file other than the one opened, nor keep
        // saying "saved" into one that is gone.
        if self.identity.is_some() && identity_of(&path) != self.identity {
            return Err(StoreError::Replaced(path));
        }
        let started = Instant::now();
        let mut f = Some(f);
        self.conn
            .busy_timeout(TRY)
            .map_err(|e| sqlite_error(&path, e))?;
        let done = loop {
            match self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
            {
                Ok(tx) => {
                    let f = f.take().expect("the write runs once");
                    break f(&tx)
                        .and_then(|v| tx.commit().map(|_| v).map_err(|e| sqlite_error(&path, e)));
                }
                Err(e) if is_busy(&e) => {
                    let waited = started.elapsed();
                    let go_on =
                        waited < PATIENCE && self.waiting.as_mut().is_none_or(|tell| tell(waited));
                    if !go_on {
                        break Err(StoreError::Refused(Refusal::Busy {
                            path: path.clone(),
                            waited_secs: waited.as_secs(),
                        }));
                    }
                }
                Err(e) => break Err(sqlite_error(&path, e)),
            }
        };
        self.conn
            .busy_timeout(READ_WAIT)
            .map_err(|e| sqlite_error(&path, e))?;
        done
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    /// A store on disk and a second connection holding its write lock.
    fn locked() -> (tempfile::TempDir, Store, rusqlite::Connection) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite");
        let store = Store::create(&path, &crate::domain::testing::demo()).unwrap();
        let other = rusqlite::Connection::open(&path).unwrap();
        other.execute_batch("BEGIN IMMEDIATE").unwrap();
        (dir, store, other)
    }

    #[test]
    fn a_write_that_waits_says_so_and_lands_once_the_other_ends() {
        let (_dir, mut store, other) = locked();
        let told = Rc::new(RefCell::new(vec![]));
        let seen = Rc::clone(&told);
        let mut other = Some(other);
        store.on_wait(move |waited| {
            seen.borrow_mut().push(waited);
            // The other program ends its write after the second telling.
            if seen.borrow().len() == 2 {
                other.take().unwrap().execute_batch("COMMIT").unwrap();
            }
            true
        });
        let id = store.create_code("waited for", None, "#336699").unwrap();
        assert!(store.codes().unwrap().iter().any(|c| c.id == id));
        let told = told.borrow();
        assert_eq!(told.len(), 2, "told at each try: {told:?}");
        assert!(told[1] > told[0] && told[0] >= TRY / 2, "{told:?}");
    }

    #[test]
    fn a_write_given_up_is_refused_as_busy_and_writes_nothing() {
        let (_dir, mut store, _other) = locked();
        let codes = store.codes().unwrap().len();
        store.on_wait(|_| false);
        match store.create_code("never", None, "#336699") {
            Err(StoreError::Refused(Refusal::Busy { waited_secs, .. })) => {
                assert_eq!(waited_secs, 0)
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(store.codes().unwrap().len(), codes);
    }
}
