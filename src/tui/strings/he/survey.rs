//! Survey answers row by row, in Hebrew.

use super::He;
use super::messages::iso;
use crate::interchange::survey::{Flaw, SurveyError, SurveyImportError, SurveyImported};
use crate::tui::strings::Refusals;
use crate::tui::strings::Surveys;

fn flaw(f: &Flaw) -> String {
    match f {
        Flaw::NotUtf8 => format!(
            "הטקסט אינו UTF-8 (ציינו את הקידוד במפה, למשל {})",
            iso("encoding = \"windows-1255\"")
        ),
        Flaw::BadUtf16 => "הטקסט אינו UTF-16 קריא".into(),
        Flaw::UnknownEncoding(e) => format!("אין קידוד בשם {}", iso(e)),
        Flaw::NotIn(e) => format!("בית שאינו {}", iso(e)),
        Flaw::Control(c) => format!("תו בקרה U+{:04X}", *c as u32),
        Flaw::Csv(why) => format!("אינו נקרא כ־CSV: {}", iso(why)),
        Flaw::Empty => "בקובץ אין רשומות".into(),
        Flaw::NoRows => "בקובץ כותרת ואין תחתיה אף משיב/ה".into(),
        Flaw::Map(why) => format!("המפה אינה נקראת: {}", iso(why)),
        Flaw::NoColumn => "אין בקובץ עמודה כזו".into(),
        Flaw::NoScale(s) if s.is_empty() => format!("עמודת דירוג צריכה {}", iso("scale")),
        Flaw::NoScale(s) => format!("אין במפה סולם בשם {}", iso(s)),
        Flaw::EmptyScale(s) => format!("בסולם {} אין אפשרויות", iso(s)),
        Flaw::NoOptions => format!("עמודת בחירה מרובה צריכה {}", iso("options")),
        Flaw::CodesAndOptions(codes, options) => format!(
            "ב{} של עמודת בחירה מרובה קוד לכל אחת מה{}: {codes} קודים ל־{options} אפשרויות",
            iso("codes"),
            iso("options")
        ),
        Flaw::NoId => "אין מזהה בעמודת המזהה של המשיב/ה".into(),
        Flaw::NoStructure => format!(
            "לתשובות של LimeSurvey צריך את מבנה הסקר ({}) לצדן, באותו שם בלי {}",
            iso(".lss"),
            iso("_responses")
        ),
        Flaw::IdTwice { key, first } => format!("המזהה {} כבר מופיע בשורה {first}", iso(key)),
        Flaw::Unknown(list) => {
            let lines: Vec<String> = list
                .iter()
                .map(|(c, v, n, l)| format!("  {}: {} ×{n} (לראשונה בשורה {l})", iso(c), iso(v)))
                .collect();
            format!(
                "ערכים שהמפה אינה קוראת (הוסיפו אותם לאפשרויות סולם או לקודים שלהן, או ל־{}):\n{}",
                iso("source.missing"),
                lines.join("\n")
            )
        }
    }
}

fn error(e: &SurveyError) -> String {
    let mut s = String::new();
    if e.line > 0 {
        s.push_str(&format!("שורה {}: ", e.line));
    }
    if let Some(c) = &e.column {
        s.push_str(&format!("עמודה {}: ", iso(c)));
    }
    s + &flaw(&e.flaw)
}

impl Surveys for He {
    fn survey_error(&self, e: &SurveyImportError) -> String {
        match e {
            SurveyImportError::Read { file, why } => format!(
                "{}: אי אפשר לקרוא: {}",
                iso(&file.display().to_string()),
                iso(&why.to_string())
            ),
            SurveyImportError::Format { file, error: err } => format!(
                "{}: {}; דבר לא נכתב",
                iso(&file.display().to_string()),
                error(err)
            ),
            SurveyImportError::NoInstrument { key, known } => format!(
                "{}: אין כלי מחקר כזה (במאגר: {})",
                iso(&format!("--instrument {key}")),
                known.iter().map(|k| iso(k)).collect::<Vec<_>>().join(", ")
            ),
            SurveyImportError::Ambiguous { key, found } => format!(
                "{}: כמה כלי מחקר נקראים כך ({}); ציינו את המזהה",
                iso(&format!("--instrument {key}")),
                found.iter().map(|k| iso(k)).collect::<Vec<_>>().join(", ")
            ),
            SurveyImportError::Store(e) => self.store_error(e),
        }
    }

