//! Keys as data. [`table::BINDINGS`] holds every key of the app: the context
//! it holds in, the keys, what it does and the id of its help text. The
//! dispatch ([`dispatch`]), the `?` help ([`help_rows`]), the footer
//! (`widgets::footer`) and the key letters inside messages ([`Names`]) are all
//! read from that one table, so they cannot drift apart.
//!
//! A key is looked up in a stack of contexts, first match wins: a popup's
//! own keys; or the reader's, then the view's, then the keys of every view.

mod table;

pub use table::BINDINGS;

use super::action::{Action, Overlay, ViewId};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, popups included.
    Always,
    /// A picker, a prompt or the memo editor: keys are typed.
    Typing,
    /// A numbered list.
    Choosing,
    /// A yes or no.
    Confirming,
    /// The search overlay: keys are typed into the query.
    Search,
    /// A document open in the reader.
    Reader,
    /// One view.
    View(ViewId),
    /// Every view, and the reader where its own keys do not say otherwise.
    Global,
    /// Every view and the reader, when nothing is open over them.
    NoOverlay,
}

/// One key, or a family of keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key without Control (Shift is part of the character).
    Code(KeyCode),
    /// A character typed without Control.
    Char(char),
    /// A character with Control.
    Ctrl(char),
    /// Any character typed without Control.
    AnyChar,
    /// The digits 1 to 9.
    Digits,
}

impl Key {
    fn matches(self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match self {
            Key::Ctrl(c) => ctrl && key.code == KeyCode::Char(c),
            _ if ctrl => false,
            Key::Code(code) => key.code == code,
            Key::Char(c) => key.code == KeyCode::Char(c),
            Key::AnyChar => matches!(key.code, KeyCode::Char(_)),
            Key::Digits => matches!(key.code, KeyCode::Char('1'..='9')),
        }
    }

    /// The key as the help and the messages show it.
    pub fn label(self, does: Does) -> String {
        match self {
            Key::Code(code) => code_label(code).into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::AnyChar => String::new(),
            Key::Digits if does == Does::Go => format!("1-{}", ViewId::ALL.len()),
            Key::Digits => "1-9".into(),
        }
    }
}

fn code_label(code: KeyCode) -> &'static str {
    match code {
        KeyCode::Down => "↓",
        KeyCode::Up => "↑",
        KeyCode::Left => "←",
        KeyCode::Right => "→",
        KeyCode::PageDown => "PgDn",
        KeyCode::PageUp => "PgUp",
        KeyCode::Home => "Home",
        KeyCode::End => "End",
        KeyCode::Enter => "Enter",
        KeyCode::Esc => "Esc",
        KeyCode::Tab => "Tab",
        KeyCode::BackTab => "Shift-Tab",
        KeyCode::Backspace => "Backspace",
        _ => "?",
    }
}

/// What a binding does with the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Does {
    Act(Action),
    /// The character typed: [`Action::Input`].
    Input,
    /// The digit as a numbered choice: [`Action::Digit`].
    Digit,
    /// The digit as a view: [`Action::Go`].
    Go,
    /// The key is taken, and does nothing here.
    Nothing,
}

impl Does {
    fn action(self, key: &KeyEvent) -> Option<Action> {
        let c = match key.code {
            KeyCode::Char(c) => Some(c),
            _ => None,
        };
        match self {
            Does::Act(a) => Some(a),
            Does::Input => c.map(Action::Input),
            Does::Digit => c
                .and_then(|c| c.to_digit(10))
                .map(|d| Action::Digit(d as u8)),
            Does::Go => c
                .and_then(|c| c.to_digit(10))
                .and_then(ViewId::from_digit)
                .map(Action::Go),
            Does::Nothing => None,
        }
    }
}

/// The id of a line of help: its words are in each language's strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Help {
    ListDownUp,
    ListPage,
    ListEnds,
    In,
    Back,
    Views,
    Undo,
    Search,
    ThisHelp,
    Quit,
    Compare,
    Figures,
    SortTopBox,
    Uptake,
    OpenDocument,
    CycleCoder,
    CellLeftRight,
    LineDownUp,
    TextEnds,
    Words,
    Sentences,
    Turns,
    Visual,
    PickCode,
    RepeatCode,
    RecentCodes,
    InVivo,
    RemoveCoding,
    CodingMemo,
    CloseDocument,
    CodeQuotes,
    NewCode,
    EditCode,
    Colour,
    MoveMerge,
    DeleteCode,
    CodeChildren,
    ExportCode,
    TableCell,
    CellQuotes,
    NextTable,
    RowChildren,
    Agreement,
    ExportTable,
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub does: Does,
    /// Its line in the help, shared by the bindings listed together
    /// (`n N`, `w b e`); none for keys the help does not list.
    pub help: Option<Help>,
}

