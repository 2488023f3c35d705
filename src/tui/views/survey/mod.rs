//! The survey: instruments → topics → questions, and the selected question's
//! results, one diverging bar per segment.

mod reading;
mod results;
pub use results::{question_detail, result_lines};

use crate::analysis::{TopBoxShare, top_box_share};
use crate::domain::{Id, ResultSet, Scale, Segment};
use crate::store::survey::QuestionRow;
use crate::store::{Store, StoreError};
use crate::tui::action::{Action, Outcome, PAGE, moved};
use crate::tui::views::ViewId;
use crate::tui::views::{Env, ItemPlace, Place, View};
use crate::tui::widgets::Ctx;
use crate::tui::widgets::detail::Detail;
use crate::tui::widgets::pane::{self, Row};
use ratatui::Frame;
use ratatui::layout::Rect;
use std::collections::{HashMap, HashSet};

/// How many instruments' results the Survey keeps read while its list is in
/// its own order (see `survey/reading.rs`).
pub const KEPT_INSTRUMENTS: usize = 4;

#[derive(Debug, Default)]
pub struct SurveyState {
    loaded: bool,
    pub rows: Vec<QuestionRow>,
    pub scales: HashMap<Id, Scale>,
    pub segments: Vec<Segment>,
    /// Results by question, for the instruments read so far.
    pub results: HashMap<Id, Vec<ResultSet>>,
    /// The instruments whose results are read whole, the latest last.
    read: Vec<Id>,
    /// Each question's instrument.
    instrument_of: HashMap<Id, Id>,
    /// The rows in the order shown (indexes into `rows`).
    pub order: Vec<usize>,
    /// Index into `order`.
    pub selected: usize,
    /// Show counts beside the percentages.
    pub counts: bool,
    /// Within each topic, questions by their top-box figure.
    pub sorted: bool,
    /// Per (instrument, topic), how many leading characters all its
    /// questions share (left out of the list). Set when the rows are read.
    pub shared: HashMap<(Id, String), usize>,
    /// The question's figures, which take the keys to scroll.
    pub detail: Detail,
}

impl SurveyState {
    pub fn ensure_loaded(&mut self, store: &Store) -> Result<(), StoreError> {
        if self.loaded {
            return Ok(());
        }
        self.rows = store.question_rows()?;
        let (scales, segments) = store.scales_and_segments()?;
        self.scales = scales.into_iter().map(|s| (s.id, s)).collect();
        self.segments = segments;
        self.order = (0..self.rows.len()).collect();
        self.instrument_of = self
            .rows
            .iter()
            .map(|r| (r.question.id, r.question.instrument))
            .collect();
        let mut topics: HashMap<(Id, String), Vec<&str>> = HashMap::new();
        for r in &self.rows {
            topics
                .entry((r.question.instrument, r.question.topic.clone()))
                .or_default()
                .push(r.question.wording.as_str());
        }
        self.shared = topics
            .into_iter()
            .map(|(k, wordings)| (k, shared_words(&wordings)))
            .collect();
        self.loaded = true;
        // Read again as they now are, for a store that changed.
        self.results.clear();
        self.read.clear();
        self.read_selected(store)
    }

    pub fn selected_row(&self) -> Option<&QuestionRow> {
        self.order.get(self.selected).map(|&i| &self.rows[i])
    }

