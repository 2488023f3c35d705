//! The first view: the program's cohorts, and the selected one's card.

use crate::analysis::compare::{self, CohortFacts};
use crate::analysis::response_rate;
use crate::domain::{Cohort, Id, Instrument, Session, SessionKind};
use crate::store::{Store, StoreError};
use crate::text::Direction;
use crate::tui::action::{Action, Outcome, PAGE, moved};
use crate::tui::views::{Env, View};
use crate::tui::widgets::Ctx;
use crate::tui::widgets::{Prose, pane};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const SECTOR_COLOURS: [Color; 4] = [Color::Cyan, Color::Yellow, Color::Magenta, Color::Green];
const LIST_WIDTH: u16 = 30;

/// The cohorts, the selected one, and what its card shows (read when the
/// selection moves, never while drawing).
#[derive(Debug, Default)]
pub struct CohortsState {
    pub cohorts: Vec<Cohort>,
    pub selected: usize,
    pub sessions: Vec<Session>,
    pub instruments: Vec<Instrument>,
    /// The cohort pinned for comparison, with what it is compared by.
    pub pinned: Option<(usize, CohortFacts)>,
}

impl CohortsState {
    pub fn load(store: &Store) -> Result<CohortsState, StoreError> {
        let mut s = CohortsState {
            cohorts: store.cohorts()?,
            ..Default::default()
        };
        s.load_card(store)?;
        Ok(s)
    }

    pub fn selected_cohort(&self) -> Option<&Cohort> {
        self.cohorts.get(self.selected)
    }

    fn load_card(&mut self, store: &Store) -> Result<(), StoreError> {
        match self.selected_cohort().map(|c| c.id) {
            Some(id) => {
                self.sessions = store.sessions_of(id)?;
                self.instruments = store.instruments_of(id)?;
            }
            None => {
                self.sessions.clear();
                self.instruments.clear();
            }
        }
        Ok(())
    }

    /// What is compared of the selected cohort.
    pub fn facts(&self) -> Option<CohortFacts> {
        self.selected_cohort()
            .map(|c| compare::facts(c, &self.sessions, &self.instruments))
    }

    pub fn update(&mut self, action: Action, store: &mut Store) -> Outcome {
        if action == Action::Compare {
            self.pinned = match self.pinned {
                Some(_) => None,
                None => self.facts().map(|f| (self.selected, f)),
            };
            return Outcome::changed(true);
        }
        match moved(self.selected, self.cohorts.len(), action, PAGE) {
            Some(i) if i != self.selected => {
                self.selected = i;
                match self.load_card(store) {
                    Ok(()) => Outcome::changed(true),
                    Err(e) => Outcome {
                        changed: true,
                        status: Some(e.to_string()),
                        ..Default::default()
                    },
                }
            }
            _ => Outcome::changed(false),
        }
    }

    pub fn select_cohort(&mut self, id: Id, store: &Store) -> Result<(), StoreError> {
        if let Some(i) = self.cohorts.iter().position(|c| c.id == id) {
            self.selected = i;
            self.load_card(store)?;
        }
        Ok(())
    }

    /// Shows the cohort a session belongs to.
    pub fn select_session(&mut self, id: Id, store: &Store) -> Result<(), StoreError> {
        match store.cohort_of_session(id)? {
            Some(cohort) => self.select_cohort(cohort, store),
            None => Ok(()),
        }
    }
}

impl View for CohortsState {
    /// Cohorts are read when the app starts; nothing they show changes in
    /// the app.
    fn load(&mut self, _env: &Env) -> Result<(), StoreError> {
        Ok(())
    }

    fn invalidate(&mut self) {}

    fn update(&mut self, action: Action, env: &mut Env) -> Outcome {
        self.update(action, env.store)
    }

    fn draw(&self, cx: &Ctx, frame: &mut Frame, area: Rect) {
        draw(self, cx, frame, area)
    }
}

