//! How a file counts its positions, decided from the file.
//!
//! The standard counts Unicode code points from 0, end exclusive. Real
//! files also count UTF-16 code units (NVivo for Windows: a character
//! outside the BMP counts 2) or UTF-8 bytes (Taguette), count `\r\n` as one
//! character or two, count a byte-order mark or not, and write end positions
//! inclusive. Every selection of the file is read under each of these
//! readings against its source's text; the reading under which the most
//! selections fall on character boundaries within their text, and then the
//! most of them start and end outside a word, is the file's. Where readings
//! cannot be told apart (a text without any character that counts
//! differently), the standard's is taken, and the summary says so.

/// What positions count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    CodePoints,
    Utf16,
    Utf8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reading {
    pub unit: Unit,
    /// `\r\n` counts as two (as the code points are) or as one.
    pub crlf_two: bool,
    /// A byte-order mark at the start of the text is counted.
    pub bom_counted: bool,
    pub end_inclusive: bool,
}

/// The standard's reading.
pub const STANDARD: Reading = Reading {
    unit: Unit::CodePoints,
    crlf_two: true,
    bom_counted: false,
    end_inclusive: false,
};

impl Reading {
    /// Every reading, the standard's first and the rest in order of
    /// preference when nothing tells them apart: a byte-order mark counted
    /// is the least likely (no known tool does), then `\r\n` as one, then
    /// another unit than code points. (A text with a mark and a character
    /// outside the BMP reads the same in code points with the mark counted
    /// as in UTF-16 without: NVivo's way is taken.)
    pub fn all() -> Vec<Reading> {
        let mut out = vec![];
        for end_inclusive in [false, true] {
            for bom_counted in [false, true] {
                for crlf_two in [true, false] {
                    for unit in [Unit::CodePoints, Unit::Utf16, Unit::Utf8] {
                        out.push(Reading {
                            unit,
                            crlf_two,
                            bom_counted,
                            end_inclusive,
                        });
                    }
                }
            }
        }
        out
    }
}

/// A source's text as the file holds it, and as tovana keeps it: without
/// a byte-order mark, each `\r\n` or lone `\r` made `\n`.
pub struct Text {
    /// The text as the file holds it, when that is not `kept`.
    raw: Option<String>,
    pub kept: String,
    chars: u32,
    /// What in the text makes readings differ.
    bom: bool,
    crlf: bool,
    ascii: bool,
    bmp: bool,
}

impl Text {
    pub fn new(raw: String) -> Text {
        let bom = raw.starts_with('\u{feff}');
        let crlf = raw.contains("\r\n");
        let body = raw.strip_prefix('\u{feff}').unwrap_or(&raw);
        let ascii = body.is_ascii();
        let (raw, kept) = if bom || raw.contains('\r') {
            let kept = body.replace("\r\n", "\n").replace('\r', "\n");
            (Some(raw), kept)
        } else {
            (None, raw)
        };
        let (mut chars, mut bmp) = (0u32, true);
        for c in kept.chars() {
            chars += 1;
            bmp &= c.len_utf16() == 1;
        }
        Text {
            raw,
            kept,
            chars,
            bom,
            crlf,
            ascii,
            bmp,
        }
    }

    /// The reading that reads this text as `r` does and is the most
    /// preferred of those: readings that differ only in what the text does
    /// not hold are one.
    pub fn canonical(&self, r: Reading) -> Reading {
        let unit = match r.unit {
            _ if self.ascii => Unit::CodePoints,
            Unit::Utf16 if self.bmp => Unit::CodePoints,
            u => u,
        };
        Reading {
            unit,
            crlf_two: r.crlf_two || !self.crlf,
            bom_counted: r.bom_counted && self.bom,
            end_inclusive: r.end_inclusive,
        }
    }

    /// Characters of the kept text.
    pub fn len(&self) -> u32 {
        self.chars
    }

    pub fn is_empty(&self) -> bool {
        self.chars == 0
    }

