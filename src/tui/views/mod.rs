//! Views: functions that read the app's state and draw it. They never change
//! state and never query the store.

mod cohorts;
mod help;

use super::app::App;
use super::widgets::status_bar;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Below this the layout cannot show a list beside its detail.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 12;

pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, frame, area);
        return;
    }
    let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    cohorts::draw(app, frame, main);
    status_bar(app, frame, status);
    if app.help {
        help::draw(app, frame, main);
    }
}

fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.settings.lang;
    let prose = app.prose();
    let lines: Vec<Line> = lang
        .too_small(area.width, area.height, MIN_WIDTH, MIN_HEIGHT)
        .iter()
        .flat_map(|l| prose.lines(l, area.width as usize, Some(lang.direction()), Style::new()))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
