//! Recommendations by cohort and phase, with what became of each in every
//! later cohort of its program: `[` `]` choose the cohort, `s` cycles its
//! status and saves it, `m` writes its note.

use crate::domain::{Cohort, Id, Recommendation, Uptake};
use crate::lang::Lang;
use crate::store::{Store, StoreError};
use crate::tui::action::{Action, Outcome, PAGE, moved};
use crate::tui::views::ViewId;
use crate::tui::views::{Env, ItemPlace, Place, View};
use crate::tui::widgets::Ctx;
use crate::tui::widgets::detail::Detail;
use crate::tui::widgets::pane::{self, Row};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use std::collections::HashMap;

#[derive(Debug, Default)]
pub struct RecsState {
    loaded: bool,
    pub recs: Vec<Recommendation>,
    pub cohort_labels: HashMap<Id, String>,
    /// Every cohort, in their programs' order: a recommendation's later
    /// cohorts are those after its own in its program.
    pub cohorts: Vec<Cohort>,
    pub selected: usize,
    /// Which of the selected recommendation's later cohorts `s` and `m` are
    /// for (an index among them).
    pub later_at: usize,
    /// The recommendation in full, which takes the keys to scroll.
    pub detail: Detail,
}

/// The status after `u` in the cycle.
pub fn next_uptake(u: Uptake) -> Uptake {
    let all = Uptake::ALL;
    let i = all.iter().position(|x| *x == u).unwrap_or(0);
    all[(i + 1) % all.len()]
}

fn badge(u: Uptake) -> (&'static str, Color) {
    match u {
        Uptake::TakenUp => ("●", Color::Green),
        Uptake::Partly => ("◐", Color::Yellow),
        Uptake::Not => ("○", Color::Red),
        Uptake::Unknown => ("?", Color::DarkGray),
    }
}

/// The cohorts after `cohort` in its program, in order.
pub fn later_cohorts(cohorts: &[Cohort], cohort: Id) -> Vec<&Cohort> {
    let Some(own) = cohorts.iter().find(|c| c.id == cohort) else {
        return vec![];
    };
    cohorts
        .iter()
        .filter(|c| c.program == own.program && c.ordinal > own.ordinal)
        .collect()
}

impl RecsState {
    pub fn ensure_loaded(&mut self, store: &Store) -> Result<(), StoreError> {
        if self.loaded {
            return Ok(());
        }
        self.recs = store.recommendations()?;
        self.cohorts = store.cohorts()?;
        self.cohort_labels = self
            .cohorts
            .iter()
            .map(|c| (c.id, c.label.clone()))
            .collect();
        self.loaded = true;
        Ok(())
    }

    /// The later cohort `s` and `m` are for, of the selected recommendation.
    pub fn later_cohort(&self) -> Option<(&Recommendation, &Cohort)> {
        let r = self.recs.get(self.selected)?;
        let later = later_cohorts(&self.cohorts, r.cohort);
        let c = *later.get(self.later_at.min(later.len().saturating_sub(1)))?;
        Some((r, c))
    }

    pub fn update(&mut self, action: Action, store: &mut Store, lang: Lang) -> Outcome {
        if let Some(done) = self.detail.update(action) {
            return done;
        }
        match action {
            Action::Enter if !self.recs.is_empty() => self.detail.take(),
            Action::EarlierCohort | Action::LaterCohort => {
                let n = self
                    .recs
                    .get(self.selected)
                    .map_or(0, |r| later_cohorts(&self.cohorts, r.cohort).len());
                let to = if action == Action::LaterCohort {
                    (self.later_at + 1).min(n.saturating_sub(1))
                } else {
                    self.later_at.saturating_sub(1)
                };
                let changed = to != self.later_at;
                self.later_at = to;
                Outcome::changed(changed)
            }
            Action::CycleUptake => {
                let Some((r, c)) = self.later_cohort() else {
                    return Outcome::said(lang.no_later_cohort().into());
                };
                let (id, cohort) = (r.id, c.id);
                let (status, note) = r.fate_in(cohort);
                let (next, note) = (next_uptake(status), note.to_string());
                // The screen shows the new status only once it is saved.
                match store.set_fate(id, cohort, next, &note) {
                    Ok(()) => {
                        self.loaded = false;
                        match self.ensure_loaded(store) {
                            Ok(()) => Outcome::said(lang.saved_uptake(next)),
                            Err(e) => Outcome::failed(e),
                        }
                    }
                    Err(e) => Outcome::failed(e),
                }
            }
            other => match moved(self.selected, self.recs.len(), other, PAGE) {
                Some(i) if i != self.selected => {
                    self.selected = i;
                    self.later_at = 0;
                    self.detail.reset();
                    Outcome::changed(true)
                }
                _ => Outcome::changed(false),
            },
        }
    }

    pub fn select(&mut self, id: Id) -> Result<(), StoreError> {
        if let Some(i) = self.recs.iter().position(|r| r.id == id) {
            self.selected = i;
        }
        Ok(())
    }
}

