//! The table on screen: column widths worked out once a table is built,
//! the chosen cell kept in view, numbers flush to their side, and the cell's
//! quotes below.

use super::{TableKind, TablesState};
use crate::interchange::tables::Table;
use crate::tui::views::ViewId;
use crate::tui::views::quotes::{self};
use crate::tui::widgets::Ctx;
use crate::tui::widgets::pane;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// The widths a table's columns want, in cells: the label column's, then
/// each other column's. Worked out once a table is built, not per frame.
#[derive(Debug, Default)]
pub struct Widths {
    label: usize,
    columns: Vec<usize>,
}

impl Widths {
    pub(super) fn of(t: &Table) -> Widths {
        let label = t
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| t.label(i).width() + 2 * r.depth)
            .chain([t.corner.width()])
            .max()
            .unwrap_or(0)
            + 2;
        let columns = t
            .columns
            .iter()
            .enumerate()
            .map(|(i, head)| {
                let cells = t.rows.iter().filter_map(|r| r.cells.get(i));
                let widest = cells.map(|c| c.text.width()).max().unwrap_or(0);
                (head.width().max(widest) + 2).clamp(4, 16)
            })
            .collect();
        Widths { label, columns }
    }

    /// The label column's width in a pane `width` wide: at most two fifths.
    fn label(&self, width: usize) -> usize {
        self.label.clamp(10, (width * 2 / 5).max(10))
    }
}

/// A figure's cell text, flush with the column's far edge: the right in a
/// left-to-right layout (a mirrored one lays it out so already). The cell
/// has a space before it and keeps one after.
fn flush(text: &str, column: usize, lang: crate::lang::Lang) -> String {
    let room = column.saturating_sub(2);
    let pad = room.saturating_sub(text.width());
    match lang.mirrored() {
        true => text.to_string(),
        false => format!("{}{text}", " ".repeat(pad)),
    }
}

/// The first column shown, so that the chosen one fits in `room`.
fn first_column(cols: &[usize], chosen: usize, room: usize) -> usize {
    let mut first = 0;
    while first < chosen && cols[first..=chosen].iter().sum::<usize>() > room {
        first += 1;
    }
    first
}

pub(super) fn draw(state: &TablesState, cx: &Ctx, frame: &mut Frame, area: Rect) {
    let lang = cx.settings.lang;
    let t = &state.table;
    let [table_area, quotes_area] =
        Layout::vertical([Constraint::Percentage(60), Constraint::Min(5)]).areas(area);
    let place = TableKind::ALL
        .iter()
        .position(|k| *k == state.kind)
        .unwrap_or(0);
    let title = format!(
        "{} {}/{} · {}",
        lang.view_name(ViewId::Tables),
        place + 1,
        TableKind::ALL.len(),
        if t.title.is_empty() {
            lang.table_name(state.kind)
        } else {
            &t.title
        }
    );
    if t.rows.is_empty() {
        pane::message(
            cx,
            frame,
            table_area,
            &title,
            &lang.empty_table(state.kind, &cx.key_names()),
        );
        return;
    }
    let width = table_area.width.saturating_sub(2) as usize;
    let height = table_area.height.saturating_sub(3) as usize;
    let label_w = state.widths.label(width);
    let cols = &state.widths.columns;
    let room = width.saturating_sub(label_w);
    let first = first_column(cols, state.col, room);
    let mut shown = vec![];
    let mut used = 0;
    for (i, w) in cols.iter().enumerate().skip(first) {
        if used + w > room {
            break;
        }
        used += w;
        shown.push(i);
    }
    let prose = cx.prose();
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let dim = Style::new().fg(Color::DarkGray);
    let mut lines = vec![];
    let mut head = vec![(t.corner.clone(), label_w, bold)];
    head.extend(shown.iter().map(|i| {
        let style = if *i == state.col {
            bold.fg(Color::Cyan)
        } else {
            bold
        };
        (flush(&t.columns[*i], cols[*i], lang), cols[*i], style)
    }));
    lines.push(pane::cells(&prose, &head, lang));
    let top = state.row.saturating_sub(height.saturating_sub(1));
    for (r, row) in t.rows.iter().enumerate().skip(top).take(height) {
        let label_style = if r == state.row { bold } else { Style::new() };
        // The label is a piece of data (an isolate in its own direction)
        // indented by its depth in the code tree on the interface's side,
        // as the Codebook shows it.
        let mut cells = vec![(
            format!("{}{}", "  ".repeat(row.depth), pane::pieces(&[&t.label(r)])),
            label_w,
            label_style,
        )];
        cells.extend(shown.iter().map(|i| {
            let cell = &row.cells[*i];
            let style = if r == state.row && *i == state.col {
                if state.focus {
                    Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
                } else {
                    Style::new().add_modifier(Modifier::REVERSED)
                }
            } else if !t.opens(r, *i) && cell.text.is_empty() {
                dim
            } else {
                Style::new()
            };
            // An empty cell shows a dot, so that the grid can be followed.
            let text = if cell.text.is_empty() {
                "·"
            } else {
                &cell.text
            };
            (flush(text, cols[*i], lang), cols[*i], style)
        }));
        lines.push(pane::cells(&prose, &cells, lang));
    }
    // A mirrored table hugs the right edge, where its labels are.
    let align = if lang.mirrored() {
        Alignment::Right
    } else {
        Alignment::Left
    };
    frame.render_widget(
        Paragraph::new(lines).alignment(align).block({
            let b = pane::block(cx, &title, table_area);
            if state.focus { b } else { pane::active(b) }
        }),
        table_area,
    );
    // Each name an isolate, so that a code's final "?" stays with it.
    let (row_name, col_name) = t.cell_parts(state.row, state.col);
    let cell_title = pane::pieces_with(&[row_name, col_name], " × ");
    if state.cell().is_some() && !t.opens(state.row, state.col) {
        pane::message(
            cx,
            frame,
            quotes_area,
            &cell_title,
            lang.cell_without_quotes(),
        );
    } else {
        quotes::draw(
            cx,
            frame,
            quotes_area,
            &cell_title,
            &state.quotes,
            state.focus,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chosen_column_is_always_in_view() {
        let cols = [5, 5, 5, 5, 5, 5];
        assert_eq!(first_column(&cols, 0, 12), 0);
        assert_eq!(first_column(&cols, 1, 12), 0);
        assert_eq!(first_column(&cols, 2, 12), 1);
        assert_eq!(first_column(&cols, 5, 12), 4);
        // Wider than the room: the chosen column stands alone.
        assert_eq!(first_column(&[20, 20], 1, 12), 1);
    }
}
