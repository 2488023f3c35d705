//! A long text laid out a stretch at a time: what the reader needs for a
//! document of any length. The text is cut once, when it is opened, into
//! parts: each paragraph, and a paragraph longer than [`PART`] code points
//! (a whole document on one line, say) into pieces cut after a sentence or
//! a space. A window of parts around the cursor is laid out, each part on
//! its own and through the layout cache, so the cost of a key does not grow
//! with the document.
//!
//! A part of a cut paragraph keeps the paragraph's direction (from its first
//! strong character), and each part begins a line: where a paragraph was
//! cut, the line before the cut may end short. Positions stay those of the
//! whole text.

use super::bidi::{Direction, first_strong};
use super::cache::LayoutCache;
use super::layout::Layout;
use std::ops::Range;
use unicode_segmentation::GraphemeCursor;

/// The most code points in a part.
pub const PART: usize = 4096;

/// A stretch of the text laid out on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Code points of the whole text.
    pub chars: Range<usize>,
    /// Bytes of the whole text.
    pub bytes: Range<usize>,
    /// The direction of the paragraph it was cut from; `None` for a whole
    /// paragraph, which finds its own.
    pub direction: Option<Direction>,
}

/// A text's parts, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parts {
    pub parts: Vec<Part>,
}

impl Parts {
    pub fn new(text: &str) -> Parts {
        Parts::with_limit(text, PART)
    }

    /// Parts of at most `limit` code points (tests use small ones).
    pub fn with_limit(text: &str, limit: usize) -> Parts {
        let limit = limit.max(2);
        let mut parts = vec![];
        let (mut byte, mut char) = (0, 0);
        for p in text.split('\n') {
            let chars = cut(p, byte, char, limit, &mut parts);
            byte += p.len() + 1;
            char += chars + 1;
        }
        Parts { parts }
    }

    /// The part holding position `pos` (the last for the end).
    pub fn index_of(&self, pos: usize) -> usize {
        self.parts
            .partition_point(|p| p.chars.start <= pos)
            .saturating_sub(1)
    }

    /// The parts to lay out so that at least `lines` lines of `width`
    /// columns stand on either side of part `at`, where the text has them.
    /// A part is counted short: a line for every three widths of its code
    /// points (marks take no column), and one line at least.
    pub fn around(&self, at: usize, lines: usize, width: usize) -> Range<usize> {
        let at = at.min(self.parts.len().saturating_sub(1));
        let short = |p: &Part| (p.chars.len() / (3 * width.max(1))).max(1);
        let mut start = at;
        let mut before = 0;
        while start > 0 && before < lines {
            start -= 1;
            before += short(&self.parts[start]);
        }
        let mut end = (at + 1).min(self.parts.len());
        let mut after = 0;
        while end < self.parts.len() && after < lines {
            after += short(&self.parts[end]);
            end += 1;
        }
        start..end
    }

    /// The layout of parts `range` of `text`, in `width` columns: each
    /// part's lines from the cache, one after the other.
    pub fn layout(
        &self,
        text: &str,
        range: Range<usize>,
        cache: &LayoutCache,
        width: usize,
        order: super::Order,
    ) -> Layout {
        let mut lines = vec![];
        for p in &self.parts[range] {
            let laid = cache.get_part(
                &text[p.bytes.clone()],
                p.chars.start,
                width,
                p.direction,
                order,
            );
            lines.extend(laid.lines.iter().cloned());
        }
        Layout { lines }
    }
}

/// Cuts paragraph `p` (at `byte`, `char` of the whole text) into parts of
/// at most `limit` code points; returns its length in code points.
fn cut(p: &str, byte: usize, char: usize, limit: usize, out: &mut Vec<Part>) -> usize {
    let whole = |out: &mut Vec<Part>, chars: usize, direction| {
        out.push(Part {
            chars: char..char + chars,
            bytes: byte..byte + p.len(),
            direction,
        })
    };
    // Most paragraphs are short: no walk beyond counting.
    if p.len() <= limit {
        let n = p.chars().count();
        whole(out, n, None);
        return n;
    }
    let direction = Some(first_strong(p).unwrap_or(Direction::Ltr));
    let first = out.len();
    // The current part's start, and the places it may end: just after a
    // space, better after a space that follows a sentence's end (bytes and
    // code points within the paragraph).
    let mut start = (0usize, 0usize);
    let mut space: Option<(usize, usize)> = None;
    let mut sentence: Option<(usize, usize)> = None;
    let mut prev = ' ';
    let mut n = 0;
    for (b, c) in p.char_indices() {
        if n - start.1 >= limit {
            let end = sentence
                .filter(|s| s.1 > start.1 + limit / 2)
                .or(space)
                .filter(|s| s.1 > start.1)
                .unwrap_or_else(|| grapheme_boundary(p, b, n, start));
            out.push(Part {
                chars: char + start.1..char + end.1,
                bytes: byte + start.0..byte + end.0,
                direction,
            });
            start = end;
            space = None;
            sentence = None;
        }
        let after = (b + c.len_utf8(), n + 1);
        if c.is_whitespace() {
            space = Some(after);
            if matches!(prev, '.' | '?' | '!' | '׃' | '…') {
                sentence = Some(after);
            }
        }
        prev = c;
        n += 1;
    }
    out.push(Part {
        chars: char + start.1..char + n,
        bytes: byte + start.0..byte + p.len(),
        direction,
    });
    // One part after all (the limit counts code points, not bytes).
    if out.len() == first + 1 {
        out[first].direction = None;
    }
    n
}

