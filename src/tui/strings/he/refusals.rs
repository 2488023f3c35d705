//! Why something was not done, in Hebrew: the store's refusals and
//! errors, a data field's fault, a transcript that does not read.

use super::He;
use super::messages::{cmd, iso};
use crate::domain::{Fault, Problem};
use crate::interchange::transcript::{Flaw, ImportError};
use crate::store::{Breach, IoStep, JournalFault, Refusal, StoreError};
use crate::tui::strings::{Coding, Refusals};

impl Refusals for He {
    fn fault(&self, f: &Fault) -> String {
        match f {
            Fault::Format => format!("צפוי {}", cmd("\"tovana\"")),
            Fault::Version => format!(
                "גרסה זו של tovana קוראת את גרסה {} של הקובץ",
                crate::domain::FORMAT_VERSION
            ),
            Fault::IdOutOfRange(id) => format!("המזהה {id} מחוץ לטווח (0 עד 2^60 − 1)"),
            Fault::IdTwice(id) => format!("המזהה {id} משמש פעמיים"),
            Fault::NoSuch { target, id } => format!("אין {} שמזהה {id}", noun(target)),
            Fault::OrdinalTwice { program, ordinal } => {
                format!("לשני מחזורים של תוכנית {program} אותו מספר סידורי {ordinal}")
            }
            Fault::MoreResponded { responded, invited } => {
                format!("{responded} השיבו, אך רק {invited} הוזמנו")
            }
            Fault::RateOver(rate) => format!("שיעור היענות של {rate}% הוא יותר מהכול"),
            Fault::WithinElsewhere(id) => {
                format!("מפגש {id} אינו מפגש אחר של אותו מחזור שנמנה בפני עצמו")
            }
            Fault::NoOptions => "סולם צריך אפשרות אחת לפחות".into(),
            Fault::KeyTwice { key, instrument } => {
                format!("המזהה {} מופיע פעמיים בכלי {instrument}", iso(key))
            }
            Fault::AnswerTwice {
                question,
                respondent,
            } => format!("למשיב/ה {respondent} שתי תשובות לשאלה {question}"),
            Fault::OptionOutside { option, options } => {
                format!("אפשרות {option} אינה בסולם של {options} אפשרויות")
            }
            Fault::AnswerKind { numeric } => {
                if *numeric {
                    "שאלה מספרית נענית במספר, לא באפשרות".into()
                } else {
                    "שאלה זו נענית באפשרות מהסולם, לא במספר".into()
                }
            }
            Fault::ResultTwice { question, segment } => {
                format!("לשאלה {question} שתי תוצאות בפלח {segment}")
            }
            Fault::Nul { at } => format!("תו NUL במקום {at}"),
            Fault::EndsBeforeStart { start, end } => {
                format!("מסתיים ({end}) לפני שהוא מתחיל ({start})")
            }
            Fault::PastEnd { end, document, len } => {
                format!("{end} אחרי סוף מסמך {document} ({len} תווים)")
            }
            Fault::Colour(c) => format!("{} אינו בצורה {}", iso(c), cmd("#rrggbb")),
            Fault::OwnAncestor => "הקוד הוא אב של עצמו".into(),
            Fault::CoderTwice(name) => format!("לשני מקודדים השם {}", iso(name)),
            Fault::BadGuid(g) => format!(
                "{} אינו GUID באותיות קטנות (8-4-4-4-12 ספרות הקסדצימליות)",
                iso(g)
            ),
            Fault::GuidTwice(g) => format!("לאחר ברשימה אותו GUID {}", iso(g)),
            Fault::CodingTwice => "אותו מקודד/ת החיל/ה את אותו קוד על אותו ציטוט פעמיים".into(),
            Fault::Values { len, options } => format!("{len} ערכים לסולם של {options} אפשרויות"),
            Fault::Over100(v) => format!("{v} גדול מ־100"),
            Fault::MoreThanN { count, n } => format!("{count} גדול מ־n = {n}"),
            Fault::SiblingName { name, other } => format!(
                "{} הוא כבר שמו של {} תחת אותו הורה",
                iso(name),
                cmd(&format!("codes[{other}]"))
            ),
            Fault::NotLater(c) => format!("מחזור {c} אינו מחזור מאוחר יותר בתוכנית של ההמלצה"),
            Fault::FateTwice(c) => format!("מה שעלה בגורלה במחזור {c} נאמר פעמיים"),
            Fault::Empty => "אסור שיהיה ריק".into(),
            Fault::EndsBeforeItStarts { start, end } => {
                format!("מסתיים ({}) לפני שהוא מתחיל ({})", iso(end), iso(start))
            }
            Fault::SectorsOver { sum, of } => {
                format!("המגזרים מונים {sum}, יותר מ־{of} בסך הכול")
            }
        }
    }

