//! Full-text search over the store's prose, through the FTS5 index that the
//! schema's triggers keep in step with the tables.
//!
//! Hebrew-aware in two ways. Points (niqqud) and cantillation are folded
//! away on both sides: the index holds folded text, and the query is folded
//! too. And a query word also matches the word with the one-letter prefixes
//! Hebrew glues on (ה ו ב ל מ ש כ), their pairs (וה, שב, מה, ...) and the
//! triples that begin with ו or ש (ומה, שבכ): the index holds, beside each
//! Hebrew word, the word without those prefixes, so that a query word is one
//! FTS5 prefix term (a query-side OR of 155 forms per word took 100 ms a
//! keystroke). A word matches exactly the same tokens either way.

use super::Store;
pub use crate::domain::HitKind;
use crate::domain::Id;
/// Folding lives in `text`; named here too for callers of the search.
pub use crate::text::fold::fold;
use crate::text::fold::index_text;
use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, params};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Registers `tovana_index_text(text)` and `tovana_indexing()` on a
/// connection; the index's triggers use them. The flag returned is the
/// connection's `tovana_indexing()`: while it is false the quote trigger
/// leaves the index alone, for a caller that indexes a whole document's
/// quotes itself (`index_quotes`).
pub fn register_functions(conn: &Connection) -> rusqlite::Result<Arc<AtomicBool>> {
    conn.create_scalar_function(
        "tovana_index_text",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let text: Option<String> = ctx.get(0)?;
            Ok(text.map(|t| index_text(&t)))
        },
    )?;
    // An index body written before migration 21, parted into words.
    conn.create_scalar_function(
        "tovana_words",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let text: Option<String> = ctx.get(0)?;
            Ok(text.map(|t| crate::text::fold::words(&t)))
        },
    )?;
    // A GUID for a row written without one (the triggers of migration 19).
    conn.create_scalar_function("tovana_new_guid", 0, FunctionFlags::SQLITE_UTF8, |_| {
        Ok(crate::domain::new_guid())
    })?;
    let flag = Arc::new(AtomicBool::new(true));
    let read = Arc::clone(&flag);
    conn.create_scalar_function(
        "tovana_indexing",
        0,
        FunctionFlags::SQLITE_UTF8,
        move |_| Ok(read.load(Ordering::Relaxed)),
    )?;
    Ok(flag)
}

/// Puts a document's quotes in the index, and their texts in `quote_text`,
/// in one pass over its text. The
/// quote trigger would take each quote's text with `substr`, which walks the
/// text from its start every time: a transcript of 20,000 turns took 8 s
/// that way, and 40,000 turns 40 s, with the store locked throughout.
/// `quotes` are (id, start, end) in characters.
pub(crate) fn index_quotes(
    tx: &rusqlite::Transaction,
    text: &str,
    quotes: &[(Id, u32, u32)],
) -> rusqlite::Result<()> {
    write_indexed(tx, &indexed(text, quotes))
}

/// A quote ready for the index: its id, its text as stored, and the text
/// the index holds for it.
pub(crate) type Indexed<'t> = (Id, &'t str, String);

/// What [`index_quotes`] writes, worked out without the store, so that a
/// caller may do it on another thread while the store takes other rows.
pub(crate) fn indexed<'t>(text: &'t str, quotes: &[(Id, u32, u32)]) -> Vec<Indexed<'t>> {
    // Every offset named, turned from characters into bytes in one walk.
    let mut wanted: Vec<u32> = quotes.iter().flat_map(|&(_, s, e)| [s, e]).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut bytes = Vec::with_capacity(wanted.len());
    let mut chars = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    let mut at = 0u32;
    let mut byte = chars.next().unwrap_or(0);
    for &w in &wanted {
        while at < w {
            byte = chars.next().unwrap_or(text.len());
            at += 1;
        }
        bytes.push(byte);
    }
    let byte_of = |c: u32| bytes[wanted.binary_search(&c).unwrap_or(0)];
    quotes
        .iter()
        .map(|&(id, s, e)| {
            // Spans are checked before they are written; one that is not
            // (start after end) is indexed empty rather than panicking.
            let quoted = text.get(byte_of(s)..byte_of(e)).unwrap_or_default();
            (id, quoted, index_text(quoted))
        })
        .collect()
}