/// The last grapheme boundary at or before byte `b` (code point `n`) and
/// after `start`: a hard cut never splits a letter from its marks.
fn grapheme_boundary(p: &str, b: usize, n: usize, start: (usize, usize)) -> (usize, usize) {
    let (mut at, mut count) = (b, n);
    while at > start.0 {
        if GraphemeCursor::new(at, p.len(), true)
            .is_boundary(p, 0)
            .unwrap_or(true)
        {
            return (at, count);
        }
        at = p[..at]
            .char_indices()
            .next_back()
            .map_or(start.0, |(i, _)| i);
        count -= 1;
    }
    // One grapheme longer than a part: cut where the limit falls.
    (b, n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Order, layout};

    fn texts<'a>(text: &'a str, parts: &Parts) -> Vec<&'a str> {
        parts.parts.iter().map(|p| &text[p.bytes.clone()]).collect()
    }

    #[test]
    fn short_paragraphs_are_parts_as_they_are() {
        let text = "שלום\n\nעולם יפה";
        let parts = Parts::new(text);
        assert_eq!(texts(text, &parts), vec!["שלום", "", "עולם יפה"]);
        assert_eq!(parts.parts[2].chars, 6..14);
        assert!(parts.parts.iter().all(|p| p.direction.is_none()));
        // Laid out whole, they read as the whole text does.
        let cache = LayoutCache::default();
        let all = parts.layout(text, 0..3, &cache, 20, Order::Visual);
        assert_eq!(all, layout(text, 20, None, Order::Visual));
    }

    #[test]
    fn a_long_paragraph_is_cut_after_a_sentence_and_keeps_its_direction() {
        let text = "abc. שלום לכם. עוד משפט ארוך מאוד כאן";
        let parts = Parts::with_limit(text, 20);
        let got = texts(text, &parts);
        assert_eq!(got.concat(), text, "nothing lost or doubled");
        assert_eq!(got[0], "abc. שלום לכם. ");
        assert!(got.iter().all(|p| p.chars().count() <= 20));
        // The paragraph starts with Latin: every part is left to right,
        // even one made of Hebrew only.
        assert!(
            parts
                .parts
                .iter()
                .all(|p| p.direction == Some(Direction::Ltr))
        );
        // Positions are the whole text's.
        let second = &parts.parts[1];
        assert_eq!(second.chars.start, got[0].chars().count());
        assert_eq!(parts.index_of(second.chars.start), 1);
        assert_eq!(parts.index_of(second.chars.start - 1), 0);
    }

    #[test]
    fn a_paragraph_without_spaces_is_cut_between_graphemes() {
        // A letter with two points is one grapheme of three code points.
        let text = "שָׁ".repeat(10);
        let parts = Parts::with_limit(&text, 4);
        for p in &parts.parts {
            let s = &text[p.bytes.clone()];
            assert!(s.starts_with('ש'), "a part begins with a mark: {s:?}");
            assert!(p.chars.len() <= 4);
        }
        assert_eq!(texts(&text, &parts).concat(), text);
    }

    #[test]
    fn the_window_reaches_as_far_as_asked_on_both_sides() {
        let text = (0..100)
            .map(|i| format!("line {i}"))
            .collect::<Vec<_>>()
            .join("\n");
        let parts = Parts::new(&text);
        // Short parts: a line each.
        assert_eq!(parts.around(50, 3, 80), 47..54);
        assert_eq!(parts.around(1, 3, 80), 0..5);
        assert_eq!(parts.around(99, 3, 80), 96..100);
        // Long parts count as many lines as three widths of them fill.
        let long = "word ".repeat(2_000);
        let parts = Parts::with_limit(&long, 600);
        assert!(parts.parts.len() > 10);
        // 600 code points at 20 columns: at least 10 lines a part.
        assert_eq!(parts.around(8, 25, 20), 5..12);
    }
}
