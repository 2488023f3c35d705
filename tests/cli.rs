//! The command line, run as a user runs it: the real binary, its output and
//! exit code, and what it leaves on disk.

use std::path::Path;
use std::process::{Command, Output};
use tovana::interchange::{demo, to_json};

fn tovana(args: &[&str], data_home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tovana"))
        .args(args)
        .env("XDG_DATA_HOME", data_home)
        .env("HOME", data_home)
        // The words' language is the flag's, else the settings': here
        // English unless a test says `--lang he`.
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("TOVANA_LANG")
        .env_remove("TOVANA_BIDI")
        .env("TOVANA_CONFIG", data_home.join("no-config"))
        .output()
        .unwrap()
}

/// `tovana import json FILE --db DB [extra...]`.
fn import(file: &Path, db: &Path, extra: &[&str], data_home: &Path) -> Output {
    let mut args = vec![
        "import",
        "json",
        file.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    tovana(&args, data_home)
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn fails(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(1),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(err.starts_with("tovana: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

const DEMO_STATS: &[(&str, usize)] = &[("cohorts", 3), ("quotes", 150), ("findings", 15)];

fn stat(stats: &str, name: &str) -> usize {
    stats
        .lines()
        .find_map(|l| {
            let mut parts = l.split_whitespace();
            (parts.next() == Some(name)).then(|| parts.next().unwrap().parse().unwrap())
        })
        .unwrap_or_else(|| panic!("no {name} in\n{stats}"))
}

#[test]
fn init_and_stats_on_a_new_store_print_the_demo_counts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.sqlite");
    let db = db.to_str().unwrap();
    ok(&tovana(&["init", "--db", db], dir.path()));
    let stats = ok(&tovana(&["stats", "--db", db], dir.path()));
    let d = demo();
    for (name, n) in d.counts().rows() {
        assert_eq!(stat(&stats, name) as u64, n, "{name}");
    }
    for (name, n) in DEMO_STATS {
        assert_eq!(stat(&stats, name), *n);
    }
    // A second init refuses and leaves the store as it was.
    let err = fails(&tovana(&["init", "--db", db], dir.path()));
    assert!(err.contains("already there"), "{err}");
    assert_eq!(ok(&tovana(&["stats", "--db", db], dir.path())), stats);
}

#[test]
fn init_empty_makes_a_store_with_nothing_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.sqlite");
    ok(&tovana(
        &["init", "--empty", "--db", db.to_str().unwrap()],
        dir.path(),
    ));
    let stats = ok(&tovana(
        &["stats", "--db", db.to_str().unwrap()],
        dir.path(),
    ));
    assert_eq!(stat(&stats, "cohorts"), 0);
    assert_eq!(stat(&stats, "codings"), 0);
}

#[test]
fn the_default_store_lives_in_the_xdg_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let err = fails(&tovana(&["stats"], dir.path()));
    assert!(err.contains("no store yet"), "{err}");
    ok(&tovana(&["init"], dir.path()));
    assert!(dir.path().join("tovana/tovana.sqlite").is_file());
    let stats = ok(&tovana(&["stats"], dir.path()));
    assert_eq!(stat(&stats, "cohorts"), 3);
}

#[test]
fn export_then_import_reproduces_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.sqlite"), dir.path().join("b.sqlite"));
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let out = dir.path().join("out.json");
    ok(&tovana(&["init", "--db", a], dir.path()));
    ok(&tovana(
        &["export", "json", "--db", a, "-o", out.to_str().unwrap()],
        dir.path(),
    ));
    let to_stdout = ok(&tovana(&["export", "json", "--db", a], dir.path()));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), to_stdout);
    assert_eq!(to_stdout, to_json(&demo()));
    ok(&tovana(
        &["import", "json", out.to_str().unwrap(), "--db", b],
        dir.path(),
    ));
    assert_eq!(
        ok(&tovana(&["export", "json", "--db", b], dir.path())),
        to_stdout
    );
}

#[test]
fn malformed_json_names_the_field_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite");
    let file = dir.path().join("bad.json");
    let mut v: serde_json::Value = serde_json::from_str(&to_json(&demo())).unwrap();
    v["sessions"][4]["date"] = "2017-14".into();
    std::fs::write(&file, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let err = fails(&import(&file, &db, &[], dir.path()));
    assert!(err.contains("bad.json"), "{err}");
    assert!(err.contains("sessions[4].date"), "{err}");
    assert!(err.contains("2017-14"), "{err}");
    assert!(!db.exists());

    std::fs::write(
        &file,
        "{\"format\": \"tovana\", \"version\": 1, \"programs\": [",
    )
    .unwrap();
    let err = fails(&import(&file, &db, &[], dir.path()));
    assert!(err.contains("line 1"), "{err}");
    assert!(!db.exists());

    let err = fails(&tovana(
        &[
            "import",
            "json",
            "/nonexistent/x.json",
            "--db",
            db.to_str().unwrap(),
        ],
        dir.path(),
    ));
    assert!(err.contains("/nonexistent/x.json: cannot read"), "{err}");
}

#[test]
fn a_broken_reference_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite");
    let file = dir.path().join("bad.json");
    let mut d = demo();
    d.findings[2].evidence.questions.push(9999);
    std::fs::write(&file, to_json(&d)).unwrap();
    let err = fails(&import(&file, &db, &[], dir.path()));
    assert!(err.contains("findings[2].evidence.questions"), "{err}");
    assert!(err.contains("9999"), "{err}");
    assert!(!db.exists());
}

