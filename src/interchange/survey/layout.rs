//! How each survey tool lays its export out: how many header rows, which
//! holds the column's name and which the question's text, and how a
//! question's columns are grouped.

use super::read::Sheet;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// One header row of the questions' texts; a timestamp first.
    GoogleForms,
    /// Three header rows: export tags, question texts, `{"ImportId":…}`.
    Qualtrics,
    /// Two header rows: `V1`… or export tags, then question texts.
    QualtricsLegacy,
    /// Two header rows: a question's text over its first column (blank
    /// over the rest of it), then each column's answer or option.
    SurveyMonkey,
    /// One header row of codes (`Q1[SQ001]`) or of texts.
    LimeSurvey,
    /// One header row of group paths (`group/question`), `;` mostly.
    Kobo,
    /// One header row of names.
    Plain,
}

impl Layout {
    pub fn header_rows(self) -> usize {
        match self {
            Layout::Qualtrics => 3,
            Layout::QualtricsLegacy | Layout::SurveyMonkey => 2,
            _ => 1,
        }
    }
}

/// A column as the file describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Its name, unique in the file: what a map names it by.
    pub name: String,
    /// The question's text, as the file gives it (the name when it gives
    /// none).
    pub text: String,
    /// The question it is a part of (a matrix's or a multiple choice's),
    /// when the file says; empty otherwise.
    pub group: String,
    /// The option or row it stands for within its group.
    pub part: String,
    /// What else the file says of it: Qualtrics' import id (`QID2_TEXT`
    /// for a text entry).
    pub hint: String,
    /// Its question's options in order, when the file gives them
    /// (LimeSurvey's structure).
    pub options: Vec<String>,
}

const TIMESTAMPS: &[&str] = &[
    "timestamp",
    "חותמת זמן",
    "marca temporal",
    "horodateur",
    "zeitstempel",
    "informazioni cronologiche",
    "carimbo de data/hora",
];

/// The layout of a sheet, from its first rows.
pub fn detect(sheet: &Sheet) -> Layout {
    let row = |i: usize| {
        sheet
            .records
            .get(i)
            .map(|(_, r)| r.as_slice())
            .unwrap_or(&[])
    };
    let has = |i: usize, name: &str| row(i).iter().any(|c| c.trim().eq_ignore_ascii_case(name));
    if row(2)
        .iter()
        .any(|c| c.trim_start().starts_with("{\"ImportId\""))
    {
        return Layout::Qualtrics;
    }
    if has(0, "ResponseID") && has(0, "ResponseSet")
        || row(0).first().is_some_and(|c| c == "V1") && has(1, "ResponseID")
    {
        return Layout::QualtricsLegacy;
    }
    if has(0, "Respondent ID") && (has(0, "Collector ID") || has(0, "Start Date")) {
        return Layout::SurveyMonkey;
    }
    if has(0, "submitdate") && (has(0, "lastpage") || has(0, "startlanguage")) {
        return Layout::LimeSurvey;
    }
    if has(0, "_uuid") || has(0, "_submission_time") {
        return Layout::Kobo;
    }
    if row(0)
        .first()
        .is_some_and(|c| TIMESTAMPS.contains(&c.trim().to_lowercase().as_str()))
    {
        return Layout::GoogleForms;
    }
    Layout::Plain
}

