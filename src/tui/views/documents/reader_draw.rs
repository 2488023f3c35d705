//! The reader on screen: the text with its codings painted, the selection
//! and the cursor; beside it the place in the text, who codes, and the
//! codes under the cursor.

use super::reader::{Reader, reader_areas};
use crate::domain::coder_name;
use crate::domain::{Id, code_path};
use crate::tui::widgets::Ctx;
use crate::tui::widgets::colour::parse_colour;
use crate::tui::widgets::pane::{self};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use std::collections::HashMap;

pub(super) fn draw_reader(cx: &Ctx, r: &Reader, frame: &mut Frame, area: Rect) {
    let lang = cx.settings.lang;
    let (text_area, side_area) = reader_areas(area, lang);
    let width = text_area.width.saturating_sub(2) as usize;
    let height = text_area.height.saturating_sub(2) as usize;
    let size = super::reader::TextSize { width, height };
    let Some(layout) = r.layout(cx.layouts, cx.settings.bidi.order(), size) else {
        draw_side(cx, r, frame, side_area);
        return;
    };
    // The cursor's line on screen, whatever the size drawn at.
    let top = r.first_line(&layout, height);
    let colours: HashMap<Id, Color> = cx
        .codes
        .iter()
        .map(|c| (c.id, parse_colour(&c.colour)))
        .collect();
    let selection = r.selection();
    let lines: Vec<Line> = cx.prose().styled_layout(
        &layout.lines[top.min(layout.lines.len())..(top + height).min(layout.lines.len())],
        |pos| r.style_at(pos, &colours, selection),
    );
    let title = pane::pieces(&[&lang.cohort(&r.doc.cohort_label), &r.doc.title]);
    frame.render_widget(
        Paragraph::new(lines).block(pane::active(pane::block(cx, &title, text_area))),
        text_area,
    );
    draw_side(cx, r, frame, side_area);
}

/// Beside the text: the codes under the cursor, the selection, the coder.
pub(super) fn draw_side(cx: &Ctx, r: &Reader, frame: &mut Frame, area: Rect) {
    let lang = cx.settings.lang;
    let width = area.width.saturating_sub(2) as usize;
    let mut lines = vec![];
    let dim = Style::new().fg(Color::DarkGray);
    lines.extend(pane::ui_para(
        cx,
        &lang.position(r.cursor, r.text.len, r.selection().map(|(s, e)| e - s)),
        width,
        dim,
    ));
    lines.extend(pane::ui_para(
        cx,
        &lang.coding_as(cx.coder_label, cx.shown_coder_label),
        width,
        dim,
    ));
    lines.push(Line::from(""));
    let here = r.marks_here();
    if here.is_empty() {
        lines.extend(pane::ui_para(cx, lang.no_codes_here(), width, dim));
    }
    for m in here {
        let Some(code) = cx.codes.iter().find(|c| c.id == m.code) else {
            continue;
        };
        let colour = Style::new().fg(parse_colour(&code.colour));
        let who = coder_name(cx.coders, m.coder);
        lines.extend(pane::swatch(
            cx,
            "",
            colour,
            // The code's path and the coder's name are pieces of data,
            // each an isolate in the interface's line.
            &format!(
                "\u{2068}{}\u{2069} (\u{2068}{who}\u{2069})",
                code_path(cx.codes, code)
            ),
            width,
        ));
        if !m.memo.is_empty() {
            lines.extend(pane::para(cx, &format!("  ✎ {}", m.memo), width, dim));
        }
    }
    frame.render_widget(
        Paragraph::new(lines).block(pane::block(cx, lang.codes_here(), area)),
        area,
    );
}
