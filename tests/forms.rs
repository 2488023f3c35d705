//! The forms, driven by keys through the key table: each part's form with
//! values refused and then saved, in both languages; every add, edit, move
//! and delete undone and redone; an evaluation built from an empty store.

mod common;

use common::{HEBREW, app_in, keys, render};
use tovana::domain::Dataset;
use tovana::interchange::demo;
use tovana::tui::Settings;
use tovana::tui::app::{App, ViewId};

fn both() -> [(&'static str, Settings); 2] {
    [("en", Settings::default()), ("he", HEBREW)]
}

fn shows(screen: &str, text: &str) -> bool {
    let reversed: String = text.chars().rev().collect();
    screen.contains(text) || screen.contains(&reversed)
}

fn dataset(app: &App) -> Dataset {
    app.store().dataset().unwrap()
}

/// One form: the keys that open it, the keys typed before a refused save,
/// what the refusal must show, and the keys that then make it hold (typed
/// from the first field that does not, where the refusal leaves the
/// cursor).
struct Case {
    name: &'static str,
    view: &'static str,
    open: &'static str,
    refused: &'static [&'static str],
    says: &'static [(&'static str, &'static str)],
    fixed: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        name: "cohort",
        view: "1",
        open: "n",
        refused: &[
            "ד",
            "Tab",
            "2021-13",
            "Tab",
            "2020",
            "Tab",
            "30",
            "Tab",
            "רשויות 25, ממשלה 10",
        ],
        says: &[
            ("en", "YYYY, YYYY-MM or YYYY-MM-DD"),
            ("en", "the sectors count 35, more than the 30"),
            ("he", "YYYY-MM-DD"),
            ("he", "המגזרים מונים"),
        ],
        fixed: &[
            "C-u",
            "2021-02",
            "Tab",
            "C-u",
            "2021-10",
            "Tab",
            "Tab",
            "C-u",
            "רשויות 20, ממשלה 10",
        ],
    },
    Case {
        name: "meeting",
        view: "1",
        open: "m",
        refused: &["Tab", "2021-3", "Tab", "two"],
        says: &[
            ("en", "a whole number, 0 or more"),
            ("he", "מספר שלם, 0 ומעלה"),
        ],
        fixed: &[
            "C-u",
            "2021-03",
            "Tab",
            "C-u",
            "2",
            "Tab",
            "Tab",
            "ירושלים",
            "Tab",
            "פתיחת המחזור",
        ],
    },
    Case {
        name: "instrument",
        view: "1",
        open: "i",
        refused: &["Tab", "שאלון סיום", "Tab", "Tab", "Tab", "20", "Tab", "25"],
        says: &[("en", "25 responded but only 20"), ("he", "25")],
        fixed: &["BackTab", "C-u", "30"],
    },
    Case {
        name: "finding",
        view: "3",
        open: "n",
        refused: &["Tab", "Tab"],
        says: &[("en", "must not be empty"), ("he", "אסור שיהיה ריק")],
        fixed: &["ידע", "Tab", "רוב המשיבים רכשו ידע חדש"],
    },
    Case {
        name: "recommendation",
        view: "4",
        open: "n",
        refused: &["Tab", "Right"],
        says: &[("en", "must not be empty"), ("he", "אסור שיהיה ריק")],
        fixed: &["להוסיף סיור לימודי", "Tab", "קבוצת המיקוד"],
    },
    Case {
        name: "program",
        view: "1",
        open: "P",
        refused: &["C-u"],
        says: &[("en", "must not be empty"), ("he", "אסור שיהיה ריק")],
        fixed: &["מובילים דיגיטליים לשלטון המקומי"],
    },
];

#[test]
fn each_form_refuses_what_does_not_hold_beside_the_field_and_saves_what_does() {
    for (lang, settings) in both() {
        for case in CASES {
            let (mut app, _dir) = app_in(&demo(), settings);
            let before = dataset(&app);
            keys(&mut app, &[case.view, case.open]);
            assert!(app.modal.is_some(), "{} {lang}: a form opens", case.name);
            keys(&mut app, case.refused);
            keys(&mut app, &["C-s"]);
            let screen = render(&app, 100, 30);
            insta::assert_snapshot!(format!("form_{}_refused_{lang}", case.name), screen);
            for (l, text) in case.says {
                if *l == lang {
                    assert!(
                        shows(&screen, text),
                        "{} {lang}: {text}\n{screen}",
                        case.name
                    );
                }
            }
            assert!(app.modal.is_some(), "{} {lang}: still open", case.name);
            assert_eq!(
                dataset(&app),
                before,
                "{} {lang}: nothing written",
                case.name
            );
            keys(&mut app, case.fixed);
            keys(&mut app, &["C-s"]);
            let screen = render(&app, 100, 30);
            assert!(
                app.modal.is_none(),
                "{} {lang}: saved and closed\n{screen}",
                case.name
            );
            assert_ne!(dataset(&app), before, "{} {lang}", case.name);
            // Undone, the store is as it was; redone, as saved.
            let saved = dataset(&app);
            keys(&mut app, &["u"]);
            assert_eq!(dataset(&app), before, "{} {lang}: undone", case.name);
            keys(&mut app, &["C-r"]);
            assert_eq!(dataset(&app), saved, "{} {lang}: redone", case.name);
        }
    }
}

