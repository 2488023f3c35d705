//! The cohort card: dates, participants by sector as a bar, meetings by
//! kind and days, the instruments with their response rates.

use super::{CohortsState, SECTOR_COLOURS};
use crate::analysis::shown_rate;
use crate::domain::{Cohort, Session};
use crate::text::Direction;
use crate::tui::widgets::Ctx;
use crate::tui::widgets::{Prose, pane};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// The cohort's card: dates, participants by sector, meetings, instruments;
/// the `selected` one of its meetings then instruments marked, and the
/// line it is on.
pub(super) fn card(
    state: &CohortsState,
    cx: &Ctx,
    prose: &Prose,
    c: &Cohort,
    width: usize,
    selected: Option<usize>,
) -> (Vec<Line<'static>>, Option<usize>) {
    let lang = cx.settings.lang;
    let ui = Some(lang.direction());
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let plain = Style::new();
    let mut lines = vec![];
    // A paragraph of the card, laid out at its width.
    let para =
        |text: &str, dir: Option<Direction>, style: Style| prose.lines(text, width, dir, style);
    lines.extend(para(
        &lang.dates(
            c.start.as_ref().map(|d| d.as_str()),
            c.end.as_ref().map(|d| d.as_str()),
        ),
        ui,
        plain,
    ));
    lines.extend(para("", ui, plain));
    lines.extend(para(&lang.participants(c.participants), ui, bold));
    let total: u32 = c.sectors.iter().map(|s| s.count).sum();
    if total > 0 {
        lines.push(sector_bar(c, total, width, lang.mirrored()));
        for (i, s) in c.sectors.iter().enumerate() {
            let colour = Style::new().fg(SECTOR_COLOURS[i % SECTOR_COLOURS.len()]);
            let text = format!("{:>3}  {}", s.count, s.sector);
            lines.extend(pane::swatch(cx, "  ", colour, &text, width));
        }
    }
    lines.extend(para("", ui, plain));
    lines.extend(para(lang.meetings(), ui, bold));
    lines.extend(para(
        &format!("  {}", meetings_summary(cx, &state.sessions)),
        ui,
        plain,
    ));
    // A row per meeting, cut in columns: the number, kind, date, days and
    // count in the interface's direction, the subject and place (data) in
    // their own, cut to what is left with the ellipsis at their end.
    let rows: Vec<Vec<String>> = state
        .sessions
        .iter()
        .map(|s| session_cells(cx, s, &state.sessions))
        .collect();
    let mut items_at = vec![];
    items_at.extend((0..rows.len()).map(|r| lines.len() + r));
    lines.extend(columns(prose, &rows, width, lang));
    lines.extend(para("", ui, plain));
    lines.extend(para(lang.instruments(), ui, bold));
    if state.instruments.is_empty() {
        lines.extend(para(&format!("  {}", lang.none_recorded()), ui, plain));
    }
    let mut rows = vec![];
    for i in &state.instruments {
        let when = i.date.as_ref().map(|d| d.to_string()).unwrap_or_default();
        let took_part = match (i.responded, shown_rate(i), i.invited) {
            (Some(r), Some(rate), Some(inv)) => lang.responded(r, inv, rate),
            (Some(r), Some(rate), None) => lang.responded_at(r, rate),
            (Some(r), _, _) => lang.took_part(r),
            (None, _, _) => match i.occasions {
                Some(o) if o > 1 => format!("{o}×"),
                _ => String::new(),
            },
        };
        rows.push(vec![
            lang.instrument_kind(i.kind).to_string(),
            when,
            took_part,
            i.title.clone(),
        ]);
    }
    items_at.extend((0..rows.len()).map(|r| lines.len() + r));
    lines.extend(columns(prose, &rows, width, lang));
    let at = selected.and_then(|i| items_at.get(i).copied());
    if let Some(line) = at.and_then(|l| lines.get_mut(l)) {
        for span in &mut line.spans {
            span.style = span.style.add_modifier(Modifier::REVERSED);
        }
    }
    if !c.notes.is_empty() {
        lines.extend(para("", ui, plain));
        // The notes are the data's own prose: their own direction.
        lines.extend(para(&c.notes, None, plain));
    }
    (lines, at)
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
    for (kind, m) in crate::analysis::compare::listed_meetings(sessions) {
        let more = if m.more { "+" } else { "" };
        let days = if m.days > 0 {
            format!(" ({})", lang.days(m.days))
        } else {
            String::new()
        };
        parts.push(format!(
            "{}{more} {}{days}",
            m.count,
            lang.session_kind(kind)
        ));
    }
    if parts.is_empty() {
        lang.none_recorded().into()
    } else {
        parts.join(" · ")
    }
}

/// Rows of cells as lines cut in columns: each column as wide as its widest
/// cell, but the last, which is data (a subject, a title) and takes what is
/// left, cut; a row is indented by two cells on the interface's side.
fn columns(
    prose: &Prose,
    rows: &[Vec<String>],
    width: usize,
    lang: crate::lang::Lang,
) -> Vec<Line<'static>> {
    let n = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    if n == 0 {
        return vec![];
    }
    let mut widths: Vec<usize> = (0..n - 1)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| crate::text::width(c))
                .max()
                .unwrap_or(0)
                // The space cells_in puts before each cell.
                + 1
        })
        .collect();
    // A gap before the data, which may start at its cell's far side.
    if let Some(w) = widths.last_mut() {
        *w += 1;
    }
    let indent = 1;
    let used: usize = indent + widths.iter().sum::<usize>();
    widths.insert(0, indent);
    widths.push(width.saturating_sub(used));
    let ui = Some(lang.direction());
    rows.iter()
        .map(|r| {
            let mut cells = vec![(String::new(), widths[0], Style::new())];
            cells.extend((0..n).map(|i| {
                (
                    r.get(i).cloned().unwrap_or_default(),
                    widths[i + 1],
                    Style::new(),
                )
            }));
            pane::cells_in(prose, &cells, lang, |i| if i == n { None } else { ui })
        })
        .collect()
}

/// A meeting's cells: number, kind, date, days, count, and what it was
/// about and where.
fn session_cells(cx: &Ctx, s: &Session, all: &[Session]) -> Vec<String> {
    let lang = cx.settings.lang;
    let when = s
        .date
        .as_ref()
        .map(|d| d.to_string())
        .unwrap_or_else(|| "—".into());
    let days = s.days.map(|d| lang.short_days(d)).unwrap_or_default();
    let within = s
        .within
        .and_then(|w| all.iter().find(|o| o.id == w))
        .map(|o| o.ordinal);
    let count = match (within, s.meetings) {
        (Some(o), _) => lang.counted_in(o),
        (None, Some(1)) => String::new(),
        (None, Some(n)) => format!("×{n}"),
        (None, None) => "×?".into(),
    };
    let what = [s.subject.as_str(), s.place.as_str()]
        .iter()
        .filter(|t| !t.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ");
    vec![
        format!("{:>2}.", s.ordinal),
        lang.session_kind(s.kind).to_string(),
        when,
        days,
        count,
        what,
    ]
}
