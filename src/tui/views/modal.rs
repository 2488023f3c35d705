//! Small windows over a view that ask for something: a code from the
//! codebook (filtered as you type), one of a numbered list, a line of text,
//! a yes or no. Each knows what it was opened for; the app acts on the
//! answer.

use crate::domain::code_path;
use crate::domain::{Code, Id};
use crate::store::search::fold;
use crate::text::Direction;
use crate::text::cursor;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::views::documents::parse_colour;
use crate::tui::widgets::pane;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    /// Apply the code to the reader's selection.
    Apply,
    /// Put this code under the one picked (or at the top).
    MoveUnder(Id),
    /// Merge this code into the one picked.
    MergeInto(Id),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickRow {
    Code(Id),
    /// A new code of this name under this parent.
    Create {
        parent: Option<Id>,
        name: String,
    },
    /// The top of the tree.
    Top,
}

#[derive(Debug)]
pub struct Picker {
    pub purpose: PickFor,
    pub query: String,
    pub rows: Vec<PickRow>,
    pub selected: usize,
    /// The codes it picks from, with their paths folded for matching:
    /// worked out once, not per key.
    codes: Vec<Pickable>,
}

#[derive(Debug)]
struct Pickable {
    id: Id,
    parent: Option<Id>,
    path: String,
    /// Path and name with points and case folded away.
    folded_path: String,
    folded_name: String,
}

/// Text as the picker matches it: points and case ignored.
fn norm(s: &str) -> String {
    fold(s).to_lowercase()
}

impl Picker {
    pub fn new(purpose: PickFor, codes: &[Code]) -> Picker {
        let codes = codes
            .iter()
            .map(|c| {
                let path = code_path(codes, c);
                Pickable {
                    id: c.id,
                    parent: c.parent,
                    folded_path: norm(&path),
                    folded_name: norm(&c.name),
                    path,
                }
            })
            .collect();
        let mut p = Picker {
            purpose,
            query: String::new(),
            rows: vec![],
            selected: 0,
            codes,
        };
        p.refresh();
        p
    }

