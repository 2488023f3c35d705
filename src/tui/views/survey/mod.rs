//! The survey: instruments → topics → questions, and the selected question's
//! results, one diverging bar per segment.

mod answered;
mod answers;
mod card;
mod list;
mod reading;
mod results;
pub use answers::{Answers, FEW, Split};
pub use list::{QuestionList, shared_words};
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
use std::collections::HashMap;

/// How many instruments' results the Survey keeps read while its list is in
/// its own order (see `survey/reading.rs`).
pub const KEPT_INSTRUMENTS: usize = 4;

#[derive(Debug, Default)]
pub struct SurveyState {
    loaded: bool,
    /// Every question's place, without its text.
    pub list: QuestionList,
    pub scales: HashMap<Id, Scale>,
    pub segments: Vec<Segment>,
    /// Results by question, for the instruments read so far.
    pub results: HashMap<Id, Vec<ResultSet>>,
    /// Counts per option of the questions answered row by row, for the
    /// instruments read so far.
    /// (and how many left each unanswered).
    /// (as figures of counts, so that a frame's rows read them in place).
    pub derived: HashMap<Id, (crate::domain::Figures, u32)>,
    /// The instruments whose results are read whole, the latest last.
    read: Vec<Id>,
    /// The selected question whole, and the same item's questions in other
    /// cohorts (the detail pane compares them).
    current: Option<QuestionRow>,
    pub others: Vec<QuestionRow>,
    /// The wordings of the questions within [`list::WINDOW`] of the
    /// selection: the list's rows on screen.
    wordings: HashMap<Id, String>,
    /// The slots in the order shown (indexes into `list.slots`).
    pub order: Vec<usize>,
    /// Index into `order`.
    pub selected: usize,
    /// Show counts beside the percentages.
    pub counts: bool,
    /// Within each topic, questions by their top-box figure.
    pub sorted: bool,
    /// The question's figures, which take the keys to scroll.
    pub detail: Detail,
    /// The selected question's answers row by row, and their split.
    pub answers: Answers,
    /// A respondent opened from search, shown in the detail pane until
    /// `Esc` or a move in the list.
    pub respondent: Option<crate::store::respondents::Card>,
}

impl SurveyState {
    pub fn ensure_loaded(&mut self, store: &Store) -> Result<(), StoreError> {
        if self.loaded {
            return Ok(());
        }
        self.list = QuestionList::read(store)?;
        let (scales, segments) = store.scales_and_segments()?;
        self.scales = scales.into_iter().map(|s| (s.id, s)).collect();
        self.segments = segments;
        self.order = (0..self.list.slots.len()).collect();
        self.loaded = true;
        // Read again as they now are, for a store that changed.
        self.results.clear();
        self.derived.clear();
        self.read.clear();
        self.wordings.clear();
        self.answers.forget();
        self.respondent = None;
        let sorted = self.sorted;
        self.update_sorted(store, sorted)
    }

    pub fn selected_row(&self) -> Option<&QuestionRow> {
        self.current.as_ref()
    }

    /// The top-box figure of a question for its first segment, if known;
    /// else of all its answers row by row.
    pub fn top_box(&self, question: Id, scale: Id) -> Option<u32> {
        let scale = self.scales.get(&scale)?;
        let figures = match self.results.get(&question).and_then(|r| r.first()) {
            Some(first) => &first.figures,
            None => &self.derived.get(&question)?.0,
        };
        top_box_share(scale, figures).map(TopBoxShare::percent)
    }

    fn resort(&mut self) {
        let current = self.order.get(self.selected).copied();
        let slots = &self.list.slots;
        self.order = (0..slots.len()).collect();
        if self.sorted {
            // Stable: questions keep their order within a figure; topics,
            // numbered in the order they first come, and so instruments
            // stay where they are.
            let keys: Vec<_> = slots
                .iter()
                .map(|s| (s.topic, std::cmp::Reverse(self.top_box(s.id, s.scale))))
                .collect();
            self.order.sort_by_key(|&i| keys[i]);
        }
        if let Some(c) = current {
            self.selected = self.order.iter().position(|&i| i == c).unwrap_or(0);
        }
    }