    /// The questions of other instruments that share `row`'s item key.
    pub fn same_item<'a>(
        &'a self,
        row: &'a QuestionRow,
    ) -> impl Iterator<Item = &'a QuestionRow> + 'a {
        self.rows.iter().filter(move |r| {
            !row.question.item.is_empty()
                && r.question.item == row.question.item
                && r.question.instrument != row.question.instrument
        })
    }

    /// The top-box figure of a question for its first segment, if known.
    pub fn top_box(&self, question: Id, scale: Id) -> Option<u32> {
        let scale = self.scales.get(&scale)?;
        let first = self.results.get(&question)?.first()?;
        top_box_share(scale, &first.figures).map(TopBoxShare::percent)
    }

    fn resort(&mut self) {
        let current = self.order.get(self.selected).copied();
        self.order = (0..self.rows.len()).collect();
        if self.sorted {
            // Stable: questions keep their order within a figure, topics and
            // instruments stay where they are.
            let keys: Vec<_> = (0..self.rows.len())
                .map(|i| {
                    let q = &self.rows[i].question;
                    (
                        q.instrument,
                        first_of_topic(&self.rows, i),
                        std::cmp::Reverse(self.top_box(q.id, q.scale)),
                    )
                })
                .collect();
            self.order.sort_by_key(|&i| keys[i]);
        }
        if let Some(c) = current {
            self.selected = self.order.iter().position(|&i| i == c).unwrap_or(0);
        }
    }

    pub fn update(&mut self, action: Action, store: &mut Store) -> Outcome {
        if let Some(done) = self.detail.update(action) {
            return done;
        }
        let result = match action {
            Action::Enter if self.selected_row().is_some() => return self.detail.take(),
            Action::ToggleFigures => {
                self.counts = !self.counts;
                Ok(true)
            }
            Action::SortTopBox => {
                self.sorted = !self.sorted;
                // Sorting needs every instrument's figures.
                let instruments: HashSet<Id> =
                    self.rows.iter().map(|r| r.question.instrument).collect();
                let mut read = Ok(());
                for i in instruments {
                    if !self.read.contains(&i) {
                        read = read.and(self.read_instrument(store, i));
                    }
                }
                self.resort();
                read.map(|_| true)
            }
            other => match moved(self.selected, self.order.len(), other, PAGE) {
                Some(i) if i != self.selected => {
                    self.selected = i;
                    self.detail.reset();
                    self.read_selected(store).map(|_| true)
                }
                _ => Ok(false),
            },
        };
        Outcome::of(result)
    }

    pub fn select_question(&mut self, id: Id, store: &Store) -> Result<(), StoreError> {
        if let Some(pos) = self
            .order
            .iter()
            .position(|&i| self.rows[i].question.id == id)
        {
            self.selected = pos;
        }
        self.read_selected(store)
    }
}

/// How many leading characters, up to a word's end, all of `texts` share
/// (none when they are fewer than two).
pub fn shared_words(texts: &[&str]) -> usize {
    let Some((first, rest)) = texts.split_first() else {
        return 0;
    };
    if rest.is_empty() {
        return 0;
    }
    let common = first
        .chars()
        .enumerate()
        .take_while(|(i, c)| rest.iter().all(|t| t.chars().nth(*i) == Some(*c)))
        .count();
    // Back to the end of the last whole word (after its space or colon).
    let prefix: Vec<char> = first.chars().take(common).collect();
    prefix
        .iter()
        .rposition(|c| *c == ' ')
        .map(|p| p + 1)
        .unwrap_or(0)
}

/// The index of the first row of the topic row `i` belongs to (topics are
/// kept in their first appearance's place when sorting).
fn first_of_topic(rows: &[QuestionRow], i: usize) -> usize {
    let q = &rows[i].question;
    rows.iter()
        .position(|r| r.question.instrument == q.instrument && r.question.topic == q.topic)
        .unwrap_or(i)
}

impl View for SurveyState {
    fn load(&mut self, env: &Env) -> Result<(), StoreError> {
        self.ensure_loaded(env.store)
    }

    fn invalidate(&mut self) {
        self.loaded = false;
    }

    fn update(&mut self, action: Action, env: &mut Env) -> Outcome {
        self.update(action, env.store)
    }

    fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect) {
        draw(self, cx, frame, area)
    }

    /// The question, and its figures' keys and scroll.
    fn place(&self) -> Option<Place> {
        ItemPlace::boxed(self.selected_row().map(|r| r.question.id), &self.detail)
    }

    fn return_to(&mut self, place: &Place, env: &Env) -> Result<(), StoreError> {
        let Some(here) = ItemPlace::of(place) else {
            return Ok(());
        };
        if let Some(id) = here.item {
            self.select_question(id, env.store)?;
        }
        self.detail = here.detail.clone();
        Ok(())
    }
}

