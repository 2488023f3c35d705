//! What the table tells people: the `?` help of a place, and the keys a
//! message names, each key with the meaning it has where the user stands.

use super::{Context, Does, Help, Place, bindings_in, event_of, lookup};
use crate::tui::action::{Action, ViewId};

/// The contexts of a place in the order a reader is told of them: the
/// place's own keys first, then those of every view; the keys that hold
/// everywhere come last (Ctrl-c after q).
fn reading_order(place: Place) -> Vec<Context> {
    let stack = place.stack();
    let everywhere = |c: &Context| matches!(c, Context::Always | Context::NoOverlay);
    let mut order: Vec<Context> = stack.iter().copied().filter(|c| !everywhere(c)).collect();
    order.extend(stack.iter().copied().filter(everywhere));
    order
}

/// The help of a place: one row per help id, in the table's order, with the
/// keys that reach their binding there (a key an earlier context takes for
/// something else is left out, and a row left without keys is dropped).
pub fn help_rows(place: Place) -> Vec<(String, Help)> {
    let place = place.described();
    let order = reading_order(place);
    let mut rows: Vec<(Help, Vec<String>)> = vec![];
    let mut positions: Vec<Help> = vec![];
    for b in order.into_iter().flat_map(bindings_in) {
        let Some(help) = b.help else { continue };
        let reaching: Vec<String> = b
            .keys
            .iter()
            .filter(|k| {
                event_of(**k)
                    .and_then(|e| lookup(&e, place))
                    .is_some_and(|found| std::ptr::eq(found, b))
            })
            .map(|k| k.label(b.does))
            .collect();
        if !positions.contains(&help) {
            positions.push(help);
            rows.push((help, vec![]));
        }
        let row = rows.iter_mut().find(|(h, _)| *h == help).unwrap();
        row.1.extend(reaching);
    }
    rows.into_iter()
        .filter(|(_, keys)| !keys.is_empty())
        .map(|(help, keys)| (keys.join(" "), help))
        .collect()
}

/// The label of the first key that does `action` at a place, for a message
/// that names the key ("c applies a code").
pub fn label(action: Action, place: Place) -> String {
    labels(action, place).into_iter().next().unwrap_or_default()
}

/// Every key that does `action` at a place, in the order the help lists
/// them.
pub fn labels(action: Action, place: Place) -> Vec<String> {
    reading_order(place)
        .into_iter()
        .flat_map(bindings_in)
        .filter(|b| b.does == Does::Act(action))
        .flat_map(|b| b.keys.iter().map(move |k| (b, *k)))
        .filter(|(b, k)| {
            event_of(*k)
                .and_then(|e| lookup(&e, place))
                .is_some_and(|found| std::ptr::eq(found, *b))
        })
        .map(|(b, k)| k.label(b.does))
        .collect()
}

/// The keys a message names, read from the table: a message says "c picks
/// one" with the `c` taken from here, never typed into its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Names {
    pub place: Place,
}

impl Names {
    pub fn at(place: Place) -> Names {
        Names { place }
    }

    /// The first key that does `action` where the user stands.
    pub fn key(&self, action: Action) -> String {
        label(action, self.place)
    }

    /// Every key that does `action` where the user stands.
    pub fn keys(&self, action: Action) -> Vec<String> {
        labels(action, self.place)
    }

    /// The first letter key that does `action` ("j" rather than "↓").
    pub fn letter(&self, action: Action) -> String {
        labels(action, self.place)
            .into_iter()
            .find(|l| l.chars().count() == 1 && l.chars().all(char::is_alphanumeric))
            .unwrap_or_else(|| self.key(action))
    }

    /// The first key that does `action` in the document reader.
    pub fn in_reader(&self, action: Action) -> String {
        label(
            action,
            Place {
                view: ViewId::Documents,
                overlay: None,
                reading: true,
            },
        )
    }

    /// The first key that does `action` in a view, nothing open over it.
    pub fn in_view(&self, view: ViewId, action: Action) -> String {
        label(
            action,
            Place {
                view,
                overlay: None,
                reading: false,
            },
        )
    }

