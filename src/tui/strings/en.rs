//! The interface in English.

use super::Strings;
use crate::domain::HitKind;
use crate::domain::{Act, DocumentKind};
use crate::domain::{InstrumentKind, Phase, SessionKind, Uptake};
use crate::interchange::tables::Words;
use crate::lang::Lang;
use crate::tui::action::{Action, ViewId};
use crate::tui::keys::Names;
use crate::tui::keys::{Help, Hint};
use crate::tui::popups::{ChooseFor, PickFor};
use crate::tui::views::tables::TableKind;

pub struct En;

impl Strings for En {
    fn app_name(&self) -> &'static str {
        "tovana"
    }

    fn cohort(&self, label: &str) -> String {
        format!("Cohort {label}")
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

    fn responded(&self, r: u32, invited: u32, rate: u32) -> String {
        format!("{r} of {invited} ({rate}%)")
    }

    fn took_part(&self, r: u32) -> String {
        format!("{r} took part")
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
        [
            "This store holds no cohorts yet.".into(),
            "".into(),
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
        }
    }

    fn nothing_here(&self, v: ViewId, k: &Names) -> String {
        let pick = k.in_reader(Action::PickCode);
        match v {
            ViewId::Cohorts => "The store holds no cohorts.".into(),
            ViewId::Survey => "No questions yet. To add them: tovana import json FILE".into(),
            ViewId::Findings => "No findings yet. To add them: tovana import json FILE".into(),
            ViewId::Recommendations => {
                "No recommendations yet. To add them: tovana import json FILE".into()
            }
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
        format!("{n} quotes")
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

    fn no_last_code(&self, k: &Names) -> String {
        let pick = k.in_reader(Action::PickCode);
        format!("no code applied yet; {pick} picks one")
    }

    fn select_first(&self, k: &Names) -> String {
        let visual = k.in_reader(Action::Visual);
        format!("select some words first ({visual})")
    }

    fn no_codes_here(&self) -> &'static str {
        "no codes under the cursor"
    }

    fn not_yours(&self, coders: &str) -> String {
        format!(
            "the coding here is \u{2068}{coders}\u{2069}'s; each coder removes and annotates only their own"
        )
    }

    fn codes_here(&self) -> &'static str {
        "Codes here"
    }

    fn ask_coder(&self) -> &'static str {
        "Who is coding? (the name is kept in the config)"
    }

    fn deleted(&self, codings: usize, k: &Names) -> String {
        let undo = k.in_view(ViewId::Codebook, Action::Undo);
        format!("code deleted, with {codings} codings ({undo} undoes)")
    }

    fn merged(&self, moved: usize, collapsed: usize) -> String {
        format!("merged: {moved} codings moved, {collapsed} duplicates collapsed")
    }

    fn applied(&self, name: &str, chars: usize, new: bool) -> String {
        match new {
            true => format!("applied \u{2068}{name}\u{2069} to {chars} characters · saved"),
            false => format!("\u{2068}{name}\u{2069} was already applied here"),
        }
    }

    fn saved(&self) -> &'static str {
        "saved"
    }

    fn saved_act(&self, act: &str) -> String {
        format!("saved: \u{2068}{act}\u{2069}")
    }

    /// The act's English words are the domain's own: the store's messages
    /// use them too.
    fn act(&self, act: &Act) -> String {
        act.english()
    }

    fn undone(&self, undo: bool, label: &str) -> String {
        let mark = Lang::En.mark();
        match undo {
            true => format!("undone: {label}{mark}"),
            false => format!("redone: {label}{mark}"),
        }
    }

    fn nothing_to_undo(&self, undo: bool) -> &'static str {
        match undo {
            true => "nothing to undo",
            false => "nothing to redo",
        }
    }

    fn memo_title(&self) -> &'static str {
        "Memo"
    }

    fn new_code_title(&self) -> &'static str {
        "Name of the new code"
    }

    fn rename_title(&self) -> &'static str {
        "New name of the code"
    }

    fn describe_title(&self) -> &'static str {
        "Description of the code"
    }

    fn confirm_delete(&self, name: &str, codings: usize, children: usize) -> String {
        format!(
            "Delete the code \u{2068}{name}\u{2069}? {codings} codings go with it; {children} child codes move up."
        )
    }

    fn confirm_merge(&self, from: &str, into: &str, codings: usize) -> String {
        format!(
            "Merge \u{2068}{from}\u{2069} into \u{2068}{into}\u{2069}? Its {codings} codings move there, and it is gone."
        )
    }

    fn yes_no(&self, k: &Names) -> String {
        let yes = k.key(Action::Yes);
        let no = k.keys(Action::Back);
        format!("{yes} yes · {} no", no.join(" or "))
    }

    fn confirm_title(&self) -> &'static str {
        "Confirm"
    }

    fn create_code(&self, name: &str, under: Option<&str>) -> String {
        match under {
            Some(u) => format!("+ new code: \u{2068}{name}\u{2069} under \u{2068}{u}\u{2069}"),
            None => format!("+ new code: {name}"),
        }
    }

    fn top_level(&self) -> &'static str {
        "(the top level)"
    }

    fn no_codes_match(&self) -> &'static str {
        "no code matches"
    }

    fn picker_title(&self, p: PickFor, k: &Names) -> String {
        let enter = k.key(Action::Enter);
        match p {
            PickFor::Apply => {
                format!("Code to apply — type to filter, {enter} applies")
            }
            PickFor::MoveUnder(_) => "Move under".into(),
            PickFor::MergeInto(_) => "Merge into".into(),
        }
    }

    fn choose_title(&self, c: ChooseFor) -> &'static str {
        match c {
            ChooseFor::Recent => "Recent codes — a digit applies",
            ChooseFor::Remove => "Remove which coding?",
            ChooseFor::Memo => "Memo on which coding?",
            ChooseFor::CoderA => "Agreement: the first coder",
            ChooseFor::CoderB(_) => "Agreement: the second coder",
        }
    }

    fn position(&self, at: usize, len: usize, selected: Option<usize>) -> String {
        match selected {
            Some(n) => format!("character {} of {len} · {n} selected", at + 1),
            None => format!("character {} of {len}", at + 1),
        }
    }

    fn coding_as(&self, coder: &str, shown: &str) -> String {
        format!("coding as \u{2068}{coder}\u{2069} · showing \u{2068}{shown}\u{2069}")
    }

    fn document_kind(&self, k: DocumentKind) -> &'static str {
        match k {
            DocumentKind::Transcript => "transcript",
            DocumentKind::OpenEnded => "open-ended answers",
            DocumentKind::FieldNotes => "field notes",
        }
    }

    fn document_facts(&self, cohort: &str, kind: &str, chars: usize, codings: usize) -> String {
        format!("cohort \u{2068}{cohort}\u{2069} · {kind} · {chars} characters · {codings} codings")
    }

    fn open_hint(&self, k: &Names) -> String {
        let (open, help) = (k.key(Action::Enter), k.key(Action::ToggleHelp));
        format!("{open} opens it to read and code; {help} shows the keys.")
    }

    fn counts_long(&self, codings: usize, docs: usize, cohorts: usize, roles: usize) -> String {
        format!("{codings} codings · {docs} documents · {cohorts} cohorts · {roles} roles")
    }

    fn with_children(&self) -> &'static str {
        "with its children"
    }

    fn code_alone(&self) -> &'static str {
        "the code alone"
    }

    fn by_cohort(&self) -> &'static str {
        "Quotes by cohort"
    }

    fn by_role(&self) -> &'static str {
        "Quotes by role"
    }

    fn no_role(&self) -> &'static str {
        "(no role)"
    }

    fn no_quotes_for_code(&self, k: &Names) -> String {
        let children = k.in_view(ViewId::Codebook, Action::ToggleChildren);
        format!("No quotes for this code yet. {children} takes in its children's.")
    }

    fn table_words(&self) -> &'static Words {
        &Words::EN
    }

    fn table_name(&self, k: TableKind) -> &'static str {
        let w = self.table_words();
        match k {
            TableKind::ByCohort => w.quotes_by_cohort,
            TableKind::ByRole => w.quotes_by_role,
            TableKind::Cooccurrence => w.cooccurrence,
            TableKind::Agreement => w.agreement,
        }
    }

    fn empty_table(&self, t: TableKind, k: &Names) -> String {
        match t {
            TableKind::Agreement => {
                "Agreement needs two coders. Every coding is recorded under its coder (--coder)."
                    .into()
            }
            _ => self.nothing_here(ViewId::Tables, k),
        }
    }

    fn editor_keys(&self, k: &Names) -> String {
        let (enter, save, cancel) = (
            k.key(Action::Enter),
            k.key(Action::Save),
            k.key(Action::Back),
        );
        format!("{enter} new paragraph · {save} save · {cancel} cancel")
    }

    fn nothing_to_export(&self) -> &'static str {
        "no table here to export"
    }

    fn cell_without_quotes(&self) -> &'static str {
        "This cell has no quotes to open."
    }

    fn exported(&self, md: &str, csv: &str) -> String {
        format!("wrote {md} and {csv}")
    }

    fn not_exported(&self, why: &str) -> String {
        format!("export failed: {why}")
    }

    fn blind_coding(&self) -> &'static str {
        "blind coding: only your own codings and counts are shown (--blind)"
    }

    fn two_coders_needed(&self) -> &'static str {
        "agreement needs at least two coders"
    }

    fn key_help(&self, h: Help) -> &'static str {
        match h {
            Help::ListDownUp => "down, up the list",
            Help::ListPage => "a page down, up",
            Help::ListEnds => "first, last item",
            Help::In => "in: to the details or the evidence",
            Help::Back => "back",
            Help::Views => "switch views",
            Help::Undo => "undo a coding action, redo",
            Help::Search => "search",
            Help::ThisHelp => "this help",
            Help::Quit => "quit",
            Help::CardFocus => "to the card, to scroll it",
            Help::Compare => "compare: pin this cohort, select another",
            Help::Figures => "counts or percentages",
            Help::SortTopBox => "sort by top box",
            Help::Uptake => "next status (saved)",
            Help::OpenDocument => "open the document to read and code",
            Help::CycleCoder => "all coders' codings, or one's",
            Help::CellLeftRight => "a cell left, right on screen",
            Help::LineDownUp => "a line, a page down, up",
            Help::TextEnds => "the document's start, end",
            Help::Words => "next word, previous, word end",
            Help::Sentences => "previous sentence, next",
            Help::Turns => "previous speaker turn, next",
            Help::Visual => "selection: start or drop",
            Help::PickCode => "code from the book (type to filter; a new name creates)",
            Help::RepeatCode => "the last code again",
            Help::RecentCodes => "recent codes, a digit applies one",
            Help::InVivo => "in vivo: the selected words as a code",
            Help::RemoveCoding => "remove a coding under the cursor",
            Help::CodingMemo => "memo on a coding",
            Help::CloseDocument => "drop the selection, close the document",
            Help::CodeQuotes => "to the code's quotes; again opens one in context",
            Help::NewCode => "new code under this one, at the top",
            Help::EditCode => "rename, describe, memo",
            Help::Colour => "next colour",
            Help::MoveMerge => "move under another code, merge into one",
            Help::DeleteCode => "delete (after asking)",
            Help::CodeChildren => "with or without its children's quotes",
            Help::ExportCode => "export the code's quotes to Markdown and CSV",
            Help::TableCell => "a cell left, right",
            Help::CellQuotes => "to the cell's quotes; again opens one in context",
            Help::NextTable => "next table: by cohort, by role, co-occurrence, agreement",
            Help::RowChildren => "a code with or without its children's quotes",
            Help::Agreement => "agreement: choose the two coders, the documents",
            Help::ExportTable => "export the table to Markdown and CSV",
        }
    }

    fn hint(&self, h: Hint) -> &'static str {
        match h {
            Hint::Search => "search",
            Hint::Help => "help",
            Hint::Quit => "quit",
            Hint::Card => "card",
            Hint::Compare => "compare",
            Hint::Figures => "figures",
            Hint::Sort => "sort",
            Hint::Uptake => "uptake",
            Hint::Evidence => "evidence",
            Hint::Open => "open",
            Hint::Coder => "coder",
            Hint::Quotes => "quotes",
            Hint::New => "new",
            Hint::Rename => "rename",
            Hint::Move => "move",
            Hint::Merge => "merge",
            Hint::Delete => "delete",
            Hint::NextTable => "next table",
            Hint::Agreement => "agreement",
            Hint::Export => "export",
            Hint::Select => "select",
            Hint::Code => "code",
            Hint::Repeat => "again",
            Hint::Remove => "remove",
            Hint::Memo => "memo",
            Hint::Close => "close",
            Hint::Cancel => "cancel",
            Hint::Choose => "choose",
            Hint::Yes => "yes",
            Hint::No => "no",
        }
    }
}
