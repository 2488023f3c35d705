//! Percentages, response rates and the top-box figure.

use crate::domain::{Figures, Scale};

/// Whole-number percentages of `counts` that add up to exactly 100, by the
/// largest-remainder method: each share is rounded down, and the points left
/// over go to the shares with the largest remainders. Survey reports round
/// this way so that a stacked bar is whole; rounding each share on its own can
/// give 99 or 101. Equal remainders go to the later option, the positive end
/// of a rating scale: both ties in the cohort-A deck were printed that way
/// (15 and 15 of 33 as 45% and 46%).
///
/// Returns `None` when there are no answers.
pub fn percentages(counts: &[u32]) -> Option<Vec<u32>> {
    let n: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    if n == 0 {
        return None;
    }
    // Work in exact integers: share_i = 100 * c_i / n = floor + rem / n.
    let mut out: Vec<u32> = Vec::with_capacity(counts.len());
    let mut remainders: Vec<(u64, usize)> = Vec::with_capacity(counts.len());
    for (i, &c) in counts.iter().enumerate() {
        let scaled = 100 * u64::from(c);
        out.push((scaled / n) as u32);
        remainders.push((scaled % n, i));
    }
    let left = 100 - out.iter().sum::<u32>();
    // Largest remainder first; among equals, the later option.
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    for &(_, i) in remainders.iter().take(left as usize) {
        out[i] += 1;
    }
    Some(out)
}

/// The share `part / whole` as a percentage rounded half up, or `None` when
/// `whole` is 0.
pub fn rounded_percent(part: u32, whole: u32) -> Option<u32> {
    if whole == 0 {
        return None;
    }
    let (p, w) = (u64::from(part), u64::from(whole));
    Some(((200 * p + w) / (2 * w)) as u32)
}

/// Responded / invited, as a percentage rounded half up.
pub fn response_rate(invited: Option<u32>, responded: Option<u32>) -> Option<u32> {
    rounded_percent(responded?, invited?)
}

/// An instrument's response rate as shown: the one its source gives, or
/// else the one its counts give.
pub fn shown_rate(i: &crate::domain::Instrument) -> Option<u32> {
    i.rate.or_else(|| response_rate(i.invited, i.responded))
}

/// The top-box figure of a result and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopBoxShare {
    /// Derived from counts: `count` of `n` answered a top-box option.
    Counted { count: u32, n: u32, percent: u32 },
    /// Added up from printed percentages.
    Printed { percent: u32 },
    /// Stated by the source as it stands.
    Reported { percent: u32 },
}

impl TopBoxShare {
    pub fn percent(self) -> u32 {
        match self {
            TopBoxShare::Counted { percent, .. }
            | TopBoxShare::Printed { percent }
            | TopBoxShare::Reported { percent } => percent,
        }
    }
}

