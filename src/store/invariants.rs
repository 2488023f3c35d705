//! The store's own invariants, checked when a store is opened: a file another
//! tool wrote may break them, and the app must refuse such a store rather
//! than obey it (a loop in the code tree would have it walk forever). Each
//! problem names its table and row.

use rusqlite::Connection;

/// At most this many problems of a kind are named.
const SHOWN: i64 = 5;

/// What is broken, one line per problem; empty when the store is sound.
/// `version` is the store's schema version: from 6 on a document keeps its
/// length, before it the text is measured.
pub fn broken(conn: &Connection, version: u32) -> rusqlite::Result<Vec<String>> {
    let mut problems = vec![];
    // A code whose ancestors lead back to it. UNION (not UNION ALL) keeps
    // the walk finite on a loop.
    let mut stmt = conn.prepare(
        "WITH RECURSIVE up(code, ancestor) AS (
             SELECT id, parent FROM code WHERE parent IS NOT NULL
             UNION
             SELECT up.code, c.parent FROM up JOIN code c ON c.id = up.ancestor
             WHERE c.parent IS NOT NULL)
         SELECT DISTINCT code FROM up WHERE ancestor = code ORDER BY code LIMIT ?1",
    )?;
    for id in stmt.query_map([SHOWN], |r| r.get::<_, i64>(0))? {
        problems.push(format!(
            "code {}: its parents lead back to it (a loop in the code tree)",
            id?
        ));
    }
    // A quote outside its document's text, or empty.
    let lengths = if version >= 6 {
        "SELECT document AS id, chars AS len FROM document_info"
    } else {
        "SELECT id, length(text) AS len FROM document"
    };
    let mut stmt = conn.prepare(&format!(
        "WITH d AS MATERIALIZED ({lengths})
         SELECT q.id, q.start, q.end, d.len FROM quote q JOIN d ON d.id = q.document
         WHERE q.start < 0 OR q.end <= q.start OR q.end > d.len
         ORDER BY q.id LIMIT ?1"
    ))?;
    let rows = stmt.query_map([SHOWN], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    for row in rows {
        let (id, start, end, len) = row?;
        problems.push(format!(
            "quote {id}: the span {start}..{end} is empty or outside its document's text ({len} characters)"
        ));
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing::demo_store;

    #[test]
    fn the_demo_is_sound_and_a_loop_or_a_bad_span_is_named() {
        let s = demo_store();
        assert_eq!(
            broken(s.conn(), super::super::schema::current_version()).unwrap(),
            Vec::<String>::new()
        );
        let c = s.conn();
        c.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
        let (a, b): (i64, i64) = c
            .query_row(
                "SELECT min(id), max(id) FROM code WHERE parent IS NULL",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        c.execute("UPDATE code SET parent = ?2 WHERE id = ?1", [a, b])
            .unwrap();
        c.execute("UPDATE code SET parent = ?1 WHERE id = ?2", [a, b])
            .unwrap();
        c.execute("UPDATE quote SET end = 1000000 WHERE id = 1", [])
            .unwrap();
        let problems = broken(c, super::super::schema::current_version()).unwrap();
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with(&format!("code {a}:"))),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.starts_with("quote 1:")),
            "{problems:?}"
        );
    }
}
