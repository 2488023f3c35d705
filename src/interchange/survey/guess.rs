//! A first mapping of a survey file, guessed from its header and values:
//! the tools' own metadata left out, an id column found, known scale
//! labels recognised, multiple-choice cells split, numbers, attributes and
//! open answers told apart. Each column's guess comes with what was seen
//! in it, written as a comment over it.

use super::layout::{Column, Layout};
use super::map::{Map, MapColumn, MapOption, MapScale, Source, Treat};
use super::read::Sheet;
use super::scales::{normal, recognise};
use crate::domain::Valence;
use std::collections::BTreeMap;

/// Columns the tools add about the response rather than the respondent's
/// answers, and personal data, left out unless the evaluator says.
const METADATA: &[&str] = &[
    // Qualtrics
    "startdate",
    "enddate",
    "status",
    "ipaddress",
    "progress",
    "duration (in seconds)",
    "finished",
    "recordeddate",
    "recipientlastname",
    "recipientfirstname",
    "recipientemail",
    "externalreference",
    "externaldatareference",
    "locationlatitude",
    "locationlongitude",
    "distributionchannel",
    "userlanguage",
    "responseset",
    "name",
    "emailaddress",
    "ipaddress",
    // Google Forms
    "timestamp",
    "חותמת זמן",
    "email address",
    "כתובת אימייל",
    "score",
    "ניקוד",
    // LimeSurvey
    "submitdate",
    "lastpage",
    "startlanguage",
    "seed",
    "datestamp",
    "ipaddr",
    "refurl",
    // SurveyMonkey
    "collector id",
    "start date",
    "end date",
    "ip address",
    "email address",
    "first name",
    "last name",
    "custom data 1",
    // KoboToolbox
    "start",
    "end",
    "today",
    "deviceid",
    "subscriberid",
    "simserial",
    "phonenumber",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "_tags",
    "_index",
    "__version__",
    "_version_",
    "meta/instanceid",
    "_attachments",
    "_geolocation",
];

const ID_NAMES: &[&str] = &[
    "id",
    "responseid",
    "response id",
    "respondent id",
    "respondentid",
    "respondent",
    "respondent number",
    "משיב",
    "משיב/ה",
    "case",
    "case id",
    "caseid",
    "token",
    "_uuid",
    "_id",
    "participant",
    "participant id",
    "מזהה",
    "מספר משיב",
    "מזהה משיב",
    "ת.ז.",
    "מספר",
];

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

