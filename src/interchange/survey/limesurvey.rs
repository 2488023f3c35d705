//! LimeSurvey's own files: the survey's structure (`.lss`) and its
//! responses (`.lsr`), alone or together in an archive (`.lsa`). The
//! responses' columns are SGQA codes (`{survey}X{group}X{question}{sub}`);
//! the structure names each question and subquestion and gives the labels
//! of answer codes, so that the sheet made here holds labels and names
//! columns as LimeSurvey's own CSV does (`code[sub]`).

use super::layout::Column;
use super::read::Sheet;
use super::{Flaw, SurveyError};
use quick_xml::events::Event;
use std::collections::HashMap;
use std::io::Read;

/// The largest member of an archive read, in bytes.
const MEMBER_LIMIT: u64 = 256 << 20;

type Rows = Vec<HashMap<String, String>>;

/// A LimeSurvey XML document's sections: each one's field names in order
/// and its rows, a map of field to text each.
fn sections(xml: &str) -> Result<HashMap<String, (Vec<String>, Rows)>, SurveyError> {
    let bad = |why: String| SurveyError::at(0, Flaw::Csv(why));
    let mut r = quick_xml::Reader::from_str(xml);
    let mut path: Vec<String> = vec![];
    let mut out: HashMap<String, (Vec<String>, Rows)> = HashMap::new();
    let mut text = String::new();
    loop {
        match r.read_event().map_err(|e| bad(e.to_string()))? {
            Event::DocType(_) => return Err(bad("a document type declaration".into())),
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if path.len() == 3 && path[2] == "rows" && name == "row" {
                    out.entry(path[1].clone())
                        .or_default()
                        .1
                        .push(HashMap::new());
                }
                path.push(name);
                text.clear();
            }
            Event::Empty(_) => {}
            Event::Text(t) => text.push_str(&t.decode().map_err(|e| bad(e.to_string()))?),
            Event::CData(t) => text.push_str(&String::from_utf8_lossy(&t)),
            Event::GeneralRef(g) => {
                let name = String::from_utf8_lossy(&g).into_owned();
                let c = match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => match g.resolve_char_ref() {
                        Ok(Some(c)) => {
                            text.push(c);
                            ""
                        }
                        _ => return Err(bad(format!("an unknown entity &{name};"))),
                    },
                };
                text.push_str(c);
            }
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                if path.len() == 4 && path[2] == "rows" && path[3] == "row" {
                    if let Some(row) = out.get_mut(&path[1]).and_then(|s| s.1.last_mut()) {
                        // Field names that start with a digit are written with `_`.
                        let field = name.strip_prefix('_').unwrap_or(&name).to_string();
                        row.insert(field, std::mem::take(&mut text));
                    }
                } else if path.len() == 3 && path[2] == "fields" && name == "fieldname" {
                    out.entry(path[1].clone())
                        .or_default()
                        .0
                        .push(std::mem::take(&mut text));
                }
                text.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Markup out of a question's text, and its white space made single.
fn plain(html: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' if inside => {
                inside = false;
                out.push(' ');
            }
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    let out = out.replace("&nbsp;", " ");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `.lss` and `.lsr` of a LimeSurvey archive (`.lsa`).
pub fn from_archive(bytes: &[u8]) -> Result<(String, String), SurveyError> {
    let bad = |why: String| SurveyError::at(0, Flaw::Csv(why));
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
    let mut found: HashMap<&str, String> = HashMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| bad(e.to_string()))?;
        let name = f.name().to_lowercase();
        let kind = if name.ends_with(".lss") {
            "lss"
        } else if name.ends_with(".lsr") {
            "lsr"
        } else {
            continue;
        };
        let mut buf = vec![];
        (&mut f)
            .take(MEMBER_LIMIT + 1)
            .read_to_end(&mut buf)
            .map_err(|e| bad(e.to_string()))?;
        if buf.len() as u64 > MEMBER_LIMIT {
            return Err(bad(format!("{name} is larger than {MEMBER_LIMIT} bytes")));
        }
        let text = String::from_utf8(buf).map_err(|_| SurveyError::at(0, Flaw::NotUtf8))?;
        found.insert(kind, text);
    }
    match (found.remove("lss"), found.remove("lsr")) {
        (Some(s), Some(r)) => Ok((s, r)),
        _ => Err(bad("the archive needs a .lss and a .lsr".into())),
    }
}

