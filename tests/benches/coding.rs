//! Coding at scale. Prints figures; run: `cargo bench --bench coding`.
//!
//! 1. Opening a 50,000-character Hebrew transcript with 2,000 coded spans in
//!    the reader and drawing its first frame (160×48): the document and its
//!    codings read, words, sentences and turns found, the spans painted, the
//!    text laid out and drawn.
//! 2. Applying a code to a span and refreshing what the screen shows of it
//!    (the document's codings, the code's counts) on a store of 100,000
//!    codings.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};
use tovana::analysis::cooccurrence::cooccurrence;
use tovana::domain::{Code, Coder, Coding, Dataset, Document, DocumentKind, Quote};
use tovana::interchange::demo;
use tovana::store::Store;
use tovana::store::marking::Dimension;
use tovana::tui::app::{Action, App, Target, ViewId};
use tovana::tui::{Settings, views};

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize].as_secs_f64() * 1e3;
    println!(
        "{what:<58} median {:>8.3} ms   p95 {:>8.3} ms   ({} runs)",
        at(0.5),
        at(0.95),
        times.len()
    );
}

/// How long each of `n` runs of `f` takes.
fn runs(n: usize, f: &mut dyn FnMut()) -> Vec<Duration> {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect()
}

/// A transcript of `chars` characters in speaker turns, and `spans` coded
/// spans spread over it, added to the demo.
fn with_transcript(
    chars: usize,
    spans: usize,
    extra_docs: usize,
    per_doc: usize,
) -> (Dataset, i64) {
    let mut d = demo();
    let cohort = d.cohorts[0].id;
    let turn =
        "משתתף/ת 3 (רשות מקומית): הסיור פתח לי את הראש, וראיתי שירות שעובר לרשת בתוך שבועות. ";
    let mut text = String::new();
    while text.chars().count() < chars {
        text.push_str(turn);
        text.push('\n');
    }
    let text: String = text.chars().take(chars).collect();
    let len = text.chars().count() as u32;
    let mut next_doc = d.documents.iter().map(|x| x.id).max().unwrap() + 1;
    let mut next_quote = d.quotes.iter().map(|x| x.id).max().unwrap() + 1;
    let mut next_coding = d.codings.iter().map(|x| x.id).max().unwrap() + 1;
    let first_code = d.codes.iter().map(|x| x.id).max().unwrap() + 1;
    for i in 0..20 {
        d.codes.push(Code {
            id: first_code + i,
            parent: None,
            name: format!("קוד {i}"),
            colour: "#1f77b4".into(),
            description: String::new(),
            memo: String::new(),
            ..Default::default()
        });
    }
    d.coders.push(Coder {
        id: 99,
        name: "bench".into(),
        ..Default::default()
    });
    let mut add_doc = |d: &mut Dataset, n_spans: usize| -> i64 {
        let id = next_doc;
        next_doc += 1;
        d.documents.push(Document {
            id,
            cohort,
            instrument: None,
            kind: DocumentKind::Transcript,
            title: format!("תמליל {id}"),
            text: text.clone(),
            illustrative: true,
            notes: String::new(),
            ..Default::default()
        });
        for s in 0..n_spans {
            let start = (s as u32 * 997) % (len - 120);
            d.quotes.push(Quote {
                id: next_quote,
                document: id,
                start,
                end: start + 20 + (s as u32 % 90),
                role: String::new(),
                ..Default::default()
            });
            d.codings.push(Coding {
                id: next_coding,
                quote: next_quote,
                code: first_code + (s as i64 % 20),
                coder: 99,
                memo: String::new(),
                created: "2026-11-22T00:00:00Z".into(),
                ..Default::default()
            });
            next_quote += 1;
            next_coding += 1;
        }
        id
    };
    let doc = add_doc(&mut d, spans);
    for _ in 0..extra_docs {
        add_doc(&mut d, per_doc);
    }
    (d, doc)
}

