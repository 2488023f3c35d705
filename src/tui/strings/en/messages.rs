//! What the command line prints, and the errors reported, in English.

use super::En;
use crate::domain::Problem;
use crate::tui::strings::Messages;

/// "`a` or `b`".
fn either(allowed: &[&str]) -> String {
    let quoted: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
    quoted.join(" or ")
}

impl Messages for En {
    fn created(&self, empty: bool, path: &str) -> String {
        let what = if empty {
            "an empty store"
        } else {
            "the demo store"
        };
        format!("created {what} at {path}")
    }

    fn imported_json(&self, file: &str, store: &str) -> String {
        format!("imported {file} into {store}")
    }

    fn imported_transcript(
        &self,
        file: &str,
        document: i64,
        cohort: &str,
        turns: usize,
        one_per_line: bool,
    ) -> String {
        let split = if one_per_line {
            " (split at the speakers' labels: the file has no blank lines)"
        } else {
            ""
        };
        format!(
            "imported {file} as document {document} of cohort {cohort}: {turns} speaker turns{split}"
        )
    }

    fn entity(&self, key: &str) -> String {
        key.to_string()
    }

    fn no_store_yet(&self, path: &str) -> String {
        format!("{path}: no store yet; run `tovana` or `tovana init` to create it")
    }

    fn no_such_store(&self, path: &str) -> String {
        format!("{path}: no such store; `tovana init --db {path}` creates it")
    }

    fn cannot_read(&self, path: &str, why: &str) -> String {
        format!("{path}: cannot read: {why}")
    }

    fn cannot_write(&self, path: &str, why: &str) -> String {
        format!("{path}: cannot write: {why}")
    }

    fn not_a_file_name(&self, path: &str) -> String {
        format!("{path}: not a file name")
    }

    fn standard_output(&self, why: &str) -> String {
        format!("standard output: {why}")
    }

    fn not_utf8(&self, file: &str, line: usize, byte: usize) -> String {
        format!("{file}: line {line}, byte {byte}: not UTF-8; nothing written")
    }

    fn not_valid(&self, file: &str, problems: &[Problem]) -> String {
        let lines: Vec<String> = problems.iter().map(Problem::to_string).collect();
        format!(
            "{file}: the data is not valid; nothing written:\n  {}",
            lines.join("\n  ")
        )
    }

    fn coder_not_kept(&self, why: &str) -> String {
        format!("the coder's name could not be kept: {why}")
    }

    fn no_such_coder(&self, flag: &str, name: &str, known: &[&str]) -> String {
        format!(
            "{flag} {name}: no such coder (the store has: {})",
            known.join(", ")
        )
    }

    fn no_such_code(&self, key: &str) -> String {
        format!("code {key}: no code has this id, name or path")
    }

    fn ambiguous_code(&self, key: &str, paths: &[String]) -> String {
        format!(
            "code {key}: {} codes have this name; give its path ({})",
            paths.len(),
            paths.join("; ")
        )
    }

    fn no_such_cohort(&self, key: &str) -> String {
        format!("--cohort {key}: no such cohort")
    }

    fn no_data_folder(&self) -> &'static str {
        "cannot find the data folder (HOME is not set); name a store with --db PATH"
    }

    fn config_line(&self, path: &str, line: usize) -> String {
        format!("{path}, line {line}")
    }

    fn not_key_value(&self, at: &str, line: &str) -> String {
        format!("{at}: expected `key = value`, found `{line}`")
    }

    fn setting_value(&self, at: &str, key: &str, value: &str, allowed: &[&str]) -> String {
        format!("{at}: {key} is {}, not `{value}`", either(allowed))
    }

    fn coder_needs_name(&self, at: &str) -> String {
        format!("{at}: coder needs a name")
    }

    fn unknown_setting(&self, at: &str, key: &str, known: &[&str]) -> String {
        format!(
            "{at}: unknown setting `{key}` (known: {})",
            known.join(", ")
        )
    }

    fn env_value(&self, var: &str, value: &str, allowed: &[&str]) -> String {
        format!("{var} is {}, not `{value}`", either(allowed))
    }

    fn no_config_folder(&self) -> &'static str {
        "no config folder is known (set HOME or TOVANA_CONFIG)"
    }

    fn terminal_error(&self, why: &str) -> String {
        format!("terminal: {why}")
    }
}