    /// Positions (sorted, deduplicated) read under `r`, as code points of
    /// the kept text; `None` where a position falls inside a character or
    /// past the end.
    pub fn convert(&self, r: Reading, positions: &[u64]) -> Vec<Option<u32>> {
        let mut out = vec![None; positions.len()];
        let mut next = 0; // the next position to place
        let mut off: u64 = 0; // where the reading is in the file's counting
        let mut idx: u32 = 0; // where it is in the kept text
        let mut place = |off: u64, idx: u32, next: &mut usize| {
            while *next < positions.len() && positions[*next] < off {
                *next += 1; // fell inside the character before
            }
            while *next < positions.len() && positions[*next] == off {
                out[*next] = Some(idx);
                *next += 1;
            }
        };
        let raw = self.raw.as_deref().unwrap_or(&self.kept);
        let mut chars = raw.chars().peekable();
        if raw.starts_with('\u{feff}') {
            chars.next();
            if r.bom_counted {
                off += width('\u{feff}', r.unit);
            }
        }
        while let Some(c) = chars.next() {
            place(off, idx, &mut next);
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
                if r.crlf_two {
                    // Between the two is read as before the pair.
                    place(off + 1, idx, &mut next);
                    off += 2;
                } else {
                    off += 1;
                }
                idx += 1;
                continue;
            }
            off += width(c, r.unit);
            idx += 1;
        }
        place(off, idx, &mut next);
        out
    }

    /// For each of `at` (sorted, in the kept text), whether it falls
    /// outside a word: at an end, or not between two letters or digits. One
    /// walk of the text.
    pub fn clean_cuts(&self, at: &[u32]) -> Vec<bool> {
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut out = Vec::with_capacity(at.len());
        let mut chars = self.kept.chars();
        let (mut prev, mut cur) = (None, chars.next());
        let mut i = 0u32;
        for &a in at {
            while i < a {
                prev = cur;
                cur = chars.next();
                i += 1;
            }
            out.push(!(word(prev) && word(cur)));
        }
        out
    }
}

fn width(c: char, unit: Unit) -> u64 {
    match unit {
        Unit::CodePoints => 1,
        Unit::Utf16 => c.len_utf16() as u64,
        Unit::Utf8 => c.len_utf8() as u64,
    }
}

/// A selection's span read under a reading, in the kept text.
pub fn span(text: &Text, r: Reading, start: u64, end: u64) -> Option<(u32, u32)> {
    let end = if r.end_inclusive {
        end.checked_add(1)?
    } else {
        end
    };
    let mut ps = [start, end];
    ps.sort_unstable();
    let got = text.convert(r, &ps);
    let (s, e) = (got[0]?, got[1]?);
    (start <= end).then_some((s, e))
}

/// How well a reading fits a set of texts and their selections.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Fit {
    pub fitting: usize,
    pub clean: usize,
}

/// Each selection's span under `r`, `None` for one that does not fit.
pub fn spans(text: &Text, r: Reading, selections: &[(u64, u64)]) -> Vec<Option<(u32, u32)>> {
    let mut ps: Vec<u64> = selections
        .iter()
        .flat_map(|&(s, e)| {
            [
                s,
                if r.end_inclusive {
                    e.saturating_add(1)
                } else {
                    e
                },
            ]
        })
        .collect();
    ps.sort_unstable();
    ps.dedup();
    let got = text.convert(r, &ps);
    let at = |p: u64| ps.binary_search(&p).ok().and_then(|i| got[i]);
    selections
        .iter()
        .map(|&(s, e)| {
            let e = if r.end_inclusive {
                e.checked_add(1)?
            } else {
                e
            };
            let (a, b) = (at(s)?, at(e)?);
            (a <= b).then_some((a, b))
        })
        .collect()
}

pub fn fit(text: &Text, spans: &[Option<(u32, u32)>]) -> Fit {
    let mut at: Vec<u32> = spans.iter().flatten().flat_map(|&(s, e)| [s, e]).collect();
    at.sort_unstable();
    at.dedup();
    let clean = text.clean_cuts(&at);
    let is_clean = |p: u32| at.binary_search(&p).is_ok_and(|i| clean[i]);
    let mut f = Fit::default();
    for &(s, e) in spans.iter().flatten() {
        f.fitting += 1;
        if is_clean(s) && is_clean(e) {
            f.clean += 1;
        }
    }
    f
}

