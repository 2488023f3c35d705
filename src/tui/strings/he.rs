//! The interface in Hebrew.

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

pub struct He;

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
};

impl Strings for He {
    fn app_name(&self) -> &'static str {
        "תובנה"
    }

    fn cohort(&self, label: &str) -> String {
        format!("מחזור {label}")
    }

    fn people(&self, n: Option<u32>) -> String {
        match n {
            Some(n) => format!("{n} משתתפים"),
            None => "— משתתפים".into(),
        }
    }

    fn dates(&self, start: Option<&str>, end: Option<&str>) -> String {
        match (start, end) {
            (Some(s), Some(e)) => format!("{s} – {e}"),
            (Some(s), None) => format!("החל מ-{s}"),
            (None, Some(e)) => format!("עד {e}"),
            (None, None) => "המועדים לא צוינו".into(),
        }
    }

    fn participants(&self, n: Option<u32>) -> String {
        match n {
            Some(n) => format!("משתתפים: {n}"),
            None => "משתתפים: לא צוין".into(),
        }
    }

    fn meetings(&self) -> &'static str {
        "מפגשים"
    }

    fn instruments(&self) -> &'static str {
        "כלי המחקר"
    }

    fn none_recorded(&self) -> &'static str {
        "לא נרשמו"
    }

    fn days(&self, d: u32) -> String {
        format!("{d} ימים")
    }

    fn short_days(&self, d: u32) -> String {
        format!("{d} ימ׳")
    }

    fn responded(&self, r: u32, invited: u32, rate: u32) -> String {
        format!("{r} מתוך {invited} ({rate}%)")
    }

    fn took_part(&self, r: u32) -> String {
        format!("{r} השתתפו")
    }

    fn session_kind(&self, k: SessionKind) -> &'static str {
        match k {
            SessionKind::InPerson => "פנים אל פנים",
            SessionKind::Online => "מקוון",
            SessionKind::StudyTour => "סיור לימודי",
            SessionKind::Closing => "אירוע סיום",
            SessionKind::AlumniNetwork => "רשת בוגרים",
            SessionKind::Other => "אחר",
        }
    }

    fn instrument_kind(&self, k: InstrumentKind) -> &'static str {
        match k {
            InstrumentKind::Questionnaire => "שאלון",
            InstrumentKind::Interview => "ראיונות",
            InstrumentKind::Observation => "תצפית",
            InstrumentKind::FocusGroup => "קבוצת מיקוד",
        }
    }

    fn empty_store(&self, k: &Names) -> [String; 6] {
        let quit = k.key(Action::Quit);
        [
            "במאגר הזה אין עדיין מחזורים.".into(),
            "".into(),
            "  tovana import json FILE --db PATH    קריאת מאגר שיוצא כ-JSON".into(),
            "  tovana init --db NEW.sqlite          מאגר חדש עם נתוני ההדגמה".into(),
            "".into(),
            format!("להקיש {quit} ליציאה."),
        ]
    }

    fn store_summary(&self, cohorts: u64, quotes: u64, findings: u64) -> String {
        format!("{cohorts} מחזורים · {quotes} ציטוטים · {findings} ממצאים")
    }

    fn help_title(&self, k: &Names) -> String {
        let (toggle, back) = (k.key(Action::ToggleHelp), k.key(Action::Back));
        format!(" מקשים — {toggle} או {back} לסגירה ")
    }

    fn too_small(&self, w: u16, h: u16, min_w: u16, min_h: u16, k: &Names) -> [String; 2] {
        let quit = k.key(Action::Quit);
        [
            // A size reads columns × rows, left to right, inside the Hebrew
            // line: each is a left-to-right isolate.
            format!(
                "גודל המסוף \u{2066}{w}×{h}\u{2069}; תובנה צריכה לפחות \u{2066}{min_w}×{min_h}\u{2069}."
            ),
            format!("יש להגדיל את החלון, או להקיש {quit} ליציאה."),
        ]
    }

    fn new_store(&self, path: &str) -> String {
        // A path reads left to right, its first slash at its start:
        // it is a left-to-right isolate inside the Hebrew line.
        format!("נוצר מאגר חדש מנתוני ההדגמה: \u{2066}{path}\u{2069}")
    }

    fn view_name(&self, v: ViewId) -> &'static str {
        match v {
            ViewId::Cohorts => "מחזורים",
            ViewId::Survey => "סקר",
            ViewId::Findings => "ממצאים",
            ViewId::Recommendations => "המלצות",
            ViewId::Documents => "מסמכים",
            ViewId::Codebook => "ספר קודים",
            ViewId::Tables => "טבלאות",
        }
    }

    fn view_short(&self, v: ViewId) -> &'static str {
        match v {
            ViewId::Recommendations => "המלצות",
            ViewId::Documents => "מסמכים",
            ViewId::Codebook => "קודים",
            other => self.view_name(other),
        }
    }

    fn phase(&self, p: Phase) -> &'static str {
        match p {
            Phase::Before => "לפני התוכנית",
            Phase::During => "במהלך התוכנית",
            Phase::Links => "הידוק החיבורים",
            Phase::Other => "אחר",
        }
    }

    fn uptake(&self, u: Uptake) -> &'static str {
        match u {
            Uptake::TakenUp => "אומצה",
            Uptake::Partly => "אומצה בחלקה",
            Uptake::Not => "לא אומצה",
            Uptake::Unknown => "לא ידוע",
        }
    }

    fn hit_kind(&self, k: HitKind) -> &'static str {
        match k {
            HitKind::Finding => "ממצאים",
            HitKind::Recommendation => "המלצות",
            HitKind::Quote => "ציטוטים",
            HitKind::Question => "שאלות",
            HitKind::Session => "מפגשים",
            HitKind::Code => "קודים",
            HitKind::Document => "מסמכים",
        }
    }

    fn nothing_here(&self, v: ViewId, k: &Names) -> String {
        let pick = k.in_reader(Action::PickCode);
        match v {
            ViewId::Cohorts => "אין מחזורים במאגר.".into(),
            ViewId::Survey => "אין עדיין שאלות. להוספה: tovana import json FILE".into(),
            ViewId::Findings => "אין עדיין ממצאים. להוספה: tovana import json FILE".into(),
            ViewId::Recommendations => "אין עדיין המלצות. להוספה: tovana import json FILE".into(),
            ViewId::Documents => {
                "אין עדיין מסמכים. להוספה: tovana import transcript FILE --cohort C".into()
            }
            ViewId::Codebook => {
                let new = k.in_view(ViewId::Codebook, Action::NewTopCode);
                format!("אין עדיין קודים. {new} יוצר קוד; {pick} בקורא המסמכים יוצר ומחיל.")
            }
            ViewId::Tables => {
                let docs = k.view_key(ViewId::Documents);
                format!("אין עדיין קידודים. {pick} בקורא המסמכים ({docs}) מחיל קוד.")
            }
        }
    }

    fn not_recoverable(&self) -> &'static str {
        "את נתוני הפריט הזה אי אפשר לשחזר מהמקור בלי ספק."
    }

    fn evidence(&self) -> &'static str {
        "ראיות"
    }

    fn no_evidence(&self) -> &'static str {
        "לממצא הזה לא נקשרו ראיות."
    }

    fn quotes_here_and_elsewhere(&self, here: usize, elsewhere: usize) -> String {
        match elsewhere {
            0 => format!("{here} ציטוטים מהמחזור הזה"),
            n => format!("{here} ציטוטים מהמחזור הזה · {n} במחזורים אחרים"),
        }
    }

    fn quotes_of_code(&self, n: usize) -> String {
        format!("{n} ציטוטים")
    }

    fn of_total(&self, shown: usize, total: usize) -> String {
        format!("{shown} מתוך {total}")
    }

    fn search_title(&self, k: &Names) -> String {
        let (jump, close) = (k.key(Action::Enter), k.key(Action::Back));
        format!(" חיפוש — {jump} למעבר, {close} לסגירה ")
    }

    fn search_prompt(&self, k: &Names) -> String {
        format!(
            "מה לחפש? מילים בעברית או באנגלית ({}: החיפוש הקודם)",
            k.key(Action::Up)
        )
    }

    fn search_more(&self, ranked: usize) -> String {
        format!("יותר מ־{ranked} תוצאות: הטובות מבין {ranked} הראשונות. עוד מילים יצמצמו.")
    }

    fn no_hits(&self) -> &'static str {
        "לא נמצא דבר."
    }

    fn saved_uptake(&self, u: Uptake) -> String {
        format!("נשמר: {}", self.uptake(u))
    }

    fn top_box(&self) -> &'static str {
        "שיעור עליון"
    }

    fn printed(&self) -> &'static str {
        "כפי שהודפס"
    }

    fn reported(&self) -> &'static str {
        "כפי שדווח"
    }

    fn sorted(&self) -> &'static str {
        "ממוין לפי השיעור העליון"
    }

    fn aspect(&self, a: &crate::analysis::compare::Aspect) -> String {
        use crate::analysis::compare::Aspect;
        match a {
            Aspect::Participants => "משתתפים".into(),
            Aspect::Sectors => "לפי מגזר".into(),
            Aspect::Meetings(k) => self.session_kind(*k).into(),
            Aspect::Tours => "יעד הסיור".into(),
            Aspect::Instruments(k) => self.instrument_kind(*k).into(),
        }
    }

    fn compare_hint(&self, k: &Names) -> String {
        let (down, up) = (k.letter(Action::Down), k.letter(Action::Up));
        let compare = k.key(Action::Compare);
        {
            format!("להשוואה יש לבחור מחזור אחר ב-{down}/{up}; {compare} מסיים את ההשוואה.")
        }
    }

    fn in_other_cohorts(&self) -> &'static str {
        "אותה שאלה במחזורים אחרים"
    }

    fn all_coders(&self) -> &'static str {
        "כל המקודדים"
    }

    fn shown(&self) -> &'static str {
        "מוצגים קידודים של"
    }

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

    fn key_help(&self, h: Help) -> &'static str {
        match h {
            Help::ListDownUp => "למטה, למעלה ברשימה",
            Help::ListPage => "עמוד למטה, למעלה",
            Help::ListEnds => "לראש הרשימה, לסופה",
            Help::In => "פנימה: לפרטים או לראיה",
            Help::Back => "חזרה",
            Help::Views => "מעבר בין התצוגות",
            Help::Undo => "ביטול פעולת קידוד, שחזור",
            Help::Search => "חיפוש",
            Help::ThisHelp => "העזרה הזאת",
            Help::Quit => "יציאה",
            Help::CardFocus => "אל הכרטיס, לגלילתו",
            Help::Compare => "השוואה: נעיצת המחזור, בחירת מחזור אחר",
            Help::Figures => "מספרים או אחוזים",
            Help::SortTopBox => "מיון לפי השיעור העליון",
            Help::Uptake => "שינוי הסטטוס (נשמר)",
            Help::OpenDocument => "פתיחת המסמך לקריאה ולקידוד",
            Help::CycleCoder => "קידודים של כל המקודדים או של אחד",
            Help::CellLeftRight => "תו שמאלה, ימינה על המסך",
            Help::LineDownUp => "שורה, עמוד למטה, למעלה",
            Help::TextEnds => "לתחילת המסמך, לסופו",
            Help::Words => "מילה הבאה, הקודמת, סוף מילה",
            Help::Sentences => "משפט קודם, הבא",
            Help::Turns => "תור דיבור קודם, הבא",
            Help::Visual => "בחירה: התחלה או ביטול",
            Help::PickCode => "קוד מתוך הספר (סינון בהקלדה; שם חדש יוצר)",
            Help::RepeatCode => "הקוד האחרון שוב",
            Help::RecentCodes => "קודים אחרונים, לבחירה בספרה",
            Help::InVivo => "קוד מהמילים הנבחרות (in vivo)",
            Help::RemoveCoding => "הסרת קידוד מתחת לסמן",
            Help::CodingMemo => "תזכיר על קידוד",
            Help::CloseDocument => "ביטול הבחירה, סגירת המסמך",
            Help::CodeQuotes => "לציטוטי הקוד; שוב פותח ציטוט בהקשר",
            Help::NewCode => "קוד חדש תחת הנבחר, ברמה העליונה",
            Help::EditCode => "שינוי שם, תיאור, תזכיר",
            Help::Colour => "הצבע הבא",
            Help::MoveMerge => "העברה תחת קוד אחר, מיזוג לתוכו",
            Help::DeleteCode => "מחיקה (אחרי אישור)",
            Help::CodeChildren => "עם ציטוטי הקודים שתחתיו או בלעדיהם",
            Help::ExportCode => "ייצוא ציטוטי הקוד ל־Markdown ול־CSV",
            Help::TableCell => "תא שמאלה, ימינה",
            Help::CellQuotes => "לציטוטי התא; שוב פותח ציטוט בהקשר",
            Help::NextTable => "הטבלה הבאה: לפי מחזור, לפי תפקיד, חפיפה, הסכמה",
            Help::RowChildren => "קוד עם ציטוטי קודי המשנה או בלעדיהם",
            Help::Agreement => "הסכמה: בחירת שני המקודדים, המסמכים",
            Help::ExportTable => "ייצוא הטבלה ל־Markdown ול־CSV",
        }
    }

    fn hint(&self, h: Hint) -> &'static str {
        match h {
            Hint::Search => "חיפוש",
            Hint::Help => "עזרה",
            Hint::Quit => "יציאה",
            Hint::Card => "כרטיס",
            Hint::Compare => "השוואה",
            Hint::Figures => "מספרים",
            Hint::Sort => "מיון",
            Hint::Uptake => "יישום",
            Hint::Evidence => "ראיות",
            Hint::Open => "פתיחה",
            Hint::Coder => "מקודד",
            Hint::Quotes => "ציטוטים",
            Hint::New => "חדש",
            Hint::Rename => "שינוי שם",
            Hint::Move => "העברה",
            Hint::Merge => "מיזוג",
            Hint::Delete => "מחיקה",
            Hint::NextTable => "הטבלה הבאה",
            Hint::Agreement => "הסכמה",
            Hint::Export => "ייצוא",
            Hint::Select => "בחירה",
            Hint::Code => "קוד",
            Hint::Repeat => "שוב",
            Hint::Remove => "הסרה",
            Hint::Memo => "תזכיר",
            Hint::Close => "סגירה",
            Hint::Cancel => "ביטול",
            Hint::Choose => "בחירה",
            Hint::Yes => "כן",
            Hint::No => "לא",
        }
    }
}