/// Where the app stands, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub view: ViewId,
    pub overlay: Option<Overlay>,
    /// A document is open in the reader.
    pub reading: bool,
}

impl Place {
    /// The contexts a key is looked up in, first match wins.
    pub fn stack(self) -> Vec<Context> {
        use Context::*;
        let view = View(self.view);
        match self.overlay {
            Some(Overlay::Typing) => vec![Always, Typing],
            Some(Overlay::Choosing) => vec![Always, Choosing],
            Some(Overlay::Confirming) => vec![Always, Confirming],
            Some(Overlay::Search) => vec![Always, Search],
            // Over the help the view's keys are read, and the app takes
            // only those that close it.
            Some(Overlay::Help) => vec![Always, view, Global],
            None if self.reading => vec![Always, NoOverlay, Reader, view, Global],
            None => vec![Always, NoOverlay, view, Global],
        }
    }

    /// The stack the help describes: the place as it is under the help.
    fn described(self) -> Place {
        Place {
            overlay: self.overlay.filter(|o| *o != Overlay::Help),
            ..self
        }
    }
}

fn bindings_in(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}

/// The binding a key finds at a place, if any.
fn lookup(key: &KeyEvent, place: Place) -> Option<&'static Binding> {
    place
        .stack()
        .into_iter()
        .flat_map(bindings_in)
        .find(|b| b.keys.iter().any(|k| k.matches(key)))
}

/// The keys an event from the terminal stands for. No binding uses Alt, and
/// a terminal sends Alt-x as Esc then x, the very bytes of an Esc typed
/// just before x (fast, or through tmux); so an Alt-modified key is taken
/// as Esc followed by the key.
pub fn pressed(key: KeyEvent) -> Vec<KeyEvent> {
    if !key.modifiers.contains(KeyModifiers::ALT) {
        return vec![key];
    }
    vec![
        KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
        KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT),
    ]
}

/// The action a key stands for at a place, if any.
pub fn dispatch(key: KeyEvent, place: Place) -> Option<Action> {
    lookup(&key, place)?.does.action(&key)
}

/// The action a key stands for in the current view and overlay, if any;
/// `reading` when a document is open in the reader.
pub fn action_for(
    key: KeyEvent,
    view: ViewId,
    overlay: Option<Overlay>,
    reading: bool,
) -> Option<Action> {
    dispatch(
        key,
        Place {
            view,
            overlay,
            reading,
        },
    )
}

