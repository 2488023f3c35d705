//! The help overlay: every key of the place the user stands in, read from
//! the key table. A key is shown as on the keyboard, left to right, beside
//! its description in the interface's direction.

use crate::text::{self, Direction};
use crate::tui::keys;
use crate::tui::widgets::Ctx;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

pub fn draw(cx: &Ctx, frame: &mut Frame, area: Rect) {
    let lang = cx.settings.lang;
    let prose = cx.prose();
    let rows = keys::help_rows(cx.place());
    let key_width = rows.iter().map(|(k, _)| text::width(k)).max().unwrap_or(0);
    let what_width = rows
        .iter()
        .map(|(_, h)| text::width(lang.key_help(*h)))
        .max()
        .unwrap_or(0);
    let title = lang.help_title(&cx.key_names());
    // A space at each side and one between the columns.
    let inner = (key_width + what_width + 3).max(text::width(&title));
    let width = (inner as u16 + 2).min(area.width);
    let height = (rows.len() as u16 + 2).min(area.height);
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(row);
    let room = (popup.width as usize).saturating_sub(2);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let what_room = room.saturating_sub(key_width + 3);
    let lines: Vec<Line> = rows
        .iter()
        .map(|(keys, help)| {
            let keys_line = prose.inline(keys, key_width, Some(Direction::Ltr), bold);
            let pad = " ".repeat(key_width.saturating_sub(keys_line.width()));
            let what = prose.inline(
                lang.key_help(*help),
                what_room,
                Some(lang.direction()),
                Style::new(),
            );
            let mut spans: Vec<Span> = vec![];
            if lang.mirrored() {
                // The key column at the right, where a Hebrew line starts.
                let lead = what_room.saturating_sub(what.width());
                spans.push(Span::raw(" ".repeat(lead + 1)));
                spans.extend(what.spans);
                spans.push(Span::raw(" "));
                spans.push(Span::raw(pad));
                spans.extend(keys_line.spans);
                spans.push(Span::raw(" "));
            } else {
                spans.push(Span::raw(" "));
                spans.extend(keys_line.spans);
                spans.push(Span::raw(pad));
                spans.push(Span::raw(" "));
                spans.extend(what.spans);
            }
            Line::from(spans)
        })
        .collect();
    let title = prose.inline(&title, room, Some(lang.direction()), Style::new());
    let alignment = if lang.mirrored() {
        Alignment::Right
    } else {
        Alignment::Left
    };
    frame.render_widget(Clear, popup);
    // At 80×24 the reader's keys do not all fit: the help scrolls (j/k),
    // and its foot says so.
    let block = Block::bordered().title(title).title_alignment(alignment);
    cx.help.render(frame, block, lines, popup, lang.mirrored());
}
