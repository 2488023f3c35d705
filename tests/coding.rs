//! Coding flows through actions: open a document, move, select, code,
//! repeat, undo, redo, remove, merge; and what the reader looks like.

mod common;

use common::{HEBREW, app_in, press, render, type_text};
use tovana::interchange::demo;
use tovana::tui::Settings;
use tovana::tui::app::{Action, App, ViewId};

/// Opens the focus group of cohort C (the sixth document) in the reader,
/// on a screen of 120×30 (motions on screen are worked out for its size).
fn open_focus_group(app: &mut App) {
    app.update(Action::Go(ViewId::Documents));
    let i = app
        .documents
        .docs
        .iter()
        .position(|d| d.title.contains("קבוצת מיקוד"))
        .unwrap();
    for _ in 0..i {
        app.update(Action::Down);
    }
    app.update(Action::Resize(120, 30));
    app.update(Action::Enter);
    assert!(app.reading());
}

fn codings(app: &App) -> usize {
    app.store().counts().unwrap().codings as usize
}

#[test]
fn select_code_with_a_new_name_repeat_undo_and_redo() {
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    app.set_coder("בודקת").unwrap();
    open_focus_group(&mut app);
    let before = codings(&app);
    // The second word of the first turn to the end of the third.
    press(
        &mut app,
        &[
            Action::WordForward,
            Action::Visual,
            Action::WordEnd,
            Action::WordEnd,
        ],
    );
    let (s, e) = app.documents.reader.as_ref().unwrap().selection().unwrap();
    let text = app
        .documents
        .reader
        .as_ref()
        .unwrap()
        .selected_text()
        .unwrap();
    assert_eq!(text.split_whitespace().count(), 2, "{text:?}");
    app.update(Action::PickCode);
    type_text(&mut app, "שאלת פתיחה");
    let screen = render(&app, 120, 30);
    // Visual order: the Hebrew name is reversed on screen.
    assert!(screen.contains("+ new code: החיתפ תלאש"), "{screen}");
    app.update(Action::Enter);
    assert_eq!(codings(&app), before + 1);
    let status = app.status.clone().unwrap();
    assert!(status.contains("applied"), "{status}");
    let r = app.documents.reader.as_ref().unwrap();
    assert_eq!(r.anchor, None, "coding ends the selection");
    let mark = r.marks.iter().find(|m| (m.start, m.end) == (s, e)).unwrap();
    let code = mark.code;
    assert_eq!(
        app.codes.iter().find(|c| c.id == code).unwrap().name,
        "שאלת פתיחה"
    );
    // `.` applies it again, to the next turn (the quote under the cursor).
    app.update(Action::TurnForward);
    app.update(Action::RepeatCode);
    assert_eq!(codings(&app), before + 2);
    // The codebook counts it.
    app.update(Action::Go(ViewId::Codebook));
    let row = app
        .codebook
        .rows
        .iter()
        .find(|(c, _, _)| c.id == code)
        .unwrap();
    assert_eq!((row.2.codings, row.2.documents), (2, 1));
    // Undo twice: the second coding goes, then the code with its first
    // coding (made in one step, taken back in one).
    app.update(Action::Undo);
    assert_eq!(codings(&app), before + 1);
    app.update(Action::Undo);
    assert_eq!(codings(&app), before);
    assert!(!app.codes.iter().any(|c| c.id == code), "the code went too");
    assert!(!app.codebook.rows.iter().any(|(c, _, _)| c.id == code));
    app.update(Action::Undo);
    assert_eq!(app.status.as_deref(), Some("nothing to undo"));
    // Redo brings the code back with its coding, then the second coding.
    app.update(Action::Redo);
    assert_eq!(codings(&app), before + 1);
    assert!(app.codes.iter().any(|c| c.id == code));
    app.update(Action::Redo);
    assert_eq!(codings(&app), before + 2);
    assert!(
        app.status
            .clone()
            .unwrap()
            .starts_with("redone: apply code")
    );
}

