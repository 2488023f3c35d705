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
pub mod marks;
pub mod parts;
mod wrap;

pub use bidi::{Direction, first_strong, mirror};
pub use cache::LayoutCache;
pub use layout::{Cluster, Layout, Line, Order, layout, truncated};

use unicode_width::UnicodeWidthStr;

/// Makes text from the data safe to hand to the terminal, by the same rules
/// the layout uses: C0 and C1 control characters (ESC included) and DEL
/// become U+FFFD, a tab and the line and paragraph separators (U+2028,
/// U+2029) become spaces, a carriage return goes, and explicit
/// bidi embeddings and overrides (U+202A–U+202E) are dropped so that data
/// cannot force the screen's order. Isolates (U+2066–U+2069) stay: the
/// layout honours them and never draws them. Line breaks become spaces.
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
    fn embeddings_and_overrides_are_dropped_isolates_kept_tabs_become_spaces() {
        assert_eq!(
            sanitize("\u{202E}שלום\u{202C}\tעולם\u{2067}"),
            "שלום עולם\u{2067}"
        );
    }

    #[test]
    fn an_isolate_in_the_data_is_honoured_and_never_drawn() {
        // "see RLI שלום 5 PDI here": the isolated Hebrew keeps its number inside
        // it, and the English around it reads on.
        let l = layout("see \u{2067}שלום 5\u{2069} here", 40, None, Order::Visual);
        let shown = &l.lines[0].text;
        assert!(!shown.contains(['\u{2067}', '\u{2069}']), "{shown:?}");
        assert_eq!(shown, "see 5 םולש here");
        // P2 skips what is isolated when choosing a paragraph's direction:
        // the first strong letter outside the isolate is Hebrew.
        let l = layout("\u{2068}abc\u{2069} שלום", 20, None, Order::Visual);
        assert_eq!(l.lines[0].text, "םולש abc");
        assert!(
            l.lines[0].indent > 0,
            "right-aligned, as a Hebrew paragraph"
        );
    }

    #[test]
    fn width_counts_marks_as_zero_and_wide_as_two() {
        assert_eq!(width("שָׁלוֹם"), 4);
        assert_eq!(width("表"), 2);
        assert_eq!(
            width("\u{2067}א\u{2069}\u{200F}"),
            1,
            "isolates and marks take no column"
        );
    }
}
