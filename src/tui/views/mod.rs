//! Views: functions that read the app's state and draw it. They never change
//! state and never query the store; each view's module also holds its state
//! and how actions change it.

pub mod codebook;
pub mod cohorts;
pub mod documents;
pub mod findings;
mod help;
pub mod quotes;
pub mod recommendations;
pub mod search;
pub mod survey;
pub mod tables;

/// The popups' old place, kept for callers that name it.
pub use crate::tui::popups as modal;

use super::action::Overlay;
pub use super::action::ViewId;
use super::app::App;
use super::widgets::status_bar;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// The smallest terminal the layouts are made for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The tab bar, the view's area and the status bar, on a screen of `area`.
pub fn screen_areas(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, frame, area);
        return;
    }
    let [tabs, main, status] = screen_areas(area);
    tab_bar(app, frame, tabs);
    match app.view {
        ViewId::Cohorts => cohorts::draw(app, frame, main),
        ViewId::Survey => survey::draw(app, frame, main),
        ViewId::Findings => findings::draw(app, frame, main),
        ViewId::Recommendations => recommendations::draw(app, frame, main),
        ViewId::Documents => documents::draw(app, frame, main),
        ViewId::Codebook => codebook::draw(app, frame, main),
        ViewId::Tables => tables::draw(app, frame, main),
    }
    status_bar(app, frame, status);
    match app.overlay {
        Some(Overlay::Help) => help::draw(app, frame, main),
        Some(Overlay::Search) => search::draw(app, frame, main),
        _ => {}
    }
    if let Some(m) = &app.modal {
        crate::tui::popups::draw(app, m, frame, main);
    }
}

/// The views by digit, the current one highlighted; mirrored in Hebrew.
fn tab_bar(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.settings.lang;
    let prose = app.prose();
    let mut tabs: Vec<Span> = vec![];
    let mut views: Vec<ViewId> = ViewId::ALL.to_vec();
    if lang.mirrored() {
        views.reverse();
    }
    // Full names when they fit, else short ones.
    let full: usize = views
        .iter()
        .map(|v| format!(" {} {}  ", v.digit(), lang.view_name(*v)).width())
        .sum();
    let short = full > area.width as usize;
    for v in views {
        let style = if v == app.view {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().fg(Color::Gray)
        };
        let name = if short {
            lang.view_short(v)
        } else {
            lang.view_name(v)
        };
        let label = prose.inline(
            &format!(" {} {name} ", v.digit()),
            40,
            Some(lang.direction()),
            style,
        );
        tabs.extend(label.spans);
        tabs.push(Span::raw(" "));
    }
    let used: usize = tabs.iter().map(|s| s.width()).sum();
    if lang.mirrored() {
        tabs.insert(
            0,
            Span::raw(" ".repeat((area.width as usize).saturating_sub(used))),
        );
    }
    frame.render_widget(Paragraph::new(Line::from(tabs)), area);
}

fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.settings.lang;
    let prose = app.prose();
    let lines: Vec<Line> = lang
        .too_small(
            area.width,
            area.height,
            MIN_WIDTH,
            MIN_HEIGHT,
            &app.key_names(),
        )
        .iter()
        .flat_map(|l| prose.lines(l, area.width as usize, Some(lang.direction()), Style::new()))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
