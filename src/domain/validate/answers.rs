//! Survey answers row by row: respondents, their answers, and the quotes
//! that are their open answers.

use super::{Problems, ids, refers};
use crate::domain::{Dataset, Fault, Id, QuestionKind};
use std::collections::{HashMap, HashSet};

pub(super) fn check(
    d: &Dataset,
    p: &mut Problems,
    instruments: &HashSet<Id>,
    questions: &HashSet<Id>,
    scale_len: &HashMap<Id, usize>,
) {
    let respondents = ids(p, "respondents", &d.respondents, |x| x.id);
    let mut keys = HashSet::new();
    for (i, r) in d.respondents.iter().enumerate() {
        refers(
            p,
            || format!("respondents[{i}].instrument"),
            "instrument",
            instruments,
            r.instrument,
        );
        if !keys.insert((r.instrument, r.key.as_str())) {
            p.add(
                format!("respondents[{i}].key"),
                Fault::KeyTwice {
                    key: r.key.clone(),
                    instrument: r.instrument,
                },
            );
        }
    }
    let question: HashMap<Id, (QuestionKind, usize)> = d
        .questions
        .iter()
        .map(|q| {
            (
                q.id,
                (q.kind, scale_len.get(&q.scale).copied().unwrap_or(0)),
            )
        })
        .collect();
    let mut pairs = HashSet::new();
    for (i, a) in d.answers.iter().enumerate() {
        let path = || format!("answers[{i}]");
        refers(
            p,
            || format!("{}.question", path()),
            "question",
            questions,
            a.question,
        );
        refers(
            p,
            || format!("{}.respondent", path()),
            "respondent",
            &respondents,
            a.respondent,
        );
        if !pairs.insert((a.question, a.respondent)) {
            p.add(
                path(),
                Fault::AnswerTwice {
                    question: a.question,
                    respondent: a.respondent,
                },
            );
        }
        let Some(&(kind, options)) = question.get(&a.question) else {
            continue;
        };
        let numeric = kind == QuestionKind::Numeric;
        if numeric && a.option.is_some() {
            p.add(format!("{}.option", path()), Fault::AnswerKind { numeric });
        } else if !numeric && a.value.is_some() {
            p.add(format!("{}.value", path()), Fault::AnswerKind { numeric });
        } else if let Some(o) = a.option
            && o as usize >= options
        {
            p.add(
                format!("{}.option", path()),
                Fault::OptionOutside { option: o, options },
            );
        }
    }
    for (i, q) in d.quotes.iter().enumerate() {
        if let Some(r) = q.respondent {
            refers(
                p,
                || format!("quotes[{i}].respondent"),
                "respondent",
                &respondents,
                r,
            );
        }
    }
}