    fn refusal(&self, r: &Refusal) -> String {
        match r {
            Refusal::NoSuch { target, id } => format!("אין {} שמזהה {id}", noun(target)),
            Refusal::NameTaken { name, id } => format!(
                "כבר יש קוד בשם {} (קוד {id}); לשני קודים תחת אותו הורה אין אותו שם",
                iso(name)
            ),
            Refusal::NeedsName { what } => match *what {
                "coder" => "למקודד/ת נדרש שם".into(),
                _ => "לקוד נדרש שם".into(),
            },
            Refusal::Colour(c) => format!("{} אינו בצורה {}", iso(c), cmd("#rrggbb")),
            Refusal::UnderItself { id, under } => {
                format!("קוד {id} אינו יכול לעבור אל תחת קוד {under}: הוא יהיה אב של עצמו")
            }
            Refusal::MergeIntoItself => "אי אפשר למזג קוד לתוך עצמו".into(),
            Refusal::ProgramStays => "את התוכנית אין מוחקים; את מחזוריה אפשר, אחד אחד".into(),
            Refusal::NotMoved => "התוכנית היא היחידה במאגר: אין לה רשימה לזוז בה".into(),
            Refusal::Span { start, end, len } => {
                format!("הקטע {start}..{end} ריק או מחוץ לטקסט ({len} תווים)")
            }
            Refusal::QuoteOutside { start, end, len } => {
                format!("ציטוט {start}..{end} מחוץ לטקסט ({len} תווים)")
            }
            Refusal::NotYours { owner } => format!(
                "הקידוד של {}: כל מקודד/ת משנה רק קידודים משלו/ה",
                iso(owner)
            ),
            Refusal::Journal { undo, act, why } => {
                let verb = if *undo { "לבטל" } else { "לשחזר" };
                let why = match why {
                    JournalFault::Damaged => "רשומת היומן שלה פגומה",
                    JournalFault::ChangedSince => "השורות ששינתה השתנו מאז",
                };
                format!("אי אפשר {verb} את {}: {why}", iso(&self.act(act)))
            }
            Refusal::Upgrade { path, why } => {
                format!("{}: עדכון הסכמה נכשל: {}", shown(path), iso(why))
            }
            Refusal::UpgradeReadOnly { path, found, known } => format!(
                "{}: המאגר נוצר בגרסה ישנה של tovana (סכמה {found}; גרסה זו קוראת {known}) וצריך \
                 עדכון, שהוא כתיבה, אבל הקובץ או התיקייה שלו לקריאה בלבד כאן; יש לפתוח אותו \
                 פעם אחת במקום שאפשר לכתוב בו",
                shown(path)
            ),
            Refusal::Busy { path, waited_secs } => format!(
                "{}: תוכנה אחרת החזיקה את המאגר בכתיבה ({waited_secs} שנ׳); דבר מזה לא נשמר: \
                 אפשר לנסות שוב",
                shown(path)
            ),
            Refusal::ReadOnly { path } => format!(
                "{}: הקובץ או התיקייה שלו לקריאה בלבד כאן; אפשר לקרוא את המאגר, ושום דבר לא שונה",
                shown(path)
            ),
            Refusal::DiskFull { path } => format!(
                "{}: הדיסק מלא; דבר מזה לא נשמר, והמאגר נשאר כפי שהיה",
                shown(path)
            ),
        }
    }

    fn transcript_error(&self, e: &ImportError) -> String {
        match e {
            ImportError::Read { file, why } => {
                format!("{}: אי אפשר לקרוא: {}", shown(file), iso(&why.to_string()))
            }
            ImportError::Format { file, error } => {
                let at = if error.line > 0 {
                    format!("שורה {}: ", error.line)
                } else {
                    String::new()
                };
                format!("{}: {at}{}; דבר לא נכתב", shown(file), flaw(&error.flaw))
            }
            ImportError::NoCohort { key, known } => {
                let known: Vec<String> = known.iter().map(|k| iso(k)).collect();
                format!(
                    "{} {}: אין מחזור כזה (במאגר: {})",
                    cmd("--cohort"),
                    iso(key),
                    known.join(", ")
                )
            }
            ImportError::NoInstrument { key, cohort } => format!(
                "{} {}: אין כלי מחקר כזה במחזור {}",
                cmd("--instrument"),
                iso(key),
                iso(cohort)
            ),
            ImportError::Store(e) => self.store_error(e),
        }
    }

