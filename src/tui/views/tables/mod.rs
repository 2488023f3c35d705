//! The Tables view: tables over the codebook, one at a time (`t` turns to the
//! next): quotes per code and cohort, per code and role, codes on
//! overlapping quotes (co-occurrence), and agreement between two coders. A
//! cursor moves over the cells; below the table, the quotes of the cell under
//! it, each one key away from its place in its document. `E` writes the
//! table to Markdown and CSV files.

mod grid;
use grid::Widths;
use grid::draw;
pub use std::rc::Rc;

use crate::domain::Id;
use crate::interchange::tables::{self, Cell, Table};
use crate::store::marking::Dimension;
use crate::store::tables::DocumentSet;
use crate::store::{Store, StoreError};
use crate::tui::action::{Action, Outcome, PAGE, moved};
use crate::tui::views::quotes::QuotesState;
use crate::tui::views::{Env, View};
use crate::tui::widgets::Ctx;
use ratatui::Frame;
use ratatui::layout::Rect;

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
    /// The role table's columns: speakers' roles (`None`), or the values of
    /// this attribute of the respondents whose open answers the quotes are
    /// (`b` goes round them).
    pub attribute: Option<String>,
    /// The two coders compared, and on which documents.
    pub pair: Option<(Id, Id)>,
    pub set: DocumentSet,
    /// Shared with `built`, not copied.
    pub table: Rc<Table>,
    /// The cell under the cursor.
    pub row: usize,
    pub col: usize,
    /// The quotes of that cell; `focus` is on them after Enter.
    pub quotes: QuotesState,
    pub focus: bool,
    widths: Widths,
    /// Tables built since the data last changed, by what they were built
    /// of: `t` comes back to one without building it again.
    built: Vec<(Built, Rc<Table>)>,
}

/// What a table is built of: its kind, whose codings, with the codes'
/// children or not, the documents and coders compared, and the words it is
/// titled in (by address: each language's are one static table).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Built {
    kind: TableKind,
    attribute: Option<String>,
    coder: Option<Id>,
    children: bool,
    set: DocumentSet,
    pair: Option<(Id, Id)>,
    words: usize,
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
        self.built.clear();
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
        if self.kind == TableKind::Agreement {
            let coders = store.coders()?;
            let ids: Vec<Id> = coders.iter().map(|c| c.id).collect();
            let valid = |p: (Id, Id)| ids.contains(&p.0) && ids.contains(&p.1);
            self.pair = self
                .pair
                .filter(|p| valid(*p))
                .or_else(|| (ids.len() >= 2).then(|| (ids[0], ids[1])));
        }
        let key = Built {
            kind: self.kind,
            attribute: self
                .attribute
                .clone()
                .filter(|_| self.kind == TableKind::ByRole),
            coder,
            children,
            set: self.set,
            pair: self.pair,
            words: words as *const tables::Words as usize,
        };
        self.table = match self.built.iter().find(|(k, _)| *k == key) {
            Some((_, table)) => Rc::clone(table),
            None => {
                let table = match self.kind {
                    TableKind::ByCohort => {
                        tables::by_column(store, &Dimension::Cohort, coder, children, words)?
                    }
                    TableKind::ByRole => {
                        let by = match &self.attribute {
                            Some(name) => Dimension::Attribute(name.clone()),
                            None => Dimension::Role,
                        };
                        tables::by_column(store, &by, coder, children, words)?
                    }
                    TableKind::Cooccurrence => tables::cooccurrence_table(store, coder, words)?,
                    TableKind::Agreement => match self.pair {
                        Some((a, b)) => tables::agreement_table(store, self.set, a, b, words)?,
                        None => Table::default(),
                    },
                };
                // Enough for every kind at one setting and the agreement
                // table on each cohort's documents of a national program
                // (20 cohorts): `s` comes back round to one without
                // building it again. Each is a few kilobytes.
                if self.built.len() >= 32 {
                    self.built.remove(0);
                }
                let table = Rc::new(table);
                self.built.push((key, Rc::clone(&table)));
                table
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
        match self.table.quotes_of(self.row, self.col) {
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
            Action::NextSplit if self.kind == TableKind::ByRole => {
                let names = match store.quote_attributes() {
                    Ok(names) => names,
                    Err(e) => return Outcome::of(Err(e)),
                };
                if names.is_empty() && self.attribute.is_none() {
                    return Outcome::said(words.no_quote_attributes.to_string());
                }
                // Roles, then each attribute, then roles again.
                self.attribute = match &self.attribute {
                    None => names.first().cloned(),
                    Some(now) => names
                        .iter()
                        .position(|n| n == now)
                        .and_then(|i| names.get(i + 1))
                        .cloned(),
                };
                self.col = 0;
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
