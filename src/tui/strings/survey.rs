//! What survey answers row by row say: `survey map`, `import survey`, and
//! the Survey view's split.

use crate::interchange::survey::{SurveyImportError, SurveyImported};

pub trait Surveys {
    fn survey_error(&self, e: &SurveyImportError) -> String;

    /// The lines after `import survey`: into which instrument, what came
    /// in and what was found again, what was left out, and the instruments
    /// the same respondents answered.
    fn survey_imported(&self, file: &str, done: &SurveyImported) -> Vec<String>;

    /// Over a question's answers row by row: how many respondents its
    /// instrument has, and the split (`None`: none; `Some("")`: by cohort).
    fn answers_heading(&self, respondents: u64, split: Option<&str>) -> String;

    /// The first row of `w`'s list: no filter.
    fn everyone(&self) -> &'static str;

    /// `w` on a question whose respondents carry no attribute.
    fn no_attributes(&self) -> &'static str;

    /// `export table roles --attribute NAME` where no quote's respondent
    /// has NAME (or with another table): the attributes there are.
    fn no_quote_attribute(&self, name: &str, known: &[String]) -> String;

    /// `--only` without `=`.
    fn only_needs_a_value(&self, given: &str) -> String;

    /// After the heading of the answers: whom the filter keeps.
    fn only(&self, name: &str, value: &str) -> String;

    /// A segment's label when there is no split.
    fn all_respondents(&self) -> &'static str;

    /// The segment of respondents without the attribute.
    fn not_given(&self) -> &'static str;

    /// How many answered, and how many left it unanswered.
    fn answered(&self, n: u32, missing: u32) -> String;

    /// A segment too small to say much.
    fn few(&self, under: u32) -> String;

    /// Over the figures the source gave, below the answers row by row.
    fn as_given(&self) -> &'static str;

    /// A numeric item's mean, median and range.
    fn mean_median(&self, mean: f64, median: f64, min: f64, max: f64) -> String;

    /// The title of a respondent's card (opened from search): their id in
    /// the file.
    fn respondent(&self, key: &str) -> String;

    /// A question the respondent left unanswered.
    fn no_answer(&self) -> &'static str;

    /// Over the respondent's open answers.
    fn open_answers(&self) -> &'static str;

    /// Over the other instruments the same id answered.
    fn also_answered(&self) -> &'static str;

    /// Under the card: how it closes.
    fn card_closes(&self, key: &str) -> String;
}

pub use crate::analysis::figure;
