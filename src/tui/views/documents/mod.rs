//! The Documents view: the list of documents (here), and a document open
//! in the reader (`reader.rs`), where the cursor moves on screen and through
//! the text, a selection is made, and codes are applied, removed and given
//! memos.

mod reader;
mod reader_draw;
mod window;

pub use crate::tui::widgets::colour::parse_colour;
pub use reader::{Reader, TextSize, reader_areas, scroll_for};
use reader_draw::draw_reader;

use crate::domain::Id;
use crate::store::marking::DocumentRow;
use crate::store::{Store, StoreError};
use crate::tui::action::{Action, Outcome, PAGE, moved};
use crate::tui::views::ViewId;
use crate::tui::views::{Env, Place, View};
use crate::tui::widgets::Ctx;
use crate::tui::widgets::detail::Detail;
use crate::tui::widgets::pane::{self, Row};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

#[derive(Debug, Default)]
pub struct DocumentsState {
    loaded: bool,
    pub docs: Vec<DocumentRow>,
    pub selected: usize,
    pub reader: Option<Reader>,
    /// The document's facts, which take the keys (`l`, `→`) to scroll.
    pub detail: Detail,
}

impl DocumentsState {
    pub fn ensure_loaded(&mut self, store: &Store) -> Result<(), StoreError> {
        if self.loaded {
            return Ok(());
        }
        self.docs = store.document_rows()?;
        self.loaded = true;
        Ok(())
    }

    /// The list (whose counts a coding changed) is read again when it is
    /// next shown.
    pub fn invalidate_list(&mut self) {
        self.loaded = false;
    }

    /// The open document's codings read again.
    pub fn reload_reader(&mut self, store: &Store, coder: Option<Id>) -> Result<(), StoreError> {
        if let Some(r) = &mut self.reader {
            r.set_marks(store.marks(r.doc.id, coder)?);
        }
        Ok(())
    }

    /// Opens a document in the reader, the cursor at `at`.
    pub fn open(
        &mut self,
        id: Id,
        at: usize,
        store: &Store,
        coder: Option<Id>,
    ) -> Result<(), StoreError> {
        self.ensure_loaded(store)?;
        if let Some(i) = self.docs.iter().position(|d| d.id == id) {
            self.selected = i;
        }
        let doc = store.open_document(id)?;
        let marks = store.marks(id, coder)?;
        let mut r = Reader::new(doc, marks);
        r.set_turns(store.turn_spans(id)?);
        r.cursor = r.text.grapheme_start(at.min(r.text.len.saturating_sub(1)));
        self.reader = Some(r);
        Ok(())
    }

    /// The list's keys; the reader's are the app's (they need the codebook).
    pub fn update_list(&mut self, action: Action, store: &Store, coder: Option<Id>) -> Outcome {
        if let Some(done) = self.detail.update(action) {
            return done;
        }
        match action {
            Action::Detail if !self.docs.is_empty() => self.detail.take(),
            Action::Enter => {
                let Some(d) = self.docs.get(self.selected) else {
                    return Outcome::changed(false);
                };
                let id = d.id;
                Outcome::of(self.open(id, 0, store, coder).map(|_| true))
            }
            other => match moved(self.selected, self.docs.len(), other, PAGE) {
                Some(i) if i != self.selected => {
                    self.selected = i;
                    self.detail.reset();
                    Outcome::changed(true)
                }
                _ => Outcome::changed(false),
            },
        }
    }
}

/// Where the user stood: the list's selection and, when a document was
/// open, where in it.
struct Here {
    selected: usize,
    detail: Detail,
    reader: Option<ReaderHere>,
}

struct ReaderHere {
    doc: Id,
    cursor: usize,
    anchor: Option<usize>,
    top: usize,
    opened_by_jump: bool,
}

impl View for DocumentsState {
    fn load(&mut self, env: &Env) -> Result<(), StoreError> {
        self.ensure_loaded(env.store)
    }

    /// The list is read again; an open document keeps its place (the app
    /// rereads its codings itself).
    fn invalidate(&mut self) {
        self.invalidate_list();
    }

    fn shows_codes(&self) -> bool {
        true
    }