    fn survey_imported(&self, file: &str, d: &SurveyImported) -> Vec<String> {
        let t = &d.tally;
        let mut out = vec![format!("יובא {} אל {}", iso(file), iso(&d.instrument))];
        out.push(format!(
            "משיבים: {} חדשים, {} נמצאו שוב לפי מזהה",
            t.respondents_new, t.respondents_again
        ));
        out.push(format!(
            "שאלות: {} חדשות, {} נמצאו שוב לפי עמודה; {} תשובות, {} חסרות",
            t.questions_new, t.questions_again, t.answers, t.missing
        ));
        for (id, title, quotes) in &t.documents {
            out.push(format!(
                "תשובות פתוחות: מסמך {id} {}, {quotes} ציטוטים לקידוד",
                iso(title)
            ));
        }
        for title in &t.documents_kept {
            out.push(format!(
                "תשובות פתוחות {}: המסמך שלהן כבר במאגר מייבוא קודם; נשאר כפי שהוא",
                iso(title)
            ));
        }
        if t.roles_changed > 0 {
            out.push(format!(
                "התפקיד של {} ציטוטים נקבע עכשיו לפי מאפיין התפקיד שבמפה",
                t.roles_changed
            ));
        }
        if !t.documents_empty.is_empty() {
            out.push(format!(
                "שאלות פתוחות שאיש לא ענה עליהן, ולא נוצר להן מסמך: {}",
                t.documents_empty
                    .iter()
                    .map(|c| iso(c))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !d.unnamed.is_empty() {
            out.push(format!(
                "לא במפה, נשארו בחוץ: {}",
                d.unnamed
                    .iter()
                    .map(|c| iso(c))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        for (title, count) in &d.linked {
            out.push(format!(
                "אותם משיבים ענו גם על {}: {count} מזהים משותפים",
                iso(title)
            ));
        }
        out
    }

    fn answers_heading(&self, respondents: u64, split: Option<&str>) -> String {
        let split = match split {
            None => "ללא פילוח".to_string(),
            Some("") => "לפי מחזור".to_string(),
            Some(a) => format!("לפי {}", iso(a)),
        };
        let who = if respondents == 1 {
            "משיב/ה אחד/ת".to_string()
        } else {
            format!("{respondents} משיבים")
        };
        format!("תשובות לפי משיבים: {who} · {split}")
    }

    fn no_quote_attribute(&self, name: &str, known: &[String]) -> String {
        if known.is_empty() {
            format!(
                "--attribute {name}: אף ציטוט אינו תשובה פתוחה של משיב/ה \
                 (import survey יוצר אותן); טבלת התפקידים לפי תפקידי הדוברים"
            )
        } else {
            format!(
                "--attribute {name}: עמודות טבלת התפקידים יכולות להיות אחד ממאפייני \
                 המשיבים שתשובותיהם ציטוטים: {}",
                known.join(", ")
            )
        }
    }

    fn everyone(&self) -> &'static str {
        "כולם"
    }

    fn no_attributes(&self) -> &'static str {
        "למשיבים של תשובות אלה אין מאפיין לספור לפיו"
    }

    fn only_needs_a_value(&self, given: &str) -> String {
        format!("{}: יש לכתוב מאפיין=ערך", iso(&format!("--only {given}")))
    }

    fn only(&self, name: &str, value: &str) -> String {
        format!("רק {} = {}", iso(name), iso(value))
    }

    fn all_respondents(&self) -> &'static str {
        "כולם"
    }

    fn not_given(&self) -> &'static str {
        "(לא צוין)"
    }

    fn answered(&self, count: u32, missing: u32) -> String {
        if missing == 0 {
            format!("n={count}")
        } else {
            format!("n={count} · {missing} חסרות")
        }
    }

    fn few(&self, under: u32) -> String {
        format!("⚠ פחות מ־{under}")
    }

    fn as_given(&self) -> &'static str {
        "כפי שהמקור מוסר"
    }

    fn mean_median(&self, mean: f64, median: f64, min: f64, max: f64) -> String {
        use crate::tui::strings::figure;
        format!(
            "ממוצע {} · חציון {} · {}–{}",
            figure(mean),
            figure(median),
            figure(min),
            figure(max)
        )
    }

    fn respondent(&self, key: &str) -> String {
        format!("משיב/ה \u{2068}{key}\u{2069}")
    }

    fn no_answer(&self) -> &'static str {
        "— (אין תשובה)"
    }

    fn open_answers(&self) -> &'static str {
        "תשובות פתוחות"
    }

    fn also_answered(&self) -> &'static str {
        "אותו מזהה ענה גם על"
    }

    fn card_closes(&self, key: &str) -> String {
        format!("{key} סוגר את הכרטיס")
    }
}
