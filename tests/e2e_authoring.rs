//! An evaluation built in a real terminal from an empty store: the program,
//! a cohort, a meeting, an instrument, a finding and a recommendation typed
//! into their forms; the app quit and started again finds them all.

mod common;

use common::tmux::{Tmux, assert_terminal_restored, binary, quit};
use std::process::Command;

#[test]
fn an_evaluation_built_from_an_empty_store_is_there_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.sqlite");
    let made = Command::new(binary())
        .args(["init", "--empty", "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(made.status.success());
    let t = Tmux::start(120, 36, dir.path());
    t.run_app(&db);
    // The program's name is asked first.
    t.wait_for("New program");
    let typed = |text: &str| t.tmux(&["send-keys", "-t", "t", "-l", text]);
    typed("Digital Leaders");
    t.keys(&["C-s"]);
    t.wait_for("saved: add program 'Digital Leaders'");
    // A cohort, with a value refused and then put right.
    t.keys(&["n"]);
    t.wait_for("New cohort");
    typed("D");
    t.keys(&["Tab"]);
    typed("2021-13");
    t.keys(&["C-s"]);
    t.wait_for("YYYY, YYYY-MM or YYYY-MM-DD");
    t.keys(&["C-u"]);
    typed("2021-02");
    t.keys(&["Tab"]);
    typed("2021-10");
    t.keys(&["Tab"]);
    typed("30");
    t.keys(&["C-s"]);
    t.wait_for("saved: add cohort 'D'");
    // A meeting and an instrument of it.
    t.keys(&["m"]);
    t.wait_for("New meeting");
    t.keys(&["Tab"]);
    typed("2021-03");
    t.keys(&["Tab"]);
    typed("2");
    t.keys(&["Tab", "Tab"]);
    typed("Jerusalem");
    t.keys(&["Tab"]);
    typed("Opening day");
    t.keys(&["C-s"]);
    t.wait_for("saved: add meeting 'Opening day'");
    t.keys(&["i"]);
    t.wait_for("New instrument");
    t.keys(&["Tab"]);
    typed("End questionnaire");
    t.keys(&["Tab", "Tab", "Tab"]);
    typed("30");
    t.keys(&["Tab"]);
    typed("25");
    t.keys(&["C-s"]);
    t.wait_for("saved: add instrument 'End questionnaire'");
    // A finding and a recommendation.
    t.keys(&["3", "n"]);
    t.wait_for("New finding");
    t.keys(&["Tab"]);
    typed("Knowledge");
    t.keys(&["Tab"]);
    typed("Most respondents gained new knowledge");
    t.keys(&["C-s"]);
    t.wait_for("saved: add finding");
    t.keys(&["4", "n"]);
    t.wait_for("New recommendation");
    t.keys(&["Tab", "Tab"]);
    typed("Add a study tour");
    t.keys(&["C-s"]);
    t.wait_for("saved: add recommendation");
    quit(&t);
    assert_terminal_restored(&t);

    // Started again, everything is there.
    t.run_app(&db);
    let screen = t.wait_for("Cohort D");
    assert!(screen.contains("2021-02 – 2021-10"), "{screen}");
    assert!(screen.contains("Opening day"), "{screen}");
    assert!(screen.contains("25 of 30 (83%)"), "{screen}");
    t.keys(&["3"]);
    t.wait_for("Most respondents gained new knowledge");
    t.keys(&["4"]);
    t.wait_for("Add a study tour");
    // And u takes the last step back, for the next start too.
    t.keys(&["u"]);
    t.wait_for("undone: add recommendation");
    quit(&t);

    // A focus group of the cohort comes in from the command line; a turn
    // of it is coded, and cited in the finding.
    let transcript = dir.path().join("group.txt");
    std::fs::write(
        &transcript,
        "Facilitator: What did the tour teach you?\n\n\
         Participant: That a form for residents must be short and plain.\n",
    )
    .unwrap();
    let imported = Command::new(binary())
        .args(["--db", db.to_str().unwrap(), "import", "transcript"])
        .arg(&transcript)
        .args(["--cohort", "D", "--title", "Focus group"])
        .output()
        .unwrap();
    assert!(imported.status.success(), "{imported:?}");
    t.run_app(&db);
    t.wait_for("Cohort D");
    t.keys(&["4"]);
    t.wait_for("n adds one");
    t.keys(&["5", "Enter"]);
    t.wait_for("Codes here");
    t.keys(&["j", "j", "c"]);
    t.wait_for("Who is coding?");
    t.type_line("Dana");
    t.wait_for("Code to apply");
    typed("forms");
    t.wait_for("+ new code: forms");
    t.keys(&["Enter"]);
    t.wait_for("applied forms");
    // Into the speech (the speaker's name is not of the quote).
    t.keys(&["w", "w", "w"]);
    t.wait_for("forms (Dana)");
    t.keys(&["f"]);
    t.wait_for("Cite in which finding?");
    t.keys(&["Enter"]);
    t.wait_for("saved: cite in finding 'Most respondents gained new knowledge'");
    quit(&t);
    t.run_app(&db);
    t.wait_for("Cohort D");
    t.keys(&["3"]);
    let screen = t.wait_for("a form for residents must be short and plain");
    assert!(screen.contains("Participant"), "the quote's role: {screen}");
    quit(&t);
}
