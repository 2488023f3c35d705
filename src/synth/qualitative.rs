//! The qualitative side of a made-up store: the codebook, transcripts of
//! speaker turns, the two long documents, and three coders' codings.

use super::words::{COLOURS, ROLES, WORDS};
use super::{Rng, Size, sentence, turn};
use crate::domain::{Code, Coding, Dataset, Document, DocumentKind, Id, Quote};

pub(super) fn codebook(r: &mut Rng, d: &mut Dataset, size: Size) {
    // Ten themes, each with four sub-themes, and the rest as leaves under
    // the sub-themes in turn: three levels.
    let top = 10.min(size.codes);
    let mid = (top * 4).min(size.codes - top);
    let mut add = |d: &mut Dataset, parent: Option<Id>, name: String| {
        let id = d.codes.len() as Id + 1;
        d.codes.push(Code {
            id,
            parent,
            name,
            colour: COLOURS[id as usize % COLOURS.len()].into(),
            description: sentence(r, 8),
            memo: String::new(),
            ..Default::default()
        });
        id
    };
    for t in 0..top {
        add(d, None, format!("{} {}", WORDS[t * 3], t + 1));
    }
    for m in 0..mid {
        let parent = (m % top) as Id + 1;
        add(
            d,
            Some(parent),
            format!("{} {}", WORDS[(m * 7) % WORDS.len()], m + 1),
        );
    }
    for l in 0..size.codes - top - mid {
        let parent = (top + l % mid.max(1)) as Id + 1;
        add(
            d,
            Some(parent),
            format!("{} {}", WORDS[(l * 11 + 5) % WORDS.len()], l + 1),
        );
    }
}

/// Adds a document of speaker turns, each turn a quote; returns its id.
fn add_transcript(
    d: &mut Dataset,
    cohort: Id,
    instrument: Option<Id>,
    title: String,
    turns: Vec<(String, String)>,
) -> Id {
    let id = d.documents.len() as Id + 1;
    let mut text = String::new();
    let mut at = 0u32;
    for (i, (role, said)) in turns.iter().enumerate() {
        if i > 0 {
            text.push('\n');
            at += 1;
        }
        let label = format!("{role}: ");
        text.push_str(&label);
        at += label.chars().count() as u32;
        let start = at;
        text.push_str(said);
        at += said.chars().count() as u32;
        d.quotes.push(Quote {
            id: d.quotes.len() as Id + 1,
            document: id,
            start,
            end: at,
            role: role.clone(),
            ..Default::default()
        });
    }
    d.documents.push(Document {
        id,
        cohort,
        instrument,
        kind: DocumentKind::Transcript,
        title,
        text,
        illustrative: true,
        notes: String::new(),
        ..Default::default()
    });
    id
}

pub(super) fn transcripts(r: &mut Rng, d: &mut Dataset, size: Size) {
    let per = size.quotes / size.transcripts;
    let extra = size.quotes % size.transcripts;
    for t in 0..size.transcripts {
        let cohort = (t % size.cohorts) as Id + 1;
        let instrument = Some(cohort * 2);
        let n = per + usize::from(t < extra);
        let turns = (0..n)
            .map(|_| (r.pick(ROLES).to_string(), turn(r)))
            .collect();
        let title = format!("קבוצת מיקוד {} — {}", t + 1, r.pick(WORDS));
        add_transcript(d, cohort, instrument, title, turns);
    }
}

pub(super) fn long_documents(r: &mut Rng, d: &mut Dataset) {
    // 2,000 turns of about 20 characters: 50,000 characters or so.
    let turns = (0..2_000)
        .map(|i| {
            let role = if i % 2 == 0 {
                "מנחה"
            } else {
                "משתתפת"
            };
            (role.to_string(), sentence(r, 3))
        })
        .collect();
    add_transcript(d, 1, Some(2), "תמליל ארוך".into(), turns);
    // About 10 MB on one line, with a quote at its start, middle and end.
    let id = d.documents.len() as Id + 1;
    let mut text = String::with_capacity(10_500_000);
    while text.len() < 10_000_000 {
        text.push_str(&sentence(r, 12));
        text.push(' ');
    }
    let len = text.chars().count() as u32;
    for start in [0, len / 2, len - 200] {
        d.quotes.push(Quote {
            id: d.quotes.len() as Id + 1,
            document: id,
            start,
            end: start + 150,
            role: String::new(),
            ..Default::default()
        });
    }
    d.documents.push(Document {
        id,
        cohort: 1,
        instrument: None,
        kind: DocumentKind::FieldNotes,
        title: "רשימות שדה בשורה אחת".into(),
        text,
        illustrative: true,
        notes: String::new(),
        ..Default::default()
    });
}

pub(super) fn codings(r: &mut Rng, d: &mut Dataset, size: Size) {
    use std::collections::HashSet;
    let leaves: Vec<Id> = d
        .codes
        .iter()
        .filter(|c| !d.codes.iter().any(|k| k.parent == Some(c.id)))
        .map(|c| c.id)
        .collect();
    let codes: Vec<Id> = if leaves.is_empty() {
        d.codes.iter().map(|c| c.id).collect()
    } else {
        leaves
    };
    if codes.is_empty() {
        return;
    }
    let mut seen: HashSet<(Id, Id, Id)> = HashSet::new();
    let mut add = |d: &mut Dataset, quote: Id, code: Id, coder: Id| {
        if seen.insert((quote, code, coder)) {
            let n = d.codings.len();
            d.codings.push(Coding {
                id: n as Id + 1,
                quote,
                code,
                coder,
                memo: String::new(),
                created: format!(
                    "2026-0{}-{:02}T{:02}:{:02}:{:02}Z",
                    1 + n % 9,
                    1 + n % 28,
                    n % 24,
                    n % 60,
                    (n / 60) % 60
                ),
                ..Default::default()
            });
        }
    };
    // The long transcript: each of its 2,000 turns coded once.
    if size.long_documents {
        let long = d.documents.len() as Id - 1;
        let spans: Vec<Id> = d
            .quotes
            .iter()
            .filter(|q| q.document == long)
            .map(|q| q.id)
            .collect();
        for q in spans {
            let code = r.pick(&codes);
            add(d, q, code, 1);
        }
    }
    // Quotes are taken in a shuffled order until the count asked for is
    // reached (the long transcript's codings count towards it). A quote
    // taken carries a coding of its document's first coder, a second code
    // one time in four; every fourth document is coded again by the next
    // coder, who agrees four times in five.
    let target = size.codings.max(d.codings.len());
    let mut ordinary: Vec<(Id, Id)> = d
        .quotes
        .iter()
        .filter(|q| (q.document as usize) <= size.transcripts)
        .map(|q| (q.id, q.document))
        .collect();
    for i in (1..ordinary.len()).rev() {
        ordinary.swap(i, r.below(i + 1));
    }
    for (quote, document) in ordinary {
        if d.codings.len() >= target {
            break;
        }
        let first = (document % 3) + 1;
        let code = r.pick(&codes);
        add(d, quote, code, first);
        if r.chance(25) {
            let other = r.pick(&codes);
            add(d, quote, other, first);
        }
        if document % 4 == 0 {
            let second = first % 3 + 1;
            let theirs = if r.chance(80) { code } else { r.pick(&codes) };
            add(d, quote, theirs, second);
        }
    }
    d.codings.truncate(target);
}
