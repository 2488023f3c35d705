//! Laying out a screenful of right-to-left prose: 60 paragraphs at width
//! 100, taken from the demo store (findings, recommendations, quotes), cold
//! and with the layout cache warm. Prints figures; budgets are read, not
//! asserted. Run: `cargo bench --bench layout`.

use std::hint::black_box;
use std::time::{Duration, Instant};
use tovana::interchange::demo;
use tovana::text::{LayoutCache, Order, layout};
use tovana::tui::widgets::Prose;

fn paragraphs() -> Vec<String> {
    let d = demo();
    let docs: std::collections::HashMap<i64, &str> = d
        .documents
        .iter()
        .map(|doc| (doc.id, doc.text.as_str()))
        .collect();
    let mut out: Vec<String> = d.findings.iter().map(|f| f.statement.clone()).collect();
    out.extend(d.recommendations.iter().map(|r| r.text.clone()));
    out.extend(
        d.quotes
            .iter()
            .filter_map(|q| q.text_in(docs[&q.document]).map(str::to_string)),
    );
    out.truncate(60);
    assert_eq!(out.len(), 60);
    out
}

/// Runs `f` until `total` has passed; returns the median and the 95th
/// percentile of one call.
fn measure(total: Duration, mut f: impl FnMut()) -> (Duration, Duration, usize) {
    let mut times = vec![];
    let start = Instant::now();
    while start.elapsed() < total {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    let n = times.len();
    (times[n / 2], times[n * 95 / 100], n)
}

fn report(name: &str, (median, p95, n): (Duration, Duration, usize)) {
    println!(
        "{name:<44} median {:>9.1} µs   p95 {:>9.1} µs   ({n} runs)",
        median.as_secs_f64() * 1e6,
        p95.as_secs_f64() * 1e6
    );
}

fn main() {
    let paras = paragraphs();
    let chars: usize = paras.iter().map(|p| p.chars().count()).sum();
    println!(
        "a screenful: {} paragraphs, {chars} characters, width 100",
        paras.len()
    );
    let budget = Duration::from_secs(2);

    report(
        "layout, cold (no cache)",
        measure(budget, || {
            for p in &paras {
                black_box(layout(black_box(p), 100, None, Order::Visual));
            }
        }),
    );

    let cache = LayoutCache::default();
    for p in &paras {
        cache.get(p, 100, None, Order::Visual);
    }
    report(
        "layout, cache warm",
        measure(budget, || {
            for p in &paras {
                black_box(cache.get(black_box(p), 100, None, Order::Visual));
            }
        }),
    );

    let prose = Prose {
        cache: &cache,
        order: Order::Visual,
    };
    report(
        "ratatui lines, cache warm (what a view draws)",
        measure(budget, || {
            for p in &paras {
                black_box(prose.lines(black_box(p), 100, None, Default::default()));
            }
        }),
    );
}