/// A sheet of responses and its columns, from the structure and the
/// responses: answer codes given as their labels, each column named
/// `code` or `code[sub]` and carrying its question's options in order.
pub fn sheet(lss: &str, lsr: &str) -> Result<(Sheet, Vec<Column>), SurveyError> {
    let structure = sections(lss)?;
    let responses = sections(lsr)?;
    let rows_of = |s: &HashMap<String, (Vec<String>, Rows)>, name: &str| -> Rows {
        s.get(name).map(|x| x.1.clone()).unwrap_or_default()
    };
    let questions = rows_of(&structure, "questions");
    let subs = rows_of(&structure, "subquestions");
    let answers = rows_of(&structure, "answers");
    let groups = rows_of(&structure, "groups");
    let get = |r: &HashMap<String, String>, k: &str| r.get(k).cloned().unwrap_or_default();
    let question: HashMap<String, &HashMap<String, String>> =
        questions.iter().map(|q| (get(q, "qid"), q)).collect();
    let group: HashMap<String, String> = groups
        .iter()
        .map(|g| (get(g, "gid"), get(g, "group_name")))
        .collect();
    // A question's answer codes, in their order, with labels.
    let mut options: HashMap<String, Vec<(i64, String, String)>> = HashMap::new();
    for a in &answers {
        if get(a, "scale_id") != "0" && !get(a, "scale_id").is_empty() {
            continue;
        }
        options.entry(get(a, "qid")).or_default().push((
            get(a, "sortorder").parse().unwrap_or(0),
            get(a, "code"),
            plain(&get(a, "answer")),
        ));
    }
    for list in options.values_mut() {
        list.sort();
    }
    let (fields, rows) = responses
        .get("responses")
        .cloned()
        .ok_or_else(|| SurveyError::at(0, Flaw::NoRows))?;
    let mut columns = vec![];
    let mut codes: Vec<HashMap<String, String>> = vec![];
    for f in &fields {
        let sgqa = sgqa(f);
        let q = sgqa.and_then(|(_, qid, _)| question.get(qid));
        let col = match (sgqa, q) {
            (Some((gid, qid, sub)), Some(q)) => {
                let title = get(q, "title");
                let text = plain(&get(q, "question"));
                let sub_text = subs
                    .iter()
                    .find(|s| get(s, "parent_qid") == qid && get(s, "title") == sub)
                    .map(|s| plain(&get(s, "question")));
                let opts = options.get(qid).cloned().unwrap_or_default();
                codes.push(
                    opts.iter()
                        .map(|(_, c, l)| (c.clone(), l.clone()))
                        .collect(),
                );
                let (name, part, group_name) = if sub.is_empty() {
                    (
                        title.clone(),
                        String::new(),
                        group.get(gid).cloned().unwrap_or_default(),
                    )
                } else {
                    let part = match (sub, &sub_text) {
                        ("other", _) => "other".to_string(),
                        (_, Some(t)) => t.clone(),
                        _ => sub.to_string(),
                    };
                    (format!("{title}[{sub}]"), part, text.clone())
                };
                Column {
                    name,
                    text: if sub.is_empty() { text } else { part.clone() },
                    group: group_name,
                    part,
                    hint: get(q, "type"),
                    options: opts.into_iter().map(|(_, _, l)| l).collect(),
                }
            }
            _ => {
                codes.push(HashMap::new());
                Column {
                    name: f.clone(),
                    text: f.clone(),
                    group: String::new(),
                    part: String::new(),
                    hint: String::new(),
                    options: vec![],
                }
            }
        };
        columns.push(col);
    }
    let mut records = vec![(
        0,
        columns.iter().map(|c| c.name.clone()).collect::<Vec<_>>(),
    )];
    for (i, row) in rows.iter().enumerate() {
        let cells = fields
            .iter()
            .zip(&codes)
            .map(|(f, codes)| {
                let v = row.get(f).cloned().unwrap_or_default();
                codes.get(&v).cloned().unwrap_or(v)
            })
            .collect();
        // A response's place: its number among the rows, from 1 after the
        // header, as a line of a CSV export would be.
        records.push((i + 2, cells));
    }
    Ok((
        Sheet {
            encoding: "utf-8".into(),
            delimiter: b',',
            records,
        },
        columns,
    ))
}

/// A field's group, question and subquestion: `293446X20X245anwesenheit`
/// is group 20, question 245, subquestion `anwesenheit`.
fn sgqa(field: &str) -> Option<(&str, &str, &str)> {
    let mut parts = field.splitn(3, 'X');
    let (sid, gid, rest) = (parts.next()?, parts.next()?, parts.next()?);
    if sid.is_empty() || !sid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if gid.is_empty() || !gid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    Some((gid, &rest[..digits], &rest[digits..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sgqa_names_are_split_into_their_parts() {
        assert_eq!(
            sgqa("293446X20X245anwesenheit"),
            Some(("20", "245", "anwesenheit"))
        );
        assert_eq!(sgqa("293446X25X257"), Some(("25", "257", "")));
        assert_eq!(sgqa("submitdate"), None);
    }

    #[test]
    fn markup_is_taken_out_of_question_texts() {
        assert_eq!(
            plain("Wie viel <strong>bis jetzt</strong>&nbsp;?"),
            "Wie viel bis jetzt ?"
        );
    }
}
