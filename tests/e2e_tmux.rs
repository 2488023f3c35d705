//! The real binary in a real terminal: tmux runs a shell, the test types at
//! it with `send-keys` and reads the screen with `capture-pane`.
//!
//! Needs tmux on the PATH (`.ci/run` installs it).

mod common;

use common::tmux::{Tmux, assert_terminal_restored, binary, demo_store, quit};
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn browse_the_cohorts_and_quit_leaves_a_usable_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start(100, 30, dir.path());
    let db = dir.path().join("e2e.sqlite");
    t.run_app(&db);
    let first = t.wait_for("Cohort א");
    assert!(first.contains("9 in-person (21 days)"), "{first}");
    assert!(first.contains("new store from the demo"), "{first}");
    assert!(db.is_file(), "the store was created from the demo");

    t.keys(&["j"]);
    t.wait_for("Cohort ב");
    t.keys(&["G"]);
    let last = t.wait_for("Cohort ג");
    assert!(last.contains("7 in-person (14 days)"), "{last}");
    // The footer names the view's own keys, and changes with the view.
    let footer = last.lines().rfind(|l| l.contains("q quit")).unwrap_or("");
    assert!(footer.contains("Enter card  c compare"), "{last}");
    t.keys(&["6"]);
    let codebook = t.wait_for("n new");
    assert!(codebook.contains("M merge"), "{codebook}");
    assert!(!codebook.contains("c compare"), "{codebook}");

    t.keys(&["?"]);
    t.wait_for("Keys");
    t.keys(&["Escape"]);
    let start = Instant::now();
    while t.screen().contains("Keys") {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "help did not close"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    t.keys(&["q"]);
    let after = t.wait_for("EXITED:0");
    assert!(
        !after.contains("Cohort ג"),
        "the app's screen is gone:\n{after}"
    );
    assert_terminal_restored(&t);
}

#[test]
fn sigterm_ends_the_app_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start(100, 30, dir.path());
    let db = dir.path().join("term.sqlite");
    Command::new(binary())
        .args(["init", "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    t.run_app(&db);
    t.wait_for("Cohort א");
    let child = t.app_pid();
    assert!(
        Command::new("kill")
            .args(["-TERM", &child])
            .status()
            .unwrap()
            .success()
    );
    // 128 + 15, as shells expect after SIGTERM.
    t.wait_for("EXITED:143");
    assert_terminal_restored(&t);
}

#[test]
fn a_bad_store_reports_and_never_enters_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start(100, 30, dir.path());
    let bad = dir.path().join("bad.sqlite");
    std::fs::write(&bad, "this is text, not a database, and it is long enough").unwrap();
    t.run_app(&bad);
    let screen = t.wait_for("EXITED:1");
    assert!(screen.contains("not a tovana store"), "{screen}");
    assert_terminal_restored(&t);
}

/// The sector "local government" of cohort A as the terminal shows it.
const LOGICAL: &str = "שלטון מקומי";
const VISUAL: &str = "ימוקמ ןוטלש";

#[test]
fn visual_order_reaches_the_terminal_and_terminal_mode_hands_over_logical_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(dir.path());
    let t = Tmux::start(100, 30, dir.path());

    t.run_app(&db);
    let screen = t.wait_for("Cohort");
    assert!(screen.contains(VISUAL), "{screen}");
    assert!(!screen.contains(LOGICAL), "{screen}");
    quit(&t);

    t.run_app_with(&db, "", "--bidi terminal");
    let screen = t.wait_for("Cohort");
    assert!(screen.contains(LOGICAL), "{screen}");
    assert!(!screen.contains(VISUAL), "{screen}");
    quit(&t);

    t.run_app_with(&db, "TOVANA_BIDI=terminal", "");
    let screen = t.wait_for("Cohort");
    assert!(
        screen.contains(LOGICAL),
        "the environment variable: {screen}"
    );
    quit(&t);

    let config = dir.path().join("config");
    std::fs::write(&config, "# tovana\nbidi = terminal\n").unwrap();
    t.run_app_with(&db, &format!("TOVANA_CONFIG={}", config.display()), "");
    let screen = t.wait_for("Cohort");
    assert!(screen.contains(LOGICAL), "the config file: {screen}");
    quit(&t);

    // The flag wins over the config file.
    t.run_app_with(
        &db,
        &format!("TOVANA_CONFIG={}", config.display()),
        "--bidi app",
    );
    let screen = t.wait_for("Cohort");
    assert!(screen.contains(VISUAL), "{screen}");
    quit(&t);

    // A bad setting is named and the app does not start.
    std::fs::write(&config, "bidi = sideways\n").unwrap();
    t.run_app_with(&db, &format!("TOVANA_CONFIG={}", config.display()), "");
    let screen = t.wait_for("EXITED:1");
    assert!(
        screen.contains("line 1: bidi is `app` or `terminal`"),
        "{screen}"
    );
    assert_terminal_restored(&t);
}