fn draw(state: &SurveyState, cx: &Ctx, frame: &mut Frame, area: Rect) {
    let lang = cx.settings.lang;
    let title = lang.view_name(ViewId::Survey);
    if state.rows.is_empty() {
        pane::message(
            cx,
            frame,
            area,
            title,
            &lang.nothing_here(ViewId::Survey, &cx.key_names()),
        );
        return;
    }
    let (list_area, detail_area) = pane::split(area, lang, 45);
    // The list: headers for each instrument and topic, a row per question.
    // Where each row goes is worked out for every question (no text), and
    // the text only for the rows on screen: 2,000 questions' rows made on
    // every frame took most of a key's time.
    enum Slot {
        Instrument(usize),
        Topic(usize),
        Question(usize),
    }
    let mut slots = Vec::with_capacity(state.order.len() + 16);
    let (mut instrument, mut topic): (Option<Id>, Option<&str>) = (None, None);
    let mut at = 0;
    for (n, &i) in state.order.iter().enumerate() {
        let q = &state.rows[i].question;
        if instrument != Some(q.instrument) {
            instrument = Some(q.instrument);
            topic = None;
            slots.push(Slot::Instrument(i));
        }
        if topic != Some(q.topic.as_str()) {
            topic = Some(q.topic.as_str());
            slots.push(Slot::Topic(i));
        }
        if n == state.selected {
            at = slots.len();
        }
        slots.push(Slot::Question(i));
    }
    // As `pane::list_lines` keeps the selected row on screen.
    let height = list_area.height.saturating_sub(2) as usize;
    let start = if at < height { 0 } else { at + 1 - height };
    let before = slots[..start]
        .iter()
        .filter(|s| matches!(s, Slot::Question(_)))
        .count();
    let rows: Vec<Row> = slots[start..]
        .iter()
        .take(height)
        .map(|slot| match *slot {
            Slot::Instrument(i) => {
                let r = &state.rows[i];
                Row::Header(pane::pieces(&[
                    &lang.cohort(&r.cohort_label),
                    &r.instrument_title,
                ]))
            }
            Slot::Topic(i) => Row::Header(format!(" {}", state.rows[i].question.topic)),
            Slot::Question(i) => {
                let r = &state.rows[i];
                // The words every question of the topic starts with say
                // nothing in the list; the detail pane has the whole wording.
                let shared = state
                    .shared
                    .get(&(r.question.instrument, r.question.topic.clone()))
                    .copied()
                    .unwrap_or(0);
                let figure = state
                    .top_box(r.question.id, r.question.scale)
                    .map(|p| format!("{p}%"))
                    .unwrap_or_else(|| "—".into());
                let wording: String = r.question.wording.chars().skip(shared).collect();
                let wording = if shared > 0 {
                    format!("…{wording}")
                } else {
                    wording
                };
                // The figure belongs to the interface's line, the wording is
                // data in its own direction: a Latin wording in a Hebrew list
                // keeps the figure in the figures' column.
                Row::Pieces(format!("{figure} \u{2068}{wording}\u{2069}"))
            }
        })
        .collect();
    let list_title = if state.sorted {
        format!("{title} · {}", lang.sorted())
    } else {
        title.to_string()
    };
    pane::render_list_in(
        cx,
        frame,
        list_area,
        &list_title,
        &rows,
        state.selected.checked_sub(before),
        !state.detail.focus,
    );
    if let Some(row) = state.selected_row() {
        let width = detail_area.width.saturating_sub(2) as usize;
        let lines = question_detail(state, cx, row, width);
        let block = pane::block(cx, &pane::pieces(&[&row.question.topic]), detail_area);
        state.detail.render(
            frame,
            block,
            lines,
            detail_area,
            cx.settings.lang.mirrored(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_a_topic_shares_are_found_to_a_word_boundary() {
        let t = [
            "ידע חדש בנושא: מושגים",
            "ידע חדש בנושא: מגמות",
            "ידע חדש בנושא: מצב",
        ];
        assert_eq!(shared_words(&t), "ידע חדש בנושא: ".chars().count());
        assert_eq!(shared_words(&["אחת", "שתיים"]), 0);
        assert_eq!(shared_words(&["לבד"]), 0);
        // A shared start inside a word stops at the word before it.
        assert_eq!(
            shared_words(&["שביעות רצון מארגון", "שביעות רצון מהנחיה"]),
            "שביעות רצון ".chars().count()
        );
    }
}
