//! The Codebook view: the tree of codes with each code's counts (codings,
//! documents, cohorts, roles); beside it the selected code's frequencies by
//! cohort and by role, its memo, and its quotes, each one key away from its
//! context in the document.

use crate::domain::{Code, Id, code_tree};
use crate::store::marking::CodeCounts;
use crate::store::{Store, StoreError};
use crate::tui::action::{Action, Outcome, PAGE, moved};
use crate::tui::views::ViewId;
use crate::tui::views::quotes::{self, QuotesState};
use crate::tui::views::{Env, Place, View};
use crate::tui::widgets::Ctx;
use crate::tui::widgets::colour::parse_colour;
use crate::tui::widgets::pane::{self, Row};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

#[derive(Debug, Default)]
pub struct CodebookState {
    loaded: bool,
    /// The selected code's details (frequencies, quotes) are to be read
    /// again when the view is next shown: a coding in the reader touched it.
    details_stale: bool,
    /// The tree in display order: each code, its depth, its counts.
    pub rows: Vec<(Code, usize, CodeCounts)>,
    pub selected: usize,
    /// The selected code's quotes; `focus` is on them after Enter.
    pub quotes: QuotesState,
    pub focus: bool,
    /// Quotes and frequencies of the code alone, without its children's
    /// (`a` toggles; with the children by default).
    pub alone: bool,
    pub by_cohort: Vec<(String, usize)>,
    pub by_role: Vec<(String, usize)>,
}

/// The codes in tree order (children under their parent, by id), with depth.
pub fn tree(codes: Vec<(Code, CodeCounts)>) -> Vec<(Code, usize, CodeCounts)> {
    let plain: Vec<Code> = codes.iter().map(|(c, _)| c.clone()).collect();
    code_tree(&plain)
        .into_iter()
        .map(|(i, depth)| (codes[i].0.clone(), depth, codes[i].1))
        .collect()
}

impl CodebookState {
    pub fn ensure_loaded(&mut self, store: &Store, coder: Option<Id>) -> Result<(), StoreError> {
        if self.loaded {
            if std::mem::take(&mut self.details_stale) {
                return self.details(store, coder);
            }
            return Ok(());
        }
        self.reload(store, coder)
    }

    /// Read again when next shown (after a codebook change).
    pub fn invalidate(&mut self) {
        self.loaded = false;
    }

    /// Reads the codebook and the selected code's details again.
    pub fn reload(&mut self, store: &Store, coder: Option<Id>) -> Result<(), StoreError> {
        let keep = self.selected_code().map(|c| c.id);
        self.rows = tree(store.codebook(coder)?);
        self.loaded = true;
        self.details_stale = false;
        if let Some(id) = keep
            && let Some(i) = self.rows.iter().position(|(c, _, _)| c.id == id)
        {
            self.selected = i;
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.details(store, coder)
    }

    /// Refreshes one code's counts (after a coding, say) without reading
    /// the whole codebook; the selected code's details are read again when
    /// the view is next shown.
    pub fn refresh_code(
        &mut self,
        store: &Store,
        code: Id,
        coder: Option<Id>,
    ) -> Result<(), StoreError> {
        if !self.loaded {
            return Ok(());
        }
        match self.rows.iter_mut().find(|(c, _, _)| c.id == code) {
            Some(row) => row.2 = store.code_counts(code, coder)?,
            None => return self.reload(store, coder),
        }
        // The details are not on screen while coding: read when shown. Any
        // code may be among them (a child's quotes show under its parent).
        self.details_stale = true;
        Ok(())
    }

    fn details(&mut self, store: &Store, coder: Option<Id>) -> Result<(), StoreError> {
        let Some(id) = self.selected_code().map(|c| c.id) else {
            self.by_cohort.clear();
            self.by_role.clear();
            return Ok(());
        };
        let spread = store.spread(id, !self.alone, coder)?;
        self.by_cohort = spread.by_cohort;
        self.by_role = spread.by_role;
        self.quotes.filter.code = Some(id);
        self.quotes.filter.direct = self.alone;
        self.quotes.filter.coder = coder;
        // The list's filter is the spread's: its quotes are already counted.
        self.quotes.show_counted(store, spread.quotes)
    }

    pub fn selected_code(&self) -> Option<&Code> {
        self.rows.get(self.selected).map(|(c, _, _)| c)
    }

    /// Selects a code (from a finding's evidence, say).
    pub fn select_code(
        &mut self,
        id: Id,
        store: &Store,
        coder: Option<Id>,
    ) -> Result<(), StoreError> {
        self.ensure_loaded(store, coder)?;
        if let Some(i) = self.rows.iter().position(|(c, _, _)| c.id == id) {
            self.selected = i;
        }
        self.focus = false;
        self.details(store, coder)
    }

    pub fn update(&mut self, action: Action, store: &Store, coder: Option<Id>) -> Outcome {
        if self.focus {
            return match action {
                Action::Back => {
                    self.focus = false;
                    Outcome::changed(true)
                }
                other => self.quotes.update(other, store),
            };
        }
        let result = match action {
            Action::Enter if self.quotes.total > 0 => {
                self.focus = true;
                Ok(true)
            }
            Action::ToggleChildren => {
                self.alone = !self.alone;
                self.details(store, coder).map(|_| true)
            }
            other => match moved(self.selected, self.rows.len(), other, PAGE) {
                Some(i) if i != self.selected => {
                    self.selected = i;
                    self.quotes.selected = 0;
                    self.details(store, coder).map(|_| true)
                }
                _ => Ok(false),
            },
        };
        Outcome::of(result)
    }
}

/// Where the user stood: the code, whether its quotes had the keys, and
/// the quote selected among them.
struct Here {
    code: Option<Id>,
    focus: bool,
    quote: usize,
}

impl View for CodebookState {
    fn load(&mut self, env: &Env) -> Result<(), StoreError> {
        self.ensure_loaded(env.store, env.shown_coder)
    }