    /// The codes whose path holds every word of the query (points and case
    /// ignored); when applying, a name no code has yet can be created, under
    /// the code named before its last `/`.
    pub fn refresh(&mut self) {
        let query = norm(&self.query);
        let words: Vec<&str> = query.split_whitespace().filter(|w| *w != "/").collect();
        let mut found: Vec<(&str, Id)> = self
            .codes
            .iter()
            .filter(|c| match self.purpose {
                PickFor::MoveUnder(id) | PickFor::MergeInto(id) => c.id != id,
                PickFor::Apply => true,
            })
            .filter(|c| words.iter().all(|w| c.folded_path.contains(w)))
            .map(|c| (c.path.as_str(), c.id))
            .collect();
        found.sort();
        let mut rows = vec![];
        if matches!(self.purpose, PickFor::MoveUnder(_)) {
            rows.push(PickRow::Top);
        }
        rows.extend(found.into_iter().map(|(_, id)| PickRow::Code(id)));
        if self.purpose == PickFor::Apply {
            let (parent_name, name) = match self.query.rsplit_once('/') {
                Some((p, n)) => (Some(p.trim()), n.trim()),
                None => (None, self.query.trim()),
            };
            let parent = parent_name.and_then(|p| {
                let p = norm(p);
                self.codes
                    .iter()
                    .find(|c| c.folded_path == p)
                    .or_else(|| self.codes.iter().find(|c| c.folded_name == p))
                    .map(|c| c.id)
            });
            let name_folded = norm(name);
            let taken = self
                .codes
                .iter()
                .any(|c| c.parent == parent && c.folded_name == name_folded);
            if !name.is_empty() && !taken && (parent_name.is_none() || parent.is_some()) {
                rows.push(PickRow::Create {
                    parent,
                    name: crate::text::sanitize(name),
                });
            }
        }
        self.rows = rows;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// A code's path, as the picker shows it.
    pub fn path(&self, id: Id) -> &str {
        self.codes
            .iter()
            .find(|c| c.id == id)
            .map_or("", |c| c.path.as_str())
    }

    /// Typing and moving; true when something changed.
    pub fn update(&mut self, action: Action) -> bool {
        match action {
            Action::Input(c) => {
                self.query.push(c);
                self.selected = 0;
                self.refresh();
            }
            Action::DeleteChar => {
                if self.query.pop().is_none() {
                    return false;
                }
                self.selected = 0;
                self.refresh();
            }
            Action::Down | Action::Up => match round(self.selected, self.rows.len(), action) {
                Some(i) => self.selected = i,
                None => return false,
            },
            _ => return false,
        }
        true
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
}

/// A numbered list; a digit or Enter chooses.
#[derive(Debug)]
pub struct Choose {
    pub purpose: ChooseFor,
    /// The id each row stands for (a code, or a coding), and its text.
    pub items: Vec<(Id, String, String)>,
    pub selected: usize,
}

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
}

impl PromptFor {
    /// Memos and descriptions take several paragraphs: Enter starts a new
    /// one and Ctrl-s saves. Names are one line: Enter saves.
    pub fn paragraphs(self) -> bool {
        matches!(
            self,
            PromptFor::CodingMemo(_) | PromptFor::CodeMemo(_) | PromptFor::Describe(_)
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

    fn shown(&self) -> String {
        shown(&self.text)
    }

    /// The direction the text is laid out in: each paragraph its own, or
    /// the interface's while nothing in it says (`fallback`).
    fn direction(&self, fallback: Direction) -> Option<Direction> {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmFor {
    DeleteCode(Id),
}

#[derive(Debug)]
pub struct Confirm {
    pub purpose: ConfirmFor,
    pub message: String,
}

#[derive(Debug)]
pub enum Modal {
    Pick(Picker),
    Choose(Choose),
    Prompt(Prompt),
    Confirm(Confirm),
}

/// A window of `w`×`h` in the middle of `area`.
fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    popup
}

/// A window's outer width in the view's `area`.
fn window_outer(area: Rect) -> u16 {
    (area.width * 3 / 5).max(50).min(area.width)
}

/// The width inside a window (a prompt's, say) in the view's `area`.
pub fn window_width(area: Rect) -> usize {
    window_outer(area).saturating_sub(2) as usize
}

pub fn draw(app: &App, modal: &Modal, frame: &mut Frame, area: Rect) {
    let lang = app.settings.lang;
    let w = window_outer(area);
    let dim = Style::new().fg(Color::DarkGray);
    let chosen = Style::new().add_modifier(Modifier::REVERSED);
    match modal {
        Modal::Pick(p) => {
            let h = (p.rows.len() as u16 + 4).clamp(6, area.height.saturating_sub(2));
            let popup = centred(area, w, h);
            let width = popup.width.saturating_sub(2) as usize;
            let mut lines = vec![typed_line(app, &p.query, p.query.chars().count(), width)];
            let room = popup.height.saturating_sub(3) as usize;
            let first = p.selected.saturating_sub(room.saturating_sub(1));
            for (i, row) in p.rows.iter().enumerate().skip(first).take(room) {
                let style = if i == p.selected {
                    chosen
                } else {
                    Style::new()
                };
                let (text, colour) = match row {
                    PickRow::Code(id) => match app.codes.iter().find(|c| c.id == *id) {
                        Some(c) => (p.path(*id).to_string(), parse_colour(&c.colour)),
                        None => continue,
                    },
                    PickRow::Create { parent, name } => {
                        let under = parent.map(|id| p.path(id));
                        (lang.create_code(name, under), Color::Green)
                    }
                    PickRow::Top => (lang.top_level().to_string(), Color::Gray),
                };
                let line = pane::swatch_line(app, "", colour, &text, width, None, style);
                lines.push(line);
            }
            if p.rows.is_empty() {
                lines.extend(pane::ui_para(app, lang.no_codes_match(), width, dim));
            }
            let title = lang.picker_title(p.purpose, &app.key_names());
            render(app, frame, popup, &title, lines);
        }
        Modal::Choose(c) => {
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
                        app,
                        &format!("{} ", i + 1),
                        parse_colour(colour),
                        text,
                        width,
                        Some(lang.direction()),
                        style,
                    )
                })
                .collect();
            render(app, frame, popup, lang.choose_title(c.purpose), lines);
        }
        Modal::Prompt(p) if p.purpose.paragraphs() => {
            let h = area.height.saturating_sub(4).clamp(5, 16);
            let popup = centred(area, w, h);
            let width = window_width(area);
            let room = (h as usize).saturating_sub(4);
            let mut lines = editor_lines(app, p, width, room);
            lines.resize(room, Line::from(""));
            lines.push(Line::from(""));
            lines.extend(pane::ui_para(
                app,
                &lang.editor_keys(&app.key_names()),
                width,
                dim,
            ));
            render(app, frame, popup, &p.title, lines);
        }
        Modal::Prompt(p) => {
            let popup = centred(area, w, 5);
            let width = window_width(area);
            let lines = vec![typed_line(app, &p.text, p.cursor, width), Line::from("")];
            render(app, frame, popup, &p.title, lines);
        }
        Modal::Confirm(c) => {
            let popup = centred(area, w, 6);
            let width = popup.width.saturating_sub(2) as usize;
            let mut lines = pane::ui_para(app, &c.message, width, Style::new());
            lines.extend(pane::ui_para(
                app,
                &lang.yes_no(&app.key_names()),
                width,
                dim,
            ));
            render(app, frame, popup, lang.confirm_title(), lines);
        }
    }
}

/// The text as drawn: a mark at the end of each paragraph (`↵`) and of the
/// text (`_`), where the cursor stands there (a trailing space would be
/// dropped); the marks are drawn dim.
fn shown(text: &str) -> String {
    format!("{}_", text.replace('\n', "↵\n"))
}

/// Where position `p` of the text is in the text as drawn: one mark further
/// on for each paragraph before it.
fn to_shown(text: &str, p: usize) -> usize {
    p + text.chars().take(p).filter(|c| *c == '\n').count()
}

/// The position of the text that position `s` of the drawn text stands for
/// (a paragraph's mark stands for the end of the paragraph).
fn from_shown(text: &str, s: usize) -> usize {
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

/// Paragraphs being written, each in its own direction, `room` lines of
/// them around the cursor; the ends of paragraphs marked dim.
fn editor_lines(app: &App, p: &Prompt, width: usize, room: usize) -> Vec<Line<'static>> {
    let shown = p.shown();
    let at = to_shown(&p.text, p.cursor);
    let dir = p.direction(app.settings.lang.direction());
    let layout = app
        .layouts
        .get(&shown, width, dir, app.settings.bidi.order());
    let marks: Vec<bool> = shown.chars().map(|c| c == '↵' || c == '_').collect();
    let line = cursor::line_of(&layout, at).unwrap_or(0);
    let first = line.saturating_sub(room.saturating_sub(1));
    let last = (first + room).min(layout.lines.len());
    app.prose()
        .styled_layout(&layout.lines[first..last], |pos| {
            if pos == at {
                Style::new().add_modifier(Modifier::REVERSED)
            } else if marks.get(pos).copied().unwrap_or(false) {
                Style::new().fg(Color::DarkGray)
            } else {
                Style::new()
            }
        })
}

/// What is being typed, laid out in its own direction, the cursor shown.
fn typed_line(app: &App, text: &str, cursor: usize, width: usize) -> Line<'static> {
    let shown = shown(text);
    let end = text.chars().count();
    let dir = crate::text::first_strong(text).or(Some(app.settings.lang.direction()));
    let layout = app
        .layouts
        .get(&shown, width, dir, app.settings.bidi.order());
    // The line the cursor is on (typed text wraps only when very long).
    let line = cursor::line_of(&layout, cursor).unwrap_or(0);
    app.prose()
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

fn render(app: &App, frame: &mut Frame, popup: Rect, title: &str, lines: Vec<Line<'static>>) {
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(pane::block(app, title, popup)),
        popup,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_picker_filters_by_path_and_offers_to_create() {
        let codes = vec![
            Code::named(1, None, "ציפיות"),
            Code::named(2, Some(1), "חיבור בין רשויות"),
            Code::named(3, None, "Tools"),
        ];
        let mut p = Picker::new(PickFor::Apply, &codes);
        assert_eq!(p.rows.len(), 3);
        for c in "צי חיב".chars() {
            p.update(Action::Input(c));
        }
        assert_eq!(p.rows[0], PickRow::Code(2));
        assert!(matches!(p.rows.last(), Some(PickRow::Create { .. })));
        p.query = "tools".into();
        p.refresh();
        assert_eq!(
            p.rows,
            vec![PickRow::Code(3)],
            "no new code of a name taken"
        );
        p.query = "ציפיות/שיתוף ידע".into();
        p.refresh();
        assert_eq!(
            p.rows,
            vec![PickRow::Create {
                parent: Some(1),
                name: "שיתוף ידע".into()
            }]
        );
        // Merging a code offers every code but itself; moving also the top.
        let m = Picker::new(PickFor::MergeInto(2), &codes);
        assert!(!m.rows.contains(&PickRow::Code(2)));
        let mv = Picker::new(PickFor::MoveUnder(2), &codes);
        assert_eq!(mv.rows[0], PickRow::Top);
    }

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
