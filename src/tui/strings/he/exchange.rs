//! The exchange with other coding tools, in Hebrew. Names, paths and
//! GUIDs are isolates in their own direction.

use super::He;
use super::messages::iso;
use crate::domain::exchange::{Conflict, Tally};
use crate::interchange::qda::import::Skip;
use crate::interchange::qda::positions::Unit;
use crate::interchange::qda::{QdaError, Summary, write::Written};
use crate::tui::strings::Exchange;

fn n(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("{one} אחד")
    } else {
        format!("{count} {many}")
    }
}

impl Exchange for He {
    fn qda_error(&self, e: &QdaError) -> String {
        match e {
            QdaError::Positions { file, guids, count } => format!(
                "{}: {count} קטעים אינם נופלים על הטקסט שלהם בשום דרך ספירה של מיקומים (מעבר לסופו או בתוך תו): {}; דבר לא נכתב",
                iso(file),
                guids.iter().map(|g| iso(g)).collect::<Vec<_>>().join(", ")
            ),
            QdaError::NoCohort { key, known } => format!(
                "{}: אין מחזור כזה (במאגר: {})",
                iso(&format!("--cohort {key}")),
                known.iter().map(|k| iso(k)).collect::<Vec<_>>().join(", ")
            ),
            QdaError::NeedsCohort { known } => format!(
                "למסמכים שאין להם מקרה משלהם צריך {} שיאמר לאן הם הולכים (במאגר: {})",
                iso("--cohort"),
                known.iter().map(|k| iso(k)).collect::<Vec<_>>().join(", ")
            ),
            QdaError::Namespace {
                file,
                found,
                expected,
            } => format!(
                "{}: רכיב השורש במרחב השמות {} ולא {}; דבר לא נכתב",
                iso(file),
                iso(found),
                iso(expected)
            ),
            // The rest name a file and what is wrong in it in the format's
            // own terms, given as they are.
            other => format!("{} (דבר לא נכתב)", iso(&other.to_string())),
        }
    }

    fn qda_imported(&self, s: &Summary) -> Vec<String> {
        let mut out = vec![];
        let mut head = format!("יובא {}", iso(&s.file));
        if !s.project.is_empty() {
            head.push_str(&format!(" (הפרויקט {}", iso(&s.project)));
            if !s.origin.is_empty() {
                head.push_str(&format!(", נכתב ב־{}", iso(&s.origin)));
            }
            head.push(')');
        }
        out.push(head);
        let m = &s.merged;
        out.push(format!(
            "נוספו: {}",
            self.tally(&m.added).unwrap_or_else(|| "שום דבר".into())
        ));
        if let Some(t) = self.tally(&m.updated) {
            out.push(format!("עודכנו לפי GUID: {t}"));
        }
        if let Some(t) = self.tally(&m.unchanged) {
            out.push(format!("כבר במאגר, ללא שינוי: {t}"));
        }
        if let Some(d) = &s.reading {
            let r = d.reading;
            let unit = match r.unit {
                Unit::CodePoints => "נקודות קוד של יוניקוד",
                Unit::Utf16 => "יחידות UTF-16",
                Unit::Utf8 => "בתים של UTF-8",
            };
            let end = if r.end_inclusive {
                "סוף כולל"
            } else {
                "סוף לא כולל"
            };
            let mut told = vec![];
            let mut same = vec![];
            let mut put = |yes: bool, what: &str| {
                if yes {
                    told.push(what.to_string())
                } else {
                    same.push(what.to_string())
                }
            };
            put(d.unit_told, unit);
            put(d.end_told, end);
            put(
                d.crlf_told,
                if r.crlf_two {
                    "\\r\\n כשניים"
                } else {
                    "\\r\\n כאחד"
                },
            );
            put(
                d.bom_told,
                if r.bom_counted {
                    "סימן סדר הבתים נספר"
                } else {
                    "סימן סדר הבתים לא נספר"
                },
            );
            let mut line = format!("המיקומים נקראו כ{unit}, {end}");
            if d.standard_fits_all {
                line.push_str(
                    " (דרך התקן: כל הקטעים נופלים עליה בלי לחתוך מילה, ולכן לא נוסתה אחרת)",
                );
                told.clear();
                same.clear();
            }
            if !told.is_empty() {
                line.push_str(&format!("; הקובץ הכריע: {}", told.join(", ")));
            }
            if !same.is_empty() {
                line.push_str(&format!(
                    "; לא הוכרע (הטקסטים נקראים אותו דבר בכל דרך, נלקחה דרך התקן): {}",
                    same.join(", ")
                ));
            }
            out.push(line);
        }
        for (why, name) in &s.skipped {
            out.push(match why {
                Skip::Kind(k) => format!("דולג: {} {} (נקראים רק מקורות טקסט)", iso(k), iso(name)),
                Skip::OnlyRich(p) => format!(
                    "דולג: {}: הטקסט הפשוט שלו ריק, הטקסט נמצא רק ב־{}",
                    iso(name),
                    iso(p)
                ),
                Skip::Missing(p) if p.is_empty() => {
                    format!("דולג: {}: הקובץ אינו נותן לו טקסט", iso(name))
                }
                Skip::Missing(p) => format!("דולג: {}: {} אינו בקובץ", iso(name), iso(p)),
            });
        }
        for (name, codes, sources) in &s.sets {
            out.push(format!(
                "קבוצה {}: {}, {} (קבוצות מפורטות, לא נשמרות)",
                iso(name),
                n(*codes, "קוד", "קודים"),
                n(*sources, "מקור", "מקורות")
            ));
        }
        if s.selections_left_out > 0 {
            out.push(format!(
                "הושמטו עם המקורות שדולגו: {} ו־{} שלהם",
                n(s.selections_left_out, "קטע", "קטעים"),
                n(s.codings_left_out, "קידוד", "קידודים")
            ));
        }
        if s.notes_as_documents > 0 {
            out.push(format!(
                "{} שדבר אינו מפנה אליהם נשמרו כמסמכי רשימות שדה",
                n(s.notes_as_documents, "פתק", "פתקים")
            ));
        }
        if s.empty_selections > 0 {
            out.push(format!(
                "הושמטו: {} ללא טקסט (ההתחלה היא הסוף)",
                n(s.empty_selections, "קטע", "קטעים")
            ));
        }
        if s.unknown_codes > 0 {
            out.push(format!(
                "הושמטו: {} של קודים שאינם בספר הקודים",
                n(s.unknown_codes, "קידוד", "קידודים")
            ));
        }
        for c in &m.conflicts {
            out.push(self.conflict(c));
        }
        out
    }

