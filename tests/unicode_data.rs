//! The mirroring data checked against Unicode's own file, BidiMirroring.txt,
//! as Debian's `unicode-data` package installs it (`.ci/run` installs it;
//! `TOVANA_UNICODE_DATA` names another folder). Every pair the file lists
//! must mirror so; a pair the app knows that the file does not list must be
//! of a character assigned after the file's version (DerivedAge.txt says
//! when), since the app's data may be of a later Unicode.

use std::path::PathBuf;
use tovana::text::mirror;

fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("TOVANA_UNICODE_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/share/unicode"));
    if dir.join("BidiMirroring.txt").exists() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: no BidiMirroring.txt in {} (apt-get install unicode-data)",
            dir.display()
        );
        None
    }
}

fn hex(s: &str) -> u32 {
    u32::from_str_radix(s.trim(), 16).unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

/// The data lines of a UCD file: its fields, comments dropped.
fn fields(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.split(';').map(str::trim).collect())
}

/// The version a UCD file is of, from its first line ("# Name-15.0.0.txt").
fn version(text: &str) -> (u32, u32) {
    let first = text.lines().next().unwrap_or("");
    let v = first
        .rsplit('-')
        .next()
        .and_then(|v| v.strip_suffix(".txt"))
        .unwrap_or_else(|| panic!("no version in {first:?}"));
    let mut parts = v.split('.').map(|p| p.parse::<u32>().unwrap());
    (parts.next().unwrap(), parts.next().unwrap())
}

#[test]
fn mirroring_matches_the_unicode_data_file() {
    let Some(dir) = data_dir() else { return };
    let text = std::fs::read_to_string(dir.join("BidiMirroring.txt")).unwrap();
    let file_version = version(&text);
    let mut listed = std::collections::HashMap::new();
    for f in fields(&text) {
        let (from, to) = (hex(f[0]), hex(f[1]));
        listed.insert(from, to);
    }
    assert!(listed.len() >= 364, "{} pairs", listed.len());
    for (&from, &to) in &listed {
        let c = char::from_u32(from).unwrap();
        assert_eq!(
            mirror(c).map(u32::from),
            Some(to),
            "U+{from:04X} mirrors to U+{to:04X} in BidiMirroring-{file_version:?}"
        );
    }
    // What the app mirrors beyond the file: only characters newer than it.
    let ages = std::fs::read_to_string(dir.join("DerivedAge.txt")).unwrap_or_default();
    let age_of = |c: u32| -> Option<(u32, u32)> {
        fields(&ages).find_map(|f| {
            let (lo, hi) = match f[0].split_once("..") {
                Some((a, b)) => (hex(a), hex(b)),
                None => (hex(f[0]), hex(f[0])),
            };
            (lo..=hi).contains(&c).then(|| {
                let mut p = f[1].split('.').map(|p| p.parse::<u32>().unwrap());
                (p.next().unwrap(), p.next().unwrap())
            })
        })
    };
    let extra: Vec<u32> = (0..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .filter(|c| mirror(*c).is_some() && !listed.contains_key(&u32::from(*c)))
        .map(u32::from)
        .collect();
    for c in &extra {
        if ages.is_empty() {
            panic!("U+{c:04X} is mirrored but not listed, and no DerivedAge.txt says why");
        }
        let age = age_of(*c);
        assert!(
            age.is_none_or(|a| a > file_version),
            "U+{c:04X} (assigned in {age:?}) is mirrored but BidiMirroring-{file_version:?} does not list it"
        );
    }
}
