//! The app's state and the one place it changes: `App::update`.

use super::Settings;
use super::popups::{
    Choose, ChooseFor, Confirm, ConfirmFor, Modal, PickFor, PickRow, Picker, Prompt, PromptFor,
    Reply,
};
use super::views::documents::{TextSize, reader_areas};
use super::views::{
    codebook::CodebookState, cohorts::CohortsState, documents::DocumentsState,
    findings::FindingsState, recommendations::RecsState, search::SearchState, survey::SurveyState,
    tables::TablesState,
};
use super::widgets::Prose;
use crate::domain::{Code, Coder, Counts, Id, Program, coder_name};
use crate::store::marking::Mark;
use crate::store::{Store, StoreError};
use crate::text::LayoutCache;
use std::path::PathBuf;

pub use super::action::{Action, Outcome, Overlay, PAGE, Target, ViewId, moved};

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
    /// Codes this coder used last, the latest first.
    pub recent: Vec<Id>,
    /// An action waiting for the coder's name.
    pending: Option<Action>,
    /// Views to go back to with Esc, after following a piece of evidence or
    /// a search hit.
    pub back: Vec<ViewId>,
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
            recent: vec![],
            pending: None,
            back: vec![],
            store,
            status: notice,
            export_dir: std::env::current_dir().unwrap_or_else(|_| ".".into()),
            screen: (80, 24),
            quit: false,
        };
        app.ensure_loaded();
        Ok(app)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Codes as `name`; the coder is added to the store if new.
    pub fn set_coder(&mut self, name: &str) -> Result<(), StoreError> {
        let id = self.store.coder_named(name)?;
        self.coder = Some(id);
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

    /// True when a document is open in the reader and it has the keys.
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

    /// Lays out text for drawing, in the order the bidi setting asks for.
    pub fn prose(&self) -> Prose<'_> {
        Prose {
            cache: &self.layouts,
            order: self.settings.bidi.order(),
        }
    }

    /// Applies an action; true when something on screen changed.
    pub fn update(&mut self, action: Action) -> bool {
        // A status message stands until the next key (a resize is none).
        let cleared = !matches!(action, Action::Resize(..)) && self.status.take().is_some();
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
                    _ => Outcome::changed(false),
                };
            }
            Some(Overlay::Typing | Overlay::Choosing | Overlay::Confirming) => {
                self.overlay = None;
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
            Action::Undo => self.undo(true),
            Action::Redo => self.undo(false),
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
            ViewId::Documents if self.documents.reader.is_some() => self.reader_update(action),
            ViewId::Documents => self.documents.update_list(action, store, self.shown_coder),
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
                other => self.codebook.update(other, store, self.shown_coder),
            },
            ViewId::Tables => match action {
                Action::Enter if self.tables.focus => self.tables.quotes.open_selected(),
                Action::Export if self.tables.table.rows.is_empty() => {
                    Outcome::said(self.settings.lang.nothing_to_export().into())
                }
                Action::Export => self.exported(self.tables.export(&self.export_dir)),
                Action::ChooseCoders => self.choose_coders(None),
                other => self.tables.update(
                    other,
                    store,
                    self.shown_coder,
                    self.settings.lang.table_words(),
                    self.settings.lang.mirrored(),
                ),
            },
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
            Target::Quote(id) => self
                .store
                .quote_place(id)
                .and_then(|(doc, start, _)| self.open_at(doc, start)),
            Target::Code(id) => self.codebook.select_code(id, &self.store, self.shown_coder),
        };
        if let Err(e) = found {
            self.status = Some(e.to_string());
        }
    }

    /// Reads what the current view shows, the first time it is shown.
    fn ensure_loaded(&mut self) {
        if let Err(e) = self.load_view() {
            self.status = Some(e.to_string());
        }
    }

    /// Reads what the current view shows, if it is not read yet.
    fn load_view(&mut self) -> Result<(), StoreError> {
        match self.view {
            ViewId::Cohorts => Ok(()),
            ViewId::Survey => self.survey.ensure_loaded(&self.store),
            ViewId::Findings => self.findings.ensure_loaded(&self.store),
            ViewId::Recommendations => self.recs.ensure_loaded(&self.store),
            ViewId::Documents => self.documents.ensure_loaded(&self.store),
            ViewId::Codebook => self.codebook.ensure_loaded(&self.store, self.shown_coder),
            ViewId::Tables => self.tables.ensure_loaded(
                &self.store,
                self.shown_coder,
                self.settings.lang.table_words(),
            ),
        }
    }
}