#[test]
fn a_file_that_is_not_a_store_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(
        &notes,
        "שלום, this is not a database, just some text that is long enough to hold a header maybe",
    )
    .unwrap();
    let before = std::fs::read(&notes).unwrap();
    let err = fails(&tovana(
        &["stats", "--db", notes.to_str().unwrap()],
        dir.path(),
    ));
    assert!(err.contains("not a tovana store"), "{err}");
    let err = fails(&tovana(
        &["export", "json", "--db", notes.to_str().unwrap()],
        dir.path(),
    ));
    assert!(err.contains("not a tovana store"), "{err}");
    assert_eq!(std::fs::read(&notes).unwrap(), before);

    // An SQLite database of some other program.
    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let before = std::fs::read(&other).unwrap();
    let err = fails(&tovana(
        &["stats", "--db", other.to_str().unwrap()],
        dir.path(),
    ));
    assert!(err.contains("not a tovana store"), "{err}");
    assert_eq!(std::fs::read(&other).unwrap(), before);
}

#[test]
fn json_that_is_not_utf8_is_named_by_line_and_byte() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.json");
    std::fs::write(
        &file,
        b"{\n  \"format\": \"tovana\",\n  \"x\": \"\xff\"\n}\n",
    )
    .unwrap();
    let db = dir.path().join("s.sqlite");
    let err = fails(&import(&file, &db, &[], dir.path()));
    assert!(err.contains("line 3, byte 32: not UTF-8"), "{err}");
    assert!(!db.exists(), "nothing written");
}

#[test]
fn stats_on_an_empty_file_or_an_empty_database_makes_no_store_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let zero = dir.path().join("zero.sqlite");
    std::fs::write(&zero, b"").unwrap();
    let empty = dir.path().join("empty.sqlite");
    rusqlite::Connection::open(&empty)
        .unwrap()
        .execute_batch("PRAGMA journal_mode = DELETE; VACUUM;")
        .unwrap();
    for file in [&zero, &empty] {
        let before = std::fs::read(file).unwrap();
        for args in [["stats"].as_slice(), ["export", "json"].as_slice()] {
            let mut all = args.to_vec();
            all.extend(["--db", file.to_str().unwrap()]);
            let err = fails(&tovana(&all, dir.path()));
            assert!(err.contains("an empty file, not a tovana store"), "{err}");
            assert_eq!(std::fs::read(file).unwrap(), before, "{}", file.display());
        }
    }
}

#[test]
fn a_store_with_a_loop_in_its_code_tree_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite");
    ok(&tovana(&["init", "--db", db.to_str().unwrap()], dir.path()));
    {
        // Another tool closes a loop: two top-level codes, each the
        // other's parent.
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch("PRAGMA journal_mode = DELETE").unwrap();
        let (a, b): (i64, i64) = c
            .query_row(
                "SELECT min(id), max(id) FROM code WHERE parent IS NULL",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        c.execute("UPDATE code SET parent = ?2 WHERE id = ?1", [a, b])
            .unwrap();
        c.execute("UPDATE code SET parent = ?1 WHERE id = ?2", [a, b])
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let err = fails(&tovana(
        &["stats", "--db", db.to_str().unwrap()],
        dir.path(),
    ));
    assert!(err.contains("damaged"), "{err}");
    assert!(err.contains("loop in the code tree"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing was changed");
}

#[test]
fn a_store_from_a_newer_tovana_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite");
    ok(&tovana(&["init", "--db", db.to_str().unwrap()], dir.path()));
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let err = fails(&tovana(
        &["stats", "--db", db.to_str().unwrap()],
        dir.path(),
    ));
    assert!(err.contains("version 99"), "{err}");
    assert!(err.contains("newer tovana"), "{err}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the store's bytes are unchanged"
    );
}

#[test]
fn a_folder_that_cannot_be_written_gets_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    // A path "inside" a regular file cannot be created, even by root.
    let file = dir.path().join("plain-file");
    std::fs::write(&file, "x").unwrap();
    let db = file.join("sub").join("s.sqlite");
    let err = fails(&tovana(&["init", "--db", db.to_str().unwrap()], dir.path()));
    assert!(err.contains("cannot create the folder"), "{err}");
    assert!(err.contains("plain-file"), "{err}");
    // An export to such a place fails the same way and leaves nothing.
    let store = dir.path().join("s.sqlite");
    ok(&tovana(
        &["init", "--db", store.to_str().unwrap()],
        dir.path(),
    ));
    let out = file.join("out.json");
    let err = fails(&tovana(
        &[
            "export",
            "json",
            "--db",
            store.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        dir.path(),
    ));
    assert!(err.contains("cannot write"), "{err}");
}

#[test]
fn importing_into_a_store_with_data_needs_replace() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite");
    let db = db.to_str().unwrap();
    ok(&tovana(&["init", "--db", db], dir.path()));
    let mut smaller = demo();
    smaller.findings.truncate(2);
    let file = dir.path().join("smaller.json");
    std::fs::write(&file, to_json(&smaller)).unwrap();
    let err = fails(&tovana(
        &["import", "json", file.to_str().unwrap(), "--db", db],
        dir.path(),
    ));
    assert!(err.contains("already holds data"), "{err}");
    assert!(err.contains("--replace"), "{err}");
    assert_eq!(
        stat(&ok(&tovana(&["stats", "--db", db], dir.path())), "findings"),
        15
    );
    ok(&tovana(
        &[
            "import",
            "json",
            file.to_str().unwrap(),
            "--db",
            db,
            "--replace",
        ],
        dir.path(),
    ));
    assert_eq!(
        stat(&ok(&tovana(&["stats", "--db", db], dir.path())), "findings"),
        2
    );
}

#[test]
fn help_and_version() {
    let dir = tempfile::tempdir().unwrap();
    let help = ok(&tovana(&["--help"], dir.path()));
    for word in ["init", "export", "import", "stats", "--db"] {
        assert!(help.contains(word), "{word} in\n{help}");
    }
    let version = ok(&tovana(&["--version"], dir.path()));
    assert_eq!(
        version.trim(),
        format!("tovana {}", env!("CARGO_PKG_VERSION"))
    );
    let out = tovana(&["frobnicate"], dir.path());
    assert_eq!(out.status.code(), Some(2), "a usage error");
}

#[test]
fn a_transcript_comes_in_with_a_quote_per_turn() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite");
    ok(&tovana(&["init", "--db", db.to_str().unwrap()], dir.path()));
    let file = dir.path().join("group.txt");
    std::fs::write(&file, "מנחה: מה לקחתם מהתוכנית?\n\nנציגת רשות: את הסיור,\nובעיקר את הקשרים.\n\nנציג ממשלה: הכרות עם הרשויות.\n").unwrap();
    let out = ok(&tovana(
        &[
            "import",
            "transcript",
            file.to_str().unwrap(),
            "--cohort",
            "ג",
            "--instrument",
            "קבוצת מיקוד מקוונת",
            "--db",
            db.to_str().unwrap(),
        ],
        dir.path(),
    ));
    assert!(out.contains("3 speaker turns"), "{out}");
    let store = tovana::store::Store::open(&db).unwrap();
    let d = store.dataset().unwrap();
    let doc = d.documents.iter().find(|x| x.title == "group").unwrap();
    assert_eq!(
        doc.cohort,
        d.cohorts.iter().find(|c| c.label == "ג").unwrap().id
    );
    assert!(doc.instrument.is_some());
    let quotes: Vec<(String, String)> = d
        .quotes
        .iter()
        .filter(|q| q.document == doc.id)
        .map(|q| (q.text_in(&doc.text).unwrap().to_string(), q.role.clone()))
        .collect();
    assert_eq!(
        quotes[1],
        (
            "את הסיור, ובעיקר את הקשרים.".to_string(),
            "נציגת רשות".to_string()
        )
    );
    assert_eq!(quotes.len(), 3);
    // The turns are searchable at once.
    let hits = store
        .search_kind("קשרים", tovana::store::search::HitKind::Quote, 50)
        .unwrap();
    assert!(hits.iter().any(|h| h.text.contains("ובעיקר את הקשרים")));
}

