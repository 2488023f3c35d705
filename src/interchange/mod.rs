//! Everything that crosses the border of the store: the JSON form of a whole
//! store, REFI-QDA projects and codebooks (`qda`), survey exports row by
//! row (`survey`), transcripts, tables, and the evaluation report
//! (`report`: HTML and Markdown).

pub mod encoding;
pub mod files;
pub mod json;
pub mod qda;
pub mod report;
pub mod survey;
pub mod tables;
pub mod transcript;

pub use json::{JsonError, from_json, to_json};

/// The demo store's JSON, compiled into the binary: the Digital Leaders
/// program, cohorts A and C (see the README, "The demo store").
pub const DEMO_JSON: &str = include_str!("../../assets/demo.json");

/// The demo store as a dataset.
pub fn demo() -> crate::domain::Dataset {
    from_json(DEMO_JSON).expect("the embedded demo store is valid JSON (tested)")
}
