//! Keys as data. [`table::BINDINGS`] holds every key of the app: the context
//! it holds in, the keys, what it does and the id of its help text. The
//! dispatch ([`dispatch`]), the `?` help ([`help_rows`]), the footer
//! (`widgets::footer`) and the key letters inside messages ([`Names`]) are all
//! read from that one table, so they cannot drift apart.
//!
//! A key is looked up in a stack of contexts, first match wins: a popup's
//! own keys; or the reader's, then the view's, then the keys of every view.

mod help;
mod ids;
mod table;

pub use help::{Names, help_rows, label, labels};
pub use ids::{Help, Hint};
pub use table::{BINDINGS, FOOTER};

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

pub(super) fn bindings_in(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}

/// The binding a key finds at a place, if any.
pub(super) fn lookup(key: &KeyEvent, place: Place) -> Option<&'static Binding> {
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
    // Control with Alt is AltGr on some systems (a character being typed):
    // left as it is.
    if !key.modifiers.contains(KeyModifiers::ALT) || key.modifiers.contains(KeyModifiers::CONTROL) {
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
pub(super) fn event_of(key: Key) -> Option<KeyEvent> {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    match key {
        Key::Code(code) => Some(plain(code)),
        Key::Char(c) => Some(plain(KeyCode::Char(c))),
        Key::Ctrl(c) => Some(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
        Key::AnyChar => None,
        Key::Digits => Some(plain(KeyCode::Char('1'))),
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
        let altgr = KeyEvent::new(
            KeyCode::Char('@'),
            KeyModifiers::CONTROL | KeyModifiers::ALT,
        );
        assert_eq!(pressed(altgr), [altgr]);
    }
}
