//! Stores of any size, made up from a seed: what the scale benchmark and the
//! tests at scale run on. The same seed and size give the same store.
//!
//! The shape follows the real case at a national program's scale: cohorts
//! with meetings and questionnaires whose questions have results per
//! segment; focus groups and interviews as Hebrew transcripts of speaker
//! turns with roles, each turn a quote; a three-level codebook; codings by
//! three coders, some documents coded by two of them (agreeing mostly, not
//! always); findings citing questions and codes; recommendations. Two
//! documents test the reader's limits: a transcript of 50,000 characters
//! with 2,000 coded spans, and a single line of about 10 MB.
//!
//! The words are a small vocabulary of the field, with the one-letter
//! prefixes Hebrew glues on, some numbers and some Latin product names, so
//! that search, folding and the bidi layout meet what real data brings.
//! Depends on `domain` only.

use crate::domain::{Coder, Dataset, Id, Program, Scale, ScaleOption, Segment, Valence};

/// How much to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub cohorts: usize,
    /// Transcripts of ordinary length, sharing `quotes` between them.
    pub transcripts: usize,
    /// Quotes in the ordinary transcripts (the long ones come on top).
    pub quotes: usize,
    pub codes: usize,
    pub codings: usize,
    pub questions: usize,
    pub findings: usize,
    pub recommendations: usize,
    /// The 50,000-character transcript with 2,000 coded spans, and the
    /// single line of about 10 MB.
    pub long_documents: bool,
}

impl Size {
    /// The national program at 200,000 quotes, and the same in
    /// proportion at any other count: a cohort per 10,000 quotes (two at
    /// least), a transcript per 100 quotes, half as many codings as quotes,
    /// a question per 100 quotes, 150 codes.
    pub fn of_quotes(quotes: usize) -> Size {
        Size {
            cohorts: (quotes / 10_000).max(2),
            transcripts: (quotes / 100).max(1),
            quotes,
            codes: 150,
            codings: quotes / 2,
            questions: (quotes / 100).max(10),
            findings: (quotes * 3 / 2_000).max(5),
            recommendations: (quotes * 3 / 2_000).max(5),
            long_documents: true,
        }
    }
}

/// A small, fast and seeded generator (SplitMix64): the figures only need
/// to be the same from run to run, not random in any stronger sense.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

mod program;
mod qualitative;
mod words;

use program::{cohorts, findings};
use qualitative::{codebook, codings, long_documents, transcripts};
use words::{LATIN, PREFIXES, WORDS};

/// One sentence of `words` words, ending in a full stop or a question mark.
fn sentence(r: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        match r.below(100) {
            0..=2 => s.push_str(r.pick(LATIN)),
            3..=4 => s.push_str(&(r.below(300) + 1).to_string()),
            5..=34 => {
                s.push_str(r.pick(PREFIXES));
                s.push_str(r.pick(WORDS));
            }
            _ => s.push_str(r.pick(WORDS)),
        }
    }
    s.push(if r.chance(15) { '?' } else { '.' });
    s
}

