//! Keys to actions. The only place that knows which key does what; the help
//! overlay is drawn from the same tables.

use super::Lang;
use super::action::{Action, Overlay, ViewId};
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
    bind("1-7 Tab", "מעבר בין התצוגות", "switch views"),
    bind(
        "u Ctrl-r",
        "ביטול פעולת קידוד, שחזור",
        "undo a coding action, redo",
    ),
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
const DOCUMENTS: &[Binding] = &[
    bind(
        "Enter",
        "פתיחת המסמך לקריאה ולקידוד",
        "open the document to read and code",
    ),
    bind(
        "C",
        "קידודים של כל המקודדים או של אחד",
        "all coders' codings, or one's",
    ),
];
/// In the reader: the global keys that still hold are listed after these.
pub const READER: &[Binding] = &[
    bind(
        "← h → l",
        "תו שמאלה, ימינה על המסך",
        "a cell left, right on screen",
    ),
    bind("↓ j ↑ k", "שורה למטה, למעלה", "a line down, up"),
    bind(
        "w b e",
        "מילה הבאה, הקודמת, סוף מילה",
        "next word, previous, word end",
    ),
    bind("( )", "משפט קודם, הבא", "previous sentence, next"),
    bind("{ }", "תור דיבור קודם, הבא", "previous speaker turn, next"),
    bind("v", "בחירה: התחלה או ביטול", "selection: start or drop"),
    bind(
        "c",
        "קוד מתוך הספר (סינון בהקלדה; שם חדש יוצר)",
        "code from the book (type to filter; a new name creates)",
    ),
    bind(".", "הקוד האחרון שוב", "the last code again"),
    bind("r", "קודים אחרונים (1-9)", "recent codes (1-9)"),
    bind(
        "i",
        "קוד מהמילים הנבחרות (in vivo)",
        "in vivo: the selected words as a code",
    ),
    bind(
        "x",
        "הסרת קידוד מתחת לסמן",
        "remove a coding under the cursor",
    ),
    bind("m", "תזכיר על קידוד", "memo on a coding"),
    bind("u Ctrl-r", "ביטול, שחזור", "undo, redo"),
    bind(
        "C",
        "קידודים של כל המקודדים או של אחד",
        "all coders' codings, or one's",
    ),
    bind(
        "Esc",
        "ביטול הבחירה, סגירת המסמך",
        "drop the selection, close the document",
    ),
];
const CODEBOOK: &[Binding] = &[
    bind(
        "Enter",
        "לציטוטי הקוד; Enter שוב פותח בהקשר",
        "to the code's quotes; Enter again opens in context",
    ),
    bind(
        "n N",
        "קוד חדש תחת הנבחר, ברמה העליונה",
        "new code under this one, at the top",
    ),
    bind("e D m", "שינוי שם, תיאור, תזכיר", "rename, describe, memo"),
    bind("o", "הצבע הבא", "next colour"),
    bind(
        "> M",
        "העברה תחת קוד אחר, מיזוג לתוכו",
        "move under another code, merge into one",
    ),
    bind("d", "מחיקה (אחרי אישור)", "delete (after asking)"),
    bind(
        "a",
        "עם ציטוטי הקודים שתחתיו או בלעדיהם",
        "with or without its children's quotes",
    ),
    bind(
        "C",
        "קידודים של כל המקודדים או של אחד",
        "all coders' codings, or one's",
    ),
    bind(
        "E",
        "ייצוא ציטוטי הקוד ל־Markdown ול־CSV",
        "export the code's quotes to Markdown and CSV",
    ),
];
const TABLES: &[Binding] = &[
    bind("← h → l", "תא שמאלה, ימינה", "a cell left, right"),
    bind(
        "Enter",
        "לציטוטי התא; Enter שוב פותח בהקשר",
        "to the cell's quotes; Enter again opens in context",
    ),
    bind(
        "t",
        "הטבלה הבאה: לפי מחזור, לפי תפקיד, חפיפה, הסכמה",
        "next table: by cohort, by role, co-occurrence, agreement",
    ),
    bind(
        "a",
        "קוד עם ציטוטי קודי המשנה או בלעדיהם",
        "a code with or without its children's quotes",
    ),
    bind(
        "C",
        "קידודים של כל המקודדים או של אחד",
        "all coders' codings, or one's",
    ),
    bind(
        "A s",
        "הסכמה: בחירת שני המקודדים, המסמכים",
        "agreement: choose the two coders, the documents",
    ),
    bind(
        "E",
        "ייצוא הטבלה ל־Markdown ול־CSV",
        "export the table to Markdown and CSV",
    ),
];