/// The share who chose one of the scale's positive options, when the result
/// says enough to know it.
pub fn top_box_share(scale: &Scale, figures: &Figures) -> Option<TopBoxShare> {
    let top = scale.top_box();
    match figures {
        // A scale with no positive option (gender, yes or no as a fact) has
        // no top box: its figures are read option by option.
        Figures::Counts { .. } | Figures::Percentages { .. } if top.is_empty() => None,
        Figures::Counts { counts } => {
            let n: u32 = counts.iter().sum();
            let count: u32 = top.iter().filter_map(|&i| counts.get(i)).sum();
            Some(TopBoxShare::Counted {
                count,
                n,
                percent: rounded_percent(count, n)?,
            })
        }
        Figures::TopBox { n, count } => Some(TopBoxShare::Counted {
            count: *count,
            n: *n,
            percent: rounded_percent(*count, *n)?,
        }),
        Figures::Percentages { percents } => {
            // Only when every top-box option is printed.
            let parts: Option<Vec<u32>> = top
                .iter()
                .map(|&i| percents.get(i).copied().flatten())
                .collect();
            Some(TopBoxShare::Printed {
                percent: parts?.iter().sum(),
            })
        }
        Figures::ReportedShare { percent } => Some(TopBoxShare::Reported { percent: *percent }),
        Figures::NotRecoverable => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ScaleOption, Valence};

    #[test]
    fn largest_remainder_reproduces_a_printed_stacked_bar() {
        // 10, 16 and 7 of 33: 30.30 / 48.48 / 21.21; rounding each alone gives
        // 30 + 48 + 21 = 99, the report prints 30 / 49 / 21.
        assert_eq!(percentages(&[7, 16, 10]), Some(vec![21, 49, 30]));
        assert_eq!(percentages(&[3, 18, 12]), Some(vec![9, 55, 36]));
    }

    #[test]
    fn percentages_always_sum_to_100() {
        for counts in [
            vec![1, 1, 1],
            vec![1, 2, 3, 4, 5, 6, 7],
            vec![0, 0, 9],
            vec![33],
        ] {
            let p = percentages(&counts).unwrap();
            assert_eq!(p.iter().sum::<u32>(), 100, "{counts:?} -> {p:?}");
        }
        assert_eq!(percentages(&[1, 1, 1]), Some(vec![33, 33, 34]));
        assert_eq!(percentages(&[0, 3, 15, 15]), Some(vec![0, 9, 45, 46]));
        assert_eq!(percentages(&[0, 0]), None);
        assert_eq!(percentages(&[]), None);
    }

    #[test]
    fn response_rate_rounds_half_up_and_needs_both_numbers() {
        assert_eq!(response_rate(Some(35), Some(25)), Some(71));
        assert_eq!(response_rate(Some(8), Some(1)), Some(13)); // 12.5
        assert_eq!(response_rate(None, Some(25)), None);
        assert_eq!(response_rate(Some(0), Some(0)), None);
    }

    fn four_point() -> Scale {
        let o = |label: &str, valence| ScaleOption {
            label: label.into(),
            valence,
        };
        Scale {
            id: 1,
            name: "extent".into(),
            options: vec![
                o("not at all", Valence::Negative),
                o("little", Valence::Negative),
                o("much", Valence::Positive),
                o("very much", Valence::Positive),
            ],
        }
    }

    #[test]
    fn a_scale_without_a_positive_option_has_no_top_box() {
        let neutral = |label: &str| crate::domain::ScaleOption {
            label: label.into(),
            valence: crate::domain::Valence::Neutral,
        };
        let gender = Scale {
            id: 8,
            name: "gender".into(),
            options: vec![neutral("m"), neutral("f")],
        };
        let counts = Figures::Counts {
            counts: vec![23, 10],
        };
        assert_eq!(top_box_share(&gender, &counts), None);
        let printed = Figures::Percentages {
            percents: vec![Some(70), Some(30)],
        };
        assert_eq!(top_box_share(&gender, &printed), None);
        // A share the source states stands whatever the scale.
        assert!(top_box_share(&gender, &Figures::TopBox { n: 33, count: 11 }).is_some());
    }

    #[test]
    fn top_box_comes_from_whatever_the_result_holds() {
        let s = four_point();
        let counted = top_box_share(
            &s,
            &Figures::Counts {
                counts: vec![0, 3, 18, 12],
            },
        )
        .unwrap();
        assert_eq!(
            counted,
            TopBoxShare::Counted {
                count: 30,
                n: 33,
                percent: 91
            }
        );
        let printed = Figures::Percentages {
            percents: vec![None, None, Some(72), Some(22)],
        };
        assert_eq!(
            top_box_share(&s, &printed),
            Some(TopBoxShare::Printed { percent: 94 })
        );
        let half = Figures::Percentages {
            percents: vec![None, None, None, Some(22)],
        };
        assert_eq!(top_box_share(&s, &half), None);
        assert_eq!(
            top_box_share(&s, &Figures::TopBox { n: 33, count: 32 }).map(TopBoxShare::percent),
            Some(97)
        );
        assert_eq!(top_box_share(&s, &Figures::NotRecoverable), None);
    }
}

/// One stretch of a diverging bar: an answer option's share, placed by
/// columns from the centre (negative to the left).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BarPart {
    pub option: usize,
    /// First column, counted from the centre: -3 is the third column left
    /// of it, 0 the first column right of it.
    pub start: i32,
    pub len: u32,
}