/// A speaker's turn: one to four sentences, about 250 characters on the
/// whole.
fn turn(r: &mut Rng) -> String {
    let n = 1 + r.below(4);
    (0..n)
        .map(|_| {
            let words = 5 + r.below(16);
            sentence(r, words)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Makes the store: the same `seed` and `size`, the same store.
pub fn generate(seed: u64, size: Size) -> Dataset {
    let mut r = Rng(seed);
    let mut d = Dataset::default();
    d.programs.push(Program {
        id: 1,
        name: "תוכנית לאומית להובלת שינוי דיגיטלי".into(),
        name_en: "A national digital change program".into(),
        organisation: "מטה התוכנית".into(),
        description: sentence(&mut r, 20),
    });
    d.segments = vec![
        Segment {
            id: 1,
            label: "כלל המשיבים".into(),
            description: String::new(),
        },
        Segment {
            id: 2,
            label: "שלטון מקומי".into(),
            description: String::new(),
        },
        Segment {
            id: 3,
            label: "משרדי ממשלה".into(),
            description: String::new(),
        },
    ];
    let options = |labels: &[(&str, Valence)]| -> Vec<ScaleOption> {
        labels
            .iter()
            .map(|(l, v)| ScaleOption {
                label: (*l).into(),
                valence: *v,
            })
            .collect()
    };
    use Valence::{Negative, Neutral, Positive};
    d.scales = vec![
        Scale {
            id: 1,
            name: "מידה".into(),
            options: options(&[
                ("בכלל לא", Negative),
                ("במידה מועטה", Negative),
                ("במידה בינונית", Neutral),
                ("במידה רבה", Positive),
                ("במידה רבה מאוד", Positive),
            ]),
        },
        Scale {
            id: 2,
            name: "הסכמה".into(),
            options: options(&[("לא מסכים/ה", Negative), ("מסכים/ה", Positive)]),
        },
    ];
    cohorts(&mut r, &mut d, size);
    codebook(&mut r, &mut d, size);
    d.coders = ["ראשונה", "שני", "שלישית"]
        .iter()
        .enumerate()
        .map(|(i, n)| Coder {
            id: i as Id + 1,
            name: (*n).into(),
            ..Default::default()
        })
        .collect();
    transcripts(&mut r, &mut d, size);
    if size.long_documents {
        long_documents(&mut r, &mut d);
    }
    codings(&mut r, &mut d, size);
    findings(&mut r, &mut d, size);
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Code, Quote};

    #[test]
    fn a_generated_store_is_valid_and_has_the_size_asked_for() {
        let size = Size {
            long_documents: false,
            ..Size::of_quotes(2_000)
        };
        let d = generate(7, size);
        assert_eq!(d.validate(), Vec::<String>::new());
        assert_eq!(d.quotes.len(), 2_000);
        assert_eq!(d.documents.len(), 20);
        assert_eq!(d.codes.len(), 150);
        assert_eq!(d.codings.len(), 1_000);
        assert_eq!(d.questions.len(), 20);
        // Three levels of codes.
        let depth = |code: &Code| {
            let mut c = code;
            let mut n = 0;
            while let Some(p) = c.parent {
                c = d.codes.iter().find(|k| k.id == p).unwrap();
                n += 1;
            }
            n
        };
        assert_eq!(d.codes.iter().map(depth).max(), Some(2));
        // Every coder codes, and some quotes carry two coders' codings.
        for coder in 1..=3 {
            assert!(d.codings.iter().any(|c| c.coder == coder));
        }
        let mut by_quote = std::collections::HashMap::<Id, Vec<Id>>::new();
        for c in &d.codings {
            by_quote.entry(c.quote).or_default().push(c.coder);
        }
        assert!(
            by_quote
                .values()
                .any(|v| v.iter().collect::<std::collections::HashSet<_>>().len() == 2)
        );
        // Each quote's text is what follows its role's label.
        let doc = &d.documents[0];
        let q = &d.quotes[0];
        let before = crate::domain::char_slice(&doc.text, 0, q.start as usize).unwrap();
        assert!(before.ends_with(&format!("{}: ", q.role)));
    }

    #[test]
    fn the_same_seed_makes_the_same_store_and_another_seed_another() {
        let size = Size {
            long_documents: false,
            ..Size::of_quotes(500)
        };
        assert_eq!(generate(1, size), generate(1, size));
        assert_ne!(generate(1, size).documents, generate(2, size).documents);
    }

    #[test]
    fn the_long_documents_are_as_long_as_promised() {
        let d = generate(3, Size::of_quotes(200));
        assert_eq!(d.validate(), Vec::<String>::new());
        let long = &d.documents[d.documents.len() - 2];
        let chars = long.text.chars().count();
        assert!((40_000..=80_000).contains(&chars), "{chars}");
        let spans: Vec<&Quote> = d.quotes.iter().filter(|q| q.document == long.id).collect();
        assert_eq!(spans.len(), 2_000);
        assert!(
            spans
                .iter()
                .all(|q| d.codings.iter().any(|c| c.quote == q.id))
        );
        let line = d.documents.last().unwrap();
        assert!(line.text.len() >= 10_000_000 && !line.text.contains('\n'));
    }
}
