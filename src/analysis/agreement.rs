//! Agreement between two coders: percent agreement and Cohen's kappa, at the
//! level of characters and at the level of quotes.
//!
//! # The table
//!
//! For one code, every unit (a character of a document, or a quote) falls in
//! one cell of a 2×2 table by whether coder A applied the code to it and
//! whether coder B did:
//!
//! |            | B: yes | B: no  |
//! |------------|--------|--------|
//! | **A: yes** | `both` | `only_a` |
//! | **A: no**  | `only_b` | `neither` |
//!
//! with `n = both + only_a + only_b + neither`.
//!
//! # Percent agreement
//!
//! The share of units on which the coders agree, either way:
//! `p_o = (both + neither) / n`.
//!
//! # Cohen's kappa
//!
//! Agreement beyond what chance alone would give. Chance agreement is
//! derived from each coder's *own* rate of applying the code, treating the
//! two coders as independent: coder A says yes with probability
//! `a = (both + only_a) / n`, coder B with `b = (both + only_b) / n`, so by
//! chance they agree on yes with probability `a·b` and on no with
//! `(1−a)(1−b)`:
//!
//! `p_e = a·b + (1 − a)(1 − b)`, and `κ = (p_o − p_e) / (1 − p_e)`.
//!
//! The chance term uses both marginals, each coder's own. (A tool that,
//! say, takes one pooled rate for both coders, or counts only the units
//! someone coded, computes another statistic.) When `p_e = 1` both coders
//! gave one and the same answer to every unit: κ is undefined (0/0) and is
//! reported as `None`, while percent agreement is 100%.
//!
//! # Units
//!
//! * **Characters**: every code point of every document of the set is a
//!   unit, those coded by neither coder included (they are `neither`).
//!   Overlapping codings by one coder count once.
//! * **Quotes**: every quote that either coder coded (with any code) is a
//!   unit; for each code, whether each coder applied it to that quote.
//!
//! *Overall* figures pool the tables of all codes (cell by cell) before
//! computing, so that codes weigh by how many units they concern.

use crate::domain::{Coding, Id, Quote};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

/// The 2×2 table of two coders' decisions on one code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Table {
    pub both: u64,
    pub only_a: u64,
    pub only_b: u64,
    pub neither: u64,
}

impl Table {
    pub fn n(&self) -> u64 {
        self.both + self.only_a + self.only_b + self.neither
    }

    /// Cell by cell.
    pub fn add(&mut self, other: &Table) {
        self.both += other.both;
        self.only_a += other.only_a;
        self.only_b += other.only_b;
        self.neither += other.neither;
    }

    /// `(both + neither) / n`, or `None` for an empty table.
    pub fn percent_agreement(&self) -> Option<f64> {
        let n = self.n();
        (n > 0).then(|| (self.both + self.neither) as f64 / n as f64)
    }

    /// Cohen's kappa (see the module's documentation), or `None` when the
    /// table is empty or chance agreement is certain.
    pub fn kappa(&self) -> Option<f64> {
        let n = self.n() as f64;
        if n == 0.0 {
            return None;
        }
        let p_o = (self.both + self.neither) as f64 / n;
        let a = (self.both + self.only_a) as f64 / n;
        let b = (self.both + self.only_b) as f64 / n;
        let p_e = a * b + (1.0 - a) * (1.0 - b);
        if (1.0 - p_e).abs() < 1e-12 {
            return None;
        }
        Some((p_o - p_e) / (1.0 - p_e))
    }
}

/// The spans' union as sorted, disjoint ranges, clipped to `0..len`.
fn union(spans: &[Range<usize>], len: usize) -> Vec<Range<usize>> {
    let mut sorted: Vec<Range<usize>> = spans
        .iter()
        .map(|r| r.start.min(len)..r.end.min(len))
        .filter(|r| r.start < r.end)
        .collect();
    sorted.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

fn covered(ranges: &[Range<usize>]) -> u64 {
    ranges.iter().map(|r| (r.end - r.start) as u64).sum()
}

/// Characters both unions cover.
fn overlap(a: &[Range<usize>], b: &[Range<usize>]) -> u64 {
    let (mut i, mut j, mut total) = (0, 0, 0u64);
    while i < a.len() && j < b.len() {
        let start = a[i].start.max(b[j].start);
        let end = a[i].end.min(b[j].end);
        if start < end {
            total += (end - start) as u64;
        }
        if a[i].end < b[j].end {
            i += 1;
        } else {
            j += 1;
        }
    }
    total
}

/// The character-level table for one code in one document of `len` code
/// points: `a` and `b` are the spans each coder coded with it.
pub fn character_table(len: usize, a: &[Range<usize>], b: &[Range<usize>]) -> Table {
    let a = union(a, len);
    let b = union(b, len);
    let (ca, cb, both) = (covered(&a), covered(&b), overlap(&a, &b));
    Table {
        both,
        only_a: ca - both,
        only_b: cb - both,
        neither: len as u64 - (ca + cb - both),
    }
}

/// One coder's spans with one code, by document.
type SpansByDocument = HashMap<Id, Vec<Range<usize>>>;

/// Agreement on one code.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeAgreement {
    pub code: Id,
    pub characters: Table,
    pub quotes: Table,
}