/// Lays out a diverging stacked bar `2 * half` columns wide: the negative
/// options to the left of the centre, the positive ones to the right (the
/// mildest of each nearest the centre), a neutral option split across it.
/// `shares` are percentages per option, `None` where unknown (drawn as
/// nothing). Each side is rounded cumulatively from the centre, so the parts
/// of a side add up to its share of `half` columns.
pub fn diverging(
    shares: &[Option<f64>],
    valences: &[crate::domain::Valence],
    half: usize,
) -> Vec<BarPart> {
    use crate::domain::Valence;
    let share = |i: usize| shares.get(i).copied().flatten().unwrap_or(0.0).max(0.0);
    let cols = |pct: f64| (pct / 100.0 * half as f64).round() as i64;
    let mut left: Vec<(usize, f64)> = vec![];
    let mut right: Vec<(usize, f64)> = vec![];
    for (i, v) in valences.iter().enumerate() {
        match v {
            Valence::Negative => left.insert(0, (i, share(i))),
            Valence::Positive => right.push((i, share(i))),
            Valence::Neutral => {
                // Half on each side, nearest the centre.
                left.insert(0, (i, share(i) / 2.0));
                right.insert(0, (i, share(i) / 2.0));
            }
        }
    }
    // Neutral halves go first on both sides (nearest the centre).
    let neutral_first = |side: &mut Vec<(usize, f64)>| {
        side.sort_by_key(|(i, _)| valences[*i] != Valence::Neutral);
    };
    neutral_first(&mut left);
    neutral_first(&mut right);
    let mut parts = vec![];
    let mut place = |side: &[(usize, f64)], sign: i32| {
        let mut sum = 0.0;
        for &(option, pct) in side {
            let from = cols(sum);
            sum += pct;
            let to = cols(sum).min(half as i64);
            if to > from {
                let len = (to - from) as u32;
                let start = if sign > 0 { from as i32 } else { -(to as i32) };
                parts.push(BarPart { option, start, len });
            }
        }
    };
    place(&left, -1);
    place(&right, 1);
    parts
}

/// Percentages per option to draw a result's bar from, when its figures
/// give them: exact shares from counts, printed percentages as printed.
pub fn bar_shares(figures: &Figures, options: usize) -> Option<Vec<Option<f64>>> {
    match figures {
        Figures::Counts { counts } => {
            let n: u32 = counts.iter().sum();
            (n > 0).then(|| {
                counts
                    .iter()
                    .map(|&c| Some(100.0 * f64::from(c) / f64::from(n)))
                    .collect()
            })
        }
        Figures::Percentages { percents } => Some(
            (0..options)
                .map(|i| percents.get(i).copied().flatten().map(f64::from))
                .collect(),
        ),
        _ => None,
    }
}

#[cfg(test)]
mod bar_tests {
    use super::*;
    use crate::domain::Valence::{Negative, Neutral, Positive};

    #[test]
    fn negatives_go_left_positives_right_mildest_nearest_the_centre() {
        // not at all 0, little 9, much 55, very much 36, half = 20 columns
        let parts = diverging(
            &[Some(0.0), Some(9.0), Some(55.0), Some(36.0)],
            &[Negative, Negative, Positive, Positive],
            20,
        );
        assert_eq!(
            parts,
            vec![
                BarPart {
                    option: 1,
                    start: -2,
                    len: 2
                },
                BarPart {
                    option: 2,
                    start: 0,
                    len: 11
                },
                BarPart {
                    option: 3,
                    start: 11,
                    len: 7
                },
            ]
        );
    }

    #[test]
    fn a_neutral_option_straddles_the_centre_and_sides_stay_within_half() {
        let parts = diverging(
            &[Some(10.0), Some(10.0), Some(20.0), Some(40.0), Some(20.0)],
            &[Negative, Negative, Neutral, Positive, Positive],
            10,
        );
        let neutral: Vec<_> = parts.iter().filter(|p| p.option == 2).collect();
        assert_eq!(neutral.len(), 2);
        assert!(neutral.iter().any(|p| p.start == -1) && neutral.iter().any(|p| p.start == 0));
        let right: u32 = parts.iter().filter(|p| p.start >= 0).map(|p| p.len).sum();
        let left: u32 = parts.iter().filter(|p| p.start < 0).map(|p| p.len).sum();
        assert_eq!((left, right), (3, 7));
    }

    #[test]
    fn unknown_shares_draw_nothing() {
        let parts = diverging(
            &[None, None, Some(72.0), Some(22.0)],
            &[Negative, Negative, Positive, Positive],
            10,
        );
        assert_eq!(parts.iter().map(|p| p.len).sum::<u32>(), 9);
        assert!(parts.iter().all(|p| p.start >= 0));
    }
}
