//! The first view: the program's cohorts, and the selected one's card.

mod card;
use card::card;

use crate::analysis::compare::{self, CohortFacts};
use crate::domain::{Cohort, Id, Instrument, Item, Part, Session};
use crate::store::{Store, StoreError};
use crate::tui::action::{Action, Outcome, PAGE, moved};
use crate::tui::views::{Env, ItemPlace, Place, View};
use crate::tui::widgets::Ctx;
use crate::tui::widgets::detail::Detail;
use crate::tui::widgets::pane;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

const SECTOR_COLOURS: [Color; 4] = [Color::Cyan, Color::Yellow, Color::Magenta, Color::Green];
/// The cohort list's width: its widest row and the marker, within bounds
/// (a few short rows leave the card the room; the program's name in the
/// title is cut to it).
const LIST_WIDTH: std::ops::RangeInclusive<u16> = 18..=40;

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
    /// The card, which takes the keys: to move among its meetings and
    /// instruments, or to scroll when it has none.
    pub card: Detail,
    /// With the card focused, the meeting or instrument selected on it: an
    /// index into the meetings, then the instruments.
    pub card_at: usize,
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

    /// The meeting or instrument selected on the focused card.
    pub fn card_item(&self) -> Option<Item> {
        if !self.card.focus {
            return None;
        }
        let n = self.sessions.len();
        match self.card_at.checked_sub(n) {
            None => self.sessions.get(self.card_at).map(|s| Item {
                part: Part::Meeting,
                id: s.id,
            }),
            Some(i) => self.instruments.get(i).map(|x| Item {
                part: Part::Instrument,
                id: x.id,
            }),
        }
    }

    /// Focuses the card on a meeting or instrument of the selected cohort
    /// (or the nearest before it, when it is gone).
    pub fn focus_item(&mut self, item: Option<Item>, near: usize) {
        let n = self.sessions.len();
        let at = item.and_then(|item| match item.part {
            Part::Meeting => self.sessions.iter().position(|s| s.id == item.id),
            Part::Instrument => self
                .instruments
                .iter()
                .position(|i| i.id == item.id)
                .map(|i| n + i),
            _ => None,
        });
        let total = n + self.instruments.len();
        self.card_at = at.unwrap_or(near).min(total.saturating_sub(1));
        self.card.focus = total > 0;
    }

    pub fn update(&mut self, action: Action, store: &mut Store) -> Outcome {
        let items = self.sessions.len() + self.instruments.len();
        if self.card.focus && items > 0 {
            // The card's keys move among its meetings and instruments.
            let to = match action {
                Action::Down => Some((self.card_at + 1).min(items - 1)),
                Action::Up => Some(self.card_at.saturating_sub(1)),
                Action::First => Some(0),
                Action::Last => Some(items - 1),
                _ => None,
            };
            if let Some(to) = to {
                let changed = to != self.card_at;
                self.card_at = to;
                return Outcome::changed(changed);
            }
        }
        if self.card.focus {
            // While the card scrolls, the list's keys wait.
            return self.card.update(action).unwrap_or(Outcome::changed(false));
        }
        if action == Action::Enter && self.pinned.is_none() && !self.cohorts.is_empty() {
            self.card_at = 0;
            return self.card.take();
        }
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
                self.card.reset();
                match self.load_card(store) {
                    Ok(()) => Outcome::changed(true),
                    Err(e) => Outcome::failed(e),
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

    /// The cohort, and the card's keys and scroll.
    fn place(&self) -> Option<Place> {
        ItemPlace::boxed(self.selected_cohort().map(|c| c.id), &self.card)
    }

    fn return_to(&mut self, place: &Place, env: &Env) -> Result<(), StoreError> {
        let Some(here) = ItemPlace::of(place) else {
            return Ok(());
        };
        if let Some(id) = here.item {
            self.select_cohort(id, env.store)?;
        }
        self.card = here.detail.clone();
        Ok(())
    }
}

fn draw(state: &CohortsState, cx: &Ctx, frame: &mut Frame, area: Rect) {
    let lang = cx.settings.lang;
    let prose = cx.prose();
    let ui = Some(lang.direction());
    let title = match cx.programs.first() {
        Some(p) => pane::pieces(&[&p.name]),
        None => lang.app_name().to_string(),
    };
    if state.cohorts.is_empty() {
        empty(cx, frame, area, &title);
        return;
    }
    let widest = state
        .cohorts
        .iter()
        .map(|c| crate::text::width(&list_entry(cx, c)))
        .max()
        .unwrap_or(0);
    // The marker, the row, a space, the borders.
    let list_width = ((widest + 5) as u16).clamp(*LIST_WIDTH.start(), *LIST_WIDTH.end());
    let (list_area, card_area) = if lang.mirrored() {
        let [card, list] =
            Layout::horizontal([Constraint::Min(20), Constraint::Length(list_width)]).areas(area);
        (list, card)
    } else {
        let [list, card] =
            Layout::horizontal([Constraint::Length(list_width), Constraint::Min(20)]).areas(area);
        (list, card)
    };
    let inner = list_area.width.saturating_sub(2) as usize;
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
    let list_block = pane::block(cx, &title, list_area);
    frame.render_widget(
        Paragraph::new(items).block(if state.card.focus {
            list_block
        } else {
            pane::active(list_block)
        }),
        list_area,
    );
    if let Some((pinned, facts)) = &state.pinned {
        comparison(state, cx, frame, card_area, *pinned, facts);
        return;
    }
    if let Some(cohort) = state.selected_cohort() {
        let width = card_area.width.saturating_sub(2) as usize;
        let selected = state.card_item().map(|_| state.card_at);
        let (lines, at) = card(state, cx, &prose, cohort, width, selected);
        let title = lang.cohort(&cohort.label);
        // The card has the keys: its selected meeting or instrument stays
        // on screen, or, with none, it scrolls (a long one, cohort ג's 14
        // meetings, shows its end too).
        state.card.render_showing(
            frame,
            pane::block(cx, &title, card_area),
            lines,
            card_area,
            lang.mirrored(),
            at,
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
            // Each sector's name is an isolate, so that its count stays
            // beside it whatever the names' direction.
            .map(|(s, n)| format!("{n} \u{2068}{s}\u{2069}"))
            .collect::<Vec<_>>()
            .join(", "),
        Aspect::Meetings(k) => match f.meetings.get(k) {
            None => "—".into(),
            Some(m) if m.sessions == 0 => lang.among_the_meetings().into(),
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
        Aspect::Tours => f
            .tours
            .iter()
            .map(|t| format!("\u{2068}{t}\u{2069}"))
            .collect::<Vec<_>>()
            .join(", "),
        Aspect::Instruments(k) => match f.instruments.get(k) {
            None => "—".into(),
            // Short, so that two cohorts fit side by side at 80×24.
            Some(i) => match (i.responded, i.invited, i.rate) {
                (Some(r), Some(inv), Some(rate)) => format!("{} · {r}/{inv} ({rate}%)", i.count),
                (Some(r), None, Some(rate)) => format!("{} · {r} ({rate}%)", i.count),
                (Some(r), _, None) => format!("{} · {}", i.count, lang.took_part(r)),
                _ => i.count.to_string(),
            },
        },
        Aspect::After if f.after == 0 => "—".into(),
        Aspect::After => f.after.to_string(),
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