#[test]
fn what_a_form_saves_is_what_was_typed() {
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    let case = &CASES[0];
    keys(&mut app, &[case.view, case.open]);
    keys(&mut app, case.refused);
    keys(&mut app, &["C-s"]);
    keys(&mut app, case.fixed);
    keys(&mut app, &["Tab", "מחזור ניסיון", "C-s"]);
    let d = dataset(&app);
    let c = d.cohorts.iter().find(|c| c.label == "ד").unwrap();
    assert_eq!(c.start.as_ref().unwrap().as_str(), "2021-02");
    assert_eq!(c.end.as_ref().unwrap().as_str(), "2021-10");
    assert_eq!(c.participants, Some(30));
    let sectors: Vec<(&str, u32)> = c
        .sectors
        .iter()
        .map(|s| (s.sector.as_str(), s.count))
        .collect();
    assert_eq!(sectors, vec![("רשויות", 20), ("ממשלה", 10)]);
    assert_eq!(c.notes, "מחזור ניסיון");
    // The new cohort is selected, last of the list.
    assert_eq!(app.cohorts.selected_cohort().map(|x| x.id), Some(c.id));
    assert!(
        app.status
            .as_deref()
            .unwrap_or("")
            .contains("add cohort 'ד'")
    );
}

#[test]
fn esc_asks_before_dropping_changes_and_not_before_closing_an_unchanged_form() {
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    keys(&mut app, &["3", "e", "Esc"]);
    assert!(app.modal.is_none(), "nothing changed: closed at once");
    keys(&mut app, &["e", "Tab", "x", "Esc"]);
    let screen = render(&app, 100, 30);
    assert!(
        screen.contains("Drop the changes? y drops them"),
        "{screen}"
    );
    // n goes back to the form, with the change still there.
    keys(&mut app, &["n"]);
    assert!(app.modal.is_some());
    keys(&mut app, &["Esc", "y"]);
    assert!(app.modal.is_none());
    assert_eq!(dataset(&app), {
        let (a, _d) = app_in(&demo(), Settings::default());
        dataset(&a)
    });
}

#[test]
fn edits_moves_and_deletes_are_undone_and_redone_one_by_one() {
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    let mut states = vec![dataset(&app)];
    // Findings: edit the first, move it down, delete the second.
    keys(
        &mut app,
        &["3", "e", "Tab", "Tab", "End", " (עודכן)", "C-s"],
    );
    states.push(dataset(&app));
    keys(&mut app, &["J"]);
    states.push(dataset(&app));
    let first_two: Vec<i64> = states[2]
        .findings
        .iter()
        .map(|f| f.ordinal as i64)
        .collect();
    assert_ne!(
        states[1]
            .findings
            .iter()
            .map(|f| f.ordinal as i64)
            .collect::<Vec<_>>(),
        first_two,
        "moved"
    );
    keys(&mut app, &["d"]);
    let screen = render(&app, 100, 30);
    assert!(screen.contains("Delete the finding"), "{screen}");
    keys(&mut app, &["y"]);
    states.push(dataset(&app));
    assert_eq!(states[3].findings.len(), states[0].findings.len() - 1);
    // Recommendations: the uptake cycled, and a recommendation moved up.
    keys(&mut app, &["4", "j", "s"]);
    states.push(dataset(&app));
    keys(&mut app, &["K"]);
    states.push(dataset(&app));
    // Cohorts: the cohort deleted with all that goes with it.
    keys(&mut app, &["1", "G", "d"]);
    let screen = render(&app, 120, 30);
    assert!(screen.contains("With it go"), "{screen}");
    keys(&mut app, &["y"]);
    states.push(dataset(&app));
    for (i, s) in states.iter().enumerate().skip(1) {
        assert_ne!(s, &states[i - 1], "step {i} changed the store");
    }
    // Back one step at a time, then forward again.
    for i in (0..states.len() - 1).rev() {
        keys(&mut app, &["u"]);
        assert_eq!(dataset(&app), states[i], "undone to {i}");
    }
    for (i, s) in states.iter().enumerate().skip(1) {
        keys(&mut app, &["C-r"]);
        assert_eq!(&dataset(&app), s, "redone to {i}");
    }
}

