//! What a key can ask for, and what the app does with it: the actions, the
//! views they switch between, the places a jump goes to, and what a view's
//! update reports back. A leaf: it imports no view, so every view and the
//! app can import it.

use crate::domain::HitKind;
use crate::domain::Id;
use crate::store::StoreError;

/// The views, in the order of their digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViewId {
    Cohorts,
    Survey,
    Findings,
    Recommendations,
    Documents,
    Codebook,
    Tables,
}

impl ViewId {
    pub const ALL: [ViewId; 7] = [
        ViewId::Cohorts,
        ViewId::Survey,
        ViewId::Findings,
        ViewId::Recommendations,
        ViewId::Documents,
        ViewId::Codebook,
        ViewId::Tables,
    ];

    /// The digit that switches to the view.
    pub fn digit(self) -> u32 {
        ViewId::ALL.iter().position(|v| *v == self).unwrap() as u32 + 1
    }

    pub fn from_digit(d: u32) -> Option<ViewId> {
        ViewId::ALL.get((d as usize).checked_sub(1)?).copied()
    }

    pub fn step(self, by: isize) -> ViewId {
        let n = ViewId::ALL.len() as isize;
        let i = ViewId::ALL.iter().position(|v| *v == self).unwrap() as isize;
        ViewId::ALL[((i + by).rem_euclid(n)) as usize]
    }
}

/// Everything a key can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Enter,
    Back,
    NextView,
    PrevView,
    /// Back along the jumps to where the last one left (`Ctrl-o`), past
    /// whatever the view has open.
    JumpBack,
    Go(ViewId),
    ToggleHelp,
    OpenSearch,
    Quit,
    /// Documents: the selected document's facts take the keys, to scroll
    /// (elsewhere `Enter` does it, but here it opens the document).
    Detail,
    /// Cohorts: pin the selected cohort to compare another with it, or stop.
    Compare,
    /// Survey: counts or percentages.
    ToggleFigures,
    /// Survey: sort a topic's questions by their top-box figure.
    SortTopBox,
    /// Survey: split the answers row by row by the next attribute, or by
    /// cohort, or not at all.
    NextSplit,
    /// Survey: count only the respondents with one value of an attribute
    /// (chosen from a list), or everyone again.
    SurveyFilter,
    /// Recommendations: the next uptake status in the chosen later cohort,
    /// saved; the cohort before or after it chosen.
    CycleUptake,
    EarlierCohort,
    LaterCohort,
    /// Cohorts, Findings, Recommendations: a new item (a form), the
    /// selected one edited, deleted (after asking), moved up or down its
    /// list. Cohorts: the program's form; a new meeting or instrument of
    /// the selected cohort.
    NewItem,
    EditItem,
    DeleteItem,
    MoveItemUp,
    MoveItemDown,
    EditProgram,
    NewMeeting,
    NewInstrument,
    /// Survey, Codebook, Tables, the reader, search: the question, code or
    /// quote at hand cited in a finding, picked or new.
    Cite,
    /// Reader: the cursor one cell left or right on screen; by word
    /// (`w` `b` `e`), sentence (`(` `)`) and speaker turn (`{` `}`) in
    /// reading order.
    Left,
    Right,
    WordForward,
    WordBack,
    WordEnd,
    SentenceForward,
    SentenceBack,
    TurnForward,
    TurnBack,
    /// Reader: start or drop the selection.
    Visual,
    /// Reader: the code picker; the last code again; the recent codes; the
    /// selected words as a new code; remove a coding; a memo on a coding.
    PickCode,
    RepeatCode,
    RecentCodes,
    InVivo,
    RemoveCoding,
    Memo,
    /// Undo and redo coding and codebook actions.
    Undo,
    Redo,
    /// Documents and Codebook: show all coders' codings, or one coder's.
    CycleCoder,
    /// Codebook: new code under the selected one, at the top; rename;
    /// describe; next colour; move under another; merge into another;
    /// delete; quotes with or without the children's.
    NewCode,
    NewTopCode,
    RenameCode,
    DescribeCode,
    ColourCode,
    MoveCode,
    MergeCode,
    DeleteCode,
    ToggleChildren,
    /// Codebook and Tables: write the code's quotes, or the table, to
    /// Markdown and CSV files.
    Export,
    /// Tables: the next table; the two coders compared; the documents they
    /// are compared on.
    NextTable,
    ChooseCoders,
    CycleSet,
    /// The terminal's size, in cells: at start and whenever it changes.
    Resize(u16, u16),
    /// A numbered choice, and a yes to a question.
    Digit(u8),
    Yes,
    /// A memo's editor: save (Enter starts a new paragraph there).
    Save,
    /// Search, picker, prompt: a typed character, or one taken back.
    Input(char),
    DeleteChar,
    /// A prompt or a form's line: all of its text taken back (`Ctrl-u`).
    ClearLine,
}

