//! The Tables view through actions: cells and their quotes, the four tables,
//! agreement's coders and documents, export to files, and the tables
//! following a coding made in the reader.

mod common;

use common::{HEBREW, app_in, press, render};
use tovana::interchange::demo;
use tovana::tui::Settings;
use tovana::tui::app::{Action, App, Overlay, ViewId};
use tovana::tui::views::tables::TableKind;

fn tables(settings: Settings) -> (App, tempfile::TempDir) {
    let (mut app, dir) = app_in(&demo(), settings);
    app.export_dir = dir.path().to_path_buf();
    app.update(Action::Go(ViewId::Tables));
    (app, dir)
}

fn cell_text(app: &App) -> String {
    app.tables
        .cell()
        .map(|c| c.text.clone())
        .unwrap_or_default()
}

#[test]
fn a_cell_lists_its_quotes_and_a_quote_opens_in_its_document() {
    let (mut app, _dir) = tables(Settings::default());
    assert_eq!(app.tables.kind, TableKind::ByCohort);
    let t = &app.tables.table;
    assert_eq!(t.columns, ["cohort א", "cohort ג", "total"]);
    // The first code, with its four children: 45 quotes, all of cohort A.
    assert_eq!(t.rows[0].label, "ציפיות שנענו");
    assert_eq!(cell_text(&app), "45");
    assert_eq!(app.tables.quotes.total, 45);
    // Cohort C has none of them: an empty cell, nothing to open.
    assert!(app.update(Action::Right));
    assert_eq!(cell_text(&app), "");
    assert_eq!(app.tables.quotes.total, 0);
    assert!(!app.update(Action::Enter));
    // The total, then past the last column nothing moves.
    press(&mut app, &[Action::Right]);
    assert_eq!(cell_text(&app), "45");
    assert!(!app.update(Action::Right));
    // Down to the first child: its 20 quotes.
    press(&mut app, &[Action::Down]);
    assert_eq!(cell_text(&app), "20");
    assert_eq!(app.tables.quotes.total, 20);
    press(&mut app, &[Action::Enter, Action::Down]);
    assert!(app.tables.focus);
    let quote = app.tables.quotes.selected_quote().unwrap().clone();
    assert_eq!(app.tables.quotes.selected, 1);
    let screen = render(&app, 120, 30);
    assert!(screen.contains("[2 of 20] ●"), "{screen}");
    app.update(Action::Enter);
    assert!(app.reading());
    let r = app.documents.reader.as_ref().unwrap();
    assert!(r.marks.iter().any(|m| m.quote == quote.id));
    // Esc closes the document, Esc again comes back to the cell.
    press(&mut app, &[Action::Back, Action::Back]);
    assert_eq!(app.view, ViewId::Tables);
    assert_eq!(cell_text(&app), "20");
}

#[test]
fn the_four_tables_in_turn_with_and_without_the_children() {
    let (mut app, _dir) = tables(Settings::default());
    press(&mut app, &[Action::ToggleChildren]);
    // Alone, the parent has no quotes of its own.
    assert!(app.tables.alone);
    assert_eq!(cell_text(&app), "");
    assert!(
        app.tables
            .table
            .title
            .starts_with("Quotes by code and cohort · ")
    );
    press(&mut app, &[Action::NextTable]);
    assert_eq!(app.tables.kind, TableKind::ByRole);
    assert_eq!(app.tables.table.columns.last().unwrap(), "total");
    assert_eq!(app.tables.table.columns[0], "נציג/ת רשות מקומית");
    press(&mut app, &[Action::NextTable]);
    assert_eq!(app.tables.kind, TableKind::Cooccurrence);
    let t = &app.tables.table;
    assert_eq!(t.rows.len(), t.columns.len());
    // The diagonal holds each code's own quotes.
    assert_eq!(cell_text(&app), app.tables.quotes.total.to_string());
    press(&mut app, &[Action::NextTable]);
    assert_eq!(app.tables.kind, TableKind::Agreement);
    press(&mut app, &[Action::NextTable]);
    assert_eq!(app.tables.kind, TableKind::ByCohort);
}

