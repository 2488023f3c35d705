//! `tovana import`: a JSON store, a transcript. The reading is the
//! importers' (`interchange`); here the arguments and what is printed.

use super::CliError;
use super::out::Out;
use super::print_counts;
use crate::interchange;
use crate::store::{Store, StoreError};
use std::path::Path;

pub(super) fn import_json(
    db: &Path,
    file: &Path,
    replace: bool,
    out: &Out,
) -> Result<(), CliError> {
    let lang = out.lang;
    let name = file.display().to_string();
    let bytes =
        std::fs::read(file).map_err(|e| CliError::Said(lang.cannot_read(&name, &e.to_string())))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        CliError::Said(lang.not_utf8(&name, line, at))
    })?;
    let data = interchange::from_json(text).map_err(|e| CliError::Said(format!("{name}: {e}")))?;
    // The store checks the data before it writes anything; its problems are
    // told here with the file's name.
    let invalid = |e: StoreError| match e {
        StoreError::Invalid(problems) => CliError::Said(lang.not_valid(&name, &problems)),
        e => e.into(),
    };
    let store = if db.exists() {
        let mut store = Store::open(db)?;
        tell_waits(&mut store, out);
        if !store.is_empty()? && !replace {
            return Err(StoreError::NotEmpty(db.to_path_buf()).into());
        }
        store.replace_all(&data).map_err(invalid)?;
        store
    } else {
        Store::create(db, &data).map_err(invalid)?
    };
    out.say(&lang.imported_json(&name, &store.path().display().to_string()));
    print_counts(&store, out)
}

/// Says on standard error, after a second and every five after, that a write waits for another
/// program's (a window coding, another import) to end.
fn tell_waits(store: &mut Store, out: &Out) {
    let out = *out;
    let mut told = 0;
    store.on_wait(move |waited| {
        let secs = waited.as_secs();
        if secs >= 1 && (told == 0 || secs >= told + 5) {
            told = secs;
            out.fail(&out.lang.waiting_to_write(secs));
        }
        true
    });
}

pub(super) fn import_transcript(
    store: &mut Store,
    file: &Path,
    cohort: &str,
    instrument: Option<&str>,
    title: Option<String>,
    encoding: Option<&str>,
    out: &Out,
) -> Result<(), CliError> {
    let place = interchange::transcript::Placement {
        cohort,
        instrument,
        title,
        encoding,
    };
    tell_waits(store, out);
    let done = interchange::transcript::import_file(store, file, place)
        .map_err(|e| CliError::Said(out.lang.transcript_error(&e)))?;
    out.say(&out.lang.imported_transcript(
        &file.display().to_string(),
        done.document,
        &done.cohort,
        done.turns,
        done.one_per_line,
    ));
    Ok(())
}

pub(super) fn import_survey(
    store: &mut Store,
    file: &Path,
    map: &Path,
    instrument: &str,
    out: &Out,
) -> Result<(), CliError> {
    tell_waits(store, out);
    let done = interchange::survey::import_file(store, file, map, instrument)
        .map_err(|e| CliError::Said(out.lang.survey_error(&e)))?;
    for line in out.lang.survey_imported(&file.display().to_string(), &done) {
        out.say(&line);
    }
    Ok(())
}
