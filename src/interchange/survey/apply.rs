//! A survey file read through its mapping: respondents, their attributes
//! and answers, multiple choices as a yes/no item per option, and open
//! answers as documents to code. Every value a rating or numeric column
//! holds must read: those that do not are listed with their counts, and
//! nothing is written.

use super::choices::split_choices;
use super::guess::number;
use super::layout::Column;
use super::map::{Map, Treat};
use super::read::Sheet;
use super::scales::normal;
use super::{Flaw, SurveyError};
use crate::domain::{QuestionKind, Scale, ScaleOption, Valence};
use crate::store::respondents::{NewQuestion, NewRespondent, OpenQuestion, SurveyBatch};
use std::collections::{BTreeMap, HashMap};

/// A cell of an option column that says the option was not chosen.
const NOT_CHOSEN: &[&str] = &["0", "n", "no", "false", "לא", "not selected", "לא נבחר"];

fn hebrew(s: &str) -> bool {
    s.chars().any(|c| ('\u{0590}'..='\u{05ff}').contains(&c))
}

/// What a column becomes.
enum Target {
    Attribute(String),
    /// A question, and how its cells read.
    Rating(usize, HashMap<String, u32>),
    Numeric(usize),
    /// Its options' questions, in the map's order.
    /// The questions (an option each), the options' labels and codes, and
    /// what joins a cell's options.
    Multiple(Vec<usize>, Vec<String>, Vec<String>, String),
    /// The question, and its group (the option columns that are answered
    /// or missing together).
    Option(usize, String),
    Open(usize),
    Skip,
}