#[test]
fn the_hebrew_interface_is_mirrored_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(dir.path());
    let t = Tmux::start(100, 30, dir.path());
    t.run_app_with(&db, "LANG=en_US.UTF-8", "--lang he");
    let screen = t.wait_for("א רוזחמ");
    // The list of cohorts is on the right, its marker against the border.
    let row = screen.lines().nth(2).unwrap();
    assert!(row.trim_end().ends_with("◀│"), "{screen}");
    assert!(screen.contains("37 :םיפתתשמ"), "{screen}");
    // The footer: Hebrew words, keys as on the keyboard, read right to left.
    assert!(screen.contains("האוושה c  סיטרכ Enter"), "{screen}");
    quit(&t);
    // The locale alone picks Hebrew too.
    t.run_app_with(&db, "LANG=he_IL.UTF-8", "");
    t.wait_for("א רוזחמ");
    quit(&t);
}

#[test]
fn the_terminal_is_asked_for_explicit_bidi_and_given_its_defaults_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(dir.path());
    let t = Tmux::start(100, 30, dir.path());
    // `script` records every byte the app writes to its terminal.
    let log = dir.path().join("typescript");
    t.type_line(&format!(
        "script -q -c '{} --db {}' {}; echo EXITED:$?",
        binary(),
        db.display(),
        log.display()
    ));
    t.wait_for("Cohort");
    quit(&t);
    let bytes = std::fs::read(&log).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let start = text
        .find("\x1b[8l\x1b[1 k")
        .expect("CSI 8 l and CSI 1 SP k at start");
    let end = text
        .rfind("\x1b[8h\x1b[0 k")
        .expect("CSI 8 h and CSI 0 SP k on the way out");
    assert!(start < end);
    // Blank cells are skipped with cursor moves, so the two words of the
    // sector's name arrive apart: each reversed, the left one first.
    let left = text.find("ימוקמ").expect("'מקומי' in visual order");
    let right = text.find("ןוטלש").expect("'שלטון' in visual order");
    assert!(start < left && left < right && right < end);
    assert!(
        !text.contains("שלטון"),
        "no logical order reached the terminal"
    );
}

/// Whether a process still runs (a zombie has ended; only its parent has not
/// collected it).
fn running(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| !s.split(") ").nth(1).unwrap_or("").starts_with('Z'))
        .unwrap_or(false)
}

