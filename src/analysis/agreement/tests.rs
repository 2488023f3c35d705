//! The agreement report's cases, by hand and against a count character by
//! character.

// A list of one span is what these cases mean.
#![allow(clippy::single_range_in_vec_init)]

use super::*;

/// The report worked out the slow way, character by character and quote
/// by quote, for codings made up from a seed.
#[test]
fn the_report_agrees_with_a_count_character_by_character() {
    let mut seed = 7u64;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let lengths: Vec<(Id, usize)> = (1..=6).map(|d| (d, 40 + d as usize * 7)).collect();
    let mut quotes = vec![];
    for id in 1..=60 {
        let (doc, len) = lengths[next(6) as usize];
        let start = next(len as u64) as u32;
        let end = (start + 1 + next(12) as u32).min(len as u32);
        quotes.push(Quote {
            id,
            document: doc,
            start,
            end,
            role: String::new(),
            ..Default::default()
        });
    }
    // A quote of a document outside the set is left out.
    quotes.push(Quote {
        id: 99,
        document: 42,
        start: 0,
        end: 5,
        role: String::new(),
        ..Default::default()
    });
    let mut codings = vec![];
    for id in 0..150 {
        codings.push(Coding {
            id,
            quote: if id == 149 { 99 } else { 1 + next(60) as Id },
            code: 1 + next(4) as Id,
            coder: 1 + next(3) as Id,
            memo: String::new(),
            created: String::new(),
            ..Default::default()
        });
    }
    for (a, b) in [(1, 2), (2, 1), (1, 1), (1, 3)] {
        let got = report(&lengths, &quotes, &codings, a, b);
        let at = |q: Id| quotes.iter().find(|x| x.id == q && x.document != 42);
        let used = |coder: Id, code: Id, q: Id| {
            codings
                .iter()
                .any(|c| c.coder == coder && c.code == code && c.quote == q)
        };
        let units: std::collections::BTreeSet<Id> = codings
            .iter()
            .filter(|c| (c.coder == a || c.coder == b) && at(c.quote).is_some())
            .map(|c| c.quote)
            .collect();
        let mut codes: Vec<Id> = codings
            .iter()
            .filter(|c| (c.coder == a || c.coder == b) && at(c.quote).is_some())
            .map(|c| c.code)
            .collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(got.codes.iter().map(|c| c.code).collect::<Vec<_>>(), codes);
        for agreed in &got.codes {
            let code = agreed.code;
            let quotes_table =
                unit_table(units.iter().map(|&q| (used(a, code, q), used(b, code, q))));
            assert_eq!(agreed.quotes, quotes_table, "{a} {b} code {code}");
            let mut chars = Table::default();
            for &(doc, len) in &lengths {
                let covers = |coder: Id, at_char: usize| {
                    codings.iter().any(|c| {
                        c.coder == coder
                            && c.code == code
                            && quotes.iter().any(|q| {
                                q.id == c.quote
                                    && q.document == doc
                                    && (q.start as usize..q.end as usize).contains(&at_char)
                            })
                    })
                };
                chars.add(&unit_table((0..len).map(|i| (covers(a, i), covers(b, i)))));
            }
            assert_eq!(agreed.characters, chars, "{a} {b} code {code}");
        }
    }
}

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
