//! A document open for reading and coding: the cursor, the selection, the
//! codings painted over the text, and how they are drawn beside the codes
//! under the cursor.

use super::window::{Paint, Window};
use crate::domain::Id;
use crate::store::marking::{Mark, OpenDocument};
use crate::text::cursor::{self, Marks};
use crate::text::{LayoutCache, Order};
use crate::tui::action::Action;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
/// A document open for reading and coding.
#[derive(Debug)]
pub struct Reader {
    pub doc: OpenDocument,
    pub marks: Vec<Mark>,
    pub text: Marks,
    /// Code points; always the start of a grapheme.
    pub cursor: usize,
    /// Where `v` started the selection.
    pub anchor: Option<usize>,
    /// The screen column `j`/`k` keep to.
    column: Option<usize>,
    /// The window of parts laid out last, and its paint.
    window: RefCell<Option<Window>>,
    /// Where the first line on screen starts (a position of the text); it
    /// moves only as far as the cursor needs.
    pub top: usize,
    /// The speaker turns' quotes (start, end), in text order: what a code
    /// goes to without a selection.
    pub turns: Vec<(usize, usize)>,
    /// The speaker labels before the turns (start, end), in text order:
    /// drawn bold, so that each turn shows where it starts.
    labels: Vec<(usize, usize)>,
    /// The cursor got where it is by a jump onward (`w`, `)`, `}`): it stands
    /// on the first letter of what comes next, which a selection leaves out.
    jumped: bool,
    /// Opened by following a quote from elsewhere (a table cell, the
    /// codebook, a search hit): closing it goes back there.
    pub opened_by_jump: bool,
}

/// The text pane's inner size, in cells: motions on screen need the width,
/// paging the height.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextSize {
    pub width: usize,
    pub height: usize,
}

/// The first line to show so that `line` (of `total`) is on screen, moving
/// from `top` no further than needed, and never leaving the pane's foot
/// empty while there is text above.
pub fn scroll_for(top: usize, line: usize, height: usize, total: usize) -> usize {
    let top = top.min(total.saturating_sub(height.max(1)));
    if line < top {
        line
    } else if line >= top + height.max(1) {
        line + 1 - height.max(1)
    } else {
        top
    }
}

/// The reader's text pane and the panel beside it, in `area` (the view's).
pub fn reader_areas(area: Rect, lang: crate::lang::Lang) -> (Rect, Rect) {
    let side_width = (area.width / 3).clamp(24, 44);
    if lang.mirrored() {
        let [s, t] =
            Layout::horizontal([Constraint::Length(side_width), Constraint::Min(30)]).areas(area);
        (t, s)
    } else {
        let [t, s] =
            Layout::horizontal([Constraint::Min(30), Constraint::Length(side_width)]).areas(area);
        (t, s)
    }
}

impl Reader {
    pub fn new(doc: OpenDocument, marks: Vec<Mark>) -> Reader {
        let text = Marks::new(&doc.text);
        let mut r = Reader {
            doc,
            marks: vec![],
            text,
            cursor: 0,
            anchor: None,
            column: None,
            window: RefCell::new(None),
            top: 0,
            turns: vec![],
            labels: vec![],
            jumped: false,
            opened_by_jump: false,
        };
        r.set_marks(marks);
        r
    }

    /// Takes the speaker turns' quotes, and finds the label before each:
    /// what stands between the start of the turn's line and its speech.
    pub fn set_turns(&mut self, turns: Vec<(usize, usize)>) {
        let mut line_starts = vec![0];
        for (i, c) in self.doc.text.chars().enumerate() {
            if c == '\n' {
                line_starts.push(i + 1);
            }
        }
        self.labels = turns
            .iter()
            .filter_map(|&(start, _)| {
                let line = line_starts[line_starts.partition_point(|&l| l <= start) - 1];
                (line < start).then_some((line, start))
            })
            .collect();
        self.turns = turns;
    }

    /// True for a code point of a speaker's label.
    fn in_label(&self, pos: usize) -> bool {
        let i = self.labels.partition_point(|&(s, _)| s <= pos);
        i > 0 && pos < self.labels[i - 1].1
    }

    /// Takes new codings; they are painted over the window laid out next.
    pub fn set_marks(&mut self, marks: Vec<Mark>) {
        self.marks = marks;
        self.window.get_mut().take();
    }