#[test]
fn recent_codes_in_vivo_and_removing() {
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    app.set_coder("בודקת").unwrap();
    open_focus_group(&mut app);
    let before = codings(&app);
    // In vivo: the selected words become a code, applied to them.
    press(&mut app, &[Action::Visual, Action::WordEnd, Action::InVivo]);
    assert_eq!(codings(&app), before + 1);
    assert_eq!(app.codes.last().unwrap().name, "מנחה");
    // The recent codes list it first; a digit applies it elsewhere.
    // Into the next turn, past the speaker's name to the quote of the turn.
    app.update(Action::TurnForward);
    for _ in 0..10 {
        if !app
            .documents
            .reader
            .as_ref()
            .unwrap()
            .marks_here()
            .is_empty()
        {
            break;
        }
        app.update(Action::WordForward);
    }
    app.update(Action::RecentCodes);
    assert!(render(&app, 120, 30).contains("Recent codes"));
    app.update(Action::Digit(1));
    assert_eq!(codings(&app), before + 2);
    // A second code of this coder's on the same words.
    app.update(Action::PickCode);
    type_text(&mut app, "שני");
    app.update(Action::Enter);
    assert_eq!(codings(&app), before + 3);
    // Under the cursor now: the turn's codes by the demo's coders and this
    // coder's two; x asks which of this coder's own.
    let marks_here = |app: &App| app.documents.reader.as_ref().unwrap().marks_here().len();
    let here = marks_here(&app);
    assert!(here >= 3, "the turn is coded in the demo too");
    app.update(Action::RemoveCoding);
    assert!(app.modal.is_some());
    let screen = render(&app, 120, 30);
    assert!(screen.contains("Remove which coding?"), "{screen}");
    let items = match &app.modal {
        Some(tovana::tui::views::modal::Modal::Choose(c)) => c.items.clone(),
        _ => panic!("a numbered list"),
    };
    assert_eq!(items.len(), 2, "only this coder's codings are offered");
    let n = items
        .iter()
        .position(|(_, t, _)| t.starts_with("מנחה"))
        .unwrap();
    app.update(Action::Digit(n as u8 + 1));
    assert_eq!(codings(&app), before + 2);
    // One of this coder's left here: x removes it at once.
    app.update(Action::RemoveCoding);
    assert!(app.modal.is_none());
    assert_eq!(codings(&app), before + 1);
    assert_eq!(marks_here(&app), here - 2);
    // Only the other coders' codings are here now: x names them and
    // touches none.
    app.update(Action::RemoveCoding);
    assert!(app.modal.is_none());
    assert!(app.status.clone().unwrap().contains("only their own"));
    assert_eq!(codings(&app), before + 1);
    // With one coding under the cursor, x removes it at once.
    press(&mut app, &[Action::First, Action::RemoveCoding]);
    assert!(app.modal.is_none());
    assert_eq!(codings(&app), before);
}

#[test]
fn merging_in_the_codebook_asks_and_undo_restores() {
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    app.update(Action::Go(ViewId::Codebook));
    let before = app.store().dataset().unwrap();
    // The second code (a child with 20 codings) into the third.
    app.update(Action::Down);
    let from = app.codebook.selected_code().unwrap().clone();
    app.update(Action::MergeCode);
    let target = app
        .codes
        .iter()
        .find(|c| c.parent == from.parent && c.id != from.id)
        .unwrap()
        .clone();
    type_text(&mut app, &target.name);
    app.update(Action::Enter);
    // Asked once more, with both codes' paths and what moves.
    let screen = render(&app, 120, 30);
    assert!(screen.contains("20 codings move"), "{screen}");
    assert_eq!(app.codes.len(), before.codes.len(), "nothing merged yet");
    app.update(Action::Yes);
    assert!(app.status.clone().unwrap().starts_with("merged: 20"));
    assert!(!app.codes.iter().any(|c| c.id == from.id));
    // Deleting asks first and says what goes with it.
    let selected = app.codebook.selected_code().unwrap().clone();
    app.update(Action::DeleteCode);
    let screen = render(&app, 120, 30);
    assert!(screen.contains("codings go with it"), "{screen}");
    app.update(Action::Back);
    assert!(
        app.codes.iter().any(|c| c.id == selected.id),
        "Esc keeps it"
    );
    app.update(Action::Undo);
    assert_eq!(app.store().dataset().unwrap(), before);
}

