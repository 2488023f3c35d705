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
        if t.roles_changed > 0 {
            out.push(format!(
                "the role of {} follows the map's role attribute now",
                n(t.roles_changed, "quote", "quotes")
            ));
        }
        if !t.documents_empty.is_empty() {
            out.push(format!(
                "open questions no one answered, no document made: {}",
                t.documents_empty.join(", ")
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

    fn answers_heading(&self, respondents: u64, split: Option<&str>) -> String {
        let split = match split {
            None => "not split".to_string(),
            Some("") => "by cohort".to_string(),
            Some(a) => format!("by \u{2068}{a}\u{2069}"),
        };
        format!(
            "Answers row by row: {} · {split}",
            n(respondents as usize, "respondent", "respondents")
        )
    }

    fn no_quote_attribute(&self, name: &str, known: &[String]) -> String {
        if known.is_empty() {
            format!(
                "--attribute {name}: no quote is a respondent's open answer \
                 (import survey makes them); the roles table takes speakers' roles"
            )
        } else {
            format!(
                "--attribute {name}: the roles table's columns can be one of the attributes \
                 of the respondents whose answers are quotes: {}",
                known.join(", ")
            )
        }
    }

    fn everyone(&self) -> &'static str {
        "everyone"
    }

    fn no_attributes(&self) -> &'static str {
        "these answers' respondents carry no attribute to count by"
    }

    fn only_needs_a_value(&self, given: &str) -> String {
        format!("--only {given}: say ATTRIBUTE=VALUE")
    }

    fn only(&self, name: &str, value: &str) -> String {
        format!("only \u{2068}{name}\u{2069} = \u{2068}{value}\u{2069}")
    }

    fn all_respondents(&self) -> &'static str {
        "all"
    }

    fn not_given(&self) -> &'static str {
        "(not given)"
    }

    fn answered(&self, count: u32, missing: u32) -> String {
        if missing == 0 {
            format!("n={count}")
        } else {
            format!("n={count} · {missing} missing")
        }
    }

    fn few(&self, under: u32) -> String {
        format!("⚠ under {under}")
    }

    fn as_given(&self) -> &'static str {
        "As the source gives them"
    }

    fn mean_median(&self, mean: f64, median: f64, min: f64, max: f64) -> String {
        use crate::tui::strings::figure;
        format!(
            "mean {} · median {} · {}–{}",
            figure(mean),
            figure(median),
            figure(min),
            figure(max)
        )
    }

    fn respondent(&self, key: &str) -> String {
        format!("Respondent \u{2068}{key}\u{2069}")
    }

    fn no_answer(&self) -> &'static str {
        "— (no answer)"
    }

    fn open_answers(&self) -> &'static str {
        "Open answers"
    }

    fn also_answered(&self) -> &'static str {
        "The same id also answered"
    }

    fn card_closes(&self, key: &str) -> String {
        format!("{key} closes the card")
    }
}
