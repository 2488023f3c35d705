//! The app: state, actions, keys, views, widgets, and the terminal's
//! set-up and restore.

pub mod action;
pub mod app;
pub mod keys;
pub mod memory;
pub mod popups;
pub mod settings;
pub mod strings;
pub mod terminal;
pub mod views;
pub mod widgets;

pub use crate::lang::Lang;
use crate::store::{Store, StoreError};
use action::Action;
use app::App;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::layout::Rect;
pub use settings::{BidiMode, Settings};
use std::cell::RefCell;
use std::io::IsTerminal;
use std::rc::Rc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

/// Why the app could not run: the store said no (named as the store words
/// it), or the terminal failed.
#[derive(Debug)]
pub enum RunError {
    Store(StoreError),
    Terminal(std::io::Error),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Store(e) => write!(f, "{e}"),
            RunError::Terminal(e) => write!(f, "terminal: {e}"),
        }
    }
}

impl From<std::io::Error> for RunError {
    fn from(e: std::io::Error) -> Self {
        RunError::Terminal(e)
    }
}

/// How a run of the app ended.
#[derive(Debug, Default)]
pub struct Ended {
    /// The coder's name the app asked for, for the caller to keep.
    pub asked_coder: Option<String>,
    /// The signal that ended it (SIGTERM, SIGINT, SIGHUP), if one did: the
    /// caller exits with 128 and its number, as shells expect.
    pub signal: Option<i32>,
}

/// What the app does while a write waits for another program's: after a
/// moment it says so on the bottom line, over the last frame (the app itself
/// is busy in the write and cannot draw); a signal gives the write up, so
/// the app can end.
fn waiting_notice(
    session: &Rc<RefCell<terminal::Session>>,
    shown: &Rc<RefCell<Buffer>>,
    settings: Settings,
) -> impl FnMut(Duration) -> bool + 'static {
    let (session, shown) = (Rc::clone(session), Rc::clone(shown));
    let stop = session.borrow().stop_flag();
    move |waited| {
        if stop.load(Ordering::Relaxed) != 0 {
            return false;
        }
        if waited < Duration::from_millis(300) {
            return true;
        }
        let message = settings.lang.waiting_to_write(waited.as_secs());
        if let (Ok(mut session), Ok(last)) = (session.try_borrow_mut(), shown.try_borrow()) {
            let _ = session.terminal.draw(|f| {
                let area = f.area();
                if last.area == area {
                    f.buffer_mut().clone_from(&last);
                }
                let [_, _, bottom] = views::screen_areas(area);
                widgets::waiting_bar(settings, &message, f, bottom);
            });
        }
        true
    }
}

/// Runs the app on `store` until the user quits, a signal arrives, or the
/// terminal goes away. Codings are made as `coder`; when none is given the
/// app asks, and says the name it was given, for the caller to keep.
pub fn run(
    store: Store,
    notice: Option<String>,
    settings: Settings,
    coder: Option<&str>,
    blind: bool,
) -> Result<Ended, RunError> {
    if !std::io::stdout().is_terminal() {
        return Err(RunError::Terminal(std::io::Error::other(
            "the app needs a terminal; without one, use `tovana stats` or `tovana export json`",
        )));
    }
    let mut app = App::new(store, notice, settings).map_err(RunError::Store)?;
    if let Some(name) = coder {
        match app.set_coder(name) {
            // A store read only cannot take a new coder's name: the app
            // still shows it, and says why nothing can be coded.
            Err(StoreError::Refused(r @ crate::store::Refusal::ReadOnly { .. })) => {
                app.status = Some(settings.lang.refusal(&r));
            }
            done => done.map_err(RunError::Store)?,
        }
    }
    app.set_blind(blind).map_err(RunError::Store)?;
    let session = Rc::new(RefCell::new(terminal::Session::start(settings.bidi)?));
    // The last frame drawn: a write that waits for another program's draws
    // its notice over it.
    let shown = Rc::new(RefCell::new(Buffer::empty(Rect::default())));
    app.on_store_wait(waiting_notice(&session, &shown, settings));
    // Input is read on a thread of its own. crossterm's poll spins without
    // returning once the terminal has hung up (it takes a read of 0 bytes
    // for "nothing yet"), so the loop below must never wait inside it: it
    // waits on a channel, and on every quiet tick checks the signals and
    // that the terminal is still there.
    let (events, input) = mpsc::channel();
    std::thread::spawn(move || {
        while let Ok(event) = event::read() {
            if events.send(event).is_err() {
                break;
            }
        }
    });
    // Motions on screen are worked out for the terminal's size.
    let size = session.borrow().terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut dirty = true;
    loop {
        if dirty {
            let mut session = session.borrow_mut();
            let frame = session.terminal.draw(|f| views::draw(&app, f))?;
            shown.borrow_mut().clone_from(frame.buffer);
            dirty = false;
        }
        let signal = session.borrow().stop_requested();
        if app.quit || signal.is_some() {
            return Ok(Ended {
                asked_coder: app.asked_coder.take(),
                signal,
            });
        }
        match input.recv_timeout(Duration::from_millis(200)) {
            Ok(Event::Key(key)) if key.kind == KeyEventKind::Press => {
                for key in keys::pressed(key) {
                    if let Some(action) = keys::dispatch(key, app.place()) {
                        dirty |= app.update(action);
                    }
                }
            }
            Ok(Event::Resize(w, h)) => dirty |= app.update(Action::Resize(w, h)),
            Ok(_) => {}
            Err(RecvTimeoutError::Timeout) => {
                // Another window or the command line may have written.
                dirty |= app.poll_store();
                // A closed window takes its terminal with it: end quietly.
                if !std::io::stdout().is_terminal() {
                    return Ok(Ended {
                        asked_coder: app.asked_coder.take(),
                        signal: None,
                    });
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Ok(Ended {
                    asked_coder: app.asked_coder.take(),
                    signal: None,
                });
            }
        }
    }
}
