//! The parts every list-and-detail view is made of: the split (mirrored in
//! Hebrew), a titled block, a scrolling list with headers.

use crate::lang::Lang;
use crate::text::Direction;
use crate::tui::widgets::Ctx;
use crate::tui::widgets::Prose;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// The list's area and the detail's, the list on the side where the
/// interface's language starts.
pub fn split(area: Rect, lang: Lang, list_percent: u16) -> (Rect, Rect) {
    let list = Constraint::Percentage(list_percent);
    let detail = Constraint::Min(20);
    if lang.mirrored() {
        let [d, l] = Layout::horizontal([detail, list]).areas(area);
        (l, d)
    } else {
        let [l, d] = Layout::horizontal([list, detail]).areas(area);
        (l, d)
    }
}

/// A bordered block whose title is laid out like any other text.
pub fn block(cx: &Ctx, title: &str, area: Rect) -> Block<'static> {
    let lang = cx.settings.lang;
    let room = area.width.saturating_sub(4) as usize;
    let title = cx.prose().inline(
        &format!(" {title} "),
        room,
        Some(lang.direction()),
        Style::new(),
    );
    let alignment = if lang.mirrored() {
        Alignment::Right
    } else {
        Alignment::Left
    };
    Block::bordered().title(title).title_alignment(alignment)
}

/// A row of a list: a header groups the items under it.
pub enum Row {
    Header(String),
    Item(String),
    /// An item made of pieces of data (see [`pieces`]): laid out in the
    /// interface's direction, each piece in its own.
    Pieces(String),
    /// An item with a colour swatch where the selection marker goes (a code).
    Swatch(String, Color),
    /// An item with stretches to mark (code-point ranges): the words a
    /// search matched.
    Marked(String, Vec<(usize, usize)>),
}

/// Pieces of data joined into one line of the interface: each an isolate
/// (FSI … PDI) in its own direction, so that none runs into another and
/// the line reads in the interface's order.
pub fn pieces(parts: &[&str]) -> String {
    pieces_with(parts, " · ")
}

/// The same, joined by `separator` (a table's cell: row × column).
pub fn pieces_with(parts: &[&str], separator: &str) -> String {
    parts
        .iter()
        .map(|p| format!("\u{2068}{p}\u{2069}"))
        .collect::<Vec<_>>()
        .join(separator)
}

/// The rows that fit in `height`, the selected item (if any) among them,
/// reversed video; items are cut to one line, headers in bold. An item is laid out in
/// its own direction (its text is data); a header in the interface's.
pub fn list_lines(
    cx: &Ctx,
    rows: &[Row],
    selected: Option<usize>,
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let lang = cx.settings.lang;
    let prose = cx.prose();
    let ui = Some(lang.direction());
    // Where the selected item is among the rows.
    let mut item = 0;
    let mut at = 0;
    for (i, r) in rows.iter().enumerate() {
        if !matches!(r, Row::Header(_)) {
            if Some(item) == selected {
                at = i;
                break;
            }
            item += 1;
        }
    }
    // Keep the selected row on screen, with its header when there is room.
    let start = if at < height { 0 } else { at + 1 - height };
    let marker = if lang.mirrored() { " ◀" } else { "▶ " };
    let mut item = rows[..start]
        .iter()
        .filter(|r| !matches!(r, Row::Header(_)))
        .count();
    rows[start..]
        .iter()
        .take(height)
        .map(|r| match r {
            Row::Header(t) => prose.line(t, width, ui, Style::new().add_modifier(Modifier::BOLD)),
            Row::Item(t) | Row::Pieces(t) | Row::Swatch(t, _) | Row::Marked(t, _) => {
                let chosen = Some(item) == selected;
                item += 1;
                let swatch = if lang.mirrored() { " ■" } else { "■ " };
                let (mark, style, mark_style) = match r {
                    _ if chosen => {
                        let s = Style::new().add_modifier(Modifier::REVERSED);
                        (marker, s, s)
                    }
                    Row::Swatch(_, colour) => (swatch, Style::new(), Style::new().fg(*colour)),
                    _ => ("  ", Style::new(), Style::new()),
                };
                // An item is data: laid out in its own direction, beside a
                // marker on the interface's side. A swatch row (a code) is
                // made of pieces, its name isolated: laid out in the
                // interface's direction.
                let dir = match r {
                    Row::Swatch(..) | Row::Pieces(_) => ui,
                    _ => None,
                };
                let text = match r {
                    Row::Marked(_, marks) => {
                        let marked = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
                        prose.styled_line(t, width.saturating_sub(2), dir, |pos| {
                            if marks.iter().any(|(s, e)| (*s..*e).contains(&pos)) {
                                marked
                            } else {
                                style
                            }
                        })
                    }
                    _ => prose.line(t, width.saturating_sub(2), dir, style),
                };
                let mut spans = text.spans;
                if lang.mirrored() {
                    spans.push(Span::styled(mark, mark_style));
                } else {
                    spans.insert(0, Span::styled(mark, mark_style));
                }
                Line::from(spans)
            }
        })
        .collect()
}

