//! The help overlay: every key of the current view, from the key map.

use crate::text;
use crate::tui::app::App;
use crate::tui::keymap::{GLOBAL, READER, view_bindings};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.settings.lang;
    let prose = app.prose();
    // In the reader its own keys, then the global ones that still hold.
    let (own, global): (&[_], &[_]) = if app.reading() {
        (READER, &GLOBAL[5..])
    } else {
        (view_bindings(app.view), GLOBAL)
    };
    let rows: Vec<(String, &str)> = own
        .iter()
        .chain(global)
        .map(|b| (format!("{:<11}", b.keys), b.what(lang)))
        .collect();
    let inner = rows
        .iter()
        .map(|(k, w)| text::width(k) + text::width(w) + 2)
        .chain([text::width(lang.help_title())])
        .max()
        .unwrap_or(20);
    let width = (inner as u16 + 2).min(area.width);
    let height = (rows.len() as u16 + 2).min(area.height);
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(row);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let dir = Some(lang.direction());
    let lines: Vec<Line> = rows
        .iter()
        .map(|(keys, what)| {
            // The keys in bold, the description plain, in the interface's direction.
            let text = format!(" {keys}{what}");
            let key_end = 1 + keys.chars().count();
            prose
                .styled(&text, inner, dir, |i| {
                    if i < key_end { bold } else { Style::new() }
                })
                .into_iter()
                .next()
                .unwrap_or_default()
        })
        .collect();
    let title = prose.inline(lang.help_title(), inner, dir, Style::new());
    let alignment = if lang.mirrored() {
        Alignment::Right
    } else {
        Alignment::Left
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(title).title_alignment(alignment)),
        popup,
    );
}
