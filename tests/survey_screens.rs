//! The Survey view over answers row by row, as a person sees it: a Hebrew
//! rating item all together and split by sector (each segment's bar, n,
//! missing answers and the flag under 5), and a numeric item's mean,
//! median and distribution, in Hebrew and in English.

mod common;

use common::{HEBREW, render};
use tovana::interchange::{demo, survey};
use tovana::store::Store;
use tovana::tui::app::{Action, App, Target, ViewId};
use tovana::tui::{Settings, views::survey::Split};

const EXPORT: &str = "מזהה,מגזר,באיזו מידה רכשת ידע חדש?,ותק בתפקיד,תפקיד\n\
A1,רשות מקומית,במידה רבה מאוד,4,בכיר\n\
A2,רשות מקומית,במידה רבה,12,זוטר\n\
A3,ממשלה,בכלל לא,7,בכיר\n\
A4,רשות מקומית,במידה רבה מאוד,1,זוטר\n\
A5,ממשלה,במידה רבה,20,זוטר\n\
A6,רשות מקומית,במידה מועטה,,בכיר\n\
A7,רשות מקומית,,9,בכיר\n";

/// The demo with the export imported into cohort A's end questionnaire,
/// in a store of a folder of its own.
fn store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::create(&dir.path().join("t.sqlite"), &demo()).unwrap();
    let file = dir.path().join("end.csv");
    std::fs::write(&file, EXPORT).unwrap();
    let map = dir.path().join("end.toml");
    std::fs::write(&map, survey::map_text(&file).unwrap()).unwrap();
    survey::import_file(&mut store, &file, &map, "2").unwrap();
    (store, dir)
}

/// An app on [`store`], on the imported rating item.
fn app(settings: Settings) -> (App, tempfile::TempDir, [i64; 2]) {
    let (store, dir) = store();
    let path = store.path().to_path_buf();
    let q = |field: &str| {
        store
            .dataset()
            .unwrap()
            .questions
            .iter()
            .find(|q| q.field == field)
            .unwrap()
            .id
    };
    let ids = [q("באיזו מידה רכשת ידע חדש?"), q("ותק בתפקיד")];
    drop(store);
    let mut app = App::new(Store::open(&path).unwrap(), None, settings).unwrap();
    app.update(Action::Go(ViewId::Survey));
    app.jump(Target::Question(ids[0]));
    (app, dir, ids)
}

#[test]
fn a_rating_item_all_together_and_split_by_sector() {
    for (name, settings) in [("en", Settings::default()), ("he", HEBREW)] {
        let (mut app, _dir, _) = app(settings);
        let whole = render(&app, 120, 36);
        assert!(whole.contains("n=6 · 1"), "{whole}");
        insta::assert_snapshot!(format!("survey_answers_{name}"), whole);
        app.update(Action::NextSplit);
        assert_eq!(app.survey.answers.split, Split::Attribute("מגזר".into()));
        insta::assert_snapshot!(format!("survey_split_{name}"), render(&app, 120, 36));
        // The next attribute, then round again: no split.
        app.update(Action::NextSplit);
        assert_eq!(app.survey.answers.split, Split::Attribute("תפקיד".into()));
        app.update(Action::NextSplit);
        assert_eq!(app.survey.answers.split, Split::None);
    }
}

#[test]
fn a_numeric_item_shows_its_mean_median_and_distribution() {
    let (mut app, _dir, ids) = app(HEBREW);
    app.jump(Target::Question(ids[1]));
    let screen = render(&app, 120, 36);
    insta::assert_snapshot!("survey_numeric_he", screen);
    // Mean of 4, 12, 7, 1, 20, 9 (one left it): 8.8; median 8.
    assert!(screen.contains("8.8"), "{screen}");
}

#[test]
fn a_finding_citing_an_answered_question_shows_its_answers() {
    let (mut store, _dir) = store();
    let path = store.path().to_path_buf();
    let d = store.dataset().unwrap();
    let q = d
        .questions
        .iter()
        .find(|q| q.field == "באיזו מידה רכשת ידע חדש?")
        .unwrap()
        .id;
    let finding = d.findings[0].id;
    store
        .cite(
            finding,
            tovana::domain::Cited {
                kind: tovana::domain::CitedKind::Question,
                id: q,
            },
        )
        .unwrap();
    drop(store);
    let mut app = App::new(Store::open(&path).unwrap(), None, Settings::default()).unwrap();
    app.update(Action::Go(ViewId::Findings));
    app.jump(Target::Finding(finding));
    let screen = render(&app, 160, 48);
    // Four of the six who answered chose a top-box option.
    assert!(screen.contains("all   top box: 67% (4 of 6)"), "{screen}");
}

