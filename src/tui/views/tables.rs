//! The Tables view: tables over the codebook, one at a time (`t` turns to the
//! next): quotes per code and cohort, per code and role, codes on
//! overlapping quotes (co-occurrence), and agreement between two coders. A
//! cursor moves over the cells; below the table, the quotes of the cell under
//! it, each one key away from its place in its document. `E` writes the
//! table to Markdown and CSV files.

use crate::domain::Id;
use crate::interchange::tables::{self, Cell, Table};
use crate::store::marking::Dimension;
use crate::store::tables::DocumentSet;
use crate::store::{Store, StoreError};
use crate::tui::action::{Action, Outcome, PAGE, moved};
use crate::tui::views::ViewId;
use crate::tui::views::quotes::{self, QuotesState};
use crate::tui::views::{Env, View};
use crate::tui::widgets::Ctx;
use crate::tui::widgets::pane;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// Which table the view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TableKind {
    #[default]
    ByCohort,
    ByRole,
    Cooccurrence,
    Agreement,
}

impl TableKind {
    pub const ALL: [TableKind; 4] = [
        TableKind::ByCohort,
        TableKind::ByRole,
        TableKind::Cooccurrence,
        TableKind::Agreement,
    ];

    /// The start of an exported file's name.
    fn file_stem(self) -> &'static str {
        match self {
            TableKind::ByCohort => "tovana-codes-by-cohort",
            TableKind::ByRole => "tovana-codes-by-role",
            TableKind::Cooccurrence => "tovana-cooccurrence",
            TableKind::Agreement => "tovana-agreement",
        }
    }
}

#[derive(Debug, Default)]
pub struct TablesState {
    loaded: bool,
    pub kind: TableKind,
    /// A code counts only its own quotes, not its children's (`a`).
    pub alone: bool,
    /// The two coders compared, and on which documents.
    pub pair: Option<(Id, Id)>,
    pub set: DocumentSet,
    pub table: Table,
    /// The cell under the cursor.
    pub row: usize,
    pub col: usize,
    /// The quotes of that cell; `focus` is on them after Enter.
    pub quotes: QuotesState,
    pub focus: bool,
    widths: Widths,
}

impl TablesState {
    pub fn ensure_loaded(
        &mut self,
        store: &Store,
        coder: Option<Id>,
        words: &tables::Words,
    ) -> Result<(), StoreError> {
        if self.loaded {
            return Ok(());
        }
        self.reload(store, coder, words)
    }

    /// Read again when next shown (after coding changed the counts).
    pub fn invalidate(&mut self) {
        self.loaded = false;
    }

    /// Builds the table again, keeping the cursor where it can stay.
    pub fn reload(
        &mut self,
        store: &Store,
        coder: Option<Id>,
        words: &tables::Words,
    ) -> Result<(), StoreError> {
        self.loaded = true;
        let children = !self.alone;
        self.table = match self.kind {
            TableKind::ByCohort => {
                tables::by_column(store, Dimension::Cohort, coder, children, words)?
            }
            TableKind::ByRole => tables::by_column(store, Dimension::Role, coder, children, words)?,
            TableKind::Cooccurrence => tables::cooccurrence_table(store, coder, words)?,
            TableKind::Agreement => {
                let coders = store.coders()?;
                let ids: Vec<Id> = coders.iter().map(|c| c.id).collect();
                let valid = |p: (Id, Id)| ids.contains(&p.0) && ids.contains(&p.1);
                self.pair = self
                    .pair
                    .filter(|p| valid(*p))
                    .or_else(|| (ids.len() >= 2).then(|| (ids[0], ids[1])));
                match self.pair {
                    Some((a, b)) => tables::agreement_table(store, self.set, a, b, words)?,
                    None => Table::default(),
                }
            }
        };
        self.widths = Widths::of(&self.table);
        self.row = self.row.min(self.table.rows.len().saturating_sub(1));
        self.col = self.col.min(self.table.columns.len().saturating_sub(1));
        self.focus = false;
        self.preview(store)
    }

    pub fn cell(&self) -> Option<&Cell> {
        self.table.rows.get(self.row)?.cells.get(self.col)
    }

    /// Reads the quotes of the cell under the cursor, if it stands for some.
    fn preview(&mut self, store: &Store) -> Result<(), StoreError> {
        match self.cell().and_then(|c| c.quotes.clone()) {
            Some(f) => {
                if self.quotes.filter != f {
                    self.quotes.filter = f;
                    self.quotes.selected = 0;
                }
                self.quotes.show(store)
            }
            None => {
                self.quotes.clear();
                Ok(())
            }
        }
    }

