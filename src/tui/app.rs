//! The app's state and the one place it changes: `App::update`.

use super::Settings;
use super::views::{
    cohorts::CohortsState, findings::FindingsState, quotes::QuotesState,
    recommendations::RecsState, search::SearchState, survey::SurveyState,
};
use super::widgets::Prose;
use crate::domain::{Counts, Id, Program};
use crate::store::search::HitKind;
use crate::store::{Store, StoreError};
use crate::text::LayoutCache;

/// The views, in the order of their digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViewId {
    Cohorts,
    Survey,
    Findings,
    Recommendations,
    Quotes,
}

impl ViewId {
    pub const ALL: [ViewId; 5] = [
        ViewId::Cohorts,
        ViewId::Survey,
        ViewId::Findings,
        ViewId::Recommendations,
        ViewId::Quotes,
    ];

    /// The digit that switches to the view.
    pub fn digit(self) -> u32 {
        ViewId::ALL.iter().position(|v| *v == self).unwrap() as u32 + 1
    }

    pub fn from_digit(d: u32) -> Option<ViewId> {
        ViewId::ALL.get((d as usize).checked_sub(1)?).copied()
    }

    fn step(self, by: isize) -> ViewId {
        let n = ViewId::ALL.len() as isize;
        let i = ViewId::ALL.iter().position(|v| *v == self).unwrap() as isize;
        ViewId::ALL[((i + by).rem_euclid(n)) as usize]
    }
}

/// Everything a key can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Enter,
    Back,
    NextView,
    PrevView,
    Go(ViewId),
    ToggleHelp,
    OpenSearch,
    Quit,
    /// Cohorts: pin the selected cohort to compare another with it, or stop.
    Compare,
    /// Survey: counts or percentages.
    ToggleFigures,
    /// Survey: sort a topic's questions by their top-box figure.
    SortTopBox,
    /// Recommendations: the next uptake status, saved.
    CycleUptake,
    /// Quotes: the next cohort, role or code to filter by; or no filter.
    CycleCohort,
    CycleRole,
    CycleCode,
    ClearFilters,
    /// Search: a typed character, or one taken back.
    Input(char),
    DeleteChar,
}

/// Something to show in its own view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Cohort(Id),
    Session(Id),
    Question(Id),
    Finding(Id),
    Recommendation(Id),
    Quote(Id),
    /// The quotes of a code.
    Code(Id),
}

impl Target {
    pub fn of_hit(kind: HitKind, id: Id) -> Target {
        match kind {
            HitKind::Finding => Target::Finding(id),
            HitKind::Recommendation => Target::Recommendation(id),
            HitKind::Quote => Target::Quote(id),
            HitKind::Question => Target::Question(id),
            HitKind::Session => Target::Session(id),
        }
    }

    fn view(self) -> ViewId {
        match self {
            Target::Cohort(_) | Target::Session(_) => ViewId::Cohorts,
            Target::Question(_) => ViewId::Survey,
            Target::Finding(_) => ViewId::Findings,
            Target::Recommendation(_) => ViewId::Recommendations,
            Target::Quote(_) | Target::Code(_) => ViewId::Quotes,
        }
    }
}

/// What a view's update asks of the app, besides its own state.
#[derive(Debug, Default)]
pub struct Outcome {
    pub changed: bool,
    pub jump: Option<Target>,
    pub status: Option<String>,
}

impl Outcome {
    pub fn changed(changed: bool) -> Outcome {
        Outcome {
            changed,
            ..Default::default()
        }
    }

