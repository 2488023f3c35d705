//! The interface's own words, in Hebrew and English (the language itself is
//! [`crate::lang::Lang`]).

use crate::domain::HitKind;
use crate::domain::{InstrumentKind, Phase, SessionKind, Uptake};
use crate::lang::Lang;
use crate::tui::action::{Action, ViewId};
use crate::tui::keys::Names;

impl Lang {
    pub(crate) fn pick(self, he: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::He => he,
            Lang::En => en,
        }
    }

    pub fn app_name(self) -> &'static str {
        self.pick("תובנה", "tovana")
    }

    pub fn cohort(self, label: &str) -> String {
        match self {
            Lang::He => format!("מחזור {label}"),
            Lang::En => format!("Cohort {label}"),
        }
    }

    pub fn people(self, n: Option<u32>) -> String {
        match (self, n) {
            (Lang::He, Some(n)) => format!("{n} משתתפים"),
            (Lang::He, None) => "— משתתפים".into(),
            (Lang::En, Some(n)) => format!("{n:>3} people"),
            (Lang::En, None) => "  — people".into(),
        }
    }

    pub fn dates(self, start: Option<&str>, end: Option<&str>) -> String {
        match (self, start, end) {
            (_, Some(s), Some(e)) => format!("{s} – {e}"),
            (Lang::He, Some(s), None) => format!("החל מ-{s}"),
            (Lang::He, None, Some(e)) => format!("עד {e}"),
            (Lang::He, None, None) => "המועדים לא צוינו".into(),
            (Lang::En, Some(s), None) => format!("from {s}"),
            (Lang::En, None, Some(e)) => format!("until {e}"),
            (Lang::En, None, None) => "dates not given".into(),
        }
    }

    pub fn participants(self, n: Option<u32>) -> String {
        match (self, n) {
            (Lang::He, Some(n)) => format!("משתתפים: {n}"),
            (Lang::He, None) => "משתתפים: לא צוין".into(),
            (Lang::En, Some(n)) => format!("Participants: {n}"),
            (Lang::En, None) => "Participants: not given".into(),
        }
    }

    pub fn meetings(self) -> &'static str {
        self.pick("מפגשים", "Meetings")
    }

    pub fn instruments(self) -> &'static str {
        self.pick("כלי המחקר", "Instruments")
    }

    pub fn none_recorded(self) -> &'static str {
        self.pick("לא נרשמו", "none recorded")
    }

    pub fn days(self, d: u32) -> String {
        match self {
            Lang::He => format!("{d} ימים"),
            Lang::En => format!("{d} days"),
        }
    }

    pub fn short_days(self, d: u32) -> String {
        match self {
            Lang::He => format!("{d} ימ׳"),
            Lang::En => format!("{d}d"),
        }
    }

    pub fn responded(self, r: u32, invited: u32, rate: u32) -> String {
        match self {
            Lang::He => format!("{r} מתוך {invited} ({rate}%)"),
            Lang::En => format!("{r} of {invited} ({rate}%)"),
        }
    }

    pub fn took_part(self, r: u32) -> String {
        match self {
            Lang::He => format!("{r} השתתפו"),
            Lang::En => format!("{r} took part"),
        }
    }

    pub fn session_kind(self, k: SessionKind) -> &'static str {
        match k {
            SessionKind::InPerson => self.pick("פנים אל פנים", "in-person"),
            SessionKind::Online => self.pick("מקוון", "online"),
            SessionKind::StudyTour => self.pick("סיור לימודי", "study tour"),
            SessionKind::Closing => self.pick("אירוע סיום", "closing"),
            SessionKind::AlumniNetwork => self.pick("רשת בוגרים", "alumni network"),
            SessionKind::Other => self.pick("אחר", "other"),
        }
    }

    pub fn instrument_kind(self, k: InstrumentKind) -> &'static str {
        match k {
            InstrumentKind::Questionnaire => self.pick("שאלון", "questionnaire"),
            InstrumentKind::Interview => self.pick("ראיונות", "interviews"),
            InstrumentKind::Observation => self.pick("תצפית", "observation"),
            InstrumentKind::FocusGroup => self.pick("קבוצת מיקוד", "focus group"),
        }
    }

    pub fn empty_store(self, k: &Names) -> [String; 6] {
        let quit = k.key(Action::Quit);
        match self {
            Lang::He => [
                "במאגר הזה אין עדיין מחזורים.".into(),
                "".into(),
                "  tovana import json FILE --db PATH    קריאת מאגר שיוצא כ-JSON".into(),
                "  tovana init --db NEW.sqlite          מאגר חדש עם נתוני ההדגמה".into(),
                "".into(),
                format!("להקיש {quit} ליציאה."),
            ],
            Lang::En => [
                "This store holds no cohorts yet.".into(),
                "".into(),
                "  tovana import json FILE --db PATH    read a store exported as JSON".into(),
                "  tovana init --db NEW.sqlite          make a new store with the demo data".into(),
                "".into(),
                format!("Press {quit} to quit."),
            ],
        }
    }

    pub fn store_summary(self, cohorts: u64, quotes: u64, findings: u64) -> String {
        match self {
            Lang::He => format!("{cohorts} מחזורים · {quotes} ציטוטים · {findings} ממצאים"),
            Lang::En => format!("{cohorts} cohorts · {quotes} quotes · {findings} findings"),
        }
    }

    pub fn help_title(self, k: &Names) -> String {
        let (toggle, back) = (k.key(Action::ToggleHelp), k.key(Action::Back));
        match self {
            Lang::He => format!(" מקשים — {toggle} או {back} לסגירה "),
            Lang::En => format!(" Keys — {toggle} or {back} closes "),
        }
    }

    pub fn too_small(self, w: u16, h: u16, min_w: u16, min_h: u16, k: &Names) -> [String; 2] {
        let quit = k.key(Action::Quit);
        match self {
            Lang::He => [
                format!("גודל המסוף {w}×{h}; תובנה צריכה לפחות {min_w}×{min_h}."),
                format!("יש להגדיל את החלון, או להקיש {quit} ליציאה."),
            ],
            Lang::En => [
                format!("The terminal is {w}×{h}; tovana needs at least {min_w}×{min_h}."),
                format!("Make the window larger, or press {quit} to quit."),
            ],
        }
    }

    pub fn new_store(self, path: &str) -> String {
        match self {
            Lang::He => format!("נוצר מאגר חדש מנתוני ההדגמה: {path}"),
            Lang::En => format!("new store from the demo: {path}"),
        }
    }
}