#[test]
fn closing_the_terminal_ends_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(dir.path());
    let socket = format!("tovana-e2e-close-{}", std::process::id());
    // The app runs as the pane's own command: nothing forwards a hang-up to it.
    let status = Command::new("tmux")
        .args([
            "-L",
            &socket,
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            "100",
            "-y",
            "30",
        ])
        .arg(format!("{} --db {}", binary(), db.display()))
        .env("LANG", "C.UTF-8")
        .env("TOVANA_CONFIG", dir.path().join("no-config"))
        .status()
        .unwrap();
    assert!(status.success());
    let start = Instant::now();
    let pid = loop {
        let out = Command::new("tmux")
            .args(["-L", &socket, "display-message", "-p", "#{pane_pid}"])
            .output()
            .unwrap();
        let pid = String::from_utf8(out.stdout).unwrap().trim().to_string();
        if !pid.is_empty() {
            break pid;
        }
        assert!(start.elapsed() < Duration::from_secs(10));
        std::thread::sleep(Duration::from_millis(50));
    };
    std::thread::sleep(Duration::from_millis(500));
    assert!(running(&pid), "the app is up");
    let _ = Command::new("tmux")
        .args(["-L", &socket, "kill-server"])
        .status();
    let start = Instant::now();
    while running(&pid) {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the app went on running after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn every_view_and_a_search_result_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(dir.path());
    let t = Tmux::start(120, 36, dir.path());
    t.run_app(&db);
    t.wait_for("Cohort א");
    for (key, title) in [
        ("2", "┌ Survey"),
        ("3", "┌ Findings"),
        ("4", "┌ Recommendations"),
        ("5", "┌ Documents"),
        ("6", "┌ Codebook"),
    ] {
        t.keys(&[key]);
        t.wait_for(title);
    }
    // A finding's evidence, followed into the survey and back.
    t.keys(&["3", "Enter", "Enter"]);
    t.wait_for("┌ Survey");
    t.keys(&["Escape"]);
    t.wait_for("┌ Findings");
    // Search in Hebrew: the Denmark tour is one of cohort C's sessions.
    t.keys(&["/"]);
    t.wait_for("Search");
    t.tmux(&["send-keys", "-t", "t", "-l", "דנמרק"]);
    t.wait_for("Sessions");
    // Down to the first session among the hits (a recommendation's note
    // and a quote speak of Denmark too), as the store lists them.
    let hits = tovana::store::Store::open(&db)
        .unwrap()
        .search("דנמרק", 8)
        .unwrap();
    let at = hits
        .iter()
        .position(|h| h.kind == tovana::domain::HitKind::Session)
        .unwrap();
    for _ in 0..at {
        t.keys(&["Down"]);
    }
    t.keys(&["Enter"]);
    let screen = t.wait_for("Cohort ג");
    assert!(
        screen.contains("קרמנד"),
        "the tour, in visual order: {screen}"
    );
    t.keys(&["Escape"]);
    t.wait_for("┌ Findings");
    quit(&t);
    assert_terminal_restored(&t);
}

#[test]
fn a_span_coded_in_the_reader_shows_in_the_frequencies() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(dir.path());
    let t = Tmux::start(120, 36, dir.path());
    t.run_app(&db);
    t.wait_for("Cohort א");
    // The sixth document is cohort C's focus group.
    t.keys(&["5", "j", "j", "j", "j", "j", "Enter"]);
    t.wait_for("Codes here");
    // Select two words and code them; the app asks who is coding, once.
    t.keys(&["w", "v", "e", "e", "c"]);
    t.wait_for("Who is coding?");
    t.type_line("Dana");
    t.wait_for("Code to apply");
    t.tmux(&["send-keys", "-t", "t", "-l", "e2e-code"]);
    t.wait_for("+ new code: e2e-code");
    t.keys(&["Enter"]);
    t.wait_for("applied e2e-code");
    // In the codebook, the new code (the last one) counts the coding.
    t.keys(&["6", "G"]);
    let screen = t.wait_for("1 codings · 1 documents · 1 cohorts");
    assert!(
        screen.contains("Quotes by cohort (with its children)"),
        "{screen}"
    );
    let cohort_row = screen.lines().any(|l| l.contains("│     1  ג"));
    assert!(cohort_row, "one coding in cohort C: {screen}");
    quit(&t);
    assert_terminal_restored(&t);
    // The name given is kept for the next time.
    let config = std::fs::read_to_string(dir.path().join("no-config")).unwrap();
    assert_eq!(config, "coder = Dana\n");
}

#[test]
fn a_table_cell_opens_its_quotes_and_e_writes_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(dir.path());
    let t = Tmux::start(120, 36, dir.path());
    // Exports go to the folder the app starts in.
    t.type_line(&format!("cd {}", dir.path().display()));
    t.run_app(&db);
    t.wait_for("Cohort א");
    t.keys(&["7"]);
    t.wait_for("Quotes by code and cohort (with its children)");
    // The first child code, cohort A: 20 quotes; Enter gives them the keys.
    t.keys(&["j", "Enter", "j"]);
    t.wait_for("[2 of 20] ●");
    // Co-occurrence, then agreement between the demo's two coders.
    t.keys(&["Escape", "t", "t"]);
    t.wait_for("Codes on overlapping quotes");
    t.keys(&["t"]);
    let screen = t.wait_for("documents both coded (1)");
    assert!(screen.contains("all codes"), "{screen}");
    t.keys(&["E"]);
    t.wait_for("wrote ");
    quit(&t);
    assert_terminal_restored(&t);
    let md = std::fs::read_to_string(dir.path().join("tovana-agreement.md")).unwrap();
    assert!(md.starts_with("## Agreement: A = "), "{md}");
    let csv = std::fs::read_to_string(dir.path().join("tovana-agreement.csv")).unwrap();
    assert!(
        csv.lines().last().unwrap().starts_with("all codes,22,22,"),
        "{csv}"
    );
}