#[test]
fn the_reader_in_hebrew_with_a_selection() {
    let (mut app, _dir) = app_in(&demo(), HEBREW);
    app.set_coder("בודקת").unwrap();
    open_focus_group(&mut app);
    press(
        &mut app,
        &[
            Action::TurnForward,
            Action::Visual,
            Action::Left,
            Action::Left,
            Action::Left,
        ],
    );
    let r = app.documents.reader.as_ref().unwrap();
    // Left on screen is onward in Hebrew: the selection grew forwards.
    let (s, e) = r.selection().unwrap();
    assert_eq!(e - s, 4);
    insta::assert_snapshot!("reader_he_120x30", render(&app, 120, 30));
}

#[test]
fn the_codebook_takes_in_children_however_it_was_first_read() {
    // Read first by an undo in the reader, not by visiting the view.
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    app.set_coder("בודקת").unwrap();
    open_focus_group(&mut app);
    press(&mut app, &[Action::Visual, Action::WordEnd, Action::InVivo]);
    app.update(Action::Undo);
    app.update(Action::Go(ViewId::Codebook));
    app.update(Action::First);
    // The first code holds no quote itself; its children hold 45.
    assert_eq!(app.codebook.by_cohort, vec![("א".to_string(), 45)]);
    assert_eq!(app.codebook.quotes.total, 45);
}

#[test]
fn a_code_memo_takes_several_paragraphs_and_saves_on_ctrl_s() {
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    press(&mut app, &[Action::Go(ViewId::Codebook), Action::Memo]);
    let id = app.codebook.selected_code().unwrap().id;
    type_text(&mut app, "קודם כול");
    // Enter starts a paragraph instead of saving.
    press(&mut app, &[Action::Enter]);
    assert!(app.modal.is_some());
    type_text(&mut app, "then English");
    let screen = render(&app, 100, 30);
    assert!(screen.contains("Ctrl-s save"), "{screen}");
    assert!(screen.contains("↵לוכ םדוק"), "{screen}");
    press(&mut app, &[Action::Save]);
    assert!(app.modal.is_none());
    let code = app.store().codes().unwrap();
    let memo = &code.iter().find(|c| c.id == id).unwrap().memo;
    assert_eq!(memo, "קודם כול\nthen English");
    // Shown as two paragraphs, each in its own direction.
    let screen = render(&app, 100, 30);
    assert!(screen.contains("לוכ םדוק ✎"), "{screen}");
    assert!(screen.contains("│then English"), "{screen}");
    // Undo takes the memo back.
    press(&mut app, &[Action::Undo]);
    let code = app.store().codes().unwrap();
    assert_eq!(code.iter().find(|c| c.id == id).unwrap().memo, "");
}

#[test]
fn the_codebook_shows_a_coding_made_while_its_code_was_selected() {
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    app.set_coder("tester").unwrap();
    // The first code is selected in the Codebook; its frequencies are read.
    app.update(Action::Go(ViewId::Codebook));
    let code = app.codebook.selected_code().unwrap().clone();
    let total = |app: &App| app.codebook.by_cohort.iter().map(|(_, n)| n).sum::<usize>();
    let before = total(&app);
    let quotes = app.codebook.quotes.total;
    // Code a turn of cohort C's focus group with it, in the reader.
    open_focus_group(&mut app);
    press(&mut app, &[Action::PickCode]);
    type_text(&mut app, &code.name);
    press(&mut app, &[Action::Enter]);
    assert!(app.status.as_deref().unwrap().contains("applied"));
    press(&mut app, &[Action::Back, Action::Go(ViewId::Codebook)]);
    assert_eq!(total(&app), before + 1);
    assert!(
        app.codebook
            .by_cohort
            .iter()
            .any(|(c, n)| c == "ג" && *n >= 1)
    );
    assert_eq!(app.codebook.quotes.total, quotes + 1);
    assert_eq!(app.codebook.rows[app.codebook.selected].2.codings, 1);
}