/// A cell as a number: `3`, `-1.5`, or `3,5` with a decimal comma.
pub fn number(s: &str) -> Option<f64> {
    let s = s.trim();
    let s = if s.contains(',') && !s.contains('.') {
        std::borrow::Cow::Owned(s.replace(',', "."))
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    s.parse::<f64>().ok().filter(|n| n.is_finite())
}

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
    // Groups some of whose columns each mark one option: the others of
    // the group, though no one chose them, are options too.
    let multiple: std::collections::HashSet<&str> = columns
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            !c.part.is_empty()
                && groups.get(c.group.as_str()).is_some_and(|n| *n > 1)
                && option_values(&Seen::of(rows, *i, &missing), c)
        })
        .map(|(_, c)| c.group.as_str())
        .collect();
    let mut role: Option<String> = None;
    for (i, col) in columns.iter().enumerate() {
        let seen = Seen::of(rows, i, &missing);
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
                    || option_values(&seen, col))
        };
        if Some(i) == id {
            column.treat = Treat::Ignore;
            note.push("the respondent's id (source.id)".into());
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
        } else if let Some(options) = joined_options(&seen) {
            column.treat = Treat::Multiple;
            column.topic = Some(col.text.clone());
            column.options = options.0;
            column.separator = Some(options.1);
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

/// The column that identifies respondents: one named as ids are, every
/// value there and none twice; else the first such column whose name
/// says `id`.
fn find_id(rows: &[(usize, Vec<String>)], columns: &[Column]) -> Option<usize> {
    let unique = |c: usize| {
        let mut seen = std::collections::HashSet::new();
        rows.iter().all(|(_, r)| {
            r.get(c)
                .map(|v| v.trim())
                .is_some_and(|v| !v.is_empty() && seen.insert(v))
        })
    };
    let named = |c: &Column| ID_NAMES.contains(&normal(&c.name).as_str());
    (0..columns.len())
        .find(|c| named(&columns[*c]) && unique(*c))
        .or_else(|| {
            (0..columns.len()).find(|c| {
                let n = normal(&columns[*c].name);
                (n.ends_with(" id") || n.ends_with("_id") || n.ends_with("id")) && unique(*c)
            })
        })
        .or_else(|| {
            // Else the first of the first columns, not the tool's own,
            // whose values are short codes, every one there and none twice.
            (0..columns.len().min(4)).find(|c| {
                !METADATA.contains(&normal(&columns[*c].name).as_str())
                    && unique(*c)
                    && rows.iter().all(|(_, r)| {
                        r.get(*c).is_some_and(|v| {
                            let v = v.trim();
                            v.chars().count() <= 40 && !v.contains(char::is_whitespace)
                        })
                    })
            })
        })
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

/// The options of a column whose cells list several of them, and what
/// joins them: a cell that is one option is its label whole; the others
/// are read as labels joined by `, ` or `;`. `None` when no cell holds
/// more than one.
fn joined_options(seen: &Seen) -> Option<(Vec<String>, String)> {
    for sep in [";", ", "] {
        let several = seen.distinct.keys().filter(|v| v.contains(sep)).count();
        if several == 0 {
            continue;
        }
        let whole: Vec<&str> = seen
            .distinct
            .keys()
            .filter(|v| !v.contains(sep))
            .copied()
            .collect();
        let mut options: Vec<String> = whole.iter().map(|s| s.to_string()).collect();
        let mut uses: BTreeMap<String, usize> = BTreeMap::new();
        for v in seen.distinct.keys() {
            for part in split_choices(v, sep, &whole) {
                *uses.entry(part.clone()).or_insert(0) += 1;
                if !options.contains(&part) {
                    options.push(part);
                }
            }
        }
        // Checkbox labels come back in cells of other combinations and
        // are short; the pieces of prose split at its commas come back, if
        // at all, only with each other.
        let reused = uses.values().filter(|n| **n >= 2).count();
        let mean = options.iter().map(|o| o.chars().count()).sum::<usize>() / options.len().max(1);
        if options.len() <= 40 && 2 * reused >= options.len() && mean <= 60 {
            return Some((options, sep.to_string()));
        }
    }
    None
}

/// The options a cell lists: the known labels it holds whole first (a
/// label may hold the separator), the rest split by it.
pub fn split_choices(cell: &str, sep: &str, known: &[&str]) -> Vec<String> {
    let mut out = vec![];
    let mut rest = cell.trim();
    'next: while !rest.is_empty() {
        let mut by_len: Vec<&&str> = known.iter().collect();
        by_len.sort_by_key(|k| std::cmp::Reverse(k.len()));
        for k in by_len {
            if let Some(after) = rest.strip_prefix(*k)
                && (after.is_empty() || after.trim_start().starts_with(sep.trim()))
            {
                out.push(k.to_string());
                rest = after
                    .trim_start()
                    .strip_prefix(sep.trim())
                    .unwrap_or(after)
                    .trim_start();
                continue 'next;
            }
        }
        match rest.split_once(sep.trim()) {
            Some((a, b)) => {
                if !a.trim().is_empty() {
                    out.push(a.trim().to_string());
                }
                rest = b.trim_start();
            }
            None => {
                out.push(rest.to_string());
                rest = "";
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_of_choices_keeps_a_label_that_holds_the_separator() {
        let known = ["I am autistic", "I know someone who is autistic, or was"];
        assert_eq!(
            split_choices(
                "I am autistic, I know someone who is autistic, or was, Other",
                ", ",
                &known
            ),
            vec![
                "I am autistic",
                "I know someone who is autistic, or was",
                "Other"
            ]
        );
        assert_eq!(split_choices("א;ב", ";", &[]), vec!["א", "ב"]);
    }

    #[test]
    fn numbers_take_a_decimal_comma() {
        assert_eq!(number("3,5"), Some(3.5));
        assert_eq!(number(" 10 "), Some(10.0));
        assert_eq!(number("1,000.5"), None);
        assert_eq!(number("abc"), None);
    }
}