/// Writes quotes made ready by [`indexed`] to the index and `quote_text`.
pub(crate) fn write_indexed(
    tx: &rusqlite::Transaction,
    quotes: &[Indexed],
) -> rusqlite::Result<()> {
    let mut add = tx.prepare_cached("INSERT INTO search_index (rowid, body) VALUES (?1, ?2)")?;
    let mut keep =
        tx.prepare_cached("INSERT OR REPLACE INTO quote_text (quote, text) VALUES (?1, ?2)")?;
    for (id, quoted, body) in quotes {
        add.execute(params![id * 8 + HitKind::Quote.tag(), body])?;
        keep.execute(params![id, quoted])?;
    }
    Ok(())
}

/// What the index knows of a kind of hit.
trait Kind {
    fn tag(self) -> i64;
    fn text_sql(self) -> &'static str;
}

impl Kind for HitKind {
    /// The kind's number in the index's rowid (`id * 8 + kind`); -1 for
    /// respondents, who have an index of their own (`respondent_index`,
    /// by id), and match no rowid of this one.
    fn tag(self) -> i64 {
        match self {
            HitKind::Respondent => -1,
            HitKind::Finding => 1,
            HitKind::Recommendation => 2,
            HitKind::Quote => 3,
            HitKind::Question => 4,
            HitKind::Session => 5,
            HitKind::Code => 6,
            HitKind::Document => 7,
            HitKind::Passage => 0,
        }
    }

    /// The item's text as stored (not folded), for showing a hit.
    fn text_sql(self) -> &'static str {
        match self {
            HitKind::Finding => "SELECT statement FROM finding WHERE id = ?1",
            HitKind::Recommendation => {
                "SELECT text || COALESCE(' — ' || (SELECT group_concat(note, ' · ') FROM fate
                     WHERE recommendation = r.id AND note <> ''), '')
                 FROM recommendation r WHERE id = ?1"
            }
            HitKind::Code => {
                "SELECT name || CASE WHEN description <> '' THEN ' — ' || description ELSE '' END
                 FROM code WHERE id = ?1"
            }
            HitKind::Quote => "SELECT text FROM quote_text WHERE quote = ?1",
            HitKind::Document => "SELECT title FROM document WHERE id = ?1",
            HitKind::Passage => "SELECT text FROM passage WHERE id = ?1",
            HitKind::Question => "SELECT wording FROM question WHERE id = ?1",
            HitKind::Session => "SELECT subject || ' ' || place FROM session WHERE id = ?1",
            HitKind::Respondent => {
                "SELECT r.key || ' · ' || i.title || COALESCE(' — ' || (
                     SELECT group_concat(name || ': ' || value, ' · ') FROM respondent_attribute
                     WHERE respondent = r.id), '')
                 FROM respondent r JOIN instrument i ON i.id = r.instrument WHERE r.id = ?1"
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: HitKind,
    pub id: Id,
    /// The item's text as stored.
    pub text: String,
}

/// Turns what a person typed into an FTS5 query: every word must appear, as
/// a prefix of an indexed word (which takes in the word with prefixes glued
/// on); FTS5's own syntax characters are taken as plain separators.
pub fn fts_query(input: &str) -> Option<String> {
    // The words as the index holds them: nothing but letters, digits and
    // single spaces is left, so nothing in them is FTS5 syntax.
    let typed = crate::text::fold::words(input);
    let words: Vec<String> = typed
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let forms: Vec<String> = crate::text::fold::query_forms(w)
                .into_iter()
                .map(|f| format!("\"{f}\"*"))
                .collect();
            if forms.len() == 1 {
                forms.concat()
            } else {
                format!("({})", forms.join(" OR "))
            }
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" AND "))
}

impl Store {
    /// Items of one kind whose text holds every word of `input`, best first,
    /// at most `limit`.
    pub fn search_kind(&self, input: &str, kind: HitKind, limit: usize) -> super::Result<Vec<Hit>> {
        let Some(query) = fts_query(input) else {
            return Ok(vec![]);
        };
        if kind == HitKind::Respondent {
            return self.respondent_hits(&query, limit);
        }
        let ids: Vec<i64> = self.rows(
            "SELECT rowid FROM search_index WHERE search_index MATCH ?1 AND rowid % 8 = ?2
                 ORDER BY rank LIMIT ?3",
            params![query, kind.tag(), limit as i64],
            |r| r.get(0),
        )?;
        self.hits(kind, ids.into_iter().map(|rowid| rowid / 8))
    }

