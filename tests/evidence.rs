//! Evidence by keyboard from anywhere: a survey question, a code, and a
//! quote from the Codebook, a Tables cell, the reader and a search hit,
//! each cited in a finding picked or made there; and in the finding, its
//! pieces moved, taken out, opened in their context and come back from.

mod common;

use common::{app_in, keys, render};
use tovana::domain::{CitedKind, Dataset, Evidence, HitKind, Id};
use tovana::interchange::demo;
use tovana::tui::Settings;
use tovana::tui::app::{App, Overlay, ViewId};
use tovana::tui::popups::Modal;

fn dataset(app: &App) -> Dataset {
    app.store().dataset().unwrap()
}

fn evidence(app: &App, finding: Id) -> Evidence {
    dataset(app)
        .findings
        .into_iter()
        .find(|f| f.id == finding)
        .unwrap()
        .evidence
}

/// The finding the picker has selected.
fn picked(app: &App) -> Id {
    match &app.modal {
        Some(Modal::PickFinding(p)) => p.row(p.selected).expect("a finding").id,
        other => panic!("the finding picker is open: {other:?}"),
    }
}

/// Cites what is at hand (`key` opens the picker) in the finding the picker
/// offers first, and says which one and what was cited.
fn cite_first(app: &mut App, key: &str) -> (Id, tovana::domain::Cited) {
    keys(app, &[key]);
    let Some(Modal::PickFinding(p)) = &app.modal else {
        panic!("{}", render(app, 120, 36));
    };
    let (finding, piece) = (picked(app), p.piece);
    keys(app, &["Enter"]);
    assert!(app.modal.is_none());
    (finding, piece)
}

fn cites(app: &App, finding: Id, kind: CitedKind, id: Id) -> bool {
    evidence(app, finding).of(kind).contains(&id)
}

#[test]
fn a_question_and_a_code_are_cited_once_and_a_second_time_is_said() {
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    keys(&mut app, &["2"]);
    let question = app.survey.selected_row().unwrap().question.id;
    let (finding, piece) = cite_first(&mut app, "f");
    assert_eq!((piece.kind, piece.id), (CitedKind::Question, question));
    assert!(cites(&app, finding, CitedKind::Question, question));
    // The question's own cohort's findings come first.
    let d = dataset(&app);
    let cohort_of = |f: Id| d.findings.iter().find(|x| x.id == f).unwrap().cohort;
    assert_eq!(cohort_of(finding), d.cohorts[0].id);
    let before = dataset(&app);
    cite_first(&mut app, "f");
    assert_eq!(app.status.as_deref(), Some("the finding cites it already"));
    assert_eq!(dataset(&app), before);

    keys(&mut app, &["6", "j"]);
    let code = app.codebook.selected_code().unwrap().id;
    let (finding, piece) = cite_first(&mut app, "f");
    assert_eq!(piece.kind, CitedKind::Code);
    assert!(cites(&app, finding, CitedKind::Code, code));
}

#[test]
fn quotes_are_cited_from_the_codebook_a_tables_cell_the_reader_and_search() {
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    let none = dataset(&app)
        .findings
        .iter()
        .all(|f| f.evidence.quotes.is_empty());
    assert!(none, "the demo cites no quote itself");
    // The Codebook's quotes of a code.
    keys(&mut app, &["6", "j", "Enter", "j"]);
    let q = app.codebook.quotes.selected_quote().unwrap().id;
    let (f, _) = cite_first(&mut app, "f");
    assert!(cites(&app, f, CitedKind::Quote, q));
    // A Tables cell's quotes.
    keys(&mut app, &["7", "Enter"]);
    assert!(app.tables.focus, "{}", render(&app, 120, 36));
    let q = app.tables.quotes.selected_quote().unwrap().id;
    let (f, _) = cite_first(&mut app, "f");
    assert!(cites(&app, f, CitedKind::Quote, q));
    // The coded quote under the reader's cursor, in a coded document.
    keys(&mut app, &["5"]);
    while app.documents.docs[app.documents.selected].codings == 0 {
        keys(&mut app, &["j"]);
    }
    keys(&mut app, &["Enter"]);
    for _ in 0..200 {
        let here = app.documents.reader.as_ref().unwrap().marks_here().len();
        if here > 0 {
            break;
        }
        keys(&mut app, &["w"]);
    }
    let r = app.documents.reader.as_ref().unwrap();
    let q = r.marks_here()[0].quote;
    let (f, _) = cite_first(&mut app, "f");
    assert!(cites(&app, f, CitedKind::Quote, q));
    assert!(app.documents.reader.is_some(), "the reader stays open");
    keys(&mut app, &["Esc"]);
    // A quote found by search: Ctrl-f there, the search staying open.
    keys(&mut app, &["/", "מפגש"]);
    let at = app
        .search
        .hits
        .iter()
        .position(|h| h.kind == HitKind::Quote)
        .expect("a quote matches");
    for _ in 0..at {
        keys(&mut app, &["Down"]);
    }
    let q = app.search.hits[app.search.selected].id;
    let (f, _) = cite_first(&mut app, "C-f");
    assert!(cites(&app, f, CitedKind::Quote, q));
    assert_eq!(app.overlay, Some(Overlay::Search), "search stays open");
    // Where nothing can be cited (a Tables cell not opened), it is said so.
    keys(&mut app, &["Esc", "7", "Esc", "f"]);
    assert!(app.modal.is_none());
    let said = app.status.as_deref().unwrap_or("");
    assert!(said.starts_with("nothing here to cite"), "{said}");
}