/// The process whose command line holds `needle`, found in /proc.
fn pid_of(needle: &str) -> Option<String> {
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        let cmd = std::fs::read(e.path().join("cmdline")).ok()?;
        let cmd = String::from_utf8_lossy(&cmd).replace('\0', " ");
        (name.chars().all(|c| c.is_ascii_digit()) && cmd.contains(needle) && cmd.contains("tovana"))
            .then_some(name)
    })
}

#[test]
fn a_coding_shown_as_saved_survives_the_process_being_killed() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(dir.path());
    let t = Tmux::start(120, 36, dir.path());
    t.run_app_with(&db, "TOVANA_CODER=Dana", "");
    t.wait_for("Cohort א");
    t.keys(&["5", "j", "j", "j", "j", "j", "Enter"]);
    t.wait_for("Codes here");
    t.keys(&["w", "v", "e", "c"]);
    t.wait_for("Code to apply");
    t.tmux(&["send-keys", "-t", "t", "-l", "kill-test"]);
    t.wait_for("+ new code: kill-test");
    t.keys(&["Enter"]);
    t.wait_for("applied kill-test");
    // No chance to tidy up: SIGKILL right after the screen said so.
    let pid = pid_of(&db.display().to_string()).expect("the app's process");
    // bash's own kill: no procps needed.
    let killed = Command::new("bash")
        .args(["-c", &format!("kill -9 {pid}")])
        .status()
        .unwrap();
    assert!(killed.success());
    t.wait_for("EXITED:137");
    let out = Command::new(binary())
        .args(["export", "quotes", "kill-test", "--db"])
        .arg(&db)
        .env("TOVANA_CONFIG", dir.path().join("no-config"))
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        md.lines().filter(|l| l.starts_with("| ג |")).count(),
        1,
        "{md}"
    );
    // The journal kept it too: undo in a new session takes it back.
    t.run_app_with(&db, "TOVANA_CODER=Dana", "");
    t.wait_for("Cohort א");
    t.keys(&["u"]);
    // Made and applied in one step, taken back in one.
    t.wait_for("undone: create and apply code 'kill-test'");
    quit(&t);
}

#[test]
fn sigint_and_sighup_end_the_app_with_the_codes_shells_expect() {
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start(100, 30, dir.path());
    let db = demo_store(dir.path());
    for (signal, code) in [("-INT", "EXITED:130"), ("-HUP", "EXITED:129")] {
        t.type_line("clear");
        t.run_app(&db);
        t.wait_for("Cohort א");
        let child = t.app_pid();
        assert!(
            Command::new("kill")
                .args([signal, &child])
                .status()
                .unwrap()
                .success()
        );
        t.wait_for(code);
        assert_terminal_restored(&t);
    }
}