    fn store_error(&self, e: &StoreError) -> String {
        match e {
            StoreError::Io { path, step, source } => {
                let verb = match step {
                    IoStep::CreateFolder => "ליצור את התיקייה",
                    IoStep::WriteIn => "לכתוב מאגר בתיקייה",
                    IoStep::MoveTo => "להעביר את המאגר החדש אל",
                };
                format!(
                    "אי אפשר {verb} {}: {}",
                    shown(path),
                    iso(&source.to_string())
                )
            }
            StoreError::NotFound(p) => format!("{}: אין מאגר כזה", shown(p)),
            StoreError::NotSqlite(p) => format!(
                "{}: אינו מאגר של tovana (הקובץ אינו מסד נתונים של SQLite)",
                shown(p)
            ),
            StoreError::NotTovana(p) => format!(
                "{}: מסד נתונים של SQLite, אבל לא מאגר של tovana (יש בו טבלאות אחרות)",
                shown(p)
            ),
            StoreError::EmptyFile(p) => format!(
                "{}: קובץ ריק, לא מאגר של tovana; הוא נשאר כמות שהוא ({} יוצר מאגר בנתיב חדש)",
                shown(p),
                cmd("tovana init --db")
            ),
            StoreError::Replaced(p) => format!(
                "{}: קובץ המאגר הועבר, נמחק או הוחלף בזמן שהיה פתוח; דבר לא נכתב (יש לצאת ולפתוח את המאגר במקומו החדש)",
                shown(p)
            ),
            StoreError::Newer { path, found, known } => format!(
                "{}: המאגר בגרסת סכמה {found}, שנכתבה בגרסה חדשה יותר של tovana; גרסה זו מכירה עד {known}. המאגר לא שונה.",
                shown(path)
            ),
            StoreError::AlreadyExists(p) => {
                format!("{}: כבר יש שם קובץ; דבר לא נכתב", shown(p))
            }
            StoreError::NotEmpty(p) => format!(
                "{}: במאגר כבר יש נתונים; {} מחליף אותם (דבר לא נכתב)",
                shown(p),
                cmd("--replace")
            ),
            StoreError::Invalid(problems) => {
                let mut s = String::from("הנתונים אינם תקינים:");
                for p in problems {
                    s.push_str("\n  ");
                    s.push_str(&self.problem_line(p));
                }
                s
            }
            StoreError::Refused(r) => self.refusal(r),
            StoreError::Damaged { path, problems } => {
                let mut s = format!(
                    "{}: המאגר פגום, ולכן tovana עוצרת כאן (דבר לא שונה):",
                    shown(path)
                );
                for p in problems {
                    s.push_str("\n  ");
                    s.push_str(&breach(p));
                }
                s
            }
            StoreError::Sqlite { path, source } => {
                format!("{}: {}", shown(path), iso(&source.to_string()))
            }
        }
    }
}

/// What breaks a transcript's format, in Hebrew.
fn flaw(p: &Flaw) -> String {
    match p {
        Flaw::NotUtf8 => format!(
            "הטקסט אינו בקידוד UTF-8 (קובץ שנשמר באקסל או בוורד ישן בעברית הוא אולי windows-1255: {})",
            cmd("--encoding windows-1255")
        ),
        Flaw::BadUtf16 => "הטקסט אינו UTF-16 קריא".into(),
        Flaw::UnknownEncoding(e) => {
            format!("{}: אין קידוד כזה", cmd(&format!("--encoding {e}")))
        }
        Flaw::NotIn(e) => format!("בית שאינו בקידוד {}", iso(e)),
        Flaw::NotDocx(why) => format!("אינו מסמך וורד קריא: {}", iso(why)),
        Flaw::NoTurns => format!(
            "אין שורה ריקה בין התורות ואין תווית דובר ({}) בראש שורה, ולכן אי אפשר להבחין בין התורות; \
             יש להפריד תורות בשורה ריקה או לפתוח כל תור בשם הדובר",
            cmd("ROLE: ")
        ),
        Flaw::Control(c) => format!("תו בקרה {}", cmd(&format!("U+{:04X}", *c as u32))),
        Flaw::EmptyRole => "תפקיד הדובר ריק לפני הנקודתיים".into(),
        Flaw::RoleBidi(role) => format!(
            "תפקיד הדובר {} מכיל תו עיצוב של כיווניות",
            iso(&crate::text::sanitize(role))
        ),
        Flaw::RoleInvisible(_) => "תפקיד הדובר אינו מראה אף תו".into(),
        Flaw::NoText => "אין בקובץ טקסט".into(),
    }
}

impl He {
    /// A problem's field path, left to right as in the file, and its fault.
    pub(super) fn problem_line(&self, p: &Problem) -> String {
        format!("{}: {}", cmd(&p.path), self.fault(&p.fault))
    }
}

/// A broken invariant of a store, in Hebrew.
fn breach(b: &Breach) -> String {
    match b {
        Breach::Loop { code } => format!("קוד {code}: הוריו מובילים חזרה אליו (לולאה בעץ הקודים)"),
        Breach::Span {
            quote,
            start,
            end,
            len,
        } => format!("ציטוט {quote}: הקטע {start}..{end} ריק או מחוץ לטקסט של המסמך ({len} תווים)"),
    }
}

/// The Hebrew for a kind of entity an id points at.
fn noun(target: &str) -> String {
    match target {
        "program" => "תוכנית",
        "cohort" => "מחזור",
        "session" => "מפגש",
        "instrument" => "כלי מחקר",
        "segment" => "פלח",
        "scale" => "סולם",
        "question" => "שאלה",
        "document" => "מסמך",
        "quote" => "ציטוט",
        "code" => "קוד",
        "coder" => "מקודד/ת",
        "coding" => "קידוד",
        "finding" => "ממצא",
        "recommendation" => "המלצה",
        "respondent" => "משיב/ה",
        other => return iso(other),
    }
    .to_string()
}

fn shown(p: &std::path::Path) -> String {
    iso(&p.display().to_string())
}