fn draw(state: &CohortsState, cx: &Ctx, frame: &mut Frame, area: Rect) {
    let lang = cx.settings.lang;
    let prose = cx.prose();
    let ui = Some(lang.direction());
    let title = match cx.programs.first() {
        Some(p) => p.name.clone(),
        None => lang.app_name().to_string(),
    };
    if state.cohorts.is_empty() {
        empty(cx, frame, area, &title);
        return;
    }
    let (list_area, card_area) = if lang.mirrored() {
        let [card, list] =
            Layout::horizontal([Constraint::Min(20), Constraint::Length(LIST_WIDTH)]).areas(area);
        (list, card)
    } else {
        let [list, card] =
            Layout::horizontal([Constraint::Length(LIST_WIDTH), Constraint::Min(20)]).areas(area);
        (list, card)
    };
    let inner = LIST_WIDTH.saturating_sub(2) as usize;
    let items: Vec<Line> = state
        .cohorts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let selected = i == state.selected;
            let marker = match (selected, lang.mirrored()) {
                (false, _) => "  ",
                (true, false) => "▶ ",
                (true, true) => "◀ ",
            };
            let style = if selected {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            let text = format!("{marker}{}", list_entry(cx, c));
            prose.line(&text, inner, ui, style)
        })
        .collect();
    frame.render_widget(
        Paragraph::new(items).block(pane::block(cx, &title, list_area)),
        list_area,
    );
    if let Some((pinned, facts)) = &state.pinned {
        comparison(state, cx, frame, card_area, *pinned, facts);
        return;
    }
    if let Some(cohort) = state.selected_cohort() {
        let width = card_area.width.saturating_sub(2) as usize;
        let lines = card(state, cx, &prose, cohort, width);
        let title = lang.cohort(&cohort.label);
        frame.render_widget(
            Paragraph::new(lines).block(pane::block(cx, &title, card_area)),
            card_area,
        );
    }
}

/// The pinned cohort against the selected one: a row per aspect, the
/// changed ones marked.
fn comparison(
    state: &CohortsState,
    cx: &Ctx,
    frame: &mut Frame,
    area: Rect,
    pinned: usize,
    left: &CohortFacts,
) {
    let lang = cx.settings.lang;
    let prose = cx.prose();
    let ui = Some(lang.direction());
    let left_label = &state.cohorts[pinned].label;
    let width = area.width.saturating_sub(2) as usize;
    let Some(right) = state.facts().filter(|_| pinned != state.selected) else {
        let title = lang.cohort(left_label);
        let lines = prose.lines(&lang.compare_hint(&cx.key_names()), width, ui, Style::new());
        frame.render_widget(
            Paragraph::new(lines).block(pane::block(cx, &title, area)),
            area,
        );
        return;
    };
    let right_label = &state.cohorts[state.selected].label;
    let title = format!("{} ↔ {}", lang.cohort(left_label), lang.cohort(right_label));
    // Columns: the aspect, the pinned cohort, the selected one, a mark.
    let aspect_w = 16.min(width / 4);
    let mark_w = 2;
    let col = (width.saturating_sub(aspect_w + mark_w)) / 2;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let changed_style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
    let mut lines = vec![];
    let header = [
        (String::new(), aspect_w, Style::new()),
        (lang.cohort(left_label), col, bold),
        (lang.cohort(right_label), col, bold),
        (String::new(), mark_w, Style::new()),
    ];
    lines.push(pane::cells(&prose, &header, lang));
    for (aspect, changed) in compare::compare(left, &right) {
        let style = if changed { changed_style } else { Style::new() };
        let cells = [
            (lang.aspect(&aspect), aspect_w, Style::new()),
            (fact(lang, &aspect, left), col, style),
            (fact(lang, &aspect, &right), col, style),
            (
                if changed { "≠".into() } else { String::new() },
                mark_w,
                changed_style,
            ),
        ];
        lines.push(pane::cells(&prose, &cells, lang));
    }
    frame.render_widget(
        Paragraph::new(lines).block(pane::block(cx, &title, area)),
        area,
    );
}

