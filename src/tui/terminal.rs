//! The one place that enters and leaves the terminal. Whatever way the app
//! ends (quit, an error, a panic, SIGTERM, SIGINT or SIGHUP), the terminal is
//! put back as it was: raw mode off, the main screen back, the cursor shown,
//! the bidi modes at their defaults.
//!
//! Bidi modes (ECMA-48 BDSM and SPD, as VTE implements them): in the app's
//! bidi mode tovana lays out right-to-left text itself, so it asks the
//! terminal to show cells as sent (`CSI 8 l`, explicit mode) with
//! left-to-right presentation (`CSI 1 SP k`). In terminal mode it asks for
//! implicit mode (`CSI 8 h`), where the terminal reorders. Terminals that
//! know neither sequence ignore them. On the way out both go back to their
//! defaults: `CSI 8 h` and `CSI 0 SP k`.

use crate::tui::settings::BidiMode;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::{
    cursor, execute,
    terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode},
};
use std::io::{self, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

/// True while the terminal is in app mode. Restoring twice would leave the
/// alternate screen twice, and the second time the terminal puts the cursor
/// back where the app started, over whatever was printed in between (a panic
/// message, say).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// How long the app has, once a signal asked it to end, to end by itself
/// before the watchdog ends it: a long computation or a wait inside SQLite
/// must not keep SIGTERM, SIGHUP or a closed terminal from ending the app.
const GRACE: Duration = Duration::from_secs(2);

/// Show cells as sent, left to right.
pub const BIDI_EXPLICIT: &str = "\x1b[8l\x1b[1 k";
/// Let the terminal reorder.
pub const BIDI_IMPLICIT: &str = "\x1b[8h";
/// The terminal's defaults, put back on the way out.
pub const BIDI_DEFAULTS: &str = "\x1b[8h\x1b[0 k";

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// The terminal in app mode. Dropping it restores the terminal.
pub struct Session {
    pub terminal: Term,
    /// The signal that asked the app to end, 0 while none has.
    stop: Arc<AtomicUsize>,
}

impl Session {
    pub fn start(bidi: BidiMode) -> io::Result<Session> {
        install_panic_hook();
        let stop = Arc::new(AtomicUsize::new(0));
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGHUP,
        ] {
            signal_hook::flag::register_usize(signal, Arc::clone(&stop), signal as usize)?;
        }
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let mut stdout = io::stdout();
        let mode = match bidi {
            BidiMode::App => BIDI_EXPLICIT,
            BidiMode::Terminal => BIDI_IMPLICIT,
        };
        let entered = execute!(stdout, EnterAlternateScreen, cursor::Hide)
            .and_then(|_| stdout.write_all(mode.as_bytes()))
            .and_then(|_| stdout.flush());
        if let Err(e) = entered {
            restore();
            return Err(e);
        }
        // Cleared once at the start: the first frame writes only the cells
        // that hold something, and a screen left behind (by a run that was
        // killed, say) must not show through its blanks.
        let terminal = match Terminal::new(CrosstermBackend::new(stdout))
            .and_then(|mut t| t.clear().map(|_| t))
        {
            Ok(t) => t,
            Err(e) => {
                restore();
                return Err(e);
            }
        };
        watch(Arc::clone(&stop));
        Ok(Session { terminal, stop })
    }

    /// The flag a signal sets (to its number), for what must give up when
    /// one arrives.
    pub fn stop_flag(&self) -> Arc<AtomicUsize> {
        Arc::clone(&self.stop)
    }

    /// The signal that asked the app to end, once one has.
    pub fn stop_requested(&self) -> Option<i32> {
        match self.stop.load(Ordering::Relaxed) {
            0 => None,
            s => Some(s as i32),
        }
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
    let mut stdout = io::stdout();
    let _ = stdout.write_all(BIDI_DEFAULTS.as_bytes());
    let _ = execute!(stdout, LeaveAlternateScreen, cursor::Show);
}

/// Ends the process, the terminal put back, when a signal has asked the app
/// to end and it has not within [`GRACE`]. Committed writes are safe in the
/// file whatever the moment; an unfinished one is rolled back by SQLite.
fn watch(stop: Arc<AtomicUsize>) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(100));
            if !ACTIVE.load(Ordering::SeqCst) {
                return;
            }
            let signal = stop.load(Ordering::Relaxed);
            if signal != 0 {
                std::thread::sleep(GRACE);
                if ACTIVE.load(Ordering::SeqCst) {
                    restore();
                    std::process::exit(128 + signal as i32);
                }
                return;
            }
        }
    });
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Restore first, so the message lands on a usable screen.
        restore();
        previous(info);
    }));
}