#[test]
fn w_counts_only_the_respondents_with_one_value_of_an_attribute() {
    let (mut app, _dir, _) = app(Settings::default());
    app.update(Action::SurveyFilter);
    // The list: everyone, then each attribute's values with their counts.
    let list = render(&app, 120, 36);
    assert!(list.contains("everyone"), "{list}");
    // (Drawn in visual order: each Hebrew piece reads from its right, the
    // pieces in the English interface's order; 2 respondents have it.)
    assert!(list.contains("רזגמ = הלשממ · 2"), "{list}");
    // ממשלה is the first value of מגזר, after "everyone".
    app.update(Action::Down);
    app.update(Action::Enter);
    assert_eq!(
        app.survey.answers.filters,
        [("מגזר".to_string(), "ממשלה".to_string())]
    );
    let screen = render(&app, 120, 36);
    // A3 said "not at all", A5 "much": two respondents, one in the top box.
    assert!(screen.contains("top box: 50% (1 of 2)"), "{screen}");
    assert!(screen.contains("only"), "{screen}");
    // A second attribute narrows further: the senior ones among them (A3).
    // The list: everyone, מגזר's two values, then תפקיד's.
    app.update(Action::SurveyFilter);
    for _ in 0..3 {
        app.update(Action::Down);
    }
    app.update(Action::Enter);
    assert_eq!(app.survey.answers.filters.len(), 2);
    let screen = render(&app, 120, 36);
    assert!(screen.contains("top box: 0% (0 of 1)"), "{screen}");
    // Another value of the same attribute takes its place.
    app.update(Action::SurveyFilter);
    for _ in 0..2 {
        app.update(Action::Down);
    }
    app.update(Action::Enter);
    assert_eq!(
        app.survey.answers.filters,
        [
            ("תפקיד".to_string(), "בכיר".to_string()),
            ("מגזר".to_string(), "רשות מקומית".to_string())
        ]
    );
    // Everyone again.
    app.update(Action::SurveyFilter);
    app.update(Action::Enter);
    assert!(app.survey.answers.filters.is_empty());
    assert!(render(&app, 120, 36).contains("top box: 67% (4 of 6)"));
}

#[test]
fn a_respondent_found_by_search_opens_as_a_card_and_esc_closes_it() {
    for (name, settings) in [("en", Settings::default()), ("he", HEBREW)] {
        let (mut app, _dir, ids) = app(settings);
        let hit = app
            .store()
            .search("A6", 10)
            .unwrap()
            .into_iter()
            .find(|h| h.kind == tovana::domain::HitKind::Respondent)
            .expect("A6 is found");
        app.jump(Target::Respondent(hit.id));
        let card = render(&app, 120, 36);
        // A6: local authority, senior, "a little", no years given.
        assert!(card.contains("A6"), "{card}");
        assert!(card.contains("הטעומ הדימב"), "{card}");
        insta::assert_snapshot!(format!("survey_respondent_{name}"), card);
        // Over the first question they answered.
        assert_eq!(
            app.survey.selected_row().map(|r| r.question.id),
            Some(ids[0])
        );
        app.update(Action::Back);
        assert!(app.survey.respondent.is_none());
        assert!(!render(&app, 120, 36).contains("A6"));
    }
}

