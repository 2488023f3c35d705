//! A survey's answers row by row as a table: each question of an
//! instrument that has answers, all together or split by an attribute of
//! the respondents, with each segment's n, missing answers, top box and
//! each option's count and share (a number's mean and median); `tovana
//! export answers`. The figures are those the Survey view shows.

use super::{Cell, Row, Table, Words};
use crate::analysis::{TopBoxShare, figure, numeric_summary, percentages, top_box_share};
use crate::domain::{Figures, Id, QuestionKind};
use crate::store::respondents::{BANDS, banded, segments};
use crate::store::{Store, StoreError};

/// The table of `instrument`'s answers, split `by` an attribute or not,
/// of everyone or `only` the respondents with each attribute's value.
pub fn answers_table(
    store: &Store,
    instrument: Id,
    by: Option<&str>,
    only: &[(&str, &str)],
    w: &Words,
) -> Result<Table, StoreError> {
    let mut kept: Option<std::collections::HashSet<Id>> = None;
    for (name, value) in only {
        let these = store.respondents_with(instrument, name, value)?;
        kept = Some(match kept {
            None => these,
            Some(k) => k.intersection(&these).copied().collect(),
        });
    }
    let values = by
        .filter(|_| kept.is_some())
        .map(|name| store.attribute_of_respondents(instrument, name))
        .transpose()?;
    let (scales, _) = store.scales_and_segments()?;
    let mut rows = vec![];
    for q in &store.answered_questions(instrument)? {
        let Some(scale) = scales.iter().find(|s| s.id == q.scale) else {
            continue;
        };
        let options = scale.options.len();
        let segments = match (&kept, by, q.kind) {
            (Some(kept), _, _) => {
                let mut answers = store.answers_of(q.id)?;
                answers.retain(|(r, _, _)| kept.contains(r));
                segments(&answers, options, values.as_ref())
            }
            (None, Some(name), QuestionKind::Rating | QuestionKind::Choice) => {
                store.split_counts(q.id, options, name)?
            }
            (None, by, _) => store.answers_by(q.id, options, by)?,
        };
        let segments = banded(segments, BANDS);
        for s in segments {
            let label = match (by, s.label.as_str()) {
                (None, _) => w.all_respondents.to_string(),
                (Some(_), "") => w.not_given.to_string(),
                (Some(_), l) => l.to_string(),
            };
            let (top, spread) = if q.kind == QuestionKind::Numeric {
                let m = numeric_summary(&s.values);
                (
                    String::new(),
                    m.map(|m| {
                        format!(
                            "{} {} · {} {}",
                            w.mean,
                            figure(m.mean),
                            w.median,
                            figure(m.median)
                        )
                    })
                    .unwrap_or_default(),
                )
            } else {
                let figures = Figures::Counts {
                    counts: s.counts.clone(),
                };
                let top = match top_box_share(scale, &figures) {
                    Some(TopBoxShare::Counted { percent, .. }) => format!("{percent}%"),
                    _ => String::new(),
                };
                let p = percentages(&s.counts).unwrap_or_else(|| vec![0; options]);
                let parts: Vec<String> = scale
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| format!("{}: {} ({}%)", o.label, s.counts[i], p[i]))
                    .collect();
                (top, parts.join(" · "))
            };
            rows.push(Row {
                label: q.wording.clone(),
                path: q.wording.clone(),
                depth: 0,
                cells: vec![
                    Cell::text(q.topic.clone()),
                    Cell::text(label),
                    Cell::text(s.n().to_string()),
                    Cell::text(s.missing.to_string()),
                    Cell::text(top),
                    Cell::text(spread),
                ],
            });
        }
    }
    let mut title = w.answers.to_string();
    for (name, value) in only {
        title.push_str(&format!(" · {name} = {value}"));
    }
    Ok(Table {
        title,
        corner: w.question.into(),
        columns: vec![
            w.topic.into(),
            by.map_or(w.segment.to_string(), str::to_string),
            "n".into(),
            w.missing.into(),
            w.top_box.into(),
            w.distribution.into(),
        ],
        rows,
        ..Default::default()
    })
}
