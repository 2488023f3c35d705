//! Where a project's files are: a `.qdpx` archive (a ZIP holding a `.qde`
//! and its sources), or a bare `.qde` with its sources beside it.
//!
//! An archive is read with limits, whatever its headers claim: an entry's
//! path must stay inside it (no `..`, no absolute path, no drive); an entry
//! holds at most [`Limits::entry`] bytes and all of them [`Limits::total`];
//! an entry past a mebibyte may expand at most [`Limits::ratio`] times its
//! compressed size; at most [`Limits::entries`] entries.

use super::{ArchiveFlaw, QdaError};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub entry: u64,
    pub total: u64,
    pub ratio: u64,
    pub entries: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            entry: 512 << 20,
            total: 2 << 30,
            ratio: 250,
            entries: 200_000,
        }
    }
}

pub enum Container {
    Zip {
        file: String,
        zip: zip::ZipArchive<std::fs::File>,
        /// Entry names in lower case → index.
        names: HashMap<String, usize>,
        limits: Limits,
        read: u64,
    },
    Folder {
        dir: PathBuf,
    },
}

/// What was found: the project's XML, its name inside the container, and
/// the container to read its sources from.
pub struct Opened {
    pub xml: String,
    pub inner: String,
    pub container: Container,
}

pub(super) fn io(file: &str, e: impl std::fmt::Display) -> QdaError {
    QdaError::Io {
        file: file.into(),
        message: e.to_string(),
    }
}

fn flaw(file: &str, flaw: ArchiveFlaw) -> QdaError {
    QdaError::Archive {
        file: file.into(),
        flaw,
    }
}

/// Opens `path`: a ZIP archive, or else an XML file read as it is.
pub fn open(path: &Path, limits: Limits) -> Result<Opened, QdaError> {
    let file = path.display().to_string();
    let mut f = std::fs::File::open(path).map_err(|e| io(&file, e))?;
    let mut magic = [0u8; 4];
    let n = f.read(&mut magic).map_err(|e| io(&file, e))?;
    if n == 4 && &magic == b"PK\x03\x04" || &magic[..n.min(4)] == b"PK\x05\x06" {
        drop(f);
        let f = std::fs::File::open(path).map_err(|e| io(&file, e))?;
        let zip =
            zip::ZipArchive::new(f).map_err(|e| flaw(&file, ArchiveFlaw::NotZip(e.to_string())))?;
        if zip.len() > limits.entries {
            return Err(flaw(&file, ArchiveFlaw::TooManyEntries(zip.len())));
        }
        let mut names = HashMap::new();
        for i in 0..zip.len() {
            let name = zip.name_for_index(i).unwrap_or_default().to_string();
            check_name(&file, &name)?;
            names.insert(name.to_lowercase(), i);
        }
        let mut c = Container::Zip {
            file: file.clone(),
            zip,
            names,
            limits,
            read: 0,
        };
        let inner = c
            .project_entry()
            .ok_or_else(|| flaw(&file, ArchiveFlaw::NoProject))?;
        let bytes = c.read(&inner)?.unwrap_or_default();
        let xml = utf8(&format!("{file}: {inner}"), bytes)?;
        return Ok(Opened {
            xml,
            inner,
            container: c,
        });
    }
    drop(f);
    let bytes = std::fs::read(path).map_err(|e| io(&file, e))?;
    let xml = utf8(&file, bytes)?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(Opened {
        xml,
        inner: String::new(),
        container: Container::Folder { dir },
    })
}

/// An entry's name must stay inside the archive.
fn check_name(file: &str, name: &str) -> Result<(), QdaError> {
    let n = name.replace('\\', "/");
    let absolute = n.starts_with('/')
        || n.as_bytes().get(1) == Some(&b':') && n.as_bytes()[0].is_ascii_alphabetic();
    if absolute {
        return Err(flaw(file, ArchiveFlaw::Absolute(name.into())));
    }
    if n.split('/').any(|part| part == "..") {
        return Err(flaw(file, ArchiveFlaw::Climbs(name.into())));
    }
    Ok(())
}

