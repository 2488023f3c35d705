//! A form: named fields, one a line, each laid out in its own direction as
//! it is typed (a field of choices shows them all, the chosen one marked).
//! `Tab`/`↓`/`Enter` go to the next field and `Shift-Tab`/`↑` to the one
//! before; the message of a field that does not hold stands beside it;
//! `Ctrl-s` asks to save and `Esc` asks before dropping changes. What the
//! fields mean, and whether they hold, the app works out (`app/forms`).

use super::prompt::{Prompt, PromptFor, typed_line};
use super::{centred, window_outer, window_width};
use crate::domain::Id;
use crate::text::Direction;
use crate::tui::action::Action;
use crate::tui::widgets::Ctx;
use crate::tui::widgets::pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

/// What a form writes; an id of 0 is a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormFor {
    Program(Id),
    Cohort(Id),
    Meeting { cohort: Id, id: Id },
    Instrument { cohort: Id, id: Id },
    Finding(Id),
    Recommendation(Id),
}

#[derive(Debug)]
pub enum Input {
    /// A line of text, edited as a prompt is.
    Line(Prompt),
    /// One of these, by index.
    Choice { options: Vec<String>, chosen: usize },
}

#[derive(Debug)]
pub struct Field {
    /// The field's name in the JSON form, which faults name it by.
    pub key: &'static str,
    pub label: String,
    pub input: Input,
    /// Shown dim while the line is empty (the forms a value takes).
    pub hint: String,
    pub error: Option<String>,
}

impl Field {
    pub fn line(key: &'static str, label: &str, text: &str) -> Field {
        Field {
            key,
            label: label.into(),
            input: Input::Line(Prompt::new(PromptFor::Field, String::new(), text.into())),
            hint: String::new(),
            error: None,
        }
    }

    pub fn choice(key: &'static str, label: &str, options: Vec<String>, chosen: usize) -> Field {
        Field {
            key,
            label: label.into(),
            input: Input::Choice { options, chosen },
            hint: String::new(),
            error: None,
        }
    }

    pub fn hinted(mut self, hint: &str) -> Field {
        self.hint = hint.into();
        self
    }

    /// The line's text (empty for a choice).
    pub fn text(&self) -> &str {
        match &self.input {
            Input::Line(p) => &p.text,
            Input::Choice { .. } => "",
        }
    }

    /// The chosen option's index (0 for a line).
    pub fn chosen(&self) -> usize {
        match &self.input {
            Input::Choice { chosen, .. } => *chosen,
            Input::Line(_) => 0,
        }
    }
}

/// What a key did to a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKey {
    /// Nothing to check again; true when the form changed on screen.
    Stay(bool),
    /// A value changed: the form is to be checked again.
    Edited,
    Save,
    /// Closed, its changes dropped (or there were none).
    Drop,
}

#[derive(Debug)]
pub struct Form {
    pub purpose: FormFor,
    pub title: String,
    pub fields: Vec<Field>,
    /// The field being edited.
    pub at: usize,
    /// Changed since it opened.
    pub dirty: bool,
    /// Esc was pressed on a changed form: the question stands.
    pub asking: bool,
}

impl Form {
    pub fn new(purpose: FormFor, title: String, fields: Vec<Field>) -> Form {
        Form {
            purpose,
            title,
            fields,
            at: 0,
            dirty: false,
            asking: false,
        }
    }

    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// Sets each field's message (the fields not named hold).
    pub fn set_errors(&mut self, errors: &[(&str, String)]) {
        for f in &mut self.fields {
            f.error = errors
                .iter()
                .find(|(k, _)| *k == f.key)
                .map(|(_, m)| m.clone());
        }
    }

    /// Goes to the first field that does not hold; false when all hold.
    pub fn to_first_error(&mut self) -> bool {
        match self.fields.iter().position(|f| f.error.is_some()) {
            Some(i) => {
                self.at = i;
                true
            }
            None => false,
        }
    }

    /// The width a label takes: the widest label.
    fn label_width(&self) -> usize {
        self.fields
            .iter()
            .map(|f| f.label.width())
            .max()
            .unwrap_or(0)
            + 1
    }

