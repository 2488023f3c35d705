//! Routing to the views: each view's state by its id, what its load and
//! update may use, switching and jumping between views, reading what a view
//! shows, and the app as the `Screen` a frame is drawn from.

use super::{App, view_area};
use crate::store::StoreError;
use crate::tui::action::{Action, Outcome, Overlay, Target, ViewId};
use crate::tui::popups::Modal;
use crate::tui::views::documents::{TextSize, reader_areas};
use crate::tui::views::search::SearchState;
use crate::tui::views::{Env, Place, Screen, View};
use crate::tui::widgets::Ctx;

/// How many jumps back the trail keeps.
const TRAIL_LENGTH: usize = 100;

/// A place a jump left: the view, and where the user stood in it.
pub struct Trail {
    pub view: ViewId,
    pub place: Option<Place>,
}

impl App {
    /// A view's state, by its id.
    pub fn view_state(&self, view: ViewId) -> &dyn View {
        match view {
            ViewId::Cohorts => &self.cohorts,
            ViewId::Survey => &self.survey,
            ViewId::Findings => &self.findings,
            ViewId::Recommendations => &self.recs,
            ViewId::Documents => &self.documents,
            ViewId::Codebook => &self.codebook,
            ViewId::Tables => &self.tables,
        }
    }

    /// A view's state and what its load and update may use, borrowed apart.
    pub(super) fn view_and_env(&mut self, view: ViewId) -> (&mut dyn View, Env<'_>) {
        let state: &mut dyn View = match view {
            ViewId::Cohorts => &mut self.cohorts,
            ViewId::Survey => &mut self.survey,
            ViewId::Findings => &mut self.findings,
            ViewId::Recommendations => &mut self.recs,
            ViewId::Documents => &mut self.documents,
            ViewId::Codebook => &mut self.codebook,
            ViewId::Tables => &mut self.tables,
        };
        let env = Env {
            store: &mut self.store,
            shown_coder: self.shown_coder,
            lang: self.settings.lang,
        };
        (state, env)
    }

    /// Marks every view that shows codes as stale.
    pub(super) fn invalidate_coded_views(&mut self) {
        for v in ViewId::ALL {
            let (state, _) = self.view_and_env(v);
            if state.shows_codes() {
                state.invalidate();
            }
        }
    }

    pub(super) fn view_update(&mut self, action: Action) -> Outcome {
        match self.view {
            _ if action == Action::Cite => self.cite_here(),
            ViewId::Cohorts if action == Action::Export => {
                let cohort = self.cohorts.selected_cohort().map(|c| c.id);
                self.export_report(cohort)
            }
            ViewId::Findings if action == Action::Export => {
                let cohort = self.findings.selected_finding().map(|f| f.cohort);
                self.export_report(cohort)
            }
            ViewId::Recommendations if action == Action::Export => self.export_evaluation(),
            ViewId::Recommendations if action == Action::Memo => {
                let Some((r, c)) = self.recs.later_cohort() else {
                    return Outcome::said(self.settings.lang.no_later_cohort().into());
                };
                let purpose = crate::tui::popups::PromptFor::FateNote {
                    recommendation: r.id,
                    cohort: c.id,
                };
                let title = self.settings.lang.fate_note_title(&c.label);
                let note = r.fate_in(c.id).1.to_string();
                self.modal = Some(crate::tui::popups::Modal::Prompt(
                    crate::tui::popups::Prompt::new(purpose, title, note),
                ));
                Outcome::changed(true)
            }
            ViewId::Documents if self.documents.reader.is_some() => self.reader_update(action),
            ViewId::Codebook => match action {
                Action::NewCode
                | Action::NewTopCode
                | Action::RenameCode
                | Action::DescribeCode
                | Action::ColourCode
                | Action::MoveCode
                | Action::MergeCode
                | Action::DeleteCode
                | Action::Memo => self.codebook_action(action),
                Action::Enter if self.codebook.focus => self.codebook.quotes.open_selected(),
                Action::Export => self.export_code_quotes(),
                other => self.routed(other),
            },
            ViewId::Tables => match action {
                Action::Enter if self.tables.focus => self.tables.quotes.open_selected(),
                Action::Export if self.tables.table.rows.is_empty() => {
                    Outcome::said(self.settings.lang.nothing_to_export().into())
                }
                Action::Export => {
                    let (table, stem) = self.tables.export_parts();
                    let written =
                        crate::interchange::files::write_table(table, stem, &self.export_dir);
                    self.exported(written)
                }
                Action::ChooseCoders => self.choose_coders(None),
                other => self.routed(other),
            },
            ViewId::Survey if action == Action::SurveyFilter => self.choose_survey_filter(),
            ViewId::Cohorts | ViewId::Findings | ViewId::Recommendations
                if matches!(
                    action,
                    Action::NewItem
                        | Action::EditItem
                        | Action::DeleteItem
                        | Action::MoveItemUp
                        | Action::MoveItemDown
                        | Action::EditProgram
                        | Action::NewMeeting
                        | Action::NewInstrument
                ) =>
            {
                self.authoring(action)
            }
            _ => self.routed(action),
        }
    }

    /// An action for the current view's own update.
    pub(super) fn routed(&mut self, action: Action) -> Outcome {
        let (state, mut env) = self.view_and_env(self.view);
        state.update(action, &mut env)
    }