    /// The key that switches to a view.
    pub fn view_key(&self, view: ViewId) -> String {
        view.digit().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Overlay;
    use crate::tui::keys::{BINDINGS, Key, dispatch};

    fn place(view: ViewId, reading: bool) -> Place {
        Place {
            view,
            overlay: None,
            reading,
        }
    }

    fn keys_of(rows: &[(String, Help)], help: Help) -> Option<String> {
        rows.iter()
            .find(|(_, h)| *h == help)
            .map(|(k, _)| k.clone())
    }

    #[test]
    fn no_key_means_two_things_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context != b.context {
                    continue;
                }
                for k in a.keys {
                    let clash = b.keys.iter().any(|l| match (k, l) {
                        (Key::AnyChar, Key::Char(_)) | (Key::Char(_), Key::AnyChar) => true,
                        _ => k == l,
                    });
                    assert!(!clash, "{k:?} twice in {:?}", a.context);
                }
            }
        }
    }

    #[test]
    fn the_reader_help_lists_its_motions_once_each() {
        let rows = help_rows(place(ViewId::Documents, true));
        assert_eq!(
            keys_of(&rows, Help::TextEnds).as_deref(),
            Some("g Home G End")
        );
        assert_eq!(
            keys_of(&rows, Help::LineDownUp).as_deref(),
            Some("↓ j ↑ k PgDn PgUp")
        );
        assert_eq!(
            keys_of(&rows, Help::CellLeftRight).as_deref(),
            Some("← h → l")
        );
        assert_eq!(keys_of(&rows, Help::Undo).as_deref(), Some("u Ctrl-r"));
        assert_eq!(keys_of(&rows, Help::Quit).as_deref(), Some("q Ctrl-c"));
        // The list's keys are the reader's own here, and Back and In belong
        // to other keys.
        for gone in [Help::ListDownUp, Help::ListEnds, Help::In, Help::Back] {
            assert_eq!(keys_of(&rows, gone), None, "{gone:?}");
        }
        let mut helps: Vec<Help> = rows.iter().map(|(_, h)| *h).collect();
        let n = helps.len();
        helps.dedup();
        assert_eq!(helps.len(), n);
    }

    #[test]
    fn a_key_has_one_meaning_in_each_help() {
        for view in ViewId::ALL {
            for reading in [false, true] {
                let rows = help_rows(place(view, reading));
                let mut seen: Vec<String> = vec![];
                for (keys, help) in &rows {
                    for k in keys.split(' ') {
                        assert!(
                            !seen.contains(&k.to_string()),
                            "{view:?} reading {reading}: {k} again at {help:?}"
                        );
                        seen.push(k.to_string());
                    }
                }
            }
        }
        // In Tables h and l move across cells, so Back and In keep only
        // their other keys.
        let rows = help_rows(place(ViewId::Tables, false));
        assert_eq!(keys_of(&rows, Help::Back).as_deref(), Some("Esc"));
        assert_eq!(
            keys_of(&rows, Help::In),
            None,
            "Enter has the view's own line"
        );
        assert_eq!(keys_of(&rows, Help::TableCell).as_deref(), Some("← h → l"));
    }

    #[test]
    fn every_key_the_help_lists_does_what_it_says_there() {
        for view in ViewId::ALL {
            for reading in [false, true] {
                let p = place(view, reading);
                let rows = help_rows(p);
                assert!(!rows.is_empty());
                for b in BINDINGS.iter().filter(|b| p.stack().contains(&b.context)) {
                    let Some(help) = b.help else { continue };
                    for k in b.keys {
                        let Some(e) = event_of(*k) else { continue };
                        if dispatch(e, p) == b.does.action(&e) {
                            continue;
                        }
                        // A key taken by an earlier context is not listed
                        // with this binding.
                        let label = k.label(b.does);
                        let listed = keys_of(&rows, help).unwrap_or_default();
                        assert!(
                            !listed.split(' ').any(|l| l == label),
                            "{view:?}: {label} listed for {help:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn labels_come_from_the_table() {
        let p = place(ViewId::Cohorts, false);
        let names = Names::at(p);
        assert_eq!(names.letter(Action::Down), "j");
        assert_eq!(names.key(Action::Down), "↓");
        assert_eq!(names.in_reader(Action::PickCode), "c");
        assert_eq!(names.in_view(ViewId::Codebook, Action::NewTopCode), "N");
        let confirming = Names::at(Place {
            overlay: Some(Overlay::Confirming),
            ..p
        });
        assert_eq!(confirming.keys(Action::Back), ["n", "Esc"]);
        assert_eq!(label(Action::Compare, p), "c");
        assert_eq!(label(Action::Down, p), "↓");
        assert_eq!(label(Action::Quit, p), "q");
        assert_eq!(label(Action::Compare, place(ViewId::Survey, false)), "");
        let typing = Place {
            overlay: Some(Overlay::Typing),
            ..p
        };
        assert_eq!(label(Action::Save, typing), "Ctrl-s");
    }
}
