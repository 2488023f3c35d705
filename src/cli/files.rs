//! What the command line writes: counts to standard output, and files
//! written whole or not at all.

use super::CliError;
use crate::store::Store;
use std::path::{Path, PathBuf};

pub(super) fn print_counts(store: &Store) -> Result<(), CliError> {
    let counts = store.counts()?;
    let mut out = String::new();
    for (name, n) in counts.rows() {
        out.push_str(&format!("{name:<16} {n:>6}\n"));
    }
    print!("{out}");
    Ok(())
}

/// Writes `bytes` to `path` through a file beside it, so that a failure never
/// leaves half a file.
pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| CliError(format!("{}: not a file name", path.display())))?;
    let tmp = dir.join(format!(
        ".{}.{}.partial",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = std::fs::write(&tmp, bytes).and_then(|_| std::fs::rename(&tmp, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        CliError(format!("{}: cannot write: {e}", path.display()))
    })
}
