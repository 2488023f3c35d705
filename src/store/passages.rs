//! A document's text outside its quotes, searched as passages: a
//! preface, a moderator's notes, a long text nobody has coded yet. A
//! passage is a run of text outside every quote, within one line, cut at
//! white space into pieces of at most [`LONGEST`] characters, so that a
//! hit shows and opens where its words are. A turn's speaker label is not
//! a passage: the turn's quote carries it as its role.
//!
//! Passages are worked out from the quotes a document is written with (an
//! import, a transcript, a store brought up to this schema). A quote made
//! later over a passage leaves the passage as it was: its words are then
//! found twice (as the quote and as the passage), never lost.

use crate::domain::Id;
use rusqlite::{Transaction, params};

/// The longest passage, in characters.
pub const LONGEST: usize = 400;

/// A passage: its span in the document's text, in characters, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage<'t> {
    pub start: u32,
    pub end: u32,
    pub text: &'t str,
}

/// The passages of `text`, whose quotes are `quotes` (start, end and role,
/// in characters, in any order). One walk of the text.
pub fn passages<'t>(text: &'t str, quotes: &[(u32, u32, &str)]) -> Vec<Passage<'t>> {
    let mut spans: Vec<(u32, u32, &str)> = quotes.to_vec();
    spans.sort_unstable_by_key(|&(s, e, _)| (s, e));
    let mut out = vec![];
    let mut next = 0; // the first quote not yet begun
    let mut covered_until = 0u32;
    // The piece being read: its first character and byte.
    let mut piece: Option<(u32, usize)> = None;
    for (c, (b, ch)) in text.char_indices().chain([(text.len(), '\n')]).enumerate() {
        let c = c as u32;
        let mut role = None;
        while next < spans.len() && spans[next].0 <= c {
            covered_until = covered_until.max(spans[next].1);
            role = Some(spans[next].2);
            next += 1;
        }
        let covered = c < covered_until;
        if covered || ch == '\n' {
            if let Some((start, from)) = piece.take() {
                let text = &text[from..b];
                // Just before a quote of a role: that turn's label?
                if !role.is_some_and(|r| covered && is_label(text, r)) {
                    cut(text, start, &mut out);
                }
            }
        } else if piece.is_none() {
            piece = Some((c, b));
        }
    }
    out
}

/// Whether `piece`, the text just before a quote of `role`, is that turn's
/// speaker label.
fn is_label(piece: &str, role: &str) -> bool {
    let piece = piece.trim();
    !role.is_empty()
        && piece
            .strip_suffix(':')
            .is_some_and(|name| name.trim() == role.trim())
}

/// Adds `piece` (starting at character `start`) as passages of at most
/// [`LONGEST`] characters, cut at white space where there is some, its
/// white space at either end left out; a piece with no letter or digit is
/// left out.
fn cut<'t>(piece: &'t str, start: u32, out: &mut Vec<Passage<'t>>) {
    let mut rest = piece;
    let mut at = start;
    while !rest.is_empty() {
        let lead = rest.chars().take_while(|c| c.is_whitespace()).count();
        let (_, body) = split_chars(rest, lead);
        at += lead as u32;
        if body.is_empty() {
            return;
        }
        // Counted no further than the limit: a line may be megabytes long.
        let take = if body.chars().nth(LONGEST).is_none() {
            body.chars().count()
        } else {
            // The last white space within the limit, or the limit itself.
            let head: Vec<char> = body.chars().take(LONGEST + 1).collect();
            head.iter()
                .rposition(|c| c.is_whitespace())
                .filter(|&i| i > 0)
                .unwrap_or(LONGEST)
        };
        let (this, after) = split_chars(body, take);
        let trimmed = this.trim_end();
        if trimmed.chars().any(char::is_alphanumeric) {
            out.push(Passage {
                start: at,
                end: at + trimmed.chars().count() as u32,
                text: trimmed,
            });
        }
        at += take as u32;
        rest = after;
    }
}

/// `s` split after its first `n` characters.
fn split_chars(s: &str, n: usize) -> (&str, &str) {
    let b = s.char_indices().nth(n).map_or(s.len(), |(b, _)| b);
    s.split_at(b)
}

/// Writes documents' passages, and their index rows, the trigger set
/// aside by the caller (the index text is worked out beforehand, perhaps on
/// another thread: [`indexed`]).
///
/// Every passage row goes in before any index row. A row of `passage` has
/// a trigger and a reference, so SQLite opens a savepoint for it, and FTS5
/// writes out the new terms it holds at every savepoint: passages and their
/// index rows in turn wrote the index in 14,000 pieces of one passage each
/// (9 s of an import of 200,000 quotes, against 1.4 s this way).
pub(crate) fn write(
    tx: &Transaction,
    documents: &[(Id, Vec<(Passage, String)>)],
) -> rusqlite::Result<()> {
    // Ids above every quote's and passage's, so that the index's rows
    // (`id * 8`) come after the quotes' (`id * 8 + 3`) rather than between
    // them, where each would rewrite a page in the middle of the index's
    // content.
    let first = last_id(tx)? + 1;
    let mut add = tx.prepare_cached(
        "INSERT INTO passage (id, document, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let all = documents
        .iter()
        .flat_map(|(document, ps)| ps.iter().map(move |(p, body)| (*document, p, body)));
    for (id, (document, p, _)) in (first..).zip(all.clone()) {
        add.execute(params![id, document, p.start, p.end, p.text])?;
    }
    let mut index = tx.prepare_cached("INSERT INTO search_index (rowid, body) VALUES (?1, ?2)")?;
    for (id, (_, _, body)) in (first..).zip(all) {
        index.execute(params![id * 8, body])?;
    }
    Ok(())
}

/// The id the next passage follows: the last of any quote or passage.
fn last_id(tx: &Transaction) -> rusqlite::Result<Id> {
    tx.query_row(
        "SELECT max(coalesce((SELECT max(id) FROM quote), 0),
                    coalesce((SELECT max(id) FROM passage), 0))",
        [],
        |r| r.get(0),
    )
}

