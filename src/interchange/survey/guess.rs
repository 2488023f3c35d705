//! A first mapping of a survey file, guessed from its header and values:
//! the tools' own metadata left out, an id column found, known scale
//! labels recognised, multiple-choice cells split, numbers, attributes and
//! open answers told apart. Each column's guess comes with what was seen
//! in it, written as a comment over it.

use super::choices::joined_options;
use super::ids::{METADATA, find_id};
use super::layout::{Column, Layout};
use super::map::{Map, MapColumn, MapOption, MapScale, Source, Treat};
use super::read::Sheet;
use super::scales::{normal, recognise};
use crate::domain::Valence;
use std::collections::BTreeMap;

/// What a column's values look like.
struct Seen<'a> {
    values: Vec<&'a str>,
    distinct: BTreeMap<&'a str, usize>,
}

impl<'a> Seen<'a> {
    fn of(rows: &'a [(usize, Vec<String>)], c: usize, missing: &[String]) -> Self {
        let values: Vec<&str> = rows
            .iter()
            .filter_map(|(_, r)| r.get(c).map(|s| s.trim()))
            .filter(|s| !s.is_empty() && !missing.iter().any(|m| m == s))
            .collect();
        let mut distinct = BTreeMap::new();
        for v in &values {
            *distinct.entry(*v).or_insert(0) += 1;
        }
        Seen { values, distinct }
    }

    fn numbers(&self) -> Option<Vec<f64>> {
        self.values.iter().map(|v| number(v)).collect()
    }

    fn mean_words(&self) -> usize {
        if self.values.is_empty() {
            return 0;
        }
        self.values
            .iter()
            .map(|v| v.split_whitespace().count())
            .sum::<usize>()
            / self.values.len()
    }

    fn mean_len(&self) -> usize {
        if self.values.is_empty() {
            return 0;
        }
        self.values.iter().map(|v| v.chars().count()).sum::<usize>() / self.values.len()
    }
}

/// A cell as a number (`domain::read_number`).
pub use crate::domain::read_number as number;

