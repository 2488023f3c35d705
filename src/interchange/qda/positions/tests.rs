use super::*;

fn decide_one(raw: &str, sel: &[(u64, u64)]) -> Decided {
    let t = Text::new(raw.into());
    decide(&[(&t, sel.to_vec())])
}

#[test]
fn utf16_positions_are_told_by_a_character_outside_the_bmp() {
    // "😀 שלום עולם": the emoji counts 2 in UTF-16.
    let raw = "😀 שלום עולם";
    let d = decide_one(raw, &[(3, 7), (8, 12)]);
    assert_eq!(d.reading.unit, Unit::Utf16);
    assert!(d.unit_told);
    let t = Text::new(raw.into());
    assert_eq!(span(&t, d.reading, 3, 7), Some((2, 6)));
}

#[test]
fn code_points_are_the_standard_when_nothing_tells() {
    let d = decide_one("plain ascii text", &[(0, 5), (6, 11)]);
    assert_eq!(d.reading, STANDARD);
    assert!(d.standard_fits_all);
    assert!(!d.unit_told);
    assert!(!d.crlf_told);
}

#[test]
fn crlf_counted_two_or_one_is_told_by_where_words_fall() {
    let raw = "first line\r\nsecond line\r\nthird";
    // "second" and "third" counted with \r\n as two.
    let two = decide_one(raw, &[(12, 18), (25, 30)]);
    assert!(two.reading.crlf_two);
    // The standard's reading: it fits, and none other was tried.
    assert!(two.standard_fits_all);
    // The same words with \r\n as one.
    let one = decide_one(raw, &[(11, 17), (23, 28)]);
    assert!(!one.reading.crlf_two);
    let t = Text::new(raw.into());
    assert_eq!(t.kept, "first line\nsecond line\nthird");
    assert_eq!(span(&t, one.reading, 11, 17), Some((11, 17)));
    assert_eq!(span(&t, two.reading, 25, 30), Some((23, 28)));
}

#[test]
fn inclusive_ends_are_told_by_words_cut_short() {
    let raw = "alpha beta gamma delta";
    let d = decide_one(raw, &[(0, 4), (6, 9), (11, 15)]);
    assert!(d.reading.end_inclusive);
    assert!(d.end_told);
    let d = decide_one(raw, &[(0, 5), (6, 10), (11, 16)]);
    assert!(!d.reading.end_inclusive);
}

#[test]
fn a_counted_byte_order_mark_shifts_every_position() {
    let raw = "\u{feff}alpha beta";
    let d = decide_one(raw, &[(1, 6), (7, 11)]);
    assert!(d.reading.bom_counted);
    let t = Text::new(raw.into());
    assert_eq!(span(&t, d.reading, 7, 11), Some((6, 10)));
}

#[test]
fn utf8_bytes_are_told_by_hebrew() {
    let raw = "שלום עולם";
    // "עולם" starts at byte 9 and ends at byte 17.
    let d = decide_one(raw, &[(0, 8), (9, 17)]);
    assert_eq!(d.reading.unit, Unit::Utf8);
}

#[test]
fn a_position_past_the_end_fits_no_reading() {
    let t = Text::new("short".into());
    for r in Reading::all() {
        assert_eq!(span(&t, r, 2, 40), None);
    }
}