#[test]
fn a_bad_transcript_line_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite");
    ok(&tovana(&["init", "--db", db.to_str().unwrap()], dir.path()));
    let before = ok(&tovana(
        &["stats", "--db", db.to_str().unwrap()],
        dir.path(),
    ));
    let file = dir.path().join("bad.txt");
    std::fs::write(&file, "א: טוב\n\nב: שורה עם \u{1b}[31m צבע\n").unwrap();
    let err = fails(&tovana(
        &[
            "import",
            "transcript",
            file.to_str().unwrap(),
            "--cohort",
            "ג",
            "--db",
            db.to_str().unwrap(),
        ],
        dir.path(),
    ));
    assert!(
        err.contains("bad.txt: line 3: control character U+001B"),
        "{err}"
    );
    std::fs::write(&file, "א: טוב\n").unwrap();
    let err = fails(&tovana(
        &[
            "import",
            "transcript",
            file.to_str().unwrap(),
            "--cohort",
            "ז",
            "--db",
            db.to_str().unwrap(),
        ],
        dir.path(),
    ));
    assert!(err.contains("--cohort ז: no such cohort"), "{err}");
    std::fs::write(&file, "א: טוב\n").unwrap();
    let err = fails(&tovana(
        &[
            "import",
            "transcript",
            file.to_str().unwrap(),
            "--cohort",
            "ג",
            "--instrument",
            "אין כזה",
            "--db",
            db.to_str().unwrap(),
        ],
        dir.path(),
    ));
    assert!(err.contains("no such instrument"), "{err}");
    assert_eq!(
        ok(&tovana(
            &["stats", "--db", db.to_str().unwrap()],
            dir.path()
        )),
        before
    );
}

