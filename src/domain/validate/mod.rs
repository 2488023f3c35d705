//! The rules a dataset must keep before it is stored. Each problem is reported
//! with the path of the field it concerns, as in the JSON form:
//! `quotes[3].end: ...`.

use super::problem::{Fault, Problem};
use super::{Dataset, FORMAT_NAME, FORMAT_VERSION, Faults, Id};
use std::collections::{HashMap, HashSet};

/// At most this many problems are listed; a broken file can hold thousands.
const MAX_PROBLEMS: usize = 50;

struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, path: String, fault: Fault) {
        if self.0.len() < MAX_PROBLEMS {
            self.0.push(Problem { path, fault });
        }
    }
}

/// The ids of one kind of entity, checked for uniqueness as they are read.
fn ids<T>(p: &mut Problems, list: &str, items: &[T], id: impl Fn(&T) -> Id) -> HashSet<Id> {
    let mut seen = HashSet::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let id = id(item);
        // The search index keeps `id * 8 + kind` in a 64-bit rowid.
        if !(0..1 << 60).contains(&id) {
            p.add(format!("{list}[{i}].id"), Fault::IdOutOfRange(id));
        }
        if !seen.insert(id) {
            p.add(format!("{list}[{i}].id"), Fault::IdTwice(id));
        }
    }
    seen
}

/// `path` is named only for a problem: a store's rows are checked by the
/// hundred thousand, and making each one's path took half the time.
fn refers(
    p: &mut Problems,
    path: impl FnOnce() -> String,
    target: &'static str,
    set: &HashSet<Id>,
    id: Id,
) {
    if !set.contains(&id) {
        p.add(path(), Fault::NoSuch { target, id });
    }
}

impl Dataset {
    /// Every broken rule, each naming its field, in English; empty when
    /// all hold.
    pub fn validate(&self) -> Vec<String> {
        self.problems().iter().map(Problem::to_string).collect()
    }

