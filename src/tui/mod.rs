//! The app: state, actions, key map, views, widgets, and the terminal's
//! set-up and restore.

pub mod app;
pub mod i18n;
pub mod keymap;
pub mod terminal;
pub mod views;
pub mod widgets;

use crate::store::Store;
use crate::text::Order;
use app::App;
pub use i18n::Lang;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::time::Duration;

/// Who puts right-to-left text in visual order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BidiMode {
    /// tovana does, and asks the terminal to show cells as sent. Right for
    /// terminals that do no bidi (xterm, kitty, alacritty, Windows Terminal,
    /// tmux) and for those that honour the request (VTE-based ones).
    #[default]
    App,
    /// The terminal does: tovana sends logical order. For terminals that
    /// reorder whatever they are told.
    Terminal,
}

impl BidiMode {
    pub fn parse(s: &str) -> Option<BidiMode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "app" => Some(BidiMode::App),
            "terminal" => Some(BidiMode::Terminal),
            _ => None,
        }
    }

    pub fn order(self) -> Order {
        match self {
            BidiMode::App => Order::Visual,
            BidiMode::Terminal => Order::Logical,
        }
    }
}

/// How the app presents itself, settled before it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Settings {
    pub bidi: BidiMode,
    pub lang: Lang,
}

/// Runs the app on `store` until the user quits or a signal arrives.
pub fn run(store: Store, notice: Option<String>, settings: Settings) -> std::io::Result<()> {
    let mut app = App::new(store, notice, settings).map_err(std::io::Error::other)?;
    let mut session = terminal::Session::start(settings.bidi)?;
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