/// Agreement of two coders on a set of documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Per code that either coder applied in the set, by code id.
    pub codes: Vec<CodeAgreement>,
    pub characters: Table,
    pub quotes: Table,
}

/// Compares coders `a` and `b` on the documents of `lengths` (each
/// document's id and length in code points; quotes and codings outside them
/// are ignored). See the module's documentation for the units.
pub fn report(
    lengths: &[(Id, usize)],
    quotes: &[Quote],
    codings: &[Coding],
    a: Id,
    b: Id,
) -> Report {
    let lengths: HashMap<Id, usize> = lengths.iter().copied().collect();
    let quote: HashMap<Id, &Quote> = quotes
        .iter()
        .filter(|q| lengths.contains_key(&q.document))
        .map(|q| (q.id, q))
        .collect();
    // code → coder side (0 = a, 1 = b) → document → spans; and the quotes.
    let mut spans: BTreeMap<Id, [SpansByDocument; 2]> = BTreeMap::new();
    let mut applied: BTreeMap<Id, [HashSet<Id>; 2]> = BTreeMap::new();
    let mut units: HashSet<Id> = HashSet::new();
    for c in codings {
        let Some(q) = quote.get(&c.quote) else {
            continue;
        };
        // A coder compared with themself stands on both sides.
        for (side, coder) in [(0, a), (1, b)] {
            if c.coder != coder {
                continue;
            }
            units.insert(q.id);
            spans.entry(c.code).or_default()[side]
                .entry(q.document)
                .or_default()
                .push(q.start as usize..q.end as usize);
            applied.entry(c.code).or_default()[side].insert(q.id);
        }
    }
    let mut report = Report {
        codes: vec![],
        characters: Table::default(),
        quotes: Table::default(),
    };
    let total_len: u64 = lengths.values().map(|&l| l as u64).sum();
    for (code, sides) in &spans {
        // Documents where neither coder used the code are all `neither`.
        let docs: HashSet<Id> = sides[0].keys().chain(sides[1].keys()).copied().collect();
        let mut characters = Table {
            neither: total_len - docs.iter().map(|d| lengths[d] as u64).sum::<u64>(),
            ..Table::default()
        };
        let none = vec![];
        for doc in &docs {
            let ta = sides[0].get(doc).unwrap_or(&none);
            let tb = sides[1].get(doc).unwrap_or(&none);
            characters.add(&character_table(lengths[doc], ta, tb));
        }
        // Quotes: counted from the two sets, not unit by unit (every unit
        // outside both sets is `neither`).
        let [qa, qb] = &applied[code];
        let (small, large) = if qa.len() <= qb.len() {
            (qa, qb)
        } else {
            (qb, qa)
        };
        let both = small.iter().filter(|q| large.contains(q)).count() as u64;
        let (na, nb) = (qa.len() as u64, qb.len() as u64);
        let quotes = Table {
            both,
            only_a: na - both,
            only_b: nb - both,
            neither: units.len() as u64 - (na + nb - both),
        };
        report.characters.add(&characters);
        report.quotes.add(&quotes);
        report.codes.push(CodeAgreement {
            code: *code,
            characters,
            quotes,
        });
    }
    report
}