#[test]
fn an_evaluation_is_built_from_an_empty_store() {
    let (mut app, dir) = app_in(&Dataset::default(), HEBREW);
    // The program's name is asked first.
    let asked = render(&app, 100, 30);
    assert!(shows(&asked, "תוכנית חדשה"), "{asked}");
    keys(&mut app, &["מובילים דיגיטליים", "C-s"]);
    keys(
        &mut app,
        &[
            "n", "ד", "Tab", "2021-02", "Tab", "2021-10", "Tab", "30", "C-s",
        ],
    );
    keys(
        &mut app,
        &["m", "Tab", "2021-03", "Tab", "2", "Tab", "C-u", "1", "C-s"],
    );
    keys(
        &mut app,
        &[
            "i",
            "Tab",
            "שאלון סיום",
            "Tab",
            "2021-10",
            "Tab",
            "Tab",
            "30",
            "Tab",
            "25",
            "C-s",
        ],
    );
    keys(
        &mut app,
        &["3", "n", "Tab", "ידע", "Tab", "רוב המשיבים רכשו ידע", "C-s"],
    );
    keys(&mut app, &["4", "n", "Tab", "Tab", "להוסיף סיור", "C-s"]);
    drop(app);
    let store = tovana::store::Store::open(&dir.path().join("t.sqlite")).unwrap();
    let d = store.dataset().unwrap();
    assert_eq!(d.programs[0].name, "מובילים דיגיטליים");
    assert_eq!(d.cohorts[0].label, "ד");
    assert_eq!(d.sessions[0].days, Some(2));
    assert_eq!(d.sessions[0].meetings, Some(1));
    assert_eq!(
        (d.instruments[0].invited, d.instruments[0].responded),
        (Some(30), Some(25))
    );
    assert_eq!(d.findings[0].statement, "רוב המשיבים רכשו ידע");
    assert_eq!(d.recommendations[0].text, "להוסיף סיור");
    assert!(d.problems().is_empty());
    let _ = ViewId::Cohorts;
}

#[test]
fn meetings_and_instruments_are_edited_and_deleted_from_the_focused_card() {
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    let before = dataset(&app);
    let a = before.cohorts[0].id;
    let meetings: Vec<_> = before.sessions.iter().filter(|s| s.cohort == a).collect();
    // Enter focuses the card on its first meeting; j the second.
    keys(&mut app, &["Enter", "j", "e"]);
    let screen = render(&app, 120, 36);
    assert!(screen.contains("Edit the meeting"), "{screen}");
    keys(
        &mut app,
        &["Tab", "Tab", "Tab", "Tab", "Tab", "C-u", "סיור אחר", "C-s"],
    );
    let d = dataset(&app);
    let edited = d.sessions.iter().find(|s| s.id == meetings[1].id).unwrap();
    assert_eq!(edited.subject, "סיור אחר");
    assert_eq!(
        edited.within, meetings[1].within,
        "what the form does not show stays"
    );
    // Still on the card, on the meeting just saved.
    assert_eq!(app.cohorts.card_item().map(|i| i.id), Some(meetings[1].id));
    // n there adds a meeting; on an instrument, an instrument.
    keys(&mut app, &["n"]);
    assert!(render(&app, 120, 36).contains("New meeting"));
    keys(&mut app, &["Esc", "G", "n"]);
    assert!(render(&app, 120, 36).contains("New instrument"));
    keys(&mut app, &["Esc"]);
    // The last instrument deleted, after saying what goes with it.
    let last = *d
        .instruments
        .iter()
        .filter(|i| i.cohort == a)
        .collect::<Vec<_>>()
        .last()
        .unwrap();
    keys(&mut app, &["d"]);
    let screen = render(&app, 120, 36);
    assert!(screen.contains("Delete the instrument"), "{screen}");
    keys(&mut app, &["y"]);
    assert!(!dataset(&app).instruments.iter().any(|i| i.id == last.id));
    assert!(app.cohorts.card.focus, "the card keeps the keys");
    // K moves the selected instrument up among the cohort's.
    let order = |app: &App| -> Vec<i64> { app.cohorts.instruments.iter().map(|i| i.id).collect() };
    let was = order(&app);
    let at = app.cohorts.card_at - app.cohorts.sessions.len();
    keys(&mut app, &["K"]);
    let now = order(&app);
    assert_eq!(now[at - 1], was[at], "{:?}", app.status);
    assert_eq!(
        app.cohorts.card_item().map(|i| i.id),
        Some(was[at]),
        "still selected"
    );
    keys(&mut app, &["u"]);
    keys(&mut app, &["u", "u"]);
    assert_eq!(dataset(&app), before);
}