impl View for RecsState {
    fn load(&mut self, env: &Env) -> Result<(), StoreError> {
        self.ensure_loaded(env.store)
    }

    fn invalidate(&mut self) {
        self.loaded = false;
    }

    fn update(&mut self, action: Action, env: &mut Env) -> Outcome {
        self.update(action, env.store, env.lang)
    }

    fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect) {
        draw(self, cx, frame, area)
    }

    /// The recommendation, and its pane's keys and scroll.
    fn place(&self) -> Option<Place> {
        ItemPlace::boxed(self.recs.get(self.selected).map(|r| r.id), &self.detail)
    }

    fn return_to(&mut self, place: &Place, _env: &Env) -> Result<(), StoreError> {
        let Some(here) = ItemPlace::of(place) else {
            return Ok(());
        };
        if let Some(id) = here.item {
            self.select(id)?;
        }
        self.detail = here.detail.clone();
        Ok(())
    }
}

fn draw(state: &RecsState, cx: &Ctx, frame: &mut Frame, area: Rect) {
    let lang = cx.settings.lang;
    let title = lang.view_name(ViewId::Recommendations);
    if state.recs.is_empty() {
        pane::message(
            cx,
            frame,
            area,
            title,
            &lang.nothing_here(ViewId::Recommendations, &cx.key_names()),
        );
        return;
    }
    let (list_area, detail_area) = pane::split(area, lang, 50);
    let mut rows = vec![];
    let mut group = None;
    for r in &state.recs {
        if group != Some((r.cohort, r.phase)) {
            let label = state
                .cohort_labels
                .get(&r.cohort)
                .cloned()
                .unwrap_or_default();
            rows.push(Row::Header(pane::pieces(&[
                &lang.cohort(&label),
                lang.phase(r.phase),
            ])));
            group = Some((r.cohort, r.phase));
        }
        // A mark per later cohort, in their order.
        let marks: String = later_cohorts(&state.cohorts, r.cohort)
            .iter()
            .map(|c| badge(r.fate_in(c.id).0).0)
            .collect();
        rows.push(Row::Item(format!("{marks} {}", r.text)));
    }
    // The marks are uptake as judged in the store, not the reports' word.
    let list_title = format!("{title} · {}", lang.uptake_judged_here());
    pane::render_list_in(
        cx,
        frame,
        list_area,
        &list_title,
        &rows,
        Some(state.selected),
        !state.detail.focus,
    );
    let Some(r) = state.recs.get(state.selected) else {
        return;
    };
    let width = detail_area.width.saturating_sub(2) as usize;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut lines = pane::para(cx, &r.text, width, bold);
    lines.push(Line::from(""));
    if !r.source.is_empty() {
        lines.extend(pane::para(
            cx,
            &format!("— {}", r.source),
            width,
            Style::new(),
        ));
        lines.push(Line::from(""));
    }
    // A row of the later cohorts, each with its mark; the one the keys are
    // for in brackets, its status and note under the row.
    let later = later_cohorts(&state.cohorts, r.cohort);
    if later.is_empty() {
        lines.extend(pane::ui_para(
            cx,
            lang.no_later_cohort(),
            width,
            Style::new(),
        ));
    }
    let at = state.later_at.min(later.len().saturating_sub(1));
    let row = later
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mark = badge(r.fate_in(c.id).0).0;
            let label = format!("\u{2068}{}\u{2069} {mark}", lang.cohort(&c.label));
            if i == at {
                format!("[{label}]")
            } else {
                format!(" {label} ")
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    if !later.is_empty() {
        lines.extend(pane::ui_para(cx, &row, width, Style::new()));
        let (status, note) = r.fate_in(later[at].id);
        let (mark, colour) = badge(status);
        let keys = cx.key_names();
        lines.extend(pane::ui_para(
            cx,
            &format!(
                "{mark} {} · {}   {}",
                lang.cohort(&later[at].label),
                lang.uptake(status),
                lang.fate_keys(&keys)
            ),
            width,
            Style::new().fg(colour).add_modifier(Modifier::BOLD),
        ));
        if !note.is_empty() {
            lines.extend(pane::para(cx, note, width, Style::new()));
        }
    }
    lines.extend(pane::ui_para(
        cx,
        lang.uptake_is_a_judgement(),
        width,
        Style::new().add_modifier(Modifier::DIM),
    ));
    let label = state
        .cohort_labels
        .get(&r.cohort)
        .cloned()
        .unwrap_or_default();
    let block = pane::block(
        cx,
        &pane::pieces(&[&lang.cohort(&label), lang.phase(r.phase)]),
        detail_area,
    );
    state.detail.render(
        frame,
        block,
        lines,
        detail_area,
        cx.settings.lang.mirrored(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_cycles_through_every_value() {
        let mut u = Uptake::Unknown;
        let mut seen = vec![];
        for _ in 0..4 {
            u = next_uptake(u);
            seen.push(u);
        }
        assert_eq!(
            seen,
            vec![
                Uptake::TakenUp,
                Uptake::Partly,
                Uptake::Not,
                Uptake::Unknown
            ]
        );
    }
}