/// The mapping guessed for a sheet, and the notes on each column.
pub fn guess(
    sheet: &Sheet,
    layout: Layout,
    columns: &[Column],
    stem: &str,
) -> (Map, Vec<Vec<String>>) {
    let rows = &sheet.records[layout.header_rows().min(sheet.records.len())..];
    let missing: Vec<String> = vec![];
    let mut scales: Vec<MapScale> = vec![];
    let mut out = vec![];
    let mut notes = vec![];
    let id = find_id(rows, columns);
    // Columns of one group that each hold one option (SurveyMonkey's,
    // LimeSurvey's `Y`, Qualtrics' `1`) are a multiple choice.
    let mut groups: BTreeMap<&str, usize> = BTreeMap::new();
    for c in columns {
        if !c.group.is_empty() {
            *groups.entry(c.group.as_str()).or_insert(0) += 1;
        }
    }
    // What each column holds, read once.
    let seens: Vec<Seen> = (0..columns.len())
        .map(|i| Seen::of(rows, i, &missing))
        .collect();
    // Groups some of whose columns each mark one option: the others of
    // the group, though no one chose them, are options too.
    let multiple: std::collections::HashSet<&str> = columns
        .iter()
        .zip(&seens)
        .filter(|(c, seen)| {
            !c.part.is_empty()
                && groups.get(c.group.as_str()).is_some_and(|n| *n > 1)
                && option_values(seen, c)
        })
        .map(|(c, _)| c.group.as_str())
        .collect();
    let mut role: Option<String> = None;
    for (i, (col, seen)) in columns.iter().zip(&seens).enumerate() {
        let mut note = vec![];
        let shown: Vec<String> = seen
            .distinct
            .iter()
            .take(6)
            .map(|(v, n)| format!("{} ×{n}", short(v)))
            .collect();
        note.push(format!(
            "{} of {} answered; {} distinct{}{}",
            seen.values.len(),
            rows.len(),
            seen.distinct.len(),
            if shown.is_empty() { "" } else { ": " },
            shown.join(", ")
        ));
        if col.text != col.name {
            note.push(format!("text: {}", short(&col.text)));
        }
        let mut column = MapColumn {
            name: col.name.clone(),
            treat: Treat::Ignore,
            text: None,
            topic: None,
            scale: None,
            options: vec![],
            codes: vec![],
            separator: None,
        };
        let lower = normal(&col.name);
        let topic = if col.group.is_empty() {
            stem.to_string()
        } else {
            col.group.clone()
        };
        let one_option = if layout == Layout::LimeSurvey {
            // LimeSurvey says which questions are multiple choices.
            matches!(col.hint.as_str(), "M" | "P") && col.part != "other"
        } else {
            !col.part.is_empty()
                && (multiple.contains(col.group.as_str()) && seen.values.is_empty()
                    || option_values(seen, col))
        };
        if Some(i) == id {
            column.treat = Treat::Ignore;
            note.push("the respondent's id (source.id)".into());
        } else if col.hint == "options below" {
            note.push("its options are the columns named below it".into());
        } else if METADATA.contains(&lower.as_str()) {
            note.push("the survey tool's own data, or personal data".into());
        } else if col.hint.ends_with("_TEXT")
            || col.hint == "open"
            || layout == Layout::LimeSurvey && matches!(col.hint.as_str(), "T" | "U" | "Q")
            || col.part == "other"
        {
            // Qualtrics' and LimeSurvey's text entries, a choice's "other".
            column.treat = Treat::Open;
        } else if !col.options.is_empty()
            && seen
                .distinct
                .keys()
                .all(|v| col.options.iter().any(|o| o == v))
        {
            // Options the file's structure gives, in its order.
            let labels: Vec<&str> = col.options.iter().map(String::as_str).collect();
            let options: Vec<(String, Valence)> = match recognise(&labels) {
                Some(g) if g.options.len() == labels.len() => g.options,
                _ => {
                    note.push("valences by position: check them".into());
                    by_position(&labels)
                }
            };
            let codes = vec![vec![]; options.len()];
            column.treat = Treat::Rating;
            let name = match (labels.first(), labels.last()) {
                (Some(a), Some(b)) if labels.len() > 1 => format!("{a} … {b}"),
                _ => col.name.clone(),
            };
            column.scale = Some(add_scale(&mut scales, &name, &options, &codes));
            column.topic = Some(topic);
            if !col.part.is_empty() {
                column.text = Some(col.part.clone());
            }
        } else if one_option {
            column.treat = Treat::Option;
            column.topic = Some(col.group.clone());
            column.text = Some(if col.part.is_empty() {
                col.text.clone()
            } else {
                col.part.clone()
            });
        } else if seen.values.is_empty() {
            note.push("empty".into());
        } else if let Some(g) = recognise(&seen.distinct.keys().copied().collect::<Vec<_>>()) {
            column.treat = Treat::Rating;
            column.scale = Some(add_scale(&mut scales, &g.name, &g.options, &g.codes));
            column.topic = Some(topic);
            if !col.part.is_empty() {
                column.text = Some(col.part.clone());
            }
        } else if let Some(numbers) = seen.numbers() {
            let whole = numbers.iter().all(|n| n.fract() == 0.0);
            let (lo, hi) = numbers
                .iter()
                .fold((f64::MAX, f64::MIN), |(a, b), n| (a.min(*n), b.max(*n)));
            // Tools that export choices as codes: small whole numbers are
            // a scale's codes, not quantities.
            let coded = matches!(
                layout,
                Layout::Qualtrics | Layout::QualtricsLegacy | Layout::LimeSurvey
            );
            if whole && lo >= 1.0 && hi <= 7.0 && (seen.distinct.len() > 1 || coded) {
                // Codes of a scale whose labels the file does not give.
                // LimeSurvey's arrays of 5 and 10 points.
                let points = match (layout, col.hint.as_str()) {
                    (Layout::LimeSurvey, "A" | "5") => 5,
                    (Layout::LimeSurvey, "B") => 10,
                    _ => 0,
                };
                let k = (hi as usize).max(points);
                let names: Vec<String> = (1..=k).map(|n| n.to_string()).collect();
                let options = by_position(&names.iter().map(String::as_str).collect::<Vec<_>>());
                let codes = vec![vec![]; k];
                column.treat = Treat::Rating;
                column.scale = Some(add_scale(&mut scales, &format!("1–{k}"), &options, &codes));
                column.topic = Some(topic);
                note.push(format!(
                    "codes 1 to {k}: the file gives no labels; name the scale's options"
                ));
            } else {
                column.treat = Treat::Numeric;
                column.topic = Some(topic);
            }
        } else if let Some(options) = joined_options(&seen.distinct) {
            column.treat = Treat::Multiple;
            column.topic = Some(col.text.clone());
            column.options = options.0;
            column.separator = Some(options.1);
            if column.options.iter().all(|o| o.parse::<u32>().is_ok()) {
                // Codes (Qualtrics' numeric export): kept as the options'
                // codes, for their labels to be written in.
                column
                    .options
                    .sort_by_key(|o| o.parse::<u32>().unwrap_or(0));
                column.codes = column.options.clone();
                note.push("the cells hold codes: write each option's label in `options`".into());
            }
        } else if seen.mean_len() > 30
            || seen.values.iter().any(|v| v.chars().count() > 80)
            || seen.values.len() >= 2
                && seen.distinct.len() == seen.values.len()
                && seen.mean_words() >= 3
        {
            // Long, or sentences no two respondents wrote alike.
            column.treat = Treat::Open;
        } else if seen.distinct.len() <= 30 {
            column.treat = Treat::Attribute;
            if role.is_none() {
                role = Some(col.name.clone());
            }
        } else {
            column.treat = Treat::Open;
        }
        out.push(column);
        notes.push(note);
    }
    let map = Map {
        source: Source {
            layout,
            encoding: Some(sheet.encoding.clone()),
            delimiter: Some(match sheet.delimiter {
                b'\t' => "\t".into(),
                d => (d as char).to_string(),
            }),
            id: id.map(|i| columns[i].name.clone()),
            role: role.filter(|_| out.iter().any(|c| c.treat == Treat::Open)),
            missing,
        },
        scales,
        columns: out,
    };
    (map, notes)
}

