//! Findings by cohort and area; the statement in a right-to-left pane with
//! its evidence under it. Enter goes into the evidence, Enter again jumps to
//! a piece of it in its own view; Esc comes back.

use crate::domain::{Cited, CitedKind, Code, Finding, Id, Question, ResultSet, Scale, Segment};
use crate::store::coding::{QuoteFilter, QuoteRow};
use crate::store::{Store, StoreError};
use crate::tui::action::{Action, Outcome, PAGE, Target, moved};
use crate::tui::views::ViewId;
use crate::tui::views::survey::result_lines;
use crate::tui::views::{Env, Place, View};
use crate::tui::widgets::Ctx;
use crate::tui::widgets::pane::{self, Row};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use std::collections::HashMap;

/// Quotes shown under a code in the evidence.
const QUOTES_PER_CODE: usize = 3;

/// A piece of evidence, read when its finding is selected.
#[derive(Debug, Clone)]
pub enum Piece {
    Question {
        question: Question,
        scale: Option<Scale>,
        results: Vec<ResultSet>,
    },
    /// A code the finding cites: the quotes of the finding's own cohort
    /// first (`total` of them), and how many more other cohorts hold.
    Code {
        code: Code,
        total: usize,
        elsewhere: usize,
        quotes: Vec<QuoteRow>,
    },
    /// A quote the finding cites itself.
    Quote(QuoteRow),
}

impl Piece {
    fn target(&self) -> Target {
        match self {
            Piece::Question { question, .. } => Target::Question(question.id),
            Piece::Code { code, .. } => Target::Code(code.id),
            Piece::Quote(q) => Target::Quote(q.id),
        }
    }

    /// What the finding cites for this piece.
    pub fn cited(&self) -> Cited {
        let (kind, id) = match self {
            Piece::Question { question, .. } => (CitedKind::Question, question.id),
            Piece::Code { code, .. } => (CitedKind::Code, code.id),
            Piece::Quote(q) => (CitedKind::Quote, q.id),
        };
        Cited { kind, id }
    }
}

#[derive(Debug, Default)]
pub struct FindingsState {
    loaded: bool,
    pub findings: Vec<Finding>,
    pub cohort_labels: HashMap<Id, String>,
    pub segments: Vec<Segment>,
    pub scales: Vec<Scale>,
    codes: Vec<Code>,
    pub selected: usize,
    pub evidence: Vec<Piece>,
    /// The piece of evidence in focus, when the focus is in the evidence.
    pub focus: Option<usize>,
}

impl FindingsState {
    pub fn ensure_loaded(&mut self, store: &Store) -> Result<(), StoreError> {
        if self.loaded {
            return Ok(());
        }
        self.findings = store.findings()?;
        self.cohort_labels = store
            .cohorts()?
            .into_iter()
            .map(|c| (c.id, c.label))
            .collect();
        (self.scales, self.segments) = store.scales_and_segments()?;
        self.codes = store.codes()?;
        self.loaded = true;
        self.read_evidence(store)
    }

    /// Has the findings read again when next shown: their codes' names and
    /// quotes change with coding.
    pub fn invalidate(&mut self) {
        self.loaded = false;
    }

    pub fn selected_finding(&self) -> Option<&Finding> {
        self.findings.get(self.selected)
    }