#[test]
fn the_codebook_tables_export_as_markdown_and_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let db = dir.join("t.sqlite");
    let db = db.to_str().unwrap();
    ok(&tovana(&["init", "--db", db], dir));
    let md = ok(&tovana(
        &[
            "export",
            "table",
            "cohorts",
            "--children",
            "--db",
            db,
            "--lang",
            "en",
        ],
        dir,
    ));
    assert!(md.starts_with("## Quotes by code and cohort (with its children) · all coders\n"));
    assert!(md.contains("| code | cohort א | cohort ג | total |\n| --- | ---: | ---: | ---: |\n"));
    // The four children of "expectations met" hold 20 + 9 + 9 + 7 quotes.
    // A zero is written as 0.
    assert!(md.contains("\n| ציפיות שנענו | 45 | 0 | 45 |\n"), "{md}");
    let out = dir.join("roles.csv");
    ok(&tovana(
        &[
            "export",
            "table",
            "roles",
            "--format",
            "csv",
            "-o",
            out.to_str().unwrap(),
            "--db",
            db,
            "--lang",
            "he",
        ],
        dir,
    ));
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.starts_with("\u{feff}קוד,"), "{csv}");
    assert!(csv.lines().next().unwrap().ends_with(",סה״כ"));
    // A path with a comma is quoted.
    assert!(csv.contains("\"ציפיות שלא נענו / מיומנויות, כלים דיגיטליים והתנסות מעשית\","));
    let quotes = ok(&tovana(
        &[
            "export",
            "quotes",
            "ציפיות שנענו/חיבור בין רשויות",
            "--db",
            db,
            "--lang",
            "en",
        ],
        dir,
    ));
    // A heading, the table's head and rule, and its nine quotes.
    assert_eq!(quotes.lines().filter(|l| l.starts_with("| א |")).count(), 9);
    let agreement = ok(&tovana(
        &[
            "export",
            "agreement",
            "צוות ההערכה",
            "מקודד/ת שני/ה",
            "--db",
            db,
            "--lang",
            "en",
            "--format",
            "csv",
        ],
        dir,
    ));
    let overall = agreement.lines().last().unwrap();
    assert!(overall.starts_with("all codes,22,22,"), "{agreement}");
    let err = fails(&tovana(
        &["export", "quotes", "no such code", "--db", db],
        dir,
    ));
    assert!(
        err.contains("code no such code: no code has this id, name or path"),
        "{err}"
    );
    let err = fails(&tovana(&["export", "agreement", "a", "b", "--db", db], dir));
    assert!(err.contains("coder a: no such coder"), "{err}");
}

#[test]
fn in_hebrew_the_command_line_says_what_it_did_in_hebrew_in_logical_order_for_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.sqlite");
    let db = db.to_str().unwrap();
    let made = ok(&tovana(&["--lang", "he", "init", "--db", db], dir.path()));
    // Written to a pipe, the text stays in logical order: the words read as
    // typed, the path inside an isolate, nothing reordered or padded.
    assert!(
        made.starts_with(&format!("נוצר מאגר ההדגמה בנתיב \u{2068}{db}\u{2069}\n")),
        "{made}"
    );
    let stats = ok(&tovana(&["stats", "--db", db, "--lang", "he"], dir.path()));
    let d = demo();
    let hebrew = [
        ("cohorts", "מחזורים"),
        ("quotes", "ציטוטים"),
        ("codings", "קידודים"),
        ("instruments", "כלי־מחקר"),
        ("findings", "ממצאים"),
    ];
    for (key, n) in d.counts().rows() {
        if let Some((_, he)) = hebrew.iter().find(|(k, _)| *k == key) {
            assert_eq!(stat(&stats, he) as u64, n, "{key} as {he} in\n{stats}");
        }
    }
    assert!(!stats.contains("cohorts"), "{stats}");
    // The same command in English keeps its English names.
    let en = ok(&tovana(&["stats", "--db", db], dir.path()));
    assert_eq!(stat(&en, "cohorts"), 3);
}

#[test]
fn in_hebrew_the_store_s_refusals_are_worded_in_hebrew() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.sqlite");
    let missing = missing.to_str().unwrap();
    let err = fails(&tovana(
        &["--lang", "he", "stats", "--db", missing],
        dir.path(),
    ));
    assert!(err.contains("אין מאגר כזה"), "{err}");
    assert!(
        err.contains(&format!("\u{2066}tovana init --db {missing}\u{2069}")),
        "{err}"
    );
    // A file that is not a store, and a store that already exists.
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, b"not a database at all, just some bytes of text").unwrap();
    let junk = junk.to_str().unwrap();
    let err = fails(&tovana(
        &["--lang", "he", "stats", "--db", junk],
        dir.path(),
    ));
    assert!(err.contains("אינו מאגר של tovana"), "{err}");
    assert_eq!(
        std::fs::read(junk).unwrap(),
        b"not a database at all, just some bytes of text"
    );
    let db = dir.path().join("a.sqlite");
    let db = db.to_str().unwrap();
    ok(&tovana(&["init", "--db", db], dir.path()));
    let err = fails(&tovana(&["--lang", "he", "init", "--db", db], dir.path()));
    assert!(err.contains("כבר יש שם קובץ"), "{err}");
    // The English wording stays the store's own.
    let err = fails(&tovana(&["init", "--db", db], dir.path()));
    assert!(err.contains("a file is already there"), "{err}");
    // An export naming an unknown coder lists the known ones, in Hebrew.
    let err = fails(&tovana(
        &[
            "--lang", "he", "export", "table", "cohorts", "--by", "nobody", "--db", db,
        ],
        dir.path(),
    ));
    assert!(
        err.contains("\u{2066}--by\u{2069} \u{2068}nobody\u{2069}: אין כזה במאגר"),
        "{err}"
    );
}

