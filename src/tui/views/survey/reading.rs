//! Which survey results the view holds: the selected question's
//! instrument whole (the list shows its figures), the same item's questions
//! in other cohorts (the comparison), and, while the list is in its own
//! order, no more than the last few instruments passed through, so that
//! memory does not grow with the survey (at 200,000 quotes an item is
//! asked in 20 cohorts: reading each of their instruments whole kept every
//! result there was).

use super::{KEPT_INSTRUMENTS, SurveyState};
use crate::domain::{Id, ResultSet};
use crate::store::{Store, StoreError};
use std::collections::HashMap;

impl SurveyState {
    /// Reads the results of the selected question's instrument, and of the
    /// questions that ask the same item in other cohorts. While the list is
    /// in its own order, only the last [`KEPT_INSTRUMENTS`] instruments'
    /// results stay read, so that memory does not grow with the survey.
    pub(super) fn read_selected(&mut self, store: &Store) -> Result<(), StoreError> {
        let Some(row) = self.selected_row() else {
            return Ok(());
        };
        let instrument = row.question.instrument;
        let same: Vec<Id> = self.same_item(row).map(|r| r.question.id).collect();
        let id = row.question.id;
        self.read_instrument(store, instrument)?;
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
        let (read, of) = (&self.read, &self.instrument_of);
        self.results.retain(|q, _| {
            *q == id || same.contains(q) || of.get(q).is_some_and(|i| read.contains(i))
        });
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
        }
        self.read.push(instrument);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use std::collections::HashSet;

    /// The instruments whose results the state holds.
    fn held(s: &SurveyState) -> HashSet<Id> {
        s.results.keys().map(|q| s.instrument_of[q]).collect()
    }

    #[test]
    fn down_the_whole_list_a_few_instruments_stay_read_and_the_selection_is_compared() {
        // Cohorts with an instrument or two each (the demo has two in all).
        let mut size = crate::synth::Size::of_quotes(600);
        size.cohorts = 12;
        size.questions = 120;
        size.long_documents = false;
        let mut store = Store::in_memory().unwrap();
        store.replace_all(&crate::synth::generate(7, size)).unwrap();
        let mut s = SurveyState::default();
        s.ensure_loaded(&store).unwrap();
        let instruments: HashSet<Id> = s.rows.iter().map(|r| r.question.instrument).collect();
        assert!(instruments.len() > KEPT_INSTRUMENTS, "{instruments:?}");
        let mut compared = 0;
        let mut most = 0;
        for _ in 0..s.rows.len() {
            let row = s.selected_row().unwrap().clone();
            // The selection's figures, as the store has them.
            let stored = store.results_of_questions(&[row.question.id]).unwrap();
            assert_eq!(
                s.results.get(&row.question.id).cloned().unwrap_or_default(),
                stored
            );
            // And the same item's in other cohorts.
            let same: Vec<Id> = s.same_item(&row).map(|r| r.question.id).collect();
            for q in &same {
                let stored = store.results_of_questions(&[*q]).unwrap();
                assert_eq!(s.results.get(q).cloned().unwrap_or_default(), stored);
            }
            compared += usize::from(!same.is_empty());
            // Whole instruments read: the last few, and the selection's.
            assert!(s.read.len() <= KEPT_INSTRUMENTS);
            assert_eq!(s.read.last(), Some(&row.question.instrument));
            let others: HashSet<Id> = same.iter().map(|q| s.instrument_of[q]).collect();
            let held = held(&s);
            assert!(
                held.iter()
                    .all(|i| s.read.contains(i) || others.contains(i))
            );
            most = most.max(s.results.len());
            s.update(Action::Down, &mut store);
        }
        assert!(compared > 0, "the demo asks some items in two cohorts");
        let all = s.rows.len();
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
}
