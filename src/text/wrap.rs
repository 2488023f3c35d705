//! Sanitising a paragraph, cutting it into grapheme clusters, and breaking it
//! into lines by display width, all in logical order.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// A paragraph made safe for the terminal, with a map back to the positions
/// of the text it came from.
pub struct Cleaned {
    pub text: String,
    /// For each character of `text`, its code-point index in the whole text.
    pub logical: Vec<usize>,
    /// Characters in the raw paragraph.
    pub chars: usize,
}

/// Explicit embeddings and overrides: data may not use them to force the
/// screen's order. (Isolates are kept: they only say where a piece of text
/// stands apart, which UAX #9 honours.)
pub fn is_explicit_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}')
}

/// Direction marks and isolates: they steer the algorithm and are never
/// drawn.
pub fn is_direction_mark(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2066}'..='\u{2069}'
    )
}

impl Cleaned {
    /// `offset` is the code-point index of the paragraph's first character in
    /// the whole text.
    pub fn new(raw: &str, offset: usize) -> Cleaned {
        let mut text = String::with_capacity(raw.len());
        let mut logical = Vec::with_capacity(raw.len());
        let mut chars = 0;
        for (i, c) in raw.chars().enumerate() {
            chars += 1;
            let out = match c {
                // A tab, and the line and paragraph separators (which
                // terminals show as they please), are spaces here.
                '\t' | '\u{2028}' | '\u{2029}' => ' ',
                '\r' => continue,
                c if is_explicit_bidi(c) => continue,
                c if c.is_control() => '\u{FFFD}',
                c => c,
            };
            text.push(out);
            logical.push(offset + i);
        }
        Cleaned {
            text,
            logical,
            chars,
        }
    }
}

/// A grapheme cluster of a cleaned paragraph.
#[derive(Debug, Clone)]
pub struct Grapheme {
    /// Byte range in the cleaned text.
    pub bytes: Range<usize>,
    /// Code-point index of its first character in the whole text.
    pub logical: usize,
    /// Columns: marks take none, wide characters two.
    pub width: usize,
    pub space: bool,
}

pub fn graphemes(clean: &Cleaned) -> Vec<Grapheme> {
    let mut out = Vec::with_capacity(clean.text.len());
    let mut char_index = 0;
    for (start, g) in clean.text.grapheme_indices(true) {
        out.push(Grapheme {
            bytes: start..start + g.len(),
            logical: clean.logical[char_index],
            width: if g.chars().all(is_direction_mark) {
                0
            } else {
                g.width()
            },
            space: g.chars().all(char::is_whitespace),
        });
        char_index += g.chars().count();
    }
    out
}

/// Breaks a paragraph into lines of at most `width` columns: at spaces where
/// it can, inside a word longer than the width where it must. Returns ranges
/// of `graphemes`; spaces at a break end the line before it. An empty
/// paragraph is one empty line.
pub fn break_lines(graphemes: &[Grapheme], width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = vec![];
    let mut start = 0;
    // Width of graphemes[start..i], spaces included.
    let mut used = 0;
    // Where the next line may start: just after a run of spaces.
    let mut allowed: Option<usize> = None;
    let mut i = 0;
    while i < graphemes.len() {
        let g = &graphemes[i];
        if g.space {
            used += g.width;
            i += 1;
            if graphemes.get(i).is_none_or(|next| !next.space) {
                allowed = Some(i);
            }
            continue;
        }
        if used + g.width > width && used > 0 {
            let at = match allowed {
                Some(b) if b > start => b,
                // A word longer than the line: break inside it.
                _ => i,
            };
            lines.push(start..at);
            start = at;
            allowed = None;
            used = graphemes[start..i].iter().map(|g| g.width).sum();
            // A word that still does not fit after the break is cut again.
            continue;
        }
        used += g.width;
        i += 1;
    }
    lines.push(start..graphemes.len());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<String> {
        let clean = Cleaned::new(text, 0);
        let gs = graphemes(&clean);
        break_lines(&gs, width)
            .into_iter()
            .map(|r| {
                let bytes = gs.get(r.start).map(|g| g.bytes.start).unwrap_or(0)
                    ..gs.get(r.end.wrapping_sub(1))
                        .map(|g| g.bytes.end)
                        .unwrap_or(0);
                clean.text[bytes].to_string()
            })
            .collect()
    }

    #[test]
    fn breaks_at_spaces_and_keeps_them_with_the_line_before() {
        assert_eq!(lines("aaa bbb ccc", 7), vec!["aaa bbb ", "ccc"]);
        assert_eq!(lines("aaa bbb ccc", 100), vec!["aaa bbb ccc"]);
        assert_eq!(lines("", 10), vec![""]);
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut() {
        assert_eq!(lines("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(lines("ab abcdefgh", 4), vec!["ab ", "abcd", "efgh"]);
    }

    #[test]
    fn marks_take_no_width_and_stay_on_their_letter() {
        // Four letters with points: four columns.
        assert_eq!(lines("שָׁלוֹם שָׁלוֹם", 4), vec!["שָׁלוֹם ", "שָׁלוֹם"]);
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(lines("表表表", 4), vec!["表表", "表"]);
    }

    #[test]
    fn cleaning_keeps_the_map_to_original_positions() {
        let c = Cleaned::new("a\u{202E}b\tc\u{1b}", 10);
        assert_eq!(c.text, "ab c\u{FFFD}");
        assert_eq!(c.logical, vec![10, 12, 13, 14, 15]);
        assert_eq!(c.chars, 6);
    }
}
