//! Plain-text transcripts: `tovana import transcript FILE`.
//!
//! The format (also in the README):
//! * UTF-8 text. Paragraphs are separated by one or more blank lines; each
//!   paragraph is one speaker turn. The lines of a paragraph are joined with
//!   a space.
//! * A turn that starts with `ROLE: ` names the speaker's role: the text
//!   before the first colon, when it is at most 40 characters long and holds
//!   no sentence punctuation (. ? !). Otherwise the turn has no role.
//! * Each turn becomes a quote of the document (its text after the label),
//!   with that role, ready to be coded.
//!
//! A line that breaks the format is reported by its number: control
//! characters (other than tab), an empty role before a colon (`: text`).

use crate::domain::{DocumentKind, Id};
use crate::store::Store;
use crate::store::documents::NewDocument;
use std::fmt;
use std::path::Path;

/// One speaker turn: its span in the document's text, in code points, and
/// the speaker's role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    pub start: u32,
    pub end: u32,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transcript {
    /// The document's text: one paragraph per turn, separated by `\n`,
    /// with the speakers' labels kept.
    pub text: String,
    pub turns: Vec<Turn>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscriptError {
    /// 1-based; 0 for the file as a whole.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for TranscriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: ", self.line)?;
        }
        f.write_str(&self.message)
    }
}

const MAX_ROLE: usize = 40;

/// The role a turn's first line names, and where its text starts (bytes).
fn label(line: &str) -> Option<(&str, usize)> {
    let colon = line.find(':')?;
    let role = line[..colon].trim();
    if role.chars().count() > MAX_ROLE || role.contains(['.', '?', '!']) {
        return None;
    }
    let rest = &line[colon + 1..];
    let skip = rest.len() - rest.trim_start().len();
    Some((role, colon + 1 + skip))
}

pub fn parse(bytes: &[u8]) -> Result<Transcript, TranscriptError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        TranscriptError {
            line,
            message: "the text is not UTF-8".into(),
        }
    })?;
    // Paragraphs as (first line number, joined text).
    let mut paragraphs: Vec<(usize, String)> = vec![];
    let mut current: Option<(usize, String)> = None;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(c) = line.chars().find(|c| c.is_control() && *c != '\t') {
            return Err(TranscriptError {
                line: n,
                message: format!("control character U+{:04X}", c as u32),
            });
        }
        let line = line.replace('\t', " ");
        let line = line.trim();
        if line.is_empty() {
            if let Some(p) = current.take() {
                paragraphs.push(p);
            }
            continue;
        }
        match &mut current {
            Some((_, p)) => {
                p.push(' ');
                p.push_str(line);
            }
            None => {
                if line.starts_with(':') {
                    return Err(TranscriptError {
                        line: n,
                        message: "a speaker's role is empty before the colon".into(),
                    });
                }
                current = Some((n, line.to_string()));
            }
        }
    }
    paragraphs.extend(current);
    if paragraphs.is_empty() {
        return Err(TranscriptError {
            line: 0,
            message: "the file holds no text".into(),
        });
    }
    let mut out = Transcript {
        text: String::new(),
        turns: vec![],
    };
    for (i, (_, p)) in paragraphs.iter().enumerate() {
        if i > 0 {
            out.text.push('\n');
        }
        let base = out.text.chars().count() as u32;
        let (role, from) = label(p)
            .map(|(r, f)| (r.to_string(), f))
            .unwrap_or_default();
        let start = base + p[..from].chars().count() as u32;
        let end = base + p.chars().count() as u32;
        out.text.push_str(p);
        if end > start {
            out.turns.push(Turn { start, end, role });
        }
    }
    Ok(out)
}

/// Where an imported transcript goes: a cohort (by label or id), one of
/// its instruments (by title or id), and a title (the file's name when none).
#[derive(Debug, Clone)]
pub struct Placement<'a> {
    pub cohort: &'a str,
    pub instrument: Option<&'a str>,
    pub title: Option<String>,
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub document: Id,
    /// The cohort's label.
    pub cohort: String,
    pub turns: usize,
}