/// Open answers coded by two coders: the role table's columns become the
/// values of a respondents' attribute with `b`, counted as a recount of
/// the codings says, each cell opening its own quotes.
#[test]
fn b_makes_the_role_tables_columns_a_respondents_attribute() {
    use tovana::store::marking::Dimension;
    use tovana::store::tables::Column;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::create(&dir.path().join("t.sqlite"), &demo()).unwrap();
    let file = dir.path().join("open.csv");
    std::fs::write(
        &file,
        "מזהה,מגזר,מה למדת בתוכנית?\n\
         A1,רשות מקומית,למדתי לעבוד עם נתונים פתוחים\n\
         A2,ממשלה,למדתי לנהל ספקים של מערכות מידע\n\
         A3,רשות מקומית,למדתי להציג לוחות מחוונים להנהלה\n\
         A4,,למדתי שיתוף ציבור ברשת\n",
    )
    .unwrap();
    let map = dir.path().join("open.toml");
    std::fs::write(&map, survey::map_text(&file).unwrap()).unwrap();
    survey::import_file(&mut store, &file, &map, "2").unwrap();
    let d = store.dataset().unwrap();
    let answers: Vec<&tovana::domain::Quote> =
        d.quotes.iter().filter(|q| q.respondent.is_some()).collect();
    assert_eq!(answers.len(), 4);
    let code = d.codes[0].id;
    let (dana, noa) = (
        store.coder_named("דנה").unwrap(),
        store.coder_named("נועה").unwrap(),
    );
    // Dana codes every answer; Noa the first two (one quote, two coders:
    // counted once).
    for (i, q) in answers.iter().enumerate() {
        let (s, e) = (q.start as usize, q.end as usize);
        store.apply_code(q.document, s, e, code, dana).unwrap();
        if i < 2 {
            store.apply_code(q.document, s, e, code, noa).unwrap();
        }
    }
    let by = Dimension::Attribute("מגזר".into());
    let m = store.code_matrix(&by, None, false).unwrap();
    let count = |value: &str| {
        let at = m
            .columns
            .iter()
            .position(|c| {
                *c == Column::Attribute {
                    name: "מגזר".into(),
                    value: value.into(),
                }
            })
            .unwrap_or_else(|| panic!("{value} in {:?}", m.columns));
        m.cells
            .iter()
            .filter(|(c, col, _)| *c == code && *col == at)
            .map(|x| x.2)
            .sum::<usize>()
    };
    // A recount from the respondents: two local, one central, one without;
    // the demo's coded transcripts are no respondent's and are not counted.
    assert_eq!((count("רשות מקומית"), count("ממשלה"), count("")), (2, 1, 1));
    assert_eq!(m.cells.iter().map(|c| c.2).sum::<usize>(), 4);
    // Noa's alone: A1 (local) and A2 (central).
    let noas = store.code_matrix(&by, Some(noa), false).unwrap();
    assert_eq!(noas.cells.iter().map(|c| c.2).sum::<usize>(), 2);
    drop(store);
    // In the app: `t` to the role table, `b` to the attribute.
    let path = dir.path().join("t.sqlite");
    let mut app = App::new(Store::open(&path).unwrap(), None, HEBREW).unwrap();
    app.update(Action::Go(ViewId::Tables));
    app.update(Action::NextTable);
    app.update(Action::NextSplit);
    assert_eq!(app.tables.attribute.as_deref(), Some("מגזר"));
    let screen = render(&app, 120, 36);
    assert!(screen.contains("רזגמ־ו דוק יפל םיטוטיצ"), "{screen}");
    insta::assert_snapshot!("tables_by_attribute_he", screen);
    // The cell under the cursor opens the quotes of its value alone.
    let table = &app.tables.table;
    let (row, col) = (0..table.rows.len())
        .flat_map(|r| (0..table.columns.len() - 1).map(move |c| (r, c)))
        .find(|&(r, c)| !table.rows[r].cells[c].zero)
        .unwrap();
    let f = table.quotes_of(row, col).unwrap();
    let listed = app.store().count_quotes(&f).unwrap();
    // Each value's cell, the one without it included, opens its own quotes.
    for (c, value) in table
        .columns
        .iter()
        .enumerate()
        .take(table.columns.len() - 1)
    {
        let f = table.quotes_of(row, c).unwrap();
        let shown: usize = table.rows[row].cells[c].text.trim().parse().unwrap();
        assert_eq!(app.store().count_quotes(&f).unwrap(), shown, "{value}");
    }
    let shown: usize = table.rows[row].cells[col].text.trim().parse().unwrap();
    assert_eq!(listed, shown);
    assert!(f.attribute.is_some(), "{f:?}");
    // Round again: speakers' roles.
    app.update(Action::NextSplit);
    assert_eq!(app.tables.attribute, None);
}
