//! A progress bar on standard error, for an import or an export that takes
//! longer than half a second, and only when standard error is a terminal
//! (indicatif draws nothing otherwise): hidden at first, shown by a timer.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// The bar on screen, if any: whatever the command line says next ends
/// it first ([`end_shown`]), so that words and bar never share a line.
static SHOWN: std::sync::Mutex<Option<(ProgressBar, Arc<AtomicBool>)>> =
    std::sync::Mutex::new(None);

/// Ends the bar on screen, if any, before something is written.
pub fn end_shown() {
    if let Some((bar, done)) = SHOWN.lock().ok().and_then(|mut s| s.take()) {
        done.store(true, Ordering::SeqCst);
        bar.finish_and_clear();
    }
}

/// How long a piece of work runs before its bar is shown.
const AFTER: Duration = Duration::from_millis(500);

pub struct Progress {
    bar: ProgressBar,
    done: Arc<AtomicBool>,
}

impl Progress {
    /// Starts timing `what`; the bar shows it once [`AFTER`] has passed.
    pub fn start(what: &str) -> Progress {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} {wide_bar} {pos}/{len} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_message(what.to_string());
        let done = Arc::new(AtomicBool::new(false));
        if let Ok(mut s) = SHOWN.lock() {
            *s = Some((bar.clone(), Arc::clone(&done)));
        }
        let (b, d) = (bar.clone(), Arc::clone(&done));
        std::thread::spawn(move || {
            std::thread::sleep(AFTER);
            // Under the lock, so that it is not shown after it was ended.
            let _held = SHOWN.lock();
            if !d.load(Ordering::SeqCst) {
                b.set_draw_target(ProgressDrawTarget::stderr());
                b.enable_steady_tick(Duration::from_millis(120));
            }
        });
        Progress { bar, done }
    }

    /// A stage of `len` steps (a spinner when unknown).
    pub fn stage(&self, what: &str, len: Option<u64>) {
        self.bar.set_message(what.to_string());
        match len {
            Some(n) => {
                self.bar.set_length(n);
                self.bar.set_style(
                    ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len} {elapsed}")
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                );
            }
            None => self.bar.set_style(
                ProgressStyle::with_template("{spinner} {msg} {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        }
    }

    pub fn set(&self, pos: u64) {
        self.bar.set_position(pos);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        let _held = SHOWN.lock();
        self.done.store(true, Ordering::SeqCst);
        self.bar.finish_and_clear();
    }
}
