//! The app's state and the one place it changes: `App::update`, which
//! routes an action to the open popup, overlay or current view. The routing
//! to views is `routing.rs`; the coding workflow (the reader's keys, popup
//! answers, undo) `coding.rs`; applying a code to the reader's target
//! `applying.rs`; codebook edits and exports `codebook.rs`.

mod applying;
mod codebook;
mod coding;
pub mod forms;
mod routing;

use super::popups::Modal;
use super::views::{
    codebook::CodebookState, cohorts::CohortsState, documents::DocumentsState,
    findings::FindingsState, recommendations::RecsState, search::SearchState, survey::SurveyState,
    tables::TablesState,
};
use super::widgets::detail::Detail;
use crate::domain::{Code, Coder, Counts, Id, Program, coder_name};
use crate::store::{Store, StoreError};
use crate::text::LayoutCache;
use crate::tui::settings::Settings;
use std::time::Duration;

pub use super::action::{Action, Outcome, Overlay, PAGE, Target, ViewId, moved};
pub use routing::Trail;

/// The view's area on a screen of `(columns, rows)`.
fn view_area((w, h): (u16, u16)) -> ratatui::layout::Rect {
    super::views::screen_areas(ratatui::layout::Rect::new(0, 0, w, h))[1]
}

/// Colours given to new codes in turn.
const PALETTE: [&str; 10] = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf",
];

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
    pub documents: DocumentsState,
    pub codebook: CodebookState,
    pub tables: TablesState,
    pub search: SearchState,
    pub overlay: Option<Overlay>,
    pub modal: Option<Modal>,
    /// The codebook and the coders, for names and colours.
    pub codes: Vec<Code>,
    pub coders: Vec<Coder>,
    /// Who codes: set by --coder, the config file, or asked once.
    pub coder: Option<Id>,
    /// The name given when asked, for the caller to remember.
    pub asked_coder: Option<String>,
    /// Whose codings the views show: all coders, or one.
    pub shown_coder: Option<Id>,
    /// Blind coding: only the coder's own codings and counts are shown, so
    /// that the others' cannot sway theirs (`--blind`).
    pub blind: bool,
    /// Codes this coder used last, the latest first.
    pub recent: Vec<Id>,
    /// An action waiting for the coder's name.
    pending: Option<Action>,
    /// What the open form edits (`forms/`).
    pub editing: forms::Editing,
    /// The places to go back to with Esc or Ctrl-o, after following a
    /// piece of evidence, a table cell, a quote or a search hit: the latest
    /// last.
    pub back: Vec<Trail>,
    /// How far the help is scrolled, when it is taller than the screen.
    pub help: Detail,
    /// A message for the status bar: what just happened, or what went wrong.
    pub status: Option<String>,
    /// Where `E` writes its files: the folder the app was started in.
    pub export_dir: std::path::PathBuf,
    /// The terminal's size (columns, rows), as the last `Resize` said:
    /// what motions on screen are worked out against.
    pub screen: (u16, u16),
    pub quit: bool,
}

impl App {
    pub fn new(
        store: Store,
        notice: Option<String>,
        settings: Settings,
    ) -> Result<App, StoreError> {
        let cohorts = CohortsState::load(&store)?;
        // A store that cannot be written says so from the start.
        let notice = notice.or_else(|| {
            store.is_read_only().then(|| {
                settings.lang.refusal(&crate::store::Refusal::ReadOnly {
                    path: store.path().to_path_buf(),
                })
            })
        });
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
            documents: DocumentsState::default(),
            codebook: CodebookState::default(),
            tables: TablesState::default(),
            search: SearchState::default(),
            overlay: None,
            modal: None,
            codes: store.codes()?,
            coders: store.coders()?,
            coder: None,
            asked_coder: None,
            shown_coder: None,
            blind: false,
            recent: vec![],
            pending: None,
            editing: forms::Editing::default(),
            back: vec![],
            help: Detail::default(),
            store,
            status: notice,
            export_dir: std::env::current_dir().unwrap_or_else(|_| ".".into()),
            screen: (80, 24),
            quit: false,
        };
        app.tables.pair = app.store.agreement_pair()?;
        app.ensure_loaded();
        // A store with no program yet starts by asking for its name.
        if app.programs.is_empty() && !app.store.is_read_only() {
            app.open_form(forms::specs::Draft::Program(forms::new_program()))?;
        }
        Ok(app)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Has `f` told while a write waits for another program's (see
    /// [`Store::on_wait`]).
    pub fn on_store_wait(&mut self, f: impl FnMut(Duration) -> bool + 'static) {
        self.store.on_wait(f);
    }

