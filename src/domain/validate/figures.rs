//! A result's figures checked against its scale.

use super::Problems;
use crate::domain::{Fault, Figures};

pub(super) fn validate_figures(
    p: &mut Problems,
    path: &str,
    figures: &Figures,
    options: Option<usize>,
) {
    let check_len = |p: &mut Problems, len: usize, field: &str| {
        if let Some(n) = options
            && n != len
        {
            p.add(
                format!("{path}.figures.{field}"),
                Fault::Values { len, options: n },
            );
        }
    };
    match figures {
        Figures::Counts { counts } => check_len(p, counts.len(), "counts"),
        Figures::Percentages { percents } => {
            check_len(p, percents.len(), "percents");
            for (j, v) in percents.iter().enumerate() {
                if let Some(v) = v
                    && *v > 100
                {
                    p.add(format!("{path}.figures.percents[{j}]"), Fault::Over100(*v));
                }
            }
        }
        Figures::TopBox { n, count } => {
            if count > n {
                p.add(
                    format!("{path}.figures.count"),
                    Fault::MoreThanN {
                        count: *count,
                        n: *n,
                    },
                );
            }
        }
        Figures::ReportedShare { percent } => {
            if *percent > 100 {
                p.add(format!("{path}.figures.percent"), Fault::Over100(*percent));
            }
        }
        Figures::NotRecoverable => {}
    }
}

pub(super) fn is_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}
