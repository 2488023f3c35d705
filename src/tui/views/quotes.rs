//! A list of quotes with their role and cohort, filtered by code, coder,
//! cohort or role: the Codebook view's retrieval. The list is read a page at
//! a time: only what is on screen, and a little around it, is in memory.

use crate::store::coding::{QuoteFilter, QuoteRow};
use crate::store::{Store, StoreError};
use crate::tui::action::{Action, Outcome, PAGE, Target, moved};
use crate::tui::widgets::Ctx;
use crate::tui::widgets::pane::{self, Row};
use ratatui::Frame;
use ratatui::layout::Rect;

/// Quotes read from the store at a time: more than a pane of the tallest
/// screens shows, and few enough that the list of another code (each `j`
/// in the Codebook) is read quickly: each quote's text is cut from its
/// document, which SQLite reads whole.
const WINDOW: usize = 64;

#[derive(Debug, Default)]
pub struct QuotesState {
    pub filter: QuoteFilter,
    pub total: usize,
    /// The rows read: `window.1` from position `window.0`.
    window: (usize, Vec<QuoteRow>),
    pub selected: usize,
}

impl QuotesState {
    /// Reads the list for the filter as it now is: counts the quotes and
    /// reads the page around the selection.
    pub fn show(&mut self, store: &Store) -> Result<(), StoreError> {
        let total = store.count_quotes(&self.filter)?;
        self.show_counted(store, total)
    }

    /// As [`QuotesState::show`], for a caller that counted the filter's
    /// quotes already.
    pub fn show_counted(&mut self, store: &Store, total: usize) -> Result<(), StoreError> {
        self.total = total;
        self.selected = self.selected.min(self.total.saturating_sub(1));
        self.window = (0, vec![]);
        self.read_around(store)
    }

    fn read_around(&mut self, store: &Store) -> Result<(), StoreError> {
        let (start, rows) = &self.window;
        let inside = self.selected >= *start && self.selected < start + rows.len();
        if !inside && self.total > 0 {
            let from = self.selected.saturating_sub(WINDOW / 2);
            self.window = (from, store.quotes_page(&self.filter, from, WINDOW)?);
        }
        Ok(())
    }

    /// Selects the quote at `position` (kept within the list).
    pub fn select(&mut self, position: usize, store: &Store) -> Result<(), StoreError> {
        self.selected = position.min(self.total.saturating_sub(1));
        self.read_around(store)
    }

    /// An empty list, with no filter.
    pub fn clear(&mut self) {
        *self = QuotesState::default();
    }

    /// Opens the selected quote in its document (an outcome that jumps).
    pub fn open_selected(&self) -> Outcome {
        match self.selected_quote() {
            Some(q) => Outcome {
                jump: Some(Target::Quote(q.id)),
                ..Default::default()
            },
            None => Outcome::changed(false),
        }
    }

    pub fn selected_quote(&self) -> Option<&QuoteRow> {
        self.row(self.selected)
    }

    /// The quote at a list position, when it has been read.
    pub fn row(&self, position: usize) -> Option<&QuoteRow> {
        position
            .checked_sub(self.window.0)
            .and_then(|i| self.window.1.get(i))
    }

    pub fn update(&mut self, action: Action, store: &Store) -> Outcome {
        let result = match moved(self.selected, self.total, action, PAGE) {
            Some(i) if i != self.selected => {
                self.selected = i;
                self.read_around(store).map(|_| true)
            }
            _ => Ok(false),
        };
        Outcome::of(result)
    }
}

/// Draws the list in `area` under `title`, with the place of the selection
/// in the title; the selection is marked only when the list has the keys
/// (`focus`).
pub fn draw(cx: &Ctx, frame: &mut Frame, area: Rect, title: &str, q: &QuotesState, focus: bool) {
    let lang = cx.settings.lang;
    let inner_h = area.height.saturating_sub(2) as usize;
    let first = q.selected.saturating_sub(inner_h.saturating_sub(1));
    let rows: Vec<Row> = (first..q.total.min(first + inner_h))
        .map(|p| match q.row(p) {
            Some(r) => Row::Pieces(pane::pieces(&[&r.cohort_label, &r.role, &r.text])),
            None => Row::Item("…".into()),
        })
        .collect();
    let title = format!(
        "{title} [{}]{}",
        lang.of_total(q.total.min(q.selected + 1), q.total),
        if focus { " ●" } else { "" }
    );
    if rows.is_empty() {
        pane::message(
            cx,
            frame,
            area,
            &title,
            &lang.no_quotes_for_code(&cx.key_names()),
        );
    } else {
        // Marked only when the list has the keys.
        let sel = focus.then(|| q.selected - first);
        pane::render_list(cx, frame, area, &title, &rows, sel);
    }
}
