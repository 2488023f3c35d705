//! A store written as a REFI-QDA project (`.qdpx`) or codebook (`.qdc`),
//! valid against the standard's schema: positions in code points, end
//! exclusive; every entity under the GUID the store keeps; memos as notes
//! (under their own GUID, or one derived from their owner's); cohorts,
//! roles and a document's kind as variables and cases, so that reading the
//! project back gives the same store.

use super::QdaError;
use super::parse::{CODEBOOK_NS, PROJECT_NS};
use crate::domain::{Code, Dataset, memo_guid};
use quick_xml::escape::escape;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

/// What was written: the same tally as an import's.
pub type Written = crate::domain::exchange::Tally;

fn esc(s: &str) -> String {
    escape(super::xml_safe(s).as_ref()).into_owned()
}

fn io(file: &Path, e: impl std::fmt::Display) -> QdaError {
    super::archive::io(&file.display().to_string(), e)
}

/// A variable's GUID, the same for the same name in every export.
fn variable_guid(name: &str) -> String {
    memo_guid(&format!("variable:{name}"))
}

/// A text value of the variable named `var`, as a case or a source holds it.
fn variable_value(out: &mut String, var: &str, value: &str) {
    let _ = writeln!(
        out,
        "   <VariableValue><VariableRef targetGUID=\"{}\"/><TextValue>{}</TextValue></VariableValue>",
        variable_guid(var),
        esc(value)
    );
}

fn case_guid(kind: &str, name: &str) -> String {
    memo_guid(&format!("case:{kind}:{name}"))
}

fn memo_of(own: &str, owner: &str) -> String {
    if own.is_empty() {
        memo_guid(owner)
    } else {
        own.to_string()
    }
}

/// The codebook's `<Codes>`, as a tree, at `indent`.
fn codes_xml(out: &mut String, codes: &[Code], indent: usize, notes: bool) {
    let by_parent = {
        let ids: BTreeSet<i64> = codes.iter().map(|c| c.id).collect();
        let mut m: BTreeMap<Option<i64>, Vec<&Code>> = BTreeMap::new();
        for c in codes {
            m.entry(c.parent.filter(|p| ids.contains(p)))
                .or_default()
                .push(c);
        }
        m
    };
    fn one(
        out: &mut String,
        c: &Code,
        by_parent: &BTreeMap<Option<i64>, Vec<&Code>>,
        depth: usize,
        notes: bool,
        seen: &mut BTreeSet<i64>,
    ) {
        if !seen.insert(c.id) {
            return; // a cycle in the data is cut where it closes
        }
        let pad = " ".repeat(depth);
        let kids = by_parent.get(&Some(c.id));
        let has_memo = notes && !c.memo.is_empty();
        let _ = write!(
            out,
            "{pad}<Code guid=\"{}\" name=\"{}\" isCodable=\"true\" color=\"{}\"",
            esc(&c.guid),
            esc(&c.name),
            esc(&c.colour)
        );
        if c.description.is_empty() && !has_memo && kids.is_none() {
            out.push_str("/>\n");
            return;
        }
        out.push_str(">\n");
        if !c.description.is_empty() {
            let _ = writeln!(
                out,
                "{pad} <Description>{}</Description>",
                esc(&c.description)
            );
        }
        if has_memo {
            let _ = writeln!(
                out,
                "{pad} <NoteRef targetGUID=\"{}\"/>",
                memo_of(&c.memo_guid, &c.guid)
            );
        }
        for k in kids.into_iter().flatten() {
            one(out, k, by_parent, depth + 1, notes, seen);
        }
        let _ = writeln!(out, "{pad}</Code>");
    }
    let pad = " ".repeat(indent);
    let _ = writeln!(out, "{pad}<Codes>");
    let mut seen = BTreeSet::new();
    for c in by_parent.get(&None).into_iter().flatten() {
        one(out, c, &by_parent, indent + 1, notes, &mut seen);
    }
    let _ = writeln!(out, "{pad}</Codes>");
}