/// Coding: the reader's keys, the windows they open, undo.
impl App {
    fn reader_update(&mut self, action: Action) -> Outcome {
        let order = self.settings.bidi.order();
        let size = self.reader_size();
        let Some(r) = self.documents.reader.as_mut() else {
            return Outcome::changed(false);
        };
        if r.motion(action, &self.layouts, order, size) {
            return Outcome::changed(true);
        }
        match action {
            Action::Back => {
                if r.anchor.take().is_some() {
                    return Outcome::changed(true);
                }
                self.documents.reader = None;
                // The list's counts may have changed while reading.
                Outcome::of(self.documents.ensure_loaded(&self.store).map(|_| true))
            }
            Action::Visual => {
                r.anchor = match r.anchor {
                    Some(_) => None,
                    None => Some(r.cursor),
                };
                Outcome::changed(true)
            }
            Action::PickCode | Action::RepeatCode | Action::RecentCodes | Action::InVivo
                if self.coder.is_none() =>
            {
                self.ask_coder(action)
            }
            Action::PickCode => {
                self.modal = Some(Modal::Pick(Picker::new(PickFor::Apply, &self.codes)));
                Outcome::changed(true)
            }
            Action::RepeatCode => match self.recent.first().copied() {
                Some(code) => self.apply_code(code),
                None => Outcome::said(self.settings.lang.no_last_code(&self.key_names())),
            },
            Action::RecentCodes => {
                let items = self
                    .recent
                    .iter()
                    .filter_map(|id| self.codes.iter().find(|c| c.id == *id))
                    .map(|c| (c.id, c.name.clone(), c.colour.clone()))
                    .collect::<Vec<_>>();
                if items.is_empty() {
                    return Outcome::said(self.settings.lang.no_last_code(&self.key_names()));
                }
                self.modal = Some(Modal::Choose(Choose {
                    purpose: ChooseFor::Recent,
                    items,
                    selected: 0,
                }));
                Outcome::changed(true)
            }
            Action::InVivo => {
                let name = r
                    .selected_text()
                    .map(|t| crate::text::sanitize(&t).trim().to_string())
                    .filter(|t| !t.is_empty());
                let Some(name) = name else {
                    return Outcome::said(self.settings.lang.select_first(&self.key_names()));
                };
                let name: String = name.chars().take(80).collect();
                self.create_and_apply(None, &name)
            }
            Action::RemoveCoding | Action::Memo => {
                let purpose = if action == Action::Memo {
                    ChooseFor::Memo
                } else {
                    ChooseFor::Remove
                };
                let items: Vec<(Id, String, String)> = r
                    .marks_here()
                    .into_iter()
                    .filter_map(|m| {
                        let c = self.codes.iter().find(|c| c.id == m.code)?;
                        let who = coder_name(&self.coders, m.coder);
                        Some((m.coding, format!("{} ({who})", c.name), c.colour.clone()))
                    })
                    .collect();
                match items.len() {
                    0 => Outcome::said(self.settings.lang.no_codes_here().into()),
                    1 => self.chosen(purpose, items[0].0),
                    _ => {
                        self.modal = Some(Modal::Choose(Choose {
                            purpose,
                            items,
                            selected: 0,
                        }));
                        Outcome::changed(true)
                    }
                }
            }
            _ => Outcome::changed(false),
        }
    }

    fn ask_coder(&mut self, then: Action) -> Outcome {
        self.pending = Some(then);
        let title = self.settings.lang.ask_coder().to_string();
        self.modal = Some(Modal::Prompt(Prompt::new(
            PromptFor::Coder,
            title,
            String::new(),
        )));
        Outcome::changed(true)
    }

    fn modal_update(&mut self, action: Action) -> Outcome {
        let Some(modal) = self.modal.as_mut() else {
            return Outcome::changed(false);
        };
        let fallback = self.settings.lang.direction();
        let width = super::popups::window_width(view_area(self.screen));
        let reply = modal.handle(action, &self.layouts, fallback, width);
        if !matches!(reply, Reply::Stay(_)) {
            self.modal = None;
        }
        match reply {
            Reply::Stay(changed) => Outcome::changed(changed),
            Reply::Cancelled => {
                self.pending = None;
                Outcome::changed(true)
            }
            Reply::Picked(purpose, row) => self.picked(purpose, row),
            Reply::Chosen(purpose, id) => self.chosen(purpose, id),
            Reply::Prompted(purpose, text) => self.prompted(purpose, &text),
            Reply::Confirmed(ConfirmFor::DeleteCode(id)) => {
                let done = self
                    .store
                    .delete_code(id)
                    .map(|u| self.settings.lang.deleted(u.codings, &self.key_names()));
                self.after_codebook_change(done)
            }
        }
    }

