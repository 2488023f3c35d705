//! The interface's language, shared by the command line, the exchange
//! formats and the app. Hebrew also mirrors the app's layout: lists on the
//! right, details to their left.

use crate::text::Direction;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    He,
    #[default]
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "he" | "iw" | "hebrew" | "עברית" => Some(Lang::He),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of a POSIX locale name such as `he_IL.UTF-8`.
    pub fn from_locale(locale: &str) -> Lang {
        let l = locale.to_ascii_lowercase();
        if l.starts_with("he") || l.starts_with("iw") {
            Lang::He
        } else {
            Lang::En
        }
    }

    /// The direction of the interface's own lines.
    pub fn direction(self) -> Direction {
        match self {
            Lang::He => Direction::Rtl,
            Lang::En => Direction::Ltr,
        }
    }

    /// A mark of the interface's direction (LRM or RLM), set after a piece
    /// of data inside an interface line so that the data's direction does
    /// not spill into the numbers after it. Marks steer the layout and are
    /// never drawn.
    pub fn mark(self) -> char {
        match self {
            Lang::He => '\u{200F}',
            Lang::En => '\u{200E}',
        }
    }

    /// True when the layout is mirrored (lists on the right).
    pub fn mirrored(self) -> bool {
        self == Lang::He
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_decides_the_default_language() {
        assert_eq!(Lang::from_locale("he_IL.UTF-8"), Lang::He);
        assert_eq!(Lang::from_locale("iw_IL"), Lang::He);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::parse(" HE "), Some(Lang::He));
        assert_eq!(Lang::parse("fr"), None);
    }
}