/// Text in UTF-8 (a byte-order mark kept: the positions may count it) or
/// in UTF-16 with a byte-order mark.
pub fn utf8(file: &str, bytes: Vec<u8>) -> Result<String, QdaError> {
    let not_text = || QdaError::NotText { file: file.into() };
    match crate::interchange::encoding::utf16_by_mark(&bytes) {
        // The mark is kept: the file's positions may count it.
        Some(text) => text.map(|t| format!("\u{feff}{t}")).ok_or_else(not_text),
        None => String::from_utf8(bytes).map_err(|_| not_text()),
    }
}

impl Container {
    /// The `.qde` of an archive: `project.qde` at its root, or else the one
    /// `.qde` at its root, or else the first anywhere.
    fn project_entry(&self) -> Option<String> {
        let Container::Zip { names, .. } = self else {
            return None;
        };
        let mut qdes: Vec<&String> = names.keys().filter(|n| n.ends_with(".qde")).collect();
        qdes.sort_by_key(|n| (n.as_str() != "project.qde", n.contains('/'), n.len()));
        qdes.first().map(|n| n.to_string())
    }

    /// The bytes of an entry (by its name in any case), `None` when there
    /// is none.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, QdaError> {
        match self {
            Container::Folder { dir } => {
                let p = dir.join(name);
                match std::fs::read(&p) {
                    Ok(b) => Ok(Some(b)),
                    Err(_) => Ok(None),
                }
            }
            Container::Zip {
                file,
                zip,
                names,
                limits,
                read,
            } => {
                let Some(&i) = names.get(&name.to_lowercase()) else {
                    return Ok(None);
                };
                let mut entry = zip.by_index(i).map_err(|e| io(file, e))?;
                let entry_name = entry.name().to_string();
                let compressed = entry.compressed_size().max(1);
                // Read in pieces, whatever the header says, stopping as soon
                // as a limit is passed.
                let cap = limits.entry.min(limits.total.saturating_sub(*read));
                let mut out = vec![];
                let mut piece = vec![0u8; 64 << 10];
                loop {
                    let n = entry
                        .read(&mut piece)
                        .map_err(|e| io(&format!("{file}: {entry_name}"), e))?;
                    if n == 0 {
                        break;
                    }
                    out.extend_from_slice(&piece[..n]);
                    let size = out.len() as u64;
                    if size > limits.entry {
                        return Err(flaw(
                            file,
                            ArchiveFlaw::EntryTooBig(entry_name, limits.entry),
                        ));
                    }
                    if size > cap {
                        return Err(flaw(file, ArchiveFlaw::TotalTooBig(limits.total)));
                    }
                    if size > 1 << 20 && size / compressed > limits.ratio {
                        return Err(flaw(
                            file,
                            ArchiveFlaw::Ratio(entry_name, size / compressed, limits.ratio),
                        ));
                    }
                }
                let size = out.len() as u64;
                *read += size;
                Ok(Some(out))
            }
        }
    }

    /// The plain text a source's path names: `internal://NAME` in the
    /// sources folder (`sources/` or `Sources/`), `relative://PATH` under
    /// the project's base path or beside the file, or a bare name in either
    /// place. `None` when it is nowhere.
    pub fn source_text(
        &mut self,
        path: &str,
        base: Option<&str>,
    ) -> Result<Option<(String, Vec<u8>)>, QdaError> {
        let (scheme, rest) = match path.split_once("://") {
            Some((s, r)) => (s.to_ascii_lowercase(), r.trim_start_matches('/')),
            None => (String::new(), path),
        };
        let rest = rest.replace('\\', "/");
        if rest.split('/').any(|p| p == "..") || rest.is_empty() {
            return Ok(None);
        }
        let file_name = rest.rsplit('/').next().unwrap_or(&rest).to_string();
        let mut tries = vec![
            format!("sources/{rest}"),
            rest.clone(),
            format!("sources/{file_name}"),
            file_name.clone(),
        ];
        if let Container::Folder { .. } = self {
            tries.insert(1, format!("Sources/{rest}"));
        }
        for t in &tries {
            if let Some(b) = self.read(t)? {
                return Ok(Some((t.clone(), b)));
            }
        }
        if scheme == "relative"
            && let Some(base) = base
        {
            let p = Path::new(base).join(&rest);
            if let Ok(b) = std::fs::read(&p) {
                return Ok(Some((p.display().to_string(), b)));
            }
        }
        Ok(None)
    }

    pub fn file(&self) -> String {
        match self {
            Container::Zip { file, .. } => file.clone(),
            Container::Folder { dir } => dir.display().to_string(),
        }
    }
}