    /// The document list's keys; the reader's go to the coding workflow.
    fn update(&mut self, action: Action, env: &mut Env) -> Outcome {
        self.update_list(action, env.store, env.shown_coder)
    }

    fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect) {
        draw(self, cx, frame, area)
    }

    fn place(&self) -> Option<Place> {
        Some(Box::new(Here {
            selected: self.selected,
            detail: self.detail.clone(),
            reader: self.reader.as_ref().map(|r| ReaderHere {
                doc: r.doc.id,
                cursor: r.cursor,
                anchor: r.anchor,
                top: r.top,
                opened_by_jump: r.opened_by_jump,
            }),
        }))
    }

    /// The document open as it was, at its cursor, selection and scroll
    /// (reopened if another took its place); the app then keeps the cursor
    /// on screen.
    fn return_to(&mut self, place: &Place, env: &Env) -> Result<(), StoreError> {
        let Some(here) = place.downcast_ref::<Here>() else {
            return Ok(());
        };
        self.ensure_loaded(env.store)?;
        self.detail = here.detail.clone();
        match &here.reader {
            None => self.reader = None,
            Some(at) => {
                if self.reader.as_ref().map(|r| r.doc.id) != Some(at.doc) {
                    self.open(at.doc, at.cursor, env.store, env.shown_coder)?;
                }
                if let Some(r) = self.reader.as_mut() {
                    let last = r.text.len.saturating_sub(1);
                    r.cursor = r.text.grapheme_start(at.cursor.min(last));
                    r.anchor = at.anchor.map(|a| a.min(r.text.len));
                    r.top = at.top.min(last);
                    r.opened_by_jump = at.opened_by_jump;
                }
            }
        }
        self.selected = here.selected.min(self.docs.len().saturating_sub(1));
        Ok(())
    }
}

fn draw(state: &DocumentsState, cx: &Ctx, frame: &mut Frame, area: Rect) {
    let lang = cx.settings.lang;
    let title = lang.view_name(ViewId::Documents);
    if let Some(r) = &state.reader {
        draw_reader(cx, r, frame, area);
        return;
    }
    if state.docs.is_empty() {
        pane::message(
            cx,
            frame,
            area,
            title,
            &lang.nothing_here(ViewId::Documents, &cx.key_names()),
        );
        return;
    }
    let (list_area, detail_area) = pane::split(area, lang, 50);
    let rows: Vec<Row> = state
        .docs
        .iter()
        .map(|d| Row::Pieces(pane::pieces(&[&d.cohort_label, &d.title])))
        .collect();
    pane::render_list_in(
        cx,
        frame,
        list_area,
        title,
        &rows,
        Some(state.selected),
        !state.detail.focus,
    );
    let Some(d) = state.docs.get(state.selected) else {
        return;
    };
    let width = detail_area.width.saturating_sub(2) as usize;
    let mut lines = pane::para(
        cx,
        &d.title,
        width,
        Style::new().add_modifier(Modifier::BOLD),
    );
    lines.push(Line::from(""));
    lines.extend(pane::ui_para(
        cx,
        &lang.document_facts(
            &d.cohort_label,
            lang.document_kind(d.kind),
            d.chars,
            d.codings,
        ),
        width,
        Style::new(),
    ));
    if !d.attributes.is_empty() {
        lines.push(Line::from(""));
        lines.extend(pane::ui_para(
            cx,
            lang.attributes_heading(),
            width,
            Style::new().add_modifier(Modifier::BOLD),
        ));
        for (name, value) in &d.attributes {
            lines.extend(pane::ui_para(
                cx,
                &lang.attribute(name, value),
                width,
                Style::new(),
            ));
        }
    }
    lines.push(Line::from(""));
    lines.extend(pane::ui_para(
        cx,
        &lang.open_hint(&cx.key_names()),
        width,
        Style::new().fg(Color::DarkGray),
    ));
    let block = pane::block(cx, &lang.cohort(&d.cohort_label), detail_area);
    state.detail.render(
        frame,
        block,
        lines,
        detail_area,
        cx.settings.lang.mirrored(),
    );
}
