//! A line of text being written (a coder's name, a code's name), and the
//! text the memo editor holds; each laid out in its own direction.

use super::{Reply, centred, render, window_outer, window_width};
use crate::domain::Id;
use crate::text::Direction;
use crate::text::cursor;
use crate::tui::action::Action;
use crate::tui::widgets::Ctx;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptFor {
    /// The coder's name, asked once.
    Coder,
    CodingMemo(Id),
    CodeMemo(Id),
    Rename(Id),
    Describe(Id),
    /// A new code under this one (or at the top).
    NewCode(Option<Id>),
    /// A line of a form (`form.rs`), which answers for it.
    Field,
    /// The note on what became of a recommendation in a later cohort.
    FateNote {
        recommendation: Id,
        cohort: Id,
    },
}

impl PromptFor {
    /// Memos and descriptions take several paragraphs: Enter starts a new
    /// one and Ctrl-s saves. Names are one line: Enter saves.
    pub fn paragraphs(self) -> bool {
        matches!(
            self,
            PromptFor::CodingMemo(_)
                | PromptFor::CodeMemo(_)
                | PromptFor::Describe(_)
                | PromptFor::FateNote { .. }
        )
    }
}

/// Text being written, in either direction: one line, or paragraphs (each
/// laid out in its own direction).
#[derive(Debug)]
pub struct Prompt {
    pub purpose: PromptFor,
    pub title: String,
    pub text: String,
    /// In code points.
    pub cursor: usize,
}

impl Prompt {
    pub fn new(purpose: PromptFor, title: String, text: String) -> Prompt {
        let text = if purpose.paragraphs() {
            text
        } else {
            text.replace('\n', " ")
        };
        let cursor = text.chars().count();
        Prompt {
            purpose,
            title,
            text,
            cursor,
        }
    }

    fn byte(&self, cp: usize) -> usize {
        self.text
            .char_indices()
            .nth(cp)
            .map(|(b, _)| b)
            .unwrap_or(self.text.len())
    }

    pub(super) fn shown(&self) -> String {
        shown(&self.text)
    }

    /// The direction the text is laid out in: each paragraph its own, or
    /// the interface's while nothing in it says (`fallback`).
    pub(super) fn direction(&self, fallback: Direction) -> Option<Direction> {
        match crate::text::first_strong(&self.text) {
            None => Some(fallback),
            Some(_) if self.purpose.paragraphs() => None,
            Some(d) => Some(d),
        }
    }

    /// Applies a key, in a window `width` cells wide inside (see
    /// [`window_width`]); true when the text or the cursor changed.
    pub fn update(
        &mut self,
        action: Action,
        app_layouts: &crate::text::LayoutCache,
        fallback: Direction,
        width: usize,
    ) -> bool {
        let len = self.text.chars().count();
        let layout = || {
            let w = width.max(1);
            app_layouts.get(
                &self.shown(),
                w,
                self.direction(fallback),
                crate::text::Order::Visual,
            )
        };
        match action {
            Action::Input(c) if !c.is_control() => {
                let b = self.byte(self.cursor);
                self.text.insert(b, c);
                self.cursor += 1;
            }
            Action::Enter if self.purpose.paragraphs() => {
                let b = self.byte(self.cursor);
                self.text.insert(b, '\n');
                self.cursor += 1;
            }
            Action::DeleteChar if self.cursor > 0 => {
                let b = self.byte(self.cursor - 1);
                self.text.remove(b);
                self.cursor -= 1;
            }
            Action::ClearLine if !self.text.is_empty() => {
                self.text.clear();
                self.cursor = 0;
            }
            Action::First => self.cursor = 0,
            Action::Last => self.cursor = len,
            Action::Left | Action::Right => {
                let l = layout();
                let at = to_shown(&self.text, self.cursor);
                match cursor::visual_step(&l, at, action == Action::Left) {
                    Some(p) => self.cursor = from_shown(&self.text, p).min(len),
                    None => return false,
                }
            }
            Action::Up | Action::Down if self.purpose.paragraphs() => {
                let l = layout();
                let at = to_shown(&self.text, self.cursor);
                let Some((_, column)) = cursor::locate(&l, at) else {
                    return false;
                };
                let by = if action == Action::Up { -1 } else { 1 };
                match cursor::vertical_step(&l, at, by, column) {
                    Some(p) if p != at => self.cursor = from_shown(&self.text, p).min(len),
                    _ => return false,
                }
            }
            _ => return false,
        }
        true
    }
}

impl Prompt {
    /// A key: Ctrl-s saves, and Enter saves a one-line text; every other
    /// key edits, in a window `width` cells wide inside.
    pub fn handle(
        &mut self,
        action: Action,
        layouts: &crate::text::LayoutCache,
        fallback: Direction,
        width: usize,
    ) -> Reply {
        let done = match action {
            Action::Save => true,
            Action::Enter => !self.purpose.paragraphs(),
            _ => false,
        };
        if done {
            Reply::Prompted(self.purpose, self.text.clone())
        } else {
            Reply::Stay(self.update(action, layouts, fallback, width))
        }
    }