impl Lang {
    pub fn view_name(self, v: ViewId) -> &'static str {
        match v {
            ViewId::Cohorts => self.pick("מחזורים", "Cohorts"),
            ViewId::Survey => self.pick("סקר", "Survey"),
            ViewId::Findings => self.pick("ממצאים", "Findings"),
            ViewId::Recommendations => self.pick("המלצות", "Recommendations"),
            ViewId::Documents => self.pick("מסמכים", "Documents"),
            ViewId::Codebook => self.pick("ספר קודים", "Codebook"),
            ViewId::Tables => self.pick("טבלאות", "Tables"),
        }
    }

    /// A shorter name, for a narrow tab bar.
    pub fn view_short(self, v: ViewId) -> &'static str {
        match v {
            ViewId::Recommendations => self.pick("המלצות", "Recs"),
            ViewId::Documents => self.pick("מסמכים", "Docs"),
            ViewId::Codebook => self.pick("קודים", "Codes"),
            other => self.view_name(other),
        }
    }

    pub fn phase(self, p: Phase) -> &'static str {
        match p {
            Phase::Before => self.pick("לפני התוכנית", "before the program"),
            Phase::During => self.pick("במהלך התוכנית", "during the program"),
            Phase::Links => self.pick("הידוק החיבורים", "links between bodies"),
            Phase::Other => self.pick("אחר", "other"),
        }
    }

    pub fn uptake(self, u: Uptake) -> &'static str {
        match u {
            Uptake::TakenUp => self.pick("אומצה", "taken up"),
            Uptake::Partly => self.pick("אומצה בחלקה", "partly"),
            Uptake::Not => self.pick("לא אומצה", "not taken up"),
            Uptake::Unknown => self.pick("לא ידוע", "unknown"),
        }
    }

    pub fn hit_kind(self, k: HitKind) -> &'static str {
        match k {
            HitKind::Finding => self.pick("ממצאים", "Findings"),
            HitKind::Recommendation => self.pick("המלצות", "Recommendations"),
            HitKind::Quote => self.pick("ציטוטים", "Quotes"),
            HitKind::Question => self.pick("שאלות", "Questions"),
            HitKind::Session => self.pick("מפגשים", "Sessions"),
        }
    }

    pub fn nothing_here(self, v: ViewId, k: &Names) -> String {
        let pick = k.in_reader(Action::PickCode);
        match v {
            ViewId::Codebook => {
                let new = k.in_view(ViewId::Codebook, Action::NewTopCode);
                return match self {
                    Lang::He => {
                        format!("אין עדיין קודים. {new} יוצר קוד; {pick} בקורא המסמכים יוצר ומחיל.")
                    }
                    Lang::En => format!(
                        "No codes yet. {new} creates one; {pick} in the document reader creates and applies."
                    ),
                };
            }
            ViewId::Tables => {
                let docs = k.view_key(ViewId::Documents);
                return match self {
                    Lang::He => {
                        format!("אין עדיין קידודים. {pick} בקורא המסמכים ({docs}) מחיל קוד.")
                    }
                    Lang::En => {
                        format!(
                            "No codings yet. {pick} in the document reader ({docs}) applies a code."
                        )
                    }
                };
            }
            _ => {}
        }
        match v {
            ViewId::Cohorts => self.pick("אין מחזורים במאגר.", "The store holds no cohorts."),
            ViewId::Survey => self.pick(
                "אין עדיין שאלות. להוספה: tovana import json FILE",
                "No questions yet. To add them: tovana import json FILE",
            ),
            ViewId::Findings => self.pick(
                "אין עדיין ממצאים. להוספה: tovana import json FILE",
                "No findings yet. To add them: tovana import json FILE",
            ),
            ViewId::Recommendations => self.pick(
                "אין עדיין המלצות. להוספה: tovana import json FILE",
                "No recommendations yet. To add them: tovana import json FILE",
            ),
            ViewId::Documents => self.pick(
                "אין עדיין מסמכים. להוספה: tovana import transcript FILE --cohort C",
                "No documents yet. To add one: tovana import transcript FILE --cohort C",
            ),
            ViewId::Codebook | ViewId::Tables => "",
        }
        .into()
    }

    pub fn not_recoverable(self) -> &'static str {
        self.pick(
            "את נתוני הפריט הזה אי אפשר לשחזר מהמקור בלי ספק.",
            "This item's figures cannot be read from the source without doubt.",
        )
    }

    pub fn evidence(self) -> &'static str {
        self.pick("ראיות", "Evidence")
    }

    pub fn no_evidence(self) -> &'static str {
        self.pick(
            "לממצא הזה לא נקשרו ראיות.",
            "No evidence is linked to this finding.",
        )
    }

    pub fn quotes_of_code(self, n: usize) -> String {
        match self {
            Lang::He => format!("{n} ציטוטים"),
            Lang::En => format!("{n} quotes"),
        }
    }

    pub fn of_total(self, shown: usize, total: usize) -> String {
        match self {
            Lang::He => format!("{shown} מתוך {total}"),
            Lang::En => format!("{shown} of {total}"),
        }
    }

    pub fn search_title(self, k: &Names) -> String {
        let (jump, close) = (k.key(Action::Enter), k.key(Action::Back));
        match self {
            Lang::He => format!(" חיפוש — {jump} למעבר, {close} לסגירה "),
            Lang::En => format!(" Search — {jump} jumps, {close} closes "),
        }
    }

    pub fn search_prompt(self) -> &'static str {
        self.pick(
            "מה לחפש? מילים בעברית או באנגלית",
            "Type words in Hebrew or English",
        )
    }

    pub fn no_hits(self) -> &'static str {
        self.pick("לא נמצא דבר.", "Nothing found.")
    }

    pub fn saved_uptake(self, u: Uptake) -> String {
        match self {
            Lang::He => format!("נשמר: {}", self.uptake(u)),
            Lang::En => format!("saved: {}", self.uptake(u)),
        }
    }

    pub fn top_box(self) -> &'static str {
        self.pick("שיעור עליון", "top box")
    }

    pub fn printed(self) -> &'static str {
        self.pick("כפי שהודפס", "as printed")
    }

    pub fn reported(self) -> &'static str {
        self.pick("כפי שדווח", "as reported")
    }

    pub fn sorted(self) -> &'static str {
        self.pick("ממוין לפי השיעור העליון", "sorted by top box")
    }
}

impl Lang {
    pub fn aspect(self, a: &crate::analysis::compare::Aspect) -> String {
        use crate::analysis::compare::Aspect;
        match a {
            Aspect::Participants => self.pick("משתתפים", "participants").into(),
            Aspect::Sectors => self.pick("לפי מגזר", "by sector").into(),
            Aspect::Meetings(k) => self.session_kind(*k).into(),
            Aspect::Tours => self.pick("יעד הסיור", "study tour to").into(),
            Aspect::Instruments(k) => self.instrument_kind(*k).into(),
        }
    }

    pub fn compare_hint(self, k: &Names) -> String {
        let (down, up) = (k.letter(Action::Down), k.letter(Action::Up));
        let compare = k.key(Action::Compare);
        match self {
            Lang::He => {
                format!("להשוואה יש לבחור מחזור אחר ב-{down}/{up}; {compare} מסיים את ההשוואה.")
            }
            Lang::En => {
                format!(
                    "Select another cohort with {down}/{up} to compare; {compare} ends the comparison."
                )
            }
        }
    }

    pub fn in_other_cohorts(self) -> &'static str {
        self.pick(
            "אותה שאלה במחזורים אחרים",
            "The same question in other cohorts",
        )
    }
}