#[test]
fn the_reader_keeps_the_cursor_on_screen_at_any_size() {
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    open_focus_group(&mut app);
    // The last turn: the text scrolls to it.
    press(&mut app, &[Action::Last]);
    let r = app.documents.reader.as_ref().unwrap();
    let small = r.top;
    assert!(small > 0);
    let size = app.reader_size();
    assert_eq!((size.width, size.height), (78, 26));
    let screen = render(&app, 120, 30);
    assert!(screen.contains("of 2"), "{screen}");
    // A larger screen: lines are longer and more of them fit, so the text
    // scrolls less far; motions now page by the larger height.
    app.update(Action::Resize(200, 60));
    let r = app.documents.reader.as_ref().unwrap();
    assert!(r.top < small, "{} < {small}", r.top);
    assert_eq!(app.reader_size().height, 56);
    // And back to the start.
    press(&mut app, &[Action::First]);
    assert_eq!(app.documents.reader.as_ref().unwrap().top, 0);
}

#[test]
fn undo_says_what_it_undid_in_the_interfaces_language() {
    let (mut app, _dir) = app_in(&demo(), HEBREW);
    press(
        &mut app,
        &[Action::Go(ViewId::Codebook), Action::RenameCode],
    );
    let old = app.codebook.selected_code().unwrap().name.clone();
    // The prompt holds the old name: clear it and type the new one.
    for _ in 0..old.chars().count() {
        app.update(Action::DeleteChar);
    }
    type_text(&mut app, "שם חדש");
    press(&mut app, &[Action::Enter, Action::Undo]);
    assert_eq!(
        app.status.as_deref().unwrap(),
        format!("בוטל: שינוי שם הקוד '{old}' ל־'שם חדש'\u{200F}")
    );
    press(&mut app, &[Action::Redo]);
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .starts_with("שוחזר: שינוי שם")
    );
}

#[test]
fn a_coding_with_a_child_code_shows_under_its_selected_parent() {
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    app.set_coder("tester").unwrap();
    // The first code is a parent; its frequencies take in its children's.
    app.update(Action::Go(ViewId::Codebook));
    let parent = app.codebook.selected_code().unwrap().id;
    let child = app.codebook.rows[1].0.clone();
    assert_eq!(child.parent, Some(parent));
    let quotes = app.codebook.quotes.total;
    open_focus_group(&mut app);
    press(&mut app, &[Action::PickCode]);
    type_text(&mut app, &child.name);
    press(&mut app, &[Action::Enter]);
    assert!(app.status.as_deref().unwrap().contains("applied"));
    press(&mut app, &[Action::Back, Action::Go(ViewId::Codebook)]);
    assert_eq!(app.codebook.selected_code().unwrap().id, parent);
    assert_eq!(app.codebook.quotes.total, quotes + 1);
}

#[test]
fn a_second_window_of_another_coder_cannot_undo_the_first_ones_coding() {
    let (mut first, dir) = app_in(&demo(), Settings::default());
    first.set_coder("ראשונה").unwrap();
    open_focus_group(&mut first);
    let before = codings(&first);
    press(
        &mut first,
        &[Action::Visual, Action::WordEnd, Action::InVivo],
    );
    assert_eq!(codings(&first), before + 1);
    // A second window on the same file, as another coder.
    let store = tovana::store::Store::open(&dir.path().join("t.sqlite")).unwrap();
    let mut second = App::new(store, None, Settings::default()).unwrap();
    second.set_coder("שני").unwrap();
    second.update(Action::Undo);
    assert_eq!(second.status.as_deref(), Some("nothing to undo"));
    assert_eq!(
        codings(&second),
        before + 1,
        "the first coder's coding stays"
    );
    // The first window's own undo still takes it back.
    first.update(Action::Undo);
    assert_eq!(codings(&first), before);
}

