//! Small pieces drawn by several views.

pub mod bar;
pub mod colour;
pub mod pane;
mod prose;

pub use prose::Prose;

use super::action::Action;
use super::keys::{self, Place};
use crate::domain::{Code, Coder, Counts, Program};
use crate::lang::Lang;
use crate::text::LayoutCache;
use crate::text::{self, Direction};
use crate::tui::settings::Settings;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::path::Path;

/// What a view, a popup or a widget may read while drawing: the app's
/// shared state, read-only, and never the store. Built by `App::ctx` once a
/// frame.
pub struct Ctx<'a> {
    pub settings: Settings,
    /// Laid-out text, kept across frames.
    pub layouts: &'a LayoutCache,
    pub programs: &'a [Program],
    pub counts: &'a Counts,
    /// The codebook and the coders, for names and colours.
    pub codes: &'a [Code],
    pub coders: &'a [Coder],
    /// Who codes, and whose codings are shown, by name.
    pub coder_label: &'a str,
    pub shown_coder_label: &'a str,
    /// Where the keys go, for the help and the keys messages name.
    pub place: Place,
    /// What just happened, for the status bar.
    pub status: Option<&'a str>,
    /// The store's file, for the status bar.
    pub store_path: &'a Path,
}

impl Ctx<'_> {
    /// Lays out text for drawing, in the order the bidi setting asks for.
    pub fn prose(&self) -> Prose<'_> {
        Prose {
            cache: self.layouts,
            order: self.settings.bidi.order(),
        }
    }

    /// The keys that messages name, read from the key table.
    pub fn key_names(&self) -> keys::Names {
        keys::Names::at(self.place)
    }

    pub fn place(&self) -> Place {
        self.place
    }
}

/// The footer's keys: search, help and quit, each with its short word, read
/// from the key table for the view (whatever is open over it).
pub fn footer(lang: Lang, place: Place) -> String {
    let place = Place {
        overlay: None,
        ..place
    };
    let pieces: Vec<String> = [
        (Action::OpenSearch, lang.hint_search()),
        (Action::ToggleHelp, lang.hint_help()),
        (Action::Quit, lang.hint_quit()),
    ]
    .into_iter()
    .map(|(action, word)| format!("{} {word}", keys::label(action, place)))
    .collect();
    format!(" {} ", pieces.join("  "))
}

/// The bottom line: what just happened, or the store and its size; the keys
/// at the far end. In Hebrew the line is mirrored.
pub fn status_bar(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let lang = cx.settings.lang;
    let style = Style::new().bg(Color::DarkGray).fg(Color::White);
    let width = area.width as usize;
    let dir = Some(lang.direction());
    let prose = cx.prose();
    let hints = footer(lang, cx.place);
    let keys = prose.inline(&hints, width, dir, Style::new());
    let room = width.saturating_sub(keys.width() + 1);
    // Each piece is laid out alone and the pieces placed in reading order, so
    // a file path (left to right) keeps its shape inside a Hebrew line.
    let pieces: Vec<Line> = match cx.status {
        Some(msg) => vec![prose.inline(&format!(" {msg} "), room, dir, Style::new())],
        None => {
            let summary =
                lang.store_summary(cx.counts.cohorts, cx.counts.quotes, cx.counts.findings);
            let summary = prose.inline(&format!("{summary} "), room, dir, Style::new());
            let left = room.saturating_sub(summary.width() + 4);
            // The whole path when it fits, else the file's name.
            let full = cx.store_path.display().to_string();
            let path = if text::width(&full) <= left {
                full
            } else {
                cx.store_path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or(full)
            };
            let path = prose.inline(&path, left, Some(Direction::Ltr), Style::new());
            vec![Line::raw(" "), path, Line::raw(" · "), summary]
        }
    };
    let mut message: Vec<Span> = vec![];
    let ordered: Box<dyn Iterator<Item = Line>> = if lang.mirrored() {
        Box::new(pieces.into_iter().rev())
    } else {
        Box::new(pieces.into_iter())
    };
    for piece in ordered {
        message.extend(piece.spans);
    }
    let used: usize = message.iter().map(|s| s.width()).sum();
    let gap = Span::raw(" ".repeat(width.saturating_sub(used + keys.width())));
    let spans: Vec<Span> = if lang.mirrored() {
        keys.spans.into_iter().chain([gap]).chain(message).collect()
    } else {
        message.into_iter().chain([gap]).chain(keys.spans).collect()
    };
    frame.render_widget(Paragraph::new(Line::from(spans)).style(style), area);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::{Overlay, ViewId};

    #[test]
    fn the_footer_reads_its_keys_from_the_table() {
        let p = Place {
            view: ViewId::Cohorts,
            overlay: None,
            reading: false,
        };
        assert_eq!(footer(Lang::En, p), " / search  ? help  q quit ");
        assert_eq!(footer(Lang::He, p), " / חיפוש  ? עזרה  q יציאה ");
        let searching = Place {
            overlay: Some(Overlay::Search),
            ..p
        };
        assert_eq!(footer(Lang::En, searching), footer(Lang::En, p));
    }
}