/// A key event that a key of the table stands for (for tests and for
/// checking shadowing).
fn event_of(key: Key) -> Option<KeyEvent> {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    match key {
        Key::Code(code) => Some(plain(code)),
        Key::Char(c) => Some(plain(KeyCode::Char(c))),
        Key::Ctrl(c) => Some(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
        Key::AnyChar => None,
        Key::Digits => Some(plain(KeyCode::Char('1'))),
    }
}

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

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn act(code: KeyCode, view: ViewId) -> Option<Action> {
        action_for(key(code), view, None, false)
    }

    #[test]
    fn vim_keys_and_arrows_agree() {
        let v = ViewId::Cohorts;
        assert_eq!(act(KeyCode::Char('j'), v), act(KeyCode::Down, v));
        assert_eq!(act(KeyCode::Char('l'), v), act(KeyCode::Enter, v));
        assert_eq!(act(KeyCode::Char('h'), v), act(KeyCode::Esc, v));
        assert_eq!(act(KeyCode::Char('q'), v), Some(Action::Quit));
        assert_eq!(
            action_for(
                KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
                v,
                None,
                false
            ),
            Some(Action::Quit)
        );
    }

    #[test]
    fn digits_switch_views_and_view_keys_belong_to_their_view() {
        assert_eq!(
            act(KeyCode::Char('4'), ViewId::Cohorts),
            Some(Action::Go(ViewId::Recommendations))
        );
        assert_eq!(
            act(KeyCode::Char('6'), ViewId::Cohorts),
            Some(Action::Go(ViewId::Codebook))
        );
        assert_eq!(
            act(KeyCode::Char('7'), ViewId::Cohorts),
            Some(Action::Go(ViewId::Tables))
        );
        assert_eq!(act(KeyCode::Char('8'), ViewId::Cohorts), None);
        assert_eq!(act(KeyCode::Char('l'), ViewId::Tables), Some(Action::Right));
        assert_eq!(act(KeyCode::Left, ViewId::Tables), Some(Action::Left));
        assert_eq!(
            act(KeyCode::Char('t'), ViewId::Tables),
            Some(Action::NextTable)
        );
        assert_eq!(act(KeyCode::Char('t'), ViewId::Codebook), None);
        assert_eq!(
            act(KeyCode::Char('s'), ViewId::Survey),
            Some(Action::SortTopBox)
        );
        assert_eq!(
            act(KeyCode::Char('s'), ViewId::Recommendations),
            Some(Action::CycleUptake)
        );
        assert_eq!(act(KeyCode::Char('s'), ViewId::Cohorts), None);
        assert_eq!(
            act(KeyCode::Char('M'), ViewId::Codebook),
            Some(Action::MergeCode)
        );
    }

    #[test]
    fn in_the_reader_arrows_move_the_cursor_and_letters_code() {
        let r = |code| action_for(key(code), ViewId::Documents, None, true);
        assert_eq!(r(KeyCode::Left), Some(Action::Left));
        assert_eq!(r(KeyCode::Char('h')), Some(Action::Left));
        assert_eq!(r(KeyCode::Char('l')), Some(Action::Right));
        assert_eq!(r(KeyCode::Char('}')), Some(Action::TurnForward));
        assert_eq!(r(KeyCode::Char('c')), Some(Action::PickCode));
        assert_eq!(r(KeyCode::Char('u')), Some(Action::Undo));
        assert_eq!(r(KeyCode::Char('j')), Some(Action::Down));
        assert_eq!(r(KeyCode::Char('5')), Some(Action::Go(ViewId::Documents)));
        assert_eq!(
            action_for(
                KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL),
                ViewId::Documents,
                None,
                true
            ),
            Some(Action::Redo)
        );
        let choosing = Some(Overlay::Choosing);
        assert_eq!(
            action_for(key(KeyCode::Char('3')), ViewId::Documents, choosing, true),
            Some(Action::Digit(3))
        );
        let typing = Some(Overlay::Typing);
        assert_eq!(
            action_for(key(KeyCode::Char('c')), ViewId::Documents, typing, true),
            Some(Action::Input('c'))
        );
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(
            action_for(ctrl_s, ViewId::Codebook, typing, false),
            Some(Action::Save)
        );
        assert_eq!(action_for(ctrl_s, ViewId::Codebook, None, false), None);
    }

    #[test]
    fn in_search_every_character_is_typed() {
        let s = Some(Overlay::Search);
        assert_eq!(
            action_for(key(KeyCode::Char('q')), ViewId::Cohorts, s, false),
            Some(Action::Input('q'))
        );
        assert_eq!(
            action_for(key(KeyCode::Char('ש')), ViewId::Cohorts, s, false),
            Some(Action::Input('ש'))
        );
        assert_eq!(
            action_for(key(KeyCode::Char('j')), ViewId::Cohorts, s, false),
            Some(Action::Input('j'))
        );
        assert_eq!(
            action_for(key(KeyCode::Esc), ViewId::Cohorts, s, false),
            Some(Action::Back)
        );
        assert_eq!(
            action_for(key(KeyCode::Backspace), ViewId::Cohorts, s, false),
            Some(Action::DeleteChar)
        );
    }
}

#[cfg(test)]
mod table_tests {
    use super::*;

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
    fn alt_and_a_key_is_esc_then_the_key() {
        let alt_t = KeyEvent::new(KeyCode::Char('t'), KeyModifiers::ALT);
        assert_eq!(
            pressed(alt_t),
            [
                KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
                KeyEvent::new(KeyCode::Char('t'), KeyModifiers::NONE)
            ]
        );
        let t = KeyEvent::new(KeyCode::Char('t'), KeyModifiers::SHIFT);
        assert_eq!(pressed(t), [t]);
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
