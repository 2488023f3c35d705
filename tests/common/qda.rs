//! Small REFI-QDA projects made in the tests, and the schema's check.

use std::io::Write;
use std::path::{Path, PathBuf};

pub const DOC: &str = "00000000-0000-4000-8000-0000000000d0";
pub const CODE: &str = "00000000-0000-4000-8000-0000000000c0";

/// A GUID numbered `n`.
pub fn guid(n: usize) -> String {
    format!("00000000-0000-4000-8000-{n:012x}")
}

/// A project with two users, the code [`CODE`] and one more, and `sources`
/// (the inside of `<Sources>`, none when empty).
pub fn project(sources: &str) -> String {
    project_with_codes(
        &format!(
            r##"<Code guid="{CODE}" name="theme" isCodable="true" color="#112233"/>
                <Code guid="{}" name="other" isCodable="true"/>"##,
            guid(2)
        ),
        sources,
    )
}

pub fn project_with_codes(codes: &str, sources: &str) -> String {
    let sources = if sources.is_empty() {
        String::new()
    } else {
        format!("<Sources>{sources}</Sources>")
    };
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="made in a test">
<Users><User guid="{}" name="A"/><User guid="{}" name="B"/></Users>
<CodeBook><Codes>{codes}</Codes></CodeBook>
{sources}
</Project>"#,
        guid(1),
        guid(3)
    )
}

/// A ZIP of `entries` (name, bytes), written as they are.
pub fn zip_file(dir: &Path, entries: &[(String, Vec<u8>)]) -> PathBuf {
    let path = dir.join("p.qdpx");
    let f = std::fs::File::create(&path).unwrap();
    let mut z = zip::ZipWriter::new(f);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        z.start_file(name.as_str(), opts).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap();
    path
}

fn xmllint() -> bool {
    let there = std::process::Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok();
    if !there {
        eprintln!("skipped: xmllint is not installed (.ci/run installs libxml2-utils)");
    }
    there
}

fn schema() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/interop/Project.xsd");
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is not here", p.display());
        None
    }
}

fn lint(xml: &Path, xsd: &Path) {
    let out = std::process::Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(xsd)
        .arg(xml)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{} does not validate: {}",
        xml.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The archive's `project.qde` validates against the standard's schema.
pub fn validate_qdpx(qdpx: &Path) {
    let (Some(xsd), true) = (schema(), xmllint()) else {
        return;
    };
    let mut z = zip::ZipArchive::new(std::fs::File::open(qdpx).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut z.by_name("project.qde").unwrap(), &mut xml).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("project.qde");
    std::fs::write(&p, xml).unwrap();
    lint(&p, &xsd);
}

/// A codebook validates: the standard's codebook is the project schema's
/// `CodeBookType` in the codebook namespace, so it is checked as the
/// codebook of a project (its namespace and root checked here).
pub fn validate_qdc(qdc: &Path) {
    let xml = std::fs::read_to_string(qdc).unwrap();
    assert!(
        xml.contains("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""),
        "{xml}"
    );
    let (Some(xsd), true) = (schema(), xmllint()) else {
        return;
    };
    let (start, end) = (xml.find("<Codes>").unwrap(), xml.rfind("</Codes>").unwrap());
    let codes = &xml[start..end + "</Codes>".len()];
    let wrapped = format!(
        "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"codebook\"><CodeBook>{codes}</CodeBook></Project>"
    );
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("codebook.qde");
    std::fs::write(&p, wrapped).unwrap();
    lint(&p, &xsd);
}