    /// Blind coding from now on: the coder sees only their own codings and
    /// counts (the others' are hidden, and agreement cannot be opened).
    pub fn set_blind(&mut self, blind: bool) -> Result<(), StoreError> {
        self.blind = blind;
        if blind && let Some(me) = self.coder {
            self.shown_coder = Some(me);
            self.refresh_coding()?;
        }
        Ok(())
    }

    /// Codes as `name` (from the command line, the config file or the
    /// prompt: cleaned of control characters here, where it enters); the
    /// coder is added to the store if new.
    pub fn set_coder(&mut self, name: &str) -> Result<(), StoreError> {
        let id = self.store.coder_named(&crate::text::sanitize(name))?;
        self.coder = Some(id);
        // The store acts for them: undo walks their actions only, and
        // another coder's codings are theirs.
        self.store.act_as(Some(id));
        if self.blind {
            self.shown_coder = Some(id);
            self.invalidate_coded_views();
        }
        self.coders = self.store.coders()?;
        self.recent = self.store.recent_codes(id, 9)?;
        Ok(())
    }

    pub fn coder_label(&self) -> &str {
        self.coder.map_or("?", |id| coder_name(&self.coders, id))
    }

    pub fn shown_coder_label(&self) -> &str {
        match self.shown_coder {
            None => self.settings.lang.all_coders(),
            Some(id) => coder_name(&self.coders, id),
        }
    }

    /// What the keys go to: an overlay, a window, or the reader.
    pub fn key_overlay(&self) -> Option<Overlay> {
        match &self.modal {
            Some(Modal::Pick(_)) | Some(Modal::Prompt(_)) => Some(Overlay::Typing),
            Some(Modal::Choose(_)) => Some(Overlay::Choosing),
            Some(Modal::Confirm(_)) => Some(Overlay::Confirming),
            Some(Modal::Form(f)) if f.asking => Some(Overlay::Confirming),
            Some(Modal::Form(_)) | Some(Modal::PickFinding(_)) => Some(Overlay::Typing),
            None => self.overlay,
        }
    }

    /// Opens a document in the reader of the Documents view.
    pub fn open_document(&mut self, id: Id) -> Result<(), StoreError> {
        self.view = ViewId::Documents;
        self.open_at(id, 0)
    }

    /// Opens a document in the reader, the cursor at `at` and its line on
    /// screen from the first frame.
    fn open_at(&mut self, id: Id, at: usize) -> Result<(), StoreError> {
        self.documents.open(id, at, &self.store, self.shown_coder)?;
        let (size, order) = (self.reader_size(), self.settings.bidi.order());
        if let Some(r) = self.documents.reader.as_mut() {
            r.follow(&self.layouts, order, size);
        }
        Ok(())
    }

    /// Notices what other windows or the command line wrote to the store
    /// and reads again what the app shows; true when something was read.
    /// Called when idle and before each action, so that no write is made
    /// against a codebook another window has changed.
    pub fn poll_store(&mut self) -> bool {
        match self.store.changed_elsewhere() {
            Ok(false) => false,
            Ok(true) => {
                if let Err(e) = self.reread_all() {
                    self.status = Some(self.settings.lang.store_error(&e));
                }
                true
            }
            Err(e) => {
                self.status = Some(self.settings.lang.store_error(&e));
                true
            }
        }
    }

