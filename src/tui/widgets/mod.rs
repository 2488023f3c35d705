//! Small pieces drawn by several views.

pub mod bar;
pub mod pane;
mod prose;

pub use prose::Prose;

use super::Lang;
use super::action::Action;
use super::app::App;
use super::keys::{self, Place};
use crate::text::{self, Direction};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

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
pub fn status_bar(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.settings.lang;
    let style = Style::new().bg(Color::DarkGray).fg(Color::White);
    let width = area.width as usize;
    let dir = Some(lang.direction());
    let prose = app.prose();
    let hints = footer(lang, app.place());
    let keys = prose.inline(&hints, width, dir, Style::new());
    let room = width.saturating_sub(keys.width() + 1);
    // Each piece is laid out alone and the pieces placed in reading order, so
    // a file path (left to right) keeps its shape inside a Hebrew line.
    let pieces: Vec<Line> = match &app.status {
        Some(msg) => vec![prose.inline(&format!(" {msg} "), room, dir, Style::new())],
        None => {
            let summary =
                lang.store_summary(app.counts.cohorts, app.counts.quotes, app.counts.findings);
            let summary = prose.inline(&format!("{summary} "), room, dir, Style::new());
            let left = room.saturating_sub(summary.width() + 4);
            // The whole path when it fits, else the file's name.
            let full = app.store().path().display().to_string();
            let path = if text::width(&full) <= left {
                full
            } else {
                app.store()
                    .path()
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