/// Draws `rows` as a titled list in `area`, the selected item in view.
pub fn render_list(
    cx: &Ctx,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    rows: &[Row],
    selected: Option<usize>,
) {
    render_list_in(cx, frame, area, title, rows, selected, selected.is_some());
}

/// The same, saying whether the list has the keys (its border marked).
pub fn render_list_in(
    cx: &Ctx,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    rows: &[Row],
    selected: Option<usize>,
    has_keys: bool,
) {
    let width = area.width.saturating_sub(2) as usize;
    let height = area.height.saturating_sub(2) as usize;
    let mut b = block(cx, title, area);
    if has_keys {
        b = active(b);
    }
    frame.render_widget(
        Paragraph::new(list_lines(cx, rows, selected, width, height)).block(b),
        area,
    );
}

/// The colour of the border of the pane that has the keys.
pub const ACTIVE: Color = Color::Cyan;

/// A pane's block, marked as the one that has the keys.
pub fn active(block: Block<'static>) -> Block<'static> {
    block.border_style(Style::new().fg(ACTIVE))
}

/// Draws a titled pane holding one message (an empty store, no matches).
pub fn message(cx: &Ctx, frame: &mut Frame, area: Rect, title: &str, text: &str) {
    let lang = cx.settings.lang;
    let width = area.width.saturating_sub(2) as usize;
    let lines = cx
        .prose()
        .lines(text, width, Some(lang.direction()), Style::new());
    frame.render_widget(Paragraph::new(lines).block(block(cx, title, area)), area);
}

/// Lines of prose in the data's own direction, in a pane `width` wide.
pub fn para(cx: &Ctx, text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    cx.prose().lines(text, width, None, style)
}

/// `indent`, a colour swatch (■) and `text`, in the interface's direction:
/// the swatch keeps its colour wherever the line puts it.
pub fn swatch(
    cx: &Ctx,
    indent: &str,
    colour: Style,
    text: &str,
    width: usize,
) -> Vec<Line<'static>> {
    let at = indent.chars().count();
    let dir = Some(cx.settings.lang.direction());
    cx.prose()
        .styled(&format!("{indent}■ {text}"), width, dir, |pos| {
            if pos == at { colour } else { Style::new() }
        })
}

/// One line: `prefix`, a colour swatch (■) and `text`, cut to `width`, in
/// `style`; the swatch keeps its colour wherever the line puts it.
pub fn swatch_line(
    cx: &Ctx,
    prefix: &str,
    colour: Color,
    text: &str,
    width: usize,
    dir: Option<Direction>,
    style: Style,
) -> Line<'static> {
    let at = prefix.chars().count();
    cx.prose()
        .styled_line(&format!("{prefix}■ {text}"), width, dir, |pos| {
            if pos == at { style.fg(colour) } else { style }
        })
}

/// Lines in the interface's direction.
pub fn ui_para(cx: &Ctx, text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    let dir: Option<Direction> = Some(cx.settings.lang.direction());
    cx.prose().lines(text, width, dir, style)
}

/// Text of the interface on one line of `width` columns, cut at its
/// logical end when too long.
pub fn ui_line(cx: &Ctx, text: &str, width: usize, style: Style) -> Line<'static> {
    cx.prose()
        .line(text, width, Some(cx.settings.lang.direction()), style)
}

/// Cells laid out one by one, each in the interface's direction, placed in
/// the interface's reading order.
pub fn cells(prose: &Prose, cells: &[(String, usize, Style)], lang: Lang) -> Line<'static> {
    cells_in(prose, cells, lang, |_| Some(lang.direction()))
}

/// Cells laid out one by one, cell `i` in the direction `dir(i)` gives
/// (`None`: its own, for data), placed in the interface's reading order.
pub fn cells_in(
    prose: &Prose,
    cells: &[(String, usize, Style)],
    lang: Lang,
    dir: impl Fn(usize) -> Option<Direction>,
) -> Line<'static> {
    let mut laid: Vec<Vec<Span<'static>>> = cells
        .iter()
        .enumerate()
        .map(|(i, (text, w, style))| {
            // A cell of numbers sits where its column's text starts.
            let mut line = prose.line(&format!(" {text}"), *w, dir(i), *style);
            let used: usize = line.spans.iter().map(|s| s.width()).sum();
            if used < *w {
                line.spans.push(Span::raw(" ".repeat(w - used)));
            }
            line.spans
        })
        .collect();
    if lang.mirrored() {
        laid.reverse();
    }
    Line::from(laid.into_iter().flatten().collect::<Vec<_>>())
}
