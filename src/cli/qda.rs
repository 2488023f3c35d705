//! `tovana import qdpx|qdc`, `tovana export qdpx|qdc`, `tovana merge`: the
//! reading and writing are `interchange::qda`'s; here the store is opened
//! or made, and what was done is said.

use super::CliError;
use super::out::Out;
use crate::domain::Dataset;
use crate::interchange::qda::{self, Options, Summary};
use crate::store::Store;
use std::path::Path;

fn say_summary(s: &Summary, out: &Out) {
    for line in out.lang.qda_imported(s) {
        out.say(&line);
    }
}

/// Imports into the store at `db`, made (empty) when there is none; a
/// store made here is removed again when the import fails.
pub(super) fn import(
    db: &Path,
    file: &Path,
    cohort: Option<String>,
    codebook: bool,
    out: &Out,
) -> Result<(), CliError> {
    let bar = super::progress::Progress::start(&out.for_bar(&file.display().to_string()));
    let tell = |stage: qda::Stage| match stage {
        qda::Stage::Parsing => bar.stage(&out.for_bar(out.lang.progress_reading()), None),
        qda::Stage::Sources { done, of } => {
            if done == 0 {
                bar.stage(&out.for_bar(out.lang.progress_sources()), Some(of as u64));
            }
            bar.set(done as u64);
        }
        qda::Stage::Writing => bar.stage(&out.for_bar(out.lang.progress_writing()), None),
    };
    let opts = Options {
        cohort,
        codebook,
        progress: Some(&tell),
        ..Options::default()
    };
    let said = |e: qda::QdaError| CliError::Said(out.lang.qda_error(&e));
    let (store, s) = if db.exists() {
        let mut store = Store::open(db)?;
        let s = qda::import(&mut store, file, &opts).map_err(said)?;
        (store, s)
    } else {
        // A new store is built whole and takes its name only when the
        // import succeeded: a failed one leaves nothing.
        Store::create_with(db, &Dataset::default(), |store| {
            qda::import(store, file, &opts)
        })
        .map_err(said)?
    };
    drop(bar);
    say_summary(&s, out);
    super::print_counts(&store, out)
}

pub(super) fn export_qdpx(store: &Store, file: &Path, out: &Out) -> Result<(), CliError> {
    let bar = super::progress::Progress::start(&out.for_bar(&file.display().to_string()));
    bar.stage(&out.for_bar(out.lang.progress_writing()), None);
    let d = store.dataset()?;
    let name = d
        .programs
        .first()
        .map(|p| p.name.clone())
        .unwrap_or_else(|| "tovana".into());
    let w =
        qda::export_project(&d, &name, file).map_err(|e| CliError::Said(out.lang.qda_error(&e)))?;
    drop(bar);
    out.say(&out.lang.qdpx_exported(&file.display().to_string(), &w));
    Ok(())
}

pub(super) fn export_qdc(store: &Store, file: &Path, out: &Out) -> Result<(), CliError> {
    let d = store.dataset()?;
    let n = qda::export_codebook(&d, file).map_err(|e| CliError::Said(out.lang.qda_error(&e)))?;
    out.say(&out.lang.qdc_exported(&file.display().to_string(), n));
    Ok(())
}

pub(super) fn merge(store: &mut Store, other: &Path, out: &Out) -> Result<(), CliError> {
    let theirs = Store::open(other)?.dataset()?;
    let merged = store.merge_batch(&qda::from_store::batch_of(&theirs))?;
    let s = Summary {
        file: other.display().to_string(),
        merged,
        ..Summary::default()
    };
    let mut lines = out.lang.qda_imported(&s);
    lines[0] = out.lang.merged_from(&s.file);
    for line in lines {
        out.say(&line);
    }
    super::print_counts(store, out)
}
