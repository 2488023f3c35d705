//! Text for the terminal. Pure: no ratatui, no store.
//!
//! The right-to-left pipeline (ARCHITECTURE.md): sanitise what comes from
//! the data; resolve each paragraph's direction and embedding levels; wrap in
//! logical order by display width; reorder each line to visual order,
//! reversing right-to-left runs by grapheme cluster and mirroring paired
//! punctuation; align right-to-left paragraphs to the right. Styles are
//! applied afterwards from logical positions, so they survive reordering.

mod bidi;
mod cache;
mod layout;
mod wrap;

pub use bidi::{Direction, first_strong, mirror};
pub use cache::LayoutCache;
pub use layout::{Cluster, Layout, Line, Order, layout, truncated};

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Makes text from the data safe to hand to the terminal: C0 and C1 control
/// characters (ESC included) and DEL become U+FFFD, tabs become a space, and
/// explicit bidi embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069) are dropped so that data cannot reorder the screen. Line
/// breaks become spaces: callers split paragraphs before sanitising.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(' '),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {}
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Columns the text takes in a terminal.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` columns, ending in `…` when it had to cut; cuts
/// between grapheme clusters, so a letter keeps its points and marks.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = width(g);
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_escape_characters_never_pass() {
        let s = sanitize("a\u{1b}[2Jb\u{7}c\u{9b}d\u{7f}");
        assert!(!s.chars().any(|c| c.is_control()), "{s:?}");
        assert_eq!(s, "a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}d\u{FFFD}");
    }

    #[test]
    fn bidi_controls_are_dropped_and_tabs_become_spaces() {
        assert_eq!(sanitize("\u{202E}שלום\u{202C}\tעולם\u{2067}"), "שלום עולם");
    }

    #[test]
    fn width_counts_marks_as_zero_and_wide_as_two() {
        assert_eq!(width("שָׁלוֹם"), 4);
        assert_eq!(width("表"), 2);
    }

    #[test]
    fn truncate_keeps_points_on_their_letter_and_fits() {
        assert_eq!(truncate("שָׁלוֹם עולם", 20), "שָׁלוֹם עולם");
        let t = truncate("שָׁלוֹם עולם", 3);
        assert_eq!(t, "שָׁל…");
        assert!(width(&t) <= 3);
        assert_eq!(truncate("abc", 0), "");
    }
}
