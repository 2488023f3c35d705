//! The real binary in a real terminal, for the end-to-end tests: tmux runs
//! a shell, a test types at it with `send-keys` and reads the screen with
//! `capture-pane`. Needs tmux on the PATH (`.ci/run` installs it).

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A tmux server of the test's own, killed when the test ends.
pub struct Tmux {
    pub socket: String,
}

impl Tmux {
    pub fn start(width: u16, height: u16, data_home: &Path) -> Tmux {
        let socket = format!(
            "tovana-e2e-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        let t = Tmux { socket };
        let status = Command::new("tmux")
            .args(["-L", &t.socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .args(["-s", "t", "bash", "--norc", "--noprofile"])
            .env("XDG_DATA_HOME", data_home)
            .env("PS1", "$ ")
            // A neutral locale and no personal settings: each test sets what it needs.
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("TOVANA_BIDI")
            .env_remove("TOVANA_LANG")
            .env("TOVANA_CONFIG", data_home.join("no-config"))
            .status()
            .expect("tmux must be installed to run the end-to-end tests (apt-get install tmux)");
        assert!(status.success());
        t
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Types text literally, then presses Enter.
    pub fn type_line(&self, line: &str) {
        self.tmux(&["send-keys", "-t", "t", "-l", line]);
        self.tmux(&["send-keys", "-t", "t", "Enter"]);
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// Runs tovana on `db` in the shell, which prints `EXITED:<code>` after.
    pub fn run_app(&self, db: &Path) {
        self.run_app_with(db, "", "");
    }

    /// The same, with environment settings before the command and arguments
    /// after it.
    pub fn run_app_with(&self, db: &Path, env: &str, args: &str) {
        self.type_line(&format!(
            "{env} {} --db {} {args}; echo EXITED:$?",
            binary(),
            db.display()
        ));
    }

    /// The app's process: the shell's child in the pane.
    pub fn app_pid(&self) -> String {
        let shell = self.tmux(&["display-message", "-p", "-t", "t", "#{pane_pid}"]);
        let out = Command::new("pgrep")
            .args(["-P", shell.trim()])
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .expect("the app runs under the shell")
            .to_string()
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "t"])
    }

    /// Waits until the screen holds `text`, and returns the screen.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            // A frame is drawn in pieces: the screen is taken once it holds
            // the text and stays the same over two looks.
            if screen.contains(text) {
                std::thread::sleep(Duration::from_millis(30));
                if self.screen() == screen {
                    return screen;
                }
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("waited 15 s for {text:?}; the screen is:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_tovana")
}

/// Asks the shell whether the terminal is back in cooked mode with echo.
pub fn assert_terminal_restored(t: &Tmux) {
    // The marker is computed by the shell, so the typed command never matches it.
    t.type_line(
        "stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e echo | tr '\\n' + ; echo MODES$((6*7))",
    );
    let screen = t.wait_for("MODES42");
    assert!(screen.contains("icanon+echo+MODES42"), "{screen}");
}

pub fn demo_store(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("demo.sqlite");
    let out = Command::new(binary())
        .args(["init", "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    db
}

pub fn quit(t: &Tmux) {
    t.keys(&["q"]);
    t.wait_for("EXITED:0");
}
