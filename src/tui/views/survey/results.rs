//! A question's results as drawn: its figures by segment, as counts or
//! percentages with their bars, beside the same question in other cohorts;
//! the Findings view draws its evidence with them too.

use super::SurveyState;
use crate::analysis::{TopBoxShare, percentages, top_box_share};
use crate::domain::{Figures, ResultSet, Scale};
use crate::store::survey::QuestionRow;
use crate::tui::widgets::Ctx;
use crate::tui::widgets::bar::{bar, option_colour};
use crate::tui::widgets::pane;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// A question's wording and, for each segment, its bar and figures.
pub fn question_detail(
    state: &SurveyState,
    cx: &Ctx,
    row: &QuestionRow,
    width: usize,
) -> Vec<Line<'static>> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut lines = pane::ui_para(
        cx,
        &pane::pieces(&[
            &cx.settings.lang.cohort(&row.cohort_label),
            &row.instrument_title,
        ]),
        width,
        Style::new(),
    );
    lines.extend(pane::para(cx, &row.question.wording, width, bold));
    let Some(scale) = state.scales.get(&row.question.scale) else {
        return lines;
    };
    let results = state
        .results
        .get(&row.question.id)
        .cloned()
        .unwrap_or_default();
    if !state.answers.segments.is_empty() {
        lines.push(Line::from(""));
        lines.extend(super::answered::answer_lines(state, cx, scale, width));
        if !results.is_empty() {
            lines.push(Line::from(""));
            lines.extend(pane::ui_para(cx, cx.settings.lang.as_given(), width, bold));
        }
    }
    let segment_label = |r: &ResultSet| {
        state
            .segments
            .iter()
            .find(|s| s.id == r.segment)
            .map(|s| s.label.clone())
            .unwrap_or_default()
    };
    lines.push(Line::from(""));
    // In a wide pane the first two segments stand side by side (the first
    // where reading starts); the rest, or all in a narrow pane, one above
    // the other.
    let beside = if results.len() >= 2 && width >= 80 {
        2
    } else {
        0
    };
    if beside == 2 {
        let half = (width - 2) / 2;
        let columns: Vec<Vec<Line<'static>>> = results
            .iter()
            .take(2)
            .map(|r| result_lines(cx, scale, r, &segment_label(r), half, state.counts))
            .collect();
        lines.extend(side_by_side(
            &columns[0],
            &columns[1],
            half,
            cx.settings.lang.mirrored(),
        ));
    }
    for (i, r) in results.iter().enumerate().skip(beside) {
        if i > 0 {
            lines.push(Line::from(""));
        }
        lines.extend(result_lines(
            cx,
            scale,
            r,
            &segment_label(r),
            width,
            state.counts,
        ));
    }
    // The same question, asked in other cohorts.
    let others = &state.others;
    if !others.is_empty() {
        lines.push(Line::from(""));
        lines.extend(pane::ui_para(
            cx,
            cx.settings.lang.in_other_cohorts(),
            width,
            bold,
        ));
        for other in others {
            let Some(other_scale) = state.scales.get(&other.question.scale) else {
                continue;
            };
            lines.push(Line::from(""));
            let head = pane::pieces(&[
                &cx.settings.lang.cohort(&other.cohort_label),
                &other.instrument_title,
            ]);
            lines.extend(pane::ui_para(
                cx,
                &head,
                width,
                Style::new().add_modifier(Modifier::UNDERLINED),
            ));
            lines.extend(pane::para(cx, &other.question.wording, width, Style::new()));
            for r in state.results.get(&other.question.id).into_iter().flatten() {
                lines.extend(result_lines(
                    cx,
                    other_scale,
                    r,
                    &segment_label(r),
                    width,
                    state.counts,
                ));
            }
        }
    }
    if !row.question.notes.is_empty() {
        lines.push(Line::from(""));
        lines.extend(pane::para(cx, &row.question.notes, width, Style::new()));
    }
    lines
}

