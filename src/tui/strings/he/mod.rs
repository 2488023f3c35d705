//! The interface in Hebrew.

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

pub struct He;

impl Strings for He {
    fn app_name(&self) -> &'static str {
        "תובנה"
    }

    fn cohort(&self, label: &str) -> String {
        format!("מחזור \u{2068}{label}\u{2069}")
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

    fn counted_in(&self, ordinal: u32) -> String {
        format!("בתוך {ordinal}.")
    }

    fn among_the_meetings(&self) -> &'static str {
        "בתוך המפגשים"
    }

    fn uptake_judged_here(&self) -> &'static str {
        "יישום לפי הערכת המאגר"
    }

    fn uptake_is_a_judgement(&self) -> &'static str {
        "היישום מוערך במאגר הזה בידי מי שמנהל אותו; הדוחות אינם מציינים אותו."
    }

    fn responded(&self, r: u32, invited: u32, rate: u32) -> String {
        format!("{r} מתוך {invited} ({rate}%)")
    }

    fn took_part(&self, r: u32) -> String {
        format!("{r} השתתפו")
    }

    fn responded_at(&self, r: u32, rate: u32) -> String {
        format!("{r} השיבו ({rate}%)")
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
        let new = k.in_view(ViewId::Cohorts, Action::NewItem);
        let program = k.in_view(ViewId::Cohorts, Action::EditProgram);
        [
            format!(
                "במאגר הזה אין עדיין מחזורים: {new} מוסיף את הראשון, {program} נותן שם לתוכנית."
            ),
            "או, משורת הפקודה:".into(),
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
            HitKind::Passage => "טקסט שמחוץ לציטוטים",
            HitKind::Respondent => "משיבים",
        }
    }

    fn nothing_here(&self, v: ViewId, k: &Names) -> String {
        let pick = k.in_reader(Action::PickCode);
        match v {
            ViewId::Cohorts => format!(
                "אין מחזורים במאגר. {} מוסיף מחזור.",
                k.in_view(v, Action::NewItem)
            ),
            ViewId::Survey => format!(
                "אין עדיין שאלות. {} במחזורים מוסיף כלי מחקר; שאלותיו באות עם tovana import json FILE.",
                k.in_view(ViewId::Cohorts, Action::NewInstrument)
            ),
            ViewId::Findings => format!(
                "אין עדיין ממצאים. {} מוסיף ממצא.",
                k.in_view(v, Action::NewItem)
            ),
            ViewId::Recommendations => format!(
                "אין עדיין המלצות. {} מוסיף המלצה.",
                k.in_view(v, Action::NewItem)
            ),
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
        match n {
            1 => "ציטוט אחד".into(),
            n => format!("{n} ציטוטים"),
        }
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
            Aspect::After => "אחרי הסיום".into(),
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
}
