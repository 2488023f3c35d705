//! The interface in English.

mod coding;
mod exchange;
mod forms;
mod keys;
mod messages;
mod refusals;
mod survey;

use super::Strings;
use crate::domain::HitKind;
use crate::domain::{InstrumentKind, Phase, SessionKind, Uptake};
use crate::tui::action::{Action, ViewId};
use crate::tui::keys::Names;

pub struct En;

impl Strings for En {
    fn app_name(&self) -> &'static str {
        "tovana"
    }

    fn cohort(&self, label: &str) -> String {
        format!("Cohort \u{2068}{label}\u{2069}")
    }

    fn people(&self, n: Option<u32>) -> String {
        match n {
            Some(n) => format!("{n:>3} people"),
            None => "  — people".into(),
        }
    }

    fn dates(&self, start: Option<&str>, end: Option<&str>) -> String {
        match (start, end) {
            (Some(s), Some(e)) => format!("{s} – {e}"),
            (Some(s), None) => format!("from {s}"),
            (None, Some(e)) => format!("until {e}"),
            (None, None) => "dates not given".into(),
        }
    }

    fn participants(&self, n: Option<u32>) -> String {
        match n {
            Some(n) => format!("Participants: {n}"),
            None => "Participants: not given".into(),
        }
    }

    fn meetings(&self) -> &'static str {
        "Meetings"
    }

    fn instruments(&self) -> &'static str {
        "Instruments"
    }

    fn none_recorded(&self) -> &'static str {
        "none recorded"
    }

    fn days(&self, d: u32) -> String {
        format!("{d} days")
    }

    fn short_days(&self, d: u32) -> String {
        format!("{d}d")
    }

    fn counted_in(&self, ordinal: u32) -> String {
        format!("in {ordinal}.")
    }

    fn among_the_meetings(&self) -> &'static str {
        "among the meetings"
    }

    fn uptake_judged_here(&self) -> &'static str {
        "uptake as judged here"
    }

    fn uptake_is_a_judgement(&self) -> &'static str {
        "Uptake is judged in this store by whoever keeps it; the reports do not give it."
    }

    fn responded(&self, r: u32, invited: u32, rate: u32) -> String {
        format!("{r} of {invited} ({rate}%)")
    }

    fn took_part(&self, r: u32) -> String {
        format!("{r} took part")
    }

    fn responded_at(&self, r: u32, rate: u32) -> String {
        format!("{r} responded ({rate}%)")
    }

    fn session_kind(&self, k: SessionKind) -> &'static str {
        match k {
            SessionKind::InPerson => "in-person",
            SessionKind::Online => "online",
            SessionKind::StudyTour => "study tour",
            SessionKind::Closing => "closing",
            SessionKind::AlumniNetwork => "alumni network",
            SessionKind::Other => "other",
        }
    }

    fn instrument_kind(&self, k: InstrumentKind) -> &'static str {
        match k {
            InstrumentKind::Questionnaire => "questionnaire",
            InstrumentKind::Interview => "interviews",
            InstrumentKind::Observation => "observation",
            InstrumentKind::FocusGroup => "focus group",
        }
    }

    fn empty_store(&self, k: &Names) -> [String; 6] {
        let quit = k.key(Action::Quit);
        let new = k.in_view(ViewId::Cohorts, Action::NewItem);
        let program = k.in_view(ViewId::Cohorts, Action::EditProgram);
        [
            format!(
                "This store holds no cohorts yet: {new} adds the first, {program} names the program."
            ),
            "Or, from the command line:".into(),
            "  tovana import json FILE --db PATH    read a store exported as JSON".into(),
            "  tovana init --db NEW.sqlite          make a new store with the demo data".into(),
            "".into(),
            format!("Press {quit} to quit."),
        ]
    }

    fn store_summary(&self, cohorts: u64, quotes: u64, findings: u64) -> String {
        format!("{cohorts} cohorts · {quotes} quotes · {findings} findings")
    }

    fn help_title(&self, k: &Names) -> String {
        let (toggle, back) = (k.key(Action::ToggleHelp), k.key(Action::Back));
        format!(" Keys — {toggle} or {back} closes ")
    }

    fn too_small(&self, w: u16, h: u16, min_w: u16, min_h: u16, k: &Names) -> [String; 2] {
        let quit = k.key(Action::Quit);
        [
            format!("The terminal is {w}×{h}; tovana needs at least {min_w}×{min_h}."),
            format!("Make the window larger, or press {quit} to quit."),
        ]
    }

    fn new_store(&self, path: &str) -> String {
        format!("new store from the demo: {path}")
    }

    fn view_name(&self, v: ViewId) -> &'static str {
        match v {
            ViewId::Cohorts => "Cohorts",
            ViewId::Survey => "Survey",
            ViewId::Findings => "Findings",
            ViewId::Recommendations => "Recommendations",
            ViewId::Documents => "Documents",
            ViewId::Codebook => "Codebook",
            ViewId::Tables => "Tables",
        }
    }

    fn view_short(&self, v: ViewId) -> &'static str {
        match v {
            ViewId::Recommendations => "Recs",
            ViewId::Documents => "Docs",
            ViewId::Codebook => "Codes",
            other => self.view_name(other),
        }
    }

    fn phase(&self, p: Phase) -> &'static str {
        match p {
            Phase::Before => "before the program",
            Phase::During => "during the program",
            Phase::Links => "links between bodies",
            Phase::Other => "other",
        }
    }

    fn uptake(&self, u: Uptake) -> &'static str {
        match u {
            Uptake::TakenUp => "taken up",
            Uptake::Partly => "partly",
            Uptake::Not => "not taken up",
            Uptake::Unknown => "unknown",
        }
    }

    fn hit_kind(&self, k: HitKind) -> &'static str {
        match k {
            HitKind::Finding => "Findings",
            HitKind::Recommendation => "Recommendations",
            HitKind::Quote => "Quotes",
            HitKind::Question => "Questions",
            HitKind::Session => "Sessions",
            HitKind::Code => "Codes",
            HitKind::Document => "Documents",
            HitKind::Passage => "Text outside quotes",
            HitKind::Respondent => "Respondents",
        }
    }

    fn nothing_here(&self, v: ViewId, k: &Names) -> String {
        let pick = k.in_reader(Action::PickCode);
        match v {
            ViewId::Cohorts => format!(
                "The store holds no cohorts. {} adds one.",
                k.in_view(v, Action::NewItem)
            ),
            ViewId::Survey => format!(
                "No questions yet. {} in Cohorts adds an instrument; its questions come with tovana import json FILE.",
                k.in_view(ViewId::Cohorts, Action::NewInstrument)
            ),
            ViewId::Findings => format!(
                "No findings yet. {} adds one.",
                k.in_view(v, Action::NewItem)
            ),
            ViewId::Recommendations => format!(
                "No recommendations yet. {} adds one.",
                k.in_view(v, Action::NewItem)
            ),
            ViewId::Documents => {
                "No documents yet. To add one: tovana import transcript FILE --cohort C".into()
            }
            ViewId::Codebook => {
                let new = k.in_view(ViewId::Codebook, Action::NewTopCode);
                format!(
                    "No codes yet. {new} creates one; {pick} in the document reader creates and applies."
                )
            }
            ViewId::Tables => {
                let docs = k.view_key(ViewId::Documents);
                format!("No codings yet. {pick} in the document reader ({docs}) applies a code.")
            }
        }
    }

    fn not_recoverable(&self) -> &'static str {
        "This item's figures cannot be read from the source without doubt."
    }

    fn evidence(&self) -> &'static str {
        "Evidence"
    }

    fn no_evidence(&self) -> &'static str {
        "No evidence is linked to this finding."
    }

    fn quotes_here_and_elsewhere(&self, here: usize, elsewhere: usize) -> String {
        match elsewhere {
            0 => format!("{here} quotes of this cohort"),
            n => format!("{here} quotes of this cohort · {n} in other cohorts"),
        }
    }

    fn quotes_of_code(&self, n: usize) -> String {
        match n {
            1 => "1 quote".into(),
            n => format!("{n} quotes"),
        }
    }

    fn of_total(&self, shown: usize, total: usize) -> String {
        format!("{shown} of {total}")
    }

    fn search_title(&self, k: &Names) -> String {
        let (jump, close) = (k.key(Action::Enter), k.key(Action::Back));
        format!(" Search — {jump} jumps, {close} closes ")
    }

    fn search_prompt(&self, k: &Names) -> String {
        format!(
            "Type words in Hebrew or English ({}: the last search)",
            k.key(Action::Up)
        )
    }

    fn search_more(&self, ranked: usize) -> String {
        format!("More than {ranked} match: the best of the first {ranked}. More words narrow it.")
    }

    fn no_hits(&self) -> &'static str {
        "Nothing found."
    }

    fn saved_uptake(&self, u: Uptake) -> String {
        format!("saved: {}", self.uptake(u))
    }

    fn top_box(&self) -> &'static str {
        "top box"
    }

    fn printed(&self) -> &'static str {
        "as printed"
    }

    fn reported(&self) -> &'static str {
        "as reported"
    }

    fn sorted(&self) -> &'static str {
        "sorted by top box"
    }

    fn aspect(&self, a: &crate::analysis::compare::Aspect) -> String {
        use crate::analysis::compare::Aspect;
        match a {
            Aspect::Participants => "participants".into(),
            Aspect::Sectors => "by sector".into(),
            Aspect::Meetings(k) => self.session_kind(*k).into(),
            Aspect::Tours => "study tour to".into(),
            Aspect::Instruments(k) => self.instrument_kind(*k).into(),
            Aspect::After => "after the end".into(),
        }
    }

    fn compare_hint(&self, k: &Names) -> String {
        let (down, up) = (k.letter(Action::Down), k.letter(Action::Up));
        let compare = k.key(Action::Compare);
        {
            format!(
                "Select another cohort with {down}/{up} to compare; {compare} ends the comparison."
            )
        }
    }

    fn in_other_cohorts(&self) -> &'static str {
        "The same question in other cohorts"
    }

    fn all_coders(&self) -> &'static str {
        "all coders"
    }

    fn shown(&self) -> &'static str {
        "showing the codings of"
    }
}
