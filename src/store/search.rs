//! Full-text search over the store's prose, through the FTS5 index that the
//! schema's triggers keep in step with the tables.

use super::Store;
use crate::domain::Id;

/// What a search hit points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HitKind {
    Finding,
    Recommendation,
    Quote,
    Question,
    Session,
}

impl HitKind {
    /// The kind's number in the index's rowid (`id * 8 + kind`).
    fn from_tag(tag: i64) -> Option<HitKind> {
        Some(match tag {
            1 => HitKind::Finding,
            2 => HitKind::Recommendation,
            3 => HitKind::Quote,
            4 => HitKind::Question,
            5 => HitKind::Session,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: HitKind,
    pub id: Id,
    /// The indexed text.
    pub text: String,
}

/// Turns what a person typed into an FTS5 query: every word must appear,
/// as a prefix; FTS5's own syntax characters are taken as plain text.
pub fn fts_query(input: &str) -> Option<String> {
    let words: Vec<String> = input
        .split(|c: char| c.is_whitespace() || "\"*^():+-{}".contains(c))
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"*", w.replace('"', "")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

impl Store {
    /// Items whose text holds every word of `input`, best first, at most
    /// `limit` of them.
    pub fn search(&self, input: &str, limit: usize) -> super::Result<Vec<Hit>> {
        let Some(query) = fts_query(input) else {
            return Ok(vec![]);
        };
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT rowid, body FROM search_index WHERE search_index MATCH ?1
                 ORDER BY rank LIMIT ?2",
            )
            .map_err(|e| self.sqlite(e))?;
        let rows = stmt
            .query_map(rusqlite::params![query, limit as i64], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(|e| self.sqlite(e))?;
        let mut hits = vec![];
        for row in rows {
            let (rowid, text) = row.map_err(|e| self.sqlite(e))?;
            if let Some(kind) = HitKind::from_tag(rowid % 8) {
                hits.push(Hit {
                    kind,
                    id: rowid / 8,
                    text,
                });
            }
        }
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_words_become_prefix_terms_and_syntax_is_neutralised() {
        assert_eq!(fts_query("ידע חדש").as_deref(), Some("\"ידע\"* \"חדש\"*"));
        assert_eq!(
            fts_query("a\"b OR (c").as_deref(),
            Some("\"a\"* \"b\"* \"OR\"* \"c\"*")
        );
        assert_eq!(fts_query("  \"* "), None);
    }
}
