//! Key → rendered frame, in each view, on the demo store: the time from an
//! action to a frame drawn into a 160×48 buffer (ratatui's TestBackend, so
//! the terminal's own time is not counted). Prints figures; the budget (2 ms)
//! is read, not asserted. Run: `cargo bench --bench frames`.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};
use tovana::interchange::demo;
use tovana::store::Store;
use tovana::tui::app::{Action, App, ViewId};
use tovana::tui::{Settings, views};

fn measure(
    app: &mut App,
    term: &mut Terminal<TestBackend>,
    keys: &[Action],
    rounds: usize,
) -> (Duration, Duration) {
    let mut times = vec![];
    for _ in 0..rounds {
        for k in keys {
            let t = Instant::now();
            if app.update(*k) {
                term.draw(|f| views::draw(app, f)).unwrap();
            }
            times.push(t.elapsed());
        }
    }
    times.sort();
    (times[times.len() / 2], times[times.len() * 95 / 100])
}

fn report(name: &str, (median, p95): (Duration, Duration)) {
    println!(
        "{name:<40} median {:>8.3} ms   p95 {:>8.3} ms",
        median.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3
    );
}

fn main() {
    let dir = std::env::temp_dir().join(format!("tovana-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bench.sqlite");
    let _ = std::fs::remove_file(&path);
    let store = Store::create(&path, &demo()).unwrap();
    for settings in [
        Settings::default(),
        Settings {
            lang: tovana::tui::Lang::He,
            ..Default::default()
        },
    ] {
        let mut app = App::new(Store::open(&path).unwrap(), None, settings).unwrap();
        app.update(Action::Resize(160, 48));
        let mut term = Terminal::new(TestBackend::new(160, 48)).unwrap();
        // A pass that is not measured: the first run of anything pays for
        // warming the allocator, SQLite's page cache and the CPU's clock.
        for view in ViewId::ALL {
            app.update(Action::Go(view));
            measure(&mut app, &mut term, &[Action::Down, Action::Up], 20);
        }
        println!("interface {:?}: key → frame at 160×48", settings.lang);
        for view in ViewId::ALL {
            app.update(Action::Go(view));
            term.draw(|f| views::draw(&app, f)).unwrap();
            let keys = [
                Action::Down,
                Action::Down,
                Action::Down,
                Action::Up,
                Action::Up,
                Action::Up,
            ];
            report(
                &format!("  {view:?}: j/k"),
                measure(&mut app, &mut term, &keys, 200),
            );
        }
        report(
            "  switching views (1-7)",
            measure(&mut app, &mut term, &ViewId::ALL.map(Action::Go), 100),
        );
        app.update(Action::OpenSearch);
        let typing: Vec<Action> = "רשות כלים"
            .chars()
            .map(Action::Input)
            .chain([Action::DeleteChar; 9])
            .collect();
        report(
            "  search: a typed character",
            measure(&mut app, &mut term, &typing, 30),
        );
        app.update(Action::Back);
    }
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}
