//! Tests of `transcript`.

use super::*;
use crate::domain::char_slice;

fn parse_str(s: &str) -> Result<Transcript, TranscriptError> {
    parse(s.as_bytes())
}

#[test]
fn turns_become_quotes_with_their_roles() {
    let t = parse_str("מנחה: מה למדתם?\n\nנציגת רשות: למדנו הרבה.\nבעיקר על כלים.\n\n\nשקט בחדר")
        .unwrap();
    assert_eq!(
        t.text,
        "מנחה: מה למדתם?\nנציגת רשות: למדנו הרבה. בעיקר על כלים.\nשקט בחדר"
    );
    let quoted: Vec<(&str, &str)> = t
        .turns
        .iter()
        .map(|q| {
            (
                char_slice(&t.text, q.start as usize, q.end as usize).unwrap(),
                q.role.as_str(),
            )
        })
        .collect();
    assert_eq!(
        quoted,
        vec![
            ("מה למדתם?", "מנחה"),
            ("למדנו הרבה. בעיקר על כלים.", "נציגת רשות"),
            ("שקט בחדר", ""),
        ]
    );
}

#[test]
fn a_colon_inside_a_sentence_is_no_label() {
    let t = parse_str("המסקנה היא כזו. זה עבד: כולם הסכימו").unwrap();
    assert_eq!(t.turns[0].role, "");
    assert_eq!(t.turns[0].start, 0);
    let t = parse_str("Facilitator:hello\r\n").unwrap();
    assert_eq!(
        (t.turns[0].role.as_str(), t.turns[0].start),
        ("Facilitator", 12)
    );
}

#[test]
fn a_bad_line_is_reported_by_number() {
    let err = parse_str("א: טוב\n\nב: רע\u{1b}[2J\n").unwrap_err();
    assert_eq!(err.line, 3);
    assert!(err.to_string().contains("U+001B"), "{err}");
    let err = parse_str("א: טוב\n\n: בלי תפקיד\n").unwrap_err();
    assert_eq!(err.line, 3);
    let err = parse(b"ok\n\xff\xfe").unwrap_err();
    assert_eq!(err.line, 2);
    assert_eq!(parse(b"\n \n").unwrap_err().line, 0);
}

#[test]
fn a_byte_order_mark_is_no_part_of_the_first_role() {
    let t = parse("\u{feff}מנחה: שלום\n\nנציג: היי\n".as_bytes()).unwrap();
    assert_eq!(t.turns[0].role, "מנחה");
    assert!(!t.text.starts_with('\u{feff}'));
}

#[test]
fn labelled_lines_without_blank_lines_are_a_turn_each() {
    let t = parse_str("מנחה: מה למדתם?\nנציג: הרבה.\r\nנציגה: גם אני.\n").unwrap();
    assert!(t.one_per_line);
    let roles: Vec<&str> = t.turns.iter().map(|x| x.role.as_str()).collect();
    assert_eq!(roles, ["מנחה", "נציג", "נציגה"]);
    // A line without a label goes on the turn before it.
    let t = parse_str("מנחה: מה למדתם?\nוגם מה חסר?\nנציג: הרבה.\n").unwrap();
    assert_eq!(t.turns.len(), 2);
    assert_eq!(t.turns[0].role, "מנחה");
    // Lines with no label at all cannot be told apart.
    let err = parse_str("שורה אחת\nשורה שנייה\n").unwrap_err();
    assert!(err.to_string().contains("cannot be told apart"), "{err}");
    // With blank lines, paragraphs are turns as before.
    assert!(!parse_str("א: אחת\nעוד\n\nב: שתיים\n").unwrap().one_per_line);
}

#[test]
fn a_role_must_show_a_character_and_hold_no_bidi_formatting() {
    let err = parse_str("\u{200B}: שלום\n").unwrap_err();
    assert_eq!(err.line, 1);
    assert!(err.to_string().contains("shows no character"), "{err}");
    let err = parse_str("א: טוב\n\nנציג\u{202E}ה: רע\n").unwrap_err();
    assert_eq!(err.line, 3);
    assert!(err.to_string().contains("bidi"), "{err}");
}
