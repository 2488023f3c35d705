//! The app: state, actions, key map, views, widgets, and the terminal's
//! set-up and restore.

pub mod app;
pub mod keymap;
pub mod terminal;
pub mod views;
pub mod widgets;

use crate::store::Store;
use app::App;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::time::Duration;

/// Runs the app on `store` until the user quits or a signal arrives.
pub fn run(store: Store, notice: Option<String>) -> std::io::Result<()> {
    let mut app = App::new(store, notice).map_err(std::io::Error::other)?;
    let mut session = terminal::Session::start()?;
    let mut dirty = true;
    loop {
        if dirty {
            session.terminal.draw(|f| views::draw(&app, f))?;
            dirty = false;
        }
        if app.quit || session.stop_requested() {
            return Ok(());
        }
        // Wake now and then to notice a signal even with no input.
        if !event::poll(Duration::from_millis(200))? {
            continue;
        }
        match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                if let Some(action) = keymap::action_for(key) {
                    dirty |= app.update(action);
                }
            }
            Event::Resize(_, _) => dirty = true,
            _ => {}
        }
    }
}
