//! Keys to actions. The only place that knows which key does what; the help
//! overlay is drawn from the same tables.

use super::Lang;
use super::app::{Action, Overlay, ViewId};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key binding as the help overlay shows it.
pub struct Binding {
    pub keys: &'static str,
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

const fn bind(keys: &'static str, he: &'static str, en: &'static str) -> Binding {
    Binding {
        keys,
        what: [he, en],
    }
}

/// Keys of every view.
pub const GLOBAL: &[Binding] = &[
    bind("↓ j  ↑ k", "למטה, למעלה ברשימה", "down, up the list"),
    bind("PgDn PgUp", "עמוד למטה, למעלה", "a page down, up"),
    bind("g G", "לראש הרשימה, לסופה", "first, last item"),
    bind(
        "Enter → l",
        "פנימה: לפרטים או לראיה",
        "in: to the details or the evidence",
    ),
    bind("Esc ← h", "חזרה", "back"),
    bind("1-5 Tab", "מעבר בין התצוגות", "switch views"),
    bind("/", "חיפוש", "search"),
    bind("?", "העזרה הזאת", "this help"),
    bind("q Ctrl-c", "יציאה", "quit"),
];

const COHORTS: &[Binding] = &[bind(
    "c",
    "השוואה: נעיצת המחזור, בחירת מחזור אחר",
    "compare: pin this cohort, select another",
)];
const SURVEY: &[Binding] = &[
    bind("p", "מספרים או אחוזים", "counts or percentages"),
    bind("s", "מיון לפי השיעור העליון", "sort by top box"),
];
const RECOMMENDATIONS: &[Binding] = &[bind("s", "שינוי הסטטוס (נשמר)", "next status (saved)")];
const QUOTES: &[Binding] = &[
    bind("c", "סינון לפי מחזור", "filter by cohort"),
    bind("r", "סינון לפי תפקיד", "filter by role"),
    bind("f", "סינון לפי קוד", "filter by code"),
    bind("x", "ניקוי הסינון", "clear the filters"),
];

/// The keys of one view, beyond the global ones.
pub fn view_bindings(view: ViewId) -> &'static [Binding] {
    match view {
        ViewId::Cohorts => COHORTS,
        ViewId::Findings => &[],
        ViewId::Survey => SURVEY,
        ViewId::Recommendations => RECOMMENDATIONS,
        ViewId::Quotes => QUOTES,
    }
}

/// The action a key stands for in the current view and overlay, if any.
pub fn action_for(key: KeyEvent, view: ViewId, overlay: Option<Overlay>) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Quit),
            _ => None,
        };
    }
    if overlay == Some(Overlay::Search) {
        // Typing: every character goes into the query.
        return Some(match key.code {
            KeyCode::Char(c) => Action::Input(c),
            KeyCode::Backspace => Action::DeleteChar,
            KeyCode::Enter => Action::Enter,
            KeyCode::Esc => Action::Back,
            KeyCode::Down | KeyCode::Tab => Action::Down,
            KeyCode::Up | KeyCode::BackTab => Action::Up,
            KeyCode::PageDown => Action::PageDown,
            KeyCode::PageUp => Action::PageUp,
            _ => return None,
        });
    }
    let global = match key.code {
        KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
        KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::Home | KeyCode::Char('g') => Some(Action::First),
        KeyCode::End | KeyCode::Char('G') => Some(Action::Last),
        KeyCode::Enter | KeyCode::Right | KeyCode::Char('l') => Some(Action::Enter),
        KeyCode::Esc | KeyCode::Left | KeyCode::Char('h') => Some(Action::Back),
        KeyCode::Tab => Some(Action::NextView),
        KeyCode::BackTab => Some(Action::PrevView),
        KeyCode::Char('/') => Some(Action::OpenSearch),
        KeyCode::Char('?') => Some(Action::ToggleHelp),
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Char(d @ '1'..='9') => d.to_digit(10).and_then(ViewId::from_digit).map(Action::Go),
        _ => None,
    };
    if global.is_some() {
        return global;
    }
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    match (view, c) {
        (ViewId::Cohorts, 'c') => Some(Action::Compare),
        (ViewId::Survey, 'p') => Some(Action::ToggleFigures),
        (ViewId::Survey, 's') => Some(Action::SortTopBox),
        (ViewId::Recommendations, 's') => Some(Action::CycleUptake),
        (ViewId::Quotes, 'c') => Some(Action::CycleCohort),
        (ViewId::Quotes, 'r') => Some(Action::CycleRole),
        (ViewId::Quotes, 'f') => Some(Action::CycleCode),
        (ViewId::Quotes, 'x') => Some(Action::ClearFilters),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn act(code: KeyCode, view: ViewId) -> Option<Action> {
        action_for(key(code), view, None)
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
                None
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
        assert_eq!(act(KeyCode::Char('6'), ViewId::Cohorts), None);
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
            act(KeyCode::Char('f'), ViewId::Quotes),
            Some(Action::CycleCode)
        );
    }

    #[test]
    fn in_search_every_character_is_typed() {
        let s = Some(Overlay::Search);
        assert_eq!(
            action_for(key(KeyCode::Char('q')), ViewId::Cohorts, s),
            Some(Action::Input('q'))
        );
        assert_eq!(
            action_for(key(KeyCode::Char('ש')), ViewId::Cohorts, s),
            Some(Action::Input('ש'))
        );
        assert_eq!(
            action_for(key(KeyCode::Char('j')), ViewId::Cohorts, s),
            Some(Action::Input('j'))
        );
        assert_eq!(
            action_for(key(KeyCode::Esc), ViewId::Cohorts, s),
            Some(Action::Back)
        );
        assert_eq!(
            action_for(key(KeyCode::Backspace), ViewId::Cohorts, s),
            Some(Action::DeleteChar)
        );
    }
}
