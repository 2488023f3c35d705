//! Tests of `marks`.

use super::*;

/// the whole text.
fn all_clusters(text: &str) -> Vec<(u32, u32)> {
    let mut at = 0;
    let mut out = vec![];
    for g in text.graphemes(true) {
        let k = g.chars().count();
        if k > 1 {
            out.push((cp(at), cp(at + k)));
        }
        at += k;
    }
    out
}

#[test]
fn words_and_sentences_found_part_by_part_are_those_of_the_whole_text() {
    // One paragraph long enough to be cut into parts, and a second one.
    let long: String = (0..800)
        .map(|i| format!("משפט {i} עם Excel ו־3.5 מילים. "))
        .collect();
    let text = format!("{long}\nשורה אחרונה כאן.");
    let m = Marks::new(&text);
    assert!(m.parts().parts.len() > 3, "the paragraph is cut");
    let whole = part_marks(&text, 0);
    let mut words = vec![];
    let mut at = 0;
    while let Some(w) = m.word_forward(at) {
        words.push(w);
        at = w;
    }
    let starts: Vec<usize> = whole.words.iter().map(|w| w.0 as usize).collect();
    assert_eq!(words, starts[1..].to_vec());
    let mut sentences = vec![];
    let mut at = 0;
    while let Some(s) = m.sentence_forward(at) {
        sentences.push(s);
        at = s;
    }
    let all: Vec<usize> = whole.sentences.iter().map(|s| *s as usize).collect();
    assert_eq!(sentences, all[1..].to_vec());
    // And back.
    let last = *starts.last().unwrap();
    assert_eq!(m.word_back(last), Some(starts[starts.len() - 2]));
    assert_eq!(m.sentence_back(m.len), all.last().copied());
}

#[test]
fn clusters_are_found_as_the_whole_text_segmented_finds_them() {
    for text in [
        "שָׁלוֹם עוֹלָם",
        "a\r\nb\r\n\r\n",
        "e\u{301}té cafe\u{301}",
        "👩\u{200d}👩\u{200d}👧 ok 🇮🇱🇺🇸 1\u{fe0f}\u{20e3}",
        "\u{600}12 מספר",
        "\u{301}at the start, and at the end\u{301}",
        "plain text without any cluster at all",
        "",
    ] {
        assert_eq!(clusters_of(text), all_clusters(text), "{text:?}");
    }
}

#[test]
fn words_sentences_and_turns_in_reading_order() {
    let text = "מנחה: שלום לכולם. מה שלומכם?\nדנה: טוב!  ממש טוב.";
    let m = Marks::new(text);
    assert_eq!(m.len, text.chars().count());
    assert_eq!(m.word_forward(0), Some(6));
    assert_eq!(m.word_back(6), Some(0));
    assert_eq!(m.word_end(0), Some(3));
    assert_eq!(m.word_end(3), Some(9));
    let second = text.find("מה").map(|b| text[..b].chars().count()).unwrap();
    assert_eq!(m.sentence_forward(0), Some(second));
    assert_eq!(m.sentence_back(second), Some(0));
    let turn = text.find("דנה").map(|b| text[..b].chars().count()).unwrap();
    assert_eq!(m.paragraph_forward(3), Some(turn));
    assert_eq!(m.paragraph_back(turn + 3), Some(turn));
    assert_eq!(m.paragraph_back(turn), Some(0));
    assert_eq!(m.paragraph_at(turn + 2), Some((turn, m.len)));
    let last = text.find("ממש").map(|b| text[..b].chars().count()).unwrap();
    assert_eq!(m.sentence_forward(turn + 1), Some(last));
}

#[test]
fn pointed_letters_move_as_one() {
    let m = Marks::new("שָׁלוֹם");
    assert_eq!(m.next_grapheme(0), 3);
    assert_eq!(m.grapheme_start(2), 0);
    assert_eq!(m.next_grapheme(m.len - 1), m.len);
}

#[test]
fn a_span_is_trimmed_of_white_space_at_its_ends() {
    let m = Marks::new("one two three\nFOUR: five");
    assert_eq!(m.trimmed(0, 4), (0, 3));
    assert_eq!(m.trimmed(3, 8), (4, 7));
    // A line break at the end goes too.
    assert_eq!(m.trimmed(8, 14), (8, 13));
    assert_eq!(m.trimmed(4, 7), (4, 7));
    // White space alone is left as it is.
    assert_eq!(m.trimmed(3, 4), (3, 4));
}
