//! Every quote with its role and cohort, filtered by code, cohort or role.
//! Read-only here (coding is its own view). The list is read a page at a
//! time: only what is on screen, and a little around it, is in memory.

use crate::domain::{Code, Cohort, Id};
use crate::store::coding::{QuoteFilter, QuoteRow};
use crate::store::{Store, StoreError};
use crate::tui::app::{Action, App, Outcome, PAGE, moved};
use crate::tui::views::ViewId;
use crate::tui::widgets::pane::{self, Row};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Quotes read from the store at a time.
const WINDOW: usize = 100;

#[derive(Debug, Default)]
pub struct QuotesState {
    loaded: bool,
    pub filter: QuoteFilter,
    pub total: usize,
    /// The rows read: `window.1` from position `window.0`.
    window: (usize, Vec<QuoteRow>),
    pub selected: usize,
    /// The codes of the selected quote.
    pub codes: Vec<Code>,
    pub cohorts: Vec<Cohort>,
    pub roles: Vec<String>,
    /// Codes that hold quotes, in codebook order.
    pub all_codes: Vec<Code>,
}

impl QuotesState {
    pub fn ensure_loaded(&mut self, store: &Store) -> Result<(), StoreError> {
        if self.loaded {
            return Ok(());
        }
        self.cohorts = store.cohorts()?;
        self.roles = store.quote_roles()?;
        self.all_codes = store
            .codes_with_counts()?
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(c, _)| c)
            .collect();
        self.loaded = true;
        self.refresh(store)
    }

    /// Counts the filter's quotes and reads the page around the selection.
    fn refresh(&mut self, store: &Store) -> Result<(), StoreError> {
        self.total = store.count_quotes(&self.filter)?;
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
        self.codes = match self.selected_quote() {
            Some(q) => store.codes_of_quote(q.id)?,
            None => vec![],
        };
        Ok(())
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

    pub fn update(&mut self, action: Action, store: &mut Store) -> Outcome {
        let result = match action {
            Action::CycleCohort => {
                let ids: Vec<Id> = self.cohorts.iter().map(|c| c.id).collect();
                self.filter.cohort = cycle(&ids, self.filter.cohort);
                self.selected = 0;
                self.refresh(store).map(|_| true)
            }
            Action::CycleRole => {
                self.filter.role = cycle(&self.roles, self.filter.role.clone());
                self.selected = 0;
                self.refresh(store).map(|_| true)
            }
            Action::CycleCode => {
                let ids: Vec<Id> = self.all_codes.iter().map(|c| c.id).collect();
                self.filter.code = cycle(&ids, self.filter.code);
                self.selected = 0;
                self.refresh(store).map(|_| true)
            }
            Action::ClearFilters if self.filter != QuoteFilter::default() => {
                self.filter = QuoteFilter::default();
                self.selected = 0;
                self.refresh(store).map(|_| true)
            }
            other => match moved(self.selected, self.total, other, PAGE) {
                Some(i) if i != self.selected => {
                    self.selected = i;
                    self.read_around(store).map(|_| true)
                }
                _ => Ok(false),
            },
        };
        Outcome::of(result)
    }

    /// Shows the quotes of a code (and its children).
    pub fn filter_code(&mut self, code: Id, store: &Store) -> Result<(), StoreError> {
        self.filter = QuoteFilter {
            code: Some(code),
            ..Default::default()
        };
        self.selected = 0;
        self.refresh(store)
    }

    /// Selects a quote, clearing filters that would hide it.
    pub fn select_quote(&mut self, id: Id, store: &Store) -> Result<(), StoreError> {
        let position = match store.quote_position(&self.filter, id)? {
            Some(p) => p,
            None => {
                self.filter = QuoteFilter::default();
                store.quote_position(&self.filter, id)?.unwrap_or(0)
            }
        };
        self.total = store.count_quotes(&self.filter)?;
        self.selected = position;
        self.window = (0, vec![]);
        self.read_around(store)
    }
}

/// The next value after `current` in `values`, then none (no filter).
fn cycle<T: Clone + PartialEq>(values: &[T], current: Option<T>) -> Option<T> {
    match current {
        None => values.first().cloned(),
        Some(c) => {
            let i = values.iter().position(|v| *v == c)?;
            values.get(i + 1).cloned()
        }
    }
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.settings.lang;
    let state = &app.quotes;
    let title = lang.view_name(ViewId::Quotes);
    let [filters_area, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    let cohort = state
        .filter
        .cohort
        .and_then(|id| state.cohorts.iter().find(|c| c.id == id))
        .map(|c| c.label.clone())
        .unwrap_or_else(|| lang.all().into());
    let role = state
        .filter
        .role
        .clone()
        .unwrap_or_else(|| lang.all().into());
    let code = state
        .filter
        .code
        .and_then(|id| state.all_codes.iter().find(|c| c.id == id))
        .map(|c| c.name.clone())
        .unwrap_or_else(|| lang.all().into());
    let line = format!(
        " {}   [{}]   c r f x",
        lang.filters(&cohort, &role, &code),
        lang.of_total(state.total.min(state.selected + 1), state.total)
    );
    let width = area.width as usize;
    frame.render_widget(
        Paragraph::new(app.prose().line(
            &line,
            width,
            Some(lang.direction()),
            Style::new().fg(Color::Cyan),
        )),
        filters_area,
    );
    if state.total == 0 {
        pane::message(app, frame, body, title, lang.nothing_here(ViewId::Quotes));
        return;
    }
    let (list_area, detail_area) = pane::split(body, lang, 50);
    let inner_h = list_area.height.saturating_sub(2) as usize;
    // The rows on screen: a window of the list around the selection.
    let first = state.selected.saturating_sub(inner_h.saturating_sub(1));
    let rows: Vec<Row> = (first..state.total.min(first + inner_h))
        .map(|p| match state.row(p) {
            Some(q) => Row::Item(format!("{} · {} · {}", q.cohort_label, q.role, q.text)),
            None => Row::Item("…".into()),
        })
        .collect();
    pane::render_list(app, frame, list_area, title, &rows, state.selected - first);
    let Some(q) = state.selected_quote() else {
        return;
    };
    let width = detail_area.width.saturating_sub(2) as usize;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut lines = pane::para(app, &q.text, width, bold);
    lines.push(Line::from(""));
    let who = format!(
        "— {}{}, {}",
        q.role,
        lang.mark(),
        lang.cohort(&q.cohort_label)
    );
    lines.extend(pane::ui_para(app, &who, width, Style::new()));
    lines.extend(pane::para(
        app,
        &q.document_title,
        width,
        Style::new().fg(Color::DarkGray),
    ));
    lines.push(Line::from(""));
    for c in &state.codes {
        let colour = Style::new().fg(parse_colour(&c.colour));
        lines.extend(pane::swatch(app, "", colour, &c.name, width));
    }
    frame.render_widget(
        Paragraph::new(lines).block(pane::block(app, &q.role, detail_area)),
        detail_area,
    );
}

/// `#rrggbb` as a terminal colour.
pub fn parse_colour(s: &str) -> Color {
    let hex = |i: usize| u8::from_str_radix(s.get(i..i + 2).unwrap_or("80"), 16).unwrap_or(128);
    Color::Rgb(hex(1), hex(3), hex(5))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_cycles_through_its_values_and_back_to_none() {
        let v = [1, 2, 3];
        assert_eq!(cycle(&v, None), Some(1));
        assert_eq!(cycle(&v, Some(1)), Some(2));
        assert_eq!(cycle(&v, Some(3)), None);
        assert_eq!(cycle::<i32>(&[], None), None);
    }
}
