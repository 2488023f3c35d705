//! Properties of the right-to-left layout over generated text: every line
//! fits, reordering only permutes a line's graphemes, wrapping loses and
//! duplicates nothing, styles follow their characters, truncation cuts the
//! logical end.
//!
//! The text comes from a small seeded generator (xorshift), so a failure
//! names its seed and reproduces exactly.

use std::collections::BTreeMap;
use tovana::text::{Direction, Order, layout, mirror, sanitize, truncated, width};
use unicode_segmentation::UnicodeSegmentation;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0.wrapping_shl(13);
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0.wrapping_shl(17);
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const HEBREW: &[&str] = &[
    "א", "ב", "ג", "ד", "ה", "ו", "ש", "ל", "ם", "מ", "ת", "ר", "כ", "ך", "ן",
];
const POINTS: &[&str] = &[
    "\u{5B0}", "\u{5B4}", "\u{5B7}", "\u{5B8}", "\u{5BC}", "\u{5C1}",
];
const LATIN: &[&str] = &["a", "b", "c", "x", "Q", "Z", "é"];
const DIGITS: &[&str] = &["0", "1", "2", "7", "9"];
const PUNCT: &[&str] = &[
    "(", ")", "[", "]", "{", "}", "<", ">", "«", "»", "%", "-", "–", ".", ",", ":", "?", "\"", "״",
    "׳", "/", "₪",
];
const ODD: &[&str] = &[
    "😀", "表", "\t", "\u{1b}", "\u{202E}", "\u{2067}", "\u{200F}", "\u{7}",
];

/// A paragraph or a few, of words of different scripts.
fn text(rng: &mut Rng) -> String {
    let mut s = String::new();
    let words = rng.below(30);
    for w in 0..words {
        if w > 0 {
            s.push_str(match rng.below(20) {
                0 => "  ",
                1 => "\n",
                _ => " ",
            });
        }
        let kind = rng.below(10);
        let longest = if rng.below(8) == 0 { 40 } else { 8 };
        let len = 1 + rng.below(longest);
        for _ in 0..len {
            let piece = match kind {
                0..=4 => {
                    let mut letter = rng.pick(HEBREW).to_string();
                    if rng.below(4) == 0 {
                        letter.push_str(rng.pick(POINTS));
                    }
                    letter
                }
                5 | 6 => rng.pick(LATIN).to_string(),
                7 => rng.pick(DIGITS).to_string(),
                8 => rng.pick(PUNCT).to_string(),
                _ => rng.pick(ODD).to_string(),
            };
            s.push_str(&piece);
        }
    }
    s
}

/// A grapheme as it may appear on either side of reordering.
fn normal(g: &str) -> String {
    let mut chars = g.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => mirror(c).map(|m| m.min(c)).unwrap_or(c).to_string(),
        _ => g.to_string(),
    }
}

fn multiset<'a>(graphemes: impl Iterator<Item = &'a str>) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for g in graphemes {
        *m.entry(normal(g)).or_default() += 1;
    }
    m
}

fn cases() -> impl Iterator<Item = (u64, String, usize, Option<Direction>)> {
    (1..=600u64).map(|seed| {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let t = text(&mut rng);
        let w = 2 + rng.below(99);
        let dir = match rng.below(3) {
            0 => Some(Direction::Rtl),
            1 => Some(Direction::Ltr),
            _ => None,
        };
        (seed, t, w, dir)
    })
}

#[test]
fn every_line_fits_its_width() {
    for (seed, t, w, dir) in cases() {
        for order in [Order::Visual, Order::Logical] {
            for line in layout(&t, w, dir, order).lines {
                assert_eq!(width(&line.text), line.width, "seed {seed}");
                assert!(
                    line.indent + line.width <= w,
                    "seed {seed}: {line:?} in {w}"
                );
                assert!(
                    !line.text.chars().any(|c| c.is_control()),
                    "seed {seed}: {line:?}"
                );
            }
        }
    }
}

