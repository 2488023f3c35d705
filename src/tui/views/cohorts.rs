//! The first view: the program's cohorts, and the selected one's card.

use crate::analysis::response_rate;
use crate::domain::{Cohort, InstrumentKind, PartialDate, Session, SessionKind};
use crate::text;
use crate::tui::app::App;
use crate::tui::widgets::clean;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph, Wrap};

const SECTOR_COLOURS: [Color; 4] = [Color::Cyan, Color::Yellow, Color::Magenta, Color::Green];

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let title = match app.programs.first() {
        Some(p) => format!(" {} ", clean(&p.name)),
        None => " tovana ".to_string(),
    };
    if app.cohorts.is_empty() {
        empty(frame, area, &title);
        return;
    }
    let [list_area, card_area] =
        Layout::horizontal([Constraint::Length(30), Constraint::Min(20)]).areas(area);
    let items: Vec<ListItem> = app
        .cohorts
        .iter()
        .map(|c| ListItem::new(list_line(c)))
        .collect();
    let list = List::new(items)
        .block(Block::bordered().title(title))
        .highlight_style(Style::new().add_modifier(Modifier::REVERSED))
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(app.selected));
    frame.render_stateful_widget(list, list_area, &mut state);
    if let Some(cohort) = app.selected_cohort() {
        let lines = card(app, cohort, card_area.width.saturating_sub(2) as usize);
        let block = Block::bordered().title(format!(" Cohort {} ", clean(&cohort.label)));
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            card_area,
        );
    }
}

fn empty(frame: &mut Frame, area: Rect, title: &str) {
    let lines = vec![
        Line::from("This store holds no cohorts yet."),
        Line::from(""),
        Line::from("  tovana import json FILE --db PATH    read a store exported as JSON"),
        Line::from("  tovana init --db NEW.sqlite          make a new store with the demo data"),
        Line::from(""),
        Line::from("Press q to quit."),
    ];
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(title.to_string())),
        area,
    );
}

fn span_of(start: Option<&PartialDate>, end: Option<&PartialDate>) -> String {
    match (start, end) {
        (Some(s), Some(e)) => format!("{s} – {e}"),
        (Some(s), None) => format!("from {s}"),
        (None, Some(e)) => format!("until {e}"),
        (None, None) => "dates not given".into(),
    }
}

fn list_line(c: &Cohort) -> Line<'static> {
    let people = c
        .participants
        .map(|n| format!("{n:>3} people"))
        .unwrap_or_else(|| "  — people".into());
    let years = match (&c.start, &c.end) {
        (Some(s), Some(e)) if s.year() == e.year() => s.year().to_string(),
        (Some(s), Some(e)) => format!("{}–{}", s.year(), e.year()),
        _ => "    ".into(),
    };
    Line::from(format!("{} {:<9} {people}", clean(&c.label), years))
}

fn kind_name(k: SessionKind) -> &'static str {
    match k {
        SessionKind::InPerson => "in-person",
        SessionKind::Online => "online",
        SessionKind::StudyTour => "study tour",
        SessionKind::Closing => "closing",
        SessionKind::AlumniNetwork => "alumni network",
        SessionKind::Other => "other",
    }
}

fn instrument_name(k: InstrumentKind) -> &'static str {
    match k {
        InstrumentKind::Questionnaire => "questionnaire",
        InstrumentKind::Interview => "interviews",
        InstrumentKind::Observation => "observation",
        InstrumentKind::FocusGroup => "focus group",
    }
}

fn heading(s: &str) -> Line<'static> {
    Line::from(Span::styled(
        s.to_string(),
        Style::new().add_modifier(Modifier::BOLD),
    ))
}

/// The cohort's card: dates, participants by sector, meetings, instruments.
fn card(app: &App, c: &Cohort, width: usize) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(span_of(c.start.as_ref(), c.end.as_ref()))];
    lines.push(Line::from(""));
    match c.participants {
        Some(n) => lines.push(heading(&format!("Participants: {n}"))),
        None => lines.push(heading("Participants: not given")),
    }
    let total: u32 = c.sectors.iter().map(|s| s.count).sum();
    let bar_room = width.saturating_sub(8).min(40);
    if total > 0 {
        let mut bar = vec![Span::raw("  ")];
        // Cumulative rounding: the parts always add up to the bar's width.
        let mut so_far = 0usize;
        for (i, s) in c.sectors.iter().enumerate() {
            let before = (so_far * bar_room + total as usize / 2) / total as usize;
            so_far += s.count as usize;
            let cells = (so_far * bar_room + total as usize / 2) / total as usize - before;
            bar.push(Span::styled(
                "█".repeat(cells),
                Style::new().fg(SECTOR_COLOURS[i % SECTOR_COLOURS.len()]),
            ));
        }
        lines.push(Line::from(bar));
        for (i, s) in c.sectors.iter().enumerate() {
            lines.push(Line::from(vec![
                Span::styled(
                    "  ■ ",
                    Style::new().fg(SECTOR_COLOURS[i % SECTOR_COLOURS.len()]),
                ),
                Span::raw(format!("{:>3}  {}", s.count, clean(&s.sector))),
            ]));
        }
    }
    lines.push(Line::from(""));
    lines.push(heading("Meetings"));
    lines.push(Line::from(format!(
        "  {}",
        meetings_summary(&app.detail.sessions)
    )));
    for s in &app.detail.sessions {
        lines.push(Line::from(session_line(s)));
    }
    lines.push(Line::from(""));
    lines.push(heading("Instruments"));
    if app.detail.instruments.is_empty() {
        lines.push(Line::from("  none recorded"));
    }
    for i in &app.detail.instruments {
        let when = i.date.as_ref().map(|d| d.to_string()).unwrap_or_default();
        let took_part = match (
            i.responded,
            response_rate(i.invited, i.responded),
            i.invited,
        ) {
            (Some(r), Some(rate), Some(inv)) => format!("{r} of {inv} ({rate}%)"),
            (Some(r), _, _) => format!("{r} took part"),
            (None, _, _) => match i.occasions {
                Some(o) if o > 1 => format!("{o}×"),
                _ => String::new(),
            },
        };
        lines.push(Line::from(format!(
            "  {:<13} {:<8} {}  {}",
            instrument_name(i.kind),
            when,
            took_part,
            text::truncate(&clean(&i.title), width.saturating_sub(40))
        )));
    }
    if !c.notes.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(clean(&c.notes)));
    }
    lines
}

/// "9 in-person (21 days) · 1 study tour · ..." counted from the sessions.
fn meetings_summary(sessions: &[Session]) -> String {
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
            format!(" ({d} days)")
        } else {
            String::new()
        };
        parts.push(format!("{known}{more} {}{days}", kind_name(*kind)));
    }
    if parts.is_empty() {
        "none recorded".into()
    } else {
        parts.join(" · ")
    }
}

fn session_line(s: &Session) -> String {
    let when = s
        .date
        .as_ref()
        .map(|d| d.to_string())
        .unwrap_or_else(|| "—".into());
    let days = s.days.map(|d| format!("{d}d")).unwrap_or_default();
    let count = match s.meetings {
        Some(1) => String::new(),
        Some(n) => format!("×{n} "),
        None => "×? ".into(),
    };
    let what = [s.subject.as_str(), s.place.as_str()]
        .iter()
        .filter(|t| !t.is_empty())
        .map(|t| clean(t))
        .collect::<Vec<_>>()
        .join(" · ");
    format!(
        "  {:>2}. {:<14} {:<8} {:>3} {count}{what}",
        s.ordinal,
        kind_name(s.kind),
        when,
        days
    )
}