    /// Everything the app shows, read again from the store: another window
    /// may have coded, edited the codebook, or replaced the whole store.
    pub(super) fn reread_all(&mut self) -> Result<(), StoreError> {
        // Who codes, by name: a replaced store may hold them under another
        // id, or not at all.
        let me = self
            .coder
            .map(|id| crate::domain::coder_name(&self.coders, id).to_string());
        self.programs = self.store.programs()?;
        self.counts = self.store.counts()?;
        self.codes = self.store.codes()?;
        self.coders = self.store.coders()?;
        let shown = self.shown_coder;
        self.shown_coder = shown.filter(|id| self.coders.iter().any(|c| c.id == *id));
        if let Some(name) = me {
            match self.coders.iter().find(|c| c.name == name) {
                Some(c) => {
                    self.coder = Some(c.id);
                    self.store.act_as(Some(c.id));
                    self.recent = self.store.recent_codes(c.id, 9)?;
                }
                None => self.set_coder(&name)?,
            }
        }
        let selected = self.cohorts.selected_cohort().map(|c| c.id);
        self.cohorts = CohortsState::load(&self.store)?;
        if let Some(id) = selected {
            self.cohorts.select_cohort(id, &self.store)?;
        }
        for v in ViewId::ALL {
            let (state, _) = self.view_and_env(v);
            state.invalidate();
        }
        // The open document: its codings again, or closed if it is gone.
        if let Some(id) = self.documents.reader.as_ref().map(|r| r.doc.id) {
            let exists = self.store.document_rows()?.iter().any(|d| d.id == id);
            if exists {
                self.documents
                    .reload_reader(&self.store, self.shown_coder)?;
            } else {
                self.documents.reader = None;
                self.modal = None;
            }
        }
        self.load_view()
    }

    /// Applies an action; true when something on screen changed.
    pub fn update(&mut self, action: Action) -> bool {
        // A status message stands until the next key (a resize is none).
        let cleared = !matches!(action, Action::Resize(..)) && self.status.take().is_some();
        let started = std::time::Instant::now();
        let reread = !matches!(action, Action::Resize(..)) && self.poll_store();
        let outcome = self.apply(action);
        if started.elapsed() >= crate::tui::memory::HEAVY {
            crate::tui::memory::give_back();
        }
        if let Some(msg) = outcome.status {
            self.status = Some(msg);
        }
        if let Some(e) = outcome.failed {
            self.status = Some(self.settings.lang.store_error(&e));
        }
        let jumped = match outcome.jump {
            Some(target) => {
                self.jump(target);
                true
            }
            None => false,
        };
        outcome.changed || cleared || jumped || reread || self.status.is_some()
    }

    fn apply(&mut self, action: Action) -> Outcome {
        if let Action::Resize(w, h) = action {
            self.screen = (w, h);
            let (size, order) = (self.reader_size(), self.settings.bidi.order());
            if let Some(r) = self.documents.reader.as_mut() {
                r.follow(&self.layouts, order, size);
            }
            return Outcome::changed(true);
        }
        if self.modal.is_some() {
            return self.modal_update(action);
        }
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
                    // A help taller than the screen scrolls.
                    other => self.help.update(other).unwrap_or_default(),
                };
            }
            Some(Overlay::Typing | Overlay::Choosing | Overlay::Confirming) => {
                self.overlay = None;
            }
            Some(Overlay::Search) => {
                if action == Action::Cite {
                    return self.cite_here();
                }
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
                self.help = Detail::default();
                self.help.take();
                Outcome::changed(true)
            }
            Action::OpenSearch => {
                self.search.reopen();
                self.overlay = Some(Overlay::Search);
                Outcome::changed(true)
            }
            Action::Go(v) => Outcome::changed(self.show(v)),
            Action::Undo => self.undo(true),
            Action::Redo => self.undo(false),
            Action::CycleCoder if self.blind => {
                Outcome::said(self.settings.lang.blind_coding().into())
            }
            Action::CycleCoder => {
                let ids: Vec<Id> = self.coders.iter().map(|c| c.id).collect();
                self.shown_coder = match self.shown_coder {
                    None => ids.first().copied(),
                    Some(c) => ids
                        .iter()
                        .position(|i| *i == c)
                        .and_then(|i| ids.get(i + 1).copied()),
                };
                self.status = Some(format!(
                    "{}: {}",
                    self.settings.lang.shown(),
                    self.shown_coder_label()
                ));
                Outcome::of(self.refresh_coding().map(|_| true))
            }
            Action::NextView => Outcome::changed(self.show(self.view.step(1))),
            Action::PrevView => Outcome::changed(self.show(self.view.step(-1))),
            Action::Back => {
                // The view handles Esc first (leaving the evidence, say);
                // when it has nothing to undo, Esc goes back along the jumps.
                let outcome = self.view_update(Action::Back);
                if outcome.changed {
                    return outcome;
                }
                if self.go_back() {
                    Outcome::changed(true)
                } else {
                    outcome
                }
            }
            // Straight back along the jumps, whatever the view has open.
            Action::JumpBack => {
                if self.go_back() {
                    Outcome::changed(true)
                } else {
                    Outcome::said(self.settings.lang.nowhere_back().into())
                }
            }
            other => self.view_update(other),
        }
    }
}
