//! Where the command line's words go: standard output for what was done,
//! standard error for what went wrong, each in the interface's language.
//!
//! A Hebrew line written to a terminal is laid out right to left by tovana
//! when tovana does the bidi (`--bidi app`, the default), as the app's own
//! lines are: such terminals show cells as sent. Written to a pipe or a
//! file, or for a terminal that reorders by itself, the text stays in
//! logical order, as programs that read it expect.

use crate::lang::Lang;
use crate::text::{self, Direction, Order};
use crate::tui::BidiMode;
use std::io::{IsTerminal, Write};

/// The language and layout of what the command line writes.
#[derive(Debug, Clone, Copy)]
pub struct Out {
    pub lang: Lang,
    pub bidi: BidiMode,
}

impl Out {
    /// Writes `text` and a line break to standard output.
    pub fn say(&self, text: &str) {
        super::progress::end_shown();
        let stdout = std::io::stdout();
        let shaped = self.shaped(text, stdout.is_terminal().then(columns));
        let mut out = stdout.lock();
        // A closed pipe is not worth a panic; what was asked is done.
        let _ = writeln!(out, "{shaped}").and_then(|_| out.flush());
    }

    /// Writes `tovana: ` and the message to standard error.
    pub fn fail(&self, text: &str) {
        super::progress::end_shown();
        let stderr = std::io::stderr();
        let line = format!("tovana: {text}");
        let shaped = self.shaped(&line, stderr.is_terminal().then(columns));
        let _ = writeln!(stderr.lock(), "{shaped}");
    }

    /// `text` as it goes out: in visual order, each line right-aligned to
    /// `columns`, when the words are Hebrew, tovana does the bidi and the
    /// reader is a terminal `columns` wide (`None`: not a terminal).
    /// Control characters other than the line break are neutralised either
    /// way, since paths and names come from outside.
    pub fn shaped(&self, text: &str, columns: Option<usize>) -> String {
        let visual = self.lang.direction() == Direction::Rtl && self.bidi == BidiMode::App;
        match columns {
            Some(width) if visual => {
                let laid = text::layout(text, width.max(1), Some(Direction::Rtl), Order::Visual);
                let lines: Vec<String> = laid
                    .lines
                    .iter()
                    .map(|l| format!("{}{}", " ".repeat(l.indent), l.text))
                    .collect();
                lines.join("\n")
            }
            _ => text.chars().filter_map(neutral).collect(),
        }
    }
}

impl Out {
    /// A short piece for a progress bar, which is drawn only on a terminal:
    /// in visual order when the words are Hebrew and tovana does the bidi,
    /// neutralised either way.
    pub fn for_bar(&self, text: &str) -> String {
        self.shaped(text, Some(10_000)).trim_start().to_string()
    }
}

/// A character as it may go out in logical order: control characters
/// (escapes among them) become U+FFFD, embeddings and overrides go; line
/// breaks, tabs and isolates stay, since they carry the message's layout.
fn neutral(c: char) -> Option<char> {
    match c {
        '\n' | '\t' => Some(c),
        '\u{202A}'..='\u{202E}' => None,
        c if c.is_control() => Some('\u{FFFD}'),
        c => Some(c),
    }
}

/// The terminal's width, or 80 when it cannot be told.
fn columns() -> usize {
    ratatui::crossterm::terminal::size()
        .map(|(w, _)| w as usize)
        .ok()
        .filter(|w| *w > 0)
        .unwrap_or(80)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(lang: Lang, bidi: BidiMode) -> Out {
        Out { lang, bidi }
    }

    #[test]
    fn hebrew_for_a_terminal_is_laid_out_right_to_left_and_right_aligned() {
        let o = out(Lang::He, BidiMode::App);
        let shaped = o.shaped("נוצר מאגר 3", Some(20));
        // Visual order: the number at the left of the Hebrew, the line
        // pushed to the right edge of the 20 columns.
        assert_eq!(shaped, format!("{}3 רגאמ רצונ", " ".repeat(9)));
    }

    #[test]
    fn hebrew_for_a_pipe_or_a_bidi_terminal_stays_in_logical_order() {
        let text = "נוצר מאגר 3\nשורה שנייה";
        assert_eq!(out(Lang::He, BidiMode::App).shaped(text, None), text);
        assert_eq!(
            out(Lang::He, BidiMode::Terminal).shaped(text, Some(20)),
            text
        );
        assert_eq!(
            out(Lang::En, BidiMode::App).shaped("created 3", Some(20)),
            "created 3"
        );
        // The isolates around a path stay for the reader that reorders.
        let isolated = "נוצר מאגר בנתיב \u{2068}/tmp/x\u{2069}";
        assert_eq!(
            out(Lang::He, BidiMode::App).shaped(isolated, None),
            isolated
        );
    }

    #[test]
    fn escapes_in_a_path_are_neutralised_on_every_way_out() {
        let text = "imported /tmp/a\u{1b}[2Jb.json";
        for columns in [None, Some(80)] {
            for lang in [Lang::En, Lang::He] {
                let shaped = out(lang, BidiMode::App).shaped(text, columns);
                assert!(
                    !shaped.contains('\u{1b}'),
                    "{lang:?} {columns:?}: {shaped:?}"
                );
            }
        }
    }
}
