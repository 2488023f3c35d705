//! REFI-QDA at a team's scale: a store of 1,000 documents with 100,000
//! codings (by `tovana::synth`) exported as a `.qdpx`, imported into a
//! new store (as `tovana import qdpx --db NEW` does), into a store holding
//! only its structure, and into it again (everything already held, matched
//! by GUID). Each is run in a process of its own
//! (this benchmark run again) so that its peak memory is its own.
//!
//! Run: `cargo bench --bench qda`. Budgets (issue 15): 5 s and 200 MB each.

use std::path::Path;
use std::process::Command;
use std::time::Instant;
use tovana::domain::Dataset;
use tovana::interchange::qda::{self, Options};
use tovana::store::Store;

const CHILD: &str = "TOVANA_QDA_CHILD";

fn size() -> tovana::synth::Size {
    tovana::synth::Size {
        cohorts: 5,
        transcripts: 1_000,
        quotes: 100_000,
        codes: 150,
        codings: 100_000,
        questions: 10,
        findings: 5,
        recommendations: 5,
        long_documents: false,
    }
}

fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// One step, in this process: prints seconds and peak MB.
fn child(spec: &str) {
    let mut parts = spec.split('|');
    let (what, dir) = (parts.next().unwrap(), Path::new(parts.next().unwrap()));
    let file = dir.join("team.qdpx");
    let started = Instant::now();
    let detail = match what {
        "export" => {
            let store = Store::open(&dir.join("full.sqlite")).unwrap();
            let w = qda::export_project(&store.dataset().unwrap(), "team", &file).unwrap();
            format!("{} documents, {} codings", w.documents, w.codings)
        }
        "new" => {
            let (_, s) =
                Store::create_with(&dir.join("new.sqlite"), &Dataset::default(), |store| {
                    qda::import(store, &file, &Options::default())
                })
                .unwrap();
            format!(
                "added {} codings, {} cohorts",
                s.merged.added.codings, s.merged.added.cohorts
            )
        }
        "import" | "again" => {
            let mut store = Store::open(&dir.join("empty.sqlite")).unwrap();
            let s = qda::import(&mut store, &file, &Options::default()).unwrap();
            format!(
                "added {} codings, {} already held",
                s.merged.added.codings, s.merged.unchanged.codings
            )
        }
        _ => panic!("{what}?"),
    };
    println!(
        "{:.2} {:.1} {detail}",
        started.elapsed().as_secs_f64(),
        peak_mb()
    );
}

fn main() {
    if let Ok(spec) = std::env::var(CHILD) {
        child(&spec);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = tovana::synth::generate(7, size());
    let mut structure: Dataset = data.clone();
    structure.codes.clear();
    structure.coders.clear();
    structure.documents.clear();
    structure.quotes.clear();
    structure.codings.clear();
    for f in &mut structure.findings {
        f.evidence.codes.clear();
        f.evidence.quotes.clear();
    }
    drop(Store::create(&dir.path().join("full.sqlite"), &data).unwrap());
    drop(Store::create(&dir.path().join("empty.sqlite"), &structure).unwrap());
    println!(
        "{} documents, {} quotes, {} codings, {} codes, {} coders",
        data.documents.len(),
        data.quotes.len(),
        data.codings.len(),
        data.codes.len(),
        data.coders.len()
    );
    drop(data);
    println!("{:<44}{:>8}{:>10}  budget", "step", "s", "peak MB");
    let me = std::env::current_exe().unwrap();
    for (what, label) in [
        ("export", "export qdpx"),
        ("new", "import qdpx into a new store"),
        ("import", "import qdpx into the structure alone"),
        ("again", "import qdpx again (all held, by GUID)"),
    ] {
        let out = Command::new(&me)
            .env(CHILD, format!("{what}|{}", dir.path().display()))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        if std::env::var_os("TOVANA_QDA_TIMES").is_some() {
            eprint!("{}", String::from_utf8_lossy(&out.stderr));
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let mut f = text.split_whitespace();
        let (secs, mb) = (f.next().unwrap(), f.next().unwrap());
        let rest: Vec<&str> = f.collect();
        println!(
            "{label:<44}{secs:>8}{mb:>10}  ≤ 5 s, ≤ 200 MB  ({})",
            rest.join(" ")
        );
    }
    let size = std::fs::metadata(dir.path().join("team.qdpx"))
        .unwrap()
        .len();
    println!("the archive: {:.1} MB", size as f64 / 1e6);
}
