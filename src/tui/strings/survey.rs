//! What survey answers row by row say: `survey map`, `import survey`, and
//! the Survey view's split.

use crate::interchange::survey::{SurveyImportError, SurveyImported};

pub trait Surveys {
    fn survey_error(&self, e: &SurveyImportError) -> String;

    /// The lines after `import survey`: into which instrument, what came
    /// in and what was found again, what was left out, and the instruments
    /// the same respondents answered.
    fn survey_imported(&self, file: &str, done: &SurveyImported) -> Vec<String>;
}