/// Kills the app at random moments while it codes and undoes, again and
/// again: after each kill the store passes SQLite's integrity check, every
/// coding the screen said was saved is in it, and every one it said was
/// undone is not. 30 kills here; `TOVANA_KILLS=1000` runs the same harness
/// longer.
#[test]
fn killed_at_random_moments_while_coding_the_store_keeps_what_it_said() {
    let kills: usize = std::env::var("TOVANA_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(dir.path());
    let t = Tmux::start(120, 36, dir.path());
    // A small generator of its own, seeded, so that a failing run repeats.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let (mut saved, mut undone) = (0, 0);
    for i in 0..kills {
        t.type_line("clear");
        t.run_app_with(&db, "TOVANA_CODER=Dana", "");
        t.wait_for("Cohort א");
        let name = format!("kill{i}");
        let doc = next(6) as usize;
        let mut keys = vec!["5"];
        keys.extend(std::iter::repeat_n("j", doc));
        keys.push("Enter");
        t.keys(&keys);
        t.wait_for("Codes here");
        t.keys(&["w", "v", "e", "c"]);
        t.wait_for("Code to apply");
        t.tmux(&["send-keys", "-t", "t", "-l", &name]);
        t.wait_for(&format!("+ new code: {name}"));
        let undo = next(3) == 0;
        t.keys(&["Enter"]);
        if undo {
            t.wait_for(&format!("applied {name}"));
            t.keys(&["u"]);
        }
        // A random moment: from at once to a little after the write.
        std::thread::sleep(std::time::Duration::from_millis(next(40)));
        let screen = t.screen();
        let pid = pid_of(&db.display().to_string()).expect("the app's process");
        let killed = Command::new("bash")
            .args(["-c", &format!("kill -9 {pid}")])
            .status()
            .unwrap();
        assert!(killed.success());
        t.wait_for("EXITED:137");
        let c = rusqlite::Connection::open(&db).unwrap();
        let check: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "after kill {i}");
        let held: i64 = c
            .query_row(
                "SELECT count(*) FROM coding g JOIN code c ON c.id = g.code WHERE c.name = ?1",
                [&name],
                |r| r.get(0),
            )
            .unwrap();
        if screen.contains(&format!("undone: create and apply code '{name}'")) {
            assert_eq!(held, 0, "kill {i}: the screen said it was undone");
            undone += 1;
        } else if screen.contains(&format!("applied {name}")) && !undo {
            // (With `u` sent, the undo may land between the look and the
            // kill: then either state is right.)
            assert_eq!(held, 1, "kill {i}: the screen said it was saved");
            saved += 1;
        }
        assert!(held <= 1, "kill {i}: one coding at most");
    }
    eprintln!("{kills} kills: {saved} shown as saved and kept, {undone} shown as undone and gone");
    assert!(saved + undone > 0, "some kills came after the screen spoke");
}

#[test]
fn the_hebrew_command_line_reads_right_to_left_in_a_terminal_and_logically_in_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start(80, 30, dir.path());
    let db = dir.path().join("he.sqlite");
    t.type_line(&format!(
        "{} --lang he init --db {}; echo EXITED:$?",
        binary(),
        db.display()
    ));
    let screen = t.wait_for("EXITED:0");
    // In the terminal, tovana lays the Hebrew out itself: the words in
    // visual order at the right edge, each count at the left of its name.
    let lines: Vec<&str> = screen.lines().collect();
    let made = lines
        .iter()
        .find(|l| l.contains("המגדהה רגאמ רצונ"))
        .unwrap_or_else(|| panic!("no visual notice in\n{screen}"));
    assert!(made.trim_end().ends_with("רצונ"), "{made:?}");
    assert_eq!(made.chars().count(), 80, "right-aligned: {made:?}");
    let cohorts = lines
        .iter()
        .find(|l| l.trim_end().ends_with("םירוזחמ"))
        .unwrap_or_else(|| panic!("no cohorts row in\n{screen}"));
    assert_eq!(cohorts.split_whitespace().next(), Some("3"), "{cohorts:?}");
    // Through a pipe the same words stay in logical order.
    t.type_line(&format!(
        "{} --lang he stats --db {} | cat; echo PIPED:$?",
        binary(),
        db.display()
    ));
    let screen = t.wait_for("PIPED:0");
    assert!(
        screen.lines().any(|l| l.starts_with("מחזורים ")),
        "{screen}"
    );
}

/// The help's key rows as they read on screen, top to bottom.
fn help_keys_in_order(screen: &str, keys: &[&str]) -> bool {
    let mut at = 0;
    let lines: Vec<&str> = screen.lines().collect();
    for k in keys {
        match lines[at..].iter().position(|l| l.contains(k)) {
            Some(i) => at += i,
            None => return false,
        }
    }
    true
}

