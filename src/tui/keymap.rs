//! Keys to actions. The only place that knows which key does what; the help
//! overlay is drawn from the same table.

use super::app::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key binding as the help overlay shows it.
pub struct Binding {
    pub keys: &'static str,
    pub action: Action,
    pub what: &'static str,
}

pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: "↓ j",
        action: Action::Down,
        what: "next cohort",
    },
    Binding {
        keys: "↑ k",
        action: Action::Up,
        what: "previous cohort",
    },
    Binding {
        keys: "g Home",
        action: Action::First,
        what: "first cohort",
    },
    Binding {
        keys: "G End",
        action: Action::Last,
        what: "last cohort",
    },
    Binding {
        keys: "?",
        action: Action::ToggleHelp,
        what: "show or hide this help",
    },
    Binding {
        keys: "q Ctrl-c",
        action: Action::Quit,
        what: "quit",
    },
];

/// The action a key stands for, if any.
pub fn action_for(key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Quit),
            _ => None,
        };
    }
    Some(match key.code {
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Home | KeyCode::Char('g') => Action::First,
        KeyCode::End | KeyCode::Char('G') => Action::Last,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Esc => Action::Back,
        KeyCode::Char('q') => Action::Quit,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn vim_keys_and_arrows_agree() {
        assert_eq!(
            action_for(key(KeyCode::Char('j'))),
            action_for(key(KeyCode::Down))
        );
        assert_eq!(action_for(key(KeyCode::Char('k'))), Some(Action::Up));
        assert_eq!(action_for(key(KeyCode::Char('q'))), Some(Action::Quit));
        assert_eq!(
            action_for(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(action_for(key(KeyCode::Char('x'))), None);
    }

    #[test]
    fn every_listed_binding_is_reachable() {
        for b in BINDINGS {
            let first = b.keys.split(' ').next().unwrap();
            let code = match first {
                "↓" => KeyCode::Down,
                "↑" => KeyCode::Up,
                s => KeyCode::Char(s.chars().next().unwrap()),
            };
            assert_eq!(action_for(key(code)), Some(b.action), "{}", b.keys);
        }
    }
}
