//! The words of coding work in English: the reader, the documents, the
//! codebook, the tables and the popups, undo.

use super::En;
use crate::domain::{Act, DocumentKind};
use crate::interchange::tables::Words;
use crate::lang::Lang;
use crate::tui::action::{Action, ViewId};
use crate::tui::keys::Names;
use crate::tui::popups::{ChooseFor, PickFor};
use crate::tui::strings::{Coding, Strings};
use crate::tui::views::tables::TableKind;

impl Coding for En {
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

    fn waiting_to_write(&self, secs: u64) -> String {
        format!(
            "waiting {secs} s for another program to finish writing to the store; this will be \
             saved once it has"
        )
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
            ChooseFor::SurveyFilter => "Count only the respondents with…",
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

    fn nowhere_back(&self) -> &'static str {
        "no jump to go back along"
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
}
