//! What the command line writes: counts to standard output, and files
//! written whole or not at all.

use super::CliError;
use super::out::Out;
use crate::lang::Lang;
use crate::store::Store;
use crate::text::Direction;
use std::path::{Path, PathBuf};

/// What the store holds, a row per entity: its name in the interface's
/// language, padded to a column, and the count.
pub(super) fn print_counts(store: &Store, out: &Out) -> Result<(), CliError> {
    let counts = store.counts()?;
    let rows: Vec<String> = counts
        .rows()
        .iter()
        .map(|(key, n)| {
            let name = out.lang.entity(key);
            let pad = " ".repeat(16usize.saturating_sub(crate::text::width(&name)));
            // The count's last digit stands by the name's column: at the
            // right of the field in English, at its left (beside the name)
            // when the line reads right to left.
            match out.lang.direction() {
                Direction::Ltr => format!("{name}{pad} {n:>6}"),
                Direction::Rtl => format!("{name}{pad} {n:<6}"),
            }
        })
        .collect();
    out.say(&rows.join("\n"));
    Ok(())
}

/// Writes `text` to standard output. A reader that stops reading (`| head`)
/// has what it asked for: that is no error to report.
pub(super) fn write_stdout(text: &str, lang: Lang) -> Result<(), CliError> {
    use std::io::Write;
    let mut o = std::io::stdout().lock();
    match o.write_all(text.as_bytes()).and_then(|_| o.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(CliError::Said(lang.standard_output(&e.to_string())))
        }
        _ => Ok(()),
    }
}

/// Writes `bytes` to `path` through a file beside it, so that a failure never
/// leaves half a file.
pub(super) fn write_atomically(path: &Path, bytes: &[u8], lang: Lang) -> Result<(), CliError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| CliError::Said(lang.not_a_file_name(&path.display().to_string())))?;
    let tmp = dir.join(format!(
        ".{}.{}.partial",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = std::fs::write(&tmp, bytes).and_then(|_| std::fs::rename(&tmp, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        CliError::Said(lang.cannot_write(&path.display().to_string(), &e.to_string()))
    })
}
