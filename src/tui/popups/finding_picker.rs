//! The finding a piece of evidence goes to: the findings filtered as words
//! are typed (the piece's own cohort's first), and a new finding, whose
//! statement starts as what was typed.

use super::{centred, render, round, window_outer};
use crate::domain::{Cited, Id};
use crate::text::fold::fold;
use crate::tui::action::Action;
use crate::tui::popups::prompt::typed_line;
use crate::tui::widgets::Ctx;
use crate::tui::widgets::pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

/// A finding as the picker lists it.
#[derive(Debug, Clone)]
pub struct Choice {
    pub id: Id,
    /// "Cohort ג · area · statement", as listed.
    pub text: String,
    folded: String,
}

#[derive(Debug)]
pub struct FindingPicker {
    /// What is cited, and the cohort a new finding would belong to.
    pub piece: Cited,
    pub cohort: Option<Id>,
    pub query: String,
    /// Row 0 is a new finding; then the findings that match.
    pub rows: Vec<usize>,
    pub selected: usize,
    findings: Vec<Choice>,
}

/// What a key did to the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    Stay(bool),
    /// A finding, or (`None`) a new one with the query as its statement.
    Finding(Option<Id>),
}

impl FindingPicker {
    /// `findings`: each one's id and the text listed, in the order listed
    /// (the caller puts the piece's own cohort's first).
    pub fn new(piece: Cited, cohort: Option<Id>, findings: Vec<(Id, String)>) -> FindingPicker {
        let findings = findings
            .into_iter()
            .map(|(id, text)| Choice {
                id,
                folded: fold(&text).to_lowercase(),
                text,
            })
            .collect();
        let mut p = FindingPicker {
            piece,
            cohort,
            query: String::new(),
            rows: vec![],
            selected: 0,
            findings,
        };
        p.refresh();
        // A finding to add to is what is wanted most often: the first one.
        p.selected = usize::from(p.rows.len() > 1);
        p
    }

    fn refresh(&mut self) {
        let q = fold(&self.query).to_lowercase();
        let words: Vec<&str> = q.split_whitespace().collect();
        self.rows = std::iter::once(usize::MAX)
            .chain(
                self.findings
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| words.iter().all(|w| f.folded.contains(w)))
                    .map(|(i, _)| i),
            )
            .collect();
        self.selected = self.selected.min(self.rows.len() - 1);
    }

    /// The finding of a row (`None` for the new one).
    pub fn row(&self, i: usize) -> Option<&Choice> {
        self.rows.get(i).and_then(|&r| self.findings.get(r))
    }

    pub fn handle(&mut self, action: Action) -> Picked {
        match action {
            Action::Enter => return Picked::Finding(self.row(self.selected).map(|c| c.id)),
            Action::Down | Action::Up => {
                if let Some(i) = round(self.selected, self.rows.len(), action) {
                    self.selected = i;
                }
                return Picked::Stay(true);
            }
            Action::Input(c) if !c.is_control() => self.query.push(c),
            Action::DeleteChar if !self.query.is_empty() => {
                self.query.pop();
            }
            Action::ClearLine => self.query.clear(),
            _ => return Picked::Stay(false),
        }
        self.refresh();
        // Typing narrows to the findings that match, the first of them.
        self.selected = usize::from(self.rows.len() > 1);
        Picked::Stay(true)
    }

    pub fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect) {
        let lang = cx.settings.lang;
        let w = window_outer(area);
        let h = (self.rows.len() as u16 + 4).clamp(6, area.height.saturating_sub(2));
        let popup = centred(area, w, h);
        let width = popup.width.saturating_sub(2) as usize;
        let mut lines = vec![typed_line(
            cx,
            &self.query,
            self.query.chars().count(),
            width,
        )];
        let room = popup.height.saturating_sub(3) as usize;
        let first = self.selected.saturating_sub(room.saturating_sub(1));
        for i in (0..self.rows.len()).skip(first).take(room) {
            let style = if i == self.selected {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            let line = match self.row(i) {
                Some(c) => cx.prose().line(&c.text, width, None, style),
                None => pane::ui_line(
                    cx,
                    &lang.new_finding_row(&self.query),
                    width,
                    style.fg(Color::Green),
                ),
            };
            lines.push(line);
        }
        render(cx, frame, popup, lang.cite_title(), lines);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::CitedKind;

    #[test]
    fn typing_narrows_the_findings_and_the_new_one_stays_first() {
        let piece = Cited {
            kind: CitedKind::Quote,
            id: 1,
        };
        let mut p = FindingPicker::new(
            piece,
            Some(3),
            vec![
                (10, "ג · ידע · רוב המשיבים רכשו ידע".into()),
                (11, "ג · קשרים · נוצרו קשרים".into()),
                (12, "א · ידע · Tools".into()),
            ],
        );
        assert_eq!(p.rows.len(), 4);
        assert_eq!(p.row(p.selected).map(|c| c.id), Some(10));
        for c in "קשר".chars() {
            p.handle(Action::Input(c));
        }
        assert_eq!(p.rows.len(), 2);
        assert_eq!(p.handle(Action::Enter), Picked::Finding(Some(11)));
        // Up goes to the new finding.
        p.handle(Action::Up);
        assert_eq!(p.handle(Action::Enter), Picked::Finding(None));
        p.handle(Action::ClearLine);
        for c in "TOOLS".chars() {
            p.handle(Action::Input(c));
        }
        assert_eq!(p.row(p.selected).map(|c| c.id), Some(12), "case folded");
        p.query = "אין כזה".into();
        p.refresh();
        assert_eq!(p.rows.len(), 1, "the new finding only");
    }
}