#[test]
fn in_hebrew_a_bad_transcript_and_a_bad_setting_are_named_in_hebrew() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite");
    let db = db.to_str().unwrap();
    ok(&tovana(&["init", "--db", db], dir.path()));
    let file = dir.path().join("bad.txt");
    std::fs::write(&file, "א: טוב\n\nב: שורה עם \u{1b}[31m צבע\n").unwrap();
    let file = file.to_str().unwrap();
    let import = |cohort: &str| {
        let args = [
            "--lang",
            "he",
            "import",
            "transcript",
            file,
            "--cohort",
            cohort,
        ];
        tovana(&[&args[..], &["--db", db]].concat(), dir.path())
    };
    let err = fails(&import("ג"));
    assert!(
        err.contains("שורה 3: תו בקרה \u{2066}U+001B\u{2069}"),
        "{err}"
    );
    assert!(
        err.contains("דבר לא נכתב") && !err.contains('\u{1b}'),
        "{err}"
    );
    std::fs::write(file, "א: טוב\n").unwrap();
    let err = fails(&import("ז"));
    assert!(
        err.contains("אין מחזור כזה (במאגר: \u{2068}א\u{2069}"),
        "{err}"
    );
    // A settings file that does not read is named by its line, in the
    // language the command line asks for.
    let config = dir.path().join("config");
    std::fs::write(&config, "bidi = sideways\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tovana"))
        .args(["--lang", "he", "--db", db])
        .env("TOVANA_CONFIG", &config)
        .output()
        .unwrap();
    let err = fails(&out);
    assert!(
        err.contains("שורה 1") && err.contains("\u{2068}sideways\u{2069}"),
        "{err}"
    );
}

#[test]
fn in_hebrew_a_damaged_store_is_named_row_by_row_in_hebrew() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("loop.sqlite");
    let db_s = db.to_str().unwrap();
    ok(&tovana(&["init", "--db", db_s], dir.path()));
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        let (a, b): (i64, i64) = c
            .query_row(
                "SELECT min(id), max(id) FROM code WHERE parent IS NULL",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        c.execute("UPDATE code SET parent = ?2 WHERE id = ?1", [a, b])
            .unwrap();
        c.execute("UPDATE code SET parent = ?1 WHERE id = ?2", [a, b])
            .unwrap();
    }
    let err = fails(&tovana(
        &["--lang", "he", "stats", "--db", db_s],
        dir.path(),
    ));
    assert!(err.contains("המאגר פגום"), "{err}");
    assert!(err.contains("לולאה בעץ הקודים"), "{err}");
    let err = fails(&tovana(&["stats", "--db", db_s], dir.path()));
    assert!(err.contains("a loop in the code tree"), "{err}");
}

/// A folder mounted as its own small file system, unmounted when dropped;
/// `None` where this process may not mount (not root, or no privilege).
struct Mount(std::path::PathBuf);

impl Mount {
    fn tmpfs(at: &Path) -> Option<Mount> {
        std::fs::create_dir_all(at).unwrap();
        let done = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=4m", "tovana-test"])
            .arg(at)
            .output()
            .ok()?;
        done.status.success().then(|| Mount(at.to_path_buf()))
    }

    fn read_only(&self) {
        let done = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .unwrap();
        assert!(done.success());
    }
}

/// The demo store on a small file system of its own, under `dir`; `None`
/// (said) where this process may not mount.
fn demo_on_tmpfs(dir: &Path, name: &str) -> Option<(Mount, String)> {
    let Some(mount) = Mount::tmpfs(&dir.join(name)) else {
        eprintln!("skipped: cannot mount a file system here (needs root)");
        return None;
    };
    let db = mount.0.join("s.sqlite").to_str().unwrap().to_string();
    ok(&tovana(&["init", "--db", &db], dir));
    Some((mount, db))
}

/// `tovana [--lang he] import transcript FILE --cohort ג --db DB`: what a
/// failed write says, in English and in Hebrew.
fn refused_transcript(file: &Path, db: &str, dir: &Path) -> [String; 2] {
    let t = file.to_str().unwrap();
    let args = ["import", "transcript", t, "--cohort", "ג", "--db", db];
    let he: Vec<&str> = ["--lang", "he"].iter().chain(&args).copied().collect();
    [fails(&tovana(&args, dir)), fails(&tovana(&he, dir))]
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_store_on_a_read_only_file_system_is_read_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let Some((mount, db)) = demo_on_tmpfs(dir.path(), "ro") else {
        return;
    };
    mount.read_only();
    let db = db.as_str();
    // Counting and exporting read it as it is.
    let stats = ok(&tovana(&["stats", "--db", db], dir.path()));
    for (name, n) in DEMO_STATS {
        assert_eq!(stat(&stats, name), *n, "{stats}");
    }
    let json = ok(&tovana(&["export", "json", "--db", db], dir.path()));
    assert!(json.contains("\"format\": \"tovana\""));
    // A write is refused, naming the file and why, in either language.
    let text = dir.path().join("t.txt");
    std::fs::write(&text, "A: שלום\n\nB: תודה\n").unwrap();
    let [err, he] = refused_transcript(&text, db, dir.path());
    assert!(err.contains(db) && err.contains("read-only"), "{err}");
    assert!(he.contains("לקריאה בלבד"), "{he}");
    // Nothing was written beside the store.
    let files: Vec<_> = std::fs::read_dir(&mount.0).unwrap().collect();
    assert_eq!(files.len(), 1, "{files:?}");
}