/// Two columns of lines, each `width` wide, in one: the first column where
/// reading starts (on the right when mirrored).
pub(super) fn side_by_side(
    a: &[Line<'static>],
    b: &[Line<'static>],
    width: usize,
    mirrored: bool,
) -> Vec<Line<'static>> {
    let (first, second) = if mirrored { (b, a) } else { (a, b) };
    (0..a.len().max(b.len()))
        .map(|i| {
            let mut spans = vec![];
            let left = first.get(i).cloned().unwrap_or_default();
            let used = left.width();
            spans.extend(left.spans);
            spans.push(Span::raw(" ".repeat(width.saturating_sub(used) + 2)));
            spans.extend(second.get(i).cloned().unwrap_or_default().spans);
            Line::from(spans)
        })
        .collect()
}

/// One segment's result: its bar, top box, options, notes.
pub fn result_lines(
    cx: &Ctx,
    scale: &Scale,
    r: &ResultSet,
    segment: &str,
    width: usize,
    counts: bool,
) -> Vec<Line<'static>> {
    let lang = cx.settings.lang;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut lines = vec![];
    let share = top_box_share(scale, &r.figures);
    let top = match share {
        Some(TopBoxShare::Counted { count, n, percent }) => {
            format!(
                "{}: {percent}% ({})",
                lang.top_box(),
                lang.of_total(count as usize, n as usize)
            )
        }
        Some(TopBoxShare::Printed { percent }) => {
            format!("{}: {percent}% ({})", lang.top_box(), lang.printed())
        }
        Some(TopBoxShare::Reported { percent }) => {
            format!("{}: {percent}% ({})", lang.top_box(), lang.reported())
        }
        None => String::new(),
    };
    // The segment and its top box on one line when they fit; otherwise
    // each on its own, so that a figure is never broken across lines.
    let segment = pane::pieces(&[segment]);
    let one_line = format!("{segment}   {top}");
    if top.is_empty() || crate::text::width(&one_line) <= width {
        lines.extend(pane::ui_para(cx, &one_line, width, bold));
    } else {
        lines.extend(pane::ui_para(cx, &segment, width, bold));
        lines.extend(pane::ui_para(cx, &format!("  {top}"), width, bold));
    }
    if r.figures == Figures::NotRecoverable {
        lines.extend(pane::ui_para(
            cx,
            lang.not_recoverable(),
            width,
            Style::new(),
        ));
    }
    let half = (width.saturating_sub(4) / 2).min(30);
    if let Some(b) = bar(scale, &r.figures, half) {
        let pad = width.saturating_sub(2 * half + 1) / 2;
        let mut spans = vec![Span::raw(" ".repeat(pad))];
        spans.extend(b.spans);
        lines.push(Line::from(spans));
    }
    // Each option with its share, most positive first as reports list them.
    let shown: Vec<(usize, String)> = match &r.figures {
        Figures::Counts { counts: c } => {
            let p = percentages(c).unwrap_or_else(|| vec![0; c.len()]);
            (0..c.len())
                .map(|i| {
                    (
                        i,
                        if counts {
                            format!("{:>3}  ({:>3}%)", c[i], p[i])
                        } else {
                            format!("{:>3}%", p[i])
                        },
                    )
                })
                .collect()
        }
        Figures::Percentages { percents } => percents
            .iter()
            .enumerate()
            .map(|(i, p)| {
                (
                    i,
                    p.map(|p| format!("{p:>3}%"))
                        .unwrap_or_else(|| "  —".into()),
                )
            })
            .collect(),
        _ => vec![],
    };
    for (i, figure) in shown.into_iter().rev() {
        let colour = Style::new().fg(option_colour(scale, i));
        let text = format!("{figure}  {}", scale.options[i].label);
        lines.extend(pane::swatch(cx, "  ", colour, &text, width));
    }
    if !r.notes.is_empty() {
        lines.extend(pane::para(cx, &r.notes, width, Style::new()));
    }
    lines
}