    /// Puts the list in the top-box figures' order (which needs every
    /// instrument's figures) or in its own, and reads the selection.
    fn update_sorted(&mut self, store: &Store, sorted: bool) -> Result<(), StoreError> {
        self.sorted = sorted;
        let mut read = Ok(());
        if sorted {
            let instruments: Vec<Id> = self.list.heads.iter().map(|h| h.id).collect();
            for i in instruments {
                if !self.read.contains(&i) {
                    read = read.and(self.read_instrument(store, i));
                }
            }
        }
        self.resort();
        read.and(self.read_selected(store))
    }

    pub fn update(&mut self, action: Action, store: &mut Store) -> Outcome {
        if self.respondent.is_some() && action == Action::Back {
            self.respondent = None;
            self.detail.reset();
            return Outcome::changed(true);
        }
        if let Some(done) = self.detail.update(action) {
            return done;
        }
        let result = match action {
            Action::Enter if self.selected_row().is_some() => return self.detail.take(),
            Action::ToggleFigures => {
                self.counts = !self.counts;
                Ok(true)
            }
            Action::SortTopBox => self.update_sorted(store, !self.sorted).map(|_| true),
            Action::NextSplit => self.next_split(store),
            other => match moved(self.selected, self.order.len(), other, PAGE) {
                Some(i) if i != self.selected => {
                    self.selected = i;
                    self.respondent = None;
                    self.detail.reset();
                    self.read_selected(store).map(|_| true)
                }
                _ => Ok(false),
            },
        };
        Outcome::of(result)
    }

    pub fn select_question(&mut self, id: Id, store: &Store) -> Result<(), StoreError> {
        if let Some(&slot) = self.list.index.get(&id)
            && let Some(pos) = self.order.iter().position(|&i| i == slot)
        {
            self.selected = pos;
        }
        self.read_selected(store)
    }

    /// Opens a respondent's card over the first question they answered
    /// (their instrument's first when they answered none).
    pub fn select_respondent(&mut self, id: Id, store: &Store) -> Result<(), StoreError> {
        self.ensure_loaded(store)?;
        let card = store.respondent_card(id)?;
        if let Some(c) = &card {
            let first = c.answers.first().map(|a| a.question).or_else(|| {
                let slots = &self.list.slots;
                slots
                    .iter()
                    .find(|s| self.list.head_of(s).id == c.instrument)
                    .map(|s| s.id)
            });
            if let Some(q) = first {
                self.select_question(q, store)?;
            }
        }
        self.respondent = card;
        self.detail.reset();
        Ok(())
    }
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
    if state.order.is_empty() {
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
    let list = &state.list;
    let (mut head, mut topic): (Option<usize>, Option<usize>) = (None, None);
    let mut at = 0;
    for (n, &i) in state.order.iter().enumerate() {
        let q = &list.slots[i];
        let of = list.topics[q.topic].head;
        if head != Some(of) {
            head = Some(of);
            topic = None;
            slots.push(Slot::Instrument(i));
        }
        if topic != Some(q.topic) {
            topic = Some(q.topic);
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
                let h = list.head_of(&list.slots[i]);
                Row::Header(pane::pieces(&[&lang.cohort(&h.cohort_label), &h.title]))
            }
            Slot::Topic(i) => Row::Header(format!(" {}", list.topics[list.slots[i].topic].name)),
            Slot::Question(i) => {
                let q = &list.slots[i];
                // The words every question of the topic starts with say
                // nothing in the list; the detail pane has the whole wording.
                let shared = list.topics[q.topic].shared;
                let figure = state
                    .top_box(q.id, q.scale)
                    .map(|p| format!("{p}%"))
                    .unwrap_or_else(|| "—".into());
                // Held for every row within reach of the selection.
                let whole = state.wordings.get(&q.id).map_or("", String::as_str);
                let wording: String = whole.chars().skip(shared).collect();
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
    if let Some(card) = &state.respondent {
        let width = detail_area.width.saturating_sub(2) as usize;
        let lines = card::card_lines(cx, card, width);
        let block = pane::block(cx, &lang.respondent(&card.key), detail_area);
        state
            .detail
            .render(frame, block, lines, detail_area, lang.mirrored());
    } else if let Some(row) = state.selected_row() {
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