    fn picked(&mut self, purpose: PickFor, row: PickRow) -> Outcome {
        match (purpose, row) {
            (PickFor::Apply, PickRow::Code(id)) => self.apply_code(id),
            (PickFor::Apply, PickRow::Create { parent, name }) => {
                self.create_and_apply(parent, &name)
            }
            (PickFor::MoveUnder(id), PickRow::Code(p)) => {
                let done = self.store.move_code(id, Some(p)).map(|_| String::new());
                self.after_codebook_change(done)
            }
            (PickFor::MoveUnder(id), PickRow::Top) => {
                let done = self.store.move_code(id, None).map(|_| String::new());
                self.after_codebook_change(done)
            }
            (PickFor::MergeInto(from), PickRow::Code(into)) => {
                let lang = self.settings.lang;
                let done = self
                    .store
                    .merge_codes(from, into)
                    .map(|m| lang.merged(m.moved, m.collapsed));
                self.after_codebook_change(done)
            }
            _ => Outcome::changed(true),
        }
    }

    fn chosen(&mut self, purpose: ChooseFor, id: Id) -> Outcome {
        match purpose {
            ChooseFor::Recent => self.apply_code(id),
            ChooseFor::Remove => {
                let saved = self.settings.lang.saved().to_string();
                let done = self.store.remove_coding(id);
                self.after_coding(done.map(|code| (Some(code), saved)))
            }
            ChooseFor::CoderA => self.choose_coders(Some(id)),
            ChooseFor::CoderB(a) => {
                self.tables.pair = Some((a, id));
                let words = self.settings.lang.table_words();
                Outcome::of(
                    self.tables
                        .reload(&self.store, self.shown_coder, words)
                        .map(|_| true),
                )
            }
            ChooseFor::Memo => {
                let memo = self
                    .documents
                    .reader
                    .as_ref()
                    .and_then(|r| r.marks.iter().find(|m| m.coding == id))
                    .map(|m| m.memo.clone())
                    .unwrap_or_default();
                let title = self.settings.lang.memo_title().to_string();
                self.modal = Some(Modal::Prompt(Prompt::new(
                    PromptFor::CodingMemo(id),
                    title,
                    memo,
                )));
                Outcome::changed(true)
            }
        }
    }

    fn prompted(&mut self, purpose: PromptFor, text: &str) -> Outcome {
        let clean = if purpose.paragraphs() {
            crate::text::sanitize_paragraphs(text)
        } else {
            crate::text::sanitize(text)
        };
        match purpose {
            PromptFor::Coder => {
                if let Err(e) = self.set_coder(&clean) {
                    return Outcome::of(Err(e));
                }
                self.asked_coder = Some(clean.trim().to_string());
                match self.pending.take() {
                    Some(a) => self.apply(a),
                    None => Outcome::changed(true),
                }
            }
            PromptFor::CodingMemo(id) => {
                let saved = self.settings.lang.saved().to_string();
                let done = self.store.set_coding_memo(id, clean.trim());
                self.after_coding(done.map(|_| (None, saved)))
            }
            PromptFor::CodeMemo(id) => {
                let done = self
                    .store
                    .set_code_memo(id, clean.trim())
                    .map(|_| String::new());
                self.after_codebook_change(done)
            }
            PromptFor::Describe(id) => {
                let done = self
                    .store
                    .set_code_description(id, clean.trim())
                    .map(|_| String::new());
                self.after_codebook_change(done)
            }
            PromptFor::Rename(id) => {
                let done = self.store.rename_code(id, &clean).map(|_| String::new());
                self.after_codebook_change(done)
            }
            PromptFor::NewCode(parent) => {
                let colour = self.next_colour();
                let done = self
                    .store
                    .create_code(&clean, parent, colour)
                    .map(|_| String::new());
                self.after_codebook_change(done)
            }
        }
    }

