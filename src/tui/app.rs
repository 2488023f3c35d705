//! The app's state and the one place it changes: `App::update`.

use super::Settings;
use super::widgets::Prose;
use crate::domain::{Cohort, Counts, Instrument, Program, Session};
use crate::store::{Store, StoreError};
use crate::text::LayoutCache;

/// Everything a key can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    First,
    Last,
    ToggleHelp,
    Back,
    Quit,
}

/// What the cohort view shows of the selected cohort, loaded when the
/// selection moves (never while drawing).
#[derive(Debug, Default)]
pub struct CohortDetail {
    pub sessions: Vec<Session>,
    pub instruments: Vec<Instrument>,
}

pub struct App {
    store: Store,
    pub settings: Settings,
    /// Laid-out text, kept across frames.
    pub layouts: LayoutCache,
    pub programs: Vec<Program>,
    pub cohorts: Vec<Cohort>,
    pub counts: Counts,
    pub selected: usize,
    pub detail: CohortDetail,
    pub help: bool,
    /// A message for the status bar: what just happened, or what went wrong.
    pub status: Option<String>,
    pub quit: bool,
}

impl App {
    pub fn new(
        store: Store,
        notice: Option<String>,
        settings: Settings,
    ) -> Result<App, StoreError> {
        let mut app = App {
            settings,
            layouts: LayoutCache::default(),
            programs: store.programs()?,
            cohorts: store.cohorts()?,
            counts: store.counts()?,
            store,
            selected: 0,
            detail: CohortDetail::default(),
            help: false,
            status: notice,
            quit: false,
        };
        app.load_detail();
        Ok(app)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Lays out text for drawing, in the order the bidi setting asks for.
    pub fn prose(&self) -> Prose<'_> {
        Prose {
            cache: &self.layouts,
            order: self.settings.bidi.order(),
        }
    }

    pub fn selected_cohort(&self) -> Option<&Cohort> {
        self.cohorts.get(self.selected)
    }

    /// Applies an action; true when something on screen changed.
    pub fn update(&mut self, action: Action) -> bool {
        // A status message stands until the next key.
        let cleared = self.status.take().is_some();
        self.apply(action) || cleared
    }

    fn apply(&mut self, action: Action) -> bool {
        if self.help {
            // The help overlay takes every key: any of these closes it.
            return match action {
                Action::Quit => {
                    self.quit = true;
                    true
                }
                Action::ToggleHelp | Action::Back => {
                    self.help = false;
                    true
                }
                _ => false,
            };
        }
        match action {
            Action::Quit => {
                self.quit = true;
                true
            }
            Action::ToggleHelp => {
                self.help = true;
                true
            }
            Action::Back => false,
            Action::Up => self.select(self.selected.saturating_sub(1)),
            Action::Down => self.select(self.selected + 1),
            Action::First => self.select(0),
            Action::Last => self.select(usize::MAX),
        }
    }

    fn select(&mut self, index: usize) -> bool {
        let index = index.min(self.cohorts.len().saturating_sub(1));
        if index == self.selected {
            return false;
        }
        self.selected = index;
        self.load_detail();
        true
    }

    fn load_detail(&mut self) {
        let Some(id) = self.selected_cohort().map(|c| c.id) else {
            self.detail = CohortDetail::default();
            return;
        };
        let loaded = self
            .store
            .sessions_of(id)
            .and_then(|sessions| Ok((sessions, self.store.instruments_of(id)?)));
        match loaded {
            Ok((sessions, instruments)) => {
                self.detail = CohortDetail {
                    sessions,
                    instruments,
                }
            }
            Err(e) => {
                self.detail = CohortDetail::default();
                self.status = Some(format!("cannot read the cohort: {e}"));
            }
        }
    }
}