#[test]
fn a_full_disk_refuses_an_import_and_leaves_the_store_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let Some((mount, db)) = demo_on_tmpfs(dir.path(), "full") else {
        return;
    };
    let db = db.as_str();
    let before = ok(&tovana(&["stats", "--db", db], dir.path()));
    // Fill the disk but for a few pages.
    let filler = mount.0.join("filler");
    let mut f = std::fs::File::create(&filler).unwrap();
    let block = vec![0u8; 64 * 1024];
    use std::io::Write;
    while f.write_all(&block).is_ok() {}
    drop(f);
    let mut len = std::fs::metadata(&filler).unwrap().len();
    len = len.saturating_sub(96 * 1024);
    std::fs::OpenOptions::new()
        .write(true)
        .open(&filler)
        .unwrap()
        .set_len(len)
        .unwrap();
    // A transcript far larger than what is left.
    let text: String = (0..4_000)
        .map(|i| {
            format!(
                "דובר {}: משפט ארוך מספר {i} של הקבוצה, ועוד כמה מילים.\n\n",
                i % 5
            )
        })
        .collect();
    let file = dir.path().join("long.txt");
    std::fs::write(&file, text).unwrap();
    let [err, he] = refused_transcript(&file, db, dir.path());
    assert!(err.contains(db), "names the store: {err}");
    assert!(
        err.contains("the disk is full"),
        "says the disk is full: {err}"
    );
    assert!(err.contains("nothing of this was saved"), "{err}");
    assert!(he.contains("הדיסק מלא"), "{he}");
    // With room again, the store reads as before: nothing half-written.
    std::fs::remove_file(&filler).unwrap();
    assert_eq!(ok(&tovana(&["stats", "--db", db], dir.path())), before);
}

/// `tovana ARGS` as a user who does not own the files: root runs it as
/// `nobody` (through `setpriv`), anyone else as themselves; `None` (said)
/// where root has no `setpriv`.
fn as_other_user(args: &[&str], dir: &Path) -> Option<Output> {
    let root = Command::new("id").arg("-u").output().ok()?.stdout == b"0\n";
    let mut c = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_tovana"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_tovana"))
    };
    let out = c
        .args(args)
        .env("XDG_DATA_HOME", dir)
        .env("HOME", dir)
        .env("LANG", "C.UTF-8")
        .env_remove("TOVANA_LANG")
        .env("TOVANA_CONFIG", dir.join("no-config"))
        .output();
    match out {
        Ok(out) if !(root && out.status.code() == Some(127)) => Some(out),
        _ => {
            eprintln!("skipped: no setpriv to run as another user");
            None
        }
    }
}

/// A store file its user may not write, in a folder they may: SQLite would
/// open it for reading quietly and leave the WAL's two files behind. It is
/// read, counted and exported; a write is refused; nothing is left beside it.
#[test]
fn a_read_only_file_in_a_writable_folder_is_read_and_leaves_nothing_behind() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let db = dir.path().join("s.sqlite");
    let db_s = db.to_str().unwrap();
    ok(&tovana(&["init", "--db", db_s], dir.path()));
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&db).unwrap();
    let Some(stats) = as_other_user(&["stats", "--db", db_s], dir.path()) else {
        return;
    };
    let stats = ok(&stats);
    for (name, n) in DEMO_STATS {
        assert_eq!(stat(&stats, name), *n, "{stats}");
    }
    let json = ok(&as_other_user(&["export", "json", "--db", db_s], dir.path()).unwrap());
    assert!(json.contains("\"format\": \"tovana\""));
    let text = dir.path().join("t.txt");
    std::fs::write(&text, "A: שלום\n\nB: תודה\n").unwrap();
    std::fs::set_permissions(&text, std::fs::Permissions::from_mode(0o644)).unwrap();
    let t = text.to_str().unwrap();
    let args = ["import", "transcript", t, "--cohort", "ג", "--db", db_s];
    let err = fails(&as_other_user(&args, dir.path()).unwrap());
    assert!(err.contains(db_s) && err.contains("read-only"), "{err}");
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["s.sqlite", "t.txt"]);
    assert!(
        std::fs::read(&db).unwrap() == before,
        "the store is byte for byte as it was"
    );
}

/// A store of an older schema on a read-only disk cannot be upgraded: it is
/// refused with that reason, in the interface's language, not SQLite's
/// "unable to open".
#[test]
fn an_older_store_on_a_read_only_disk_says_it_needs_an_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let Some((mount, db)) = demo_on_tmpfs(dir.path(), "old") else {
        return;
    };
    let older = tovana::store::schema::current_version() - 1;
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(&format!(
            "PRAGMA journal_mode = DELETE; PRAGMA user_version = {older};"
        ))
        .unwrap();
    mount.read_only();
    let err = fails(&tovana(&["stats", "--db", &db], dir.path()));
    assert!(err.contains(&db), "{err}");
    assert!(
        err.contains("older tovana") && err.contains("read-only"),
        "{err}"
    );
    let he = fails(&tovana(&["--lang", "he", "stats", "--db", &db], dir.path()));
    assert!(
        he.contains("גרסה ישנה") && he.contains("לקריאה בלבד"),
        "{he}"
    );
    assert!(!he.contains("older"), "{he}");
}