    /// Adds one new coding (just applied, so the latest) without reading the
    /// others again: painted as `set_marks` would paint it.
    pub fn add_mark(&mut self, m: Mark) {
        if let Some(w) = self.window.get_mut() {
            w.paint.span(&m);
        }
        let key = |x: &Mark| (x.start, std::cmp::Reverse(x.end), x.coding);
        let at = self.marks.partition_point(|x| key(x) < key(&m));
        self.marks.insert(at, m);
    }

    /// The selection as a stored span (end exclusive), when one is made.
    pub fn selection(&self) -> Option<(usize, usize)> {
        let a = self.anchor?;
        let (lo, hi) = (a.min(self.cursor), a.max(self.cursor));
        // The anchor's and the cursor's characters are in the selection,
        // except the first letter a jump onward landed on (`v w` selects the
        // word, `v )` the sentence, never a letter of the next one); white
        // space at the ends is left out.
        let end = if self.jumped && self.cursor > a {
            self.cursor
        } else {
            self.text.next_grapheme(hi)
        };
        Some(self.text.trimmed(lo, end))
    }

    /// What a code applies to: the selection; else the speaker's turn the
    /// cursor stands in (its speech, wherever in the turn the cursor is,
    /// its label included); else the shortest coded span under the cursor;
    /// else the paragraph.
    pub fn target(&self) -> Option<(usize, usize)> {
        if let Some(s) = self.selection() {
            return Some(s);
        }
        if let Some((ps, pe)) = self.text.paragraph_at(self.cursor)
            && let Some(turn) = self
                .turns
                .iter()
                .find(|(s, e)| ps <= *s && *e <= pe && s < e)
        {
            return Some(*turn);
        }
        self.marks
            .iter()
            .filter(|m| m.start <= self.cursor && self.cursor < m.end)
            .min_by_key(|m| m.end - m.start)
            .map(|m| (m.start, m.end))
            .or_else(|| self.text.paragraph_at(self.cursor))
    }

    /// The codings over the cursor, shortest span first.
    pub fn marks_here(&self) -> Vec<&Mark> {
        let mut here: Vec<&Mark> = self
            .marks
            .iter()
            .filter(|m| m.start <= self.cursor && self.cursor < m.end)
            .collect();
        here.sort_by_key(|m| (m.end - m.start, m.coding));
        here
    }

    pub fn selected_text(&self) -> Option<String> {
        let (s, e) = self.selection()?;
        crate::domain::char_slice(&self.doc.text, s, e).map(str::to_string)
    }

    /// The layout of the parts around the cursor in a text pane of
    /// `size`: enough of the text on either side for a screen and a page's
    /// motion, so the work of a key does not grow with the document. The
    /// window laid out last is kept while it reaches far enough.
    pub fn layout(
        &self,
        cache: &LayoutCache,
        order: Order,
        size: TextSize,
    ) -> Option<Rc<crate::text::Layout>> {
        if size.width == 0 || self.text.parts().parts.is_empty() {
            return None;
        }
        let at = self.text.parts().index_of(self.cursor);
        // A screen and a page's motion on either side.
        let lines = size.height.max(1) * 2 + 2;
        let needed = self.text.parts().around(at, lines, size.width);
        let mut window = self.window.borrow_mut();
        if let Some(w) = window.as_ref()
            && w.width == size.width
            && w.order == order
            && w.parts.start <= needed.start
            && needed.end <= w.parts.end
        {
            return Some(Rc::clone(&w.layout));
        }
        // Twice as far as needed, so that the next keys find it laid out.
        let parts = self.text.parts().around(at, lines * 2, size.width);
        let layout = Rc::new(self.text.parts().layout(
            &self.doc.text,
            parts.clone(),
            cache,
            size.width,
            order,
        ));
        let first = self.text.parts().parts[parts.start].chars.start;
        let last = self.text.parts().parts[parts.end - 1].chars.end;
        *window = Some(Window {
            parts,
            width: size.width,
            order,
            layout: Rc::clone(&layout),
            paint: Paint::of(&self.marks, first..last + 1),
        });
        Some(layout)
    }

    /// The first line of `layout` to show in a pane `height` lines high:
    /// where the screen was, moved only as far as the cursor needs.
    pub fn first_line(&self, layout: &crate::text::Layout, height: usize) -> usize {
        let line = cursor::line_of(layout, self.cursor).unwrap_or(0);
        let start = layout.lines.first().map_or(0, |l| l.logical.start);
        let top = if self.top >= start {
            cursor::line_of(layout, self.top).unwrap_or(line)
        } else {
            line
        };
        scroll_for(top, line, height, layout.lines.len())
    }