    fn invalidate(&mut self) {
        self.invalidate();
    }

    fn shows_codes(&self) -> bool {
        true
    }

    /// Moving and opening; the codebook's edits go to the coding workflow.
    fn update(&mut self, action: Action, env: &mut Env) -> Outcome {
        self.update(action, env.store, env.shown_coder)
    }

    fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect) {
        draw(self, cx, frame, area)
    }

    fn place(&self) -> Option<Place> {
        Some(Box::new(Here {
            code: self.rows.get(self.selected).map(|(c, _, _)| c.id),
            focus: self.focus,
            quote: self.quotes.selected,
        }))
    }

    fn return_to(&mut self, place: &Place, env: &Env) -> Result<(), StoreError> {
        let Some(here) = place.downcast_ref::<Here>() else {
            return Ok(());
        };
        if let Some(id) = here.code {
            self.select_code(id, env.store, env.shown_coder)?;
        }
        self.focus = here.focus;
        self.quotes.select(here.quote, env.store)
    }
}

fn draw(state: &CodebookState, cx: &Ctx, frame: &mut Frame, area: Rect) {
    let lang = cx.settings.lang;
    let title = lang.view_name(ViewId::Codebook);
    if state.rows.is_empty() {
        pane::message(
            cx,
            frame,
            area,
            title,
            &lang.nothing_here(ViewId::Codebook, &cx.key_names()),
        );
        return;
    }
    let (list_area, detail_area) = pane::split(area, lang, 45);
    let width = list_area.width.saturating_sub(2) as usize;
    let rows: Vec<Row> = state
        .rows
        .iter()
        .map(|(c, depth, n)| {
            // The tree's indent and the count are the interface's; the name
            // is a piece of data in its own direction (an isolate).
            Row::Swatch(
                format!(
                    "{}\u{2068}{}\u{2069} ({})",
                    "  ".repeat(*depth),
                    c.name,
                    n.codings
                ),
                parse_colour(&c.colour),
            )
        })
        .collect();
    let lines = pane::list_lines(
        cx,
        &rows,
        Some(state.selected),
        width,
        list_area.height.saturating_sub(2) as usize,
    );
    let list_title = format!("{} · {}", title, cx.shown_coder_label);
    frame.render_widget(
        Paragraph::new(lines).block({
            let b = pane::block(cx, &list_title, list_area);
            if state.focus { b } else { pane::active(b) }
        }),
        list_area,
    );
    let Some(code) = state.selected_code() else {
        return;
    };
    let [head, quotes_area] =
        Layout::vertical([Constraint::Percentage(45), Constraint::Min(5)]).areas(detail_area);
    let width = head.width.saturating_sub(2) as usize;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let dim = Style::new().fg(Color::DarkGray);
    let mut lines = vec![];
    let counts = state.rows[state.selected].2;
    lines.extend(pane::ui_para(
        cx,
        &lang.counts_long(
            counts.codings,
            counts.documents,
            counts.cohorts,
            counts.roles,
        ),
        width,
        Style::new(),
    ));
    if !code.description.is_empty() {
        lines.extend(pane::para(cx, &code.description, width, dim));
    }
    if !code.memo.is_empty() {
        lines.extend(pane::para(
            cx,
            &format!("✎ {}", code.memo),
            width,
            Style::new(),
        ));
    }
    lines.push(Line::from(""));
    let with = if !state.alone {
        lang.with_children()
    } else {
        lang.code_alone()
    };
    for (label, table) in [
        (lang.by_cohort(), &state.by_cohort),
        (lang.by_role(), &state.by_role),
    ] {
        lines.extend(pane::ui_para(cx, &format!("{label} ({with})"), width, bold));
        if table.is_empty() {
            lines.extend(pane::ui_para(cx, "—", width, dim));
        }
        for (key, n) in table {
            let key = if key.is_empty() { lang.no_role() } else { key };
            lines.extend(pane::ui_para(
                cx,
                &format!("  {n:>4}  {key}{}", lang.mark()),
                width,
                Style::new(),
            ));
        }
    }
    frame.render_widget(
        Paragraph::new(lines).block(pane::block(cx, &pane::pieces(&[&code.name]), head)),
        head,
    );
    let title = lang.quotes_of_code(state.quotes.total);
    quotes::draw(cx, frame, quotes_area, &title, &state.quotes, state.focus);
}