/// The keys of one view, beyond the global ones.
pub fn view_bindings(view: ViewId) -> &'static [Binding] {
    match view {
        ViewId::Cohorts => COHORTS,
        ViewId::Findings => &[],
        ViewId::Survey => SURVEY,
        ViewId::Recommendations => RECOMMENDATIONS,
        ViewId::Documents => DOCUMENTS,
        ViewId::Codebook => CODEBOOK,
        ViewId::Tables => TABLES,
    }
}

/// The action a key stands for in the current view and overlay, if any;
/// `reading` when a document is open in the reader.
pub fn action_for(
    key: KeyEvent,
    view: ViewId,
    overlay: Option<Overlay>,
    reading: bool,
) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Quit),
            KeyCode::Char('r') if overlay.is_none() => Some(Action::Redo),
            KeyCode::Char('s') if overlay == Some(Overlay::Typing) => Some(Action::Save),
            _ => None,
        };
    }
    match overlay {
        Some(Overlay::Typing) => {
            return Some(match key.code {
                KeyCode::Char(c) => Action::Input(c),
                KeyCode::Backspace => Action::DeleteChar,
                KeyCode::Enter => Action::Enter,
                KeyCode::Esc => Action::Back,
                KeyCode::Down | KeyCode::Tab => Action::Down,
                KeyCode::Up | KeyCode::BackTab => Action::Up,
                KeyCode::Left => Action::Left,
                KeyCode::Right => Action::Right,
                KeyCode::Home => Action::First,
                KeyCode::End => Action::Last,
                _ => return None,
            });
        }
        Some(Overlay::Choosing) => {
            return Some(match key.code {
                KeyCode::Char(d @ '1'..='9') => Action::Digit(d as u8 - b'0'),
                KeyCode::Down | KeyCode::Char('j') => Action::Down,
                KeyCode::Up | KeyCode::Char('k') => Action::Up,
                KeyCode::Enter => Action::Enter,
                KeyCode::Esc => Action::Back,
                _ => return None,
            });
        }
        Some(Overlay::Confirming) => {
            return match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => Some(Action::Yes),
                KeyCode::Char('n') | KeyCode::Esc => Some(Action::Back),
                _ => None,
            };
        }
        _ => {}
    }
    if reading && overlay.is_none() {
        let motion = match key.code {
            KeyCode::Left | KeyCode::Char('h') => Some(Action::Left),
            KeyCode::Right | KeyCode::Char('l') => Some(Action::Right),
            KeyCode::Esc => Some(Action::Back),
            // Enter goes nowhere in a text.
            KeyCode::Enter => return None,
            KeyCode::Char(c) => match c {
                'w' => Some(Action::WordForward),
                'b' => Some(Action::WordBack),
                'e' => Some(Action::WordEnd),
                '(' => Some(Action::SentenceBack),
                ')' => Some(Action::SentenceForward),
                '{' => Some(Action::TurnBack),
                '}' => Some(Action::TurnForward),
                'v' => Some(Action::Visual),
                'c' => Some(Action::PickCode),
                '.' => Some(Action::RepeatCode),
                'r' => Some(Action::RecentCodes),
                'i' => Some(Action::InVivo),
                'x' => Some(Action::RemoveCoding),
                'm' => Some(Action::Memo),
                _ => None,
            },
            _ => None,
        };
        if motion.is_some() {
            return motion;
        }
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
    // The Tables view moves across columns with the arrows and h/l.
    if view == ViewId::Tables {
        match key.code {
            KeyCode::Left | KeyCode::Char('h') => return Some(Action::Left),
            KeyCode::Right | KeyCode::Char('l') => return Some(Action::Right),
            _ => {}
        }
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
        KeyCode::Char('u') => Some(Action::Undo),
        KeyCode::Char('C') => Some(Action::CycleCoder),
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
        (ViewId::Codebook, 'n') => Some(Action::NewCode),
        (ViewId::Codebook, 'N') => Some(Action::NewTopCode),
        (ViewId::Codebook, 'e') => Some(Action::RenameCode),
        (ViewId::Codebook, 'D') => Some(Action::DescribeCode),
        (ViewId::Codebook, 'm') => Some(Action::Memo),
        (ViewId::Codebook, 'o') => Some(Action::ColourCode),
        (ViewId::Codebook, '>') => Some(Action::MoveCode),
        (ViewId::Codebook, 'M') => Some(Action::MergeCode),
        (ViewId::Codebook, 'd') => Some(Action::DeleteCode),
        (ViewId::Codebook, 'a') => Some(Action::ToggleChildren),
        (ViewId::Codebook | ViewId::Tables, 'E') => Some(Action::Export),
        (ViewId::Tables, 't') => Some(Action::NextTable),
        (ViewId::Tables, 'a') => Some(Action::ToggleChildren),
        (ViewId::Tables, 'A') => Some(Action::ChooseCoders),
        (ViewId::Tables, 's') => Some(Action::CycleSet),
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
