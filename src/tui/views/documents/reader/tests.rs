//! Tests of `reader`.

use super::*;

fn reader(text: &str, marks: Vec<Mark>) -> Reader {
    Reader::new(
        OpenDocument {
            id: 1,
            title: "t".into(),
            cohort: 1,
            cohort_label: "א".into(),
            text: text.into(),
        },
        marks,
    )
}

fn mark(coding: Id, start: usize, end: usize, code: Id) -> Mark {
    Mark {
        coding,
        quote: coding,
        start,
        end,
        code,
        coder: 1,
        memo: String::new(),
    }
}

#[test]
fn a_selection_is_kept_in_logical_positions_whichever_way_it_grows() {
    let cache = LayoutCache::default();
    let mut r = reader("שלום עולם יפה", vec![]);
    let size = TextSize {
        width: 40,
        height: 10,
    };
    r.anchor = Some(0);
    // Left on screen is onward in Hebrew: five steps select "שלום " and ע.
    for _ in 0..5 {
        assert!(r.motion(Action::Left, &cache, Order::Visual, size));
    }
    assert_eq!(r.selection(), Some((0, 6)));
    assert_eq!(r.selected_text().as_deref(), Some("שלום ע"));
    // From the space after "עולם", b goes back to "שלום"; the selection
    // spans from there to the anchor, without the space at its end.
    r.anchor = Some(9);
    r.motion(Action::WordBack, &cache, Order::Visual, size);
    assert_eq!(r.selection(), Some((0, 9)));
    // `v w` selects the word, not the next word's first letter.
    r.cursor = 0;
    r.anchor = Some(0);
    r.motion(Action::WordForward, &cache, Order::Visual, size);
    assert_eq!(r.cursor, 5);
    assert_eq!(r.selected_text().as_deref(), Some("שלום"));
}

const SIZE: TextSize = TextSize {
    width: 40,
    height: 10,
};

/// The reader with its window laid out, as a frame would.
fn laid_out(r: Reader) -> Reader {
    r.layout(&LayoutCache::default(), Order::Visual, SIZE);
    r
}

fn paint(r: &Reader) -> Paint {
    r.window.borrow().as_ref().unwrap().paint.clone()
}

#[test]
fn the_shortest_span_paints_and_targets() {
    let r = laid_out(reader(
        "abcdefghij",
        vec![mark(1, 0, 10, 7), mark(2, 2, 5, 8), mark(3, 2, 5, 9)],
    ));
    assert_eq!(r.painted(1), (Some(7), 1));
    assert!(matches!(r.painted(3), (Some(8) | Some(9), 3)));
    let mut r = r;
    r.cursor = 3;
    assert_eq!(r.target(), Some((2, 5)));
    assert_eq!(r.marks_here().len(), 3);
    assert_eq!(r.marks_here().last().unwrap().code, 7);
    r.cursor = 8;
    assert_eq!(r.target(), Some((0, 10)));
}

#[test]
fn a_mark_added_paints_as_reading_them_all_again_would() {
    let old = vec![mark(1, 0, 10, 7), mark(2, 2, 6, 8), mark(3, 4, 8, 9)];
    // New spans: inside all, as long as another, over everything.
    for new in [mark(4, 3, 5, 5), mark(4, 4, 8, 5), mark(4, 0, 12, 5)] {
        let mut added = laid_out(reader("abcdefghijkl", old.clone()));
        added.add_mark(new.clone());
        let mut all = old.clone();
        all.push(new);
        all.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end), m.coding));
        let read = laid_out(reader("abcdefghijkl", all));
        assert_eq!(paint(&added), paint(&read));
        assert_eq!(added.marks, read.marks);
    }
}

#[test]
fn the_scroll_moves_as_little_as_the_cursor_needs() {
    // 100 lines, 10 on screen.
    assert_eq!(scroll_for(0, 5, 10, 100), 0);
    assert_eq!(scroll_for(0, 10, 10, 100), 1);
    assert_eq!(scroll_for(50, 40, 10, 100), 40);
    assert_eq!(scroll_for(50, 55, 10, 100), 50);
    // The text got shorter (a wider pane): the foot is filled again.
    assert_eq!(scroll_for(50, 55, 10, 60), 50);
    assert_eq!(scroll_for(50, 45, 10, 52), 42);
    assert_eq!(scroll_for(5, 3, 10, 8), 0);
}

#[test]
fn each_speakers_label_is_drawn_bold_and_the_speech_is_not() {
    // "מנחה: " then the speech; a second turn on the next line.
    let text = "מנחה: שלום\nמשתתף 1: תודה";
    let mut r = reader(text, vec![]);
    r.set_turns(vec![(6, 10), (20, 24)]);
    // The cursor is bold anyway: it stands in the speech.
    r.cursor = 8;
    let style = |pos| r.style_at(pos, &HashMap::new(), None);
    let bold_now = |pos| style(pos).add_modifier.contains(Modifier::BOLD);
    for pos in 0..6 {
        assert!(bold_now(pos), "label at {pos}");
    }
    for pos in [6, 7, 9] {
        assert!(!bold_now(pos), "speech at {pos}");
    }
    for pos in 11..20 {
        assert!(bold_now(pos), "second label at {pos}");
    }
    assert!(!bold_now(21));
    // A turn with no label before it (its line starts with the speech).
    r.set_turns(vec![(0, 10)]);
    r.cursor = 8;
    assert!(
        !r.style_at(0, &HashMap::new(), None)
            .add_modifier
            .contains(Modifier::BOLD)
    );
}
