//! The app without a terminal: actions in, state and rendered screens out.
//! `TestBackend` does no bidi, so the snapshots show exactly the cells a
//! terminal would receive.

mod common;

use common::{HEBREW, app_in, app_with, press, render, screen, type_text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tovana::domain::{Coding, Dataset, Document, DocumentKind, Quote, Uptake};
use tovana::interchange::demo;
use tovana::store::Store;
use tovana::store::coding::QuoteFilter;
use tovana::store::search::{Hit, HitKind};
use tovana::tui::app::{Action, App, Overlay, ViewId};
use tovana::tui::{BidiMode, Lang, Settings, views};

#[test]
fn every_view_at_80x24_and_160x48() {
    let (mut app, _dir) = app_with(&demo());
    for view in ViewId::ALL {
        assert!(app.update(Action::Go(view)) || view == ViewId::Cohorts);
        assert_eq!(app.view, view);
        let name = format!("{view:?}").to_lowercase();
        let small = render(&app, 80, 24);
        assert!(!small.contains("needs at least"), "{small}");
        insta::assert_snapshot!(format!("{name}_80x24"), small);
        insta::assert_snapshot!(format!("{name}_160x48"), render(&app, 160, 48));
    }
}

#[test]
fn every_view_in_hebrew() {
    let (mut app, _dir) = app_in(&demo(), HEBREW);
    for view in ViewId::ALL {
        app.update(Action::Go(view));
        let name = format!("{view:?}").to_lowercase();
        insta::assert_snapshot!(format!("{name}_he_100x30"), render(&app, 100, 30));
    }
}

#[test]
fn digits_tab_and_shift_tab_switch_views() {
    let (mut app, _dir) = app_with(&demo());
    assert!(app.update(Action::Go(ViewId::Findings)));
    assert!(!app.update(Action::Go(ViewId::Findings)), "already there");
    press(&mut app, &[Action::NextView, Action::NextView]);
    assert_eq!(app.view, ViewId::Documents);
    press(
        &mut app,
        &[Action::NextView, Action::NextView, Action::NextView],
    );
    assert_eq!(app.view, ViewId::Cohorts);
    press(&mut app, &[Action::PrevView]);
    assert_eq!(app.view, ViewId::Tables);
}

#[test]
fn the_cohort_card_follows_the_selection() {
    let (mut app, _dir) = app_with(&demo());
    assert!(!app.update(Action::Up), "already at the first cohort");
    assert!(app.update(Action::Last));
    assert_eq!(app.cohorts.selected_cohort().unwrap().label, "ג");
    assert_eq!(
        app.cohorts.sessions.len(),
        14,
        "cohort C's sessions were read"
    );
    assert!(!app.update(Action::Down), "already at the last cohort");
    assert!(app.update(Action::First));
    assert_eq!(app.cohorts.selected, 0);
}

#[test]
fn two_cohorts_compared_side_by_side_with_changes_marked() {
    let (mut app, _dir) = app_with(&demo());
    assert!(app.update(Action::Compare), "cohort A pinned");
    let hint = render(&app, 120, 30);
    assert!(hint.contains("Select another cohort"), "{hint}");
    app.update(Action::Last);
    let screen = render(&app, 120, 30);
    assert!(screen.contains("Cohort א ↔ Cohort ג"), "{screen}");
    let row = |name: &str| {
        screen
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or("")
            .to_string()
    };
    let in_person = row("in-person");
    assert!(
        in_person.contains("9 (21 days)")
            && in_person.contains("7 (14 days)")
            && in_person.contains('≠'),
        "{in_person}"
    );
    assert!(row("online").contains("4+"), "{screen}");
    assert!(row("study tour to").contains("קרמנד"), "{screen}");
    insta::assert_snapshot!("cohorts_compare_120x30", screen);
    let (mut he, _dir2) = app_in(&demo(), HEBREW);
    he.update(Action::Compare);
    he.update(Action::Last);
    insta::assert_snapshot!("cohorts_compare_he_120x30", render(&he, 120, 30));
    assert!(app.update(Action::Compare), "c again ends it");
    assert!(render(&app, 120, 30).contains("Participants: 40"));
}

#[test]
fn survey_figures_on_demand_and_sorting_by_top_box() {
    let (mut app, _dir) = app_with(&demo());
    app.update(Action::Go(ViewId::Survey));
    // The first questions of cohort A's questionnaire: recommend, expectations.
    let first = app.survey.selected_row().unwrap().question.wording.clone();
    assert!(first.contains("ממליץ"), "{first}");
    let before = render(&app, 160, 48);
    assert!(before.contains("97%"), "{before}");
    assert!(!before.contains("(30 of 33)"));
    // Down to the tools items; percentages, then counts too.
    while !app
        .survey
        .selected_row()
        .unwrap()
        .question
        .wording
        .contains("קידום תהליכים")
    {
        assert!(app.update(Action::Down));
    }
    let shown = render(&app, 160, 48);
    assert!(
        shown.contains("(30 of 33)") && shown.contains("36%"),
        "{shown}"
    );
    assert!(!shown.contains(" 12  ( 36%)"));
    app.update(Action::ToggleFigures);
    assert!(render(&app, 160, 48).contains(" 12  ( 36%)"));
    // Sorted, each topic's questions go by their top-box figure.
    app.update(Action::SortTopBox);
    let s = &app.survey;
    let mut last: Option<((i64, String), Option<u32>)> = None;
    for &i in &s.order {
        let q = &s.list.slots[i];
        let key = (q.instrument, s.list.topics[q.topic].name.clone());
        let tb = s.top_box(q.id, q.scale);
        if let Some((k, prev)) = &last
            && *k == key
        {
            assert!(
                prev.unwrap_or(0) >= tb.unwrap_or(0),
                "question {} after {prev:?}",
                q.id
            );
        }
        last = Some((key, tb));
    }
    assert!(render(&app, 160, 48).contains("sorted by top box"));
}

#[test]
fn segments_side_by_side_and_the_same_question_in_other_cohorts() {
    let (mut app, _dir) = app_with(&demo());
    app.update(Action::Go(ViewId::Survey));
    // The first question (recommending the program) was asked in cohort C too.
    let screen = render(&app, 160, 48);
    assert!(
        screen.contains("The same question in other cohorts"),
        "{screen}"
    );
    assert!(
        screen.contains("100% (25 of 25)"),
        "cohort C's answer: {screen}"
    );
    while !app
        .survey
        .selected_row()
        .unwrap()
        .question
        .wording
        .contains("קידום תהליכים")
    {
        app.update(Action::Down);
    }
    let screen = render(&app, 160, 48);
    // Both segments' top-box figures side by side: the second's on the
    // same line, or under its segment's name when the name and the figure
    // do not fit one line of its column (a figure is never broken).
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("(30 of 33)"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(
        lines[at..=at + 1]
            .iter()
            .any(|l| l.contains("top box: 55%")),
        "{screen}"
    );
    // In a narrow pane they stand one above the other.
    let narrow = render(&app, 100, 40);
    let line = narrow.lines().find(|l| l.contains("(30 of 33)")).unwrap();
    assert!(!line.contains("as printed"), "{line}");
}

#[test]
fn not_recoverable_items_say_so() {
    let (mut app, _dir) = app_with(&demo());
    app.update(Action::Go(ViewId::Survey));
    while app.survey.selected_row().unwrap().question.topic != "תפיסות ותחושת דחיפות"
    {
        assert!(app.update(Action::Down));
    }
    assert!(render(&app, 160, 48).contains("cannot be read from the source without doubt"));
}

#[test]
fn evidence_is_followed_and_esc_comes_back_to_the_finding() {
    let (mut app, _dir) = app_with(&demo());
    app.update(Action::Go(ViewId::Findings));
    press(&mut app, &[Action::Down, Action::Down]);
    let finding = app.findings.selected_finding().unwrap().id;
    assert!(app.update(Action::Enter), "into the evidence");
    assert_eq!(app.findings.focus, Some(0));
    assert!(app.update(Action::Enter), "follow the first piece");
    assert_eq!(app.view, ViewId::Survey);
    let q = app.survey.selected_row().unwrap().question.id;
    assert_eq!(
        app.findings.selected_finding().unwrap().evidence.questions[0],
        q
    );
    assert!(app.update(Action::Back));
    assert_eq!(app.view, ViewId::Findings);
    assert_eq!(app.findings.selected_finding().unwrap().id, finding);
    assert_eq!(app.findings.focus, Some(0), "still in the evidence");
    assert!(app.update(Action::Back));
    assert_eq!(app.findings.focus, None);
    assert_eq!(app.view, ViewId::Findings);
}

#[test]
fn a_code_in_the_evidence_opens_its_quotes() {
    let (mut app, _dir) = app_with(&demo());
    app.update(Action::Go(ViewId::Findings));
    // The first finding rests on two questions, then two codes.
    app.update(Action::Enter);
    press(&mut app, &[Action::Down, Action::Down, Action::Down]);
    app.update(Action::Enter);
    assert_eq!(app.view, ViewId::Codebook);
    let code = app
        .codebook
        .quotes
        .filter
        .code
        .expect("filtered by the code");
    assert_eq!(app.codebook.selected_code().unwrap().id, code);
    let n = app
        .store()
        .count_quotes(&QuoteFilter {
            code: Some(code),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(app.codebook.quotes.total, n);
    assert_eq!(n, 20, "exposure to digital processes: 20 respondents");
    assert_eq!(app.codebook.by_cohort, vec![("א".to_string(), 20)]);
    assert!(app.update(Action::Back));
    assert_eq!(app.view, ViewId::Findings);
}

#[test]
fn a_recommendations_status_in_each_later_cohort_cycles_and_is_saved() {
    let (mut app, dir) = app_with(&demo());
    app.update(Action::Go(ViewId::Recommendations));
    app.update(Action::Down);
    let id = app.recs.recs[1].id;
    let d = demo();
    let (b, c) = (d.cohorts[1].id, d.cohorts[2].id);
    let status = |app: &tovana::tui::app::App, cohort| app.recs.recs[1].fate_in(cohort).0;
    // Cohort A's: judged in C, its later cohorts B and C both shown.
    assert_eq!(status(&app, c), Uptake::Unknown);
    assert_eq!(status(&app, b), Uptake::Unknown);
    let screen = render(&app, 120, 36);
    assert!(
        screen.contains("[Cohort ב ?]") && screen.contains("Cohort ג ?"),
        "{screen}"
    );
    // s sets B's, the first later cohort; ] goes to C.
    assert!(app.update(Action::CycleUptake));
    assert_eq!(status(&app, b), Uptake::TakenUp);
    assert_eq!(app.status.as_deref(), Some("saved: taken up"));
    app.update(Action::LaterCohort);
    app.update(Action::CycleUptake);
    app.update(Action::CycleUptake);
    assert_eq!(status(&app, c), Uptake::Partly);
    // The note written for C stays with C's status.
    let note = app.recs.recs[1].fate_in(c).1.to_string();
    assert!(note.contains("ג"), "{note}");
    // It is in the file, not only on screen.
    let other = Store::open(&dir.path().join("t.sqlite")).unwrap();
    let saved = other
        .recommendations()
        .unwrap()
        .into_iter()
        .find(|r| r.id == id)
        .unwrap();
    assert_eq!(saved.fate_in(b).0, Uptake::TakenUp);
    assert_eq!(saved.fate_in(c), (Uptake::Partly, note.as_str()));
    // Undone one by one, back to how it was.
    press(&mut app, &[Action::Undo, Action::Undo, Action::Undo]);
    assert_eq!(
        app.recs.recs.iter().find(|r| r.id == id).unwrap().fate,
        d.recommendations[1].fate
    );
}

#[test]
fn a_long_list_is_read_a_page_at_a_time() {
    // A store with 1,000 quotes on one document.
    let mut d = demo();
    let doc = d.documents.iter().map(|x| x.id).max().unwrap() + 1;
    let text: String = (0..1000).map(|i| format!("ציטוט מספר {i:04}.\n")).collect();
    d.documents.push(Document {
        id: doc,
        cohort: d.cohorts[0].id,
        instrument: None,
        kind: DocumentKind::OpenEnded,
        title: "הרבה ציטוטים".into(),
        text: text.clone(),
        illustrative: true,
        notes: String::new(),
        ..Default::default()
    });
    let first_id = d.quotes.iter().map(|q| q.id).max().unwrap() + 1;
    let mut pos = 0u32;
    for i in 0..1000i64 {
        let line = format!("ציטוט מספר {i:04}.");
        let len = line.chars().count() as u32;
        d.quotes.push(Quote {
            id: first_id + i,
            document: doc,
            start: pos,
            end: pos + len,
            role: "מרואיין".into(),
            ..Default::default()
        });
        d.codings.push(Coding {
            id: 10_000 + i,
            quote: first_id + i,
            code: d.codes[0].id,
            coder: d.coders[0].id,
            memo: String::new(),
            created: "2026-11-01T00:00:00Z".into(),
            ..Default::default()
        });
        pos += len + 1;
    }
    let (mut app, _dir) = app_with(&d);
    // The codebook's first code now holds the 1,000 quotes (and its children's 45).
    app.update(Action::Go(ViewId::Codebook));
    assert_eq!(app.codebook.selected_code().unwrap().id, d.codes[0].id);
    let quotes = |app: &App| app.codebook.quotes.total;
    assert_eq!(quotes(&app), 1045);
    app.update(Action::Enter);
    assert!(app.codebook.focus);
    app.update(Action::Last);
    assert_eq!(app.codebook.quotes.selected, 1044);
    assert!(
        app.codebook.quotes.selected_quote().is_some(),
        "the last page was read"
    );
    assert!(render(&app, 100, 30).contains("1045 of 1045"));
    app.update(Action::First);
    for _ in 0..60 {
        app.update(Action::PageDown);
    }
    assert_eq!(app.codebook.quotes.selected, 600);
    let q = app.codebook.quotes.selected_quote().unwrap().text.clone();
    assert!(q.starts_with("ציטוט מספר"), "{q}");
    press(&mut app, &[Action::PageUp, Action::PageUp]);
    assert_eq!(app.codebook.quotes.selected, 580);
    // Enter opens the quote in its document, the cursor on it.
    app.update(Action::Enter);
    assert_eq!(app.view, ViewId::Documents);
    let r = app.documents.reader.as_ref().expect("the document is open");
    assert_eq!(r.doc.id, doc);
    // The children's 45 quotes (earlier documents) come first in the list.
    assert_eq!(r.cursor, (580 - 45) * "ציטוט מספר 0000.\n".chars().count());
    assert!(app.update(Action::Back), "Esc closes the document");
    assert!(app.update(Action::Back), "and Esc again goes back");
    assert_eq!(app.view, ViewId::Codebook);
}

#[test]
fn search_finds_hebrew_with_prefixes_and_jumps_to_the_hit() {
    let (mut app, _dir) = app_with(&demo());
    app.update(Action::Go(ViewId::Survey));
    assert!(app.update(Action::OpenSearch));
    assert_eq!(app.overlay, Some(Overlay::Search));
    type_text(&mut app, "סיור");
    let kinds: Vec<_> = app.search.hits.iter().map(|h| h.kind).collect();
    assert!(!kinds.is_empty());
    // The matched words are marked, and only they: every run of marked
    // cells holds a form of סיור (drawn right to left: רויס).
    let buf = common::buffer(&app, 100, 30);
    let mut runs = vec![];
    for y in 0..30 {
        let mut run = String::new();
        for x in 0..100 {
            let cell = &buf[(x, y)];
            if cell.modifier.contains(ratatui::style::Modifier::UNDERLINED) {
                run.push_str(cell.symbol());
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
    }
    assert!(runs.len() >= 3, "{runs:?}");
    assert!(runs.iter().all(|r| r.contains("רויס")), "{runs:?}");
    let screen = render(&app, 100, 30);
    assert!(screen.contains("Sessions"), "{screen}");
    // "הסיור", "בסיור" are found through the prefixes.
    assert!(
        app.search
            .hits
            .iter()
            .any(|h| h.text.contains("בסיור") || h.text.contains("הסיור"))
    );
    // Down to the session hit, and in.
    down_to_hit(&mut app, HitKind::Session, "a session is found");
    assert!(app.update(Action::Enter));
    assert_eq!(app.overlay, None);
    assert_eq!(app.view, ViewId::Cohorts);
    assert_eq!(
        app.cohorts.selected_cohort().unwrap().label,
        "ג",
        "the Denmark tour is cohort C's"
    );
    assert!(app.update(Action::Back));
    assert_eq!(app.view, ViewId::Survey);
    // `/` again starts a new query; Up brings the last one back, and
    // Backspace takes characters off it; Esc closes.
    common::keys(&mut app, &["/"]);
    assert_eq!(app.search.query, "");
    assert!(app.search.hits.is_empty());
    common::keys(&mut app, &["Up"]);
    assert_eq!(app.search.query, "סיור");
    assert!(!app.search.hits.is_empty());
    common::keys(&mut app, &["Backspace"]);
    assert_eq!(app.search.query, "סיו");
    // Ctrl-n and Ctrl-p move through the hits without touching the query.
    common::keys(&mut app, &["C-n", "C-n"]);
    assert_eq!((app.search.selected, app.search.query.as_str()), (2, "סיו"));
    common::keys(&mut app, &["C-p"]);
    assert_eq!(app.search.selected, 1);
    common::keys(&mut app, &["Esc"]);
    assert_eq!(app.overlay, None);
}

#[test]
fn a_document_found_by_its_title_opens_in_the_reader_and_esc_comes_back() {
    let mut d = demo();
    d.documents[1].title = "תמליל ייחודי מאוד".into();
    let (mut app, _dir) = app_with(&d);
    app.update(Action::Go(ViewId::Findings));
    common::keys(&mut app, &["/"]);
    type_text(&mut app, "ייחודי");
    down_to_hit(&mut app, HitKind::Document, "the document is found");
    let screen = render(&app, 100, 30);
    assert!(screen.contains("Documents"), "{screen}");
    common::keys(&mut app, &["Enter"]);
    assert_eq!(app.view, ViewId::Documents);
    assert_eq!(
        app.documents.reader.as_ref().map(|r| r.doc.id),
        Some(d.documents[1].id)
    );
    common::keys(&mut app, &["Esc"]);
    assert_eq!(app.view, ViewId::Findings);
}

#[test]
fn an_empty_store_says_what_to_do_next_in_every_view() {
    let (mut app, _dir) = app_with(&Dataset::default());
    // It starts by asking for the program's name; Esc leaves it for later.
    let asked = render(&app, 80, 24);
    assert!(
        asked.contains("New program") && asked.contains("Name"),
        "{asked}"
    );
    app.update(Action::Back);
    assert!(app.modal.is_none());
    for view in ViewId::ALL {
        app.update(Action::Go(view));
        let text = render(&app, 80, 24);
        let hint = match view {
            ViewId::Cohorts => "n adds the first, P names the program",
            ViewId::Survey => "i in Cohorts adds an instrument",
            ViewId::Findings | ViewId::Recommendations => "n adds one",
            ViewId::Documents => "tovana import transcript",
            ViewId::Codebook => "N creates one",
            ViewId::Tables => "(5) applies a code",
        };
        assert!(text.contains(hint), "{view:?}:\n{text}");
    }
    app.update(Action::Go(ViewId::Cohorts));
    insta::assert_snapshot!("cohorts_empty", render(&app, 80, 24));
}

#[test]
fn help_lists_the_keys_of_the_view_and_closes_again() {
    let (mut app, _dir) = app_with(&demo());
    app.update(Action::Go(ViewId::Codebook));
    assert!(app.update(Action::ToggleHelp));
    let screen = render(&app, 100, 30);
    assert!(screen.contains("merge into one"), "{screen}");
    assert!(screen.contains("switch views"), "{screen}");
    assert!(
        !app.update(Action::Down),
        "keys do nothing while help is open"
    );
    assert!(app.update(Action::Back));
    assert!(!render(&app, 100, 30).contains("merge into one"));
    assert!(app.update(Action::Quit));
    assert!(app.quit);
}

#[test]
fn the_first_key_clears_a_status_message() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create(&dir.path().join("t.sqlite"), &demo()).unwrap();
    let mut app = App::new(
        store,
        Some("new store from the demo".into()),
        Settings::default(),
    )
    .unwrap();
    assert!(render(&app, 100, 30).contains("new store from the demo"));
    assert!(
        app.update(Action::Up),
        "nothing moved, but the message went"
    );
    assert!(!render(&app, 100, 30).contains("new store from the demo"));
    assert!(!app.update(Action::Up));
}

#[test]
fn a_terminal_too_small_gets_a_message_not_a_mangled_layout() {
    let (app, _dir) = app_with(&demo());
    let text = render(&app, 79, 24);
    assert!(text.contains("79×24"), "{text}");
    assert!(text.contains("80×24"), "{text}");
}

#[test]
fn control_characters_from_the_store_never_reach_the_screen() {
    let mut d = demo();
    d.cohorts[0].notes = "before\u{1b}[2Jafter\u{7}\u{202e}reversed".into();
    d.findings[0].statement = "ממצא\u{1b}]0;title\u{7} עם קוד".into();
    let (mut app, _dir) = app_with(&d);
    for view in [ViewId::Cohorts, ViewId::Findings] {
        app.update(Action::Go(view));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal.draw(|f| views::draw(&app, f)).unwrap();
        let text = screen(terminal.backend().buffer());
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        assert!(!text.contains('\u{202e}'));
    }
}

#[test]
fn the_hebrew_interface_is_mirrored_and_reads_right_to_left() {
    let (app, _dir) = app_in(&demo(), HEBREW);
    let screen = render(&app, 100, 30);
    // The list is on the right: its first row ends with the marker at the border.
    let first_row = screen.lines().nth(2).unwrap();
    assert!(first_row.trim_end().ends_with("◀│"), "{first_row}");
    assert!(screen.contains("37 :םיפתתשמ"), "{screen}");
    assert!(screen.contains("ימוקמ ןוטלש"), "{screen}");
}

#[test]
fn terminal_mode_hands_over_logical_order() {
    let settings = Settings {
        bidi: BidiMode::Terminal,
        lang: Lang::En,
    };
    let (app, _dir) = app_in(&demo(), settings);
    let screen = render(&app, 100, 30);
    assert!(screen.contains("שלטון מקומי"), "{screen}");
    assert!(!screen.contains("ימוקמ ןוטלש"), "{screen}");
}

/// A pane of Hebrew findings as the findings view draws it.
#[test]
fn a_pane_of_hebrew_findings_at_two_sizes() {
    let (mut app, _dir) = app_in(&demo(), HEBREW);
    app.update(Action::Go(ViewId::Findings));
    let narrow = render(&app, 80, 24);
    let wide = render(&app, 160, 48);
    // The statement is right-aligned against the detail pane's border.
    assert!(
        narrow.lines().nth(2).unwrap().contains("טעמכ││"),
        "{narrow}"
    );
    insta::assert_snapshot!("findings_pane_80x24", narrow);
    insta::assert_snapshot!("findings_pane_160x48", wide);
}

#[test]
fn a_latin_question_in_the_hebrew_survey_keeps_its_figure_in_the_figures_column() {
    let mut data = demo();
    let first = {
        let (app, _dir) = app_with(&data);
        let mut app = app;
        app.update(Action::Go(ViewId::Survey));
        app.survey.selected_row().unwrap().question.id
    };
    let q = data.questions.iter_mut().find(|q| q.id == first).unwrap();
    q.wording = "Net Promoter ITED".into();
    let settings = Settings {
        lang: Lang::He,
        ..Settings::default()
    };
    let (mut app, _dir) = app_in(&data, settings);
    app.update(Action::Go(ViewId::Survey));
    let shown = render(&app, 80, 24);
    let row = shown
        .lines()
        .find(|l| l.contains("ITED") && l.contains('%'))
        .unwrap_or_else(|| panic!("{shown}"));
    // Right to left: the figure first (on the right), then the wording, whose
    // Latin letters keep their order.
    assert!(row.contains("Net Promoter ITED 97%"), "{row}");
    assert!(!row.contains("97% Net"), "{row}");
}

/// Follows evidence, a quote and a search hit, three levels deep, and comes
/// back along them: each place as it was left (view, selection, what had
/// the keys, the cursor in the document), with Esc and with Ctrl-o.
#[test]
fn the_jump_list_comes_back_to_each_place_as_it_was_several_levels_deep() {
    let (mut app, _dir) = app_with(&demo());
    common::keys(&mut app, &["3"]);
    // A finding whose evidence cites a code: into its evidence, onto the code.
    let (finding, piece) = (0..app.findings.findings.len())
        .find_map(|i| {
            app.findings.selected = i;
            app.findings.findings[i]
                .evidence
                .codes
                .first()
                .map(|_| (i, app.findings.findings[i].evidence.questions.len()))
        })
        .expect("a finding cites a code");
    app.findings.selected = 0;
    for _ in 0..finding {
        common::keys(&mut app, &["j"]);
    }
    common::keys(&mut app, &["Enter"]);
    for _ in 0..piece {
        common::keys(&mut app, &["j"]);
    }
    let finding_id = app.findings.selected_finding().unwrap().id;
    assert_eq!(app.findings.focus, Some(piece));
    // 1: the code, in the Codebook; its third quote.
    common::keys(&mut app, &["Enter"]);
    assert_eq!(app.view, ViewId::Codebook);
    let code = app.codebook.selected_code().unwrap().id;
    common::keys(&mut app, &["Enter", "j", "j"]);
    assert!(app.codebook.focus);
    // 2: the quote, in its document; the cursor moved on by two words.
    common::keys(&mut app, &["Enter"]);
    assert!(app.reading());
    common::keys(&mut app, &["w", "w"]);
    let (doc, cursor) = {
        let r = app.documents.reader.as_ref().unwrap();
        (r.doc.id, r.cursor)
    };
    // 3: a search hit in another document.
    let other = app
        .documents
        .docs
        .iter()
        .find(|d| d.id != doc)
        .expect("a second document")
        .id;
    let word = {
        let text = app.store().open_document(other).unwrap().text;
        text.split_whitespace()
            .find(|w| w.chars().count() >= 6 && w.chars().all(char::is_alphabetic))
            .unwrap()
            .to_string()
    };
    common::keys(&mut app, &["/"]);
    type_text(&mut app, &word);
    let at = app
        .search
        .hits
        .iter()
        .position(|h| {
            h.kind == tovana::store::search::HitKind::Quote
                && app.store().quote_place(h.id).unwrap().0 == other
        })
        .expect("a quote of the other document is found");
    for _ in 0..at {
        common::keys(&mut app, &["Down"]);
    }
    common::keys(&mut app, &["Enter"]);
    assert!(app.reading());
    assert_eq!(app.documents.reader.as_ref().unwrap().doc.id, other);
    // Back: Esc closes the hit's document and reopens the first at its cursor.
    common::keys(&mut app, &["Esc"]);
    assert!(app.reading());
    let r = app.documents.reader.as_ref().unwrap();
    assert_eq!((r.doc.id, r.cursor), (doc, cursor));
    // Back: the Codebook, its quotes with the keys, the third selected.
    common::keys(&mut app, &["Esc"]);
    assert_eq!(app.view, ViewId::Codebook);
    assert_eq!(app.codebook.selected_code().unwrap().id, code);
    assert!(app.codebook.focus);
    assert_eq!(app.codebook.quotes.selected, 2);
    // Ctrl-o goes straight back past the quotes' keys: the finding, its
    // evidence in focus on the code.
    common::keys(&mut app, &["C-o"]);
    assert_eq!(app.view, ViewId::Findings);
    assert_eq!(app.findings.selected_finding().unwrap().id, finding_id);
    assert_eq!(app.findings.focus, Some(piece));
    // Nothing further back: said, and nothing moves.
    common::keys(&mut app, &["C-o"]);
    assert_eq!(app.view, ViewId::Findings);
    assert_eq!(app.status.as_deref(), Some("no jump to go back along"));
}

#[test]
fn a_cells_title_keeps_a_codes_final_question_mark_with_the_code() {
    let mut d = demo();
    let first = d.codes.iter().position(|c| c.parent.is_none()).unwrap();
    d.codes[first].name = "מה נענה?".into();
    let (mut app, _dir) = app_with(&d);
    app.update(Action::Go(ViewId::Tables));
    let row = app
        .tables
        .table
        .rows
        .iter()
        .position(|r| r.label == "מה נענה?")
        .expect("the code has a row");
    for _ in 0..row {
        app.update(Action::Down);
    }
    let screen = render(&app, 100, 30);
    // Visual order: the code read right to left with its "?" at its end
    // (the left), then the column, in an English line.
    assert!(screen.contains("?הנענ המ × cohort"), "{screen}");
}

#[test]
fn a_moderators_question_nobody_quoted_is_found_and_opens_where_it_stands() {
    let (mut app, _dir) = app_with(&demo());
    common::keys(&mut app, &["/"]);
    assert_eq!(app.overlay, Some(Overlay::Search));
    type_text(&mut app, "הקורונה");
    let hit = down_to_hit(
        &mut app,
        HitKind::Passage,
        "the question, outside every quote, is found",
    );
    assert!(hit.text.starts_with("מנחה:"), "{}", hit.text);
    let screen = render(&app, 100, 40);
    assert!(screen.contains("Text outside quotes"), "{screen}");
    assert!(app.update(Action::Enter));
    assert_eq!(app.view, ViewId::Documents);
    let (doc, start) = app.store().passage_place(hit.id).unwrap();
    let r = app.documents.reader.as_ref().expect("the document is open");
    assert_eq!(r.doc.id, doc);
    assert_eq!(r.cursor, start);
    let from: String = r
        .doc
        .text
        .chars()
        .skip(start)
        .take(hit.text.chars().count())
        .collect();
    assert_eq!(from, hit.text, "the cursor stands on the passage");
    assert!(
        app.update(Action::Back),
        "Esc goes back to where the search began"
    );
}

/// Moves the search's selection down to its first hit of `kind`, and gives
/// that hit.
fn down_to_hit(app: &mut App, kind: HitKind, found: &str) -> Hit {
    let at = app
        .search
        .hits
        .iter()
        .position(|h| h.kind == kind)
        .expect(found);
    for _ in 0..at {
        app.update(Action::Down);
    }
    app.search.hits[at].clone()
}