    fn read_evidence(&mut self, store: &Store) -> Result<(), StoreError> {
        self.evidence.clear();
        self.focus = None;
        let Some(f) = self.selected_finding().cloned() else {
            return Ok(());
        };
        for (question, mut results) in store.questions_with_results(&f.evidence.questions)? {
            let scale = self.scales.iter().find(|s| s.id == question.scale).cloned();
            // A question answered row by row and given no figures: its
            // answers, all together (segment 0, no segment of the store's).
            if results.is_empty()
                && question.kind != crate::domain::QuestionKind::Numeric
                && let Some(s) = &scale
                && let Some(all) = store
                    .answers_by(question.id, s.options.len(), None)?
                    .into_iter()
                    .next()
            {
                results.push(ResultSet {
                    question: question.id,
                    segment: 0,
                    figures: crate::domain::Figures::Counts { counts: all.counts },
                    notes: String::new(),
                });
            }
            self.evidence.push(Piece::Question {
                question,
                scale,
                results,
            });
        }
        for c in &f.evidence.codes {
            if let Some(code) = self.codes.iter().find(|code| code.id == *c) {
                // The finding's own cohort's quotes first: a finding of
                // cohort ג rests on what cohort ג said.
                let all = QuoteFilter {
                    code: Some(*c),
                    ..Default::default()
                };
                let own = QuoteFilter {
                    cohort: Some(f.cohort),
                    ..all.clone()
                };
                let total = store.count_quotes(&own)?;
                self.evidence.push(Piece::Code {
                    code: code.clone(),
                    total,
                    elsewhere: store.count_quotes(&all)? - total,
                    quotes: store.quotes_page(&own, 0, QUOTES_PER_CODE)?,
                });
            }
        }
        for q in store.quotes_by_id(&f.evidence.quotes)? {
            self.evidence.push(Piece::Quote(q));
        }
        Ok(())
    }

    /// The piece of evidence in focus.
    pub fn focused_piece(&self) -> Option<&Piece> {
        self.evidence.get(self.focus?)
    }

    /// Puts the focus on a piece of the selected finding's evidence, or on
    /// the one nearest `near` when it is gone.
    pub fn focus_piece(&mut self, piece: Option<Cited>, near: usize) {
        let at = piece.and_then(|p| self.evidence.iter().position(|e| e.cited() == p));
        self.focus = match (at, self.evidence.len()) {
            (_, 0) => None,
            (Some(i), _) => Some(i),
            (None, n) => Some(near.min(n - 1)),
        };
    }

    pub fn update(&mut self, action: Action, store: &mut Store) -> Outcome {
        if let Some(focus) = self.focus {
            return match action {
                Action::Back => {
                    self.focus = None;
                    Outcome::changed(true)
                }
                Action::Enter => Outcome {
                    changed: true,
                    jump: self.evidence.get(focus).map(Piece::target),
                    ..Default::default()
                },
                other => match moved(focus, self.evidence.len(), other, PAGE) {
                    Some(i) => {
                        self.focus = Some(i);
                        Outcome::changed(i != focus)
                    }
                    None => Outcome::changed(false),
                },
            };
        }
        match action {
            Action::Enter if !self.evidence.is_empty() => {
                self.focus = Some(0);
                Outcome::changed(true)
            }
            other => match moved(self.selected, self.findings.len(), other, PAGE) {
                Some(i) if i != self.selected => {
                    self.selected = i;
                    match self.read_evidence(store) {
                        Ok(()) => Outcome::changed(true),
                        Err(e) => Outcome::failed(e),
                    }
                }
                _ => Outcome::changed(false),
            },
        }
    }

    pub fn select_finding(&mut self, id: Id, store: &Store) -> Result<(), StoreError> {
        if let Some(i) = self.findings.iter().position(|f| f.id == id) {
            self.selected = i;
            self.read_evidence(store)?;
        }
        Ok(())
    }
}

/// Where the user stood: the finding, and the piece of evidence in focus.
struct Here {
    finding: Option<Id>,
    focus: Option<usize>,
}

impl View for FindingsState {
    fn load(&mut self, env: &Env) -> Result<(), StoreError> {
        self.ensure_loaded(env.store)
    }

    fn invalidate(&mut self) {
        self.invalidate();
    }

    /// Findings cite codes, with their counts.
    fn shows_codes(&self) -> bool {
        true
    }

    fn update(&mut self, action: Action, env: &mut Env) -> Outcome {
        self.update(action, env.store)
    }

    fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect) {
        draw(self, cx, frame, area)
    }

    fn place(&self) -> Option<Place> {
        Some(Box::new(Here {
            finding: self.selected_finding().map(|f| f.id),
            focus: self.focus,
        }))
    }

    fn return_to(&mut self, place: &Place, env: &Env) -> Result<(), StoreError> {
        let Some(here) = place.downcast_ref::<Here>() else {
            return Ok(());
        };
        if let Some(id) = here.finding {
            self.select_finding(id, env.store)?;
        }
        self.focus = here.focus.filter(|&i| i < self.evidence.len());
        Ok(())
    }
}