/// The batch a sheet makes through `map`, for `instrument`; `stem` is the
/// topic of questions the map gives none. Also the file's columns the map
/// does not name.
pub fn batch(
    map: &Map,
    sheet: &Sheet,
    columns: &[Column],
    instrument: crate::domain::Id,
    stem: &str,
) -> Result<(SurveyBatch, Vec<String>), SurveyError> {
    let header_rows = map.source.layout.header_rows();
    let rows = sheet.records.get(header_rows..).unwrap_or(&[]);
    if rows.is_empty() {
        return Err(SurveyError::at(0, Flaw::NoRows));
    }
    let index: HashMap<&str, usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.name.as_str(), i))
        .collect();
    let find = |name: &str| {
        index.get(name).copied().ok_or_else(|| SurveyError {
            line: 0,
            column: Some(name.to_string()),
            flaw: Flaw::NoColumn,
        })
    };
    let mut b = SurveyBatch {
        instrument,
        ..Default::default()
    };
    let mut scale_of: HashMap<String, usize> = HashMap::new();
    for s in &map.scales {
        if s.options.is_empty() {
            return Err(SurveyError::at(0, Flaw::EmptyScale(s.name.clone())));
        }
        scale_of.insert(s.name.clone(), b.scales.len());
        b.scales.push(Scale {
            id: 0,
            name: s.name.clone(),
            options: s
                .options
                .iter()
                .map(|o| ScaleOption {
                    label: o.label.clone(),
                    valence: o.valence,
                })
                .collect(),
        });
    }
    let id_column = map.source.id.as_deref().map(find).transpose()?;
    let mut targets: Vec<(usize, Target)> = vec![];
    let mut questions: Vec<NewQuestion> = vec![];
    let mut open: Vec<OpenQuestion> = vec![];
    let mut named = vec![false; columns.len()];
    if let Some(i) = id_column {
        named[i] = true;
    }
    for mc in &map.columns {
        let c = find(&mc.name)?;
        named[c] = true;
        let col = &columns[c];
        let text = mc.text.clone().unwrap_or_else(|| {
            if col.part.is_empty() {
                col.text.clone()
            } else {
                col.part.clone()
            }
        });
        let topic = mc.topic.clone().unwrap_or_else(|| {
            if col.group.is_empty() {
                stem.to_string()
            } else {
                col.group.clone()
            }
        });
        let mut question =
            |kind: QuestionKind, scale: usize, field: String, topic: &str, wording: &str| {
                questions.push(NewQuestion {
                    field,
                    topic: topic.to_string(),
                    wording: wording.to_string(),
                    kind,
                    scale,
                });
                questions.len() - 1
            };
        let target = match mc.treat {
            Treat::Ignore => Target::Skip,
            Treat::Attribute => {
                Target::Attribute(mc.text.clone().unwrap_or_else(|| col.name.clone()))
            }
            Treat::Rating => {
                let name = mc.scale.as_deref().ok_or_else(|| SurveyError {
                    line: 0,
                    column: Some(mc.name.clone()),
                    flaw: Flaw::NoScale(String::new()),
                })?;
                let s = map
                    .scales
                    .iter()
                    .find(|s| s.name == name)
                    .ok_or_else(|| SurveyError {
                        line: 0,
                        column: Some(mc.name.clone()),
                        flaw: Flaw::NoScale(name.to_string()),
                    })?;
                let mut reads = HashMap::new();
                // Each label and code as written (what a file mostly
                // holds, found without folding) and folded.
                for (i, o) in s.options.iter().enumerate() {
                    for l in std::iter::once(&o.label).chain(&o.codes) {
                        reads.insert(l.trim().to_string(), i as u32);
                        reads.insert(normal(l), i as u32);
                    }
                }
                let q = question(
                    QuestionKind::Rating,
                    scale_of[name],
                    mc.name.clone(),
                    &topic,
                    &text,
                );
                Target::Rating(q, reads)
            }
            Treat::Numeric => {
                let name = if hebrew(&text) { "מספר" } else { "number" };
                let s = special(&mut scale_of, &mut b.scales, name, &[]);
                Target::Numeric(question(
                    QuestionKind::Numeric,
                    s,
                    mc.name.clone(),
                    &topic,
                    &text,
                ))
            }
            Treat::Multiple => {
                if mc.options.is_empty() {
                    return Err(SurveyError {
                        line: 0,
                        column: Some(mc.name.clone()),
                        flaw: Flaw::NoOptions,
                    });
                }
                if !mc.codes.is_empty() && mc.codes.len() != mc.options.len() {
                    return Err(SurveyError {
                        line: 0,
                        column: Some(mc.name.clone()),
                        flaw: Flaw::CodesAndOptions(mc.codes.len(), mc.options.len()),
                    });
                }
                let s = choice_scale(&mut scale_of, &mut b.scales, &text);
                let topic = mc.topic.clone().unwrap_or_else(|| text.clone());
                let qs = mc
                    .options
                    .iter()
                    .map(|o| {
                        question(
                            QuestionKind::Choice,
                            s,
                            format!("{} [{o}]", mc.name),
                            &topic,
                            o,
                        )
                    })
                    .collect();
                Target::Multiple(
                    qs,
                    mc.options.clone(),
                    mc.codes.clone(),
                    mc.separator.clone().unwrap_or_else(|| ", ".into()),
                )
            }
            Treat::Option => {
                let s = choice_scale(&mut scale_of, &mut b.scales, &text);
                let q = question(QuestionKind::Choice, s, mc.name.clone(), &topic, &text);
                Target::Option(q, topic.clone())
            }
            Treat::Open => {
                // A part of a question ("other") is titled with it.
                let title = match (&mc.text, col.part.is_empty(), col.group.is_empty()) {
                    (None, false, false) => format!("{} / {}", col.group, col.part),
                    _ => text.clone(),
                };
                open.push(OpenQuestion {
                    field: mc.name.clone(),
                    title,
                    answers: vec![],
                    role: map.source.role.clone(),
                });
                Target::Open(open.len() - 1)
            }
        };
        targets.push((c, target));
    }
    let missing: Vec<String> = map.source.missing.iter().map(|m| normal(m)).collect();
    let is_missing =
        |v: &str| v.trim().is_empty() || !missing.is_empty() && missing.contains(&normal(v));
    let mut unknown: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    let mut keys: HashMap<String, usize> = HashMap::new();
    for (n, (line, cells)) in rows.iter().enumerate() {
        let cell = |c: usize| cells.get(c).map(|s| s.as_str()).unwrap_or("");
        let key = match id_column {
            Some(c) => {
                let k = cell(c).trim().to_string();
                if k.is_empty() {
                    return Err(SurveyError {
                        line: *line,
                        column: Some(columns[c].name.clone()),
                        flaw: Flaw::NoId,
                    });
                }
                k
            }
            None => format!("row {}", n + 1),
        };
        if let Some(first) = keys.insert(key.clone(), *line) {
            return Err(SurveyError {
                line: *line,
                column: id_column.map(|c| columns[c].name.clone()),
                flaw: Flaw::IdTwice { key, first },
            });
        }
        let r = b.respondents.len();
        let mut respondent = NewRespondent {
            key,
            attributes: BTreeMap::new(),
        };
        // The option columns of a group answered in this row.
        let mut answered: HashMap<&str, bool> = HashMap::new();
        for (c, t) in &targets {
            if let Target::Option(_, group) = t {
                let e = answered.entry(group.as_str()).or_insert(false);
                *e |= !is_missing(cell(*c));
            }
        }
        for (c, t) in &targets {
            let v = cell(*c).trim();
            let mut strange = |v: &str| {
                let e = unknown
                    .entry((columns[*c].name.clone(), v.to_string()))
                    .or_insert((0, *line));
                e.0 += 1;
            };
            match t {
                Target::Skip => {}
                Target::Attribute(name) => {
                    if !v.is_empty() {
                        respondent.attributes.insert(name.clone(), v.to_string());
                    }
                }
                Target::Rating(q, reads) => {
                    let option = if is_missing(v) {
                        None
                    } else {
                        match reads.get(v).or_else(|| reads.get(&normal(v))) {
                            Some(o) => Some(*o),
                            None => {
                                strange(v);
                                None
                            }
                        }
                    };
                    b.answers.push((*q, r, option, None));
                }
                Target::Numeric(q) => {
                    let value = if is_missing(v) {
                        None
                    } else {
                        match number(v) {
                            Some(x) => Some(x),
                            None => {
                                strange(v);
                                None
                            }
                        }
                    };
                    b.answers.push((*q, r, None, value));
                }
                Target::Multiple(qs, options, codes, sep) => {
                    if is_missing(v) {
                        for q in qs {
                            b.answers.push((*q, r, None, None));
                        }
                        continue;
                    }
                    let known: Vec<&str> =
                        options.iter().chain(codes).map(String::as_str).collect();
                    let chosen = split_choices(v, sep, &known);
                    // An option chosen by its label or by its code.
                    let is = |part: &str, i: usize| {
                        normal(&options[i]) == normal(part)
                            || codes.get(i).is_some_and(|c| normal(c) == normal(part))
                    };
                    for part in &chosen {
                        if !(0..options.len()).any(|i| is(part, i)) {
                            strange(part);
                        }
                    }
                    for (i, q) in qs.iter().enumerate() {
                        let on = chosen.iter().any(|p| is(p, i));
                        b.answers.push((*q, r, Some(on as u32), None));
                    }
                }
                Target::Option(q, group) => {
                    let option = if answered.get(group.as_str()) == Some(&true) {
                        Some(!is_missing(v) && !NOT_CHOSEN.contains(&normal(v).as_str()))
                    } else {
                        None
                    };
                    b.answers.push((*q, r, option.map(|o| o as u32), None));
                }
                Target::Open(o) => {
                    if !is_missing(v) {
                        open[*o].answers.push((r, v.to_string()));
                    }
                }
            }
        }
        b.respondents.push(respondent);
    }
    if !unknown.is_empty() {
        let list = unknown
            .into_iter()
            .map(|((column, value), (count, line))| (column, value, count, line))
            .collect();
        return Err(SurveyError::at(0, Flaw::Unknown(list)));
    }
    b.questions = questions;
    b.open = open;
    let unnamed = columns
        .iter()
        .zip(&named)
        .filter(|(_, n)| !**n)
        .map(|(c, _)| c.name.clone())
        .collect();
    Ok((b, unnamed))
}

/// The scale `name` with `options`, added the first time it is asked for.
fn special(
    scale_of: &mut HashMap<String, usize>,
    scales: &mut Vec<Scale>,
    name: &str,
    options: &[(&str, Valence)],
) -> usize {
    *scale_of.entry(name.to_string()).or_insert_with(|| {
        scales.push(Scale {
            id: 0,
            name: name.to_string(),
            options: options
                .iter()
                .map(|(l, v)| ScaleOption {
                    label: l.to_string(),
                    valence: *v,
                })
                .collect(),
        });
        scales.len() - 1
    })
}

/// The scale of a multiple choice's options: not chosen, chosen.
fn choice_scale(
    scale_of: &mut HashMap<String, usize>,
    scales: &mut Vec<Scale>,
    text: &str,
) -> usize {
    if hebrew(text) {
        special(
            scale_of,
            scales,
            "נבחר",
            &[("לא נבחר", Valence::Neutral), ("נבחר", Valence::Positive)],
        )
    } else {
        special(
            scale_of,
            scales,
            "chosen",
            &[
                ("not chosen", Valence::Neutral),
                ("chosen", Valence::Positive),
            ],
        )
    }
}