#[test]
fn an_imported_transcripts_turn_is_coded_as_the_turn_with_its_role() {
    let (mut app, dir) = app_in(&demo(), Settings::default());
    let file = dir.path().join("group.txt");
    std::fs::write(
        &file,
        "מנחה: מה למדתם?\n\nמשתתפת 1: למדתי לעבוד עם נתונים. וגם Agile.\n\nמשתתף 2: החיבור בין הרשויות.\n",
    )
    .unwrap();
    let store_path = dir.path().join("t.sqlite");
    let mut store = tovana::store::Store::open(&store_path).unwrap();
    let place = tovana::interchange::transcript::Placement {
        cohort: "ג",
        instrument: None,
        title: Some("group".into()),
        encoding: None,
    };
    let done = tovana::interchange::transcript::import_file(&mut store, &file, place).unwrap();
    drop(store);
    app.set_coder("בודקת").unwrap();
    app.open_document(done.document).unwrap();
    app.update(Action::Resize(120, 30));
    let quotes_before = app.store().counts().unwrap().quotes;
    // Into the second turn, two words in: no selection, so the code goes to
    // the turn's quote (its speech, not the label), which has the role.
    press(
        &mut app,
        &[
            Action::TurnForward,
            Action::WordForward,
            Action::WordForward,
        ],
    );
    app.update(Action::PickCode);
    type_text(&mut app, "למידה");
    app.update(Action::Enter);
    assert_eq!(
        app.store().counts().unwrap().quotes,
        quotes_before,
        "no new quote: the turn's own"
    );
    let r = app.documents.reader.as_ref().unwrap();
    let mark = r.marks.last().unwrap();
    let text: String = r
        .doc
        .text
        .chars()
        .skip(mark.start)
        .take(mark.end - mark.start)
        .collect();
    assert!(text.starts_with("למדתי"), "{text:?}");
    assert!(!text.contains("משתתפת"), "the label is not in the quote");
    // A selection made with `)` stops at the end of the turn.
    press(
        &mut app,
        &[
            Action::TurnBack,
            Action::WordForward,
            Action::WordForward,
            Action::WordForward,
        ],
    );
    press(
        &mut app,
        &[
            Action::Visual,
            Action::SentenceForward,
            Action::SentenceForward,
        ],
    );
    let selected = app
        .documents
        .reader
        .as_ref()
        .unwrap()
        .selected_text()
        .unwrap();
    assert!(selected.ends_with("Agile."), "{selected:?}");
    // A span coded inside the turn takes the turn's role.
    app.update(Action::PickCode);
    type_text(&mut app, "כלים");
    app.update(Action::Enter);
    let quote = app
        .documents
        .reader
        .as_ref()
        .unwrap()
        .marks
        .last()
        .unwrap()
        .quote;
    let quotes = app.store().dataset().unwrap().quotes;
    let coded = quotes.iter().find(|q| q.id == quote).unwrap();
    assert_eq!(coded.role, "משתתפת 1");
    assert_eq!(app.store().counts().unwrap().quotes, quotes_before + 1);
}

#[test]
fn two_windows_creating_the_same_code_make_one_code() {
    let (mut first, dir) = app_in(&demo(), Settings::default());
    first.set_coder("ראשונה").unwrap();
    let store = tovana::store::Store::open(&dir.path().join("t.sqlite")).unwrap();
    let mut second = App::new(store, None, Settings::default()).unwrap();
    second.set_coder("שני").unwrap();
    open_focus_group(&mut first);
    open_focus_group(&mut second);
    // The second window has read the codebook before the first adds to it.
    assert!(!second.codes.iter().any(|c| c.name == "חדשנות"));
    for app in [&mut first, &mut second] {
        app.update(Action::PickCode);
        type_text(app, "חדשנות");
        app.update(Action::Enter);
    }
    let codes = second.store().codes().unwrap();
    assert_eq!(codes.iter().filter(|c| c.name == "חדשנות").count(), 1);
    // Both codings are on that one code.
    let id = codes.iter().find(|c| c.name == "חדשנות").unwrap().id;
    let on_it = second
        .store()
        .dataset()
        .unwrap()
        .codings
        .iter()
        .filter(|g| g.code == id)
        .count();
    assert_eq!(on_it, 2);
    // And the first window, on its next key, shows the other's coding.
    first.update(Action::Up);
    let marks = &first.documents.reader.as_ref().unwrap().marks;
    assert_eq!(marks.iter().filter(|m| m.code == id).count(), 2);
}