    /// A key, for a form drawn over a view `width` cells wide inside its
    /// window (see [`window_width`]); `mirrored` when the interface reads
    /// right to left (Left then goes to the next choice).
    pub fn handle(
        &mut self,
        action: Action,
        layouts: &crate::text::LayoutCache,
        fallback: Direction,
        width: usize,
    ) -> FormKey {
        if self.asking {
            return match action {
                Action::Yes => FormKey::Drop,
                Action::Back => {
                    self.asking = false;
                    FormKey::Stay(true)
                }
                _ => FormKey::Stay(false),
            };
        }
        let n = self.fields.len();
        match action {
            Action::Back if self.dirty => {
                self.asking = true;
                return FormKey::Stay(true);
            }
            Action::Back => return FormKey::Drop,
            Action::Save => return FormKey::Save,
            Action::Down | Action::Enter => {
                self.at = (self.at + 1) % n.max(1);
                return FormKey::Stay(true);
            }
            Action::Up => {
                self.at = (self.at + n.max(1) - 1) % n.max(1);
                return FormKey::Stay(true);
            }
            _ => {}
        }
        let value_width = width.saturating_sub(self.label_width() + 1).max(1);
        let mirrored = fallback == Direction::Rtl;
        let Some(field) = self.fields.get_mut(self.at) else {
            return FormKey::Stay(false);
        };
        let edited = match &mut field.input {
            Input::Line(p) => {
                let before = p.text.len();
                let was = p.text.clone();
                let moved = p.update(action, layouts, fallback, value_width);
                if p.text.len() == before && p.text == was {
                    return FormKey::Stay(moved);
                }
                true
            }
            Input::Choice { options, chosen } => {
                let k = options.len().max(1);
                let forward = match action {
                    Action::Input(' ') => true,
                    Action::Right => !mirrored,
                    Action::Left => mirrored,
                    _ => return FormKey::Stay(false),
                };
                *chosen = if forward {
                    (*chosen + 1) % k
                } else {
                    (*chosen + k - 1) % k
                };
                true
            }
        };
        self.dirty |= edited;
        FormKey::Edited
    }

    pub fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect) {
        let lang = cx.settings.lang;
        let width = window_width(area);
        let label_w = self.label_width();
        let value_w = width.saturating_sub(label_w + 1).max(1);
        let mut rows: Vec<Line<'static>> = vec![];
        let mut current_row = 0;
        for (i, f) in self.fields.iter().enumerate() {
            let here = i == self.at;
            if here {
                current_row = rows.len();
            }
            let label_style = if here {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                Style::new().fg(Color::Gray)
            };
            let label = cell(
                pane::ui_line(cx, &f.label, label_w, label_style),
                label_w + 1,
            );
            let value = cell(value_line(cx, f, here, value_w), value_w);
            rows.push(in_order(label, value, lang.mirrored()));
            if let Some(e) = &f.error {
                for message in pane::ui_para(cx, e, value_w, Style::new().fg(Color::Red)) {
                    rows.push(in_order(
                        vec![Span::raw(" ".repeat(label_w + 1))],
                        cell(message, value_w),
                        lang.mirrored(),
                    ));
                }
            }
        }
        let keys = if self.asking {
            pane::ui_para(
                cx,
                &lang.drop_changes(&cx.key_names()),
                width,
                Style::new().fg(Color::Yellow),
            )
        } else {
            pane::ui_para(
                cx,
                &lang.form_keys(&cx.key_names()),
                width,
                Style::new().fg(Color::DarkGray),
            )
        };
        // The rows that fit, the current field among them.
        let most = area.height.saturating_sub(3 + keys.len() as u16) as usize;
        let start = (current_row + 2).saturating_sub(most);
        let shown: Vec<Line<'static>> = rows.into_iter().skip(start).take(most).collect();
        let height = (shown.len() + keys.len() + 3) as u16;
        let popup = centred(area, window_outer(area), height);
        let mut lines = shown;
        lines.push(Line::from(""));
        lines.extend(keys);
        frame.render_widget(Clear, popup);
        frame.render_widget(
            Paragraph::new(lines).block(pane::block(cx, &self.title, popup)),
            popup,
        );
    }
}

