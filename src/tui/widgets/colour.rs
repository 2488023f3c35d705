//! Colours as the store keeps them (`#rrggbb`), for the terminal.

use ratatui::style::Color;

/// `#rrggbb` as a terminal colour.
pub fn parse_colour(s: &str) -> Color {
    let hex = |i: usize| u8::from_str_radix(s.get(i..i + 2).unwrap_or("80"), 16).unwrap_or(128);
    Color::Rgb(hex(1), hex(3), hex(5))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_colour_is_read_from_hex() {
        assert_eq!(parse_colour("#ff8000"), Color::Rgb(255, 128, 0));
        assert_eq!(parse_colour("#"), Color::Rgb(128, 128, 128));
    }
}
