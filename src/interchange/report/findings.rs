//! A report's findings, each with its evidence: the cited questions'
//! figures per segment (the answers row by row first, from the counts kept
//! beside them), the cited quotes, and the cited codes' quotes in the
//! finding's cohort.

use super::{Block, QuestionFigures, ReportQuote, Say, Section, SegmentFigures};
use crate::analysis::survey::{bar_shares, rounded_percent};
use crate::domain::{Cohort, Figures, Id, Instrument, Question, ResultSet, Scale, Segment};
use crate::store::{Store, StoreError};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// Each finding of the cohorts, with its evidence.
pub(super) fn findings_section(
    store: &Store,
    chosen: &[&Cohort],
    instruments: &HashMap<Id, (Instrument, String)>,
    say: &dyn Say,
) -> Result<Section, StoreError> {
    let w = say.report_words();
    let (scales, segments) = store.scales_and_segments()?;
    let codes: HashMap<Id, String> = store.codes()?.into_iter().map(|c| (c.id, c.name)).collect();
    let mut blocks = vec![];
    let mut derived: HashMap<Id, HashMap<Id, (Vec<u32>, u32)>> = HashMap::new();
    let findings: Vec<_> = store
        .findings()?
        .into_iter()
        .filter(|f| chosen.iter().any(|c| c.id == f.cohort))
        .collect();
    let several = chosen.len() > 1;
    for f in &findings {
        let heading = if several {
            let label = chosen
                .iter()
                .find(|c| c.id == f.cohort)
                .map(|c| c.label.as_str())
                .unwrap_or_default();
            format!("{} · {}. {}", say.cohort(label), f.ordinal, f.statement)
        } else {
            format!("{}. {}", f.ordinal, f.statement)
        };
        blocks.push(Block::Heading(heading));
        if !f.area.is_empty() {
            blocks.push(Block::Para(f.area.clone()));
        }
        let questions = store.questions_with_results(&f.evidence.questions)?;
        if !questions.is_empty() {
            blocks.push(Block::Para(w.evidence_questions.to_string()));
        }
        for (q, results) in questions {
            let Some(scale) = scales.iter().find(|s| s.id == q.scale) else {
                continue;
            };
            // The answers row by row, counted once per instrument.
            let options = |scale: Id| {
                scales
                    .iter()
                    .find(|s| s.id == scale)
                    .map_or(0, |s| s.options.len())
            };
            let counts = match derived.entry(q.instrument) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => e.insert(store.answer_counts(q.instrument, options)?),
            };
            let answers = counts.get(&q.id);
            blocks.push(Block::Question(question_figures(
                &q,
                &results,
                answers,
                scale,
                &segments,
                instruments,
                say,
            )));
        }
        let quotes = store.quotes_by_id(&f.evidence.quotes)?;
        if !quotes.is_empty() {
            blocks.push(Block::Para(w.evidence_quotes.to_string()));
            blocks.push(Block::Quotes(
                quotes
                    .iter()
                    .map(|q| ReportQuote {
                        text: q.text.clone(),
                        role: q.role.clone(),
                        source: format!("{} · {}", say.cohort(&q.cohort_label), q.document_title),
                        illustrative: q.illustrative,
                    })
                    .collect(),
            ));
            if quotes.iter().any(|q| q.illustrative) {
                blocks.push(Block::Note(w.illustrative_note.to_string()));
            }
        }
        let mut cited = vec![];
        for (id, name) in f
            .evidence
            .codes
            .iter()
            .filter_map(|c| codes.get(c).map(|name| (*c, name)))
        {
            let n = store.count_quotes(&crate::store::coding::QuoteFilter {
                code: Some(id),
                cohort: Some(f.cohort),
                ..Default::default()
            })?;
            cited.push((name.clone(), format!("{n} {}", w.quotes_of_code)));
        }
        if !cited.is_empty() {
            blocks.push(Block::Para(w.evidence_codes.to_string()));
            blocks.push(Block::Facts(cited));
        }
    }
    if findings.is_empty() {
        blocks.push(Block::Para(w.no_findings.to_string()));
    }
    Ok(Section {
        title: w.findings.to_string(),
        blocks,
    })
}

/// A question's figures: the answers row by row first (where there are
/// any), then each segment's figures as the source gives them.
fn question_figures(
    q: &Question,
    results: &[ResultSet],
    answers: Option<&(Vec<u32>, u32)>,
    scale: &Scale,
    segments: &[Segment],
    instruments: &HashMap<Id, (Instrument, String)>,
    say: &dyn Say,
) -> QuestionFigures {
    let w = say.report_words();
    let options: Vec<_> = scale
        .options
        .iter()
        .map(|o| (o.label.clone(), o.valence))
        .collect();
    let mut rows = vec![];
    if let Some((counts, missing)) = answers.filter(|(c, _)| c.iter().sum::<u32>() > 0) {
        let n: u32 = counts.iter().sum();
        rows.push(SegmentFigures {
            label: w.answers_row_by_row.to_string(),
            shares: bar_shares(
                &Figures::Counts {
                    counts: counts.clone(),
                },
                options.len(),
            ),
            figures: counts_text(counts, n),
            n: Some(n),
            from_answers: true,
            notes: if *missing > 0 {
                format!("{missing} {}", w.missing)
            } else {
                String::new()
            },
        });
    }
    for r in results {
        let label = segments
            .iter()
            .find(|s| s.id == r.segment)
            .map(|s| s.label.clone())
            .unwrap_or_default();
        let (figures, n) = match &r.figures {
            Figures::Counts { counts } => {
                let n = counts.iter().sum();
                (counts_text(counts, n), Some(n))
            }
            Figures::Percentages { percents } => (
                percents
                    .iter()
                    .map(|p| p.map_or("—".to_string(), |p| format!("{p}%")))
                    .collect::<Vec<_>>()
                    .join(" · "),
                None,
            ),
            Figures::TopBox { n, count } => (
                format!(
                    "{}: {count}/{n}{}",
                    w.top_box,
                    rounded_percent(*count, *n).map_or(String::new(), |p| format!(" ({p}%)"))
                ),
                Some(*n),
            ),
            Figures::ReportedShare { percent } => {
                (format!("{}: {percent}%", w.reported_share), None)
            }
            Figures::NotRecoverable => (w.not_recoverable.to_string(), None),
        };
        // Beside answers counted row by row, the source's figures say so.
        let notes = match (
            rows.first().is_some_and(|r| r.from_answers),
            r.notes.is_empty(),
        ) {
            (true, true) => w.as_given.to_string(),
            (true, false) => format!("{} · {}", w.as_given, r.notes),
            (false, _) => r.notes.clone(),
        };
        rows.push(SegmentFigures {
            label,
            shares: bar_shares(&r.figures, options.len()),
            figures,
            n,
            from_answers: false,
            notes,
        });
    }
    let source = instruments
        .get(&q.instrument)
        .map(|(i, cohort)| format!("{} · {}", say.cohort(cohort), i.title))
        .unwrap_or_default();
    QuestionFigures {
        wording: q.wording.clone(),
        source,
        options,
        rows,
    }
}

/// Counts as stored, each with its share: `12 (26%) · 30 (64%) · …`.
fn counts_text(counts: &[u32], n: u32) -> String {
    counts
        .iter()
        .map(|&c| match rounded_percent(c, n) {
            Some(p) => format!("{c} ({p}%)"),
            None => c.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}
