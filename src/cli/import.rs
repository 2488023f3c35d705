//! `tovana import`: a JSON store, a transcript. The reading is the
//! importers' (`interchange`); here the arguments and what is printed.

use super::CliError;
use super::print_counts;
use crate::interchange;
use crate::store::{Store, StoreError};
use std::path::Path;

pub(super) fn import_json(db: &Path, file: &Path, replace: bool) -> Result<(), CliError> {
    let bytes = std::fs::read(file)
        .map_err(|e| CliError(format!("{}: cannot read: {e}", file.display())))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        CliError(format!(
            "{}: line {line}, byte {at}: not UTF-8; nothing written",
            file.display()
        ))
    })?;
    let data =
        interchange::from_json(text).map_err(|e| CliError(format!("{}: {e}", file.display())))?;
    let problems = data.validate();
    if !problems.is_empty() {
        return Err(CliError(format!(
            "{}: the data is not valid; nothing written:\n  {}",
            file.display(),
            problems.join("\n  ")
        )));
    }
    let store = if db.exists() {
        let mut store = Store::open(db)?;
        if !store.is_empty()? && !replace {
            return Err(StoreError::NotEmpty(db.to_path_buf()).into());
        }
        store.replace_all(&data)?;
        store
    } else {
        Store::create(db, &data)?
    };
    println!(
        "imported {} into {}",
        file.display(),
        store.path().display()
    );
    print_counts(&store)
}

pub(super) fn import_transcript(
    store: &mut Store,
    file: &Path,
    cohort: &str,
    instrument: Option<&str>,
    title: Option<String>,
) -> Result<(), CliError> {
    let place = interchange::transcript::Placement {
        cohort,
        instrument,
        title,
    };
    let done = interchange::transcript::import_file(store, file, place).map_err(CliError)?;
    println!(
        "imported {} as document {} of cohort {}: {} speaker turns{}",
        file.display(),
        done.document,
        done.cohort,
        done.turns,
        if done.one_per_line {
            " (split at the speakers' labels: the file has no blank lines)"
        } else {
            ""
        }
    );
    Ok(())
}
