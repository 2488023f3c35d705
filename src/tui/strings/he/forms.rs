//! The words of the forms in Hebrew.

use super::He;
use crate::domain::Part;
use crate::store::authoring::Dependents;
use crate::tui::action::{Action, ViewId};
use crate::tui::keys::Names;
use crate::tui::strings::Forms;

/// A part without its article, and whether its noun is feminine.
fn noun(part: Part) -> (&'static str, bool) {
    match part {
        Part::Program => ("תוכנית", true),
        Part::Cohort => ("מחזור", false),
        Part::Meeting => ("מפגש", false),
        Part::Instrument => ("כלי מחקר", false),
        Part::Finding => ("ממצא", false),
        Part::Recommendation => ("המלצה", true),
    }
}

/// "3 מפגשים", "מפגש אחד".
fn many(n: u32, one: &str, more: &str, feminine: bool) -> String {
    match (n, feminine) {
        (1, false) => format!("{one} אחד"),
        (1, true) => format!("{one} אחת"),
        _ => format!("{n} {more}"),
    }
}

impl Forms for He {
    fn field(&self, key: &str) -> &'static str {
        match key {
            "name" => "שם",
            "name_en" => "שם באנגלית",
            "organisation" => "מפעילה",
            "description" => "תיאור",
            "label" => "כינוי",
            "start" => "התחלה",
            "end" => "סיום",
            "participants" => "משתתפים",
            "sectors" => "לפי מגזר",
            "notes" => "הערות",
            "kind" => "סוג",
            "date" => "תאריך",
            "days" => "ימים",
            "meetings" => "מפגשים",
            "place" => "מקום",
            "subject" => "נושא",
            "title" => "כותרת",
            "occasions" => "פעמים",
            "invited" => "הוזמנו",
            "responded" => "השיבו",
            "rate" => "שיעור היענות %",
            "respondents" => "משיבים לפי מגזר",
            "cohort" => "מחזור",
            "area" => "תחום",
            "statement" => "ניסוח",
            "phase" => "שלב",
            "text" => "נוסח",
            "source" => "מקור",
            _ => "",
        }
    }

    fn form_title(&self, part: Part, new: bool) -> String {
        let (noun, feminine) = noun(part);
        match (new, feminine) {
            (true, false) => format!("{noun} חדש"),
            (true, true) => format!("{noun} חדשה"),
            (false, _) => format!("עריכת {}", super::coding::part_noun(part)),
        }
    }

    fn form_keys(&self, k: &Names) -> String {
        let next = k.keys(Action::Down).join("/");
        let back = k.keys(Action::Up).join("/");
        format!(
            "{next} לשדה הבא · {back} לשדה הקודם · {} שומר · {} סוגר",
            k.key(Action::Save),
            k.key(Action::Back)
        )
    }

    fn drop_changes(&self, k: &Names) -> String {
        format!(
            "לוותר על השינויים? {} מוותר, {} חוזר לטופס",
            k.key(Action::Yes),
            k.key(Action::Back)
        )
    }

    fn date_forms(&self) -> &'static str {
        "YYYY, YYYY-MM או YYYY-MM-DD"
    }

    fn not_a_count(&self) -> &'static str {
        "מספר שלם, 0 ומעלה (ריק אם אינו ידוע)"
    }

    fn not_a_percent(&self) -> &'static str {
        "מספר שלם מ־0 עד 100 (ריק אם לא נמסר)"
    }

    fn sector_form(&self) -> &'static str {
        "מגזר מספר, מגזר מספר"
    }

    fn not_a_sector(&self, piece: &str) -> String {
        format!("'\u{2068}{piece}\u{2069}' אינו מגזר ואחריו מספר")
    }

    fn fix_fields(&self, n: usize) -> String {
        match n {
            1 => "שדה אחד אינו תקין; ההודעה לידו אומרת מדוע, דבר לא נשמר".into(),
            n => format!("{n} שדות אינם תקינים; ההודעות לידם אומרות מדוע, דבר לא נשמר"),
        }
    }

    fn confirm_delete_part(&self, part: Part, name: &str, d: &Dependents, k: &Names) -> String {
        let mut goes = vec![];
        let mut add = |n: u32, one: &str, more: &str, feminine: bool| {
            if n > 0 {
                goes.push(many(n, one, more, feminine));
            }
        };
        add(d.sessions, "מפגש", "מפגשים", false);
        add(d.instruments, "כלי מחקר", "כלי מחקר", false);
        add(d.questions, "שאלה ותוצאותיה", "שאלות ותוצאותיהן", true);
        add(d.documents, "מסמך", "מסמכים", false);
        add(d.quotes, "ציטוט", "ציטוטים", false);
        add(d.codings, "קידוד", "קידודים", false);
        add(d.findings, "ממצא", "ממצאים", false);
        add(d.recommendations, "המלצה", "המלצות", true);
        let mut text = format!(
            "למחוק את {} '\u{2068}{name}\u{2069}'?",
            super::coding::part_noun(part)
        );
        if !goes.is_empty() {
            text.push_str(&format!(" יימחקו איתו: {}.", goes.join(", ")));
        }
        if d.citations > 0 {
            text.push_str(&format!(
                " ממצאים שנשארים יאבדו {} מראיותיהם.",
                many(d.citations, "ראיה", "ראיות", true)
            ));
        }
        if d.unlinked > 0 {
            text.push_str(&format!(
                " {} יישארו, בלי קישור אליו.",
                many(d.unlinked, "מסמך", "מסמכים", false)
            ));
        }
        if d.counted_within > 0 {
            text.push_str(&format!(
                " {} שנמנו בתוכו יימנו בפני עצמם.",
                many(d.counted_within, "מפגש", "מפגשים", false)
            ));
        }
        text.push_str(&format!(
            " {} מבטל.",
            k.in_view(ViewId::Cohorts, Action::Undo)
        ));
        text
    }

    fn needs_cohort(&self, k: &Names) -> String {
        format!(
            "אין עדיין מחזור: {} במחזורים מוסיף אחד",
            k.in_view(ViewId::Cohorts, Action::NewItem)
        )
    }

    fn cite_title(&self) -> &'static str {
        "ראיה לאיזה ממצא?"
    }

    fn new_finding_row(&self, typed: &str) -> String {
        if typed.trim().is_empty() {
            "+ ממצא חדש".into()
        } else {
            format!("+ ממצא חדש: \u{2068}{typed}\u{2069}")
        }
    }

    fn cited_already(&self) -> &'static str {
        "הממצא כבר מביא אותה כראיה"
    }

    fn nothing_to_cite(&self, k: &Names) -> String {
        format!(
            "אין כאן מה להביא כראיה: שאלה, קוד או ציטוט מקודד ({} מקודד קטע)",
            k.in_reader(Action::PickCode)
        )
    }

    fn no_later_cohort(&self) -> &'static str {
        "אין עדיין מחזור מאוחר יותר בתוכנית שבו לומר מה עלה בגורלה"
    }

    fn fate_keys(&self, k: &Names) -> String {
        let v = ViewId::Recommendations;
        format!(
            "{}/{} מחזור · {} מצב · {} הערה",
            k.in_view(v, Action::EarlierCohort),
            k.in_view(v, Action::LaterCohort),
            k.in_view(v, Action::CycleUptake),
            k.in_view(v, Action::Memo)
        )
    }

    fn fate_note_title(&self, cohort: &str) -> String {
        format!("מה עלה בגורלה במחזור {cohort}")
    }

    fn at_the_end(&self, up: bool) -> &'static str {
        if up {
            "כבר ראשון ברשימה"
        } else {
            "כבר אחרון ברשימה"
        }
    }
}