    /// Keeps the cursor's line on screen: the scroll moves as little as it
    /// must.
    pub fn follow(&mut self, cache: &LayoutCache, order: Order, size: TextSize) {
        if let Some(l) = self.layout(cache, order, size) {
            let first = self.first_line(&l, size.height);
            self.top = l.lines.get(first).map_or(0, |l| l.logical.start);
        }
    }

    /// Moves the cursor by a motion in a text pane of `size`; true when it
    /// moved.
    pub fn motion(
        &mut self,
        action: Action,
        cache: &LayoutCache,
        order: Order,
        size: TextSize,
    ) -> bool {
        let moved = self.step(action, cache, order, size);
        if moved {
            self.jumped = matches!(
                action,
                Action::WordForward | Action::SentenceForward | Action::TurnForward
            );
            self.follow(cache, order, size);
        }
        moved
    }

    fn step(&mut self, action: Action, cache: &LayoutCache, order: Order, size: TextSize) -> bool {
        let t = &self.text;
        let len = t.len;
        let layout = self.layout(cache, order, size);
        let last = t.grapheme_start(len.saturating_sub(1));
        let vertical = |by: isize, column: Option<usize>| {
            layout.as_ref().and_then(|l| {
                let col = column.or_else(|| cursor::locate(l, self.cursor).map(|(_, x)| x))?;
                cursor::vertical_step(l, self.cursor, by, col)
            })
        };
        let page = size.height.max(2) as isize - 1;
        let to = match action {
            Action::Left | Action::Right => layout
                .as_ref()
                .and_then(|l| cursor::visual_step(l, self.cursor, action == Action::Left)),
            Action::Down => vertical(1, self.column),
            Action::Up => vertical(-1, self.column),
            Action::PageDown => vertical(page, self.column),
            Action::PageUp => vertical(-page, self.column),
            Action::WordForward => t.word_forward(self.cursor),
            Action::WordBack => t.word_back(self.cursor),
            Action::WordEnd => t.word_end(self.cursor),
            Action::SentenceForward => t.sentence_forward(self.cursor),
            Action::SentenceBack => t.sentence_back(self.cursor),
            Action::TurnForward => t.paragraph_forward(self.cursor),
            Action::TurnBack => t.paragraph_back(self.cursor),
            Action::First => Some(0),
            Action::Last => Some(last),
            _ => return false,
        };
        let Some(to) = to else {
            return false;
        };
        let to = t.grapheme_start(to.min(last));
        // Up and down keep their column over short lines.
        if matches!(
            action,
            Action::Up | Action::Down | Action::PageUp | Action::PageDown
        ) {
            if self.column.is_none() {
                self.column = layout
                    .as_ref()
                    .and_then(|l| cursor::locate(l, self.cursor).map(|(_, x)| x));
            }
        } else {
            self.column = None;
        }
        let moved = to != self.cursor;
        self.cursor = to;
        moved
    }

    /// The code painted on a code point of the window laid out last, and
    /// how many codings cover it.
    fn painted(&self, pos: usize) -> (Option<Id>, u8) {
        self.window
            .borrow()
            .as_ref()
            .map_or((None, 0), |w| w.paint.at(pos))
    }

    /// The style of a code point: the code's colour, the selection, the
    /// cursor. `selection` is [`Reader::selection`], worked out once a frame.
    pub(super) fn style_at(
        &self,
        pos: usize,
        colours: &HashMap<Id, Color>,
        selection: Option<(usize, usize)>,
    ) -> Style {
        let mut style = Style::new();
        if self.in_label(pos) {
            style = style.fg(Color::Cyan).add_modifier(Modifier::BOLD);
        }
        let (code, depth) = self.painted(pos);
        if let Some(code) = code {
            let colour = colours.get(&code).copied().unwrap_or(Color::Gray);
            style = style.bg(colour).fg(Color::Black);
            if depth > 1 {
                style = style.add_modifier(Modifier::UNDERLINED);
            }
        }
        if let Some((s, e)) = selection
            && (s..e).contains(&pos)
        {
            style = style.bg(Color::Blue).fg(Color::White);
        }
        if pos == self.cursor {
            style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
        }
        style
    }
}

#[cfg(test)]
mod tests;
