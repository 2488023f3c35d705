//! The cohort card: dates, participants by sector as a bar, meetings by
//! kind and days, the instruments with their response rates.

use super::{CohortsState, SECTOR_COLOURS};
use crate::analysis::response_rate;
use crate::domain::{Cohort, Session, SessionKind};
use crate::text::Direction;
use crate::tui::widgets::Ctx;
use crate::tui::widgets::{Prose, pane};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// The cohort's card: dates, participants by sector, meetings, instruments.
pub(super) fn card(
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