/// An aspect of a cohort, as text.
fn fact(lang: crate::lang::Lang, aspect: &compare::Aspect, f: &CohortFacts) -> String {
    use compare::Aspect;
    match aspect {
        Aspect::Participants => f
            .participants
            .map(|n| n.to_string())
            .unwrap_or_else(|| "—".into()),
        Aspect::Sectors if f.sectors.is_empty() => "—".into(),
        Aspect::Sectors => f
            .sectors
            .iter()
            .map(|(s, n)| format!("{n} {s}"))
            .collect::<Vec<_>>()
            .join(", "),
        Aspect::Meetings(k) => match f.meetings.get(k) {
            None => "—".into(),
            Some(m) => {
                let more = if m.more { "+" } else { "" };
                let days = if m.days > 0 {
                    format!(" ({})", lang.days(m.days))
                } else {
                    String::new()
                };
                format!("{}{more}{days}", m.count)
            }
        },
        Aspect::Tours if f.tours.is_empty() => "—".into(),
        Aspect::Tours => f.tours.join(", "),
        Aspect::Instruments(k) => match f.instruments.get(k) {
            None => "—".into(),
            Some(i) => match (i.responded, i.invited) {
                (Some(r), Some(inv)) => {
                    let rate = response_rate(Some(inv), Some(r)).unwrap_or(0);
                    format!("{} · {}", i.count, lang.responded(r, inv, rate))
                }
                (Some(r), None) => format!("{} · {}", i.count, lang.took_part(r)),
                _ => i.count.to_string(),
            },
        },
    }
}

fn empty(cx: &Ctx, frame: &mut Frame, area: Rect, title: &str) {
    let prose = cx.prose();
    let lang = cx.settings.lang;
    let width = area.width.saturating_sub(2) as usize;
    let lines: Vec<Line> = lang
        .empty_store(&cx.key_names())
        .iter()
        .flat_map(|l| prose.lines(l, width, Some(lang.direction()), Style::new()))
        .collect();
    frame.render_widget(
        Paragraph::new(lines).block(pane::block(cx, title, area)),
        area,
    );
}

fn list_entry(cx: &Ctx, c: &Cohort) -> String {
    let lang = cx.settings.lang;
    let years = match (&c.start, &c.end) {
        (Some(s), Some(e)) if s.year() == e.year() => s.year().to_string(),
        (Some(s), Some(e)) => format!("{}–{}", s.year(), e.year()),
        _ => "    ".into(),
    };
    format!(
        "{}{} {:<9} {}",
        c.label,
        lang.mark(),
        years,
        lang.people(c.participants)
    )
}

/// The cohort's card: dates, participants by sector, meetings, instruments.
fn card(
    state: &CohortsState,
    cx: &Ctx,
    prose: &Prose,
    c: &Cohort,
    width: usize,
) -> Vec<Line<'static>> {
    let lang = cx.settings.lang;
    let ui = Some(lang.direction());
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let plain = Style::new();
    let mut lines = vec![];
    let mut add = |text: &str, dir: Option<Direction>, style: Style| {
        lines.extend(prose.lines(text, width, dir, style));
    };
    add(
        &lang.dates(
            c.start.as_ref().map(|d| d.as_str()),
            c.end.as_ref().map(|d| d.as_str()),
        ),
        ui,
        plain,
    );
    add("", ui, plain);
    add(&lang.participants(c.participants), ui, bold);
    let total: u32 = c.sectors.iter().map(|s| s.count).sum();
    if total > 0 {
        lines.push(sector_bar(c, total, width, lang.mirrored()));
        for (i, s) in c.sectors.iter().enumerate() {
            let colour = Style::new().fg(SECTOR_COLOURS[i % SECTOR_COLOURS.len()]);
            let text = format!("{:>3}  {}", s.count, s.sector);
            lines.extend(pane::swatch(cx, "  ", colour, &text, width));
        }
    }
    let mut add = |text: &str, dir: Option<Direction>, style: Style| {
        lines.extend(prose.lines(text, width, dir, style));
    };
    add("", ui, plain);
    add(lang.meetings(), ui, bold);
    add(
        &format!("  {}", meetings_summary(cx, &state.sessions)),
        ui,
        plain,
    );
    for s in &state.sessions {
        add(&session_line(cx, s), ui, plain);
    }
    add("", ui, plain);
    add(lang.instruments(), ui, bold);
    if state.instruments.is_empty() {
        add(&format!("  {}", lang.none_recorded()), ui, plain);
    }
    for i in &state.instruments {
        let when = i.date.as_ref().map(|d| d.to_string()).unwrap_or_default();
        let took_part = match (
            i.responded,
            response_rate(i.invited, i.responded),
            i.invited,
        ) {
            (Some(r), Some(rate), Some(inv)) => lang.responded(r, inv, rate),
            (Some(r), _, _) => lang.took_part(r),
            (None, _, _) => match i.occasions {
                Some(o) if o > 1 => format!("{o}×"),
                _ => String::new(),
            },
        };
        let text = format!(
            "  {:<13} {:<8} {}  {}",
            lang.instrument_kind(i.kind),
            when,
            took_part,
            i.title
        );
        add(&text, ui, plain);
    }
    if !c.notes.is_empty() {
        add("", ui, plain);
        // The notes are the data's own prose: their own direction.
        add(&c.notes, None, plain);
    }
    lines
}

