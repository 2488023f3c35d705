//! The schema, as a list of migrations keyed on `PRAGMA user_version`:
//! migration `i` (from 0) takes a store from version `i` to `i + 1`. Each runs
//! in its own transaction together with the version bump, so a store is always
//! at one whole version.

use rusqlite::{Connection, TransactionBehavior};

/// One step of the schema. Never edit a migration that has shipped: add one.
pub struct Migration {
    pub description: &'static str,
    pub sql: &'static str,
    /// What SQL alone cannot do, in the same transaction, after `sql`.
    pub then: Option<fn(&rusqlite::Transaction) -> rusqlite::Result<()>>,
}

mod sql;
use sql::*;

pub const MIGRATIONS: &[Migration] = &[
    Migration {
        description: "the evaluation store: program to recommendations, with a full-text index",
        sql: V1,
        then: None,
    },
    Migration {
        description: "coding: memos on codes, codings by coder, the journal of undoable actions",
        sql: V2,
        then: None,
    },
    Migration {
        description: "the journal records whose action each entry is; the store keeps settings of its own",
        sql: V3,
        then: None,
    },
    Migration {
        description: "a document's quotes can be indexed in one pass instead of one walk of the text each",
        sql: V4,
        then: None,
    },
    Migration {
        description: "the search index keeps one- and two-letter prefixes, so the first letters typed are found at once",
        sql: V5,
        then: None,
    },
    Migration {
        description: "a document's length and whether it is illustrative kept beside it, so lists and checks need not read its text",
        sql: V6,
        then: None,
    },
    Migration {
        description: "each coding's quote, document, cohort, role and span kept beside it, so counts need no joins",
        sql: V7,
        then: None,
    },
    Migration {
        description: "each quote's text kept beside it, so lists of quotes need not read whole documents",
        sql: V8,
        then: None,
    },
    Migration {
        description: "codes (name, description, memo) and documents (title, notes) are searched too",
        sql: V9,
        then: None,
    },
    Migration {
        description: "indexes that find a bad quote span without reading every quote, and documents by cohort",
        sql: V10,
        then: None,
    },
    Migration {
        description: "the search index writes new terms out in larger pieces; an import fills each coding's facts in one statement",
        sql: V11,
        then: None,
    },
    Migration {
        description: "a document's text outside its quotes is searched, as passages",
        sql: V12,
        then: Some(crate::store::passages::fill_all),
    },
    Migration {
        description: "an import indexes findings and recommendations after their rows, in one statement each",
        sql: V13,
        then: None,
    },
    Migration {
        description: "an instrument keeps the response rate its source gives",
        sql: V14,
        then: None,
    },
    Migration {
        description: "a session may be counted inside another, as the source counts it",
        sql: V15,
        then: None,
    },
    Migration {
        description: "a finding may cite particular quotes",
        sql: V16,
        then: None,
    },
    Migration {
        description: "what became of a recommendation is kept per later cohort",
        sql: V17,
        then: None,
    },
    Migration {
        description: "instruments keep an order among their cohort's",
        sql: V18,
        then: None,
    },
    Migration {
        description: "what crosses to other coding tools keeps a GUID; a quote may carry a memo; a document keeps attributes",
        sql: V19,
        then: None,
    },
    Migration {
        description: "survey answers row by row: respondents with their attributes, an answer per question",
        sql: V20,
        then: None,
    },
    Migration {
        description: "the search index parts words itself and keeps no copy of the text",
        sql: V21,
        then: None,
    },
];

/// The version a store has once every migration of this build ran.
pub fn current_version() -> u32 {
    MIGRATIONS.len() as u32
}

#[derive(Debug, PartialEq, Eq)]
pub enum MigrateError {
    /// The store was written by a newer tovana.
    Newer {
        found: u32,
        known: u32,
    },
    Sqlite(String),
}

impl From<rusqlite::Error> for MigrateError {
    fn from(e: rusqlite::Error) -> Self {
        MigrateError::Sqlite(e.to_string())
    }
}

pub fn user_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Brings the store up to the last of `migrations`. Refuses, and changes
/// nothing, when the store is newer than that.
pub fn migrate(conn: &mut Connection, migrations: &[Migration]) -> Result<u32, MigrateError> {
    let known = migrations.len() as u32;
    let found = user_version(conn)?;
    if found > known {
        return Err(MigrateError::Newer { found, known });
    }
    for (i, m) in migrations.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(m.sql)?;
        if let Some(then) = m.then {
            then(&tx)?;
        }
        // PRAGMA takes no parameters; the value is our own integer.
        tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
        tx.commit()?;
    }
    Ok(known)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIRST: Migration = Migration {
        description: "a table",
        sql: "CREATE TABLE a (x INTEGER);",
        then: None,
    };
    const SECOND: Migration = Migration {
        description: "another table",
        sql: "CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (1);",
        then: None,
    };
    const BROKEN: Migration = Migration {
        description: "fails halfway",
        sql: "CREATE TABLE c (z INTEGER); INSERT INTO nowhere VALUES (1);",
        then: None,
    };

    #[test]
    fn an_older_store_is_upgraded_step_by_step() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(migrate(&mut conn, &[FIRST]), Ok(1));
        assert_eq!(user_version(&conn).unwrap(), 1);
        assert_eq!(migrate(&mut conn, &[FIRST, SECOND]), Ok(2));
        assert_eq!(user_version(&conn).unwrap(), 2);
        let n: i64 = conn
            .query_row("SELECT count(*) FROM a", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1, "the second migration ran once");
        // Running again changes nothing.
        assert_eq!(migrate(&mut conn, &[FIRST, SECOND]), Ok(2));
        let n: i64 = conn
            .query_row("SELECT count(*) FROM a", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
    }

    #[test]
    fn a_newer_store_is_refused_untouched() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, &[FIRST, SECOND]).unwrap();
        assert_eq!(
            migrate(&mut conn, &[FIRST]),
            Err(MigrateError::Newer { found: 2, known: 1 })
        );
        assert_eq!(user_version(&conn).unwrap(), 2);
    }

    #[test]
    fn a_failing_migration_leaves_the_previous_version_whole() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, &[FIRST]).unwrap();
        assert!(matches!(
            migrate(&mut conn, &[FIRST, BROKEN]),
            Err(MigrateError::Sqlite(_))
        ));
        assert_eq!(user_version(&conn).unwrap(), 1);
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'c'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 0, "the half-run migration was rolled back");
    }

    #[test]
    fn the_real_schema_applies_and_has_full_text_search() {
        let mut conn = Connection::open_in_memory().unwrap();
        super::super::search::register_functions(&conn).unwrap();
        assert_eq!(migrate(&mut conn, MIGRATIONS), Ok(current_version()));
        conn.execute_batch(
            "INSERT INTO program (id, name) VALUES (1, 'p');
             INSERT INTO cohort (id, program, label, ordinal) VALUES (1, 1, 'א', 1);
             INSERT INTO finding (id, cohort, area, ordinal, statement)
                 VALUES (3, 1, 'ידע', 1, 'המשתתפים רכשו יֶדַע חָדָשׁ');",
        )
        .unwrap();
        let rowid: i64 = conn
            .query_row(
                "SELECT rowid FROM search_index WHERE search_index MATCH 'חדש'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(rowid, 3 * 8 + 1);
    }
}
