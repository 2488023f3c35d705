//! A survey export in a real terminal: its mapping guessed and its rows
//! imported from the shell into the demo store, then the question found by
//! search in the Survey view and its answers split with `b` by the
//! respondents' sector, each segment with its n and a flag when small; its
//! open answers are a document to code; a respondent found by search opens
//! as a card.

mod common;

use common::tmux::{Tmux, assert_terminal_restored, binary, demo_store, quit};

const EXPORT: &str = "Timestamp,Respondent,Sector,How much did you learn about digital services?,\
Years in the job,What stayed with you most?\n\
9/1/2017 10:00:00,A1,local,Very much,4,The study tour and the people we met on it\n\
9/1/2017 10:05:00,A2,local,Much,12,\n\
9/1/2017 10:07:00,A3,central,Not at all,7,Meeting colleagues from other towns every month\n\
9/1/2017 10:09:00,A4,local,Very much,1,\n\
9/1/2017 10:10:00,A5,central,Much,20,How to put the resident first in every service\n\
9/1/2017 10:12:00,A6,local,A little,9,\n";

#[test]
fn a_survey_is_imported_from_the_shell_and_split_in_the_survey_view() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(dir.path());
    let file = dir.path().join("end.csv");
    std::fs::write(&file, EXPORT).unwrap();
    let map = dir.path().join("end.toml");
    let t = Tmux::start(140, 40, dir.path());
    t.type_line(&format!(
        "{b} survey map {f} > {m} && {b} --lang en --db {d} import survey {f} --map {m} \
         --instrument 2; echo IMPORTED:$?",
        b = binary(),
        f = file.display(),
        m = map.display(),
        d = db.display()
    ));
    let screen = t.wait_for("IMPORTED:0");
    assert!(screen.contains("respondents: 6 new"), "{screen}");
    assert!(screen.contains("3 quotes to code"), "{screen}");
    let guessed = std::fs::read_to_string(&map).unwrap();
    assert!(guessed.contains("id = \"Respondent\""), "{guessed}");
    t.type_line("clear");
    t.run_app_with(&db, "", "--lang en");
    t.wait_for("Cohorts");
    t.keys(&["2"]);
    t.wait_for("Survey");
    t.keys(&["/"]);
    t.tmux(&["send-keys", "-t", "t", "-l", "learn about digital"]);
    t.wait_for("How much did you learn");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Answers row by row: 6 respondents · not split");
    assert!(screen.contains("all · n=6"), "{screen}");
    assert!(screen.contains("top box: 67% (4 of 6)"), "{screen}");
    t.keys(&["b"]);
    let screen = t.wait_for("by Sector");
    assert!(screen.contains("central · n=2 · ⚠ under 5"), "{screen}");
    assert!(screen.contains("local · n=4 · ⚠ under 5"), "{screen}");
    // The number of years: mean, median and range.
    t.keys(&["b", "j"]);
    let screen = t.wait_for("Years in the job");
    assert!(screen.contains("mean 8.8 · median 8 · 1–20"), "{screen}");
    // The open answers, a document listed among the others, each answer a
    // quote that search finds and opens in the reader with the rest.
    t.keys(&["5"]);
    t.wait_for("What stayed with you most?");
    t.keys(&["/"]);
    t.tmux(&["send-keys", "-t", "t", "-l", "colleagues"]);
    t.wait_for("Meeting colleagues");
    t.keys(&["Enter"]);
    let screen = t.wait_for("The study tour and the people we met on it");
    assert!(
        screen.contains("How to put the resident first in every service"),
        "{screen}"
    );
    // A respondent found by their id opens as a card: sector, each answer
    // (a rating's label, a number), their open answer; Esc closes it.
    t.keys(&["Escape", "/"]);
    t.tmux(&["send-keys", "-t", "t", "-l", "A5"]);
    t.wait_for("Respondents");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Respondent A5");
    assert!(screen.contains("Sector: central"), "{screen}");
    assert!(screen.contains("Much"), "{screen}");
    assert!(screen.contains("20"), "{screen}");
    assert!(screen.contains("put the resident first"), "{screen}");
    t.keys(&["Escape"]);
    let screen = t.wait_for("Answers row by row");
    assert!(!screen.contains("Respondent A5"), "{screen}");
    quit(&t);
    assert_terminal_restored(&t);
}