#[test]
fn a_new_finding_is_made_from_the_picker_with_the_piece_as_its_evidence() {
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    let before = dataset(&app);
    keys(&mut app, &["2", "j", "j"]);
    let question = app.survey.selected_row().unwrap().question.id;
    keys(&mut app, &["f", "ממצא מהסקר", "Up", "Enter"]);
    let screen = render(&app, 120, 36);
    assert!(screen.contains("New finding"), "{screen}");
    keys(&mut app, &["Tab", "ידע", "C-s"]);
    let d = dataset(&app);
    let new = d
        .findings
        .iter()
        .find(|f| !before.findings.iter().any(|b| b.id == f.id))
        .expect("a new finding");
    assert_eq!(new.statement, "ממצא מהסקר");
    assert_eq!(new.area, "ידע");
    assert_eq!(new.evidence.questions, vec![question]);
    assert_eq!(new.cohort, d.cohorts[0].id, "the question's cohort");
    keys(&mut app, &["u"]);
    assert_eq!(dataset(&app), before);
}

#[test]
fn a_findings_pieces_move_come_out_and_open_in_their_context() {
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    // A finding with two questions or more.
    let d = dataset(&app);
    let f = d
        .findings
        .iter()
        .find(|f| f.evidence.questions.len() >= 2)
        .unwrap()
        .clone();
    keys(&mut app, &["3"]);
    while app.findings.selected_finding().unwrap().id != f.id {
        keys(&mut app, &["j"]);
    }
    // Into the evidence; the second question moved up, then taken out.
    keys(&mut app, &["Enter", "j", "K"]);
    let now = evidence(&app, f.id).questions;
    assert_eq!(now[0], f.evidence.questions[1]);
    assert_eq!(now[1], f.evidence.questions[0]);
    assert_eq!(app.findings.focus, Some(0), "the focus goes with the piece");
    keys(&mut app, &["K"]);
    assert_eq!(app.status.as_deref(), Some("first of its list already"));
    keys(&mut app, &["d"]);
    let now = evidence(&app, f.id).questions;
    assert_eq!(now.len(), f.evidence.questions.len() - 1);
    assert!(!now.contains(&f.evidence.questions[1]));
    // Enter opens the focused piece in its own view; Esc comes back to it.
    keys(&mut app, &["Enter"]);
    assert_eq!(app.view, ViewId::Survey);
    assert_eq!(app.survey.selected_row().unwrap().question.id, now[0]);
    keys(&mut app, &["Esc"]);
    assert_eq!(app.view, ViewId::Findings);
    assert_eq!(app.findings.focus, Some(0));
    keys(&mut app, &["u", "u"]);
    assert_eq!(evidence(&app, f.id), f.evidence);
}

#[test]
fn e_writes_the_report_with_the_cited_quotes_and_the_recommendations_with_their_fate() {
    let (mut app, dir) = app_in(&demo(), Settings::default());
    app.export_dir = dir.path().to_path_buf();
    keys(&mut app, &["6", "j", "Enter"]);
    let quote = app.codebook.quotes.selected_quote().unwrap().text.clone();
    cite_first(&mut app, "f");
    // In Findings, `E` writes the report of the finding's cohort: a page
    // and its Markdown, the cited quote among the finding's evidence.
    keys(&mut app, &["3", "E"]);
    let cohort = app.findings.selected_finding().unwrap().cohort;
    let label = dataset(&app)
        .cohorts
        .iter()
        .find(|c| c.id == cohort)
        .unwrap()
        .label
        .clone();
    let stem = dir.path().join(format!("tovana-report-{label}"));
    let md = std::fs::read_to_string(stem.with_extension("md")).unwrap();
    let start: String = quote.chars().take(12).collect();
    assert!(md.contains(&start), "{start} in {md}");
    assert!(md.contains("Quotes cited"), "{md}");
    let html = std::fs::read_to_string(stem.with_extension("html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains(&start));
    let said = app.status.clone().unwrap_or_default();
    assert!(said.contains(".html") && said.contains(".md"), "{said}");
    // In Cohorts too, a second time beside the first.
    keys(&mut app, &["1", "E"]);
    let said = app.status.clone().unwrap_or_default();
    assert!(said.contains("tovana-report-"), "{said}");
    keys(&mut app, &["4", "E"]);
    let csv = std::fs::read_to_string(dir.path().join("tovana-recommendations.csv")).unwrap();
    let d = dataset(&app);
    let fate = &d.recommendations[0].fate[0];
    assert!(csv.contains("in cohort ג"), "{csv}");
    assert!(csv.contains(&format!("partly — {}", fate.note)), "{csv}");
    assert!(
        app.status
            .as_deref()
            .unwrap_or("")
            .contains("tovana-recommendations.md")
    );
}
