//! Several handles on one store at once, as two windows and the command line
//! are: codings from two coders interleaved with a long transcript import.
//! No write may fail with "database is locked", none may be lost, and no
//! code may be made twice.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use tovana::interchange::demo;
use tovana::store::Store;

#[test]
fn two_coders_and_a_long_import_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite");
    Store::create(&path, &demo()).unwrap();
    // A transcript of 20,000 turns.
    let file = dir.path().join("long.txt");
    let text: String = (0..20_000)
        .map(|i| format!("דובר {}: משפט מספר {i} של הקבוצה.\n\n", i % 7))
        .collect();
    std::fs::write(&file, text).unwrap();
    let start = Arc::new(Barrier::new(3));
    let imported = Arc::new(AtomicBool::new(false));
    let coder = |name: &'static str| {
        let path = path.clone();
        let start = Arc::clone(&start);
        let imported = Arc::clone(&imported);
        std::thread::spawn(move || {
            let mut s = Store::open(&path).unwrap();
            let me = s.coder_named(name).unwrap();
            s.act_as(Some(me));
            let code = s.codes().unwrap()[0].id;
            start.wait();
            // Coding goes on for as long as the import runs, and a while.
            let (mut failed, mut done) = (vec![], 0);
            while done < 150 || !imported.load(Ordering::SeqCst) {
                let at = (done * 3) % 100;
                if let Err(e) = s.apply_code(1, at, at + 2, code, me) {
                    failed.push(e.to_string());
                }
                done += 1;
            }
            (failed, done)
        })
    };
    let a = coder("ראשונה");
    let b = coder("שני");
    let import = {
        let path = path.clone();
        let start = Arc::clone(&start);
        let imported = Arc::clone(&imported);
        std::thread::spawn(move || {
            let mut s = Store::open(&path).unwrap();
            start.wait();
            let place = tovana::interchange::transcript::Placement {
                cohort: "ג",
                instrument: None,
                title: None,
                encoding: None,
            };
            let done = tovana::interchange::transcript::import_file(&mut s, &file, place);
            imported.store(true, Ordering::SeqCst);
            done.map(|d| d.turns)
        })
    };
    let (mut failed, mut attempts) = (vec![], 0);
    for t in [a, b] {
        let (f, n) = t.join().unwrap();
        failed.extend(f);
        attempts += n;
    }
    eprintln!("{attempts} codings tried while 20,000 turns were imported");
    let turns = import.join().unwrap().unwrap();
    assert_eq!(turns, 20_000);
    assert!(
        failed.is_empty(),
        "{} failed: {:?}",
        failed.len(),
        failed.first()
    );
    let s = Store::open(&path).unwrap();
    let d = s.dataset().unwrap();
    let mine = |name: &str| {
        let id = d.coders.iter().find(|c| c.name == name).unwrap().id;
        d.codings.iter().filter(|g| g.coder == id).count()
    };
    // 150 codings over 100 spans: each coder holds one coding per span.
    assert_eq!(mine("ראשונה"), 100);
    assert_eq!(mine("שני"), 100);
    // The code is not made twice, nor the coders.
    assert_eq!(d.coders.len(), 4);
}
