//! Keys to actions. The only place that knows which key does what; the help
//! overlay is drawn from the same table.

use super::Lang;
use super::app::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key binding as the help overlay shows it.
pub struct Binding {
    pub keys: &'static str,
    pub action: Action,
    /// What it does, in Hebrew and in English.
    pub what: [&'static str; 2],
}

impl Binding {
    pub fn what(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::He => self.what[0],
            Lang::En => self.what[1],
        }
    }
}

const fn bind(keys: &'static str, action: Action, he: &'static str, en: &'static str) -> Binding {
    Binding {
        keys,
        action,
        what: [he, en],
    }
}

pub const BINDINGS: &[Binding] = &[
    bind("↓ j", Action::Down, "המחזור הבא", "next cohort"),
    bind("↑ k", Action::Up, "המחזור הקודם", "previous cohort"),
    bind("g Home", Action::First, "המחזור הראשון", "first cohort"),
    bind("G End", Action::Last, "המחזור האחרון", "last cohort"),
    bind(
        "?",
        Action::ToggleHelp,
        "הצגת העזרה והסתרתה",
        "show or hide this help",
    ),
    bind("q Ctrl-c", Action::Quit, "יציאה", "quit"),
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
