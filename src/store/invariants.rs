//! The store's own invariants, checked when a store is opened: a file another
//! tool wrote may break them, and the app must refuse such a store rather
//! than obey it (a loop in the code tree would have it walk forever). Each
//! problem names its table and row.

use crate::domain::Id;
use rusqlite::Connection;

/// A broken invariant: the row and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Breach {
    /// The code's parents lead back to it.
    Loop { code: Id },
    /// The quote's span is empty or outside its document's text.
    Span {
        quote: Id,
        start: i64,
        end: i64,
        len: i64,
    },
}

impl Breach {
    pub fn english(&self) -> String {
        match self {
            Breach::Loop { code } => {
                format!("code {code}: its parents lead back to it (a loop in the code tree)")
            }
            Breach::Span {
                quote,
                start,
                end,
                len,
            } => format!(
                "quote {quote}: the span {start}..{end} is empty or outside its document's text ({len} characters)"
            ),
        }
    }
}

/// At most this many problems of a kind are named.
const SHOWN: i64 = 5;

/// What is broken, one line per problem in English (what `Display`
/// shows); empty when the store is sound.
#[cfg(test)]
pub fn broken(conn: &Connection, version: u32) -> rusqlite::Result<Vec<String>> {
    Ok(breaches(conn, version)?
        .iter()
        .map(Breach::english)
        .collect())
}

/// What is broken; empty when the store is sound. `version` is the store's
/// schema version: from 6 on a document keeps its length, before it the
/// text is measured.
pub fn breaches(conn: &Connection, version: u32) -> rusqlite::Result<Vec<Breach>> {
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
        problems.push(Breach::Loop { code: id? });
    }
    // A quote outside its document's text, or empty.
    let lengths = if version >= 6 {
        "SELECT document AS id, chars AS len FROM document_info"
    } else {
        "SELECT id, length(text) AS len FROM document"
    };
    // From version 10 the bad spans are found through indexes: a partial
    // index holds the empty and negative ones (none, in a sound store), and
    // the quotes of each document by their end give those past its length,
    // instead of a walk of every quote on each opening (30 ms at 200,000).
    let sql = if version >= 10 {
        "SELECT q.id, q.start, q.end, d.chars FROM quote q
              JOIN document_info d ON d.document = q.document
         WHERE q.start < 0 OR q.end <= q.start
         UNION
         SELECT q.id, q.start, q.end, d.chars FROM document_info d
              JOIN quote q ON q.document = d.document AND q.end > d.chars
         ORDER BY 1 LIMIT ?1"
            .to_string()
    } else {
        format!(
            "WITH d AS MATERIALIZED ({lengths})
             SELECT q.id, q.start, q.end, d.len FROM quote q JOIN d ON d.id = q.document
             WHERE q.start < 0 OR q.end <= q.start OR q.end > d.len
             ORDER BY q.id LIMIT ?1"
        )
    };
    let mut stmt = conn.prepare(&sql)?;
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
        problems.push(Breach::Span {
            quote: id,
            start,
            end,
            len,
        });
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
        c.execute("UPDATE quote SET end = start WHERE id = 2", [])
            .unwrap();
        // Found through the indexes, and by the walk older stores get.
        let older = broken(c, 5).unwrap();
        let problems = broken(c, super::super::schema::current_version()).unwrap();
        assert_eq!(problems, older);
        assert!(
            problems.iter().any(|p| p.starts_with("quote 2:")),
            "{problems:?}"
        );
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
