//! The one place that enters and leaves the terminal. Whatever way the app
//! ends (quit, an error, a panic, SIGTERM, SIGINT or SIGHUP), the terminal is
//! put back as it was: raw mode off, the main screen back, the cursor shown.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::{
    cursor, execute,
    terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode},
};
use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// True while the terminal is in app mode. Restoring twice would leave the
/// alternate screen twice, and the second time the terminal puts the cursor
/// back where the app started, over whatever was printed in between (a panic
/// message, say).
static ACTIVE: AtomicBool = AtomicBool::new(false);

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// The terminal in app mode. Dropping it restores the terminal.
pub struct Session {
    pub terminal: Term,
    stop: Arc<AtomicBool>,
}

impl Session {
    pub fn start() -> io::Result<Session> {
        install_panic_hook();
        let stop = Arc::new(AtomicBool::new(false));
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGHUP,
        ] {
            signal_hook::flag::register(signal, Arc::clone(&stop))?;
        }
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let mut stdout = io::stdout();
        if let Err(e) = execute!(stdout, EnterAlternateScreen, cursor::Hide) {
            restore();
            return Err(e);
        }
        let terminal = match Terminal::new(CrosstermBackend::new(stdout)) {
            Ok(t) => t,
            Err(e) => {
                restore();
                return Err(e);
            }
        };
        Ok(Session { terminal, stop })
    }

    /// True once a signal asked the app to end.
    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts the terminal back, once: later calls, and calls when the app never
/// changed the terminal, do nothing.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), LeaveAlternateScreen, cursor::Show);
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Restore first, so the message lands on a usable screen.
        restore();
        previous(info);
    }));
}