/// Participants by sector as one bar, each sector's part in its colour; the
/// parts add up to the bar's width. Mirrored, it grows from the right.
fn sector_bar(c: &Cohort, total: u32, width: usize, mirrored: bool) -> Line<'static> {
    let room = width.saturating_sub(4).min(40);
    let mut spans = vec![];
    let mut so_far = 0usize;
    for (i, s) in c.sectors.iter().enumerate() {
        let before = (so_far * room + total as usize / 2) / total as usize;
        so_far += s.count as usize;
        let cells = (so_far * room + total as usize / 2) / total as usize - before;
        spans.push(Span::styled(
            "█".repeat(cells),
            Style::new().fg(SECTOR_COLOURS[i % SECTOR_COLOURS.len()]),
        ));
    }
    if mirrored {
        spans.reverse();
        spans.insert(0, Span::raw(" ".repeat(width.saturating_sub(room + 2))));
    } else {
        spans.insert(0, Span::raw("  "));
    }
    Line::from(spans)
}

/// "9 in-person (21 days) · 1 study tour · ..." counted from the sessions.
fn meetings_summary(cx: &Ctx, sessions: &[Session]) -> String {
    let lang = cx.settings.lang;
    let mut parts = vec![];
    for kind in SessionKind::ALL {
        let of_kind: Vec<&Session> = sessions.iter().filter(|s| s.kind == *kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let known: u32 = of_kind.iter().filter_map(|s| s.meetings).sum();
        let more = if of_kind.iter().any(|s| s.meetings.is_none()) {
            "+"
        } else {
            ""
        };
        let d: u32 = of_kind.iter().filter_map(|s| s.days).sum();
        let days = if d > 0 {
            format!(" ({})", lang.days(d))
        } else {
            String::new()
        };
        parts.push(format!("{known}{more} {}{days}", lang.session_kind(*kind)));
    }
    if parts.is_empty() {
        lang.none_recorded().into()
    } else {
        parts.join(" · ")
    }
}

fn session_line(cx: &Ctx, s: &Session) -> String {
    let lang = cx.settings.lang;
    let when = s
        .date
        .as_ref()
        .map(|d| d.to_string())
        .unwrap_or_else(|| "—".into());
    let days = s.days.map(|d| lang.short_days(d)).unwrap_or_default();
    let count = match s.meetings {
        Some(1) => String::new(),
        Some(n) => format!("×{n} "),
        None => "×? ".into(),
    };
    let what = [s.subject.as_str(), s.place.as_str()]
        .iter()
        .filter(|t| !t.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ");
    format!(
        "  {:>2}. {:<14} {:<8} {:>6} {count}{what}",
        s.ordinal,
        lang.session_kind(s.kind),
        when,
        days
    )
}
