//! Survey answers row by row at scale: a made-up export of N respondents ×
//! 50 questions (45 Hebrew rating items, 2 numbers, a checkbox of 4
//! options, an open question answered by a fifth; two attributes) guessed,
//! imported into the demo store, and browsed in the Survey view: each key
//! through the imported questions (j/k) and each change of split (`b`)
//! timed to a frame drawn at 160×48, whole and split by an attribute, and
//! memory. Each size runs in a process of its own, so that its peak is its
//! own. Figures are printed, budgets read, not asserted.
//!
//! `cargo bench --bench survey` (sizes: `TOVANA_SURVEY_SIZES=1000,20000`).

#[path = "measure.rs"]
mod measure;
use measure::memory;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::fmt::Write as _;
use std::process::Command;
use std::time::Instant;
use tovana::interchange::{demo, survey};
use tovana::store::Store;
use tovana::tui::app::{Action, App, Target, ViewId};
use tovana::tui::{Settings, views};

const CHILD: &str = "TOVANA_SURVEY_CHILD";

const LABELS: [&str; 5] = [
    "בכלל לא",
    "במידה מועטה",
    "במידה בינונית",
    "במידה רבה",
    "במידה רבה מאוד",
];
const SECTORS: [&str; 4] = ["רשות מקומית", "אשכול", "ממשלה", "חברה אזרחית"];
const WORDS: [&str; 12] = [
    "הסיור",
    "הקשרים",
    "הכלים",
    "המפגשים",
    "התושבים",
    "השירות",
    "הדיגיטלי",
    "למדתי",
    "בעיקר",
    "חשוב",
    "לעבוד",
    "יחד",
];
const OPTIONS: [&str; 4] = ["קשרים", "כלים דיגיטליים", "הסיור", "ידע"];

/// A small generator of its own (xorshift), so the file is the same each run.
struct Seed(u64);