    fn qdpx_exported(&self, file: &str, w: &Written) -> String {
        let what = self.tally(w).unwrap_or_else(|| "שום דבר".into());
        format!("נכתב {}: {what}", iso(file))
    }

    fn qdc_exported(&self, file: &str, codes: usize) -> String {
        format!("נכתב {}: {}", iso(file), n(codes, "קוד", "קודים"))
    }

    fn merged_from(&self, other: &str) -> String {
        format!("מוזג {}", iso(other))
    }

    fn conflict(&self, c: &Conflict) -> String {
        match c {
            Conflict::CodeName { guid, kept, other } => format!(
                "סתירה: לקוד {} שני שמות, {} ו־{}: נשמר {} (השם שקודם במיון)",
                iso(guid),
                iso(kept),
                iso(other),
                iso(kept)
            ),
            Conflict::CodeParent { guid, name } => format!(
                "סתירה: הקוד {} ({}) עומד תחת הורים שונים: נשמר ההורה שה־GUID שלו קודם במיון",
                iso(name),
                iso(guid)
            ),
            Conflict::DocumentText {
                guid,
                title,
                left_out,
            } => format!(
                "סתירה: למסמך {} ({}) טקסט אחר כאן: נשמר הטקסט שבמאגר הזה, הושמטו {} של הצד השני",
                iso(title),
                iso(guid),
                n(*left_out, "ציטוט", "ציטוטים")
            ),
            Conflict::CoderByName { name } => format!(
                "למקודד {} יש כאן GUID אחר: נלקח כאותו מקודד, לפי השם",
                iso(name)
            ),
        }
    }

    fn progress_reading(&self) -> &'static str {
        "קורא את הפרויקט"
    }

    fn progress_sources(&self) -> &'static str {
        "קורא את המקורות"
    }

    fn progress_writing(&self) -> &'static str {
        "כותב"
    }

    fn attributes_heading(&self) -> &'static str {
        "מה שהגיע איתו מכלי אחר"
    }

    fn attribute(&self, name: &str, value: &str) -> String {
        format!("{}: {}", iso(name), iso(value))
    }

    fn tally(&self, t: &Tally) -> Option<String> {
        let parts: Vec<String> = [
            (t.codes, "קוד", "קודים"),
            (t.coders, "מקודד", "מקודדים"),
            (t.cohorts, "מחזור", "מחזורים"),
            (t.documents, "מסמך", "מסמכים"),
            (t.quotes, "ציטוט", "ציטוטים"),
            (t.codings, "קידוד", "קידודים"),
            (t.memos, "מזכר", "מזכרים"),
            (t.attributes, "מאפיין", "מאפיינים"),
        ]
        .iter()
        .filter(|(c, _, _)| *c > 0)
        .map(|(c, one, many)| n(*c, one, many))
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}