/// The columns of a sheet laid out as `layout` says, each with a unique
/// name.
pub fn columns(sheet: &Sheet, layout: Layout) -> Vec<Column> {
    let row = |i: usize| {
        sheet
            .records
            .get(i)
            .map(|(_, r)| r.as_slice())
            .unwrap_or(&[])
    };
    let width = sheet
        .records
        .iter()
        .map(|(_, r)| r.len())
        .max()
        .unwrap_or(0);
    let cell = |i: usize, c: usize| {
        row(i)
            .get(c)
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let mut out: Vec<Column> = Vec::with_capacity(width);
    let mut group = String::new();
    for c in 0..width {
        let col = match layout {
            Layout::Qualtrics | Layout::QualtricsLegacy => {
                let (name, text) = (cell(0, c), cell(1, c));
                // The legacy export numbers its metadata `V1`, `V2`…: the
                // second row names them (`ResponseID`).
                let positional = layout == Layout::QualtricsLegacy
                    && name.len() > 1
                    && name.starts_with('V')
                    && name[1..].bytes().all(|b| b.is_ascii_digit());
                let name = if positional && !text.is_empty() {
                    text.clone()
                } else {
                    name
                };
                // Qualtrics names a matrix's rows `Q5_1`, its options' texts
                // `Question - Row`.
                let (g, part) = match text.rsplit_once(" - ") {
                    Some((g, p)) if name.contains('_') => (g.to_string(), p.to_string()),
                    _ => (String::new(), String::new()),
                };
                Column {
                    name,
                    text,
                    group: g,
                    part,
                    hint: if layout == Layout::Qualtrics {
                        import_id(&cell(2, c))
                    } else {
                        String::new()
                    },
                    options: vec![],
                }
            }
            Layout::SurveyMonkey => {
                let top = cell(0, c);
                if !top.is_empty() {
                    group = top;
                }
                let sub = cell(1, c);
                let plain = sub.is_empty()
                    || sub.eq_ignore_ascii_case("Response")
                    || sub.eq_ignore_ascii_case("Open-Ended Response");
                let name = if plain {
                    group.clone()
                } else {
                    format!("{group} / {sub}")
                };
                Column {
                    name,
                    hint: if sub.eq_ignore_ascii_case("Open-Ended Response") {
                        "open".into()
                    } else {
                        String::new()
                    },
                    options: vec![],
                    text: group.clone(),
                    group: if plain { String::new() } else { group.clone() },
                    part: if plain { String::new() } else { sub },
                }
            }
            Layout::LimeSurvey => {
                let name = cell(0, c);
                match name.strip_suffix(']').and_then(|n| n.split_once('[')) {
                    Some((g, p)) => Column {
                        hint: String::new(),
                        options: vec![],
                        text: name.clone(),
                        group: g.to_string(),
                        part: p.to_string(),
                        name,
                    },
                    None => Column {
                        hint: String::new(),
                        options: vec![],
                        text: name.clone(),
                        name,
                        group: String::new(),
                        part: String::new(),
                    },
                }
            }
            Layout::Kobo => {
                let name = cell(0, c);
                let (g, last) = match name.rsplit_once('/') {
                    Some((g, l)) => (g.to_string(), l.to_string()),
                    None => (String::new(), name.clone()),
                };
                Column {
                    hint: String::new(),
                    options: vec![],
                    name: name.clone(),
                    text: last,
                    group: g,
                    part: String::new(),
                }
            }
            Layout::GoogleForms | Layout::Plain => {
                let name = cell(0, c);
                // Google Forms names a grid's rows `Question [Row]`.
                let (g, p) = match name.strip_suffix(']').and_then(|n| n.rsplit_once(" [")) {
                    Some((g, p)) => (g.to_string(), p.to_string()),
                    None => (String::new(), String::new()),
                };
                Column {
                    text: name.clone(),
                    name,
                    group: g,
                    part: p,
                    hint: String::new(),
                    options: vec![],
                }
            }
        };
        out.push(col);
    }
    if layout == Layout::Kobo {
        kobo_options(&mut out);
    }
    unique_names(&mut out);
    out
}

/// KoboToolbox writes a multiple choice (`select_multiple`) as a column of
/// the chosen options' names and, after it, a column per option named
/// below it (`group/question/option`, 1 or 0): those are its options, and
/// the column they are named below is told so (`hint`), its answers being
/// theirs.
fn kobo_options(cols: &mut [Column]) {
    let parents: std::collections::HashSet<String> = cols.iter().map(|c| c.name.clone()).collect();
    let mut has_options = std::collections::HashSet::new();
    for c in cols.iter_mut() {
        if !c.group.is_empty() && parents.contains(&c.group) {
            c.part = c.text.clone();
            has_options.insert(c.group.clone());
        }
    }
    for c in cols.iter_mut() {
        if has_options.contains(&c.name) {
            c.hint = "options below".into();
        }
    }
}

/// The `ImportId` of Qualtrics' third header row (`{"ImportId":"QID1"}`).
fn import_id(cell: &str) -> String {
    serde_json::from_str::<serde_json::Value>(cell)
        .ok()
        .and_then(|v| v.get("ImportId")?.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Names made unique in the file's order: an empty name becomes `column
/// N`, a repeated one takes ` (2)`, ` (3)`….
fn unique_names(cols: &mut [Column]) {
    let mut seen = std::collections::HashSet::new();
    for (i, c) in cols.iter_mut().enumerate() {
        if c.name.is_empty() {
            c.name = format!("column {}", i + 1);
        }
        if c.text.is_empty() {
            c.text = c.name.clone();
        }
        let base = c.name.clone();
        let mut k = 1;
        while !seen.insert(c.name.clone()) {
            k += 1;
            c.name = format!("{base} ({k})");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::survey::read::sheet;

    #[test]
    fn each_tool_is_told_by_its_header() {
        let layout = |t: &str| detect(&sheet(t.as_bytes(), None, None).unwrap());
        assert_eq!(
            layout("Timestamp,Q1\n8/21/2019 13:10:31,Yes\n"),
            Layout::GoogleForms
        );
        assert_eq!(
            layout("Respondent ID,Collector ID,Start Date,Q1\n,,,Response\n1,2,3,Yes\n"),
            Layout::SurveyMonkey
        );
        assert_eq!(
            layout("id,submitdate,lastpage,startlanguage,Q1[SQ001]\n1,,2,he,A1\n"),
            Layout::LimeSurvey
        );
        assert_eq!(
            layout("start;end;group_a/q1;_uuid\n1;2;3;4\n"),
            Layout::Kobo
        );
        assert_eq!(layout("Case,Age\nID4,24\n"), Layout::Plain);
    }

    #[test]
    fn a_kobo_multiple_choice_has_its_options_in_columns_below_it() {
        let s = sheet(
            "start;g/tools;g/tools/crm;g/tools/gis;g/consent;_uuid\n1;crm;1;0;yes;u1\n".as_bytes(),
            None,
            None,
        )
        .unwrap();
        let cols = columns(&s, Layout::Kobo);
        assert_eq!(cols[1].hint, "options below");
        assert_eq!(
            (cols[2].group.as_str(), cols[2].part.as_str()),
            ("g/tools", "crm")
        );
        // A question in a group is no option.
        assert_eq!((cols[4].group.as_str(), cols[4].part.as_str()), ("g", ""));
    }

    #[test]
    fn survey_monkey_names_each_option_under_its_question() {
        let s = sheet(
            "Respondent ID,Which?,,Say more\n,A,B,Open-Ended Response\n1,A,,x\n".as_bytes(),
            None,
            None,
        )
        .unwrap();
        let cols = columns(&s, Layout::SurveyMonkey);
        let names: Vec<&str> = cols.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            ["Respondent ID", "Which? / A", "Which? / B", "Say more"]
        );
        assert_eq!(cols[2].group, "Which?");
        assert_eq!(cols[2].part, "B");
    }

    #[test]
    fn repeated_and_empty_names_are_made_unique() {
        let s = sheet(b"a,a,\n1,2,3\n", None, None).unwrap();
        let cols = columns(&s, Layout::Plain);
        let names: Vec<&str> = cols.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["a", "a (2)", "column 3"]);
    }
}