/// A field's value as drawn: the line being edited with its cursor, another
/// line in its own direction, its hint dim while empty, or the choices.
fn value_line(cx: &Ctx, f: &Field, here: bool, width: usize) -> Line<'static> {
    let lang = cx.settings.lang;
    match &f.input {
        Input::Line(p) if here => typed_line(cx, &p.text, p.cursor, width),
        Input::Line(p) if p.text.is_empty() => {
            pane::ui_line(cx, &f.hint, width, Style::new().fg(Color::DarkGray))
        }
        Input::Line(p) => {
            let dir = crate::text::first_strong(&p.text).or(Some(lang.direction()));
            cx.prose().line(&p.text, width, dir, Style::new())
        }
        Input::Choice { options, chosen } => {
            // Each option an isolate, the chosen one in brackets; when they
            // do not all fit, the chosen one alone, with its place.
            let all = options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    if i == *chosen {
                        format!("[\u{2068}{o}\u{2069}]")
                    } else {
                        format!(" \u{2068}{o}\u{2069} ")
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
            let text = if all.width() <= width {
                all
            } else {
                let o = options.get(*chosen).map_or("", String::as_str);
                format!("‹ [\u{2068}{o}\u{2069}] › {}/{}", chosen + 1, options.len())
            };
            let style = if here {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
            pane::ui_line(cx, &text, width, style)
        }
    }
}

/// A line's spans padded to `width` cells.
fn cell(line: Line<'static>, width: usize) -> Vec<Span<'static>> {
    let mut spans = line.spans;
    let used: usize = spans.iter().map(|s| s.width()).sum();
    if used < width {
        spans.push(Span::raw(" ".repeat(width - used)));
    }
    spans
}

/// A label and its value in the interface's reading order.
fn in_order(label: Vec<Span<'static>>, value: Vec<Span<'static>>, mirrored: bool) -> Line<'static> {
    let mut spans = if mirrored {
        let mut v = value;
        v.extend(label);
        v
    } else {
        let mut l = label;
        l.extend(value);
        l
    };
    spans.retain(|s| !s.content.is_empty());
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Form {
        Form::new(
            FormFor::Cohort(0),
            "t".into(),
            vec![
                Field::line("label", "Label", ""),
                Field::choice("kind", "Kind", vec!["a".into(), "b".into(), "c".into()], 0),
                Field::line("notes", "Notes", "x"),
            ],
        )
    }

    #[test]
    fn keys_move_between_fields_edit_the_current_one_and_esc_asks_once_changed() {
        let cache = crate::text::LayoutCache::default();
        let mut f = form();
        let (ltr, w) = (Direction::Ltr, 40);
        // Unchanged, Esc closes at once.
        assert_eq!(f.handle(Action::Back, &cache, ltr, w), FormKey::Drop);
        assert_eq!(
            f.handle(Action::Input('ד'), &cache, ltr, w),
            FormKey::Edited
        );
        assert_eq!(f.fields[0].text(), "ד");
        assert_eq!(f.handle(Action::Down, &cache, ltr, w), FormKey::Stay(true));
        // A choice goes round with Right (Left in a right-to-left form).
        f.handle(Action::Right, &cache, ltr, w);
        assert_eq!(f.fields[1].chosen(), 1);
        f.handle(Action::Left, &cache, Direction::Rtl, w);
        assert_eq!(f.fields[1].chosen(), 2);
        f.handle(Action::Input(' '), &cache, ltr, w);
        assert_eq!(f.fields[1].chosen(), 0);
        // Typing in a choice types nothing.
        assert_eq!(
            f.handle(Action::Input('x'), &cache, ltr, w),
            FormKey::Stay(false)
        );
        // Up from the first field goes round to the last.
        f.handle(Action::Up, &cache, ltr, w);
        f.handle(Action::Up, &cache, ltr, w);
        assert_eq!(f.at, 2);
        // A move of the cursor is not an edit.
        assert_eq!(f.handle(Action::First, &cache, ltr, w), FormKey::Stay(true));
        assert_eq!(f.handle(Action::Save, &cache, ltr, w), FormKey::Save);
        // Changed: Esc asks; Esc again goes back to the form, y drops it.
        assert_eq!(f.handle(Action::Back, &cache, ltr, w), FormKey::Stay(true));
        assert!(f.asking);
        assert_eq!(
            f.handle(Action::Input('y'), &cache, ltr, w),
            FormKey::Stay(false)
        );
        assert_eq!(f.handle(Action::Back, &cache, ltr, w), FormKey::Stay(true));
        assert!(!f.asking);
        f.handle(Action::Back, &cache, ltr, w);
        assert_eq!(f.handle(Action::Yes, &cache, ltr, w), FormKey::Drop);
    }

    #[test]
    fn errors_stand_by_their_fields_and_the_first_is_gone_to() {
        let mut f = form();
        f.set_errors(&[("notes", "bad".into())]);
        assert_eq!(f.fields[2].error.as_deref(), Some("bad"));
        assert!(f.fields[0].error.is_none());
        assert!(f.to_first_error());
        assert_eq!(f.at, 2);
        f.set_errors(&[]);
        assert!(!f.to_first_error());
    }
}