impl Seed {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// The export, as CSV text.
fn export(respondents: usize) -> String {
    let mut r = Seed(0x5eed_cafe);
    let mut out = String::from("מזהה,מגזר,סוג ממשל,ותק בתפקיד,ממליצים (0–10)");
    for i in 1..=45 {
        write!(out, ",באיזו מידה פריט {i}").unwrap();
    }
    out.push_str(",מה לקחת מהתוכנית?,מה היה הכי משמעותי עבורך?\n");
    for n in 0..respondents {
        let sector = SECTORS[[0, 0, 0, 1, 2, 3][r.below(6) as usize]];
        let kind = if r.below(5) == 0 {
            "מרכזי"
        } else {
            "מקומי"
        };
        write!(
            out,
            "R{n:06},{sector},{kind},{},{}",
            1 + r.below(30),
            r.below(11)
        )
        .unwrap();
        for _ in 0..45 {
            // Three answers in a hundred are left out.
            let label = if r.below(100) < 3 {
                ""
            } else {
                LABELS[(1 + r.below(4) + r.below(2)).min(4) as usize]
            };
            write!(out, ",{label}").unwrap();
        }
        let chosen: Vec<&str> = OPTIONS
            .iter()
            .filter(|_| r.below(2) == 0)
            .copied()
            .collect();
        write!(out, ",\"{}\"", chosen.join(", ")).unwrap();
        if r.below(5) == 0 {
            let words: Vec<&str> = (0..8 + r.below(12))
                .map(|_| WORDS[r.below(WORDS.len() as u64) as usize])
                .collect();
            write!(out, ",\"{} {n}\"", words.join(" ")).unwrap();
        } else {
            out.push(',');
        }
        out.push('\n');
    }
    out
}

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn percentiles(mut t: Vec<f64>) -> (f64, f64) {
    t.sort_by(f64::total_cmp);
    let p = |q: usize| t[((t.len() - 1) * q) / 100];
    (p(50), p(99))
}

/// Times each key to its frame.
fn keys(app: &mut App, term: &mut Terminal<TestBackend>, keys: &[Action]) -> Vec<f64> {
    keys.iter()
        .map(|k| {
            let t = Instant::now();
            app.update(*k);
            term.draw(|f| views::draw(app, f)).unwrap();
            ms(t.elapsed())
        })
        .collect()
}

fn child(size: usize) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.csv");
    std::fs::write(&file, export(size)).unwrap();
    let say = |name: &str, value: f64| println!("{name}\t{value}");
    let t = Instant::now();
    let map = survey::map_text(&file).unwrap();
    say("survey map (guess), s", t.elapsed().as_secs_f64());
    let map_file = dir.path().join("map.toml");
    std::fs::write(&map_file, map).unwrap();
    let path = dir.path().join("s.sqlite");
    let mut store = Store::create(&path, &demo()).unwrap();
    let t = Instant::now();
    let done = survey::import_file(&mut store, &file, &map_file, "2").unwrap();
    say("import survey, s", t.elapsed().as_secs_f64());
    say(
        "answers written",
        (done.tally.answers + done.tally.missing) as f64,
    );
    say("import survey, peak MB", memory().1);
    drop(store);
    let first = {
        let store = Store::open(&path).unwrap();
        store
            .dataset()
            .map(|d| {
                d.questions
                    .iter()
                    .filter(|q| !q.field.is_empty())
                    .map(|q| q.id)
                    .min()
                    .unwrap()
            })
            .unwrap()
    };
    let mut app = App::new(Store::open(&path).unwrap(), None, Settings::default()).unwrap();
    app.update(Action::Resize(160, 48));
    let mut term = Terminal::new(TestBackend::new(160, 48)).unwrap();
    let t = Instant::now();
    app.update(Action::Go(ViewId::Survey));
    app.jump(Target::Question(first));
    term.draw(|f| views::draw(&app, f)).unwrap();
    say(
        "Survey: to the first imported question, ms",
        ms(t.elapsed()),
    );
    let walk: Vec<Action> = (0..120)
        .map(|i| {
            if (i / 20) % 2 == 0 {
                Action::Down
            } else {
                Action::Up
            }
        })
        .collect();
    keys(&mut app, &mut term, &walk[..20]);
    let (m, p) = percentiles(keys(&mut app, &mut term, &walk));
    say("j/k over the imported questions, median ms", m);
    say("j/k over the imported questions, p99 ms", p);
    // `b` goes through: none, each attribute, none…
    let splits = keys(&mut app, &mut term, &[Action::NextSplit; 60]);
    let (m, p) = percentiles(splits);
    say("b (change of split), median ms", m);
    say("b (change of split), p99 ms", p);
    while !format!("{:?}", app.survey.answers.split).contains("מגזר") {
        app.update(Action::NextSplit);
    }
    let (m, p) = percentiles(keys(&mut app, &mut term, &walk));
    say("j/k split by sector, median ms", m);
    say("j/k split by sector, p99 ms", p);
    // `w`: only the respondents of one kind of government (the list's
    // first value), split by sector still.
    let t = Instant::now();
    app.update(Action::SurveyFilter);
    app.update(Action::Down);
    app.update(Action::Enter);
    term.draw(|f| views::draw(&app, f)).unwrap();
    say("w (a filter chosen), ms", ms(t.elapsed()));
    let (m, p) = percentiles(keys(&mut app, &mut term, &walk));
    say("j/k filtered, split by sector, median ms", m);
    say("j/k filtered, split by sector, p99 ms", p);
    let (rss, _) = memory();
    say("RSS after the Survey view, MB", rss);
}

fn main() {
    if let Ok(size) = std::env::var(CHILD) {
        child(size.parse().expect("a size"));
        return;
    }
    let sizes: Vec<usize> = std::env::var("TOVANA_SURVEY_SIZES")
        .unwrap_or_else(|_| "1000,20000".into())
        .split(',')
        .map(|s| s.trim().parse().expect("sizes"))
        .collect();
    let mut runs: Vec<Vec<(String, f64)>> = vec![];
    for &size in &sizes {
        eprintln!("measuring at {size} respondents ...");
        let out = Command::new(std::env::current_exe().unwrap())
            .env(CHILD, size.to_string())
            .output()
            .expect("the benchmark runs itself");
        if !out.status.success() {
            eprintln!("{}", String::from_utf8_lossy(&out.stderr));
            panic!("the run at {size} respondents failed");
        }
        runs.push(
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .filter_map(|l| {
                    let (k, v) = l.split_once('\t')?;
                    Some((k.to_string(), v.parse().ok()?))
                })
                .collect(),
        );
    }
    print!("{:<50}", "figure (respondents ×50 questions)");
    for s in &sizes {
        print!("{s:>12}");
    }
    println!("{:>9}", "growth");
    for (i, (name, _)) in runs[0].iter().enumerate() {
        print!("{name:<50}");
        for r in &runs {
            print!("{:>12.1}", r[i].1);
        }
        let (a, b) = (runs[0][i].1, runs[runs.len() - 1][i].1);
        if a > 0.0 {
            println!("{:>8.1}×", b / a);
        } else {
            println!();
        }
    }
}
