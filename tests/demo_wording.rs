//! The demo's prose is its own: no text the demo store holds repeats six
//! consecutive words of either source report (figures, dates, counts and
//! structure carry over; sentences are written anew). Read from
//! `../shared/seeds/`, and skipped, saying so, where that folder is absent.

use std::collections::HashSet;
use std::path::Path;

/// How many consecutive words may be shared.
const RUN: usize = 6;

/// A text's words, each without the letters ו and י, which Hebrew spells
/// with or without (התוכנית, התכנית): the same word either way.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || "״׳\"'%".contains(c)))
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().filter(|c| !matches!(c, 'ו' | 'י')).collect())
        .collect()
}

/// Every run of `RUN` words of a report, in its order and, line by line,
/// reversed (the deck's text came out of a PDF with many lines' words in
/// reverse order).
fn runs(report: &str) -> HashSet<Vec<String>> {
    let mut all = HashSet::new();
    let w = words(report);
    all.extend(w.windows(RUN).map(<[String]>::to_vec));
    for line in report.lines() {
        let mut w = words(line);
        w.reverse();
        all.extend(w.windows(RUN).map(<[String]>::to_vec));
    }
    all
}

/// Each string in a JSON value, with its path.
fn strings(v: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::String(s) => out.push((path, s.clone())),
        serde_json::Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                strings(x, format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::Object(fields) => {
            for (k, x) in fields {
                strings(x, format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn no_demo_text_repeats_six_words_of_a_report() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let reports: Vec<String> = ["000_1a6cd3a646649edf.txt", "002_dbb7d23445c75d39.txt"]
        .iter()
        .filter_map(|f| std::fs::read_to_string(seeds.join(f)).ok())
        .collect();
    if reports.len() < 2 {
        eprintln!("skipped: the reports are not in {}", seeds.display());
        return;
    }
    let known: HashSet<Vec<String>> = reports.iter().flat_map(|r| runs(r)).collect();
    assert!(
        known.len() > 1_000,
        "the reports were read: {}",
        known.len()
    );
    let demo: serde_json::Value = serde_json::from_str(tovana::interchange::DEMO_JSON).unwrap();
    let mut texts = vec![];
    strings(&demo, String::new(), &mut texts);
    let repeated: Vec<String> = texts
        .iter()
        .filter_map(|(path, text)| {
            let w = words(text);
            w.windows(RUN)
                .find(|run| known.contains(*run))
                .map(|run| format!("{path}: {text} (shares: {})", run.join(" ")))
        })
        .collect();
    assert!(repeated.is_empty(), "{}", repeated.join("\n"));
}

#[test]
fn a_sentence_taken_whole_is_caught_and_one_written_anew_is_not() {
    // The check itself, on a report line and two wordings of it.
    let known = runs("התוכנית עצמה היא דוגמה לחדשנות בעידן הדיגיטלי\n");
    let taken = words("התכנית עצמה היא דוגמה לחדשנות בעידן הדיגיטלי");
    assert!(taken.windows(RUN).any(|r| known.contains(r)));
    let anew = words("התוכנית עצמה מדגימה חדשנות של העידן הדיגיטלי");
    assert!(!anew.windows(RUN).any(|r| known.contains(r)));
    // A deck line whose words came out reversed is caught too.
    let reversed = runs("הדיגיטלי בעידן לחדשנות דוגמה היא עצמה התוכנית\n");
    assert!(taken.windows(RUN).any(|r| reversed.contains(r)));
}