    /// What a store read or write came to: changed or not, or an error for
    /// the status bar (which is itself a change on screen).
    pub fn of(result: Result<bool, StoreError>) -> Outcome {
        match result {
            Ok(changed) => Outcome::changed(changed),
            Err(e) => Outcome {
                changed: true,
                status: Some(e.to_string()),
                jump: None,
            },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Search,
}

pub struct App {
    store: Store,
    pub settings: Settings,
    /// Laid-out text, kept across frames.
    pub layouts: LayoutCache,
    pub programs: Vec<Program>,
    pub counts: Counts,
    pub view: ViewId,
    pub cohorts: CohortsState,
    pub survey: SurveyState,
    pub findings: FindingsState,
    pub recs: RecsState,
    pub quotes: QuotesState,
    pub search: SearchState,
    pub overlay: Option<Overlay>,
    /// Views to go back to with Esc, after following a piece of evidence or
    /// a search hit.
    pub back: Vec<ViewId>,
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
        let cohorts = CohortsState::load(&store)?;
        let mut app = App {
            settings,
            layouts: LayoutCache::default(),
            programs: store.programs()?,
            counts: store.counts()?,
            view: ViewId::Cohorts,
            cohorts,
            survey: SurveyState::default(),
            findings: FindingsState::default(),
            recs: RecsState::default(),
            quotes: QuotesState::default(),
            search: SearchState::default(),
            overlay: None,
            back: vec![],
            store,
            status: notice,
            quit: false,
        };
        app.ensure_loaded();
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

    /// Applies an action; true when something on screen changed.
    pub fn update(&mut self, action: Action) -> bool {
        // A status message stands until the next key.
        let cleared = self.status.take().is_some();
        let outcome = self.apply(action);
        if let Some(msg) = outcome.status {
            self.status = Some(msg);
        }
        let jumped = match outcome.jump {
            Some(target) => {
                self.jump(target);
                true
            }
            None => false,
        };
        outcome.changed || cleared || jumped || self.status.is_some()
    }

    fn apply(&mut self, action: Action) -> Outcome {
        match self.overlay {
            Some(Overlay::Help) => {
                return match action {
                    Action::Quit => {
                        self.quit = true;
                        Outcome::changed(true)
                    }
                    Action::ToggleHelp | Action::Back => {
                        self.overlay = None;
                        Outcome::changed(true)
                    }
                    _ => Outcome::changed(false),
                };
            }
            Some(Overlay::Search) => {
                if action == Action::Back {
                    self.overlay = None;
                    return Outcome::changed(true);
                }
                let outcome = self.search.update(action, &self.store);
                if outcome.jump.is_some() {
                    self.overlay = None;
                }
                return outcome;
            }
            None => {}
        }
        match action {
            Action::Quit => {
                self.quit = true;
                Outcome::changed(true)
            }
            Action::ToggleHelp => {
                self.overlay = Some(Overlay::Help);
                Outcome::changed(true)
            }
            Action::OpenSearch => {
                self.overlay = Some(Overlay::Search);
                Outcome::changed(true)
            }
            Action::Go(v) => Outcome::changed(self.show(v)),
            Action::NextView => Outcome::changed(self.show(self.view.step(1))),
            Action::PrevView => Outcome::changed(self.show(self.view.step(-1))),
            Action::Back => {
                // The view handles Esc first (leaving the evidence, say);
                // when it has nothing to undo, Esc goes back along the jumps.
                let outcome = self.view_update(Action::Back);
                if outcome.changed {
                    return outcome;
                }
                match self.back.pop() {
                    Some(v) => {
                        self.view = v;
                        self.ensure_loaded();
                        Outcome::changed(true)
                    }
                    None => outcome,
                }
            }
            other => self.view_update(other),
        }
    }

    fn view_update(&mut self, action: Action) -> Outcome {
        let store = &mut self.store;
        match self.view {
            ViewId::Cohorts => self.cohorts.update(action, store),
            ViewId::Survey => self.survey.update(action, store),
            ViewId::Findings => self.findings.update(action, store),
            ViewId::Recommendations => self.recs.update(action, store, self.settings.lang),
            ViewId::Quotes => self.quotes.update(action, store),
        }
    }

    /// Switches to a view by key: the trail of jumps is left behind.
    fn show(&mut self, view: ViewId) -> bool {
        self.back.clear();
        if view == self.view {
            return false;
        }
        self.view = view;
        self.ensure_loaded();
        true
    }

    /// Shows `target` in its own view; Esc comes back here.
    pub fn jump(&mut self, target: Target) {
        let view = target.view();
        if view != self.view {
            self.back.push(self.view);
        }
        self.view = view;
        self.ensure_loaded();
        let found = match target {
            Target::Cohort(id) => self.cohorts.select_cohort(id, &self.store),
            Target::Session(id) => self.cohorts.select_session(id, &self.store),
            Target::Question(id) => self.survey.select_question(id, &self.store),
            Target::Finding(id) => self.findings.select_finding(id, &self.store),
            Target::Recommendation(id) => self.recs.select(id),
            Target::Quote(id) => self.quotes.select_quote(id, &self.store),
            Target::Code(id) => self.quotes.filter_code(id, &self.store),
        };
        if let Err(e) = found {
            self.status = Some(e.to_string());
        }
    }

    /// Reads what the current view shows, the first time it is shown.
    fn ensure_loaded(&mut self) {
        let loaded = match self.view {
            ViewId::Cohorts => Ok(()),
            ViewId::Survey => self.survey.ensure_loaded(&self.store),
            ViewId::Findings => self.findings.ensure_loaded(&self.store),
            ViewId::Recommendations => self.recs.ensure_loaded(&self.store),
            ViewId::Quotes => self.quotes.ensure_loaded(&self.store),
        };
        if let Err(e) = loaded {
            self.status = Some(e.to_string());
        }
    }
}

/// Moves a selection within `len` items by an action; the new index, or
/// `None` when the action is not a movement.
pub fn moved(selected: usize, len: usize, action: Action, page: usize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let last = len - 1;
    Some(match action {
        Action::Up => selected.saturating_sub(1),
        Action::Down => (selected + 1).min(last),
        Action::PageUp => selected.saturating_sub(page),
        Action::PageDown => (selected + page).min(last),
        Action::First => 0,
        Action::Last => last,
        _ => return None,
    })
}

/// Rows a page-key moves.
pub const PAGE: usize = 10;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_tab_go_round_the_views() {
        assert_eq!(ViewId::from_digit(3), Some(ViewId::Findings));
        assert_eq!(ViewId::from_digit(0), None);
        assert_eq!(ViewId::from_digit(6), None);
        assert_eq!(ViewId::Quotes.step(1), ViewId::Cohorts);
        assert_eq!(ViewId::Cohorts.step(-1), ViewId::Quotes);
        assert_eq!(ViewId::Survey.digit(), 2);
    }

    #[test]
    fn moving_stays_within_the_list() {
        assert_eq!(moved(0, 5, Action::Up, PAGE), Some(0));
        assert_eq!(moved(4, 5, Action::Down, PAGE), Some(4));
        assert_eq!(moved(2, 50, Action::PageDown, PAGE), Some(12));
        assert_eq!(moved(2, 5, Action::Last, PAGE), Some(4));
        assert_eq!(moved(2, 0, Action::Down, PAGE), None);
        assert_eq!(moved(2, 5, Action::Enter, PAGE), None);
    }
}
