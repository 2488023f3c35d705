//! A detail pane that can take the keys and scroll: at 80×24 a cohort's
//! card, a question's figures in every cohort or a long recommendation do
//! not fit, so the pane takes the keys (`Enter`, `l`, `→`), `j`/`k` and the
//! page keys scroll it, and `Esc` gives the keys back to the list.

use crate::tui::action::{Action, Outcome, PAGE};
use crate::tui::widgets::pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use std::cell::Cell;

/// Whether the pane has the keys, and how far it is scrolled.
#[derive(Debug, Default, Clone)]
pub struct Detail {
    pub focus: bool,
    /// The first line on screen.
    pub scroll: usize,
    /// How far the pane can scroll, as its last drawing found.
    max: Cell<usize>,
}

impl Detail {
    /// What `action` does to the pane when it has the keys; `None` when it
    /// has not, or when the action is not the pane's (the view's own keys,
    /// such as `p` in Survey, still work while the pane scrolls).
    pub fn update(&mut self, action: Action) -> Option<Outcome> {
        if !self.focus {
            return None;
        }
        let max = self.max.get();
        let to = match action {
            Action::Back => {
                self.focus = false;
                return Some(Outcome::changed(true));
            }
            // Already in: nothing further to go into.
            Action::Enter => return Some(Outcome::changed(false)),
            Action::Down => (self.scroll + 1).min(max),
            Action::Up => self.scroll.saturating_sub(1),
            Action::PageDown => (self.scroll + PAGE).min(max),
            Action::PageUp => self.scroll.saturating_sub(PAGE),
            Action::First => 0,
            Action::Last => max,
            _ => return None,
        };
        let moved = to != self.scroll;
        self.scroll = to;
        Some(Outcome::changed(moved))
    }

    /// The pane takes the keys.
    pub fn take(&mut self) -> Outcome {
        self.focus = true;
        Outcome::changed(true)
    }

    /// Another item is shown: from its first line.
    pub fn reset(&mut self) {
        self.scroll = 0;
    }

    /// Draws `lines` in `block`, scrolled, its border marked when the pane
    /// has the keys; when the lines do not fit, the block's bottom says
    /// which of them show, at the end of the line (the left, `mirrored`).
    pub fn render(
        &self,
        frame: &mut Frame,
        block: Block<'static>,
        lines: Vec<Line<'static>>,
        area: Rect,
        mirrored: bool,
    ) {
        self.render_showing(frame, block, lines, area, mirrored, None)
    }

    /// As [`Detail::render`], scrolled so that line `showing` is on screen
    /// (an item selected in the pane).
    pub fn render_showing(
        &self,
        frame: &mut Frame,
        block: Block<'static>,
        lines: Vec<Line<'static>>,
        area: Rect,
        mirrored: bool,
        showing: Option<usize>,
    ) {
        let height = area.height.saturating_sub(2) as usize;
        let total = lines.len();
        let max = total.saturating_sub(height);
        self.max.set(max);
        let mut scroll = self.scroll.min(max);
        if let Some(line) = showing {
            if line < scroll {
                scroll = line;
            } else if line >= scroll + height {
                scroll = (line + 1).saturating_sub(height).min(max);
            }
        }
        let mut block = if self.focus {
            pane::active(block)
        } else {
            block
        };
        if max > 0 {
            let last = (scroll + height).min(total);
            let arrows = match (scroll > 0, scroll < max) {
                (true, true) => "↑↓",
                (true, false) => "↑",
                _ => "↓",
            };
            let foot = Line::from(Span::styled(
                format!(" {arrows} {}–{last}/{total} ", scroll + 1),
                Style::new().add_modifier(Modifier::DIM),
            ));
            block = block.title_bottom(if mirrored {
                foot.left_aligned()
            } else {
                foot.right_aligned()
            });
        }
        frame.render_widget(
            Paragraph::new(lines)
                .scroll((scroll as u16, 0))
                .block(block),
            area,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::Borders;

    fn drawn(d: &Detail, n: usize) -> String {
        let mut t = Terminal::new(TestBackend::new(20, 6)).unwrap();
        let lines: Vec<Line<'static>> = (1..=n).map(|i| Line::from(format!("line {i}"))).collect();
        t.draw(|f| {
            d.render(
                f,
                Block::default().borders(Borders::ALL),
                lines,
                f.area(),
                false,
            )
        })
        .unwrap();
        let b = t.backend().buffer().clone();
        (0..b.area.height)
            .map(|y| {
                (0..b.area.width)
                    .map(|x| b[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_pane_scrolls_only_with_the_keys_and_only_as_far_as_its_lines() {
        let mut d = Detail::default();
        let first = drawn(&d, 10);
        assert!(first.contains("line 1") && !first.contains("line 5"));
        assert!(first.contains("↓ 1–4/10"), "{first}");
        // Without the keys the pane does nothing with them.
        assert!(d.update(Action::Down).is_none());
        d.take();
        assert!(d.update(Action::Last).unwrap().changed);
        let end = drawn(&d, 10);
        assert!(end.contains("line 10") && !end.contains("line 6"), "{end}");
        assert!(end.contains("↑ 7–10/10"), "{end}");
        // At the end, down moves nothing.
        assert!(!d.update(Action::Down).unwrap().changed);
        // A key that is not the pane's goes to the view.
        assert!(d.update(Action::ToggleFigures).is_none());
        assert!(d.update(Action::Back).unwrap().changed);
        assert!(!d.focus);
    }

    #[test]
    fn lines_that_fit_say_nothing_of_scrolling() {
        let d = Detail::default();
        let s = drawn(&d, 3);
        assert!(!s.contains('↓') && !s.contains("/3"), "{s}");
    }
}