    /// Switches to a view by key: the trail of jumps is left behind.
    pub(super) fn show(&mut self, view: ViewId) -> bool {
        self.back.clear();
        if view == self.view {
            return false;
        }
        self.view = view;
        self.ensure_loaded();
        true
    }

    /// Shows `target` in its own view; Esc (or Ctrl-o) comes back here,
    /// to the selection, the focus, the scroll and the open document as
    /// they are now.
    pub fn jump(&mut self, target: Target) {
        let view = target.view();
        let place = self.view_state(self.view).place();
        if self.back.len() == TRAIL_LENGTH {
            self.back.remove(0);
        }
        self.back.push(Trail {
            view: self.view,
            place,
        });
        self.view = view;
        self.ensure_loaded();
        let found = match target {
            Target::Cohort(id) => self.cohorts.select_cohort(id, &self.store),
            Target::Session(id) => self.cohorts.select_session(id, &self.store),
            Target::Question(id) => self.survey.select_question(id, &self.store),
            Target::Respondent(id) => self.survey.select_respondent(id, &self.store),
            Target::Finding(id) => self.findings.select_finding(id, &self.store),
            Target::Recommendation(id) => self.recs.select(id),
            Target::Quote(id) => self
                .store
                .quote_place(id)
                .and_then(|(doc, start, _)| self.open_at(doc, start))
                .map(|_| {
                    if let Some(r) = self.documents.reader.as_mut() {
                        r.opened_by_jump = true;
                    }
                }),
            Target::Passage(id) => self
                .store
                .passage_place(id)
                .and_then(|(doc, start)| self.open_at(doc, start))
                .map(|_| {
                    if let Some(r) = self.documents.reader.as_mut() {
                        r.opened_by_jump = true;
                    }
                }),
            Target::Code(id) => self.codebook.select_code(id, &self.store, self.shown_coder),
            Target::Document(id) => self.open_at(id, 0).map(|_| {
                if let Some(r) = self.documents.reader.as_mut() {
                    r.opened_by_jump = true;
                }
            }),
        };
        if let Err(e) = found {
            self.status = Some(self.settings.lang.store_error(&e));
        }
    }

    /// Goes back to the last place a jump left, as it was; false when no
    /// jump is there to go back along.
    pub(super) fn go_back(&mut self) -> bool {
        let Some(trail) = self.back.pop() else {
            return false;
        };
        self.view = trail.view;
        self.ensure_loaded();
        if let Some(place) = trail.place {
            let (state, env) = self.view_and_env(trail.view);
            if let Err(e) = state.return_to(&place, &env) {
                self.status = Some(self.settings.lang.store_error(&e));
            }
        }
        // A document gone back to keeps its cursor on screen.
        let (size, order) = (self.reader_size(), self.settings.bidi.order());
        if let Some(r) = self
            .documents
            .reader
            .as_mut()
            .filter(|_| self.view == ViewId::Documents)
        {
            r.follow(&self.layouts, order, size);
        }
        true
    }

    /// Reads what the current view shows, the first time it is shown.
    pub(super) fn ensure_loaded(&mut self) {
        if let Err(e) = self.load_view() {
            self.status = Some(self.settings.lang.store_error(&e));
        }
    }

    /// Reads what the current view shows, if it is not read yet.
    pub(super) fn load_view(&mut self) -> Result<(), StoreError> {
        let (state, env) = self.view_and_env(self.view);
        state.load(&env)
    }
}

/// Where the app stands and what drawing may read.
impl App {
    /// Where the app stands, for the key table.
    pub fn place(&self) -> crate::tui::keys::Place {
        crate::tui::keys::Place {
            view: self.view,
            overlay: self.key_overlay(),
            reading: self.reading(),
        }
    }

    /// The keys that messages name, read from the key table where the app
    /// stands.
    pub fn key_names(&self) -> crate::tui::keys::Names {
        crate::tui::keys::Names::at(self.place())
    }

    /// True when a document is open in the reader and it has the keys.
    pub fn reading(&self) -> bool {
        self.view == ViewId::Documents && self.documents.reader.is_some()
    }

    /// The inner size of the reader's text pane on the screen as it is.
    pub fn reader_size(&self) -> TextSize {
        let (text, _) = reader_areas(view_area(self.screen), self.settings.lang);
        TextSize {
            width: text.width.saturating_sub(2) as usize,
            height: text.height.saturating_sub(2) as usize,
        }
    }

    /// What views, popups and widgets may read while drawing.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            settings: self.settings,
            layouts: &self.layouts,
            programs: &self.programs,
            counts: &self.counts,
            codes: &self.codes,
            coders: &self.coders,
            coder_label: self.coder_label(),
            shown_coder_label: self.shown_coder_label(),
            place: self.place(),
            status: self.status.as_deref(),
            store_path: self.store.path(),
            help: &self.help,
        }
    }
}

impl Screen for App {
    fn ctx(&self) -> Ctx<'_> {
        App::ctx(self)
    }

    fn current(&self) -> ViewId {
        self.view
    }

    fn current_view(&self) -> &dyn View {
        self.view_state(self.view)
    }

    fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    fn search(&self) -> &SearchState {
        &self.search
    }

    fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }
}
