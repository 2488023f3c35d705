//! What the tests that drive the app without a terminal share: an app on a
//! store in a temporary folder, the screen as text, keys pressed in turn.
#![allow(dead_code)] // each test file uses a part

pub mod qda;
pub mod tmux;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use tovana::domain::Dataset;
use tovana::store::Store;
use tovana::tui::app::{Action, App};
use tovana::tui::{BidiMode, Lang, Settings, views};

/// A file of `../shared/interop/` (its path below it), or `None`, saying
/// the test is skipped, where that folder is absent (a clone elsewhere).
pub fn interop(name: &str) -> Option<std::path::PathBuf> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/interop")
        .join(name);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is not here", p.display());
        None
    }
}

pub fn app_in(data: &Dataset, settings: Settings) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create(&dir.path().join("t.sqlite"), data).unwrap();
    (App::new(store, None, settings).unwrap(), dir)
}

pub fn app_with(data: &Dataset) -> (App, tempfile::TempDir) {
    app_in(data, Settings::default())
}

pub const HEBREW: Settings = Settings {
    bidi: BidiMode::App,
    lang: Lang::He,
};

/// The screen as text, one line per row, the store's temporary folder masked.
pub fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| views::draw(app, f)).unwrap();
    let text = screen(terminal.backend().buffer());
    // The temporary folder's name changes from run to run (its length does not).
    let dir = app.store().path().parent().unwrap().display().to_string();
    text.replace(&dir, "<tmp>")
}

pub fn screen(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn press(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
    }
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

/// Presses keys through the key table, as the terminal would deliver them:
/// each string is one named key (`Enter`, `Esc`, `Down`, `Up`, `Left`,
/// `Right`, `Tab`, `BackTab`, `Backspace`, `PgDn`, `PgUp`, `C-x` for Control
/// with a letter), or else its characters are typed one key each.
pub fn keys(app: &mut App, keys: &[&str]) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for k in keys {
        let named = match *k {
            "Enter" => Some(KeyCode::Enter),
            "Esc" => Some(KeyCode::Esc),
            "Down" => Some(KeyCode::Down),
            "Up" => Some(KeyCode::Up),
            "Left" => Some(KeyCode::Left),
            "Right" => Some(KeyCode::Right),
            "Tab" => Some(KeyCode::Tab),
            "BackTab" => Some(KeyCode::BackTab),
            "Backspace" => Some(KeyCode::Backspace),
            "PgDn" => Some(KeyCode::PageDown),
            "PgUp" => Some(KeyCode::PageUp),
            "Home" => Some(KeyCode::Home),
            "End" => Some(KeyCode::End),
            _ => None,
        };
        let events: Vec<KeyEvent> = if let Some(code) = named {
            vec![KeyEvent::new(code, KeyModifiers::NONE)]
        } else if let Some(c) = k
            .strip_prefix("C-")
            .filter(|c| c.chars().count() == 1)
            .and_then(|c| c.chars().next())
        {
            vec![KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)]
        } else {
            k.chars()
                .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
                .collect()
        };
        for e in events {
            if let Some(action) = tovana::tui::keys::dispatch(e, app.place()) {
                app.update(action);
            }
        }
    }
}

/// The screen as a buffer, for tests that look at styles.
pub fn buffer(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| views::draw(app, f)).unwrap();
    terminal.backend().buffer().clone()
}
