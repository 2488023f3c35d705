//! The search overlay: `/`, then words; hits grouped by kind as you type;
//! Enter shows the hit in its own view.

use crate::store::Store;
use crate::store::search::Hit;
use crate::tui::action::{Action, Outcome, PAGE, Target, moved};
use crate::tui::widgets::Ctx;
use crate::tui::widgets::pane::{self, Row};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Clear, Paragraph};

/// Hits shown of each kind.
const PER_KIND: usize = 8;

#[derive(Debug, Default)]
pub struct SearchState {
    pub query: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// The query searched before this one, brought back by Up (or Ctrl-p)
    /// while the query is empty.
    pub last: String,
    /// More matched than were ranked: the hits are the best of the first.
    pub more: bool,
    /// Each hit as the list shows it (a line break as the space it is drawn
    /// as, so positions hold) with the words the query matched: worked out
    /// when the hits come, not on every frame.
    shown: Vec<(String, Vec<(usize, usize)>)>,
}

impl SearchState {
    /// Search opened again: a new query, the last one kept a key away.
    pub fn reopen(&mut self) {
        if !self.query.trim().is_empty() {
            self.last = std::mem::take(&mut self.query);
        }
        self.query.clear();
        self.hits.clear();
        self.shown.clear();
        self.more = false;
        self.selected = 0;
    }

    pub fn update(&mut self, action: Action, store: &Store) -> Outcome {
        match action {
            Action::Up if self.query.is_empty() && !self.last.is_empty() => {
                self.query = self.last.clone();
                self.run(store)
            }
            Action::Input(c) => {
                self.query.push(c);
                self.run(store)
            }
            Action::DeleteChar => {
                if self.query.pop().is_none() {
                    return Outcome::changed(false);
                }
                self.run(store)
            }
            Action::Enter => Outcome {
                changed: true,
                jump: self
                    .hits
                    .get(self.selected)
                    .map(|h| Target::of_hit(h.kind, h.id)),
                ..Default::default()
            },
            other => match moved(self.selected, self.hits.len(), other, PAGE) {
                Some(i) if i != self.selected => {
                    self.selected = i;
                    Outcome::changed(true)
                }
                _ => Outcome::changed(false),
            },
        }
    }

    fn run(&mut self, store: &Store) -> Outcome {
        self.selected = 0;
        match store.search_first(&self.query, PER_KIND) {
            Ok((hits, more)) => {
                self.shown = hits
                    .iter()
                    .map(|h| {
                        let text = h.text.replace('\n', " ");
                        let marks = crate::text::fold::marked(&text, &self.query);
                        (text, marks)
                    })
                    .collect();
                self.hits = hits;
                self.more = more;
                Outcome::changed(true)
            }
            Err(e) => Outcome::failed(e),
        }
    }
}

pub fn draw(state: &SearchState, cx: &Ctx, frame: &mut Frame, area: Rect) {
    let lang = cx.settings.lang;
    let popup = area.inner(Margin {
        horizontal: area.width / 10,
        vertical: 1,
    });
    frame.render_widget(Clear, popup);
    let block = pane::block(cx, &lang.search_title(&cx.key_names()), popup);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [input, note, results] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    let width = inner.width as usize;
    let prompt = if state.query.is_empty() {
        cx.prose().line(
            &lang.search_prompt(&cx.key_names()),
            width,
            Some(lang.direction()),
            Style::new().fg(Color::DarkGray),
        )
    } else {
        // The query in its own direction, with a cursor at its logical end.
        cx.prose().line(
            &format!("{}▏", state.query),
            width,
            None,
            Style::new().add_modifier(Modifier::BOLD),
        )
    };
    frame.render_widget(Paragraph::new(prompt), input);
    if state.query.trim().is_empty() {
        return;
    }
    if state.hits.is_empty() {
        frame.render_widget(
            Paragraph::new(pane::ui_para(cx, lang.no_hits(), width, Style::new())),
            results,
        );
        return;
    }
    if state.more {
        let dim = Style::new().fg(Color::DarkGray);
        let said = lang.search_more(crate::store::search::RANKED);
        frame.render_widget(Paragraph::new(pane::ui_para(cx, &said, width, dim)), note);
    }
    let mut rows = vec![];
    let mut kind = None;
    for (h, (text, marks)) in state.hits.iter().zip(&state.shown) {
        if kind != Some(h.kind) {
            rows.push(Row::Header(lang.hit_kind(h.kind).to_string()));
            kind = Some(h.kind);
        }
        rows.push(Row::Marked(text.clone(), marks.clone()));
    }
    frame.render_widget(
        Paragraph::new(pane::list_lines(
            cx,
            &rows,
            Some(state.selected),
            width,
            results.height as usize,
        )),
        results,
    );
}