#[cfg(test)]
// A list of one span is what these cases mean.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    /// The quote-level table for one code: for each unit, whether coder A and
    /// coder B applied the code.
    fn unit_table(units: impl IntoIterator<Item = (bool, bool)>) -> Table {
        let mut t = Table::default();
        for (a, b) in units {
            match (a, b) {
                (true, true) => t.both += 1,
                (true, false) => t.only_a += 1,
                (false, true) => t.only_b += 1,
                (false, false) => t.neither += 1,
            }
        }
        t
    }

    fn close(x: Option<f64>, y: f64) -> bool {
        x.is_some_and(|x| (x - y).abs() < 1e-9)
    }

    #[test]
    fn a_hand_computed_character_case() {
        // 10 characters; A codes 0..4, B codes 2..6.
        // both = 2 (2,3); only A = 2 (0,1); only B = 2 (4,5); neither = 4.
        let t = character_table(10, &[0..4], &[2..6]);
        assert_eq!(
            t,
            Table {
                both: 2,
                only_a: 2,
                only_b: 2,
                neither: 4
            }
        );
        // p_o = 6/10; a = b = 0.4; p_e = 0.16 + 0.36 = 0.52;
        // κ = (0.6 − 0.52) / 0.48 = 1/6.
        assert!(close(t.percent_agreement(), 0.6));
        assert!(close(t.kappa(), 1.0 / 6.0));
    }

    #[test]
    fn uncoded_text_counts_as_agreement_on_absence() {
        // The same 4 characters coded by both in a text of 100: near-perfect.
        let t = character_table(100, &[10..14], &[10..14]);
        assert_eq!(
            t,
            Table {
                both: 4,
                only_a: 0,
                only_b: 0,
                neither: 96
            }
        );
        assert!(close(t.percent_agreement(), 1.0));
        assert!(close(t.kappa(), 1.0));
    }

    #[test]
    fn unequal_marginals_use_each_coders_own_rate() {
        // 20 quotes: both 6, only A 4, only B 1, neither 9.
        // p_o = 15/20 = 0.75; a = 10/20 = 0.5; b = 7/20 = 0.35;
        // p_e = 0.5·0.35 + 0.5·0.65 = 0.5; κ = 0.25 / 0.5 = 0.5.
        let units = [(true, true); 6]
            .into_iter()
            .chain([(true, false); 4])
            .chain([(false, true); 1])
            .chain([(false, false); 9]);
        let t = unit_table(units);
        assert!(close(t.percent_agreement(), 0.75));
        assert!(close(t.kappa(), 0.5));
        // A single pooled rate ((0.5 + 0.35) / 2 = 0.425 for both coders)
        // would give p_e = 0.425² + 0.575² = 0.511 25 and κ ≈ 0.4885: not this.
        assert!(!close(t.kappa(), (0.75 - 0.51125) / (1.0 - 0.51125)));
    }

    #[test]
    fn opposite_coders_have_negative_kappa_and_certain_chance_none() {
        let t = character_table(10, &[0..5], &[5..10]);
        assert!(close(t.percent_agreement(), 0.0));
        assert!(close(t.kappa(), -1.0));
        // Both coded nothing: agreement is total, kappa undefined.
        let t = character_table(10, &[], &[]);
        assert!(close(t.percent_agreement(), 1.0));
        assert_eq!(t.kappa(), None);
        assert_eq!(Table::default().kappa(), None);
        assert_eq!(Table::default().percent_agreement(), None);
    }

    #[test]
    fn overlapping_codings_of_one_coder_count_once_and_are_clipped() {
        let t = character_table(10, &[0..4, 2..6, 5..7], &[8..20]);
        // A covers 0..7 (7), B covers 8..10 (2), no overlap, neither = 1.
        assert_eq!(
            t,
            Table {
                both: 0,
                only_a: 7,
                only_b: 2,
                neither: 1
            }
        );
    }

    #[test]
    fn the_demo_focus_group_coded_twice() {
        let d = crate::domain::testing::demo();
        let group: Vec<_> = d
            .documents
            .iter()
            .filter(|x| x.kind.key() == "transcript" && x.cohort == 3)
            .cloned()
            .collect();
        assert_eq!(group.len(), 1);
        let lengths: Vec<(Id, usize)> = group
            .iter()
            .map(|x| (x.id, x.text.chars().count()))
            .collect();
        let r = report(&lengths, &d.quotes, &d.codings, 1, 2);
        // Worked by hand from the demo's codings: of the 19 participants'
        // turns, coder 1 applied "links between local and central
        // government" to turns 2 and 14, coder 2 to turns 2, 9 and 14.
        // both 2, only B 1, neither 16: p_o = 18/19; a = 2/19; b = 3/19;
        // p_e = (2·3 + 17·16) / 19² = 278/361;
        // κ = (342 − 278) / (361 − 278) = 64/83.
        let code = d
            .codes
            .iter()
            .find(|c| c.name.starts_with("חיבור בין השלטון המקומי"))
            .unwrap()
            .id;
        let c = r.codes.iter().find(|c| c.code == code).unwrap();
        assert_eq!(
            c.quotes,
            Table {
                both: 2,
                only_a: 0,
                only_b: 1,
                neither: 16
            }
        );
        assert!(close(c.quotes.kappa(), 64.0 / 83.0));
        // Characters: the whole text is the universe, so agreement is high.
        assert_eq!(c.characters.n(), group[0].text.chars().count() as u64);
        assert!(c.characters.percent_agreement().unwrap() > 0.9);
        // Overall pools the codes.
        let n: u64 = r.codes.iter().map(|c| c.quotes.n()).sum();
        assert_eq!(r.quotes.n(), n);
        assert!(r.quotes.kappa().unwrap() > 0.0 && r.quotes.kappa().unwrap() < 1.0);
        // A coder against themself agrees perfectly.
        let same = report(&lengths, &d.quotes, &d.codings, 1, 1);
        assert!(close(same.characters.kappa(), 1.0));
    }

    #[test]
    fn pooling_adds_cell_by_cell() {
        let mut total = character_table(10, &[0..4], &[2..6]);
        total.add(&character_table(100, &[10..14], &[10..14]));
        assert_eq!(
            total,
            Table {
                both: 6,
                only_a: 2,
                only_b: 2,
                neither: 100
            }
        );
        assert_eq!(total.n(), 110);
    }
}