/// Something to show in its own view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Cohort(Id),
    Session(Id),
    Question(Id),
    Finding(Id),
    Recommendation(Id),
    Quote(Id),
    /// The quotes of a code.
    Code(Id),
    /// A document, open in the reader at its start.
    Document(Id),
    /// A passage of a document's text outside its quotes, open in the
    /// reader where it starts.
    Passage(Id),
    /// A respondent whole, over their instrument's questions.
    Respondent(Id),
}

impl Target {
    pub fn of_hit(kind: HitKind, id: Id) -> Target {
        match kind {
            HitKind::Finding => Target::Finding(id),
            HitKind::Recommendation => Target::Recommendation(id),
            HitKind::Quote => Target::Quote(id),
            HitKind::Question => Target::Question(id),
            HitKind::Session => Target::Session(id),
            HitKind::Code => Target::Code(id),
            HitKind::Document => Target::Document(id),
            HitKind::Passage => Target::Passage(id),
            HitKind::Respondent => Target::Respondent(id),
        }
    }

    pub fn view(self) -> ViewId {
        match self {
            Target::Cohort(_) | Target::Session(_) => ViewId::Cohorts,
            Target::Question(_) | Target::Respondent(_) => ViewId::Survey,
            Target::Finding(_) => ViewId::Findings,
            Target::Recommendation(_) => ViewId::Recommendations,
            Target::Quote(_) | Target::Document(_) | Target::Passage(_) => ViewId::Documents,
            Target::Code(_) => ViewId::Codebook,
        }
    }
}

/// What a view's update asks of the app, besides its own state.
#[derive(Debug, Default)]
pub struct Outcome {
    pub changed: bool,
    pub jump: Option<Target>,
    pub status: Option<String>,
    /// A store read or write that failed, worded by the app in the
    /// interface's language.
    pub failed: Option<StoreError>,
}

impl Outcome {
    pub fn changed(changed: bool) -> Outcome {
        Outcome {
            changed,
            ..Default::default()
        }
    }

    /// A change on screen with a message for the status bar.
    pub fn said(msg: String) -> Outcome {
        Outcome {
            changed: true,
            status: Some(msg),
            ..Default::default()
        }
    }

    /// A store read or write that failed: a change on screen, with the
    /// error for the status bar.
    pub fn failed(e: StoreError) -> Outcome {
        Outcome {
            changed: true,
            failed: Some(e),
            ..Default::default()
        }
    }

    /// What a store read or write came to: changed or not, or an error for
    /// the status bar (which is itself a change on screen).
    pub fn of(result: Result<bool, StoreError>) -> Outcome {
        match result {
            Ok(changed) => Outcome::changed(changed),
            Err(e) => Outcome::failed(e),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Search,
    /// A picker or a prompt: keys are typed.
    Typing,
    /// A numbered list.
    Choosing,
    /// A yes or no.
    Confirming,
}

/// Moves a selection within `len` items by an action; the new index, or
/// `None` when the action is not a movement.
pub fn moved(selected: usize, len: usize, action: Action, page: usize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let last = len - 1;
    Some(match action {
        Action::Up => selected.saturating_sub(1),
        Action::Down => (selected + 1).min(last),
        Action::PageUp => selected.saturating_sub(page),
        Action::PageDown => (selected + page).min(last),
        Action::First => 0,
        Action::Last => last,
        _ => return None,
    })
}

/// Rows a page-key moves.
pub const PAGE: usize = 10;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_tab_go_round_the_views() {
        assert_eq!(ViewId::from_digit(3), Some(ViewId::Findings));
        assert_eq!(ViewId::from_digit(0), None);
        assert_eq!(ViewId::from_digit(6), Some(ViewId::Codebook));
        assert_eq!(ViewId::from_digit(7), Some(ViewId::Tables));
        assert_eq!(ViewId::from_digit(8), None);
        assert_eq!(ViewId::Codebook.step(1), ViewId::Tables);
        assert_eq!(ViewId::Tables.step(1), ViewId::Cohorts);
        assert_eq!(ViewId::Cohorts.step(-1), ViewId::Tables);
        assert_eq!(ViewId::Survey.digit(), 2);
    }

    #[test]
    fn moving_stays_within_the_list() {
        assert_eq!(moved(0, 5, Action::Up, PAGE), Some(0));
        assert_eq!(moved(4, 5, Action::Down, PAGE), Some(4));
        assert_eq!(moved(2, 50, Action::PageDown, PAGE), Some(12));
        assert_eq!(moved(2, 5, Action::Last, PAGE), Some(4));
        assert_eq!(moved(2, 0, Action::Down, PAGE), None);
        assert_eq!(moved(2, 5, Action::Enter, PAGE), None);
    }
}
