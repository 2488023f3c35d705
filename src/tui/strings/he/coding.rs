//! The words of coding work in Hebrew: the reader, the documents, the
//! codebook, the tables and the popups, undo.

use super::He;
use crate::domain::{Act, DocumentKind};
use crate::interchange::tables::Words;
use crate::lang::Lang;
use crate::tui::action::{Action, ViewId};
use crate::tui::keys::Names;
use crate::tui::popups::{ChooseFor, PickFor};
use crate::tui::strings::{Coding, Strings};
use crate::tui::views::tables::TableKind;

/// The tables' titles and headings.
const WORDS: Words = Words {
    code: "קוד",
    total: "סה״כ",
    overall: "כל הקודים",
    no_role: "(ללא תפקיד)",
    all_coders: "כל המקודדים",
    all_documents: "כל המסמכים",
    shared_documents: "מסמכים ששניהם קודדו",
    quotes_by_cohort: "ציטוטים לפי קוד ומחזור",
    quotes_by_role: "ציטוטים לפי קוד ותפקיד",
    quotes_by_attribute: "ציטוטים לפי קוד ו־{}",
    no_quote_attributes: "אף ציטוט אינו תשובה פתוחה של משיב/ה: העמודות נשארות תפקידי הדוברים",
    cooccurrence: "קודים על ציטוטים חופפים",
    agreement: "הסכמה",
    quotes_of: "הציטוטים של",
    with_children: "עם קודי המשנה",
    cohort: "מחזור",
    document: "מסמך",
    role: "תפקיד",
    quote: "ציטוט",
    quotes_by: "ציטוטים",
    differ: "שונים",
    agree_chars: "תווים %",
    kappa_chars: "תווים κ",
    agree_quotes: "ציטוטים %",
    kappa_quotes: "ציטוטים κ",
    findings: "ממצאים",
    area: "תחום",
    statement: "ניסוח",
    questions: "שאלות",
    codes: "קודים",
    cited_quotes: "ציטוטים שצוטטו",
    recommendations: "המלצות",
    phase: "שלב",
    text: "נוסח",
    source: "מקור",
    in_cohort: "במחזור",
    answers: "תשובות",
    question: "שאלה",
    topic: "נושא",
    segment: "פלח",
    all_respondents: "כולם",
    not_given: "(לא צוין)",
    missing: "חסרות",
    top_box: "שיעור עליון",
    distribution: "אפשרויות",
    mean: "ממוצע",
    median: "חציון",
};

impl Coding for He {
    fn no_last_code(&self, k: &Names) -> String {
        let pick = k.in_reader(Action::PickCode);
        format!("עדיין לא הוחל קוד; {pick} בוחר קוד")
    }

    fn select_first(&self, k: &Names) -> String {
        let visual = k.in_reader(Action::Visual);
        format!("יש לבחור קודם מילים ({visual})")
    }