/// `tovana export json | head`: the reader stops early, and that is no
/// error: no message, exit 0.
#[test]
fn a_reader_that_stops_early_is_no_error() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite");
    let db_s = db.to_str().unwrap();
    ok(&tovana(&["init", "--db", db_s], dir.path()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_tovana"))
        .args(["export", "json", "--db", db_s])
        .env("LANG", "C.UTF-8")
        .env("TOVANA_CONFIG", dir.path().join("no-config"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe is closed here, with most of the JSON unread.
    let done = child.wait_with_output().unwrap();
    assert!(first.starts_with(b"{"));
    assert_eq!(done.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&done.stderr), "");
}

#[test]
fn a_qdpx_goes_into_a_new_store_and_back_out_and_a_bad_one_leaves_no_store() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let demo_db = home.join("demo.sqlite");
    ok(&tovana(&["init", "--db", demo_db.to_str().unwrap()], home));
    let qdpx = home.join("demo.qdpx");
    let said = ok(&tovana(
        &[
            "export",
            "qdpx",
            qdpx.to_str().unwrap(),
            "--db",
            demo_db.to_str().unwrap(),
        ],
        home,
    ));
    assert!(
        said.contains("36 codes") && said.contains("175 codings"),
        "{said}"
    );
    let qdc = home.join("demo.qdc");
    let said = ok(&tovana(
        &[
            "export",
            "qdc",
            qdc.to_str().unwrap(),
            "--db",
            demo_db.to_str().unwrap(),
        ],
        home,
    ));
    assert!(said.contains("36 codes"), "{said}");
    // Into a store that is not there yet: made, with the cohorts the
    // project's cases name.
    let new = home.join("new.sqlite");
    let said = ok(&tovana(
        &[
            "import",
            "qdpx",
            qdpx.to_str().unwrap(),
            "--db",
            new.to_str().unwrap(),
        ],
        home,
    ));
    assert!(
        said.contains("added: 36 codes, 2 coders, 2 cohorts"),
        "{said}"
    );
    assert!(
        said.contains("positions read as Unicode code points"),
        "{said}"
    );
    assert_eq!(stat(&said, "codings"), 175);
    // Again: everything is already held.
    let said = ok(&tovana(
        &[
            "import",
            "qdpx",
            qdpx.to_str().unwrap(),
            "--db",
            new.to_str().unwrap(),
        ],
        home,
    ));
    assert!(said.contains("added: nothing"), "{said}");
    assert_eq!(stat(&said, "codings"), 175);
    // A file that is not a project: refused by name, and no store left.
    let bad = home.join("bad.qdpx");
    std::fs::write(&bad, "<Project xmlns=\"urn:other\" name=\"x\"/>").unwrap();
    let none = home.join("none.sqlite");
    let err = fails(&tovana(
        &[
            "import",
            "qdpx",
            bad.to_str().unwrap(),
            "--db",
            none.to_str().unwrap(),
        ],
        home,
    ));
    assert!(
        err.contains("bad.qdpx") && err.contains("namespace"),
        "{err}"
    );
    assert!(!none.exists());
    // Merging the demo into the new store: nothing new.
    let said = ok(&tovana(
        &[
            "merge",
            demo_db.to_str().unwrap(),
            "--db",
            new.to_str().unwrap(),
        ],
        home,
    ));
    assert!(
        said.starts_with("merged ") && said.contains("added: nothing"),
        "{said}"
    );
}

/// A `.docx` of `body` (paragraphs of WordprocessingML), with a header,
/// a footer and a comment whose words must not come in.
fn docx(path: &Path, body: &str) {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let o = zip::write::SimpleFileOptions::default();
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    for (name, xml) in [
        ("[Content_Types].xml", "<Types/>".to_string()),
        (
            "word/document.xml",
            format!("<?xml version=\"1.0\"?><w:document {w}><w:body>{body}</w:body></w:document>"),
        ),
        (
            "word/header1.xml",
            format!("<w:hdr {w}><w:p><w:r><w:t>כותרת עליונה</w:t></w:r></w:p></w:hdr>"),
        ),
        (
            "word/footer1.xml",
            format!("<w:ftr {w}><w:p><w:r><w:t>כותרת תחתונה</w:t></w:r></w:p></w:ftr>"),
        ),
        (
            "word/comments.xml",
            format!(
                "<w:comments {w}><w:comment><w:p><w:r><w:t>הערה</w:t></w:r></w:p></w:comment></w:comments>"
            ),
        ),
    ] {
        z.start_file(name, o).unwrap();
        z.write_all(xml.as_bytes()).unwrap();
    }
    z.finish().unwrap();
}

#[test]
fn word_and_windows_1255_transcripts_come_in_with_the_same_turn_rules() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("s.sqlite");
    let db = db.to_str().unwrap();
    ok(&tovana(&["init", "--db", db], home));
    let file = home.join("focus.docx");
    docx(
        &file,
        "<w:p><w:r><w:t>מנחה: מה לקחתם?</w:t></w:r></w:p>\
         <w:p><w:r><w:t>נציגה: את הסיור</w:t></w:r><w:del><w:r><w:delText> שנמחק</w:delText></w:r></w:del></w:p>\
         <w:p/><w:p><w:r><w:t>נציג: והקשרים</w:t></w:r></w:p>",
    );
    let f = file.to_str().unwrap();
    let said = ok(&tovana(
        &["import", "transcript", f, "--cohort", "ג", "--db", db],
        home,
    ));
    assert!(said.contains("3 speaker turns"), "{said}");
    let json = ok(&tovana(&["export", "json", "--db", db], home));
    let data = tovana::interchange::from_json(&json).unwrap();
    let doc = data.documents.iter().find(|d| d.title == "focus").unwrap();
    assert_eq!(doc.text, "מנחה: מה לקחתם?\nנציגה: את הסיור\nנציג: והקשרים");
    for absent in ["כותרת", "הערה", "שנמחק"] {
        assert!(!doc.text.contains(absent), "{absent}");
    }
    // windows-1255, as Hebrew Excel saves it: refused without --encoding,
    // by line and with the flag to use; read with it.
    let (bytes, _, _) = encoding_rs::WINDOWS_1255.encode("מנחה: שלום\n\nנציג: תודה\n");
    let cp = home.join("old.txt");
    std::fs::write(&cp, &*bytes).unwrap();
    let c = cp.to_str().unwrap();
    let err = fails(&tovana(
        &["import", "transcript", c, "--cohort", "ג", "--db", db],
        home,
    ));
    assert!(
        err.contains("line 1") && err.contains("--encoding windows-1255"),
        "{err}"
    );
    let args = [
        "import",
        "transcript",
        c,
        "--cohort",
        "ג",
        "--encoding",
        "windows-1255",
        "--db",
        db,
    ];
    let said = ok(&tovana(&args, home));
    assert!(said.contains("2 speaker turns"), "{said}");
    // UTF-16 with its byte-order mark needs no flag.
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "מנחה: שלום\n\nנציג: תודה\n".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let u = home.join("u16.txt");
    std::fs::write(&u, utf16).unwrap();
    let said = ok(&tovana(
        &[
            "import",
            "transcript",
            u.to_str().unwrap(),
            "--cohort",
            "ג",
            "--db",
            db,
        ],
        home,
    ));
    assert!(said.contains("2 speaker turns"), "{said}");
}