#[test]
fn agreement_between_the_coders_the_user_chooses_on_the_documents_chosen() {
    let (mut app, _dir) = tables(HEBREW);
    press(
        &mut app,
        &[Action::NextTable, Action::NextTable, Action::NextTable],
    );
    let title = app.tables.table.title.clone();
    assert!(
        title.contains("A = צוות ההערכה, B = מקודד/ת שני/ה"),
        "{title}"
    );
    assert!(title.contains("מסמכים ששניהם קודדו (1)"), "{title}");
    let overall = app.tables.table.rows.last().unwrap();
    assert_eq!(overall.label, "כל הקודים");
    let texts: Vec<&str> = overall.cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts[..2], ["22", "22"]);
    insta::assert_snapshot!("tables_agreement_he_100x30", render(&app, 100, 30));
    // All documents: coder A's quotes in cohort A count too.
    press(&mut app, &[Action::CycleSet]);
    assert!(app.tables.table.title.contains("כל המסמכים (6)"));
    let overall = app.tables.table.rows.last().unwrap();
    assert_eq!(overall.cells[0].text, "153");
    // Then each cohort's documents, then back to those both coded.
    press(&mut app, &[Action::CycleSet]);
    assert!(app.tables.table.title.contains("מחזור א"));
    press(&mut app, &[Action::CycleSet, Action::CycleSet]);
    assert!(app.tables.table.title.contains("מסמכים ששניהם קודדו"));
    // Choosing the coders the other way round swaps the columns.
    press(&mut app, &[Action::ChooseCoders]);
    assert_eq!(app.key_overlay(), Some(Overlay::Choosing));
    press(&mut app, &[Action::Digit(2), Action::Digit(1)]);
    assert_eq!(app.key_overlay(), None);
    let title = &app.tables.table.title;
    assert!(
        title.contains("A = מקודד/ת שני/ה, B = צוות ההערכה"),
        "{title}"
    );
}

#[test]
fn e_writes_the_table_and_the_codes_quotes_as_markdown_and_csv() {
    let (mut app, dir) = tables(Settings::default());
    app.update(Action::Export);
    let md = dir.path().join("tovana-codes-by-cohort.md");
    let csv = dir.path().join("tovana-codes-by-cohort.csv");
    assert!(app.status.as_deref().unwrap().starts_with("wrote "));
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.contains("| code | cohort א | cohort ג | total |"),
        "{text}"
    );
    // A zero is written as 0.
    assert!(
        text.contains("\n| ציפיות שנענו | 45 | 0 | 45 |\n"),
        "{text}"
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("\u{feff}code,cohort א,cohort ג,total\r\n"));
    // A second export does not overwrite the first.
    app.update(Action::Export);
    assert!(dir.path().join("tovana-codes-by-cohort-2.csv").exists());
    // The Codebook writes the selected code's quotes.
    press(&mut app, &[Action::Go(ViewId::Codebook), Action::Export]);
    // Named after the code, the filter in the heading.
    let text = std::fs::read_to_string(dir.path().join("tovana-quotes-ציפיות-שנענו.md")).unwrap();
    assert!(text.starts_with("## Quotes of ציפיות שנענו (with its children) · all coders\n"));
    assert_eq!(text.lines().filter(|l| l.starts_with("| א |")).count(), 45);
}

#[test]
fn a_coding_made_in_the_reader_shows_in_the_tables() {
    let (mut app, _dir) = tables(Settings::default());
    app.set_coder("tester").unwrap();
    let before = cell_text(&app);
    // Code the first words of the first document with the first code (a
    // span of its own: the turn's quote as a whole may hold the code already).
    press(&mut app, &[Action::Go(ViewId::Documents), Action::Enter]);
    render(&app, 120, 30);
    press(
        &mut app,
        &[Action::Visual, Action::WordEnd, Action::PickCode],
    );
    assert_eq!(app.key_overlay(), Some(Overlay::Typing));
    for c in "ציפיות שנענו".chars() {
        app.update(Action::Input(c));
    }
    press(&mut app, &[Action::Enter]);
    assert!(app.status.is_some());
    press(&mut app, &[Action::Back, Action::Go(ViewId::Tables)]);
    let after: usize = cell_text(&app).parse().unwrap();
    assert_eq!(after, before.parse::<usize>().unwrap() + 1);
}

#[test]
fn without_codings_or_a_second_coder_the_view_says_what_to_do() {
    let (mut app, dir) = app_in(&tovana::domain::Dataset::default(), Settings::default());
    // An empty store starts by asking for the program's name: not now.
    app.update(Action::Back);
    app.update(Action::Go(ViewId::Tables));
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("No codings yet. c in the document reader"),
        "{screen}"
    );
    press(
        &mut app,
        &[Action::NextTable, Action::NextTable, Action::NextTable],
    );
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Agreement needs two coders"), "{screen}");
    // Choosing coders says the same instead of opening an empty list.
    press(&mut app, &[Action::ChooseCoders]);
    assert!(app.modal.is_none());
    assert_eq!(
        app.status.as_deref(),
        Some("agreement needs at least two coders")
    );
    // No table, no files.
    app.export_dir = dir.path().to_path_buf();
    press(&mut app, &[Action::Export]);
    assert_eq!(app.status.as_deref(), Some("no table here to export"));
    assert!(!dir.path().join("tovana-agreement.md").exists());
}
