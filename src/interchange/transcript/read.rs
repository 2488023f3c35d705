//! A transcript file's text, whatever it was saved as: UTF-8 (with or
//! without a byte-order mark), UTF-16 with a byte-order mark, another
//! encoding named with `--encoding` (windows-1255 is what Hebrew Excel and
//! older Word save), or a Word document (`.docx`), whose body's paragraphs
//! are read (headers, footers, footnotes and comments are other parts of
//! the file and are not; deleted tracked changes are left out, inserted
//! ones kept). Each Word paragraph is one turn, as a paragraph of a text
//! file is.

use super::{Flaw, TranscriptError};
use quick_xml::events::Event;
use std::io::Read;

/// The largest `word/document.xml` read, in bytes.
const DOCX_BODY_LIMIT: u64 = 256 << 20;

fn flaw(line: usize, flaw: Flaw) -> TranscriptError {
    TranscriptError { line, flaw }
}

/// The text of a transcript file's bytes.
pub fn text_of(bytes: &[u8], encoding: Option<&str>) -> Result<String, TranscriptError> {
    if bytes.starts_with(b"PK\x03\x04") {
        return docx_text(bytes);
    }
    if let Some(text) = crate::interchange::encoding::utf16_by_mark(bytes) {
        return text.ok_or_else(|| flaw(0, Flaw::BadUtf16));
    }
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => {}
        _ => {
            if let Some(label) = encoding {
                use crate::interchange::encoding::{Named, decode_named};
                return decode_named(bytes, label)
                    .map(|(text, _)| text)
                    .map_err(|e| match e {
                        Named::Unknown(l) => flaw(0, Flaw::UnknownEncoding(l)),
                        Named::NotIn(name, line) => flaw(line, Flaw::NotIn(name)),
                    });
            }
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok(t.strip_prefix('\u{feff}').unwrap_or(t).to_string()),
        Err(_) => Err(flaw(
            crate::interchange::encoding::first_non_utf8_line(bytes),
            Flaw::NotUtf8,
        )),
    }
}

/// The body's paragraphs of a `.docx`, a blank line between them.
fn docx_text(bytes: &[u8]) -> Result<String, TranscriptError> {
    let bad = |why: String| flaw(0, Flaw::NotDocx(why));
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
    let mut body = zip
        .by_name("word/document.xml")
        .map_err(|_| bad("no word/document.xml in it".into()))?;
    let mut xml = vec![];
    (&mut body)
        .take(DOCX_BODY_LIMIT + 1)
        .read_to_end(&mut xml)
        .map_err(|e| bad(e.to_string()))?;
    if xml.len() as u64 > DOCX_BODY_LIMIT {
        return Err(bad(format!(
            "its body is over {} MB",
            DOCX_BODY_LIMIT >> 20
        )));
    }
    let xml = String::from_utf8(xml).map_err(|_| bad("its body is not UTF-8".into()))?;
    let paragraphs = docx_paragraphs(&xml).map_err(bad)?;
    Ok(paragraphs.join("\n\n"))
}

/// The paragraphs of WordprocessingML, each as one line of text.
pub fn docx_paragraphs(xml: &str) -> Result<Vec<String>, String> {
    let mut r = quick_xml::Reader::from_str(xml);
    r.config_mut().expand_empty_elements = true;
    let mut out = vec![];
    // Open paragraphs (a text box's sit inside another's run).
    let mut open: Vec<String> = vec![];
    // Inside deleted text, a fallback's copy, or field codes: skipped.
    let mut skip = 0usize;
    let mut in_text = false;
    loop {
        let event = r.read_event().map_err(|e| e.to_string())?;
        match event {
            Event::DocType(_) => return Err("a document type declaration".into()),
            Event::Start(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    b"del" | b"Fallback" | b"instrText" | b"delText" => skip += 1,
                    _ if skip > 0 => {}
                    b"p" => open.push(String::new()),
                    b"t" => in_text = true,
                    b"tab" => {
                        if let Some(p) = open.last_mut() {
                            p.push('\t');
                        }
                    }
                    b"br" | b"cr" => {
                        if let Some(p) = open.last_mut() {
                            p.push(' ');
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    b"del" | b"Fallback" | b"instrText" | b"delText" => {
                        skip = skip.saturating_sub(1)
                    }
                    _ if skip > 0 => {}
                    b"p" => {
                        if let Some(p) = open.pop() {
                            let p = p.trim();
                            if !p.is_empty() {
                                out.push(p.to_string());
                            }
                        }
                    }
                    b"t" => in_text = false,
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip == 0 => {
                let s = t.decode().map_err(|e| e.to_string())?;
                if let Some(p) = open.last_mut() {
                    p.push_str(&s);
                }
            }
            Event::GeneralRef(g) if in_text && skip == 0 => {
                let c = match g.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        let name = g.decode().map_err(|e| e.to_string())?;
                        quick_xml::escape::resolve_xml_entity(&name)
                            .ok_or_else(|| format!("the entity &{name};"))?
                            .to_string()
                    }
                };
                if let Some(p) = open.last_mut() {
                    p.push_str(&c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_a_byte_order_mark_and_windows_1255_are_read() {
        let mut le = vec![0xFF, 0xFE];
        for u in "מנחה: שלום".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(text_of(&le, None).unwrap(), "מנחה: שלום");
        let mut be = vec![0xFE, 0xFF];
        for u in "מנחה: שלום".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(text_of(&be, None).unwrap(), "מנחה: שלום");
        let (cp1255, _, _) = encoding_rs::WINDOWS_1255.encode("מנחה: שלום\nנציג: תודה");
        assert_eq!(
            text_of(&cp1255, Some("windows-1255")).unwrap(),
            "מנחה: שלום\nנציג: תודה"
        );
        // Without the flag, the same bytes are not UTF-8: said by line.
        let e = text_of(&cp1255, None).unwrap_err();
        assert_eq!((e.line, e.flaw), (1, Flaw::NotUtf8));
        let e = text_of(b"x", Some("klingon")).unwrap_err();
        assert_eq!(e.flaw, Flaw::UnknownEncoding("klingon".into()));
        assert_eq!(text_of("\u{feff}שלום".as_bytes(), None).unwrap(), "שלום");
    }

    #[test]
    fn a_word_body_gives_its_paragraphs_without_deletions_or_fallbacks() {
        let xml = r#"<w:document xmlns:w="w" xmlns:mc="mc"><w:body>
            <w:p><w:r><w:t>מנחה: </w:t></w:r><w:r><w:t>מה &amp; למה?</w:t></w:r></w:p>
            <w:p><w:r><w:t>נציגה: כן</w:t></w:r><w:del><w:r><w:delText>לא</w:delText></w:r></w:del><w:ins><w:r><w:t>, בהחלט</w:t></w:r></w:ins></w:p>
            <w:p></w:p>
            <w:p><w:r><w:t>שורה</w:t><w:br/><w:t>שנייה</w:t><w:tab/><w:t>x</w:t></w:r>
              <mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>בתיבה</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:p><w:r><w:t>בתיבה</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent></w:p>
            <w:p><w:r><w:fldChar/><w:instrText>PAGE</w:instrText><w:t>סוף</w:t></w:r></w:p>
            </w:body></w:document>"#;
        assert_eq!(
            docx_paragraphs(xml).unwrap(),
            [
                "מנחה: מה & למה?",
                "נציגה: כן, בהחלט",
                "בתיבה",
                "שורה שנייה\tx",
                "סוף"
            ]
        );
    }
}
