//! Figures of a numeric item's answers (a 0–10 rating, years in the job):
//! mean, median, and a distribution for a bar per value or range.

pub use crate::domain::figure;

/// What a numeric item's answers come to.
#[derive(Debug, Clone, PartialEq)]
pub struct NumericSummary {
    pub n: usize,
    pub mean: f64,
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

/// The summary of `values` (in any order); `None` when there are none.
pub fn numeric_summary(values: &[f64]) -> Option<NumericSummary> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let median = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    Some(NumericSummary {
        n,
        mean: v.iter().sum::<f64>() / n as f64,
        median,
        min: v[0],
        max: v[n - 1],
    })
}

/// How many answers fall at each value or in each range: a row per whole
/// value when they are whole and span at most `rows` values, else `rows`
/// equal ranges from the least to the greatest. Each row is its lowest
/// value, its highest, and its count.
pub fn distribution(values: &[f64], rows: usize) -> Vec<(f64, f64, u32)> {
    let Some(s) = numeric_summary(values) else {
        return vec![];
    };
    let whole = values.iter().all(|x| x.fract() == 0.0);
    let span = s.max - s.min;
    if whole && span < rows as f64 {
        let mut out: Vec<(f64, f64, u32)> = (0..=span as i64)
            .map(|k| (s.min + k as f64, s.min + k as f64, 0))
            .collect();
        for x in values {
            out[(x - s.min) as usize].2 += 1;
        }
        return out;
    }
    let rows = rows.max(1);
    if whole {
        // Ranges of whole values, each as wide: 1–3, 4–6…
        let w = ((span as i64 + 1) as f64 / rows as f64).ceil() as i64;
        let n = ((span as i64) / w + 1) as usize;
        let mut out: Vec<(f64, f64, u32)> = (0..n as i64)
            .map(|k| (s.min + (k * w) as f64, s.min + (k * w + w - 1) as f64, 0))
            .collect();
        for x in values {
            out[((x - s.min) as i64 / w) as usize].2 += 1;
        }
        return out;
    }
    let step = if span == 0.0 { 1.0 } else { span / rows as f64 };
    let mut out: Vec<(f64, f64, u32)> = (0..rows)
        .map(|k| (s.min + k as f64 * step, s.min + (k + 1) as f64 * step, 0))
        .collect();
    for x in values {
        let k = (((x - s.min) / step) as usize).min(rows - 1);
        out[k].2 += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_and_median_of_odd_and_even_counts() {
        let s = numeric_summary(&[7.0, 1.0, 10.0]).unwrap();
        assert_eq!(
            (s.n, s.mean, s.median, s.min, s.max),
            (3, 6.0, 7.0, 1.0, 10.0)
        );
        assert_eq!(numeric_summary(&[1.0, 2.0, 3.0, 10.0]).unwrap().median, 2.5);
        assert!(numeric_summary(&[]).is_none());
    }

    #[test]
    fn whole_values_get_a_row_each_and_others_ranges() {
        let d = distribution(&[0.0, 10.0, 10.0, 7.0], 11);
        assert_eq!(d.len(), 11);
        assert_eq!(d[10], (10.0, 10.0, 2));
        assert_eq!(d[7].2, 1);
        let w = distribution(&[1.0, 3.0, 4.0, 24.0], 11);
        assert_eq!(w[0], (1.0, 3.0, 2));
        assert_eq!(w[1], (4.0, 6.0, 1));
        assert_eq!(w.last().unwrap(), &(22.0, 24.0, 1));
        let r = distribution(&[0.5, 1.5, 40.0], 4);
        assert_eq!(r.len(), 4);
        assert_eq!(r.iter().map(|x| x.2).sum::<u32>(), 3);
        assert_eq!(r[3].2, 1);
    }
}
