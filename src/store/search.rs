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
use crate::domain::Id;
use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, params};

/// Removes Hebrew points and cantillation marks (combining marks of the
/// Hebrew block), keeping letters and Hebrew punctuation (maqaf, geresh,
/// gershayim, sof pasuq).
pub fn fold(text: &str) -> String {
    text.chars().filter(|c| !is_hebrew_mark(*c)).collect()
}

fn is_hebrew_mark(c: char) -> bool {
    matches!(c,
        '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}'..='\u{05C2}' | '\u{05C4}'..='\u{05C5}' | '\u{05C7}')
}

/// The text the index holds for `text`: folded, then, for every Hebrew word
/// that starts with prefix letters, the word without them (as long as two
/// letters or more remain).
pub fn index_text(text: &str) -> String {
    let folded = fold(text);
    let mut extra = String::new();
    for word in folded.split(|c: char| !(is_hebrew_letter(c) || c == '״' || c == '׳')) {
        for stripped in unprefixed(word) {
            extra.push(' ');
            extra.push_str(stripped);
        }
    }
    if extra.is_empty() {
        folded
    } else {
        format!("{folded}\n{extra}")
    }
}

/// A word without each run of prefix letters it may start with: one letter
/// of ה ו ב ל מ ש כ, two of them, or three when the first is ו or ש.
fn unprefixed(word: &str) -> Vec<&str> {
    let letters: Vec<(usize, char)> = word.char_indices().collect();
    let mut out = vec![];
    for k in 1..=3 {
        if letters.len() < k + 2 || !letters[..k].iter().all(|(_, c)| PREFIXES.contains(c)) {
            break;
        }
        if k == 3 && !matches!(letters[0].1, 'ו' | 'ש') {
            break;
        }
        out.push(&word[letters[k].0..]);
    }
    out
}

