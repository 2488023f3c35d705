//! A respondent's card, opened from search over their instrument's
//! questions: who they are (their id in the file and attributes), each
//! answer they gave or left, their open answers, and where else the same
//! id answered. `Esc` or a move in the list closes it.

use crate::store::respondents::{Card, Given};
use crate::tui::action::{Action, ViewId};
use crate::tui::strings::figure;
use crate::tui::widgets::Ctx;
use crate::tui::widgets::pane;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

pub fn card_lines(cx: &Ctx, card: &Card, width: usize) -> Vec<Line<'static>> {
    let lang = cx.settings.lang;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let dim = Style::new().add_modifier(Modifier::DIM);
    let mut lines = pane::ui_para(
        cx,
        &pane::pieces(&[&lang.cohort(&card.cohort_label), &card.instrument_title]),
        width,
        Style::new(),
    );
    for (name, value) in &card.attributes {
        lines.extend(pane::para(
            cx,
            &format!("{name}: {value}"),
            width,
            Style::new(),
        ));
    }
    for a in &card.answers {
        lines.push(Line::from(""));
        lines.extend(pane::para(cx, &a.wording, width, bold));
        match &a.given {
            Given::Option(label) => lines.extend(pane::para(cx, label, width, Style::new())),
            Given::Number(n) => lines.extend(pane::para(cx, &figure(*n), width, Style::new())),
            Given::Missing => lines.extend(pane::ui_para(cx, lang.no_answer(), width, dim)),
        }
    }
    if !card.open.is_empty() {
        lines.push(Line::from(""));
        lines.extend(pane::ui_para(cx, lang.open_answers(), width, bold));
        for (title, _, text) in &card.open {
            lines.extend(pane::para(cx, title, width, dim));
            lines.extend(pane::para(cx, text, width, Style::new()));
        }
    }
    if !card.elsewhere.is_empty() {
        lines.push(Line::from(""));
        lines.extend(pane::ui_para(cx, lang.also_answered(), width, bold));
        for (_, title, cohort, _) in &card.elsewhere {
            lines.extend(pane::ui_para(
                cx,
                &pane::pieces(&[&lang.cohort(cohort), title]),
                width,
                Style::new(),
            ));
        }
    }
    lines.push(Line::from(""));
    let close = cx.key_names().in_view(ViewId::Survey, Action::Back);
    lines.extend(pane::ui_para(cx, &lang.card_closes(&close), width, dim));
    lines
}