    /// Every broken rule, each naming its field; empty when all hold.
    pub fn problems(&self) -> Vec<Problem> {
        let mut p = Problems(vec![]);
        if self.format != FORMAT_NAME {
            p.add("format".into(), Fault::Format);
        }
        if self.version != FORMAT_VERSION {
            p.add("version".into(), Fault::Version);
        }
        let programs = ids(&mut p, "programs", &self.programs, |x| x.id);
        let cohorts = ids(&mut p, "cohorts", &self.cohorts, |x| x.id);
        let instruments = ids(&mut p, "instruments", &self.instruments, |x| x.id);
        let segments = ids(&mut p, "segments", &self.segments, |x| x.id);
        let documents = ids(&mut p, "documents", &self.documents, |x| x.id);
        let quotes = ids(&mut p, "quotes", &self.quotes, |x| x.id);
        let codes = ids(&mut p, "codes", &self.codes, |x| x.id);
        let coders = ids(&mut p, "coders", &self.coders, |x| x.id);
        let questions = ids(&mut p, "questions", &self.questions, |x| x.id);
        ids(&mut p, "sessions", &self.sessions, |x| x.id);
        ids(&mut p, "scales", &self.scales, |x| x.id);
        ids(&mut p, "codings", &self.codings, |x| x.id);
        ids(&mut p, "findings", &self.findings, |x| x.id);
        ids(&mut p, "recommendations", &self.recommendations, |x| x.id);

        let mut ordinals = HashSet::new();
        for (i, c) in self.cohorts.iter().enumerate() {
            refers(
                &mut p,
                || format!("cohorts[{i}].program"),
                "program",
                &programs,
                c.program,
            );
            if !ordinals.insert((c.program, c.ordinal)) {
                p.add(
                    format!("cohorts[{i}].ordinal"),
                    Fault::OrdinalTwice {
                        program: c.program,
                        ordinal: c.ordinal,
                    },
                );
            }
        }
        for (i, s) in self.sessions.iter().enumerate() {
            refers(
                &mut p,
                || format!("sessions[{i}].cohort"),
                "cohort",
                &cohorts,
                s.cohort,
            );
            if let Some(w) = s.within {
                let counted_alone = self.sessions.iter().any(|o| {
                    o.id == w && o.id != s.id && o.cohort == s.cohort && o.within.is_none()
                });
                if !counted_alone {
                    p.add(format!("sessions[{i}].within"), Fault::WithinElsewhere(w));
                }
            }
        }
        for (i, x) in self.instruments.iter().enumerate() {
            refers(
                &mut p,
                || format!("instruments[{i}].cohort"),
                "cohort",
                &cohorts,
                x.cohort,
            );
        }
        let scale_len: HashMap<Id, usize> = self
            .scales
            .iter()
            .map(|s| (s.id, s.options.len()))
            .collect();
        // A numeric question's scale has no options: it names the range.
        let numeric_scales: HashSet<Id> = self
            .questions
            .iter()
            .filter(|q| q.kind == super::QuestionKind::Numeric)
            .map(|q| q.scale)
            .collect();
        for (i, s) in self.scales.iter().enumerate() {
            if s.options.is_empty() && !numeric_scales.contains(&s.id) {
                p.add(format!("scales[{i}].options"), Fault::NoOptions);
            }
        }
        let question_scale: HashMap<Id, Id> =
            self.questions.iter().map(|q| (q.id, q.scale)).collect();
        for (i, q) in self.questions.iter().enumerate() {
            let path = format!("questions[{i}]");
            refers(
                &mut p,
                || format!("{path}.instrument"),
                "instrument",
                &instruments,
                q.instrument,
            );
            if !scale_len.contains_key(&q.scale) {
                p.add(
                    format!("{path}.scale"),
                    Fault::NoSuch {
                        target: "scale",
                        id: q.scale,
                    },
                );
            }
        }
        let mut pairs = HashSet::new();
        for (i, r) in self.results.iter().enumerate() {
            let path = format!("results[{i}]");
            refers(
                &mut p,
                || format!("{path}.question"),
                "question",
                &questions,
                r.question,
            );
            refers(
                &mut p,
                || format!("{path}.segment"),
                "segment",
                &segments,
                r.segment,
            );
            if !pairs.insert((r.question, r.segment)) {
                p.add(
                    path.clone(),
                    Fault::ResultTwice {
                        question: r.question,
                        segment: r.segment,
                    },
                );
            }
            let options = question_scale
                .get(&r.question)
                .and_then(|s| scale_len.get(s))
                .copied();
            validate_figures(&mut p, &path, &r.figures, options);
        }
        answers::check(self, &mut p, &instruments, &questions, &scale_len);
        let doc_len: HashMap<Id, usize> = self
            .documents
            .iter()
            .map(|d| (d.id, d.text.chars().count()))
            .collect();
        for (i, d) in self.documents.iter().enumerate() {
            refers(
                &mut p,
                || format!("documents[{i}].cohort"),
                "cohort",
                &cohorts,
                d.cohort,
            );
            // A NUL cuts the text short for every tool that reads it as C
            // strings (SQLite's own functions among them).
            if let Some(at) = d.text.chars().position(|c| c == '\0') {
                p.add(format!("documents[{i}].text"), Fault::Nul { at });
            }
            if let Some(ins) = d.instrument {
                refers(
                    &mut p,
                    || format!("documents[{i}].instrument"),
                    "instrument",
                    &instruments,
                    ins,
                );
            }
        }
        for (i, q) in self.quotes.iter().enumerate() {
            let path = || format!("quotes[{i}]");
            refers(
                &mut p,
                || format!("{}.document", path()),
                "document",
                &documents,
                q.document,
            );
            if q.start > q.end {
                p.add(
                    format!("{}.end", path()),
                    Fault::EndsBeforeStart {
                        start: q.start,
                        end: q.end,
                    },
                );
            }
            if let Some(&len) = doc_len.get(&q.document)
                && q.end as usize > len
            {
                p.add(
                    format!("{}.end", path()),
                    Fault::PastEnd {
                        end: q.end,
                        document: q.document,
                        len,
                    },
                );
            }
        }
        let parents: HashMap<Id, Option<Id>> =
            self.codes.iter().map(|c| (c.id, c.parent)).collect();
        for (i, c) in self.codes.iter().enumerate() {
            let path = format!("codes[{i}]");
            if let Some(parent) = c.parent {
                refers(&mut p, || format!("{path}.parent"), "code", &codes, parent);
            }
            if !is_colour(&c.colour) {
                p.add(format!("{path}.colour"), Fault::Colour(c.colour.clone()));
            }
            // Walk up; a walk longer than the number of codes is a cycle.
            let mut at = c.parent;
            for _ in 0..=self.codes.len() {
                match at {
                    Some(id) if id == c.id => {
                        p.add(format!("{path}.parent"), Fault::OwnAncestor);
                        break;
                    }
                    Some(id) => at = parents.get(&id).copied().flatten(),
                    None => break,
                }
            }
        }
        guids(&mut p, "codes", &self.codes, |c| &c.guid);
        guids(&mut p, "coders", &self.coders, |c| &c.guid);
        guids(&mut p, "documents", &self.documents, |c| &c.guid);
        guids(&mut p, "quotes", &self.quotes, |c| &c.guid);
        guids(&mut p, "codings", &self.codings, |c| &c.guid);
        let mut names = HashSet::new();
        for (i, c) in self.coders.iter().enumerate() {
            if !names.insert(c.name.as_str()) {
                p.add(
                    format!("coders[{i}].name"),
                    Fault::CoderTwice(c.name.clone()),
                );
            }
        }
        let mut applied = HashSet::with_capacity(self.codings.len());
        for (i, c) in self.codings.iter().enumerate() {
            let path = || format!("codings[{i}]");
            refers(
                &mut p,
                || format!("{}.quote", path()),
                "quote",
                &quotes,
                c.quote,
            );
            refers(
                &mut p,
                || format!("{}.code", path()),
                "code",
                &codes,
                c.code,
            );
            refers(
                &mut p,
                || format!("{}.coder", path()),
                "coder",
                &coders,
                c.coder,
            );
            if !applied.insert((c.quote, c.code, c.coder)) {
                p.add(path(), Fault::CodingTwice);
            }
        }
        for (i, f) in self.findings.iter().enumerate() {
            let path = format!("findings[{i}]");
            refers(
                &mut p,
                || format!("{path}.cohort"),
                "cohort",
                &cohorts,
                f.cohort,
            );
            for (j, q) in f.evidence.questions.iter().enumerate() {
                refers(
                    &mut p,
                    || format!("{path}.evidence.questions[{j}]"),
                    "question",
                    &questions,
                    *q,
                );
            }
            for (j, c) in f.evidence.codes.iter().enumerate() {
                refers(
                    &mut p,
                    || format!("{path}.evidence.codes[{j}]"),
                    "code",
                    &codes,
                    *c,
                );
            }
            for (j, q) in f.evidence.quotes.iter().enumerate() {
                refers(
                    &mut p,
                    || format!("{path}.evidence.quotes[{j}]"),
                    "quote",
                    &quotes,
                    *q,
                );
            }
        }
        let place: HashMap<Id, (Id, u32)> = self
            .cohorts
            .iter()
            .map(|c| (c.id, (c.program, c.ordinal)))
            .collect();
        for (i, r) in self.recommendations.iter().enumerate() {
            refers(
                &mut p,
                || format!("recommendations[{i}].cohort"),
                "cohort",
                &cohorts,
                r.cohort,
            );
            let mut seen = HashSet::new();
            for (j, f) in r.fate.iter().enumerate() {
                let path = format!("recommendations[{i}].fate[{j}].cohort");
                match (place.get(&r.cohort), place.get(&f.cohort)) {
                    (Some(own), Some(later)) if later.0 == own.0 && later.1 > own.1 => {}
                    (_, None) => p.add(
                        path.clone(),
                        Fault::NoSuch {
                            target: "cohort",
                            id: f.cohort,
                        },
                    ),
                    _ => p.add(path.clone(), Fault::NotLater(f.cohort)),
                }
                if !seen.insert(f.cohort) {
                    p.add(path, Fault::FateTwice(f.cohort));
                }
            }
        }
        // Each part's own rules, as its form holds them.
        own(&mut p, "programs", &self.programs);
        own(&mut p, "cohorts", &self.cohorts);
        own(&mut p, "sessions", &self.sessions);
        own(&mut p, "instruments", &self.instruments);
        own(&mut p, "findings", &self.findings);
        own(&mut p, "recommendations", &self.recommendations);
        p.0.sort_by_key(|x| list_order(&x.path));
        p.0
    }
}

fn own<T: Faults>(p: &mut Problems, list: &str, items: &[T]) {
    for (i, x) in items.iter().enumerate() {
        for (field, fault) in x.faults() {
            p.add(format!("{list}[{i}].{field}"), fault);
        }
    }
}

/// Where a problem's list comes in the JSON form, so that problems are
/// listed in the file's order (the lists' own rules are checked last).
fn list_order(path: &str) -> usize {
    const LISTS: &[&str] = &[
        "format",
        "version",
        "programs",
        "cohorts",
        "sessions",
        "instruments",
        "segments",
        "scales",
        "questions",
        "results",
        "documents",
        "quotes",
        "codes",
        "coders",
        "codings",
        "findings",
        "recommendations",
        "respondents",
        "answers",
    ];
    let list = path.split(['[', '.']).next().unwrap_or("");
    LISTS.iter().position(|l| *l == list).unwrap_or(LISTS.len())
}

mod answers;
mod figures;
mod guids;
use figures::{is_colour, validate_figures};
use guids::guids;

#[cfg(test)]
mod tests;