    /// Each item's text as stored, for a hit.
    fn hits(&self, kind: HitKind, ids: impl Iterator<Item = Id>) -> super::Result<Vec<Hit>> {
        let mut text = self
            .conn()
            .prepare_cached(kind.text_sql())
            .map_err(|e| self.sqlite(e))?;
        let mut hits = vec![];
        for id in ids {
            let t: String = text
                .query_row([id], |r| r.get(0))
                .map_err(|e| self.sqlite(e))?;
            hits.push(Hit { kind, id, text: t });
        }
        Ok(hits)
    }

    /// Respondents matching an FTS5 `query`, best first, at most `limit`.
    fn respondent_hits(&self, query: &str, limit: usize) -> super::Result<Vec<Hit>> {
        let ids: Vec<Id> = self.rows(
            "SELECT rowid FROM respondent_index WHERE respondent_index MATCH ?1
                 ORDER BY rank LIMIT ?2",
            params![query, limit as i64],
            |r| r.get(0),
        )?;
        self.hits(HitKind::Respondent, ids.into_iter())
    }

    /// Hits of every kind, grouped by kind in the order of [`HitKind::ALL`],
    /// best first within a kind, at most `per_kind` of each. One pass over
    /// the index serves every kind.
    pub fn search(&self, input: &str, per_kind: usize) -> super::Result<Vec<Hit>> {
        self.search_first(input, per_kind).map(|(hits, _)| hits)
    }

    /// As [`Store::search`], over the first [`RANKED`] matches in the
    /// index's order, ranked among themselves; true beside the hits when
    /// there were more (a query of a letter or two matches nearly
    /// everything, and ranking every match took 300 ms on 200,000 quotes).
    pub fn search_first(&self, input: &str, per_kind: usize) -> super::Result<(Vec<Hit>, bool)> {
        let Some(query) = fts_query(input) else {
            return Ok((vec![], false));
        };
        let mut matches: Vec<(i64, f64)> = self.rows(
            "SELECT rowid, rank FROM search_index WHERE search_index MATCH ?1 LIMIT ?2",
            params![query, RANKED as i64 + 1],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let more = matches.len() > RANKED;
        matches.truncate(RANKED);
        // bm25: the lower, the better.
        matches.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        let mut hits = vec![];
        for kind in HitKind::ALL {
            if kind == HitKind::Respondent {
                hits.extend(self.respondent_hits(&query, per_kind)?);
                continue;
            }
            let ids = matches
                .iter()
                .filter(|(r, _)| *r % 8 == kind.tag())
                .take(per_kind)
                .map(|(r, _)| r / 8);
            hits.extend(self.hits(kind, ids)?);
        }
        Ok((hits, more))
    }
}

/// Sets the quote trigger aside for as long as it lives, and back however
/// the scope ends.
pub(crate) struct Aside<'a>(&'a std::sync::atomic::AtomicBool);

impl<'a> Aside<'a> {
    pub(crate) fn new(flag: &'a std::sync::atomic::AtomicBool) -> Self {
        flag.store(false, std::sync::atomic::Ordering::Relaxed);
        Aside(flag)
    }
}

impl Drop for Aside<'_> {
    fn drop(&mut self) {
        self.0.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Matches ranked for one query, at most.
pub const RANKED: usize = 2_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_words_become_prefix_terms_and_syntax_is_neutralised() {
        assert_eq!(
            fts_query("Agile BI").as_deref(),
            Some("\"agile\"* AND \"bi\"*")
        );
        assert_eq!(
            fts_query("a\"b OR (c").as_deref(),
            Some("\"a\"* AND \"b\"* AND \"or\"* AND \"c\"*")
        );
        assert_eq!(fts_query("  \"* "), None);
        assert_eq!(fts_query("שָׁלוֹם").as_deref(), Some("\"שלום\"*"));
        assert_eq!(
            fts_query("והסיור").as_deref(),
            Some("(\"והסיור\"* OR \"הסיור\"* OR \"סיור\"*)")
        );
    }
}