#[test]
fn a_survey_is_mapped_imported_counted_and_exported_from_the_shell() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("s.sqlite");
    let db = db.to_str().unwrap();
    ok(&tovana(&["init", "--db", db], home));
    let file = home.join("end.csv");
    std::fs::write(
        &file,
        "מזהה,מגזר,באיזו מידה רכשת ידע חדש?\n\
         1,רשות,במידה רבה\n2,רשות,בכלל לא\n3,ממשלה,במידה רבה מאוד\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let map = ok(&tovana(&["survey", "map", file], home));
    assert!(map.contains("id = \"מזהה\""), "{map}");
    let map_file = home.join("map.toml");
    std::fs::write(&map_file, &map).unwrap();
    let map_file = map_file.to_str().unwrap();
    let said = ok(&tovana(
        &[
            "import",
            "survey",
            file,
            "--map",
            map_file,
            "--instrument",
            "2",
            "--db",
            db,
        ],
        home,
    ));
    assert!(said.contains("respondents: 3 new"), "{said}");
    let stats = ok(&tovana(&["stats", "--db", db], home));
    assert_eq!(stat(&stats, "respondents"), 3);
    assert_eq!(stat(&stats, "answers"), 3);
    let table = ok(&tovana(
        &[
            "export", "answers", "2", "--by", "מגזר", "--format", "csv", "--db", db,
        ],
        home,
    ));
    assert!(table.contains("באיזו מידה רכשת ידע חדש?,"), "{table}");
    assert!(table.contains(",רשות,2,0,50%,"), "{table}");
    // Only the local authorities' respondents: one of them very much.
    let only = ok(&tovana(
        &[
            "export",
            "answers",
            "2",
            "--only",
            "מגזר=רשות",
            "--format",
            "csv",
            "--db",
            db,
        ],
        home,
    ));
    assert!(only.contains(",all,2,0,50%,"), "{only}");
    // Two values of one attribute: no one has both.
    let none = ok(&tovana(
        &[
            "export",
            "answers",
            "2",
            "--only",
            "מגזר=רשות",
            "--only",
            "מגזר=ממשלה",
            "--db",
            db,
        ],
        home,
    ));
    assert!(
        none.contains("answers · מגזר = רשות · מגזר = ממשלה"),
        "{none}"
    );
    assert!(!none.contains("| all |"), "{none}");
    let err = fails(&tovana(
        &["export", "answers", "2", "--only", "מגזר", "--db", db],
        home,
    ));
    assert!(err.contains("ATTRIBUTE=VALUE"), "{err}");
    // No quote is an open answer here: `--attribute` says so.
    let err = fails(&tovana(
        &[
            "export",
            "table",
            "roles",
            "--attribute",
            "מגזר",
            "--db",
            db,
        ],
        home,
    ));
    assert!(err.contains("--attribute מגזר"), "{err}");
    assert!(err.contains("import survey"), "{err}");
    // A map naming a column the file lacks: the file and the column are
    // named, exit 1, nothing written.
    std::fs::write(home.join("bad.toml"), map.replace("\"מגזר\"", "\"סקטור\"")).unwrap();
    let err = fails(&tovana(
        &[
            "import",
            "survey",
            file,
            "--map",
            home.join("bad.toml").to_str().unwrap(),
            "--instrument",
            "2",
            "--db",
            db,
        ],
        home,
    ));
    assert!(
        err.contains("end.csv: column \"סקטור\": the file has no such column"),
        "{err}"
    );
    let stats = ok(&tovana(&["stats", "--db", db], home));
    assert_eq!(stat(&stats, "respondents"), 3);
}

#[test]
fn the_report_is_written_for_a_cohort_or_all_in_either_format_and_language() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("s.sqlite");
    let db = db.to_str().unwrap();
    ok(&tovana(&["init", "--db", db], home));
    let page = home.join("r.html");
    ok(&tovana(
        &[
            "export",
            "report",
            "--cohort",
            "ג",
            "--lang",
            "he",
            "-o",
            page.to_str().unwrap(),
            "--db",
            db,
        ],
        home,
    ));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"he\" dir=\"rtl\">"));
    assert!(
        html.contains("מחזור \u{2068}ג\u{2069}"),
        "the cohort's section"
    );
    let md = ok(&tovana(
        &[
            "export", "report", "--all", "--format", "md", "--lang", "en", "--db", db,
        ],
        home,
    ));
    assert!(md.starts_with("# "), "{md}");
    assert!(md.contains("All cohorts") && md.contains("Recommendations and their fate"));
    let err = fails(&tovana(
        &["export", "report", "--cohort", "ז", "--db", db],
        home,
    ));
    assert!(err.contains("ז"), "{err}");
}