/// Reads a transcript file and adds it to the store as one document whose
/// turns are quotes, in one transaction; nothing is written when the file,
/// the cohort or the instrument is wrong. The error names the file, the
/// line or the option at fault.
pub fn import_file(store: &mut Store, file: &Path, place: Placement) -> Result<Imported, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
    let parsed = parse(&bytes).map_err(|e| format!("{}: {e}; nothing written", file.display()))?;
    let cohorts = store.cohorts().map_err(|e| e.to_string())?;
    let cohort = place.cohort;
    let c = cohorts
        .iter()
        .find(|c| c.label == cohort || c.id.to_string() == cohort)
        .ok_or_else(|| {
            let known: Vec<&str> = cohorts.iter().map(|c| c.label.as_str()).collect();
            format!(
                "--cohort {cohort}: no such cohort (the store has: {})",
                known.join(", ")
            )
        })?;
    let instrument = match place.instrument {
        None => None,
        Some(i) => {
            let list = store.instruments_of(c.id).map_err(|e| e.to_string())?;
            let found = list
                .iter()
                .find(|x| x.id.to_string() == i || x.title == i)
                .ok_or_else(|| {
                    format!(
                        "--instrument {i}: cohort {} has no such instrument",
                        c.label
                    )
                })?;
            Some(found.id)
        }
    };
    let title = place.title.unwrap_or_else(|| {
        file.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let quotes: Vec<(u32, u32, String)> = parsed
        .turns
        .iter()
        .map(|t| (t.start, t.end, t.role.clone()))
        .collect();
    let turns = quotes.len();
    let document = store
        .add_document(&NewDocument {
            cohort: c.id,
            instrument,
            kind: DocumentKind::Transcript,
            title: &title,
            text: &parsed.text,
            quotes,
        })
        .map_err(|e| e.to_string())?;
    Ok(Imported {
        document,
        cohort: c.label.clone(),
        turns,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::char_slice;

    fn parse_str(s: &str) -> Result<Transcript, TranscriptError> {
        parse(s.as_bytes())
    }

    #[test]
    fn turns_become_quotes_with_their_roles() {
        let t =
            parse_str("מנחה: מה למדתם?\n\nנציגת רשות: למדנו הרבה.\nבעיקר על כלים.\n\n\nשקט בחדר")
                .unwrap();
        assert_eq!(
            t.text,
            "מנחה: מה למדתם?\nנציגת רשות: למדנו הרבה. בעיקר על כלים.\nשקט בחדר"
        );
        let quoted: Vec<(&str, &str)> = t
            .turns
            .iter()
            .map(|q| {
                (
                    char_slice(&t.text, q.start as usize, q.end as usize).unwrap(),
                    q.role.as_str(),
                )
            })
            .collect();
        assert_eq!(
            quoted,
            vec![
                ("מה למדתם?", "מנחה"),
                ("למדנו הרבה. בעיקר על כלים.", "נציגת רשות"),
                ("שקט בחדר", ""),
            ]
        );
    }

    #[test]
    fn a_colon_inside_a_sentence_is_no_label() {
        let t = parse_str("המסקנה היא כזו. זה עבד: כולם הסכימו").unwrap();
        assert_eq!(t.turns[0].role, "");
        assert_eq!(t.turns[0].start, 0);
        let t = parse_str("Facilitator:hello\r\n").unwrap();
        assert_eq!(
            (t.turns[0].role.as_str(), t.turns[0].start),
            ("Facilitator", 12)
        );
    }

    #[test]
    fn a_bad_line_is_reported_by_number() {
        let err = parse_str("א: טוב\n\nב: רע\u{1b}[2J\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.to_string().contains("U+001B"), "{err}");
        let err = parse_str("א: טוב\n\n: בלי תפקיד\n").unwrap_err();
        assert_eq!(err.line, 3);
        let err = parse(b"ok\n\xff\xfe").unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(parse(b"\n \n").unwrap_err().line, 0);
    }
}