/// The project's XML and its sources' texts (entry name, text).
pub fn project_xml(d: &Dataset, name: &str) -> (String, Vec<(String, String)>, Written) {
    let mut w = Written::default();
    let mut out = String::new();
    let mut notes: Vec<(String, String, String)> = vec![]; // guid, name, text
    let _ = writeln!(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    let _ = writeln!(
        out,
        "<Project xmlns=\"{PROJECT_NS}\" name=\"{}\" origin=\"tovana {}\">",
        esc(name),
        env!("CARGO_PKG_VERSION")
    );
    if !d.coders.is_empty() {
        out.push_str(" <Users>\n");
        for c in &d.coders {
            let _ = writeln!(
                out,
                "  <User guid=\"{}\" name=\"{}\"/>",
                esc(&c.guid),
                esc(&c.name)
            );
            w.coders += 1;
        }
        out.push_str(" </Users>\n");
    }
    if !d.codes.is_empty() {
        out.push_str(" <CodeBook>\n");
        codes_xml(&mut out, &d.codes, 2, true);
        out.push_str(" </CodeBook>\n");
        w.codes = d.codes.len();
        for c in d.codes.iter().filter(|c| !c.memo.is_empty()) {
            notes.push((
                memo_of(&c.memo_guid, &c.guid),
                c.name.clone(),
                c.memo.clone(),
            ));
        }
    }
    // Variables: cohort, role, kind, and every attribute's name.
    let mut variables: BTreeSet<String> = ["cohort", "role", "kind", "illustrative", "instrument"]
        .map(String::from)
        .into();
    let instrument: HashMap<i64, &str> = d
        .instruments
        .iter()
        .map(|i| (i.id, i.title.as_str()))
        .collect();
    for doc in &d.documents {
        variables.extend(doc.attributes.keys().cloned());
    }
    let roles: BTreeMap<&str, Vec<&str>> = {
        let mut m: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for q in d.quotes.iter().filter(|q| !q.role.is_empty()) {
            m.entry(q.role.as_str()).or_default().push(&q.guid);
        }
        m
    };
    if !d.documents.is_empty() {
        out.push_str(" <Variables>\n");
        for v in &variables {
            let _ = writeln!(
                out,
                "  <Variable guid=\"{}\" name=\"{}\" typeOfVariable=\"Text\"/>",
                variable_guid(v),
                esc(v)
            );
        }
        out.push_str(" </Variables>\n");
        // Cases: one per cohort with documents, one per role.
        let label: HashMap<i64, &str> =
            d.cohorts.iter().map(|c| (c.id, c.label.as_str())).collect();
        let mut by_cohort: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for doc in &d.documents {
            let l = label.get(&doc.cohort).copied().unwrap_or("");
            by_cohort.entry(l).or_default().push(&doc.guid);
        }
        out.push_str(" <Cases>\n");
        for (l, docs) in &by_cohort {
            let _ = writeln!(
                out,
                "  <Case guid=\"{}\" name=\"{}\">",
                case_guid("cohort", l),
                esc(l)
            );
            variable_value(&mut out, "cohort", l);
            for g in docs {
                let _ = writeln!(out, "   <SourceRef targetGUID=\"{g}\"/>");
            }
            out.push_str("  </Case>\n");
        }
        for (role, quotes) in &roles {
            let _ = writeln!(
                out,
                "  <Case guid=\"{}\" name=\"{}\">",
                case_guid("role", role),
                esc(role)
            );
            variable_value(&mut out, "role", role);
            for g in quotes {
                let _ = writeln!(out, "   <SelectionRef targetGUID=\"{g}\"/>");
            }
            out.push_str("  </Case>\n");
        }
        out.push_str(" </Cases>\n");
    }
    let mut sources = vec![];
    let mut quotes_of: HashMap<i64, Vec<&crate::domain::Quote>> = HashMap::new();
    for q in &d.quotes {
        quotes_of.entry(q.document).or_default().push(q);
    }
    let mut codings_of: HashMap<i64, Vec<&crate::domain::Coding>> = HashMap::new();
    for c in &d.codings {
        codings_of.entry(c.quote).or_default().push(c);
    }
    let code_guid: HashMap<i64, &str> = d.codes.iter().map(|c| (c.id, c.guid.as_str())).collect();
    let coder_guid: HashMap<i64, &str> = d.coders.iter().map(|c| (c.id, c.guid.as_str())).collect();
    if !d.documents.is_empty() {
        out.push_str(" <Sources>\n");
        for doc in &d.documents {
            let entry = format!("{}.txt", doc.guid);
            let _ = writeln!(
                out,
                "  <TextSource guid=\"{}\" name=\"{}\" plainTextPath=\"internal://{entry}\">",
                esc(&doc.guid),
                esc(&doc.title)
            );
            w.documents += 1;
            for q in quotes_of.get(&doc.id).into_iter().flatten() {
                let _ = writeln!(
                    out,
                    "   <PlainTextSelection guid=\"{}\" startPosition=\"{}\" endPosition=\"{}\">",
                    esc(&q.guid),
                    q.start,
                    q.end
                );
                w.quotes += 1;
                for c in codings_of.get(&q.id).into_iter().flatten() {
                    let (Some(code), Some(coder)) =
                        (code_guid.get(&c.code), coder_guid.get(&c.coder))
                    else {
                        continue;
                    };
                    let created = if is_datetime(&c.created) {
                        format!(" creationDateTime=\"{}\"", esc(&c.created))
                    } else {
                        String::new()
                    };
                    let _ = write!(
                        out,
                        "    <Coding guid=\"{}\" creatingUser=\"{coder}\"{created}><CodeRef targetGUID=\"{code}\"/>",
                        esc(&c.guid)
                    );
                    if !c.memo.is_empty() {
                        let g = memo_of(&c.memo_guid, &c.guid);
                        let _ = write!(out, "<NoteRef targetGUID=\"{g}\"/>");
                        notes.push((g, String::new(), c.memo.clone()));
                    }
                    out.push_str("</Coding>\n");
                    w.codings += 1;
                }
                if !q.memo.is_empty() {
                    let g = memo_of(&q.memo_guid, &q.guid);
                    let _ = writeln!(out, "    <NoteRef targetGUID=\"{g}\"/>");
                    notes.push((g, String::new(), q.memo.clone()));
                }
                out.push_str("   </PlainTextSelection>\n");
            }
            if !doc.notes.is_empty() {
                let g = memo_of(&doc.notes_guid, &doc.guid);
                let _ = writeln!(out, "   <NoteRef targetGUID=\"{g}\"/>");
                notes.push((g, doc.title.clone(), doc.notes.clone()));
            }
            let mut values: Vec<(&str, &str)> = vec![("kind", doc.kind.key())];
            if doc.illustrative {
                values.push(("illustrative", "true"));
            }
            if let Some(i) = doc.instrument.and_then(|i| instrument.get(&i)) {
                values.push(("instrument", i));
            }
            values.extend(doc.attributes.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            for (k, v) in values {
                variable_value(&mut out, k, v);
            }
            out.push_str("  </TextSource>\n");
            sources.push((format!("sources/{entry}"), doc.text.clone()));
        }
        out.push_str(" </Sources>\n");
    }
    if !notes.is_empty() {
        out.push_str(" <Notes>\n");
        for (g, name, text) in &notes {
            let name = if name.is_empty() {
                String::new()
            } else {
                format!(" name=\"{}\"", esc(name))
            };
            let _ = writeln!(
                out,
                "  <Note guid=\"{g}\"{name}><PlainTextContent>{}</PlainTextContent></Note>",
                esc(text)
            );
        }
        out.push_str(" </Notes>\n");
        w.memos = notes.len();
    }
    out.push_str("</Project>\n");
    (out, sources, w)
}

/// Whether `s` is an `xsd:dateTime`: `YYYY-MM-DDThh:mm:ss`, a fraction,
/// and `Z` or an offset.
fn is_datetime(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    if b.len() < 19
        || !(digits(0..4) && digits(5..7) && digits(8..10) && digits(11..13))
        || !(digits(14..16) && digits(17..19))
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return false;
    }
    let mut rest = &s[19..];
    if let Some(r) = rest.strip_prefix('.') {
        let n = r.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &r[n..];
    }
    let off = rest.as_bytes();
    rest.is_empty()
        || rest == "Z"
        || (off.len() == 6
            && matches!(off[0], b'+' | b'-')
            && off[1..3].iter().all(u8::is_ascii_digit)
            && off[3] == b':'
            && off[4..6].iter().all(u8::is_ascii_digit))
}

/// The codebook alone, as `.qdc`.
pub fn codebook_xml(d: &Dataset) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    let _ = writeln!(
        out,
        "<CodeBook xmlns=\"{CODEBOOK_NS}\" origin=\"tovana {}\">",
        env!("CARGO_PKG_VERSION")
    );
    codes_xml(&mut out, &d.codes, 1, false);
    out.push_str("</CodeBook>\n");
    out
}