/// Both windows offer "+ new code" for a name before either makes it: the
/// one that makes it second applies the code the first made, and says so
/// as an applied code, not a refusal.
#[test]
fn two_windows_offering_the_same_new_code_at_once_make_one_code() {
    let (mut first, dir) = app_in(&demo(), Settings::default());
    first.set_coder("ראשונה").unwrap();
    let store = tovana::store::Store::open(&dir.path().join("t.sqlite")).unwrap();
    let mut second = App::new(store, None, Settings::default()).unwrap();
    second.set_coder("שני").unwrap();
    open_focus_group(&mut first);
    open_focus_group(&mut second);
    for app in [&mut first, &mut second] {
        app.update(Action::PickCode);
        type_text(app, "תאומים");
    }
    for app in [&mut first, &mut second] {
        app.update(Action::Enter);
        let status = app.status.clone().unwrap_or_default();
        assert!(
            status.contains("applied \u{2068}תאומים\u{2069}"),
            "{status}"
        );
    }
    let d = second.store().dataset().unwrap();
    let twins: Vec<_> = d.codes.iter().filter(|c| c.name == "תאומים").collect();
    assert_eq!(twins.len(), 1);
    assert_eq!(
        d.codings.iter().filter(|g| g.code == twins[0].id).count(),
        2
    );
    assert!(second.codes.iter().any(|c| c.id == twins[0].id));
}

#[test]
fn after_another_window_replaces_the_store_coding_goes_on() {
    let (mut app, dir) = app_in(&demo(), Settings::default());
    app.set_coder("חדשה").unwrap();
    open_focus_group(&mut app);
    // The command line replaces the store with the demo, which does not
    // know this coder.
    let mut other = tovana::store::Store::open(&dir.path().join("t.sqlite")).unwrap();
    other.replace_all(&demo()).unwrap();
    drop(other);
    let before = codings(&app);
    press(&mut app, &[Action::Visual, Action::WordEnd, Action::InVivo]);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("applied"), "{status}");
    assert_eq!(codings(&app), before + 1);
    assert_eq!(app.coder_label(), "חדשה");
}

#[test]
fn a_store_moved_or_replaced_under_the_app_is_not_written() {
    let (mut app, dir) = app_in(&demo(), Settings::default());
    app.set_coder("בודקת").unwrap();
    open_focus_group(&mut app);
    let path = dir.path().join("t.sqlite");
    // Another file is put where the store was.
    let other = dir.path().join("other.sqlite");
    tovana::store::Store::create(&other, &tovana::domain::Dataset::default()).unwrap();
    std::fs::rename(&other, &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    press(&mut app, &[Action::Visual, Action::WordEnd, Action::InVivo]);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("moved, deleted or replaced"), "{status}");
    assert!(!status.contains("saved"), "{status}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the other file is untouched"
    );
    // Deleted: the same.
    std::fs::remove_file(&path).unwrap();
    press(&mut app, &[Action::Visual, Action::WordEnd, Action::InVivo]);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("moved, deleted or replaced"), "{status}");
    assert!(!path.exists(), "nothing made in its place");
}

#[test]
fn a_blind_coder_sees_only_their_own_codings_and_counts() {
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    app.set_coder("עיוורת").unwrap();
    app.set_blind(true).unwrap();
    let me = app.coder.unwrap();
    assert_eq!(app.shown_coder, Some(me));
    open_focus_group(&mut app);
    // The demo's coders' codings are hidden in the reader.
    let shown = |app: &App| app.documents.reader.as_ref().unwrap().marks.len();
    assert_eq!(shown(&app), 0);
    press(&mut app, &[Action::Visual, Action::WordEnd, Action::InVivo]);
    assert_eq!(shown(&app), 1);
    // C does not show the others, nor does agreement open.
    app.update(Action::CycleCoder);
    assert!(app.status.clone().unwrap().starts_with("blind coding"));
    assert_eq!(app.shown_coder, Some(me));
    app.update(Action::Go(ViewId::Tables));
    app.update(Action::ChooseCoders);
    assert!(app.modal.is_none());
    // The codebook counts only this coder's codings.
    app.update(Action::Go(ViewId::Codebook));
    let total: usize = app.codebook.rows.iter().map(|(_, _, n)| n.codings).sum();
    assert_eq!(total, 1);
}

