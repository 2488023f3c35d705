//! Small pieces drawn by several views.

use super::app::App;
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Text from the store, made safe for the terminal.
pub fn clean(s: &str) -> String {
    text::sanitize(s)
}

/// The bottom line: what just happened on the left, the store and the keys on
/// the right.
pub fn status_bar(app: &App, frame: &mut Frame, area: Rect) {
    let style = Style::new().bg(Color::DarkGray).fg(Color::White);
    let keys = " j/k move  ? help  q quit ";
    let left = match &app.status {
        Some(msg) => clean(msg),
        None => format!(
            "{} · {} cohorts · {} quotes · {} findings",
            app.store().path().display(),
            app.counts.cohorts,
            app.counts.quotes,
            app.counts.findings
        ),
    };
    let room = (area.width as usize).saturating_sub(text::width(keys) + 1);
    let left = text::truncate(&format!(" {left}"), room);
    let pad = (area.width as usize).saturating_sub(text::width(&left) + text::width(keys));
    let line = Line::from(vec![
        Span::raw(left),
        Span::raw(" ".repeat(pad)),
        Span::raw(keys),
    ]);
    frame.render_widget(Paragraph::new(line).style(style), area);
}
