//! What the command line prints, and the errors reported, in Hebrew. A
//! path, a name or a command inside a sentence is an isolate (FSI … PDI, or
//! LRI for a command), so that its own direction does not carry the words
//! around it away.

use super::He;
use crate::domain::Problem;
use crate::tui::strings::Messages;

/// A piece of data inside a Hebrew sentence, in its own direction.
pub(super) fn iso(s: &str) -> String {
    format!("\u{2068}{s}\u{2069}")
}

/// A command or a flag: left to right, as typed.
pub(super) fn cmd(s: &str) -> String {
    format!("\u{2066}{s}\u{2069}")
}

/// "a או b", each as typed.
fn either(allowed: &[&str]) -> String {
    let quoted: Vec<String> = allowed.iter().map(|a| cmd(a)).collect();
    quoted.join(" או ")
}

impl Messages for He {
    fn created(&self, empty: bool, path: &str) -> String {
        let what = if empty {
            "נוצר מאגר ריק"
        } else {
            "נוצר מאגר ההדגמה"
        };
        format!("{what} בנתיב {}", iso(path))
    }

    fn imported_json(&self, file: &str, store: &str) -> String {
        format!("{} יובא אל {}", iso(file), iso(store))
    }

    fn imported_transcript(
        &self,
        file: &str,
        document: i64,
        cohort: &str,
        turns: usize,
        one_per_line: bool,
    ) -> String {
        let split = if one_per_line {
            " (בקובץ אין שורות ריקות, ולכן חולק לפי תוויות הדוברים)"
        } else {
            ""
        };
        format!(
            "{} יובא כמסמך {document} של מחזור {}: {turns} תורות דיבור{split}",
            iso(file),
            iso(cohort)
        )
    }

    fn entity(&self, key: &str) -> String {
        match key {
            "programs" => "תוכניות",
            "cohorts" => "מחזורים",
            "sessions" => "מפגשים",
            "instruments" => "כלי־מחקר",
            "segments" => "פלחים",
            "scales" => "סולמות",
            "questions" => "שאלות",
            "results" => "תוצאות",
            "documents" => "מסמכים",
            "quotes" => "ציטוטים",
            "codes" => "קודים",
            "coders" => "מקודדים",
            "codings" => "קידודים",
            "findings" => "ממצאים",
            "recommendations" => "המלצות",
            "respondents" => "משיבים",
            "answers" => "תשובות",
            other => return other.to_string(),
        }
        .to_string()
    }

    fn no_store_yet(&self, path: &str) -> String {
        format!(
            "{}: אין עדיין מאגר; {} או {} יוצרים אותו",
            iso(path),
            cmd("tovana"),
            cmd("tovana init")
        )
    }

    fn no_such_store(&self, path: &str) -> String {
        format!(
            "{}: אין מאגר כזה; {} יוצר אותו",
            iso(path),
            cmd(&format!("tovana init --db {path}"))
        )
    }

    fn cannot_read(&self, path: &str, why: &str) -> String {
        format!("{}: אי אפשר לקרוא: {}", iso(path), iso(why))
    }

    fn cannot_write(&self, path: &str, why: &str) -> String {
        format!("{}: אי אפשר לכתוב: {}", iso(path), iso(why))
    }

    fn not_a_file_name(&self, path: &str) -> String {
        format!("{}: אינו שם של קובץ", iso(path))
    }

    fn standard_output(&self, why: &str) -> String {
        format!("הפלט התקני: {}", iso(why))
    }

    fn not_utf8(&self, file: &str, line: usize, byte: usize) -> String {
        format!(
            "{}: שורה {line}, בית {byte}: אינו UTF-8; דבר לא נכתב",
            iso(file)
        )
    }

    fn not_valid(&self, file: &str, problems: &[Problem]) -> String {
        let lines: Vec<String> = problems.iter().map(|p| self.problem_line(p)).collect();
        format!(
            "{}: הנתונים אינם תקינים; דבר לא נכתב:\n  {}",
            iso(file),
            lines.join("\n  ")
        )
    }

    fn coder_not_kept(&self, why: &str) -> String {
        format!("לא ניתן לשמור את שם המקודד/ת: {}", iso(why))
    }

    fn no_such_coder(&self, flag: &str, name: &str, known: &[&str]) -> String {
        let known: Vec<String> = known.iter().map(|k| iso(k)).collect();
        let who = if flag.starts_with('-') {
            cmd(flag)
        } else {
            "מקודד/ת".to_string()
        };
        format!(
            "{who} {}: אין כזה במאגר (במאגר: {})",
            iso(name),
            known.join(", ")
        )
    }

    fn no_such_code(&self, key: &str) -> String {
        format!("קוד {}: אין קוד במזהה, בשם או בנתיב הזה", iso(key))
    }

    fn ambiguous_code(&self, key: &str, paths: &[String]) -> String {
        let paths: Vec<String> = paths.iter().map(|p| iso(p)).collect();
        format!(
            "קוד {}: {} קודים בשם הזה; יש לציין את הנתיב ({})",
            iso(key),
            paths.len(),
            paths.join("; ")
        )
    }

    fn no_such_cohort(&self, key: &str) -> String {
        format!("{} {}: אין מחזור כזה", cmd("--cohort"), iso(key))
    }

    fn no_data_folder(&self) -> &'static str {
        "לא נמצאה תיקיית הנתונים (HOME אינו מוגדר); יש לציין מאגר ב־\u{2066}--db PATH\u{2069}"
    }

    fn config_line(&self, path: &str, line: usize) -> String {
        format!("{}, שורה {line}", iso(path))
    }

    fn not_key_value(&self, at: &str, line: &str) -> String {
        format!(
            "{at}: צפויה שורה בצורה {}, ונמצא {}",
            cmd("key = value"),
            iso(line)
        )
    }

    fn setting_value(&self, at: &str, key: &str, value: &str, allowed: &[&str]) -> String {
        format!(
            "{at}: הערך של {} הוא {}, לא {}",
            cmd(key),
            either(allowed),
            iso(value)
        )
    }

    fn coder_needs_name(&self, at: &str) -> String {
        format!("{at}: חסר שם אחרי {}", cmd("coder ="))
    }

    fn unknown_setting(&self, at: &str, key: &str, known: &[&str]) -> String {
        let known: Vec<String> = known.iter().map(|k| cmd(k)).collect();
        format!(
            "{at}: הגדרה לא מוכרת {} (המוכרות: {})",
            iso(key),
            known.join(", ")
        )
    }

    fn env_value(&self, var: &str, value: &str, allowed: &[&str]) -> String {
        format!(
            "הערך של {} הוא {}, לא {}",
            cmd(var),
            either(allowed),
            iso(value)
        )
    }

    fn no_config_folder(&self) -> &'static str {
        "לא ידועה תיקיית הגדרות (יש להגדיר HOME או TOVANA_CONFIG)"
    }

    fn terminal_error(&self, why: &str) -> String {
        format!("המסוף: {}", iso(why))
    }
}
