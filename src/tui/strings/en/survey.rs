//! Survey answers row by row, in English.

use super::En;
use crate::interchange::survey::{SurveyImportError, SurveyImported};
use crate::tui::strings::Surveys;

fn n(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

impl Surveys for En {
    fn survey_error(&self, e: &SurveyImportError) -> String {
        e.to_string()
    }

    fn survey_imported(&self, file: &str, d: &SurveyImported) -> Vec<String> {
        let t = &d.tally;
        let mut out = vec![format!("imported {file} into {}", d.instrument)];
        out.push(format!(
            "respondents: {} new, {} found again by id",
            t.respondents_new, t.respondents_again
        ));
        out.push(format!(
            "questions: {} new, {} found again by column; {} answers, {} missing",
            t.questions_new, t.questions_again, t.answers, t.missing
        ));
        for (id, title, quotes) in &t.documents {
            out.push(format!(
                "open answers: document {id} \"{title}\", {} to code",
                n(*quotes, "quote", "quotes")
            ));
        }
        for title in &t.documents_kept {
            out.push(format!(
                "open answers \"{title}\": the store has their document from an earlier import; kept as it is"
            ));
        }
        if !d.unnamed.is_empty() {
            out.push(format!(
                "not in the map, left out: {}",
                d.unnamed.join(", ")
            ));
        }
        for (title, count) in &d.linked {
            out.push(format!(
                "the same respondents answered {title}: {}",
                n(*count as usize, "id in common", "ids in common")
            ));
        }
        out
    }
}