#[test]
fn a_findings_cited_code_shows_its_own_cohorts_quotes_first() {
    use tovana::tui::views::findings::Piece;
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    app.update(Action::Go(ViewId::Findings));
    let mut seen = 0;
    for _ in 0..app.findings.findings.len() {
        let f = app.findings.selected_finding().unwrap().clone();
        let label = app
            .cohorts
            .cohorts
            .iter()
            .find(|c| c.id == f.cohort)
            .unwrap()
            .label
            .clone();
        for piece in &app.findings.evidence {
            if let Piece::Code { quotes, total, .. } = piece {
                assert!(quotes.len() <= *total);
                assert!(quotes.iter().all(|q| q.cohort_label == label), "{label}");
                seen += 1;
            }
        }
        app.update(Action::Down);
    }
    assert!(seen > 0, "the demo's findings cite codes");
}

#[test]
fn esc_from_a_quote_followed_from_the_codebook_goes_back_there_in_one_step() {
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    app.update(Action::Go(ViewId::Codebook));
    // A code with quotes, its third quote, opened in its document.
    press(
        &mut app,
        &[Action::Down, Action::Enter, Action::Down, Action::Down],
    );
    let (code, quote) = (
        app.codebook.selected_code().unwrap().id,
        app.codebook.quotes.selected,
    );
    app.update(Action::Enter);
    assert!(app.reading());
    app.update(Action::Back);
    assert_eq!(
        app.view,
        ViewId::Codebook,
        "back where the quote was opened"
    );
    assert!(app.codebook.focus, "the quotes still have the keys");
    assert_eq!(app.codebook.selected_code().unwrap().id, code);
    assert_eq!(app.codebook.quotes.selected, quote);
    // A document opened from the list closes to the list, as before.
    app.update(Action::Go(ViewId::Documents));
    app.update(Action::Enter);
    assert!(app.reading());
    app.update(Action::Back);
    assert_eq!(app.view, ViewId::Documents);
    assert!(!app.reading());
}

#[test]
fn status_messages_say_what_was_done() {
    let (mut app, _dir) = app_in(&demo(), Settings::default());
    app.set_coder("בודקת").unwrap();
    app.update(Action::Go(ViewId::Codebook));
    app.update(Action::NewTopCode);
    type_text(&mut app, "Tools");
    app.update(Action::Enter);
    let said = app.status.clone().unwrap();
    assert!(
        said.starts_with("saved: ") && said.contains("create code 'Tools'"),
        "{said}"
    );
    // Moving a code says where to.
    let from = app.codebook.selected_code().unwrap().clone();
    app.update(Action::MoveCode);
    type_text(&mut app, "Tools");
    app.update(Action::Enter);
    let said = app.status.clone().unwrap();
    assert!(
        said.contains(&format!("move code '{}' under 'Tools'", from.name)),
        "{said}"
    );
}

#[test]
fn in_hebrew_a_refusal_of_the_store_reaches_the_status_bar_in_hebrew() {
    let (mut app, _dir) = app_in(&demo(), HEBREW);
    common::keys(&mut app, &["6"]);
    // The first two codes of the tree are siblings at the top level: the
    // second renamed to the first's name is refused by the store.
    let codes = app.store().codes().unwrap();
    let top: Vec<_> = codes.iter().filter(|c| c.parent.is_none()).collect();
    let (first, second) = (&top[0], &top[1]);
    let row = app
        .codebook
        .rows
        .iter()
        .position(|r| r.0.id == second.id)
        .expect("the second code has a row");
    for _ in 0..row {
        common::keys(&mut app, &["j"]);
    }
    common::keys(&mut app, &["e"]);
    for _ in 0..second.name.chars().count() + 5 {
        common::keys(&mut app, &["Backspace"]);
    }
    type_text(&mut app, &first.name);
    common::keys(&mut app, &["Enter"]);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("כבר יש קוד בשם"), "{status}");
    assert!(!status.contains("already"), "{status}");
    assert_eq!(app.store().codes().unwrap(), codes, "nothing renamed");
}
