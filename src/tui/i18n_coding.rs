//! The interface's words for coding: the reader, the codebook, the windows
//! they open.

use super::Lang;
use super::views::modal::{ChooseFor, PickFor};
use super::views::tables::TableKind;
use crate::domain::{Act, DocumentKind};
use crate::interchange::tables::Words;

impl Lang {
    pub fn all_coders(self) -> &'static str {
        self.pick("כל המקודדים", "all coders")
    }

    pub fn shown(self) -> &'static str {
        self.pick("מוצגים קידודים של", "showing the codings of")
    }

    pub fn no_last_code(self) -> &'static str {
        self.pick(
            "עדיין לא הוחל קוד; c בוחר קוד",
            "no code applied yet; c picks one",
        )
    }

    pub fn select_first(self) -> &'static str {
        self.pick("יש לבחור קודם מילים (v)", "select some words first (v)")
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

    pub fn deleted(self, codings: usize) -> String {
        match self {
            Lang::He => format!("הקוד נמחק, ואיתו {codings} קידודים (u מבטל)"),
            Lang::En => format!("code deleted, with {codings} codings (u undoes)"),
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

    pub fn yes_no(self) -> &'static str {
        self.pick("y כן · n או Esc לא", "y yes · n or Esc no")
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

    pub fn picker_title(self, p: PickFor) -> &'static str {
        match p {
            PickFor::Apply => self.pick(
                "קוד להחלה — הקלדה מסננת, Enter מחיל",
                "Code to apply — type to filter, Enter applies",
            ),
            PickFor::MoveUnder(_) => self.pick("להעביר תחת", "Move under"),
            PickFor::MergeInto(_) => self.pick("למזג לתוך", "Merge into"),
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

    pub fn open_hint(self) -> &'static str {
        self.pick(
            "Enter פותח לקריאה ולקידוד; ? מראה את המקשים.",
            "Enter opens it to read and code; ? shows the keys.",
        )
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

    pub fn no_quotes_for_code(self) -> &'static str {
        self.pick(
            "לקוד הזה אין עדיין ציטוטים. a מוסיף את ציטוטי קודי המשנה.",
            "No quotes for this code yet. a takes in its children's.",
        )
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

    pub fn empty_table(self, k: TableKind) -> &'static str {
        match k {
            TableKind::Agreement => self.pick(
                "להשוואה צריך שני מקודדים. כל קידוד נרשם על שם המקודד/ת (--coder).",
                "Agreement needs two coders. Every coding is recorded under its coder (--coder).",
            ),
            _ => self.nothing_here(super::views::ViewId::Tables),
        }
    }

    pub fn editor_keys(self) -> &'static str {
        self.pick(
            "Enter פסקה חדשה · Ctrl-s שמירה · Esc ביטול",
            "Enter new paragraph · Ctrl-s save · Esc cancel",
        )
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