    /// The colour a new code gets: the palette in turn.
    fn next_colour(&self) -> &'static str {
        PALETTE[self.codes.len() % PALETTE.len()]
    }

    fn create_and_apply(&mut self, parent: Option<Id>, name: &str) -> Outcome {
        let colour = self.next_colour();
        match self.store.create_code(name, parent, colour) {
            Ok(id) => {
                match self.store.codes() {
                    Ok(codes) => self.codes = codes,
                    Err(e) => return Outcome::of(Err(e)),
                }
                self.apply_code(id)
            }
            Err(e) => Outcome::of(Err(e)),
        }
    }

    /// Applies a code to the reader's target, as this coder.
    fn apply_code(&mut self, code: Id) -> Outcome {
        let Some(coder) = self.coder else {
            return Outcome::changed(false);
        };
        let Some(r) = self.documents.reader.as_mut() else {
            return Outcome::changed(false);
        };
        let Some((start, end)) = r.target() else {
            return Outcome::said(self.settings.lang.select_first(&self.key_names()));
        };
        let doc = r.doc.id;
        r.anchor = None;
        let done = self.store.apply_code(doc, start, end, code, coder);
        // A new coding the reader shows is painted in without reading the
        // document's codings again.
        let shown = self.shown_coder.is_none_or(|c| c == coder);
        if let (Ok(a), Some(r)) = (&done, self.documents.reader.as_mut())
            && a.new
            && shown
        {
            r.add_mark(Mark {
                coding: a.coding,
                quote: a.quote,
                start,
                end,
                code,
                coder,
                memo: String::new(),
            });
        }
        let lang = self.settings.lang;
        let name = self
            .codes
            .iter()
            .find(|c| c.id == code)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        self.recent.retain(|c| *c != code);
        self.recent.insert(0, code);
        self.recent.truncate(9);
        let said = done.map(|a| (Some(code), lang.applied(&name, end - start, a.new)));
        self.after_coding_with(said, false)
    }

    /// After a coding action: the open document's codings read again, the
    /// counts of the code it touched (`None`: no count changed), and what
    /// happened said. The document list is read again when it is next shown.
    fn after_coding(&mut self, done: Result<(Option<Id>, String), StoreError>) -> Outcome {
        self.after_coding_with(done, true)
    }

    /// The same; `reread` false when the reader's marks are already up to
    /// date (a code just applied was painted in).
    fn after_coding_with(
        &mut self,
        done: Result<(Option<Id>, String), StoreError>,
        reread: bool,
    ) -> Outcome {
        let refreshed = done.and_then(|(code, msg)| {
            self.documents.invalidate_list();
            if reread {
                self.documents
                    .reload_reader(&self.store, self.shown_coder)?;
            }
            if let Some(code) = code {
                self.codebook
                    .refresh_code(&self.store, code, self.shown_coder)?;
                self.counts.quotes = self.store.quote_count()?;
                self.findings.invalidate();
                self.tables.invalidate();
            }
            Ok(msg)
        });
        match refreshed {
            Ok(msg) => Outcome::said(msg),
            Err(e) => Outcome::of(Err(e)),
        }
    }

    fn after_codebook_change(&mut self, done: Result<String, StoreError>) -> Outcome {
        match done.and_then(|msg| self.refresh_coding().map(|_| msg)) {
            Ok(msg) if msg.is_empty() => Outcome::said(self.settings.lang.saved().into()),
            Ok(msg) => Outcome::said(msg),
            Err(e) => Outcome::of(Err(e)),
        }
    }

    /// Everything that shows codes, read again.
    fn refresh_coding(&mut self) -> Result<(), StoreError> {
        self.codes = self.store.codes()?;
        self.coders = self.store.coders()?;
        // The open document's codings at once (it keeps the keys); every
        // view's lists when next shown, the current one's now.
        self.documents
            .reload_reader(&self.store, self.shown_coder)?;
        self.documents.invalidate_list();
        self.codebook.invalidate();
        self.findings.invalidate();
        self.tables.invalidate();
        self.counts = self.store.counts()?;
        self.load_view()
    }

    /// Asks for the first of the two coders to compare, then (given the
    /// first) for the second.
    fn choose_coders(&mut self, first: Option<Id>) -> Outcome {
        if self.coders.len() < 2 {
            return Outcome::said(self.settings.lang.two_coders_needed().into());
        }
        let items: Vec<(Id, String, String)> = self
            .coders
            .iter()
            .filter(|c| Some(c.id) != first)
            .map(|c| (c.id, c.name.clone(), String::new()))
            .collect();
        self.modal = Some(Modal::Choose(Choose {
            purpose: match first {
                None => ChooseFor::CoderA,
                Some(a) => ChooseFor::CoderB(a),
            },
            items,
            selected: 0,
        }));
        Outcome::changed(true)
    }

    /// Writes the selected code's quotes, as the Codebook lists them, to
    /// Markdown and CSV files.
    fn export_code_quotes(&mut self) -> Outcome {
        let Some(code) = self.codebook.selected_code() else {
            return Outcome::changed(false);
        };
        let stem = format!("tovana-quotes-{}", code.id);
        let w = self.settings.lang.table_words();
        match crate::interchange::tables::quotes_table(&self.store, &self.codebook.quotes.filter, w)
        {
            Ok(t) => self.exported(super::views::tables::export(&t, &stem, &self.export_dir)),
            Err(e) => Outcome::of(Err(e)),
        }
    }

    /// What writing an export came to, said.
    fn exported(&self, written: std::io::Result<(PathBuf, PathBuf)>) -> Outcome {
        let lang = self.settings.lang;
        match written {
            Ok((md, csv)) => {
                Outcome::said(lang.exported(&md.display().to_string(), &csv.display().to_string()))
            }
            Err(e) => Outcome::said(lang.not_exported(&e.to_string())),
        }
    }

    fn undo(&mut self, undo: bool) -> Outcome {
        let step = if undo {
            self.store.undo()
        } else {
            self.store.redo()
        };
        let lang = self.settings.lang;
        match step {
            Ok(Some(s)) => {
                let msg = lang.undone(undo, &lang.act(&s.act));
                if let Some(c) = self.coder {
                    self.recent = self.store.recent_codes(c, 9).unwrap_or_default();
                }
                self.after_codebook_change(Ok(msg))
            }
            Ok(None) => Outcome::said(lang.nothing_to_undo(undo).into()),
            Err(e) => Outcome::of(Err(e)),
        }
    }

    fn codebook_action(&mut self, action: Action) -> Outcome {
        let lang = self.settings.lang;
        let selected = self.codebook.selected_code().cloned();
        let prompt = |purpose, title: &str, text: String| {
            Some(Modal::Prompt(Prompt::new(purpose, title.to_string(), text)))
        };
        if action == Action::NewTopCode {
            self.modal = prompt(
                PromptFor::NewCode(None),
                lang.new_code_title(),
                String::new(),
            );
            return Outcome::changed(true);
        }
        let Some(code) = selected else {
            return Outcome::changed(false);
        };
        self.modal = match action {
            Action::NewCode => prompt(
                PromptFor::NewCode(Some(code.id)),
                &format!("{} {}", lang.new_code_title(), code.name),
                String::new(),
            ),
            Action::RenameCode => {
                prompt(PromptFor::Rename(code.id), lang.rename_title(), code.name)
            }
            Action::DescribeCode => prompt(
                PromptFor::Describe(code.id),
                lang.describe_title(),
                code.description,
            ),
            Action::Memo => prompt(PromptFor::CodeMemo(code.id), lang.memo_title(), code.memo),
            Action::MoveCode => Some(Modal::Pick(Picker::new(
                PickFor::MoveUnder(code.id),
                &self.codes,
            ))),
            Action::MergeCode => Some(Modal::Pick(Picker::new(
                PickFor::MergeInto(code.id),
                &self.codes,
            ))),
            Action::DeleteCode => match self.store.code_usage(code.id) {
                Ok(u) => Some(Modal::Confirm(Confirm {
                    purpose: ConfirmFor::DeleteCode(code.id),
                    message: lang.confirm_delete(&code.name, u.codings, u.children),
                })),
                Err(e) => return Outcome::of(Err(e)),
            },
            Action::ColourCode => {
                let i = PALETTE
                    .iter()
                    .position(|p| *p == code.colour)
                    .map_or(0, |i| i + 1);
                let done = self
                    .store
                    .set_code_colour(code.id, PALETTE[i % PALETTE.len()])
                    .map(|_| String::new());
                return self.after_codebook_change(done);
            }
            _ => None,
        };
        Outcome::changed(self.modal.is_some())
    }
}