/// What the file showed of each way of counting: told apart by it, or
/// read the same whichever way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided {
    pub reading: Reading,
    /// Every selection fits the standard's reading, none cutting a word:
    /// no other reading could fit better, and none was tried (the `told`
    /// flags are then false).
    pub standard_fits_all: bool,
    pub unit_told: bool,
    pub crlf_told: bool,
    pub bom_told: bool,
    pub end_told: bool,
}

/// Chooses the reading for a whole file: `sources` are each text with its
/// selections' written positions.
pub fn decide(sources: &[(&Text, Vec<(u64, u64)>)]) -> Decided {
    decide_with_spans(sources).0
}

/// [`decide`], and when the standard's reading was taken at once, each
/// source's spans under it (so that they need not be worked out again).
pub type Spans = Vec<Option<(u32, u32)>>;

pub fn decide_with_spans(sources: &[(&Text, Vec<(u64, u64)>)]) -> (Decided, Option<Vec<Spans>>) {
    use std::collections::HashMap;
    // The standard's reading first: when it fits every selection without
    // cutting a word, nothing can fit better.
    let total: usize = sources.iter().map(|(_, s)| s.len()).sum();
    let mut standard = Fit::default();
    let mut standard_spans = Vec::with_capacity(sources.len());
    for (t, sel) in sources {
        let sp = spans(t, STANDARD, sel);
        let f = fit(t, &sp);
        standard.fitting += f.fitting;
        standard.clean += f.clean;
        standard_spans.push(sp);
    }
    if standard.fitting == total && standard.clean == total {
        let d = Decided {
            reading: STANDARD,
            standard_fits_all: true,
            unit_told: false,
            crlf_told: false,
            bom_told: false,
            end_told: false,
        };
        return (d, Some(standard_spans));
    }
    drop(standard_spans);
    type Spans = Vec<Option<(u32, u32)>>;
    let all = Reading::all();
    // Each text is read once per reading that reads it differently.
    let mut seen: Vec<HashMap<Reading, (std::rc::Rc<Spans>, Fit)>> =
        vec![HashMap::new(); sources.len()];
    let results: Vec<(Reading, Vec<std::rc::Rc<Spans>>, Fit)> = all
        .iter()
        .map(|&r| {
            let mut total = Fit::default();
            let per: Vec<_> = sources
                .iter()
                .zip(seen.iter_mut())
                .map(|((t, sel), seen)| {
                    let (sp, f) = seen
                        .entry(t.canonical(r))
                        .or_insert_with(|| {
                            let sp = spans(t, r, sel);
                            let f = fit(t, &sp);
                            (std::rc::Rc::new(sp), f)
                        })
                        .clone();
                    total.fitting += f.fitting;
                    total.clean += f.clean;
                    sp
                })
                .collect();
            (r, per, total)
        })
        .collect();
    // The best fit; among equals, the first (the most preferred).
    let mut best = 0;
    for (i, r) in results.iter().enumerate() {
        if r.2 > results[best].2 {
            best = i;
        }
    }
    let chosen = results[best].0;
    let same_as = |other: Reading| {
        results
            .iter()
            .find(|r| r.0 == other)
            .is_some_and(|r| r.1 == results[best].1)
    };
    let differs = |f: &dyn Fn(Reading) -> Vec<Reading>| !f(chosen).into_iter().all(same_as);
    let d = Decided {
        reading: chosen,
        standard_fits_all: false,
        unit_told: differs(&|r| {
            [Unit::CodePoints, Unit::Utf16, Unit::Utf8]
                .into_iter()
                .map(|unit| Reading { unit, ..r })
                .collect()
        }),
        crlf_told: differs(&|r| {
            vec![Reading {
                crlf_two: !r.crlf_two,
                ..r
            }]
        }),
        bom_told: differs(&|r| {
            vec![Reading {
                bom_counted: !r.bom_counted,
                ..r
            }]
        }),
        end_told: differs(&|r| {
            vec![Reading {
                end_inclusive: !r.end_inclusive,
                ..r
            }]
        }),
    };
    (d, None)
}

#[cfg(test)]
mod tests;