#[test]
fn every_view_at_80x24_in_both_languages_reads_what_a_user_needs() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(dir.path());
    let t = Tmux::start(80, 24, dir.path());
    // Each language: its flag, the views' pane titles as the screen shows
    // them (Hebrew in visual order), a word of the Survey footer, the title
    // of cohort ג's card.
    let languages = [
        (
            "",
            [
                "┌ Survey",
                "┌ Findings",
                "┌ Recommendations",
                "┌ Documents",
                "┌ Codebook",
                "┌ Tables",
            ],
            "p figures",
            "┌ Cohort ג",
        ),
        (
            "--lang he",
            [
                "רקס ┐",
                "םיאצממ ┐",
                "תוצלמה ┐",
                "םיכמסמ ┐",
                "םידוק רפס ┐",
                "תואלבט ┐",
            ],
            "p",
            "ג רוזחמ ┐",
        ),
    ];
    for (flag, titles, survey_footer, card_of_c) in languages {
        t.run_app_with(&db, "", flag);
        t.wait_for("2017");
        // Cohort ג's card: its fourteen meetings push the instruments below
        // the fold; the card takes the keys and scrolls to its response rates.
        t.keys(&["j", "j"]);
        let before = t.wait_for(card_of_c);
        assert!(!before.contains("%)"), "{flag}: no rate yet:\n{before}");
        t.keys(&["Enter", "G"]);
        let after = t.wait_for("%)");
        assert!(
            after.contains("(90%)") || after.contains("(71%)"),
            "{flag}:\n{after}"
        );
        // The comparison of cohorts א and ג: each response rate whole.
        t.keys(&["Escape", "k", "k", "c", "j", "j"]);
        let compare = t.wait_for("(90%)");
        assert!(compare.contains("(71%)"), "{flag}:\n{compare}");
        t.keys(&["c"]);
        // Every other view, by its digit, with its own keys in the footer.
        for (i, title) in titles.iter().enumerate() {
            t.keys(&[&(i + 2).to_string()]);
            let screen = t.wait_for(title);
            let footer = screen.lines().last().unwrap_or("");
            assert!(
                footer.contains('?') && footer.contains('q'),
                "{flag} {title}: the footer names help and quit:\n{screen}"
            );
            if i == 0 {
                assert!(footer.contains(survey_footer), "{flag}:\n{screen}");
            }
            // Nothing of the view is wider than the terminal.
            assert!(
                screen.lines().all(|l| l.chars().count() <= 80),
                "{flag} {title}:\n{screen}"
            );
        }
        // The reader's help: its keys as on the keyboard, in the table's
        // order, and scrolled to its last ones.
        t.keys(&["5", "Enter", "?"]);
        let top = t.wait_for("g Home G End");
        assert!(
            help_keys_in_order(&top, &["g Home G End", "w b e", "( )", "{ }"]),
            "{flag}:\n{top}"
        );
        t.keys(&["G"]);
        let end = t.wait_for("q Ctrl-c");
        assert!(
            help_keys_in_order(&end, &["u Ctrl-r", "/", "?", "q Ctrl-c"]),
            "{flag}:\n{end}"
        );
        t.keys(&["Escape", "Escape"]);
        quit(&t);
    }
    assert_terminal_restored(&t);
}

/// The status bar's line: the screen's last.
fn status_line(screen: &str) -> String {
    screen.lines().last().unwrap_or("").to_string()
}

