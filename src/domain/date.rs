use serde::{Deserialize, Serialize};
use std::fmt;

/// A date known to the year, the month or the day: `2017`, `2017-05` or
/// `2017-05-14`. Reports often give only a month, and a made-up day would be
/// an invented figure.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PartialDate(String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
            self.0
        )
    }
}

impl std::error::Error for DateError {}

impl PartialDate {
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let err = || DateError(s.to_string());
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        match parts.as_slice() {
            [y] => num(y, 4).map(|_| ()).ok_or_else(err)?,
            [y, m] => {
                num(y, 4).ok_or_else(err)?;
                let m = num(m, 2).ok_or_else(err)?;
                if !(1..=12).contains(&m) {
                    return Err(err());
                }
            }
            [y, m, d] => {
                let y = num(y, 4).ok_or_else(err)?;
                let m = num(m, 2).ok_or_else(err)?;
                let d = num(d, 2).ok_or_else(err)?;
                if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
                    return Err(err());
                }
            }
            _ => return Err(err()),
        }
        Ok(PartialDate(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn year(&self) -> u32 {
        self.0[..4].parse().expect("validated on construction")
    }

    /// The month, when the date is known to the month.
    pub fn month(&self) -> Option<u32> {
        self.0.get(5..7).and_then(|m| m.parse().ok())
    }
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl TryFrom<String> for PartialDate {
    type Error = DateError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        PartialDate::parse(&s)
    }
}

impl From<PartialDate> for String {
    fn from(d: PartialDate) -> String {
        d.0
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The time now, RFC 3339 in UTC to the second: when a coding was made.
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    rfc3339(secs)
}

/// Seconds since 1970-01-01 UTC as `YYYY-MM-DDTHH:MM:SSZ` (days to a civil
/// date by Howard Hinnant's algorithm, proleptic Gregorian).
pub fn rfc3339(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3_600,
        rem % 3_600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_become_a_utc_timestamp() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        // 2000-02-29 12:34:56, a leap day in a century leap year.
        assert_eq!(rfc3339(951_827_696), "2000-02-29T12:34:56Z");
        assert_eq!(rfc3339(1_795_391_999), "2026-11-22T23:59:59Z");
    }

    #[test]
    fn accepts_year_month_and_day_precision() {
        for ok in ["2017", "2017-05", "2020-02-29", "2019-12-31"] {
            assert_eq!(PartialDate::parse(ok).unwrap().as_str(), ok);
        }
        let d = PartialDate::parse("2017-09").unwrap();
        assert_eq!((d.year(), d.month()), (2017, Some(9)));
        assert_eq!(PartialDate::parse("2017").unwrap().month(), None);
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in [
            "",
            "17",
            "2017-5",
            "2017-13",
            "2019-02-29",
            "2017-04-31",
            "2017/05",
            "2017-05-01-1",
            "abcd",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad} should be refused");
        }
    }
}