/// Writes `d` as a `.qdpx` at `file`: written beside it first and moved
/// into place, so that a failed export leaves no half-written file.
pub fn export_project(d: &Dataset, name: &str, file: &Path) -> Result<Written, QdaError> {
    let (xml, sources, written) = project_xml(d, name);
    write_whole(file, |f| {
        let mut zip = zip::ZipWriter::new(f);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("project.qde", opts)?;
        zip.write_all(xml.as_bytes())?;
        zip.add_directory("sources/", opts)?;
        for (entry, text) in &sources {
            zip.start_file(entry.as_str(), opts)?;
            zip.write_all(text.as_bytes())?;
        }
        zip.finish()?;
        Ok(())
    })?;
    Ok(written)
}

pub fn export_codebook(d: &Dataset, file: &Path) -> Result<usize, QdaError> {
    let xml = codebook_xml(d);
    write_whole(file, |mut f| {
        f.write_all(xml.as_bytes())?;
        Ok(())
    })?;
    Ok(d.codes.len())
}

fn write_whole(
    file: &Path,
    body: impl FnOnce(std::fs::File) -> Result<(), Box<dyn std::error::Error>>,
) -> Result<(), QdaError> {
    let tmp = file.with_extension("tovana-partial");
    let f = std::fs::File::create(&tmp).map_err(|e| io(file, e))?;
    if let Err(e) = body(f) {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(file, e));
    }
    std::fs::rename(&tmp, file).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(file, e)
    })?;
    Ok(())
}