/// Registers `tovana_index_text(text)` on a connection; the index's
/// triggers use it.
pub fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        "tovana_index_text",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let text: Option<String> = ctx.get(0)?;
            Ok(text.map(|t| index_text(&t)))
        },
    )
}

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
    pub const ALL: [HitKind; 5] = [
        HitKind::Finding,
        HitKind::Recommendation,
        HitKind::Quote,
        HitKind::Question,
        HitKind::Session,
    ];

    /// The kind's number in the index's rowid (`id * 8 + kind`).
    fn tag(self) -> i64 {
        match self {
            HitKind::Finding => 1,
            HitKind::Recommendation => 2,
            HitKind::Quote => 3,
            HitKind::Question => 4,
            HitKind::Session => 5,
        }
    }

    /// The item's text as stored (not folded), for showing a hit.
    fn text_sql(self) -> &'static str {
        match self {
            HitKind::Finding => "SELECT statement FROM finding WHERE id = ?1",
            HitKind::Recommendation => {
                "SELECT text || CASE WHEN uptake_note <> '' THEN ' — ' || uptake_note ELSE '' END
                 FROM recommendation WHERE id = ?1"
            }
            HitKind::Quote => {
                "SELECT substr(d.text, q.start + 1, q.end - q.start) FROM quote q
                 JOIN document d ON d.id = q.document WHERE q.id = ?1"
            }
            HitKind::Question => "SELECT wording FROM question WHERE id = ?1",
            HitKind::Session => "SELECT subject || ' ' || place FROM session WHERE id = ?1",
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

const PREFIXES: [char; 7] = ['ה', 'ו', 'ב', 'ל', 'מ', 'ש', 'כ'];

fn is_hebrew_letter(c: char) -> bool {
    ('\u{05D0}'..='\u{05EA}').contains(&c)
}

/// Turns what a person typed into an FTS5 query: every word must appear, as
/// a prefix of an indexed word (which takes in the word with prefixes glued
/// on); FTS5's own syntax characters are taken as plain separators.
pub fn fts_query(input: &str) -> Option<String> {
    let folded = fold(input);
    let words: Vec<String> = folded
        .split(|c: char| c.is_whitespace() || "\"*^():+-{}.,;!?׳״'".contains(c))
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
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
        let conn = self.conn();
        let ids: Vec<i64> = (|| {
            let mut stmt = conn.prepare_cached(
                "SELECT rowid FROM search_index WHERE search_index MATCH ?1 AND rowid % 8 = ?2
                 ORDER BY rank LIMIT ?3",
            )?;
            let rows = stmt.query_map(params![query, kind.tag(), limit as i64], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<Vec<i64>>>()
        })()
        .map_err(|e| self.sqlite(e))?;
        let mut text = conn
            .prepare_cached(kind.text_sql())
            .map_err(|e| self.sqlite(e))?;
        let mut hits = Vec::with_capacity(ids.len());
        for rowid in ids {
            let id = rowid / 8;
            let t: String = text
                .query_row([id], |r| r.get(0))
                .map_err(|e| self.sqlite(e))?;
            hits.push(Hit { kind, id, text: t });
        }
        Ok(hits)
    }

    /// Hits of every kind, grouped by kind in the order of [`HitKind::ALL`],
    /// best first within a kind, at most `per_kind` of each. One pass over
    /// the index serves every kind.
    pub fn search(&self, input: &str, per_kind: usize) -> super::Result<Vec<Hit>> {
        let Some(query) = fts_query(input) else {
            return Ok(vec![]);
        };
        let conn = self.conn();
        let rowids: Vec<i64> = (|| {
            let mut stmt = conn.prepare_cached(
                "SELECT rowid FROM search_index WHERE search_index MATCH ?1 ORDER BY rank",
            )?;
            let rows = stmt.query_map([query], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<Vec<i64>>>()
        })()
        .map_err(|e| self.sqlite(e))?;
        let mut hits = vec![];
        for kind in HitKind::ALL {
            let ids = rowids
                .iter()
                .filter(|r| *r % 8 == kind.tag())
                .take(per_kind)
                .map(|r| r / 8);
            let mut text = conn
                .prepare_cached(kind.text_sql())
                .map_err(|e| self.sqlite(e))?;
            for id in ids {
                let t: String = text
                    .query_row([id], |r| r.get(0))
                    .map_err(|e| self.sqlite(e))?;
                hits.push(Hit { kind, id, text: t });
            }
        }
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_and_cantillation_fold_away_punctuation_stays() {
        assert_eq!(fold("שָׁלוֹם עוֹלָם"), "שלום עולם");
        assert_eq!(fold("בֵּית־סֵפֶר"), "בית־ספר");
        assert_eq!(fold("שת״פ ג׳"), "שת״פ ג׳");
    }

    #[test]
    fn a_hebrew_word_is_indexed_without_its_prefixes_too() {
        assert_eq!(
            unprefixed("והרשות"),
            vec!["הרשות", "רשות"],
            "ר is no prefix letter"
        );
        assert_eq!(unprefixed("ומהרשות"), vec!["מהרשות", "הרשות", "רשות"]);
        // A triple must begin with ו or ש.
        assert_eq!(unprefixed("בהלכה"), vec!["הלכה", "לכה"]);
        assert_eq!(unprefixed("רשות"), Vec::<&str>::new());
        assert_eq!(
            unprefixed("בו"),
            Vec::<&str>::new(),
            "two letters must remain"
        );
        let t = index_text("בָּרָשׁוּת Agile");
        assert!(t.starts_with("ברשות Agile"), "{t}");
        assert!(t.contains(" רשות"), "{t}");
        assert_eq!(index_text("Agile BI"), "Agile BI");
    }

    #[test]
    fn typed_words_become_prefix_terms_and_syntax_is_neutralised() {
        assert_eq!(
            fts_query("Agile BI").as_deref(),
            Some("\"Agile\"* AND \"BI\"*")
        );
        assert_eq!(
            fts_query("a\"b OR (c").as_deref(),
            Some("\"a\"* AND \"b\"* AND \"OR\"* AND \"c\"*")
        );
        assert_eq!(fts_query("  \"* "), None);
        assert_eq!(fts_query("שָׁלוֹם").as_deref(), Some("\"שלום\"*"));
    }
}
