//! Golden cases of the right-to-left layout: logical text in, the cells a
//! terminal receives out, at widths 20, 40 and 80.
//!
//! The expected rows in `tests/golden/bidi.txt` come from GNU FriBidi: its
//! embedding levels for each whole paragraph (`fribidi --levels`), applied
//! to the lines of tovana's wrapping by rule L2 of UAX #9, done by hand in
//! this file on grapheme clusters, with mirroring at odd levels; right-to-left
//! paragraphs are right-aligned. (FriBidi's own line breaking cuts words and
//! reorders before breaking, so its rows cannot be used whole; and reordering
//! each line as a paragraph of its own would lose the paragraph's context.) `TOVANA_WRITE_GOLDEN=1
//! cargo test --test bidi_golden` writes the file anew from FriBidi;
//! `fribidi_agrees_on_every_line` re-derives it live wherever FriBidi is
//! installed (CI installs `libfribidi-bin`).

use std::io::Write;
use std::process::{Command, Stdio};
use tovana::text::{Direction, Order, layout, mirror, sanitize, width};
use unicode_segmentation::UnicodeSegmentation;

const WIDTHS: [usize; 3] = [20, 40, 80];

/// (name, logical text, forced direction)
const CASES: &[(&str, &str, Option<Direction>)] = &[
    ("hebrew alone", "התוכנית הקנתה למשתתפים כלים חדשים", None),
    ("hebrew with a number", "השתתפו בתוכנית 37 משתתפים", None),
    ("percentage first", "94% משתמשים בשיטות Agile, BI", None),
    (
        "percentage in brackets",
        "רוב המשיבים (85% בממוצע) רכשו ידע חדש",
        None,
    ),
    (
        "year range with en dash",
        "המחזור פעל בשנים 2019–2020 ונמשך כשנה",
        None,
    ),
    ("range with hyphen", "בין 3-5 מפגשים בחודש", None),
    ("month date", "השאלון הועבר ב-2017-09 לכל המשתתפים", None),
    ("an english word", "הפגישה עם Creators הייתה קצרה", None),
    ("acronyms", "שימוש בכלי BI ו-UX ברשות", None),
    (
        "english with a hebrew phrase",
        "The program is called מובילים דיגיטליים in Hebrew.",
        None,
    ),
    (
        "english with a hebrew letter and number",
        "Cohort ג had 40 participants",
        None,
    ),
    (
        "round brackets",
        "המשתתפים (32 מהשלטון המקומי) דיווחו",
        None,
    ),
    ("square brackets", "ראו [נספח א] לפרטים", None),
    ("braces", "הקוד {מנהיגות} הוחל על הציטוט", None),
    ("angle brackets", "הערך <גבוה> נרשם בטבלה", None),
    ("guillemets", "כך נאמר: «התוכנית פתחה לי את הראש»", None),
    ("gershayim", "שיתוף פעולה עם רשויות (שת״פ) בחו״ל", None),
    ("geresh", "מחזור ג׳ ומחזור א׳ הושוו", None),
    ("ascii quotes", "המשתתף אמר \"זה עבד\" בראיון", None),
    ("niqqud", "שָׁלוֹם עוֹלָם", None),
    ("niqqud with a year", "בְּרֵאשִׁית 2017 הַתּוֹכְנִית", None),
    (
        "several paragraphs",
        "פסקה ראשונה בעברית.\nSecond paragraph, in English.\nפסקה שלישית עם 3 מילים.",
        None,
    ),
    (
        "a sentence that wraps",
        "המשתתפים דיווחו שהתוכנית הרחיבה את הידע שלהם על מגמות בעולם הדיגיטלי, אך ביקשו יותר התנסות מעשית בכלים עצמם ובעבודה מול יזמים",
        None,
    ),
    (
        "a word longer than the width",
        "מילהארוכהמאודשאיןבהרווחבכללוגםלא ומילה",
        None,
    ),
    (
        "a long url",
        "ראו https://example.org/a/very/long/path/that/does/not/fit עכשיו",
        None,
    ),
    (
        "slashed percentages",
        "92% / 76% / 56% יצרו או חיזקו קשרים",
        None,
    ),
    ("a negative number", "שינוי של -5 נקודות בציון", None),
    ("a decimal", "ממוצע 4.5 מתוך 5 במדד", None),
    ("currency", "עלות של 1,200 ₪ למשתתף", None),
    ("times of day", "המפגש התחיל ב-09:30 והסתיים ב-16:00", None),
    ("an email address", "כתבו ל-team@example.org בכל שאלה", None),
    ("english alone", "Digital leaders in local government", None),
    ("numbers alone", "2019–2020", None),
    ("question mark", "האם התוכנית ענתה על ציפיותיך?", None),
    ("colon and commas", "המלצות: פרסום, היכרות, כלים.", None),
    (
        "english forced right-to-left",
        "Agile BI Dashboard",
        Some(Direction::Rtl),
    ),
    (
        "hebrew forced left-to-right",
        "שלום עולם 2020",
        Some(Direction::Ltr),
    ),
    ("a year first", "2017 הייתה השנה הראשונה", None),
    ("an acronym first", "BI הוא כלי חשוב לניתוח", None),
    (
        "nested brackets across scripts",
        "הכלים (Agile, BI (ניתוח נתונים)) שימשו",
        None,
    ),
    ("a count of a total", "33 מתוך 37 (89%) השיבו לשאלון", None),
    ("an emoji", "תודה רבה 😀 לכולם", None),
    ("escape codes in the data", "שלום\u{1b}[31m עולם", None),
    (
        "an override in the data",
        "\u{202E}abc שלום\u{202C} סוף",
        None,
    ),
    ("a tab", "עמודה\tשנייה", None),
    ("maqaf", "בית־ספר דו־לשוני", None),
    (
        "truncation-length text",
        "מובילים דיגיטליים – התוכנית לשלטון המקומי, מחזור ג׳, 2019–2020",
        None,
    ),
    ("empty", "", None),
];

