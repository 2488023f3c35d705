//! The report's words (`interchange::report::Say`) in each language: its
//! own headings here, the rest as the app says them.

use crate::domain::{InstrumentKind, Phase, SessionKind, Uptake};
use crate::interchange::report::{Say, Words};
use crate::lang::Lang;

const EN: Words = Words {
    report: "evaluation report",
    all_cohorts: "All cohorts",
    participants_by_sector: "Participants by sector",
    meetings: "Meetings by kind (days)",
    study_tour: "The study tour",
    instruments: "Instruments and response",
    none_recorded: "None recorded.",
    findings: "Findings and their evidence",
    no_findings: "No findings are recorded for this cohort.",
    evidence_questions: "Survey questions",
    evidence_quotes: "Quotes cited:",
    evidence_codes: "Codes cited, with their quotes in this cohort:",
    not_recoverable: "figures not recoverable from the source",
    missing: "missing",
    as_given: "as the source gives them",
    answers_row_by_row: "answers row by row",
    top_box: "top box",
    reported_share: "reported share",
    quotes_of_code: "quotes",
    illustrative: "illustrative",
    illustrative_note: "Quotes marked illustrative come from illustrative data, not from the evaluation's sources.",
    code_frequencies: "Code frequencies",
    agreement: "Agreement between two coders",
    recommendations: "Recommendations and their fate",
    no_recommendations: "No recommendations are recorded.",
    fate_in: "In",
    not_yet: "no later cohort yet",
    made_by: "From",
};

const HE: Words = Words {
    report: "דוח הערכה",
    all_cohorts: "כל המחזורים",
    participants_by_sector: "משתתפים לפי מגזר",
    meetings: "מפגשים לפי סוג (ימים)",
    study_tour: "הסיור הלימודי",
    instruments: "כלי המחקר ושיעורי ההשבה",
    none_recorded: "לא נרשם דבר.",
    findings: "ממצאים והעדויות להם",
    no_findings: "לא נרשמו ממצאים למחזור זה.",
    evidence_questions: "שאלות הסקר",
    evidence_quotes: "ציטוטים מובאים:",
    evidence_codes: "קודים מובאים, וציטוטיהם במחזור זה:",
    not_recoverable: "אי אפשר לשחזר את הנתונים מהמקור",
    missing: "חסרות",
    as_given: "כפי שהמקור מוסר",
    answers_row_by_row: "תשובות שורה־שורה",
    top_box: "שתי התשובות העליונות",
    reported_share: "שיעור מדווח",
    quotes_of_code: "ציטוטים",
    illustrative: "להמחשה",
    illustrative_note: "ציטוטים המסומנים ״להמחשה״ באים מנתונים להמחשה ולא ממקורות ההערכה.",
    code_frequencies: "שכיחות הקודים",
    agreement: "הסכמה בין שני מקודדים",
    recommendations: "המלצות ומה עלה בגורלן",
    no_recommendations: "לא נרשמו המלצות.",
    fate_in: "ב",
    not_yet: "עוד אין מחזור מאוחר יותר",
    made_by: "מאת",
};

impl Say for Lang {
    fn tag(&self) -> &'static str {
        match self {
            Lang::He => "he",
            Lang::En => "en",
        }
    }

    fn rtl(&self) -> bool {
        *self == Lang::He
    }

    fn report_words(&self) -> &'static Words {
        match self {
            Lang::He => &HE,
            Lang::En => &EN,
        }
    }

    fn table_words(&self) -> &'static crate::interchange::tables::Words {
        (**self).table_words()
    }

    fn cohort(&self, label: &str) -> String {
        (**self).cohort(label)
    }

    fn dates(&self, start: Option<&str>, end: Option<&str>) -> String {
        (**self).dates(start, end)
    }

    fn participants(&self, n: Option<u32>) -> String {
        (**self).participants(n)
    }

    fn days(&self, d: u32) -> String {
        (**self).days(d)
    }

    fn session_kind(&self, k: SessionKind) -> &'static str {
        (**self).session_kind(k)
    }

    fn instrument_kind(&self, k: InstrumentKind) -> &'static str {
        (**self).instrument_kind(k)
    }

    fn responded(&self, r: u32, invited: u32, rate: u32) -> String {
        (**self).responded(r, invited, rate)
    }

    fn responded_at(&self, r: u32, rate: u32) -> String {
        (**self).responded_at(r, rate)
    }

    fn took_part(&self, r: u32) -> String {
        (**self).took_part(r)
    }

    fn phase(&self, p: Phase) -> &'static str {
        (**self).phase(p)
    }

    fn uptake(&self, u: Uptake) -> &'static str {
        (**self).uptake(u)
    }
}
