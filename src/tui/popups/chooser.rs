//! A numbered list: a digit or Enter chooses (recent codes, a coding under
//! the cursor, the coders compared).

use super::{Reply, centred, render, round, window_outer};
use crate::domain::Id;
use crate::tui::action::Action;
use crate::tui::widgets::Ctx;
use crate::tui::widgets::colour::parse_colour;
use crate::tui::widgets::pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChooseFor {
    /// Recent codes: the chosen one is applied.
    Recent,
    /// Codings under the cursor: the chosen one is removed.
    Remove,
    /// Codings under the cursor: the chosen one gets a memo.
    Memo,
    /// Coders: the first and the second of the two compared.
    CoderA,
    CoderB(crate::domain::Id),
    /// The Survey's filter: an attribute's value (or everyone).
    SurveyFilter,
}

/// A numbered list; a digit or Enter chooses.
#[derive(Debug)]
pub struct Choose {
    pub purpose: ChooseFor,
    /// The id each row stands for (a code, or a coding), and its text.
    pub items: Vec<(Id, String, String)>,
    pub selected: usize,
}

impl Choose {
    /// A key: a digit of a row or Enter chooses; up and down go round.
    pub fn handle(&mut self, action: Action) -> Reply {
        let n = self.items.len();
        let pick = match action {
            Action::Digit(d) if (1..=n).contains(&(d as usize)) => d as usize - 1,
            Action::Enter => self.selected,
            Action::Down | Action::Up => {
                return match round(self.selected, n, action) {
                    Some(i) => {
                        self.selected = i;
                        Reply::Stay(true)
                    }
                    None => Reply::Stay(false),
                };
            }
            _ => return Reply::Stay(false),
        };
        Reply::Chosen(self.purpose, self.items[pick].0)
    }

    pub fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect) {
        let c = self;
        let lang = cx.settings.lang;
        let w = window_outer(area);
        let chosen = Style::new().add_modifier(Modifier::REVERSED);
        let h = (c.items.len() as u16 + 2).clamp(3, area.height.saturating_sub(2));
        let popup = centred(area, w, h);
        let width = popup.width.saturating_sub(2) as usize;
        let lines: Vec<Line> = c
            .items
            .iter()
            .enumerate()
            .map(|(i, (_, text, colour))| {
                let style = if i == c.selected {
                    chosen
                } else {
                    Style::new()
                };
                pane::swatch_line(
                    cx,
                    &format!("{} ", i + 1),
                    parse_colour(colour),
                    text,
                    width,
                    Some(lang.direction()),
                    style,
                )
            })
            .collect();
        render(cx, frame, popup, lang.choose_title(c.purpose), lines);
    }
}
