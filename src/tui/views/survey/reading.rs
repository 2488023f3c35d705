//! Which survey results the view holds: the selected question's
//! instrument whole (the list shows its figures), the same item's questions
//! in other cohorts (the comparison), and, while the list is in its own
//! order, no more than the last few instruments passed through, so that
//! memory does not grow with the survey (at 200,000 quotes an item is
//! asked in 20 cohorts: reading each of their instruments whole kept every
//! result there was).

use super::list::WINDOW;
use super::{KEPT_INSTRUMENTS, SurveyState};
use crate::domain::{Id, ResultSet};
use crate::store::{Store, StoreError};
use std::collections::{HashMap, HashSet};

impl SurveyState {
    /// Reads the results of the selected question's instrument, and of the
    /// questions that ask the same item in other cohorts. While the list is
    /// in its own order, only the last [`KEPT_INSTRUMENTS`] instruments'
    /// results stay read, so that memory does not grow with the survey.
    pub(super) fn read_selected(&mut self, store: &Store) -> Result<(), StoreError> {
        let Some(&at) = self.order.get(self.selected) else {
            self.current = None;
            self.others.clear();
            return Ok(());
        };
        let slot = self.list.slots[at];
        let same: Vec<Id> = self.list.same_item(at).map(|s| s.id).collect();
        // The selection and the same item elsewhere, whole.
        let mut whole = store.question_rows_of(&[&[slot.id][..], &same].concat())?;
        self.current = whole
            .iter()
            .position(|r| r.question.id == slot.id)
            .map(|i| whole.remove(i));
        self.others = whole;
        self.read_wordings(store)?;
        self.read_instrument(store, slot.instrument)?;
        let missing: Vec<Id> = same
            .iter()
            .copied()
            .filter(|q| !self.results.contains_key(q))
            .collect();
        if !missing.is_empty() {
            for r in store.results_of_questions(&missing)? {
                self.results.entry(r.question).or_default().push(r);
            }
        }
        if !self.sorted && self.read.len() > KEPT_INSTRUMENTS {
            let gone = self.read.len() - KEPT_INSTRUMENTS;
            self.read.drain(..gone);
        }
        let (read, list) = (&self.read, &self.list);
        let keep = |q: &Id| {
            *q == slot.id
                || same.contains(q)
                || list
                    .index
                    .get(q)
                    .is_some_and(|&i| read.contains(&list.slots[i].instrument))
        };
        self.results.retain(|q, _| keep(q));
        self.derived.retain(|q, _| keep(q));
        self.read_answers(store)
    }

    /// Holds the wordings of the questions within [`WINDOW`] of the
    /// selection, reading those it does not hold, and lets go of the rest.
    fn read_wordings(&mut self, store: &Store) -> Result<(), StoreError> {
        let from = self.selected.saturating_sub(WINDOW);
        let near = &self.order[from..(self.selected + WINDOW + 1).min(self.order.len())];
        let near: Vec<Id> = near.iter().map(|&i| self.list.slots[i].id).collect();
        let missing: Vec<Id> = near
            .iter()
            .copied()
            .filter(|q| !self.wordings.contains_key(q))
            .collect();
        if !missing.is_empty() {
            for r in store.question_rows_of(&missing)? {
                self.wordings.insert(r.question.id, r.question.wording);
            }
        }
        if self.wordings.len() > near.len() {
            let near: HashSet<Id> = near.into_iter().collect();
            self.wordings.retain(|q, _| near.contains(q));
        }
        Ok(())
    }

