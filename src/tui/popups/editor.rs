//! The memo editor: paragraphs written in either direction, each laid out
//! in its own; Enter starts a paragraph, Ctrl-s saves (the text and its keys
//! are a [`Prompt`] whose purpose takes paragraphs).

use super::prompt::{Prompt, to_shown};
use super::{centred, render, window_outer, window_width};
use crate::text::cursor;
use crate::tui::widgets::Ctx;
use crate::tui::widgets::pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

pub fn draw(p: &Prompt, cx: &Ctx, frame: &mut Frame, area: Rect) {
    let lang = cx.settings.lang;
    let w = window_outer(area);
    let dim = Style::new().fg(Color::DarkGray);
    let h = area.height.saturating_sub(4).clamp(5, 16);
    let popup = centred(area, w, h);
    let width = window_width(area);
    let room = (h as usize).saturating_sub(4);
    let mut lines = editor_lines(cx, p, width, room);
    lines.resize(room, Line::from(""));
    lines.push(Line::from(""));
    lines.extend(pane::ui_para(
        cx,
        &lang.editor_keys(&cx.key_names()),
        width,
        dim,
    ));
    render(cx, frame, popup, &p.title, lines);
}

/// Paragraphs being written, each in its own direction, `room` lines of
/// them around the cursor; the ends of paragraphs marked dim.
fn editor_lines(cx: &Ctx, p: &Prompt, width: usize, room: usize) -> Vec<Line<'static>> {
    let shown = p.shown();
    let at = to_shown(&p.text, p.cursor);
    let dir = p.direction(cx.settings.lang.direction());
    let layout = cx.layouts.get(&shown, width, dir, cx.settings.bidi.order());
    let marks: Vec<bool> = shown.chars().map(|c| c == '↵' || c == '_').collect();
    let line = cursor::line_of(&layout, at).unwrap_or(0);
    let first = line.saturating_sub(room.saturating_sub(1));
    let last = (first + room).min(layout.lines.len());
    cx.prose().styled_layout(&layout.lines[first..last], |pos| {
        if pos == at {
            Style::new().add_modifier(Modifier::REVERSED)
        } else if marks.get(pos).copied().unwrap_or(false) {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    })
}
