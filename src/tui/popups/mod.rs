//! Small windows over a view that ask for something, one file each: the
//! code picker, a numbered chooser, a prompt for a line of text, the memo
//! editor, a yes-or-no, a form. Each knows what it was opened for and answers with
//! a [`Reply`]; the app acts on the answer (`tui/app/coding.rs`).

pub mod chooser;
pub mod confirm;
pub mod editor;
pub mod finding_picker;
pub mod form;
pub mod picker;
pub mod prompt;

pub use chooser::{Choose, ChooseFor};
pub use confirm::{Confirm, ConfirmFor};
pub use form::{Field, Form, FormFor, FormKey};
pub use picker::{PickFor, PickRow, Picker};
pub use prompt::{Prompt, PromptFor};

use crate::domain::Id;
use crate::tui::action::Action;
use crate::tui::widgets::Ctx;
use crate::tui::widgets::pane;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

#[derive(Debug)]
pub enum Modal {
    Pick(Picker),
    Choose(Choose),
    Prompt(Prompt),
    Confirm(Confirm),
    /// Answered by the app key by key (`app/forms`), not through [`Reply`].
    Form(Form),
    /// The finding a piece of evidence goes to (answered as a form is).
    PickFinding(finding_picker::FindingPicker),
}

/// What a popup says to a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Still open; true when it changed on screen.
    Stay(bool),
    /// Closed without an answer.
    Cancelled,
    Picked(PickFor, PickRow),
    Chosen(ChooseFor, Id),
    Prompted(PromptFor, String),
    Confirmed(ConfirmFor),
}

impl Modal {
    /// A key for the open popup: Esc closes any; the rest is the popup's.
    /// A prompt edits in a window `width` cells wide inside.
    pub fn handle(
        &mut self,
        action: Action,
        layouts: &crate::text::LayoutCache,
        fallback: crate::text::Direction,
        width: usize,
    ) -> Reply {
        if action == Action::Back {
            return Reply::Cancelled;
        }
        match self {
            Modal::Pick(p) => p.handle(action),
            Modal::Choose(c) => c.handle(action),
            Modal::Prompt(p) => p.handle(action, layouts, fallback, width),
            Modal::Confirm(c) => c.handle(action),
            Modal::Form(_) | Modal::PickFinding(_) => Reply::Stay(false),
        }
    }
}

pub fn draw(cx: &Ctx, modal: &Modal, frame: &mut Frame, area: Rect) {
    match modal {
        Modal::Pick(p) => p.draw(cx, frame, area),
        Modal::Choose(c) => c.draw(cx, frame, area),
        Modal::Prompt(p) => p.draw(cx, frame, area),
        Modal::Confirm(c) => c.draw(cx, frame, area),
        Modal::Form(f) => f.draw(cx, frame, area),
        Modal::PickFinding(p) => p.draw(cx, frame, area),
    }
}

/// Down or up a list of `n` rows, going round at the ends; `None` for an
/// empty list.
pub fn round(selected: usize, n: usize, action: Action) -> Option<usize> {
    match n {
        0 => None,
        _ if action == Action::Down => Some((selected + 1) % n),
        _ => Some((selected + n - 1) % n),
    }
}

/// A window of `w`×`h` in the middle of `area`.
pub(super) fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    popup
}

/// A window's outer width in the view's `area`.
pub(super) fn window_outer(area: Rect) -> u16 {
    (area.width * 3 / 5).max(50).min(area.width)
}

/// The width inside a window (a prompt's, say) in the view's `area`.
pub fn window_width(area: Rect) -> usize {
    window_outer(area).saturating_sub(2) as usize
}

pub(super) fn render(
    cx: &Ctx,
    frame: &mut Frame,
    popup: Rect,
    title: &str,
    lines: Vec<Line<'static>>,
) {
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(pane::block(cx, title, popup)),
        popup,
    );
}