/// What tovana sends for one case at one width: each row exactly `width`
/// cells (wide characters counted twice).
fn ours(text: &str, w: usize, dir: Option<Direction>) -> Vec<String> {
    layout(text, w, dir, Order::Visual)
        .lines
        .iter()
        .map(|l| pad(&format!("{}{}", " ".repeat(l.indent), l.text), w))
        .collect()
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

fn fribidi_available() -> bool {
    Command::new("fribidi")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// FriBidi's embedding levels for one paragraph, one per character.
fn fribidi_levels(paragraph: &str, dir: Direction) -> Vec<u8> {
    let flag = match dir {
        Direction::Rtl => "--rtl",
        Direction::Ltr => "--ltr",
    };
    let mut child = Command::new("fribidi")
        .args(["--levels", "--novisual", "--nobreak", flag])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{paragraph}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let levels: Vec<u8> = String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .map(|l| l.parse().unwrap())
        .collect();
    assert_eq!(
        levels.len(),
        paragraph.chars().count(),
        "a level per character of {paragraph:?}"
    );
    levels
}

/// The reference rows for a case: tovana's line breaks (in logical order),
/// FriBidi's levels for each whole paragraph, and rule L2 of UAX #9 done
/// here by hand on grapheme clusters: from the highest level down to the
/// lowest odd one, reverse every run at that level or above; then mirror
/// what ended up at an odd level.
fn fribidi(text: &str, w: usize, dir: Option<Direction>) -> Vec<String> {
    let lines = layout(text, w, dir, Order::Logical).lines;
    let mut rows = vec![];
    let mut next = 0;
    for raw in text.split('\n') {
        let clean = sanitize(raw);
        let mut from = 0; // byte offset in `clean` of the next line
        let mut levels = None;
        for line in lines[next..].iter().cloned() {
            let Some(found) = clean[from..].find(&line.text) else {
                break;
            };
            let start = from + found;
            from = start + line.text.len();
            next += 1;
            let levels = levels.get_or_insert_with(|| fribidi_levels(&clean, line.direction));
            let first_char = clean[..start].chars().count();
            let mut clusters: Vec<(String, u8)> = vec![];
            let mut i = first_char;
            for g in line.text.graphemes(true) {
                clusters.push((g.to_string(), levels[i]));
                i += g.chars().count();
            }
            let top = clusters.iter().map(|c| c.1).max().unwrap_or(0);
            let lowest_odd = clusters.iter().map(|c| c.1).filter(|l| l % 2 == 1).min();
            if let Some(lowest_odd) = lowest_odd {
                for level in (lowest_odd..=top).rev() {
                    let mut k = 0;
                    while k < clusters.len() {
                        if clusters[k].1 >= level {
                            let run_end = (k..clusters.len())
                                .find(|&j| clusters[j].1 < level)
                                .unwrap_or(clusters.len());
                            clusters[k..run_end].reverse();
                            k = run_end;
                        } else {
                            k += 1;
                        }
                    }
                }
            }
            let visual: String = clusters
                .iter()
                .map(
                    |(g, level)| match (level % 2, g.chars().next().and_then(mirror)) {
                        (1, Some(m)) if g.chars().count() == 1 => m.to_string(),
                        _ => g.clone(),
                    },
                )
                .collect();
            let indent = match line.direction {
                Direction::Rtl => w.saturating_sub(width(&visual)),
                Direction::Ltr => 0,
            };
            rows.push(pad(&format!("{}{visual}", " ".repeat(indent)), w));
            if from >= clean.trim_end().len() {
                break;
            }
        }
    }
    assert_eq!(
        rows.len(),
        lines.len(),
        "every line was matched to its paragraph"
    );
    rows
}

const GOLDEN: &str = "tests/golden/bidi.txt";

fn render_file(rows: impl Fn(&str, usize, Option<Direction>) -> Vec<String>) -> String {
    let mut out = String::from(
        "# Right-to-left golden cases: the logical text (<), then the rows a terminal\n\
         # receives (> |...|), each exactly as wide as the case says.\n\
         # Written from GNU FriBidi by tests/bidi_golden.rs; do not edit by hand.\n",
    );
    for (name, text, dir) in CASES {
        for w in WIDTHS {
            let d = match dir {
                None => "auto",
                Some(Direction::Rtl) => "rtl",
                Some(Direction::Ltr) => "ltr",
            };
            out.push_str(&format!("\n## {name} | width {w} | direction {d}\n"));
            out.push_str(&format!("< {}\n", text.escape_debug()));
            for row in rows(text, w, *dir) {
                out.push_str(&format!("> |{row}|\n"));
            }
        }
    }
    out
}

#[test]
fn the_golden_table_is_big_enough() {
    assert!(CASES.len() >= 40, "{} cases", CASES.len());
}

#[test]
fn every_case_matches_its_golden_rows() {
    if std::env::var_os("TOVANA_WRITE_GOLDEN").is_some() {
        assert!(fribidi_available(), "writing the golden file needs fribidi");
        std::fs::write(GOLDEN, render_file(fribidi)).unwrap();
    }
    let expected = std::fs::read_to_string(GOLDEN).unwrap();
    let actual = render_file(ours);
    if expected != actual {
        // Name the first case that differs, with both versions.
        let e: Vec<&str> = expected.split("\n## ").collect();
        let a: Vec<&str> = actual.split("\n## ").collect();
        for (x, y) in e.iter().zip(&a) {
            assert_eq!(y, x, "a golden case differs (ours left, FriBidi's right)");
        }
        assert_eq!(e.len(), a.len(), "the number of cases differs");
    }
}

#[test]
fn fribidi_agrees_on_every_line() {
    if !fribidi_available() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have fribidi (libfribidi-bin) to check the golden cases live"
        );
        eprintln!("fribidi is not installed: the live check was skipped");
        return;
    }
    for (name, text, dir) in CASES {
        for w in WIDTHS {
            assert_eq!(
                ours(text, w, *dir),
                fribidi(text, w, *dir),
                "{name} at width {w}"
            );
        }
    }
}