/// Whether a column's values mark one option chosen: its label, `Y`, `1`,
/// yes, or their opposites.
fn option_values(seen: &Seen, col: &Column) -> bool {
    !seen.values.is_empty()
        && seen.distinct.len() <= 2
        && seen.distinct.keys().all(|v| {
            v == &col.part
                || matches!(
                    normal(v).as_str(),
                    "y" | "1" | "yes" | "כן" | "0" | "n" | "no" | "לא"
                )
        })
}

/// Options in the order given, the first half negative, the second
/// positive, the middle one of an odd number neutral.
fn by_position(labels: &[&str]) -> Vec<(String, Valence)> {
    let k = labels.len();
    labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let n = i + 1;
            let v = if 2 * n <= k {
                Valence::Negative
            } else if 2 * n == k + 1 {
                Valence::Neutral
            } else {
                Valence::Positive
            };
            (l.to_string(), v)
        })
        .collect()
}

fn short(s: &str) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() > 40 {
        format!("{}…", one.chars().take(40).collect::<String>())
    } else {
        one
    }
}

/// A scale by name, added when the map has none of that name with the
/// same options.
fn add_scale(
    scales: &mut Vec<MapScale>,
    name: &str,
    options: &[(String, Valence)],
    codes: &[Vec<String>],
) -> String {
    let wanted: Vec<MapOption> = options
        .iter()
        .zip(codes)
        .map(|((label, valence), codes)| MapOption {
            label: label.clone(),
            valence: *valence,
            codes: codes.iter().filter(|c| *c != label).cloned().collect(),
        })
        .collect();
    for s in scales.iter_mut() {
        let same = s.options.len() == wanted.len()
            && s.options
                .iter()
                .zip(&wanted)
                .all(|(a, b)| normal(&a.label) == normal(&b.label) && a.valence == b.valence);
        if same {
            for (a, b) in s.options.iter_mut().zip(wanted) {
                for c in b.codes {
                    if !a.codes.contains(&c) {
                        a.codes.push(c);
                    }
                }
            }
            return s.name.clone();
        }
    }
    let mut unique = name.to_string();
    let mut k = 1;
    while scales.iter().any(|s| s.name == unique) {
        k += 1;
        unique = format!("{name} ({k})");
    }
    scales.push(MapScale {
        name: unique.clone(),
        options: wanted,
    });
    unique
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_a_decimal_comma() {
        assert_eq!(number("3,5"), Some(3.5));
        assert_eq!(number(" 10 "), Some(10.0));
        assert_eq!(number("1,000.5"), None);
        assert_eq!(number("abc"), None);
    }
}
