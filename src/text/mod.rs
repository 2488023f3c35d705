//! Text for the terminal, and Hebrew folding for matching it (`fold`).
//! Pure: no ratatui, no store.
//!
//! The right-to-left pipeline (ARCHITECTURE.md): sanitise what comes from
//! the data; resolve each paragraph's direction and embedding levels; wrap in
//! logical order by display width; reorder each line to visual order,
//! reversing right-to-left runs by grapheme cluster and mirroring paired
//! punctuation; align right-to-left paragraphs to the right. Styles are
//! applied afterwards from logical positions, so they survive reordering.

mod bidi;
mod cache;
pub mod cursor;
pub mod fold;
mod layout;
mod wrap;

pub use bidi::{Direction, first_strong, mirror};
pub use cache::LayoutCache;
pub use layout::{Cluster, Layout, Line, Order, layout, truncated};

use unicode_width::UnicodeWidthStr;

/// Makes text from the data safe to hand to the terminal, by the same rules
/// the layout uses: C0 and C1 control characters (ESC included) and DEL
/// become U+FFFD, a tab becomes a space, a carriage return goes, and explicit
/// bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are
/// dropped so that data cannot reorder the screen. Line breaks become spaces.
pub fn sanitize(s: &str) -> String {
    s.split('\n')
        .map(|p| wrap::Cleaned::new(p, 0).text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Like `sanitize`, but line breaks stay: paragraphs (a memo's, say) are
/// cleaned one by one, and blank lines at the ends go.
pub fn sanitize_paragraphs(s: &str) -> String {
    let paragraphs: Vec<String> = s
        .split('\n')
        .map(|p| wrap::Cleaned::new(p, 0).text.trim_end().to_string())
        .collect();
    paragraphs.join("\n").trim_matches('\n').to_string()
}

/// Columns the text takes in a terminal.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
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
    fn paragraphs_keep_their_breaks_and_lose_their_controls() {
        assert_eq!(
            sanitize_paragraphs("\nא\u{1b}ב  \r\n\nשלום\u{202E}\n\n"),
            "א\u{FFFD}ב\n\nשלום"
        );
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
}