fn main() {
    let dir = tempfile::tempdir().unwrap();

    // 1. Opening a long transcript.
    let (data, doc) = with_transcript(50_000, 2_000, 0, 0);
    let store = Store::create(&dir.path().join("open.sqlite"), &data).unwrap();
    let mut app = App::new(store, None, Settings::default()).unwrap();
    app.update(Action::Resize(160, 48));
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    let mut times = vec![];
    for _ in 0..30 {
        // A cold layout each time: the cache is emptied after each run.
        let t = Instant::now();
        app.open_document(doc).unwrap();
        terminal.draw(|f| views::draw(&app, f)).unwrap();
        times.push(t.elapsed());
        app.layouts = Default::default();
    }
    println!("a 50,000-character Hebrew transcript with 2,000 coded spans");
    report(
        "open in the reader and draw the first frame (160×48)",
        times,
    );

    // 2. Applying a code on a store of 100,000 codings.
    let (data, doc) = with_transcript(5_000, 1_000, 99, 1_000);
    let mut store = Store::create(&dir.path().join("apply.sqlite"), &data).unwrap();
    let counts = store.counts().unwrap();
    let code = data.codes.last().unwrap().id;
    let mut times = vec![];
    for i in 0..200usize {
        let start = 10 + (i * 23) % 4_000;
        let t = Instant::now();
        store.apply_code(doc, start, start + 15, code, 99).unwrap();
        let marks = store.marks(doc, None).unwrap();
        let n = store.code_counts(code, None).unwrap();
        times.push(t.elapsed());
        assert!(n.codings > 0 && !marks.is_empty());
    }
    println!(
        "a store of {} codings, {} quotes",
        counts.codings, counts.quotes
    );
    report(
        "apply a code, read the document's codings and the code's counts",
        times,
    );
    // The parts, to see where the time goes.
    let mut i = 0usize;
    report(
        "  of which applying (one journaled transaction)",
        runs(100, &mut || {
            i += 1;
            let start = 4_100 + (i * 7) % 800;
            store.apply_code(doc, start, start + 9, code, 99).unwrap();
        }),
    );
    report(
        "  of which the document's codings (1,000+ spans)",
        runs(100, &mut || {
            store.marks(doc, None).unwrap();
        }),
    );
    report(
        "  of which the code's counts",
        runs(100, &mut || {
            store.code_counts(code, None).unwrap();
        }),
    );

    // 3. The same in the app: `.` (the last code again) on a word selected
    // afresh each time (so that every `.` makes a new quote and coding), to
    // the frame drawn, with the codebook view loaded too.
    let mut app = App::new(store, None, Settings::default()).unwrap();
    app.update(Action::Resize(160, 48));
    app.set_coder("bench").unwrap();
    app.update(Action::Go(ViewId::Codebook));
    app.open_document(doc).unwrap();
    terminal.draw(|f| views::draw(&app, f)).unwrap();
    let mut dot = |app: &mut App| {
        let mut times = vec![];
        let before = app.store().counts().unwrap().codings;
        for _ in 0..100 {
            for a in [Action::WordForward, Action::Visual, Action::WordEnd] {
                app.update(a);
            }
            terminal.draw(|f| views::draw(app, f)).unwrap();
            let t = Instant::now();
            app.update(Action::RepeatCode);
            terminal.draw(|f| views::draw(app, f)).unwrap();
            times.push(t.elapsed());
        }
        let status = app.status.clone().unwrap_or_default();
        assert!(status.contains("applied"), "{status}");
        let made = app.store().counts().unwrap().codings - before;
        assert_eq!(made, 100, "every `.` made a new coding");
        times
    };
    let times = dot(&mut app);
    report("in the app: `.` to the frame drawn (160×48)", times);
    // The worst case: the code is the one selected in the Codebook, so its
    // frequencies and its quotes are read again too.
    app.jump(Target::Code(code));
    assert_eq!(app.codebook.selected_code().map(|c| c.id), Some(code));
    app.open_document(doc).unwrap();
    // Past the words the first run coded.
    for _ in 0..150 {
        app.update(Action::WordForward);
    }
    let times = dot(&mut app);
    report("  the same, the code selected in the Codebook", times);

    // 4. The Tables view on the same store: each table built from the store
    // and drawn, as when it is shown after a coding.
    app.update(Action::Go(ViewId::Tables));
    let names = ["by cohort", "by role", "co-occurrence", "agreement"];
    for name in names {
        let mut times = vec![];
        for _ in 0..10 {
            app.tables.invalidate();
            let t = Instant::now();
            app.update(Action::Go(ViewId::Documents));
            app.update(Action::Go(ViewId::Tables));
            terminal.draw(|f| views::draw(&app, f)).unwrap();
            times.push(t.elapsed());
        }
        assert!(!app.tables.table.rows.is_empty(), "{name}");
        report(&format!("Tables: {name}, built and drawn"), times);
        // A key in the table: the next cell down, its quotes counted and
        // read, the frame drawn.
        let mut times = vec![];
        for i in 0..20 {
            let key = if i % 2 == 0 {
                Action::Down
            } else {
                Action::Right
            };
            let t = Instant::now();
            app.update(key);
            terminal.draw(|f| views::draw(&app, f)).unwrap();
            times.push(t.elapsed());
        }
        report(&format!("  {name}: a key to the next cell, drawn"), times);
        app.update(Action::NextTable);
    }
    let store = app.store();
    let mut spans = vec![];
    report(
        "  co-occurrence: reading the coded spans",
        runs(10, &mut || spans = store.coded_spans(None).unwrap()),
    );
    report(
        "  co-occurrence: finding the overlaps",
        runs(10, &mut || {
            cooccurrence(&spans);
        }),
    );
    report(
        "  by cohort: the counts from the store",
        runs(10, &mut || {
            store.code_matrix(&Dimension::Cohort, None, true).unwrap();
        }),
    );
}
