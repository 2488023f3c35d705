//! The interface's own words, in Hebrew and English. Hebrew also mirrors the
//! layout: lists on the right, details to their left.

use crate::domain::{InstrumentKind, SessionKind};
use crate::text::Direction;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    He,
    #[default]
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "he" | "iw" | "hebrew" | "עברית" => Some(Lang::He),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of a POSIX locale name such as `he_IL.UTF-8`.
    pub fn from_locale(locale: &str) -> Lang {
        let l = locale.to_ascii_lowercase();
        if l.starts_with("he") || l.starts_with("iw") {
            Lang::He
        } else {
            Lang::En
        }
    }

    /// The direction of the interface's own lines.
    pub fn direction(self) -> Direction {
        match self {
            Lang::He => Direction::Rtl,
            Lang::En => Direction::Ltr,
        }
    }

    /// True when the layout is mirrored (lists on the right).
    pub fn mirrored(self) -> bool {
        self == Lang::He
    }

    fn pick(self, he: &'static str, en: &'static str) -> &'static str {
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

    pub fn empty_store(self) -> [&'static str; 6] {
        match self {
            Lang::He => [
                "במאגר הזה אין עדיין מחזורים.",
                "",
                "  tovana import json FILE --db PATH    קריאת מאגר שיוצא כ-JSON",
                "  tovana init --db NEW.sqlite          מאגר חדש עם נתוני ההדגמה",
                "",
                "להקיש q ליציאה.",
            ],
            Lang::En => [
                "This store holds no cohorts yet.",
                "",
                "  tovana import json FILE --db PATH    read a store exported as JSON",
                "  tovana init --db NEW.sqlite          make a new store with the demo data",
                "",
                "Press q to quit.",
            ],
        }
    }

    pub fn store_summary(self, cohorts: u64, quotes: u64, findings: u64) -> String {
        match self {
            Lang::He => format!("{cohorts} מחזורים · {quotes} ציטוטים · {findings} ממצאים"),
            Lang::En => format!("{cohorts} cohorts · {quotes} quotes · {findings} findings"),
        }
    }

    pub fn key_hints(self) -> &'static str {
        self.pick(" j/k תנועה  ? עזרה  q יציאה ", " j/k move  ? help  q quit ")
    }

    pub fn help_title(self) -> &'static str {
        self.pick(" מקשים — ? או Esc לסגירה ", " Keys — ? or Esc closes ")
    }

    pub fn too_small(self, w: u16, h: u16, min_w: u16, min_h: u16) -> [String; 2] {
        match self {
            Lang::He => [
                format!("גודל המסוף {w}×{h}; תובנה צריכה לפחות {min_w}×{min_h}."),
                "יש להגדיל את החלון, או להקיש q ליציאה.".into(),
            ],
            Lang::En => [
                format!("The terminal is {w}×{h}; tovana needs at least {min_w}×{min_h}."),
                "Make the window larger, or press q to quit.".into(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_decides_the_default_language() {
        assert_eq!(Lang::from_locale("he_IL.UTF-8"), Lang::He);
        assert_eq!(Lang::from_locale("iw_IL"), Lang::He);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::parse(" HE "), Some(Lang::He));
        assert_eq!(Lang::parse("fr"), None);
    }
}
