//! Every text the user reads, behind one interface: [`Strings`] and its
//! supertraits ([`Coding`], [`Exchange`], [`Forms`], [`Keys`], [`Messages`], [`Refusals`]), one folder per language
//! (`en/`, `he/`) with a file per trait. A language is one more folder that
//! implements them; the compiler lists what it lacks. [`Lang`] derefs to its
//! strings, so a call reads `lang.cohort(label)`; the supertraits' methods
//! are called the same way.

mod en;
mod exchange;
mod he;
mod report;
mod survey;

pub use exchange::Exchange;
pub use survey::{Surveys, figure};

use crate::domain::HitKind;
use crate::domain::{Act, DocumentKind};
use crate::domain::{Fault, Problem};
use crate::domain::{InstrumentKind, Phase, SessionKind, Uptake};
use crate::interchange::tables::Words;
use crate::interchange::transcript::ImportError;
use crate::lang::Lang;
use crate::store::{Refusal, StoreError};
use crate::tui::action::ViewId;
use crate::tui::keys::Names;
use crate::tui::keys::{Help, Hint};
use crate::tui::popups::{ChooseFor, PickFor};
use crate::tui::views::tables::TableKind;

impl std::ops::Deref for Lang {
    type Target = dyn Strings;

    fn deref(&self) -> &(dyn Strings + 'static) {
        match self {
            Lang::En => &en::En,
            Lang::He => &he::He,
        }
    }
}

/// The interface's words in one language: the views' own here, the rest
/// in the supertraits, each in its own file per language.
pub trait Strings: Coding + Exchange + Forms + Keys + Messages + Refusals + Surveys {
    fn app_name(&self) -> &'static str;

    fn cohort(&self, label: &str) -> String;

    fn people(&self, n: Option<u32>) -> String;

    fn dates(&self, start: Option<&str>, end: Option<&str>) -> String;

    fn participants(&self, n: Option<u32>) -> String;

    fn meetings(&self) -> &'static str;

    fn instruments(&self) -> &'static str;

    fn none_recorded(&self) -> &'static str;

    fn days(&self, d: u32) -> String;

    fn short_days(&self, d: u32) -> String;

    /// A session counted among the meetings of the one numbered `ordinal`.
    fn counted_in(&self, ordinal: u32) -> String;

    /// Meetings of a kind that are counted among those of another kind.
    fn among_the_meetings(&self) -> &'static str;

    /// Beside the list of recommendations: its marks are uptake as judged
    /// in the store.
    fn uptake_judged_here(&self) -> &'static str;

    /// Under a recommendation's uptake: whose judgement it is.
    fn uptake_is_a_judgement(&self) -> &'static str;

    fn responded(&self, r: u32, invited: u32, rate: u32) -> String;

    fn took_part(&self, r: u32) -> String;

    /// Respondents and the response rate the source gives, without who
    /// was asked.
    fn responded_at(&self, r: u32, rate: u32) -> String;

    fn session_kind(&self, k: SessionKind) -> &'static str;

    fn instrument_kind(&self, k: InstrumentKind) -> &'static str;

    fn empty_store(&self, k: &Names) -> [String; 6];

    fn store_summary(&self, cohorts: u64, quotes: u64, findings: u64) -> String;

    fn help_title(&self, k: &Names) -> String;

    fn too_small(&self, w: u16, h: u16, min_w: u16, min_h: u16, k: &Names) -> [String; 2];

    fn new_store(&self, path: &str) -> String;

    fn view_name(&self, v: ViewId) -> &'static str;

    /// A shorter name, for a narrow tab bar.
    fn view_short(&self, v: ViewId) -> &'static str;

    fn phase(&self, p: Phase) -> &'static str;

    fn uptake(&self, u: Uptake) -> &'static str;

    fn hit_kind(&self, k: HitKind) -> &'static str;

    fn nothing_here(&self, v: ViewId, k: &Names) -> String;

    fn not_recoverable(&self) -> &'static str;

    fn evidence(&self) -> &'static str;

    fn no_evidence(&self) -> &'static str;

    fn quotes_of_code(&self, n: usize) -> String;

    /// A cited code's quotes in the finding's cohort, and in the others.
    fn quotes_here_and_elsewhere(&self, here: usize, elsewhere: usize) -> String;

    fn of_total(&self, shown: usize, total: usize) -> String;

    fn search_title(&self, k: &Names) -> String;

    fn search_prompt(&self, k: &Names) -> String;

    /// More matched than were ranked.
    fn search_more(&self, ranked: usize) -> String;

    fn no_hits(&self) -> &'static str;

    fn saved_uptake(&self, u: Uptake) -> String;

    fn top_box(&self) -> &'static str;

    fn printed(&self) -> &'static str;

    fn reported(&self) -> &'static str;

    fn sorted(&self) -> &'static str;

    fn aspect(&self, a: &crate::analysis::compare::Aspect) -> String;

