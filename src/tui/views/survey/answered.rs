//! The selected question's answers row by row as drawn: a bar per segment
//! of the split (two side by side in a wide pane), each with its n, its
//! missing answers and a flag when it is small; a numeric item's mean,
//! median and distribution.

use super::results::{result_lines, side_by_side};
use super::{FEW, Split, SurveyState};
use crate::analysis::{distribution, numeric_summary};
use crate::domain::{Figures, QuestionKind, ResultSet, Scale};
use crate::store::respondents::SegmentAnswers;
use crate::tui::strings::figure;
use crate::tui::widgets::Ctx;
use crate::tui::widgets::pane;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

/// Rows of a numeric item's distribution.
const ROWS: usize = 11;

pub(super) fn answer_lines(
    state: &SurveyState,
    cx: &Ctx,
    scale: &Scale,
    width: usize,
) -> Vec<Line<'static>> {
    let lang = cx.settings.lang;
    let a = &state.answers;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let split = match &a.split {
        Split::None => None,
        Split::Attribute(name) => Some(name.as_str()),
        Split::Cohort => Some(""),
    };
    let mut heading = lang.answers_heading(a.respondents, split);
    for (name, value) in &a.filters {
        heading = format!("{heading} · {}", lang.only(name, value));
    }
    let mut lines = pane::ui_para(cx, &heading, width, bold);
    let label = |s: &SegmentAnswers| {
        let name = match (&a.split, s.label.as_str()) {
            (Split::None, _) => lang.all_respondents().to_string(),
            (Split::Cohort, l) => lang.cohort(l),
            (_, "") => lang.not_given().to_string(),
            (_, l) => l.to_string(),
        };
        let mut parts = vec![name, lang.answered(s.n(), s.missing)];
        if s.n() < FEW {
            parts.push(lang.few(FEW));
        }
        let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
        pane::pieces(&refs)
    };
    let block = |s: &SegmentAnswers, w: usize| -> Vec<Line<'static>> {
        if a.kind == QuestionKind::Numeric {
            numeric_lines(cx, s, &label(s), w)
        } else {
            let r = ResultSet {
                question: 0,
                segment: 0,
                figures: Figures::Counts {
                    counts: s.counts.clone(),
                },
                notes: String::new(),
            };
            result_lines(cx, scale, &r, &label(s), w, state.counts)
        }
    };
    let segments = &a.segments;
    let beside = if segments.len() >= 2 && width >= 80 {
        2
    } else {
        0
    };
    if beside == 2 {
        let half = (width - 2) / 2;
        let columns: Vec<Vec<Line<'static>>> =
            segments.iter().take(2).map(|s| block(s, half)).collect();
        lines.extend(side_by_side(
            &columns[0],
            &columns[1],
            half,
            lang.mirrored(),
        ));
    }
    for (i, s) in segments.iter().enumerate().skip(beside) {
        if i > 0 {
            lines.push(Line::from(""));
        }
        lines.extend(block(s, width));
    }
    lines
}

/// A numeric item's segment: its label, mean, median and range, and a row
/// per value (or range) with a bar of its count.
fn numeric_lines(cx: &Ctx, s: &SegmentAnswers, label: &str, width: usize) -> Vec<Line<'static>> {
    let lang = cx.settings.lang;
    let mut lines = pane::ui_para(cx, label, width, Style::new().add_modifier(Modifier::BOLD));
    let Some(sum) = numeric_summary(&s.values) else {
        return lines;
    };
    lines.extend(pane::ui_para(
        cx,
        &lang.mean_median(sum.mean, sum.median, sum.min, sum.max),
        width,
        Style::new(),
    ));
    let rows = distribution(&s.values, ROWS);
    let most = rows.iter().map(|r| r.2).max().unwrap_or(0).max(1);
    let names: Vec<String> = rows
        .iter()
        .map(|(lo, hi, _)| {
            if lo == hi {
                figure(*lo)
            } else {
                format!("{}–{}", figure(*lo), figure(*hi))
            }
        })
        .collect();
    let name_width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    let bar_width = width.saturating_sub(name_width + 8).clamp(1, 30);
    for ((_, _, count), name) in rows.iter().zip(names) {
        let cells = (*count as usize * bar_width).div_ceil(most as usize);
        // Laid out in the interface's direction: in Hebrew the value is on
        // the right and its bar grows leftwards.
        let pad = name_width - name.chars().count();
        let head = format!("  {}{name} ", " ".repeat(pad));
        let from = head.chars().count();
        let text = format!("{head}{} {count}", "█".repeat(cells));
        let cyan = Style::new().fg(Color::Cyan);
        lines.extend(
            cx.prose()
                .styled(&text, width, Some(lang.direction()), |pos| {
                    if (from..from + cells).contains(&pos) {
                        cyan
                    } else {
                        Style::new()
                    }
                }),
        );
    }
    lines
}
