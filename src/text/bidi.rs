//! Direction and mirroring: the parts of the bidi algorithm that
//! `unicode-bidi` leaves to its caller.

use unicode_bidi::{BidiClass, Level, bidi_class};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn level(self) -> Level {
        match self {
            Direction::Ltr => Level::ltr(),
            Direction::Rtl => Level::rtl(),
        }
    }
}

/// The direction of the first strong character (rules P2–P3, isolates
/// skipped), or `None` when there is none.
pub fn first_strong(text: &str) -> Option<Direction> {
    let mut isolates = 0usize;
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::LRI | BidiClass::RLI | BidiClass::FSI => isolates += 1,
            BidiClass::PDI => isolates = isolates.saturating_sub(1),
            BidiClass::L if isolates == 0 => return Some(Direction::Ltr),
            BidiClass::R | BidiClass::AL if isolates == 0 => return Some(Direction::Rtl),
            _ => {}
        }
    }
    None
}

/// The mirrored form of a paired punctuation mark, as it must look in a
/// right-to-left run.
pub fn mirror(c: char) -> Option<char> {
    Some(match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        _ => return None,
    })
}

/// The mirror of a grapheme that is one mirrorable character.
pub fn mirror_grapheme(g: &str) -> Option<char> {
    let mut chars = g.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    mirror(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_strong_character_decides() {
        assert_eq!(first_strong("94% משתמשים"), Some(Direction::Rtl));
        assert_eq!(first_strong("(Agile) שיטות"), Some(Direction::Ltr));
        assert_eq!(first_strong("2019–2020"), None);
        // An isolate is skipped.
        assert_eq!(
            first_strong("\u{2067}abc\u{2069} שלום"),
            Some(Direction::Rtl)
        );
    }

    #[test]
    fn paired_marks_mirror_both_ways() {
        for (a, b) in [('(', ')'), ('[', ']'), ('{', '}'), ('<', '>'), ('«', '»')] {
            assert_eq!(mirror(a), Some(b));
            assert_eq!(mirror(b), Some(a));
        }
        assert_eq!(mirror('"'), None);
        assert_eq!(mirror_grapheme("(\u{301}"), None);
    }
}