#[test]
fn reordering_permutes_each_lines_graphemes() {
    for (seed, t, w, dir) in cases() {
        let visual = layout(&t, w, dir, Order::Visual).lines;
        let logical = layout(&t, w, dir, Order::Logical).lines;
        assert_eq!(visual.len(), logical.len(), "seed {seed}");
        for (v, l) in visual.iter().zip(&logical) {
            assert_eq!(
                multiset(v.text.graphemes(true)),
                multiset(l.text.graphemes(true)),
                "seed {seed}: {:?} vs {:?}",
                v.text,
                l.text
            );
            let mut a: Vec<usize> = v.clusters.iter().map(|c| c.logical).collect();
            let b: Vec<usize> = l.clusters.iter().map(|c| c.logical).collect();
            a.sort();
            assert_eq!(a, b, "seed {seed}: the same positions, in another order");
        }
    }
}

#[test]
fn wrapping_loses_and_duplicates_nothing() {
    for (seed, t, w, dir) in cases() {
        let lines = layout(&t, w, dir, Order::Logical).lines;
        // In logical order, the lines' clusters are the text's graphemes
        // (spaces at the breaks and invisible marks aside), each once.
        let positions: Vec<usize> = lines
            .iter()
            .flat_map(|l| l.clusters.iter().map(|c| c.logical))
            .collect();
        assert!(
            positions.windows(2).all(|p| p[0] < p[1]),
            "seed {seed}: increasing"
        );
        let shown: String = lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("");
        let expected: String = t
            .split('\n')
            .map(sanitize)
            .collect::<String>()
            .chars()
            // Marks and isolates steer the layout and are never drawn.
            .filter(|c| {
                !c.is_whitespace()
                    && !matches!(c, '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}')
            })
            .collect();
        let shown: String = shown.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(shown, expected, "seed {seed}");
        // One line per paragraph at least, and lines cover the text in order.
        assert!(lines.len() >= t.split('\n').count(), "seed {seed}");
        for pair in lines.windows(2) {
            assert!(pair[0].logical.end <= pair[1].logical.start, "seed {seed}");
        }
    }
}

#[test]
fn styles_travel_with_their_characters() {
    for (seed, t, w, dir) in cases().take(200) {
        let n = t.chars().count().max(1);
        let (a, b) = ((seed as usize * 7) % n, (seed as usize * 13) % n);
        let span = a.min(b)..a.max(b) + 1;
        let chars: Vec<char> = t.chars().collect();
        for line in layout(&t, w, dir, Order::Visual).lines {
            let runs = line.runs(|pos| span.contains(&pos));
            assert_eq!(
                runs.iter().map(|r| r.0).collect::<String>(),
                line.text,
                "seed {seed}"
            );
            // Every highlighted cluster is a character of the span, and every
            // character of the span on this line is highlighted.
            let mut k = 0;
            for (piece, highlighted) in &runs {
                for _ in piece.graphemes(true) {
                    let c = &line.clusters[k];
                    assert_eq!(*highlighted, span.contains(&c.logical), "seed {seed}");
                    assert!(c.logical < chars.len());
                    k += 1;
                }
            }
        }
    }
}

#[test]
fn truncation_fits_and_cuts_the_logical_end() {
    for (seed, t, w, dir) in cases() {
        let line = truncated(&t, w, dir, Order::Visual);
        assert!(line.indent + line.width <= w, "seed {seed}");
        let first = sanitize(t.split('\n').next().unwrap());
        if width(first.trim_end()) <= w {
            assert!(
                !line.text.contains('…') || first.contains('…'),
                "seed {seed}"
            );
        } else {
            assert!(line.text.contains('…'), "seed {seed}: {:?}", line.text);
            // What is kept is a logical prefix: the positions shown, the
            // ellipsis aside, are all before the cut.
            let ellipsis = line
                .clusters
                .iter()
                .find(|c| &line.text[c.bytes.clone()] == "…")
                .unwrap();
            assert!(
                line.clusters.iter().all(|c| c.logical <= ellipsis.logical),
                "seed {seed}"
            );
        }
    }
}

#[test]
fn the_ellipsis_of_a_hebrew_line_stands_at_its_left_end() {
    let line = truncated("התוכנית הקנתה למשתתפים כלים חדשים", 12, None, Order::Visual);
    assert!(line.text.starts_with('…'), "{:?}", line.text);
    assert_eq!(line.indent + line.width, 12);
    let ltr = truncated(
        "Digital leaders in local government",
        12,
        None,
        Order::Visual,
    );
    assert_eq!(ltr.text, "Digital lea…");
    let fits = truncated("שלום", 12, None, Order::Visual);
    assert_eq!((fits.text.as_str(), fits.indent), ("םולש", 8));
}