    fn compare_hint(&self, k: &Names) -> String;

    fn in_other_cohorts(&self) -> &'static str;

    fn all_coders(&self) -> &'static str;

    fn shown(&self) -> &'static str;
}

/// The words of coding work: the reader, the documents, the codebook, the
/// tables and the popups, undo.
pub trait Coding {
    fn no_last_code(&self, k: &Names) -> String;

    fn select_first(&self, k: &Names) -> String;

    fn no_codes_here(&self) -> &'static str;

    /// Under the cursor only other coders' codings: named, not touched.
    fn not_yours(&self, coders: &str) -> String;

    fn codes_here(&self) -> &'static str;

    fn ask_coder(&self) -> &'static str;

    fn deleted(&self, codings: usize, k: &Names) -> String;

    fn merged(&self, moved: usize, collapsed: usize) -> String;

    fn applied(&self, name: &str, chars: usize, new: bool) -> String;

    fn saved(&self) -> &'static str;

    /// A write waiting for another program's to end, `secs` so far.
    fn waiting_to_write(&self, secs: u64) -> String;

    /// "saved", with what was done.
    fn saved_act(&self, act: &str) -> String;

    /// What a journaled action did, in words.
    fn act(&self, act: &Act) -> String;

    fn undone(&self, undo: bool, label: &str) -> String;

    fn nothing_to_undo(&self, undo: bool) -> &'static str;

    fn memo_title(&self) -> &'static str;

    fn new_code_title(&self) -> &'static str;

    fn rename_title(&self) -> &'static str;

    fn describe_title(&self) -> &'static str;

    fn confirm_delete(&self, name: &str, codings: usize, children: usize) -> String;

    /// Asked before a merge: both codes' paths, and how many codings move.
    fn confirm_merge(&self, from: &str, into: &str, codings: usize) -> String;

    fn yes_no(&self, k: &Names) -> String;

    fn confirm_title(&self) -> &'static str;

    fn create_code(&self, name: &str, under: Option<&str>) -> String;

    fn top_level(&self) -> &'static str;

    fn no_codes_match(&self) -> &'static str;

    fn picker_title(&self, p: PickFor, k: &Names) -> String;

    fn choose_title(&self, c: ChooseFor) -> &'static str;

    fn position(&self, at: usize, len: usize, selected: Option<usize>) -> String;

    fn coding_as(&self, coder: &str, shown: &str) -> String;

    fn document_kind(&self, k: DocumentKind) -> &'static str;

    fn document_facts(&self, cohort: &str, kind: &str, chars: usize, codings: usize) -> String;

    fn open_hint(&self, k: &Names) -> String;

    fn counts_long(&self, codings: usize, docs: usize, cohorts: usize, roles: usize) -> String;

    fn with_children(&self) -> &'static str;

    fn code_alone(&self) -> &'static str;

    fn by_cohort(&self) -> &'static str;

    fn by_role(&self) -> &'static str;

    fn no_role(&self) -> &'static str;

    fn no_quotes_for_code(&self, k: &Names) -> String;

    /// The words the tables over the codebook are headed with.
    fn table_words(&self) -> &'static Words;

    fn table_name(&self, k: TableKind) -> &'static str;

    fn empty_table(&self, t: TableKind, k: &Names) -> String;

    fn editor_keys(&self, k: &Names) -> String;

    fn nothing_to_export(&self) -> &'static str;

    /// Ctrl-o with no jump to go back along.
    fn nowhere_back(&self) -> &'static str;

    fn cell_without_quotes(&self) -> &'static str;

    fn exported(&self, md: &str, csv: &str) -> String;

    fn not_exported(&self, why: &str) -> String;

    fn two_coders_needed(&self) -> &'static str;

    /// Said when blind coding hides what was asked for.
    fn blind_coding(&self) -> &'static str;
}

/// What the keys do: the help's lines and the footer's words.
pub trait Keys {
    /// What the keys of a help line do.
    fn key_help(&self, h: Help) -> &'static str;

    /// The footer's word beside a main key.
    fn hint(&self, h: Hint) -> &'static str;
}

/// The words of the forms that write the parts of an evaluation.
pub trait Forms {
    /// A field's label, by its name in the JSON form.
    fn field(&self, key: &str) -> &'static str;

    /// "New cohort", "Edit the finding".
    fn form_title(&self, part: crate::domain::Part, new: bool) -> String;

    /// The form's keys, read from the table.
    fn form_keys(&self, k: &Names) -> String;

    /// Asked on Esc when the form has changes.
    fn drop_changes(&self, k: &Names) -> String;

    /// The forms a date takes (a hint, and a field's message).
    fn date_forms(&self) -> &'static str;

    fn not_a_count(&self) -> &'static str;

    fn not_a_percent(&self) -> &'static str;

    /// The form sectors are written in (a hint).
    fn sector_form(&self) -> &'static str;