/// Two windows on one store, two coders, coding at once as a team does,
/// with a 20,000-turn import into the same store in between: no write fails
/// or is lost, each sees the other's new code instead of making a second
/// (even when both offer "+ new code" for one name at the same moment), and
/// each window shows the other's codings. 12 rounds here;
/// `TOVANA_TEAM_SECS=60` runs the same harness for a minute, and it prints
/// its figures either way.
#[test]
fn two_windows_two_coders_coding_at_once_lose_nothing_and_see_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(dir.path());
    let secs: u64 = std::env::var("TOVANA_TEAM_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    // A transcript of the team's own with turns enough for a minute; one
    // turn's length is never the next one's, so each coding's message
    // differs from the last.
    let team = dir.path().join("team.txt");
    let text: String = (0..2_000)
        .map(|i| {
            let more = "ממש ".repeat(i % 2);
            format!("דובר {}: משפט {more}בקבוצה של הצוות.\n\n", i % 5)
        })
        .collect();
    std::fs::write(&team, text).unwrap();
    let cli = |args: &[&str]| {
        let mut c = Command::new(binary());
        c.args(args)
            .args(["--db", db.to_str().unwrap()])
            .env("LANG", "C.UTF-8")
            .env("TOVANA_CONFIG", dir.path().join("no-config"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        c
    };
    let t = team.to_str().unwrap();
    assert!(
        cli(&["import", "transcript", t, "--cohort", "ג"])
            .status()
            .unwrap()
            .success()
    );
    let (a, b) = (
        Tmux::start(120, 36, dir.path()),
        Tmux::start(120, 36, dir.path()),
    );
    a.run_app_with(&db, "", "--coder Ada");
    b.run_app_with(&db, "", "--coder Ben");
    for t in [&a, &b] {
        t.wait_for("Cohort א");
        // The team's transcript is the last document.
        t.keys(&["5", "G", "Enter"]);
        t.wait_for("Codes here");
    }
    // Ben makes the code on the first turn.
    b.keys(&["}", "c"]);
    b.wait_for("Code to apply");
    b.tmux(&["send-keys", "-t", "t", "-l", "shared-theme"]);
    b.wait_for("+ new code: shared-theme");
    b.keys(&["Enter"]);
    b.wait_for("applied shared-theme");
    // Ada, in the other window, finds it: typing its name offers the code,
    // not a new one.
    a.keys(&["}", "c"]);
    a.wait_for("Code to apply");
    a.tmux(&["send-keys", "-t", "t", "-l", "shared-theme"]);
    std::thread::sleep(Duration::from_millis(300));
    let picker = a.screen();
    assert!(!picker.contains("+ new code: shared-theme"), "{picker}");
    a.keys(&["Enter"]);
    a.wait_for("applied shared-theme");
    // Then both code a turn further on with `.` (the same code again),
    // the windows' writes interleaved; the command line imports 20,000
    // turns into the same store a third of the way in.
    let long = dir.path().join("long.txt");
    let text: String = (0..20_000)
        .map(|i| format!("דובר {}: משפט מספר {i} של הקבוצה.\n\n", i % 7))
        .collect();
    std::fs::write(&long, text).unwrap();
    let started = Instant::now();
    let until = Duration::from_secs(secs);
    let ongoing = |round: usize| {
        if secs == 0 {
            round < 12
        } else {
            started.elapsed() < until
        }
    };
    let at_third = |round: usize| {
        if secs == 0 {
            round == 2
        } else {
            started.elapsed() >= until / 3
        }
    };
    let at_half = |round: usize| {
        if secs == 0 {
            round == 6
        } else {
            started.elapsed() >= until / 2
        }
    };
    let (mut import, mut twins_made) = (None, false);
    let mut import_secs = 0.0;
    let mut import_started = Instant::now();
    let (mut coded, mut errors, mut waits) = ([1usize, 1], vec![], 0usize);
    let mut round = 0;
    while ongoing(round) {
        if import.is_none() && at_third(round) {
            let l = long.to_str().unwrap();
            import_started = Instant::now();
            import = Some(
                cli(&["import", "transcript", l, "--cohort", "ג"])
                    .spawn()
                    .unwrap(),
            );
        }
        if !twins_made && at_half(round) {
            // Both windows offer the same new code, then both press Enter.
            for t in [&a, &b] {
                t.keys(&["}", "c"]);
                t.wait_for("Code to apply");
                t.tmux(&["send-keys", "-t", "t", "-l", "second-theme"]);
                t.wait_for("+ new code: second-theme");
            }
            a.keys(&["Enter"]);
            b.keys(&["Enter"]);
            for (i, t) in [&a, &b].into_iter().enumerate() {
                let line = status_line(&t.wait_for("applied second-theme"));
                assert!(line.contains("saved"), "{line}");
                coded[i] += 1;
            }
            twins_made = true;
        }
        for (i, t) in [&a, &b].into_iter().enumerate() {
            let before = status_line(&t.screen());
            t.keys(&["}", "."]);
            let start = Instant::now();
            let after = loop {
                let now = status_line(&t.screen());
                if now.contains("waiting") {
                    waits += 1;
                }
                if now != before
                    && [
                        "saved",
                        "already",
                        "locked",
                        "busy",
                        "error",
                        "failed",
                        "could not",
                    ]
                    .iter()
                    .any(|w| now.contains(w))
                {
                    break now;
                }
                assert!(
                    start.elapsed() < Duration::from_secs(40),
                    "round {round}, window {i}: {now}\n{}",
                    t.screen()
                );
                std::thread::sleep(Duration::from_millis(40));
            };
            if ["locked", "busy", "error", "failed", "could not"]
                .iter()
                .any(|w| after.contains(w))
            {
                errors.push(after);
            } else if after.contains("saved") {
                coded[i] += 1;
            }
        }
        if let Some(child) = import.as_mut()
            && import_secs == 0.0
            && child.try_wait().unwrap().is_some()
        {
            import_secs = import_started.elapsed().as_secs_f64();
        }
        round += 1;
    }
    let coding_secs = started.elapsed().as_secs_f64();
    let imported = import.expect("the import ran").wait_with_output().unwrap();
    assert!(
        imported.status.success(),
        "the import: {}",
        String::from_utf8_lossy(&imported.stderr)
    );
    if import_secs == 0.0 {
        import_secs = import_started.elapsed().as_secs_f64();
    }
    let total = coded[0] + coded[1];
    for t in [&a, &b] {
        t.keys(&["Escape", "6", "G"]);
        t.wait_for("second-theme");
        // The import is seen too: the Documents list holds its document.
        t.keys(&["5"]);
        t.wait_for("long");
    }
    for t in [&a, &b] {
        quit(t);
    }
    // The store holds one code of each name, and every coding said saved.
    let s = tovana::store::Store::open(&db).unwrap();
    let d = s.dataset().unwrap();
    let named = |name: &str| -> Vec<i64> {
        d.codes
            .iter()
            .filter(|c| c.name == name)
            .map(|c| c.id)
            .collect()
    };
    let (shared, second) = (named("shared-theme"), named("second-theme"));
    let duplicates = shared.len().saturating_sub(1) + second.len().saturating_sub(1);
    let of = |name: &str| {
        let id = d.coders.iter().find(|c| c.name == name).unwrap().id;
        d.codings
            .iter()
            .filter(|g| g.coder == id && (shared.contains(&g.code) || second.contains(&g.code)))
            .count()
    };
    let stored = [of("Ada"), of("Ben")];
    let lost = total as i64 - (stored[0] + stored[1]) as i64;
    eprintln!(
        "two windows coding for {coding_secs:.0} s ({round} rounds): {total} codings shown as \
         saved ({coded:?}), {} in the store; a 20,000-turn import took {import_secs:.1} s in \
         between; locked or busy errors {}, lost writes {lost}, duplicate codes {duplicates}, \
         frames showing a wait {waits}",
        stored[0] + stored[1],
        errors.len()
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(duplicates, 0);
    assert_eq!(stored, coded, "every coding said saved is in the store");
    assert!(
        coded.iter().all(|n| *n >= 10),
        "most turns coded: {coded:?}"
    );
}

/// Another program holds the store's write lock (a long write of its own):
/// a coding waits, says so on the bottom line, and lands once the lock is
/// let go; while it waits, SIGTERM still ends the app, with 143.
#[test]
fn a_write_that_must_wait_says_so_lands_after_and_a_signal_still_ends_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(dir.path());
    let t = Tmux::start(120, 36, dir.path());
    t.run_app_with(&db, "", "--coder Ada");
    t.wait_for("Cohort א");
    t.keys(&["5", "j", "j", "j", "j", "j", "Enter"]);
    t.wait_for("Codes here");
    t.keys(&["}", "c"]);
    t.wait_for("Code to apply");
    t.tmux(&["send-keys", "-t", "t", "-l", "waited-for"]);
    t.wait_for("+ new code: waited-for");
    let other = rusqlite::Connection::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    t.keys(&["Enter"]);
    let waiting = t.wait_for("waiting 1 s for another program");
    assert!(!waiting.contains("locked"), "{waiting}");
    other.execute_batch("COMMIT").unwrap();
    t.wait_for("applied waited-for");
    let s = tovana::store::Store::open(&db).unwrap();
    assert!(s.codes().unwrap().iter().any(|c| c.name == "waited-for"));
    drop(s);
    // Held again, and the app asked to end while its write waits.
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    t.keys(&["}", "."]);
    t.wait_for("waiting 1 s for another program");
    let child = t.app_pid();
    assert!(
        Command::new("kill")
            .args(["-TERM", &child])
            .status()
            .unwrap()
            .success()
    );
    t.wait_for("EXITED:143");
    assert_terminal_restored(&t);
    other.execute_batch("COMMIT").unwrap();
}
