//! Files written out of the store for people to read: a table as Markdown
//! and CSV, under names not yet taken in the folder (never overwriting).

use super::tables::{self, Table};
use std::path::{Path, PathBuf};

/// Writes `table` as `stem.md` and `stem.csv` in `dir` (with `-2`, `-3`, …
/// when those are taken); never overwrites a file.
/// Writes `files` (extension and text) beside each other as `stem.EXT`
/// in `dir`, or `stem-2.EXT` and so on where one of them is taken: never
/// over a file. Nothing is left half written.
pub fn write_files(
    stem: &str,
    dir: &Path,
    files: &[(&str, String)],
) -> std::io::Result<Vec<PathBuf>> {
    for n in 1..1000 {
        let name = if n == 1 {
            stem.to_string()
        } else {
            format!("{stem}-{n}")
        };
        let paths: Vec<PathBuf> = files
            .iter()
            .map(|(ext, _)| dir.join(format!("{name}.{ext}")))
            .collect();
        if paths.iter().any(|p| p.exists()) {
            continue;
        }
        for (i, (path, (_, text))) in paths.iter().zip(files).enumerate() {
            if let Err(e) = write_new(path, text) {
                for written in &paths[..i] {
                    let _ = std::fs::remove_file(written);
                }
                return Err(e);
            }
        }
        return Ok(paths);
    }
    Err(std::io::Error::other(format!(
        "{}: too many files named {stem}",
        dir.display()
    )))
}

pub fn write_table(table: &Table, stem: &str, dir: &Path) -> std::io::Result<(PathBuf, PathBuf)> {
    let files = [("md", tables::markdown(table)), ("csv", tables::csv(table))];
    let p = write_files(stem, dir, &files)?;
    Ok((p[0].clone(), p[1].clone()))
}

fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(text.as_bytes())
}

/// A name made fit for a file: letters and digits of any script kept
/// (Hebrew stays Hebrew), lower-cased, everything else one `-`; at most 60
/// characters; empty when nothing is left.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let t = Table {
            title: "t".into(),
            corner: "c".into(),
            columns: vec!["x".into()],
            rows: vec![],
            numbered: false,
            by_column: None,
        };
        let (md, csv) = write_table(&t, "stem", dir.path()).unwrap();
        assert_eq!(md, dir.path().join("stem.md"));
        assert_eq!(csv, dir.path().join("stem.csv"));
        let (md2, _) = write_table(&t, "stem", dir.path()).unwrap();
        assert_eq!(md2, dir.path().join("stem-2.md"));
        assert!(std::fs::read_to_string(md).unwrap().starts_with("## t\n"));
    }

    #[test]
    fn a_slug_keeps_hebrew_and_drops_what_files_dislike() {
        assert_eq!(slug("ציפיות שנענו"), "ציפיות-שנענו");
        assert_eq!(slug("Tools / data: \"BI\"?"), "tools-data-bi");
        assert_eq!(slug("  ?? "), "");
        assert!(slug(&"א".repeat(100)).chars().count() <= 60);
    }
}