    /// Reads an instrument's results whole, unless they are; either way it
    /// becomes the latest read.
    pub(super) fn read_instrument(
        &mut self,
        store: &Store,
        instrument: Id,
    ) -> Result<(), StoreError> {
        if let Some(at) = self.read.iter().position(|i| *i == instrument) {
            self.read.remove(at);
        } else {
            // In place of what is held of it already (a question read as
            // the same item as another's).
            let mut whole: HashMap<Id, Vec<ResultSet>> = HashMap::new();
            for r in store.results_of_instrument(instrument)? {
                whole.entry(r.question).or_default().push(r);
            }
            self.results.extend(whole);
            let scales = &self.scales;
            let counts = store.answer_counts(instrument, |s| {
                scales.get(&s).map_or(0, |s| s.options.len())
            })?;
            self.derived
                .extend(counts.into_iter().map(|(q, (counts, missing))| {
                    (q, (crate::domain::Figures::Counts { counts }, missing))
                }));
        }
        self.read.push(instrument);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;

    /// The instruments whose results the state holds.
    fn held(s: &SurveyState) -> HashSet<Id> {
        s.results.keys().map(|q| instrument_of(s, *q)).collect()
    }

    fn every_row(store: &Store) -> Vec<crate::store::survey::QuestionRow> {
        let mut rows = vec![];
        store.each_question_row(|r| rows.push(r)).unwrap();
        rows
    }

    /// A store of `questions` questions in 12 cohorts.
    fn survey_of(questions: usize) -> Store {
        let mut size = crate::synth::Size::of_quotes(600);
        size.cohorts = 12;
        size.questions = questions;
        size.long_documents = false;
        let mut store = Store::in_memory().unwrap();
        store.replace_all(&crate::synth::generate(7, size)).unwrap();
        store
    }

    fn instrument_of(s: &SurveyState, q: Id) -> Id {
        s.list.slots[s.list.index[&q]].instrument
    }

    #[test]
    fn down_the_whole_list_a_few_instruments_stay_read_and_the_selection_is_compared() {
        // Cohorts with an instrument or two each (the demo has two in all).
        let mut store = survey_of(120);
        let mut s = SurveyState::default();
        s.ensure_loaded(&store).unwrap();
        let instruments: HashSet<Id> = s.list.slots.iter().map(|q| q.instrument).collect();
        assert!(instruments.len() > KEPT_INSTRUMENTS, "{instruments:?}");
        let mut compared = 0;
        let mut most = 0;
        for _ in 0..s.order.len() {
            let row = s.selected_row().unwrap().clone();
            // The selection's figures, as the store has them.
            let stored = store.results_of_questions(&[row.question.id]).unwrap();
            assert_eq!(
                s.results.get(&row.question.id).cloned().unwrap_or_default(),
                stored
            );
            // And the same item's in other cohorts.
            let same: Vec<Id> = s.others.iter().map(|r| r.question.id).collect();
            let stored: Vec<Id> = every_row(&store)
                .into_iter()
                .filter(|r| {
                    !r.question.item.is_empty()
                        && r.question.item == row.question.item
                        && r.question.instrument != row.question.instrument
                })
                .map(|r| r.question.id)
                .collect();
            assert_eq!(same, stored, "the same item elsewhere, in order");
            for q in &same {
                let stored = store.results_of_questions(&[*q]).unwrap();
                assert_eq!(s.results.get(q).cloned().unwrap_or_default(), stored);
            }
            compared += usize::from(!same.is_empty());
            // Whole instruments read: the last few, and the selection's.
            assert!(s.read.len() <= KEPT_INSTRUMENTS);
            assert_eq!(s.read.last(), Some(&row.question.instrument));
            let others: HashSet<Id> = same.iter().map(|q| instrument_of(&s, *q)).collect();
            let held = held(&s);
            assert!(
                held.iter()
                    .all(|i| s.read.contains(i) || others.contains(i))
            );
            most = most.max(s.results.len());
            s.update(Action::Down, &mut store);
        }
        assert!(compared > 0, "the demo asks some items in two cohorts");
        let all = s.order.len();
        assert!(
            most <= all / 2,
            "at most {most} of {all} questions' results held"
        );
        // Sorting by the figures reads them all, and keeps them.
        s.update(Action::SortTopBox, &mut store);
        assert_eq!(held(&s).len(), instruments.len());
        let every = s.results.len();
        s.update(Action::Up, &mut store);
        assert_eq!(s.results.len(), every);
    }

    #[test]
    fn the_wordings_near_the_selection_are_held_as_stored_and_no_others() {
        let mut store = survey_of(3 * WINDOW);
        let mut s = SurveyState::default();
        s.ensure_loaded(&store).unwrap();
        let stored: HashMap<Id, String> = every_row(&store)
            .into_iter()
            .map(|r| (r.question.id, r.question.wording))
            .collect();
        let all = s.order.len();
        assert!(all > 2 * WINDOW + 1, "{all} questions");
        let mut went = 0;
        while went < all {
            for (at, &i) in s.order.iter().enumerate() {
                let id = s.list.slots[i].id;
                let near = at.abs_diff(s.selected) <= WINDOW;
                assert_eq!(s.wordings.get(&id), near.then(|| &stored[&id]), "{at}");
            }
            s.update(Action::PageDown, &mut store);
            went += crate::tui::action::PAGE;
        }
        // Sorted, the rows near the selection are others: still held.
        s.update(Action::SortTopBox, &mut store);
        for (at, &i) in s.order.iter().enumerate() {
            let id = s.list.slots[i].id;
            if at.abs_diff(s.selected) <= WINDOW {
                assert_eq!(s.wordings.get(&id), Some(&stored[&id]));
            }
        }
    }
}
