//! A survey file's cells: its encoding (UTF-8 with or without a byte-order
//! mark, UTF-16 by its mark, windows-1255 found from the bytes or named),
//! its delimiter (`,`, `;` or tab, found from the first records), and its
//! records as the `csv` crate reads them (quoted line breaks, CRLF and LF
//! mixed), each with the line it starts on.

use super::{Flaw, SurveyError};

/// A file's records, cell by cell, with how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The encoding's name as `--encoding` and a map take it.
    pub encoding: String,
    pub delimiter: u8,
    /// Each record's cells, and the line of the file it starts on (from 1).
    pub records: Vec<(usize, Vec<String>)>,
}

/// The text of a survey file's bytes, and the encoding it was read as.
/// `named` is the encoding a map or `--encoding` gives; without it a file
/// that is not UTF-8 but reads as windows-1255 is taken as that.
pub fn decode(bytes: &[u8], named: Option<&str>) -> Result<(String, String), SurveyError> {
    if let Some(text) = crate::interchange::encoding::utf16_by_mark(bytes) {
        return text
            .map(|t| (t, "utf-16".to_string()))
            .ok_or_else(|| SurveyError::at(0, Flaw::BadUtf16));
    }
    let utf16 = named.is_some_and(|n| n.trim().eq_ignore_ascii_case("utf-16"));
    if (named.is_none() || utf16)
        && let Some(text) = crate::interchange::encoding::utf16_unmarked(bytes)
    {
        return Ok((text, "utf-16".to_string()));
    }
    let named = named
        .map(str::trim)
        .filter(|n| !n.is_empty() && !n.eq_ignore_ascii_case("utf-16"));
    if let Some(label) = named
        && !label.eq_ignore_ascii_case("utf-8")
    {
        use crate::interchange::encoding::{Named, decode_named};
        return decode_named(bytes, label)
            .map(|(text, name)| (text, name.to_lowercase()))
            .map_err(|e| match e {
                Named::Unknown(l) => SurveyError::at(0, Flaw::UnknownEncoding(l)),
                Named::NotIn(name, line) => SurveyError::at(line, Flaw::NotIn(name)),
            });
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok((
            t.strip_prefix('\u{feff}').unwrap_or(t).to_string(),
            "utf-8".into(),
        )),
        Err(_) => {
            let line = crate::interchange::encoding::first_non_utf8_line(bytes);
            if named.is_none() {
                // Hebrew Excel's "CSV" is windows-1255: every byte reads,
                // and the letters are Hebrew.
                let enc = encoding_rs::WINDOWS_1255;
                let (text, bad) = enc.decode_without_bom_handling(bytes);
                if !bad && text.chars().any(|c| ('\u{05d0}'..='\u{05ea}').contains(&c)) {
                    return Ok((text.into_owned(), "windows-1255".into()));
                }
            }
            Err(SurveyError::at(line, Flaw::NotUtf8))
        }
    }
}

/// The records of `text` split by `delimiter`.
fn records(
    text: &str,
    delimiter: u8,
    limit: usize,
) -> Result<Vec<(usize, Vec<String>)>, SurveyError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut out = vec![];
    let mut record = csv::StringRecord::new();
    loop {
        if out.len() >= limit {
            break;
        }
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line() as usize);
                let cells: Vec<String> = record.iter().map(str::to_string).collect();
                // A blank line between records is no respondent.
                if cells.len() == 1 && cells[0].trim().is_empty() {
                    continue;
                }
                out.push((line, cells));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                return Err(SurveyError::at(line, Flaw::Csv(e.to_string())));
            }
        }
    }
    Ok(out)
}

/// The delimiter of `text`: of `,`, `;` and tab, the one that splits the
/// first records into the same number of cells, more than one; the most
/// cells when several do.
pub fn delimiter_of(text: &str) -> u8 {
    let mut best = (b',', 0usize, 0usize);
    for d in [b',', b';', b'\t'] {
        let Ok(sample) = records(text, d, 20) else {
            continue;
        };
        let Some((_, head)) = sample.first() else {
            continue;
        };
        let width = head.len();
        if width < 2 {
            continue;
        }
        let same = sample.iter().filter(|(_, r)| r.len() == width).count();
        if (same, width) > (best.1, best.2) {
            best = (d, same, width);
        }
    }
    best.0
}

/// Reads a survey file: its encoding and delimiter found or given.
pub fn sheet(
    bytes: &[u8],
    encoding: Option<&str>,
    delimiter: Option<u8>,
) -> Result<Sheet, SurveyError> {
    let (text, encoding) = decode(bytes, encoding)?;
    if let Some((i, c)) = text
        .char_indices()
        .find(|(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        let line = text[..i].matches('\n').count() + 1;
        return Err(SurveyError::at(line, Flaw::Control(c)));
    }
    let delimiter = delimiter.unwrap_or_else(|| delimiter_of(&text));
    let mut records = records(&text, delimiter, usize::MAX)?;
    // A trailing delimiter on every line (Qualtrics' legacy export) makes
    // an empty last column: dropped.
    while records
        .iter()
        .all(|(_, r)| r.last().is_some_and(|c| c.is_empty()))
        && records.iter().any(|(_, r)| r.len() > 1)
    {
        for (_, r) in &mut records {
            r.pop();
        }
    }
    if records.is_empty() {
        return Err(SurveyError::at(0, Flaw::Empty));
    }
    Ok(Sheet {
        encoding,
        delimiter,
        records,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_found_from_the_records() {
        assert_eq!(delimiter_of("a,b,c\n1,2,3\n"), b',');
        assert_eq!(delimiter_of("a;b;c\n1,5;2;3\n"), b';');
        assert_eq!(delimiter_of("a\tb\n\"x, y\"\t2\n"), b'\t');
    }

    #[test]
    fn encodings_are_read_by_mark_by_name_or_from_the_bytes() {
        let (t, e) = decode("\u{feff}שם,גיל".as_bytes(), None).unwrap();
        assert_eq!((t.as_str(), e.as_str()), ("שם,גיל", "utf-8"));
        let mut le = vec![0xFF, 0xFE];
        for u in "שם\tגיל".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le, None).unwrap().0, "שם\tגיל");
        let (bytes, _, _) = encoding_rs::WINDOWS_1255.encode("מגזר,ותק\nרשות,5");
        let (t, e) = decode(&bytes, None).unwrap();
        assert_eq!(
            (t.as_str(), e.as_str()),
            ("מגזר,ותק\nרשות,5", "windows-1255")
        );
        let err = decode(&[b'a', b'\n', 0xFF, 0xFE, 0xFD], Some("utf-8")).unwrap_err();
        assert_eq!(err.line, 2);
    }

    #[test]
    fn quoted_line_breaks_and_mixed_line_ends_keep_their_records() {
        let s = sheet(b"id,text\r\n1,\"one\ntwo\"\n2,three\r\n", None, None).unwrap();
        assert_eq!(s.records.len(), 3);
        assert_eq!(s.records[1].1[1], "one\ntwo");
        assert_eq!(s.records[2].0, 4, "the line a record starts on");
    }

    #[test]
    fn a_trailing_delimiter_on_every_line_is_no_column() {
        let s = sheet(b"a,b,\n1,2,\n", None, None).unwrap();
        assert_eq!(s.records[0].1, vec!["a", "b"]);
    }

    #[test]
    fn a_control_character_is_refused_by_its_line() {
        let e = sheet(b"a,b\n1,\x1b[31m\n", None, None).unwrap_err();
        assert_eq!(e.line, 2);
    }
}
