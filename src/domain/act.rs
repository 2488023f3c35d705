//! What a journaled action did, by name: kept in the store's journal so that
//! undo and redo can say, in the interface's language, what they undid.

use serde::{Deserialize, Serialize};

/// A coding or codebook action, with the names it concerns as they were
/// when it was done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Act {
    CreateCode {
        code: String,
    },
    RenameCode {
        code: String,
        to: String,
    },
    ColourCode {
        code: String,
        colour: String,
    },
    DescribeCode {
        code: String,
    },
    CodeMemo {
        code: String,
    },
    /// Under another code, or (`None`) to the top.
    MoveCode {
        code: String,
        under: Option<String>,
    },
    DeleteCode {
        code: String,
    },
    MergeCode {
        code: String,
        into: String,
    },
    ApplyCode {
        code: String,
    },
    /// A code made and applied in one step.
    ApplyNewCode {
        code: String,
    },
    RemoveCode {
        code: String,
    },
    CodingMemo,
    /// A part of the evaluation added, edited, deleted or moved, named by
    /// its name, label or the start of its text.
    Add {
        part: super::Part,
        name: String,
    },
    Edit {
        part: super::Part,
        name: String,
    },
    Delete {
        part: super::Part,
        name: String,
    },
    Move {
        part: super::Part,
        name: String,
        up: bool,
    },
    /// A piece of evidence cited in a finding, taken out of it.
    Cite {
        name: String,
    },
    Uncite {
        name: String,
    },
    /// What became of a recommendation.
    Uptake {
        name: String,
    },
    /// A label that is not an act's (written before acts were kept).
    #[serde(skip)]
    Other(String),
}

impl Act {
    /// The form the journal keeps.
    pub fn label(&self) -> String {
        match self {
            Act::Other(s) => s.clone(),
            act => serde_json::to_string(act).unwrap_or_default(),
        }
    }

    /// An act from its kept form; any other text stands as it is.
    pub fn from_label(label: &str) -> Act {
        serde_json::from_str(label).unwrap_or_else(|_| Act::Other(label.to_string()))
    }

    /// An act on a part of the evaluation (not on coding or the codebook).
    pub fn is_authoring(&self) -> bool {
        matches!(
            self,
            Act::Add { .. }
                | Act::Edit { .. }
                | Act::Delete { .. }
                | Act::Move { .. }
                | Act::Uptake { .. }
                | Act::Cite { .. }
                | Act::Uncite { .. }
        )
    }

    /// The act in English words (the store's messages use them).
    pub fn english(&self) -> String {
        match self {
            Act::CreateCode { code } => format!("create code '{code}'"),
            Act::RenameCode { code, to } => format!("rename code '{code}' to '{to}'"),
            Act::ColourCode { code, colour } => format!("colour code '{code}' {colour}"),
            Act::DescribeCode { code } => format!("describe code '{code}'"),
            Act::CodeMemo { code } => format!("memo on code '{code}'"),
            Act::MoveCode {
                code,
                under: Some(p),
            } => format!("move code '{code}' under '{p}'"),
            Act::MoveCode { code, under: None } => format!("move code '{code}' to the top"),
            Act::DeleteCode { code } => format!("delete code '{code}'"),
            Act::MergeCode { code, into } => format!("merge code '{code}' into '{into}'"),
            Act::ApplyCode { code } => format!("apply code '{code}'"),
            Act::ApplyNewCode { code } => format!("create and apply code '{code}'"),
            Act::RemoveCode { code } => format!("remove code '{code}'"),
            Act::CodingMemo => "memo on a coding".into(),
            Act::Add { part, name } => format!("add {} '{name}'", part_word(*part)),
            Act::Edit { part, name } => format!("edit {} '{name}'", part_word(*part)),
            Act::Delete { part, name } => format!("delete {} '{name}'", part_word(*part)),
            Act::Move { part, name, up } => format!(
                "move {} '{name}' {}",
                part_word(*part),
                if *up { "up" } else { "down" }
            ),
            Act::Uptake { name } => format!("set what became of '{name}'"),
            Act::Cite { name } => format!("cite in finding '{name}'"),
            Act::Uncite { name } => format!("take evidence out of finding '{name}'"),
            Act::Other(s) => s.clone(),
        }
    }
}

fn part_word(part: super::Part) -> &'static str {
    match part {
        super::Part::Program => "program",
        super::Part::Cohort => "cohort",
        super::Part::Meeting => "meeting",
        super::Part::Instrument => "instrument",
        super::Part::Finding => "finding",
        super::Part::Recommendation => "recommendation",
    }
}

/// A part's name as an act gives it: at most 40 characters, on one line.
pub fn short_name(text: &str) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= 40 {
        line
    } else {
        let cut: String = line.chars().take(39).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_act_comes_back_from_its_label_and_other_text_stands() {
        let act = Act::MergeCode {
            code: "א".into(),
            into: "ב \"ג\"".into(),
        };
        assert_eq!(Act::from_label(&act.label()), act);
        assert_eq!(act.english(), "merge code 'א' into 'ב \"ג\"'");
        let old = Act::from_label("apply code 'x'");
        assert_eq!(old, Act::Other("apply code 'x'".into()));
        assert_eq!(old.label(), "apply code 'x'");
        assert_eq!(Act::from_label(&Act::CodingMemo.label()), Act::CodingMemo);
    }
}
