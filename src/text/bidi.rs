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

/// The mirrored form of a character, as it must look in a right-to-left
/// run: Unicode's Bidi_Mirroring_Glyph (BidiMirroring.txt, through the
/// `unicode-bidi-mirroring` crate), so `≥` shows as `≤` and `⟨` as `⟩`, not
/// brackets alone.
pub fn mirror(c: char) -> Option<char> {
    mirrors().get(&c).copied()
}

/// Every mirrored pair, both ways. The crate's own lookup finds a pair by
/// its first character only (its search by the second one runs over an
/// unsorted column and misses `≥`, say), so both directions are built
/// once from its forward lookups. Mirrored characters all lie below
/// U+20000.
fn mirrors() -> &'static std::collections::HashMap<char, char> {
    static MIRRORS: std::sync::OnceLock<std::collections::HashMap<char, char>> =
        std::sync::OnceLock::new();
    MIRRORS.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for c in (0..0x20000).filter_map(char::from_u32) {
            if let Some(m) = unicode_bidi_mirroring::get_mirrored(c) {
                map.insert(c, m);
                map.insert(m, c);
            }
        }
        map
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

    #[test]
    fn mirroring_follows_the_unicode_data_not_brackets_alone() {
        for (a, b) in [('≤', '≥'), ('⟨', '⟩'), ('〈', '〉'), ('∈', '∋'), ('«', '»')]
        {
            assert_eq!(mirror(a), Some(b));
            assert_eq!(mirror(b), Some(a));
        }
        // Every mirror's mirror is the character again, and there are as
        // many as Unicode lists (364 and more).
        let all: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| mirror(*c).is_some())
            .collect();
        assert!(all.len() >= 364, "{}", all.len());
        assert!(all.iter().all(|c| mirror(mirror(*c).unwrap()) == Some(*c)));
    }
}