    /// The one-line prompt; paragraphs are drawn by the memo editor.
    pub fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect) {
        if self.purpose.paragraphs() {
            return super::editor::draw(self, cx, frame, area);
        }
        let p = self;
        let w = window_outer(area);
        let popup = centred(area, w, 5);
        let width = window_width(area);
        let lines = vec![typed_line(cx, &p.text, p.cursor, width), Line::from("")];
        render(cx, frame, popup, &p.title, lines);
    }
}

/// The text as drawn: a mark at the end of each paragraph (`↵`) and of the
/// text (`_`), where the cursor stands there (a trailing space would be
/// dropped); the marks are drawn dim.
pub(super) fn shown(text: &str) -> String {
    format!("{}_", text.replace('\n', "↵\n"))
}

/// Where position `p` of the text is in the text as drawn: one mark further
/// on for each paragraph before it.
pub(super) fn to_shown(text: &str, p: usize) -> usize {
    p + text.chars().take(p).filter(|c| *c == '\n').count()
}

/// The position of the text that position `s` of the drawn text stands for
/// (a paragraph's mark stands for the end of the paragraph).
pub(super) fn from_shown(text: &str, s: usize) -> usize {
    let mut at = 0;
    for (p, c) in text.chars().enumerate() {
        if at >= s {
            return p;
        }
        at += if c == '\n' { 2 } else { 1 };
        if at > s {
            // On the mark before a line break: the paragraph's end.
            return p;
        }
    }
    text.chars().count()
}

/// What is being typed, laid out in its own direction, the cursor shown.
pub(super) fn typed_line(cx: &Ctx, text: &str, cursor: usize, width: usize) -> Line<'static> {
    let shown = shown(text);
    let end = text.chars().count();
    let dir = crate::text::first_strong(text).or(Some(cx.settings.lang.direction()));
    let layout = cx.layouts.get(&shown, width, dir, cx.settings.bidi.order());
    // The line the cursor is on (typed text wraps only when very long).
    let line = cursor::line_of(&layout, cursor).unwrap_or(0);
    cx.prose()
        .styled_layout(
            &layout.lines[line..=line.min(layout.lines.len() - 1)],
            |pos| {
                if pos == cursor {
                    Style::new().add_modifier(Modifier::REVERSED)
                } else if pos == end {
                    Style::new().fg(Color::DarkGray)
                } else {
                    Style::new().add_modifier(Modifier::BOLD)
                }
            },
        )
        .into_iter()
        .next()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prompt_edits_at_its_cursor() {
        let cache = crate::text::LayoutCache::default();
        let mut p = Prompt::new(PromptFor::Coder, "t".into(), "שלם".into());
        let w = 20;
        let ltr = Direction::Ltr;
        // Right in Hebrew goes back: before "ם".
        assert!(p.update(Action::Right, &cache, ltr, w));
        assert_eq!(p.cursor, 2);
        p.update(Action::Input('ו'), &cache, ltr, w);
        assert_eq!(p.text, "שלום");
        p.update(Action::First, &cache, ltr, w);
        assert!(!p.update(Action::DeleteChar, &cache, ltr, w));
        p.update(Action::Last, &cache, ltr, w);
        p.update(Action::DeleteChar, &cache, ltr, w);
        assert_eq!(p.text, "שלו");
        // A name is one line: Enter is not typed.
        assert!(!p.update(Action::Enter, &cache, ltr, w));
    }

    #[test]
    fn the_drawn_text_marks_paragraph_ends_and_positions_map_both_ways() {
        let text = "ab\ncd";
        assert_eq!(shown(text), "ab↵\ncd_");
        let there: Vec<usize> = (0..=5).map(|p| to_shown(text, p)).collect();
        assert_eq!(there, [0, 1, 2, 4, 5, 6]);
        for p in 0..=5 {
            assert_eq!(from_shown(text, to_shown(text, p)), p);
        }
        // The line break itself stands for the end of its paragraph.
        assert_eq!(from_shown(text, 3), 2);
    }

    #[test]
    fn a_memo_takes_paragraphs_in_either_direction_and_moves_between_them() {
        let cache = crate::text::LayoutCache::default();
        let mut p = Prompt::new(PromptFor::CodeMemo(1), "t".into(), String::new());
        let w = 30;
        let rtl = Direction::Rtl;
        for c in "שורה אחת".chars() {
            p.update(Action::Input(c), &cache, rtl, w);
        }
        assert!(p.update(Action::Enter, &cache, rtl, w));
        for c in "second line".chars() {
            p.update(Action::Input(c), &cache, rtl, w);
        }
        assert_eq!(p.text, "שורה אחת\nsecond line");
        // Up from the end of the English line lands in the Hebrew one, and
        // down comes back to the second paragraph.
        assert!(p.update(Action::Up, &cache, rtl, w));
        assert!(p.cursor <= 8, "{}", p.cursor);
        assert!(p.update(Action::Down, &cache, rtl, w));
        assert!(p.cursor >= 9, "{}", p.cursor);
        // Backspace at the start of a paragraph joins it to the one before.
        p.cursor = 9;
        p.update(Action::DeleteChar, &cache, rtl, w);
        assert_eq!(p.text, "שורה אחתsecond line");
        // A memo with line breaks keeps them; a name does not.
        let named = Prompt::new(PromptFor::Rename(1), "t".into(), "a\nb".into());
        assert_eq!(named.text, "a b");
    }
}