fn draw(state: &FindingsState, cx: &Ctx, frame: &mut Frame, area: Rect) {
    let lang = cx.settings.lang;
    let title = lang.view_name(ViewId::Findings);
    if state.findings.is_empty() {
        pane::message(
            cx,
            frame,
            area,
            title,
            &lang.nothing_here(ViewId::Findings, &cx.key_names()),
        );
        return;
    }
    let (list_area, detail_area) = pane::split(area, lang, 40);
    let mut rows = vec![];
    let mut group = None;
    for f in &state.findings {
        let key = (f.cohort, f.area.clone());
        if group.as_ref() != Some(&key) {
            let label = state
                .cohort_labels
                .get(&f.cohort)
                .cloned()
                .unwrap_or_default();
            rows.push(Row::Header(pane::pieces(&[&lang.cohort(&label), &f.area])));
            group = Some(key);
        }
        rows.push(Row::Item(format!("{}. {}", f.ordinal, f.statement)));
    }
    pane::render_list_in(
        cx,
        frame,
        list_area,
        title,
        &rows,
        Some(state.selected),
        state.focus.is_none(),
    );
    let Some(f) = state.selected_finding() else {
        return;
    };
    let width = detail_area.width.saturating_sub(2) as usize;
    let height = detail_area.height.saturating_sub(2) as usize;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut lines = pane::para(cx, &f.statement, width, bold);
    lines.push(Line::from(""));
    lines.extend(pane::ui_para(cx, lang.evidence(), width, bold));
    if state.evidence.is_empty() {
        lines.extend(pane::ui_para(cx, lang.no_evidence(), width, Style::new()));
    }
    // Where the focused piece starts, to keep it on screen.
    let mut focus_line = 0;
    for (i, piece) in state.evidence.iter().enumerate() {
        let focused = state.focus == Some(i);
        if focused {
            focus_line = lines.len();
        }
        let head = if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        };
        lines.push(Line::from(""));
        match piece {
            Piece::Question {
                question,
                scale,
                results,
            } => {
                lines.extend(pane::para(
                    cx,
                    &format!("▸ {}", question.wording),
                    width,
                    head,
                ));
                if let Some(scale) = scale {
                    for r in results.iter().take(2) {
                        let segment = if r.segment == 0 {
                            lang.all_respondents().to_string()
                        } else {
                            state
                                .segments
                                .iter()
                                .find(|s| s.id == r.segment)
                                .map(|s| s.label.clone())
                                .unwrap_or_default()
                        };
                        lines.extend(
                            result_lines(cx, scale, r, &segment, width, false)
                                .into_iter()
                                .take(2),
                        );
                    }
                }
            }
            Piece::Code {
                code,
                total,
                elsewhere,
                quotes,
            } => {
                let text = format!(
                    "▸ {}{} ({})",
                    code.name,
                    lang.mark(),
                    lang.quotes_here_and_elsewhere(*total, *elsewhere)
                );
                lines.extend(pane::ui_para(cx, &text, width, head));
                for q in quotes {
                    lines.extend(pane::para(
                        cx,
                        &format!("  „{}” — {}", q.text, q.role),
                        width,
                        Style::new(),
                    ));
                }
            }
            Piece::Quote(q) => {
                // The quote in its own direction; where it comes from in the
                // interface's.
                lines.extend(pane::para(cx, &format!("▸ „{}”", q.text), width, head));
                let from =
                    pane::pieces(&[&q.role, &lang.cohort(&q.cohort_label), &q.document_title]);
                lines.extend(pane::ui_para(
                    cx,
                    &format!("  — {from}"),
                    width,
                    Style::new(),
                ));
            }
        }
    }
    // Scroll so that the focused piece is in view.
    let skip = (focus_line + 6).saturating_sub(height);
    let lines: Vec<Line> = lines.into_iter().skip(skip).collect();
    let label = state
        .cohort_labels
        .get(&f.cohort)
        .cloned()
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(lines).block({
            let b = pane::block(
                cx,
                &pane::pieces(&[&lang.cohort(&label), &f.area]),
                detail_area,
            );
            if state.focus.is_some() {
                pane::active(b)
            } else {
                b
            }
        }),
        detail_area,
    );
}