    /// The next document set for agreement: the documents both coded, all,
    /// then each cohort's.
    fn next_set(&self, store: &Store) -> Result<DocumentSet, StoreError> {
        let cohorts: Vec<Id> = store
            .cohorts_with_documents()?
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        Ok(match self.set {
            DocumentSet::Shared => DocumentSet::All,
            DocumentSet::All => cohorts
                .first()
                .map_or(DocumentSet::Shared, |c| DocumentSet::Cohort(*c)),
            DocumentSet::Cohort(c) => cohorts
                .iter()
                .position(|x| *x == c)
                .and_then(|i| cohorts.get(i + 1))
                .map_or(DocumentSet::Shared, |c| DocumentSet::Cohort(*c)),
        })
    }

    pub fn update(
        &mut self,
        action: Action,
        store: &Store,
        coder: Option<Id>,
        words: &tables::Words,
        mirrored: bool,
    ) -> Outcome {
        if self.focus {
            match action {
                Action::Back | Action::Left | Action::Right => {
                    self.focus = false;
                    return Outcome::changed(true);
                }
                Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::First
                | Action::Last => return self.quotes.update(action, store),
                // Another table, say: the quotes give the keys back.
                _ => self.focus = false,
            }
        }
        let result = match action {
            Action::Enter if self.quotes.total > 0 => {
                self.focus = true;
                Ok(true)
            }
            Action::NextTable => {
                let i = TableKind::ALL
                    .iter()
                    .position(|k| *k == self.kind)
                    .unwrap_or(0);
                self.kind = TableKind::ALL[(i + 1) % TableKind::ALL.len()];
                self.row = 0;
                self.col = 0;
                self.reload(store, coder, words).map(|_| true)
            }
            Action::ToggleChildren => {
                self.alone = !self.alone;
                self.reload(store, coder, words).map(|_| true)
            }
            Action::CycleSet if self.kind == TableKind::Agreement => self
                .next_set(store)
                .and_then(|set| {
                    self.set = set;
                    self.reload(store, coder, words)
                })
                .map(|_| true),
            Action::Left | Action::Right => {
                // On screen: in a mirrored layout the columns run leftwards.
                let onward = (action == Action::Right) != mirrored;
                let n = self.table.columns.len();
                let col = if onward {
                    (self.col + 1).min(n.saturating_sub(1))
                } else {
                    self.col.saturating_sub(1)
                };
                self.moved_to(self.row, col, store)
            }
            other => match moved(self.row, self.table.rows.len(), other, PAGE) {
                Some(r) => self.moved_to(r, self.col, store),
                None => Ok(false),
            },
        };
        Outcome::of(result)
    }

    fn moved_to(&mut self, row: usize, col: usize, store: &Store) -> Result<bool, StoreError> {
        if (row, col) == (self.row, self.col) {
            return Ok(false);
        }
        self.row = row;
        self.col = col;
        self.preview(store).map(|_| true)
    }

    /// The table on screen and the stem of the files it is written to.
    pub fn export_parts(&self) -> (&Table, &'static str) {
        (&self.table, self.kind.file_stem())
    }
}

/// The widths a table's columns want, in cells: the label column's, then
/// each other column's. Worked out once a table is built, not per frame.
#[derive(Debug, Default)]
pub struct Widths {
    label: usize,
    columns: Vec<usize>,
}

impl Widths {
    fn of(t: &Table) -> Widths {
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

impl View for TablesState {
    fn load(&mut self, env: &Env) -> Result<(), StoreError> {
        self.ensure_loaded(env.store, env.shown_coder, env.lang.table_words())
    }

    fn invalidate(&mut self) {
        self.invalidate();
    }

    fn shows_codes(&self) -> bool {
        true
    }

    fn update(&mut self, action: Action, env: &mut Env) -> Outcome {
        self.update(
            action,
            env.store,
            env.shown_coder,
            env.lang.table_words(),
            env.lang.mirrored(),
        )
    }

    fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect) {
        draw(self, cx, frame, area)
    }
}

fn draw(state: &TablesState, cx: &Ctx, frame: &mut Frame, area: Rect) {
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
        let mut cells = vec![(
            format!("{}{}", "  ".repeat(row.depth), t.label(r)),
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
            } else if cell.quotes.is_none() && cell.text.is_empty() {
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
        // The label is data, laid out in its own direction.
        let dir = Some(lang.direction());
        lines.push(pane::cells_in(&prose, &cells, lang, |i| {
            if i == 0 { None } else { dir }
        }));
    }
    // A mirrored table hugs the right edge, where its labels are.
    let align = if lang.mirrored() {
        Alignment::Right
    } else {
        Alignment::Left
    };
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(align)
            .block(pane::block(cx, &title, table_area)),
        table_area,
    );
    let cell_title = t.cell_name(state.row, state.col);
    if state.cell().is_some_and(|c| c.quotes.is_none()) {
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