    fn no_codes_here(&self) -> &'static str {
        "אין קודים מתחת לסמן"
    }

    fn not_yours(&self, coders: &str) -> String {
        format!(
            "הקידוד כאן של \u{2068}{coders}\u{2069}; כל מקודד/ת מסיר/ה ומעיר/ה רק על קידודים משלו/ה"
        )
    }

    fn codes_here(&self) -> &'static str {
        "קודים כאן"
    }

    fn ask_coder(&self) -> &'static str {
        "מי מקודד/ת? (השם נשמר בהגדרות)"
    }

    fn deleted(&self, codings: usize, k: &Names) -> String {
        let undo = k.in_view(ViewId::Codebook, Action::Undo);
        format!("הקוד נמחק, ואיתו {codings} קידודים ({undo} מבטל)")
    }

    fn merged(&self, moved: usize, collapsed: usize) -> String {
        format!("מוזג: {moved} קידודים עברו, {collapsed} כפולים אוחדו")
    }

    fn applied(&self, name: &str, chars: usize, new: bool) -> String {
        match new {
            true => format!("הוחל הקוד \u{2068}{name}\u{2069} על {chars} תווים · נשמר"),
            false => format!("הקוד \u{2068}{name}\u{2069} כבר הוחל כאן"),
        }
    }

    fn saved_act(&self, act: &str) -> String {
        format!("נשמר: \u{2068}{act}\u{2069}")
    }

    fn saved(&self) -> &'static str {
        "נשמר"
    }

    fn waiting_to_write(&self, secs: u64) -> String {
        format!("ממתין {secs} שנ׳ שתוכנה אחרת תסיים לכתוב למאגר; השינוי יישמר כשתסיים")
    }

    fn act(&self, act: &Act) -> String {
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
            Act::ApplyNewCode { code } => format!("יצירת הקוד '{code}' והחלתו"),
            Act::RemoveCode { code } => format!("הסרת הקוד '{code}'"),
            Act::CodingMemo => "תזכיר על קידוד".into(),
            Act::Add { part, name } => format!("הוספת {} '{name}'", part_noun(*part)),
            Act::Edit { part, name } => format!("עריכת {} '{name}'", part_noun(*part)),
            Act::Delete { part, name } => format!("מחיקת {} '{name}'", part_noun(*part)),
            Act::Move { part, name, up } => format!(
                "העברת {} '{name}' {}",
                part_noun(*part),
                if *up { "למעלה" } else { "למטה" }
            ),
            Act::Uptake { name } => format!("מה עלה בגורל '{name}'"),
            Act::Cite { name } => format!("ראיה לממצא '{name}'"),
            Act::Uncite { name } => format!("הוצאת ראיה מהממצא '{name}'"),
            Act::Other(s) => s.clone(),
        }
    }

    fn undone(&self, undo: bool, label: &str) -> String {
        let mark = Lang::He.mark();
        match undo {
            true => format!("בוטל: {label}{mark}"),
            false => format!("שוחזר: {label}{mark}"),
        }
    }

    fn nothing_to_undo(&self, undo: bool) -> &'static str {
        match undo {
            true => "אין מה לבטל",
            false => "אין מה לשחזר",
        }
    }

    fn memo_title(&self) -> &'static str {
        "תזכיר"
    }

    fn new_code_title(&self) -> &'static str {
        "שם הקוד החדש"
    }

    fn rename_title(&self) -> &'static str {
        "שם חדש לקוד"
    }

    fn describe_title(&self) -> &'static str {
        "תיאור הקוד"
    }

    fn confirm_delete(&self, name: &str, codings: usize, children: usize) -> String {
        format!(
            "למחוק את הקוד \u{2068}{name}\u{2069}? {codings} קידודים יימחקו איתו; {children} קודי משנה יעלו רמה."
        )
    }

    fn confirm_merge(&self, from: &str, into: &str, codings: usize) -> String {
        format!(
            "למזג את \u{2068}{from}\u{2069} לתוך \u{2068}{into}\u{2069}? {codings} הקידודים שלו יעברו אליו, והוא יימחק."
        )
    }

    fn yes_no(&self, k: &Names) -> String {
        let yes = k.key(Action::Yes);
        let no = k.keys(Action::Back);
        format!("{yes} כן · {} לא", no.join(" או "))
    }

    fn confirm_title(&self) -> &'static str {
        "אישור"
    }

    fn create_code(&self, name: &str, under: Option<&str>) -> String {
        match under {
            Some(u) => format!("+ קוד חדש: \u{2068}{name}\u{2069} תחת \u{2068}{u}\u{2069}"),
            None => format!("+ קוד חדש: {name}"),
        }
    }

    fn top_level(&self) -> &'static str {
        "(הרמה העליונה)"
    }

    fn no_codes_match(&self) -> &'static str {
        "אין קוד מתאים"
    }

    fn picker_title(&self, p: PickFor, k: &Names) -> String {
        let enter = k.key(Action::Enter);
        match p {
            PickFor::Apply => format!("קוד להחלה — הקלדה מסננת, {enter} מחיל"),
            PickFor::MoveUnder(_) => "להעביר תחת".into(),
            PickFor::MergeInto(_) => "למזג לתוך".into(),
        }
    }

    fn choose_title(&self, c: ChooseFor) -> &'static str {
        match c {
            ChooseFor::Recent => "קודים אחרונים — ספרה מחילה",
            ChooseFor::Remove => "איזה קידוד להסיר?",
            ChooseFor::Memo => "תזכיר על איזה קידוד?",
            ChooseFor::CoderA => "הסכמה: המקודד/ת הראשון/ה",
            ChooseFor::CoderB(_) => "הסכמה: המקודד/ת השני/ה",
            ChooseFor::SurveyFilter => "לספור רק את המשיבים ש…",
        }
    }

    fn position(&self, at: usize, len: usize, selected: Option<usize>) -> String {
        match selected {
            Some(n) => format!("תו {} מתוך {len} · נבחרו {n}", at + 1),
            None => format!("תו {} מתוך {len}", at + 1),
        }
    }

    fn coding_as(&self, coder: &str, shown: &str) -> String {
        format!("מקודד/ת: \u{2068}{coder}\u{2069} · מוצגים: \u{2068}{shown}\u{2069}")
    }

    fn document_kind(&self, k: DocumentKind) -> &'static str {
        match k {
            DocumentKind::Transcript => "תמליל",
            DocumentKind::OpenEnded => "תשובות פתוחות",
            DocumentKind::FieldNotes => "רשימות שדה",
        }
    }

    fn document_facts(&self, cohort: &str, kind: &str, chars: usize, codings: usize) -> String {
        {
            format!("מחזור \u{2068}{cohort}\u{2069} · {kind} · {chars} תווים · {codings} קידודים")
        }
    }

    fn open_hint(&self, k: &Names) -> String {
        let (open, help) = (k.key(Action::Enter), k.key(Action::ToggleHelp));
        format!("{open} פותח לקריאה ולקידוד; {help} מראה את המקשים.")
    }

    fn counts_long(&self, codings: usize, docs: usize, cohorts: usize, roles: usize) -> String {
        {
            format!("{codings} קידודים · {docs} מסמכים · {cohorts} מחזורים · {roles} תפקידים")
        }
    }

    fn with_children(&self) -> &'static str {
        "כולל קודי המשנה"
    }

    fn code_alone(&self) -> &'static str {
        "הקוד לבדו"
    }

    fn by_cohort(&self) -> &'static str {
        "ציטוטים לפי מחזור"
    }

    fn by_role(&self) -> &'static str {
        "ציטוטים לפי תפקיד"
    }

    fn no_role(&self) -> &'static str {
        "(ללא תפקיד)"
    }

    fn no_quotes_for_code(&self, k: &Names) -> String {
        let children = k.in_view(ViewId::Codebook, Action::ToggleChildren);
        {
            format!("לקוד הזה אין עדיין ציטוטים. {children} מוסיף את ציטוטי קודי המשנה.")
        }
    }

    fn table_words(&self) -> &'static Words {
        &WORDS
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
                "להשוואה צריך שני מקודדים. כל קידוד נרשם על שם המקודד/ת (--coder).".into()
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
        format!("{enter} פסקה חדשה · {save} שמירה · {cancel} ביטול")
    }

    fn nothing_to_export(&self) -> &'static str {
        "אין כאן טבלה לייצא"
    }

    fn nowhere_back(&self) -> &'static str {
        "אין קפיצה לחזור ממנה"
    }

    fn cell_without_quotes(&self) -> &'static str {
        "בתא הזה אין ציטוטים לפתוח."
    }

    fn exported(&self, md: &str, csv: &str) -> String {
        format!("נכתבו \u{2066}{md}\u{2069} ו־\u{2066}{csv}\u{2069}")
    }

    fn not_exported(&self, why: &str) -> String {
        format!("הייצוא נכשל: {why}")
    }

    fn blind_coding(&self) -> &'static str {
        "קידוד עיוור: מוצגים רק הקידודים והספירות שלך (--blind)"
    }

    fn two_coders_needed(&self) -> &'static str {
        "להשוואה צריך לפחות שני מקודדים"
    }
}

/// A part with its article, as an act names it.
pub(super) fn part_noun(part: crate::domain::Part) -> &'static str {
    use crate::domain::Part;
    match part {
        Part::Program => "התוכנית",
        Part::Cohort => "המחזור",
        Part::Meeting => "המפגש",
        Part::Instrument => "כלי המחקר",
        Part::Finding => "הממצא",
        Part::Recommendation => "ההמלצה",
    }
}
