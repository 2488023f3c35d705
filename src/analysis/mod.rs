//! Pure functions over domain values: the figures a view or a report shows
//! are derived here from stored counts, never stored themselves.

pub mod agreement;
pub mod compare;
pub mod cooccurrence;
pub mod numeric;
pub mod survey;

pub use numeric::{NumericSummary, distribution, figure, numeric_summary};
pub use survey::{
    BarPart, TopBoxShare, bar_shares, diverging, percentages, response_rate, rounded_percent,
    shown_rate, top_box_share,
};
