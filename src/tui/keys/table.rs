//! The table of bindings: every key of the app, where it holds, what it
//! asks for and the id of its help text. Dispatch, the `?` help, the footer
//! and the key letters inside messages are all read from here.

use super::{Binding, Context, Does, Help, Hint, Key};
use crate::tui::action::{Action, ViewId};
use ratatui::crossterm::event::KeyCode::{
    BackTab, Backspace, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

use Context::{Always, Choosing, Confirming, Global, NoOverlay, Reader, Search, Typing, View};
use Key::{AnyChar, Char as C, Code, Ctrl, Digits};

const fn b(context: Context, keys: &'static [Key], action: Action, help: Option<Help>) -> Binding {
    Binding {
        context,
        keys,
        does: Does::Act(action),
        help,
    }
}

const fn h(context: Context, keys: &'static [Key], action: Action, help: Help) -> Binding {
    b(context, keys, action, Some(help))
}

mod views;

/// Every binding, in the order they are tried within a context and listed
/// in the help: those that hold over everything, each view's own
/// (`table/views.rs`), then those of every view.
pub static BINDINGS: std::sync::LazyLock<Vec<Binding>> =
    std::sync::LazyLock::new(|| [FIRST, views::VIEWS, LAST].concat());

/// Everywhere, a popup, search and the reader: tried first.
static FIRST: &[Binding] = &[
    // Everywhere, before anything else.
    h(Always, &[Ctrl('c')], Action::Quit, Help::Quit),
    // A picker or a prompt: keys are typed.
    Binding {
        context: Typing,
        keys: &[AnyChar],
        does: Does::Input,
        help: None,
    },
    b(Typing, &[Code(Backspace)], Action::DeleteChar, None),
    b(Typing, &[Ctrl('u')], Action::ClearLine, None),
    b(Typing, &[Code(Enter)], Action::Enter, None),
    b(Typing, &[Ctrl('s')], Action::Save, None),
    b(Typing, &[Code(Esc)], Action::Back, None),
    b(Typing, &[Code(Down), Code(Tab)], Action::Down, None),
    b(Typing, &[Code(Up), Code(BackTab)], Action::Up, None),
    b(Typing, &[Code(Left)], Action::Left, None),
    b(Typing, &[Code(Right)], Action::Right, None),
    b(Typing, &[Code(Home)], Action::First, None),
    b(Typing, &[Code(End)], Action::Last, None),
    // A numbered list.
    Binding {
        context: Choosing,
        keys: &[Digits],
        does: Does::Digit,
        help: None,
    },
    b(Choosing, &[Code(Down), C('j')], Action::Down, None),
    b(Choosing, &[Code(Up), C('k')], Action::Up, None),
    b(Choosing, &[Code(Enter)], Action::Enter, None),
    b(Choosing, &[Code(Esc)], Action::Back, None),
    // A yes or no.
    b(Confirming, &[C('y'), C('Y')], Action::Yes, None),
    b(Confirming, &[C('n'), Code(Esc)], Action::Back, None),
    // Search: every character goes into the query.
    Binding {
        context: Search,
        keys: &[AnyChar],
        does: Does::Input,
        help: None,
    },
    b(Search, &[Code(Backspace)], Action::DeleteChar, None),
    h(Search, &[Ctrl('f')], Action::Cite, Help::Cite),
    b(Search, &[Code(Enter)], Action::Enter, None),
    b(Search, &[Code(Esc)], Action::Back, None),
    b(
        Search,
        &[Code(Down), Code(Tab), Ctrl('n')],
        Action::Down,
        None,
    ),
    b(
        Search,
        &[Code(Up), Code(BackTab), Ctrl('p')],
        Action::Up,
        None,
    ),
    b(Search, &[Code(PageDown)], Action::PageDown, None),
    b(Search, &[Code(PageUp)], Action::PageUp, None),
    // The reader: the cursor, selections and coding.
    h(
        Reader,
        &[Code(Left), C('h')],
        Action::Left,
        Help::CellLeftRight,
    ),
    h(
        Reader,
        &[Code(Right), C('l')],
        Action::Right,
        Help::CellLeftRight,
    ),
    h(
        Reader,
        &[Code(Down), C('j')],
        Action::Down,
        Help::LineDownUp,
    ),
    h(Reader, &[Code(Up), C('k')], Action::Up, Help::LineDownUp),
    h(
        Reader,
        &[Code(PageDown)],
        Action::PageDown,
        Help::LineDownUp,
    ),
    h(Reader, &[Code(PageUp)], Action::PageUp, Help::LineDownUp),
    h(Reader, &[C('g'), Code(Home)], Action::First, Help::TextEnds),
    h(Reader, &[C('G'), Code(End)], Action::Last, Help::TextEnds),
    h(Reader, &[C('w')], Action::WordForward, Help::Words),
    h(Reader, &[C('b')], Action::WordBack, Help::Words),
    h(Reader, &[C('e')], Action::WordEnd, Help::Words),
    h(Reader, &[C('(')], Action::SentenceBack, Help::Sentences),
    h(Reader, &[C(')')], Action::SentenceForward, Help::Sentences),
    h(Reader, &[C('{')], Action::TurnBack, Help::Turns),
    h(Reader, &[C('}')], Action::TurnForward, Help::Turns),
    h(Reader, &[C('v')], Action::Visual, Help::Visual),
    h(Reader, &[C('c')], Action::PickCode, Help::PickCode),
    h(Reader, &[C('.')], Action::RepeatCode, Help::RepeatCode),
    h(Reader, &[C('r')], Action::RecentCodes, Help::RecentCodes),
    h(Reader, &[C('i')], Action::InVivo, Help::InVivo),
    h(Reader, &[C('x')], Action::RemoveCoding, Help::RemoveCoding),
    h(Reader, &[C('m')], Action::Memo, Help::CodingMemo),
    h(Reader, &[C('C')], Action::CycleCoder, Help::CycleCoder),
    h(Reader, &[C('f')], Action::Cite, Help::Cite),
    h(Reader, &[Code(Esc)], Action::Back, Help::CloseDocument),
    // Enter goes nowhere in a text.
    Binding {
        context: Reader,
        keys: &[Code(Enter)],
        does: Does::Nothing,
        help: None,
    },
];

/// The keys of every view, tried after each view's own.
static LAST: &[Binding] = &[
    // The keys of every view.
    h(
        Global,
        &[Code(Down), C('j')],
        Action::Down,
        Help::ListDownUp,
    ),
    h(Global, &[Code(Up), C('k')], Action::Up, Help::ListDownUp),
    h(Global, &[Code(PageDown)], Action::PageDown, Help::ListPage),
    h(Global, &[Code(PageUp)], Action::PageUp, Help::ListPage),
    h(Global, &[C('g'), Code(Home)], Action::First, Help::ListEnds),
    h(Global, &[C('G'), Code(End)], Action::Last, Help::ListEnds),
    h(
        Global,
        &[Code(Enter), Code(Right), C('l')],
        Action::Enter,
        Help::In,
    ),
    h(
        Global,
        &[Code(Esc), Code(Left), C('h')],
        Action::Back,
        Help::Back,
    ),
    h(Global, &[Ctrl('o')], Action::JumpBack, Help::JumpBack),
    Binding {
        context: Global,
        keys: &[Digits],
        does: Does::Go,
        help: Some(Help::Views),
    },
    h(Global, &[Code(Tab)], Action::NextView, Help::Views),
    h(Global, &[Code(BackTab)], Action::PrevView, Help::Views),
    h(Global, &[C('u')], Action::Undo, Help::Undo),
    h(Global, &[C('/')], Action::OpenSearch, Help::Search),
    h(Global, &[C('?')], Action::ToggleHelp, Help::ThisHelp),
    h(Global, &[C('q')], Action::Quit, Help::Quit),
    // In the other views C does nothing to see, but it is still a key.
    b(Global, &[C('C')], Action::CycleCoder, None),
    // Redo only where nothing is open over the view.
    h(NoOverlay, &[Ctrl('r')], Action::Redo, Help::Undo),
];

/// The main keys the footer names, per context, in the order shown: the
/// reader's or the view's own first, then those of every view. Each key's
/// letter is read from [`BINDINGS`] where the user stands, so the footer
/// shows what the key does there; a key that does not reach its action
/// there is left out.
pub static FOOTER: &[(Context, Action, Hint)] = &[
    // Over a popup, its own way out (its other keys are written inside it).
    (Typing, Action::Back, Hint::Cancel),
    (Choosing, Action::Enter, Hint::Choose),
    (Choosing, Action::Back, Hint::Cancel),
    (Confirming, Action::Yes, Hint::Yes),
    (Confirming, Action::Back, Hint::No),
    (Search, Action::Enter, Hint::Open),
    (Search, Action::Back, Hint::Close),
    (Reader, Action::Visual, Hint::Select),
    (Reader, Action::PickCode, Hint::Code),
    (Reader, Action::RepeatCode, Hint::Repeat),
    (Reader, Action::RemoveCoding, Hint::Remove),
    (Reader, Action::Memo, Hint::Memo),
    (Reader, Action::Back, Hint::Close),
    (View(ViewId::Cohorts), Action::Enter, Hint::Card),
    (View(ViewId::Cohorts), Action::Compare, Hint::Compare),
    (View(ViewId::Cohorts), Action::NewItem, Hint::New),
    (View(ViewId::Survey), Action::ToggleFigures, Hint::Figures),
    (View(ViewId::Survey), Action::SortTopBox, Hint::Sort),
    (View(ViewId::Survey), Action::NextSplit, Hint::Split),
    (View(ViewId::Findings), Action::Enter, Hint::Evidence),
    (View(ViewId::Findings), Action::NewItem, Hint::New),
    (
        View(ViewId::Recommendations),
        Action::CycleUptake,
        Hint::Uptake,
    ),
    (View(ViewId::Recommendations), Action::NewItem, Hint::New),
    (View(ViewId::Documents), Action::Enter, Hint::Open),
    (View(ViewId::Documents), Action::CycleCoder, Hint::Coder),
    (View(ViewId::Codebook), Action::Enter, Hint::Quotes),
    (View(ViewId::Codebook), Action::NewCode, Hint::New),
    (View(ViewId::Codebook), Action::RenameCode, Hint::Rename),
    (View(ViewId::Codebook), Action::MoveCode, Hint::Move),
    (View(ViewId::Codebook), Action::MergeCode, Hint::Merge),
    (View(ViewId::Codebook), Action::DeleteCode, Hint::Delete),
    (View(ViewId::Tables), Action::Enter, Hint::Quotes),
    (View(ViewId::Tables), Action::NextTable, Hint::NextTable),
    (View(ViewId::Tables), Action::ChooseCoders, Hint::Agreement),
    (View(ViewId::Tables), Action::Export, Hint::Export),
    (Global, Action::OpenSearch, Hint::Search),
    (Global, Action::ToggleHelp, Hint::Help),
    (Global, Action::Quit, Hint::Quit),
];