/// A document's passages with the text the index holds for each.
pub(crate) fn indexed<'t>(
    text: &'t str,
    quotes: &[(u32, u32, &str)],
) -> Vec<(Passage<'t>, String)> {
    passages(text, quotes)
        .into_iter()
        .map(|p| {
            let body = crate::text::fold::index_text(p.text);
            (p, body)
        })
        .collect()
}

/// Every document's passages, for a store brought up to the schema that
/// has them (run inside that migration's transaction), numbered as
/// [`write`] numbers them. They are gathered in a table of their own, a
/// document's text at a time, and go into `passage` in one statement, whose
/// trigger indexes them: a statement per passage would have FTS5 write its
/// new terms out at each (see [`write`]; bringing the 200,000-quote store
/// up took 12.7 s that way, 4.3 s this way).
pub(crate) fn fill_all(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TEMP TABLE new_passage (id INTEGER PRIMARY KEY, document, start, end, text)",
    )?;
    let ids: Vec<Id> = {
        let mut s = tx.prepare("SELECT id FROM document ORDER BY id")?;
        s.query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    let mut text = tx.prepare("SELECT text FROM document WHERE id = ?1")?;
    let mut quotes = tx.prepare("SELECT start, end, role FROM quote WHERE document = ?1")?;
    let mut add = tx.prepare(
        "INSERT INTO temp.new_passage (id, document, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut next = last_id(tx)?;
    for id in ids {
        let body: String = text.query_row([id], |r| r.get(0))?;
        let spans: Vec<(u32, u32, String)> = quotes
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let spans: Vec<(u32, u32, &str)> =
            spans.iter().map(|(s, e, r)| (*s, *e, r.as_str())).collect();
        for p in passages(&body, &spans) {
            next += 1;
            add.execute(params![next, id, p.start, p.end, p.text])?;
        }
    }
    tx.execute_batch(
        "INSERT INTO passage (id, document, start, end, text)
             SELECT id, document, start, end, text FROM temp.new_passage ORDER BY id;
         DROP TABLE temp.new_passage;",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'t>(ps: &[Passage<'t>]) -> Vec<&'t str> {
        ps.iter().map(|p| p.text).collect()
    }

    #[test]
    fn text_outside_quotes_is_cut_by_lines_and_labels_are_left_out() {
        let text = "פתיח של המנחה\n\nמנחה: שלום לכולם\n\nדנה: תודה רבה\nהערה בסוף";
        let quote = |s: &str, role| {
            let at = text.find(s).unwrap();
            let start = text[..at].chars().count() as u32;
            (start, start + s.chars().count() as u32, role)
        };
        let quotes = [quote("שלום לכולם", "מנחה"), quote("תודה רבה", "דנה")];
        let ps = passages(text, &quotes);
        assert_eq!(texts(&ps), ["פתיח של המנחה", "הערה בסוף"]);
        // Each passage's span holds its text.
        for p in &ps {
            let span: String = text
                .chars()
                .skip(p.start as usize)
                .take((p.end - p.start) as usize)
                .collect();
            assert_eq!(span, p.text);
        }
    }

    #[test]
    fn a_label_that_is_not_the_turns_role_is_text() {
        let text = "הערה: שלום";
        let ps = passages(text, &[(6, 10, "דנה")]);
        assert_eq!(texts(&ps), ["הערה:"]);
        assert!(passages("שלום", &[(0, 4, "")]).is_empty(), "all quoted");
        assert!(passages(" \n - \n", &[]).is_empty(), "no words");
    }

    #[test]
    fn a_long_line_is_cut_at_white_space_and_overlapping_quotes_are_one_cover() {
        let line = "מילה ".repeat(300); // 1,500 characters
        let ps = passages(&line, &[(100, 200, ""), (150, 250, "")]);
        assert!(ps.iter().all(|p| p.text.chars().count() <= LONGEST));
        assert!(ps.iter().all(|p| p.end <= 100 || p.start >= 250), "{ps:?}");
        assert!(
            ps.iter()
                .all(|p| !p.text.starts_with(' ') && !p.text.ends_with(' '))
        );
        let covered: u32 = ps.iter().map(|p| p.end - p.start).sum();
        assert!(
            covered > 1_100,
            "nearly all of the 1,350 free characters: {covered}"
        );
        // A line of one long word is cut at the limit.
        let word = "א".repeat(1_000);
        let ps = passages(&word, &[]);
        assert_eq!(ps.len(), 3);
        assert_eq!((ps[1].start, ps[1].end), (400, 800));
    }
}
