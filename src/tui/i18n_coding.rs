//! The interface's words for coding: the reader, the codebook, the windows
//! they open.

use super::action::Action;
use super::action::ViewId;
use super::keys::Names;
use super::popups::{ChooseFor, PickFor};
use super::views::tables::TableKind;
use crate::domain::{Act, DocumentKind};
use crate::interchange::tables::Words;
use crate::lang::Lang;

impl Lang {
    pub fn all_coders(self) -> &'static str {
        self.pick("כל המקודדים", "all coders")
    }

    pub fn shown(self) -> &'static str {
        self.pick("מוצגים קידודים של", "showing the codings of")
    }

    pub fn no_last_code(self, k: &Names) -> String {
        let pick = k.in_reader(Action::PickCode);
        match self {
            Lang::He => format!("עדיין לא הוחל קוד; {pick} בוחר קוד"),
            Lang::En => format!("no code applied yet; {pick} picks one"),
        }
    }

    pub fn select_first(self, k: &Names) -> String {
        let visual = k.in_reader(Action::Visual);
        match self {
            Lang::He => format!("יש לבחור קודם מילים ({visual})"),
            Lang::En => format!("select some words first ({visual})"),
        }
    }

    pub fn no_codes_here(self) -> &'static str {
        self.pick("אין קודים מתחת לסמן", "no codes under the cursor")
    }

    pub fn codes_here(self) -> &'static str {
        self.pick("קודים כאן", "Codes here")
    }

    pub fn ask_coder(self) -> &'static str {
        self.pick(
            "מי מקודד/ת? (השם נשמר בהגדרות)",
            "Who is coding? (the name is kept in the config)",
        )
    }

    pub fn deleted(self, codings: usize, k: &Names) -> String {
        let undo = k.in_view(ViewId::Codebook, Action::Undo);
        match self {
            Lang::He => format!("הקוד נמחק, ואיתו {codings} קידודים ({undo} מבטל)"),
            Lang::En => format!("code deleted, with {codings} codings ({undo} undoes)"),
        }
    }

    pub fn merged(self, moved: usize, collapsed: usize) -> String {
        match self {
            Lang::He => format!("מוזג: {moved} קידודים עברו, {collapsed} כפולים אוחדו"),
            Lang::En => format!("merged: {moved} codings moved, {collapsed} duplicates collapsed"),
        }
    }

    pub fn applied(self, name: &str, chars: usize, new: bool) -> String {
        let mark = self.mark();
        match (self, new) {
            (Lang::He, true) => format!("הוחל הקוד {name}{mark} על {chars} תווים · נשמר"),
            (Lang::He, false) => format!("הקוד {name}{mark} כבר הוחל כאן"),
            (Lang::En, true) => format!("applied {name}{mark} to {chars} characters · saved"),
            (Lang::En, false) => format!("{name}{mark} was already applied here"),
        }
    }

    pub fn saved(self) -> &'static str {
        self.pick("נשמר", "saved")
    }

    /// What a journaled action did, in words.
    pub fn act(self, act: &Act) -> String {
        if self == Lang::En {
            return act.english();
        }
        match act {
            Act::CreateCode { code } => format!("יצירת הקוד '{code}'"),
            Act::RenameCode { code, to } => format!("שינוי שם הקוד '{code}' ל־'{to}'"),
            Act::ColourCode { code, colour } => format!("צבע הקוד '{code}' ({colour})"),
            Act::DescribeCode { code } => format!("תיאור הקוד '{code}'"),
            Act::CodeMemo { code } => format!("תזכיר על הקוד '{code}'"),
            Act::MoveCode {
                code,
                under: Some(p),
            } => format!("העברת הקוד '{code}' אל תחת '{p}'"),
            Act::MoveCode { code, under: None } => format!("העברת הקוד '{code}' לרמה העליונה"),
            Act::DeleteCode { code } => format!("מחיקת הקוד '{code}'"),
            Act::MergeCode { code, into } => format!("מיזוג הקוד '{code}' לתוך '{into}'"),
            Act::ApplyCode { code } => format!("החלת הקוד '{code}'"),
            Act::RemoveCode { code } => format!("הסרת הקוד '{code}'"),
            Act::CodingMemo => "תזכיר על קידוד".into(),
            Act::Other(s) => s.clone(),
        }
    }

    pub fn undone(self, undo: bool, label: &str) -> String {
        let mark = self.mark();
        match (self, undo) {
            (Lang::He, true) => format!("בוטל: {label}{mark}"),
            (Lang::He, false) => format!("שוחזר: {label}{mark}"),
            (Lang::En, true) => format!("undone: {label}{mark}"),
            (Lang::En, false) => format!("redone: {label}{mark}"),
        }
    }

    pub fn nothing_to_undo(self, undo: bool) -> &'static str {
        match undo {
            true => self.pick("אין מה לבטל", "nothing to undo"),
            false => self.pick("אין מה לשחזר", "nothing to redo"),
        }
    }

    pub fn memo_title(self) -> &'static str {
        self.pick("תזכיר", "Memo")
    }

    pub fn new_code_title(self) -> &'static str {
        self.pick("שם הקוד החדש", "Name of the new code")
    }

    pub fn rename_title(self) -> &'static str {
        self.pick("שם חדש לקוד", "New name of the code")
    }

    pub fn describe_title(self) -> &'static str {
        self.pick("תיאור הקוד", "Description of the code")
    }

    pub fn confirm_delete(self, name: &str, codings: usize, children: usize) -> String {
        let mark = self.mark();
        match self {
            Lang::He => format!(
                "למחוק את הקוד {name}{mark}? {codings} קידודים יימחקו איתו; {children} קודי משנה יעלו רמה."
            ),
            Lang::En => format!(
                "Delete the code {name}{mark}? {codings} codings go with it; {children} child codes move up."
            ),
        }
    }

    pub fn yes_no(self, k: &Names) -> String {
        let yes = k.key(Action::Yes);
        let no = k.keys(Action::Back);
        match self {
            Lang::He => format!("{yes} כן · {} לא", no.join(" או ")),
            Lang::En => format!("{yes} yes · {} no", no.join(" or ")),
        }
    }

    pub fn confirm_title(self) -> &'static str {
        self.pick("אישור", "Confirm")
    }

    pub fn create_code(self, name: &str, under: Option<&str>) -> String {
        let mark = self.mark();
        match (self, under) {
            (Lang::He, Some(u)) => format!("+ קוד חדש: {name}{mark} תחת {u}"),
            (Lang::He, None) => format!("+ קוד חדש: {name}"),
            (Lang::En, Some(u)) => format!("+ new code: {name}{mark} under {u}"),
            (Lang::En, None) => format!("+ new code: {name}"),
        }
    }

    pub fn top_level(self) -> &'static str {
        self.pick("(הרמה העליונה)", "(the top level)")
    }

    pub fn no_codes_match(self) -> &'static str {
        self.pick("אין קוד מתאים", "no code matches")
    }

    pub fn picker_title(self, p: PickFor, k: &Names) -> String {
        let enter = k.key(Action::Enter);
        match (p, self) {
            (PickFor::Apply, Lang::He) => format!("קוד להחלה — הקלדה מסננת, {enter} מחיל"),
            (PickFor::Apply, Lang::En) => {
                format!("Code to apply — type to filter, {enter} applies")
            }
            (PickFor::MoveUnder(_), _) => self.pick("להעביר תחת", "Move under").into(),
            (PickFor::MergeInto(_), _) => self.pick("למזג לתוך", "Merge into").into(),
        }
    }

    pub fn choose_title(self, c: ChooseFor) -> &'static str {
        match c {
            ChooseFor::Recent => self.pick(
                "קודים אחרונים — ספרה מחילה",
                "Recent codes — a digit applies",
            ),
            ChooseFor::Remove => self.pick("איזה קידוד להסיר?", "Remove which coding?"),
            ChooseFor::Memo => self.pick("תזכיר על איזה קידוד?", "Memo on which coding?"),
            ChooseFor::CoderA => {
                self.pick("הסכמה: המקודד/ת הראשון/ה", "Agreement: the first coder")
            }
            ChooseFor::CoderB(_) => {
                self.pick("הסכמה: המקודד/ת השני/ה", "Agreement: the second coder")
            }
        }
    }

    pub fn position(self, at: usize, len: usize, selected: Option<usize>) -> String {
        match (self, selected) {
            (Lang::He, Some(n)) => format!("תו {} מתוך {len} · נבחרו {n}", at + 1),
            (Lang::He, None) => format!("תו {} מתוך {len}", at + 1),
            (Lang::En, Some(n)) => format!("character {} of {len} · {n} selected", at + 1),
            (Lang::En, None) => format!("character {} of {len}", at + 1),
        }
    }

    pub fn coding_as(self, coder: &str, shown: &str) -> String {
        let mark = self.mark();
        match self {
            Lang::He => format!("מקודד/ת: {coder}{mark} · מוצגים: {shown}"),
            Lang::En => format!("coding as {coder}{mark} · showing {shown}"),
        }
    }

    pub fn document_kind(self, k: DocumentKind) -> &'static str {
        match k {
            DocumentKind::Transcript => self.pick("תמליל", "transcript"),
            DocumentKind::OpenEnded => self.pick("תשובות פתוחות", "open-ended answers"),
            DocumentKind::FieldNotes => self.pick("רשימות שדה", "field notes"),
        }
    }

    pub fn document_facts(self, cohort: &str, kind: &str, chars: usize, codings: usize) -> String {
        let mark = self.mark();
        match self {
            Lang::He => {
                format!("מחזור {cohort}{mark} · {kind} · {chars} תווים · {codings} קידודים")
            }
            Lang::En => {
                format!("cohort {cohort}{mark} · {kind} · {chars} characters · {codings} codings")
            }
        }
    }

    pub fn open_hint(self, k: &Names) -> String {
        let (open, help) = (k.key(Action::Enter), k.key(Action::ToggleHelp));
        match self {
            Lang::He => format!("{open} פותח לקריאה ולקידוד; {help} מראה את המקשים."),
            Lang::En => format!("{open} opens it to read and code; {help} shows the keys."),
        }
    }

    pub fn counts_long(self, codings: usize, docs: usize, cohorts: usize, roles: usize) -> String {
        match self {
            Lang::He => {
                format!("{codings} קידודים · {docs} מסמכים · {cohorts} מחזורים · {roles} תפקידים")
            }
            Lang::En => {
                format!("{codings} codings · {docs} documents · {cohorts} cohorts · {roles} roles")
            }
        }
    }

    pub fn with_children(self) -> &'static str {
        self.pick("כולל קודי המשנה", "with its children")
    }

    pub fn code_alone(self) -> &'static str {
        self.pick("הקוד לבדו", "the code alone")
    }

    pub fn by_cohort(self) -> &'static str {
        self.pick("ציטוטים לפי מחזור", "Quotes by cohort")
    }

    pub fn by_role(self) -> &'static str {
        self.pick("ציטוטים לפי תפקיד", "Quotes by role")
    }

    pub fn no_role(self) -> &'static str {
        self.pick("(ללא תפקיד)", "(no role)")
    }

    pub fn no_quotes_for_code(self, k: &Names) -> String {
        let children = k.in_view(ViewId::Codebook, Action::ToggleChildren);
        match self {
            Lang::He => {
                format!("לקוד הזה אין עדיין ציטוטים. {children} מוסיף את ציטוטי קודי המשנה.")
            }
            Lang::En => format!("No quotes for this code yet. {children} takes in its children's."),
        }
    }

    /// The words the tables over the codebook are headed with.
    pub fn table_words(self) -> &'static Words {
        match self {
            Lang::He => &Words::HE,
            Lang::En => &Words::EN,
        }
    }

    pub fn table_name(self, k: TableKind) -> &'static str {
        let w = self.table_words();
        match k {
            TableKind::ByCohort => w.quotes_by_cohort,
            TableKind::ByRole => w.quotes_by_role,
            TableKind::Cooccurrence => w.cooccurrence,
            TableKind::Agreement => w.agreement,
        }
    }

    pub fn empty_table(self, t: TableKind, k: &Names) -> String {
        match t {
            TableKind::Agreement => self.pick(
                "להשוואה צריך שני מקודדים. כל קידוד נרשם על שם המקודד/ת (--coder).",
                "Agreement needs two coders. Every coding is recorded under its coder (--coder).",
            ).into(),
            _ => self.nothing_here(ViewId::Tables, k),
        }
    }

    pub fn editor_keys(self, k: &Names) -> String {
        let (enter, save, cancel) = (
            k.key(Action::Enter),
            k.key(Action::Save),
            k.key(Action::Back),
        );
        match self {
            Lang::He => format!("{enter} פסקה חדשה · {save} שמירה · {cancel} ביטול"),
            Lang::En => format!("{enter} new paragraph · {save} save · {cancel} cancel"),
        }
    }

    pub fn nothing_to_export(self) -> &'static str {
        self.pick("אין כאן טבלה לייצא", "no table here to export")
    }

    pub fn cell_without_quotes(self) -> &'static str {
        self.pick(
            "בתא הזה אין ציטוטים לפתוח.",
            "This cell has no quotes to open.",
        )
    }

    pub fn exported(self, md: &str, csv: &str) -> String {
        match self {
            Lang::He => format!("נכתבו {md} ו־{csv}"),
            Lang::En => format!("wrote {md} and {csv}"),
        }
    }

    pub fn not_exported(self, why: &str) -> String {
        match self {
            Lang::He => format!("הייצוא נכשל: {why}"),
            Lang::En => format!("export failed: {why}"),
        }
    }

    pub fn two_coders_needed(self) -> &'static str {
        self.pick(
            "להשוואה צריך לפחות שני מקודדים",
            "agreement needs at least two coders",
        )
    }
}
