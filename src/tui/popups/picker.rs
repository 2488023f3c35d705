//! The code picker: the codebook filtered as a name is typed, with the
//! typed name offered as a new code where applying; for applying, moving
//! under and merging into.

use super::{Reply, centred, render, round, window_outer};
use crate::domain::code_path;
use crate::domain::{Code, Id};
use crate::text::fold::fold;
use crate::tui::action::Action;
use crate::tui::popups::prompt::typed_line;
use crate::tui::widgets::Ctx;
use crate::tui::widgets::colour::parse_colour;
use crate::tui::widgets::pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

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
    /// Codes used last, the latest first: ties in the ranking go to them.
    recent: Vec<Id>,
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
            recent: vec![],
        };
        p.refresh();
        p
    }

    /// The same, ties in the ranking going to the codes used last (latest
    /// first).
    pub fn with_recent(mut self, recent: &[Id]) -> Picker {
        self.recent = recent.to_vec();
        self.refresh();
        self
    }

    /// How well a code matches the typed text, best first: its name is the
    /// text, starts with it, holds it; or its path holds every word of it.
    /// `None` when it does not match.
    fn rank(c: &Pickable, query: &str, words: &[&str]) -> Option<u8> {
        let name = c.folded_name.as_str();
        if query.is_empty() || name == query {
            Some(0)
        } else if name.starts_with(query) {
            Some(1)
        } else if name.contains(query) {
            Some(2)
        } else if words.iter().all(|w| c.folded_path.contains(w)) {
            Some(3)
        } else {
            None
        }
    }

    /// The codes that match the query (points and case ignored): an exact
    /// name first, then names that start with it, names that hold it, and
    /// paths that hold every word of it; ties go to the codes used last,
    /// then by path. When applying, a name no code has yet can be created,
    /// under the code named before its last `/`. When moving, the top of
    /// the tree comes first until something is typed, then after the codes.
    pub fn refresh(&mut self) {
        let query = norm(self.query.trim());
        let words: Vec<&str> = query.split_whitespace().filter(|w| *w != "/").collect();
        let recency = |id: Id| {
            self.recent
                .iter()
                .position(|r| *r == id)
                .unwrap_or(usize::MAX)
        };
        let mut found: Vec<(u8, usize, &str, Id)> = self
            .codes
            .iter()
            .filter(|c| match self.purpose {
                PickFor::MoveUnder(id) | PickFor::MergeInto(id) => c.id != id,
                PickFor::Apply => true,
            })
            .filter_map(|c| {
                Picker::rank(c, &query, &words).map(|r| (r, recency(c.id), c.path.as_str(), c.id))
            })
            .collect();
        found.sort();
        let mut rows = vec![];
        let moving = matches!(self.purpose, PickFor::MoveUnder(_));
        if moving && query.is_empty() {
            rows.push(PickRow::Top);
        }
        rows.extend(found.into_iter().map(|(.., id)| PickRow::Code(id)));
        if moving && !query.is_empty() {
            rows.push(PickRow::Top);
        }
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

    /// A key: Enter picks the highlighted row; typing and moving change the
    /// rows.
    pub fn handle(&mut self, action: Action) -> Reply {
        if action == Action::Enter {
            return match self.rows.get(self.selected) {
                Some(row) => Reply::Picked(self.purpose, row.clone()),
                None => Reply::Stay(false),
            };
        }
        Reply::Stay(self.update(action))
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

    pub fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect) {
        let p = self;
        let lang = cx.settings.lang;
        let w = window_outer(area);
        let dim = Style::new().fg(Color::DarkGray);
        let chosen = Style::new().add_modifier(Modifier::REVERSED);
        let h = (p.rows.len() as u16 + 4).clamp(6, area.height.saturating_sub(2));
        let popup = centred(area, w, h);
        let width = popup.width.saturating_sub(2) as usize;
        let mut lines = vec![typed_line(cx, &p.query, p.query.chars().count(), width)];
        let room = popup.height.saturating_sub(3) as usize;
        let first = p.selected.saturating_sub(room.saturating_sub(1));
        for (i, row) in p.rows.iter().enumerate().skip(first).take(room) {
            let style = if i == p.selected {
                chosen
            } else {
                Style::new()
            };
            let (text, colour) = match row {
                PickRow::Code(id) => match cx.codes.iter().find(|c| c.id == *id) {
                    Some(c) => (p.path(*id).to_string(), parse_colour(&c.colour)),
                    None => continue,
                },
                PickRow::Create { parent, name } => {
                    let under = parent.map(|id| p.path(id));
                    (lang.create_code(name, under), Color::Green)
                }
                PickRow::Top => (lang.top_level().to_string(), Color::Gray),
            };
            let line = pane::swatch_line(cx, "", colour, &text, width, None, style);
            lines.push(line);
        }
        if p.rows.is_empty() {
            lines.extend(pane::ui_para(cx, lang.no_codes_match(), width, dim));
        }
        let title = lang.picker_title(p.purpose, &cx.key_names());
        render(cx, frame, popup, &title, lines);
    }
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
    fn an_exact_name_comes_first_then_names_that_start_or_hold_it() {
        let codes = vec![
            Code::named(1, None, "Tools for data"),
            Code::named(2, None, "Old tools"),
            Code::named(3, None, "Tools"),
            Code::named(4, Some(3), "Other"),
            Code::named(5, None, "כלים"),
        ];
        let mut p = Picker::new(PickFor::MergeInto(5), &codes);
        p.query = "tools".into();
        p.refresh();
        // Exact, starts with, holds, then a path that holds it.
        assert_eq!(
            p.rows,
            [
                PickRow::Code(3),
                PickRow::Code(1),
                PickRow::Code(2),
                PickRow::Code(4)
            ]
        );
        // Points and case aside: "כְּלִים" is "כלים".
        let mut p = Picker::new(PickFor::Apply, &codes);
        p.query = "כְּלִים".into();
        p.refresh();
        assert_eq!(p.rows[0], PickRow::Code(5));
        assert_eq!(p.rows.len(), 1, "a name taken is not offered as new");
    }

    #[test]
    fn ties_go_to_the_codes_used_last() {
        let codes = vec![
            Code::named(1, None, "alpha one"),
            Code::named(2, None, "alpha two"),
            Code::named(3, None, "alpha three"),
        ];
        let p = Picker::new(PickFor::Apply, &codes).with_recent(&[2, 3]);
        assert_eq!(
            &p.rows[..3],
            [PickRow::Code(2), PickRow::Code(3), PickRow::Code(1)]
        );
        let mut p = p;
        for c in "alpha".chars() {
            p.update(Action::Input(c));
        }
        assert_eq!(p.rows[0], PickRow::Code(2));
    }

    #[test]
    fn moving_offers_the_top_first_until_something_is_typed() {
        let codes = vec![Code::named(1, None, "a"), Code::named(2, None, "b")];
        let mut p = Picker::new(PickFor::MoveUnder(1), &codes);
        assert_eq!(p.rows, [PickRow::Top, PickRow::Code(2)]);
        p.update(Action::Input('b'));
        assert_eq!(p.rows, [PickRow::Code(2), PickRow::Top]);
        assert_eq!(p.selected, 0, "the match is highlighted, not the top");
    }
}