    /// A piece of a sectors field that is not a sector and its count.
    fn not_a_sector(&self, piece: &str) -> String;

    /// Some fields do not hold: Ctrl-s saved nothing.
    fn fix_fields(&self, n: usize) -> String;

    /// Asked before deleting a part: what goes with it, what loses a link.
    fn confirm_delete_part(
        &self,
        part: crate::domain::Part,
        name: &str,
        d: &crate::store::authoring::Dependents,
        k: &Names,
    ) -> String;

    /// A finding, a recommendation, a meeting or an instrument needs a
    /// cohort to belong to, and there is none.
    fn needs_cohort(&self, k: &Names) -> String;

    /// The finding picker's title.
    fn cite_title(&self) -> &'static str;

    /// The picker's row for a new finding, its statement as typed.
    fn new_finding_row(&self, typed: &str) -> String;

    /// The piece is cited in that finding already.
    fn cited_already(&self) -> &'static str;

    /// Nothing at hand to cite: no quote under the reader's cursor, or a
    /// search hit that is not a question, a code or a quote.
    fn nothing_to_cite(&self, k: &Names) -> String;

    /// A recommendation of a program's last cohort: no later one to judge.
    fn no_later_cohort(&self) -> &'static str;

    /// The keys that set what became of a recommendation in a cohort.
    fn fate_keys(&self, k: &Names) -> String;

    /// The title of the note on what became of it in a cohort.
    fn fate_note_title(&self, cohort: &str) -> String;

    /// A part is at the end of its list already.
    fn at_the_end(&self, up: bool) -> &'static str;
}

/// What the command line prints, and the errors the command line and the
/// app report. Paths, names and the system's own reasons come in as they
/// are; the words around them are the language's.
pub trait Messages {
    /// `tovana init`: what kind of store was made, and where.
    fn created(&self, empty: bool, path: &str) -> String;

    fn imported_json(&self, file: &str, store: &str) -> String;

    /// `tovana import transcript`: the new document, its cohort and turns;
    /// `one_per_line` when the file had no blank lines.
    fn imported_transcript(
        &self,
        file: &str,
        document: i64,
        cohort: &str,
        turns: usize,
        one_per_line: bool,
    ) -> String;

    /// The name of a row of `tovana stats`, given its key (`cohorts`, …).
    fn entity(&self, key: &str) -> String;

    /// The default store is not there yet.
    fn no_store_yet(&self, path: &str) -> String;

    /// The store named with `--db` is not there.
    fn no_such_store(&self, path: &str) -> String;

    fn cannot_read(&self, path: &str, why: &str) -> String;

    fn cannot_write(&self, path: &str, why: &str) -> String;

    fn not_a_file_name(&self, path: &str) -> String;

    fn standard_output(&self, why: &str) -> String;

    fn not_utf8(&self, file: &str, line: usize, byte: usize) -> String;

    /// The file's data breaks the store's rules; each problem names its field.
    fn not_valid(&self, file: &str, problems: &[Problem]) -> String;

    /// The name given when asked could not be written to the config file.
    fn coder_not_kept(&self, why: &str) -> String;

    /// `flag` is how the coder was named: `--by`, or `coder` for an argument.
    fn no_such_coder(&self, flag: &str, name: &str, known: &[&str]) -> String;

    fn no_such_code(&self, key: &str) -> String;

    /// Several codes have the name; their paths tell them apart.
    fn ambiguous_code(&self, key: &str, paths: &[String]) -> String;

    fn no_such_cohort(&self, key: &str) -> String;

    fn no_data_folder(&self) -> &'static str;

    /// Where in the settings file: its path and line.
    fn config_line(&self, path: &str, line: usize) -> String;

    fn not_key_value(&self, at: &str, line: &str) -> String;

    /// A setting's value is none of those `allowed`.
    fn setting_value(&self, at: &str, key: &str, value: &str, allowed: &[&str]) -> String;

    fn coder_needs_name(&self, at: &str) -> String;

    fn unknown_setting(&self, at: &str, key: &str, known: &[&str]) -> String;

    /// An environment variable's value is none of those `allowed`.
    fn env_value(&self, var: &str, value: &str, allowed: &[&str]) -> String;

    fn no_config_folder(&self) -> &'static str;

    /// The terminal failed.
    fn terminal_error(&self, why: &str) -> String;
}

/// Why something was not done: the store's refusals and errors, a data
/// field's fault, a transcript that does not read. The app's status bar and
/// the command line both word them here.
pub trait Refusals {
    /// What is wrong with a field of data (after its path).
    fn fault(&self, f: &Fault) -> String;

    /// What the store will not do, and why.
    fn refusal(&self, r: &Refusal) -> String;

    /// What the store said no to, in words.
    fn store_error(&self, e: &StoreError) -> String;

    /// Why a transcript was not imported: the file, the line and what is
    /// wrong there, or the option at fault.
    fn transcript_error(&self, e: &ImportError) -> String;
}
