//! A yes or no before something that cannot be taken back lightly.

use super::{Reply, centred, render, window_outer};
use crate::domain::Id;
use crate::tui::action::Action;
use crate::tui::widgets::Ctx;
use crate::tui::widgets::pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmFor {
    DeleteCode(Id),
    /// A part of the evaluation, with what goes with it.
    DeletePart(crate::domain::Item),
    /// Merge the first code into the second.
    MergeCode {
        from: Id,
        into: Id,
    },
}

#[derive(Debug)]
pub struct Confirm {
    pub purpose: ConfirmFor,
    pub message: String,
}

impl Confirm {
    /// A key: yes answers; every other key leaves the question open (Esc
    /// and n close it before it gets here).
    pub fn handle(&self, action: Action) -> Reply {
        match action {
            Action::Yes => Reply::Confirmed(self.purpose),
            _ => Reply::Stay(false),
        }
    }

    pub fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect) {
        let c = self;
        let lang = cx.settings.lang;
        let w = window_outer(area);
        let dim = Style::new().fg(Color::DarkGray);
        let popup = centred(area, w, 6);
        let width = popup.width.saturating_sub(2) as usize;
        let mut lines = pane::ui_para(cx, &c.message, width, Style::new());
        lines.extend(pane::ui_para(cx, &lang.yes_no(&cx.key_names()), width, dim));
        render(cx, frame, popup, lang.confirm_title(), lines);
    }
}
