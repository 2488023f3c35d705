//! The project read from a file made a [`Batch`]: where each part goes
//! (the rules are in the parent module's documentation).

use super::Summary;
use crate::domain::exchange::{Batch, CohortRef, InCode, InCoder, InCoding, InDocument, InQuote};
use crate::domain::{DocumentKind, memo_guid};
use crate::interchange::qda::model::{Project, TextAt};
use crate::interchange::qda::positions::Text;
use std::collections::{BTreeMap, HashMap, HashSet};

const COHORT_VARS: &[&str] = &["cohort", "מחזור"];
const ROLE_VARS: &[&str] = &["role", "speaker role", "תפקיד"];
const KIND_VAR: &str = "kind";

fn is_one_of(name: &str, names: &[&str]) -> bool {
    names.iter().any(|n| n.eq_ignore_ascii_case(name.trim()))
}

/// Texts of notes by GUID.
fn note_texts(project: &Project, refs: &[String]) -> (String, String) {
    let mut text = String::new();
    let mut guid = String::new();
    for r in refs {
        if let Some(n) = project.notes.iter().find(|n| n.guid == *r) {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&n.text);
            if guid.is_empty() {
                guid = n.guid.clone();
            }
        }
    }
    (text, guid)
}

fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}\n\n{b}"),
    }
}

/// A memo's own GUID, kept only when it is not the one derived from its
/// owner's.
fn own_guid(note: String, owner: &str) -> String {
    if note.is_empty() || note == memo_guid(owner) {
        String::new()
    } else {
        note
    }
}

pub(super) fn batch(
    project: &Project,
    texts: Vec<Option<Text>>,
    spans: &[Vec<(u32, u32)>],
    default_cohort: Option<CohortRef>,
    summary: &mut Summary,
) -> Option<Batch> {
    let var_name: HashMap<&str, &str> = project
        .variables
        .iter()
        .map(|v| (v.guid.as_str(), v.name.as_str()))
        .collect();
    let mut b = Batch {
        program: project.name.clone(),
        ..Batch::default()
    };
    // Coders: the users, and one for codings without a user.
    for u in &project.users {
        let name = if u.name.trim().is_empty() {
            u.guid.clone()
        } else {
            u.name.clone()
        };
        b.coders.push(InCoder {
            guid: u.guid.clone(),
            name,
        });
    }
    let nobody = match project.users.as_slice() {
        [one] => one.guid.clone(),
        _ => {
            let name = if project.origin.trim().is_empty() {
                "imported".to_string()
            } else {
                project.origin.trim().to_string()
            };
            memo_guid(&format!("coder:{name}"))
        }
    };
    let user = |u: &Option<String>| -> String {
        u.clone()
            .filter(|g| project.users.iter().any(|x| x.guid == *g))
            .unwrap_or_else(|| nobody.clone())
    };
    let mut referenced: HashSet<&str> = HashSet::new();
    // Codes, parents first (the file's order already is).
    let known_codes: HashSet<&str> = project.codes.iter().map(|c| c.guid.as_str()).collect();
    for c in &project.codes {
        let (memo, note) = note_texts(project, &c.notes);
        referenced.extend(c.notes.iter().map(String::as_str));
        b.codes.push(InCode {
            guid: c.guid.clone(),
            parent: c.parent.clone(),
            name: crate::text::sanitize(&c.name),
            colour: c.colour.clone(),
            description: c.description.clone(),
            memo,
            memo_guid: own_guid(note, &c.guid),
        });
    }
    // Cases: cohorts, roles, attributes.
    let mut cohort_of: HashMap<&str, String> = HashMap::new();
    let mut role_of: HashMap<&str, String> = HashMap::new();
    let mut attrs_of: HashMap<&str, BTreeMap<String, String>> = HashMap::new();
    for case in &project.cases {
        let mut cohort = None;
        let mut role = None;
        let mut rest = BTreeMap::new();
        for (var, value) in &case.values {
            let name = var_name.get(var.as_str()).copied().unwrap_or(var.as_str());
            if is_one_of(name, COHORT_VARS) {
                cohort = Some(value.clone());
            } else if is_one_of(name, ROLE_VARS) {
                role = Some(value.clone());
            } else {
                rest.insert(name.to_string(), value.clone());
            }
        }
        for s in &case.sources {
            match &cohort {
                Some(c) => {
                    cohort_of.insert(s, c.clone());
                }
                None => {
                    let a = attrs_of.entry(s).or_default();
                    if !case.name.is_empty() {
                        a.insert("case".into(), case.name.clone());
                    }
                    a.extend(rest.clone());
                }
            }
        }
        if let Some(role) =
            role.or_else(|| (!case.selections.is_empty()).then(|| case.name.clone()))
        {
            for s in &case.selections {
                role_of.insert(s, role.clone());
            }
        }
    }
    let fallback = default_cohort.clone();
    for ((s, t), spans) in project.sources.iter().zip(texts).zip(spans) {
        let Some(t) = t else { continue };
        let mut attributes = attrs_of.remove(s.guid.as_str()).unwrap_or_default();
        let mut kind = DocumentKind::Transcript;
        let mut instrument = None;
        let mut illustrative = false;
        for (var, value) in &s.values {
            let name = var_name.get(var.as_str()).copied().unwrap_or(var.as_str());
            if name == KIND_VAR
                && let Some(k) = DocumentKind::from_key(value)
            {
                kind = k;
            } else if name == "illustrative" && value == "true" {
                illustrative = true;
            } else if name == "instrument" && !value.is_empty() {
                instrument = Some(value.clone());
            } else if is_one_of(name, COHORT_VARS) {
                cohort_of.insert(&s.guid, value.clone());
            } else {
                attributes.insert(name.to_string(), value.clone());
            }
        }
        let cohort = match cohort_of.get(s.guid.as_str()) {
            Some(label) => CohortRef::Label(label.clone()),
            None => match &fallback {
                Some(c) => c.clone(),
                None => return None,
            },
        };
        let (notes, note) = note_texts(project, &s.notes);
        referenced.extend(s.notes.iter().map(String::as_str));
        // Untitled (qc names none): the file it was in, else its GUID.
        let title = if !s.name.trim().is_empty() {
            s.name.clone()
        } else if let TextAt::Path(p) = &s.text {
            let file = p.rsplit(['/', '\\']).next().unwrap_or(p);
            let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
            if stem.is_empty() {
                s.guid.clone()
            } else {
                stem.to_string()
            }
        } else {
            s.guid.clone()
        };
        b.documents.push(InDocument {
            guid: s.guid.clone(),
            cohort,
            kind,
            title: crate::text::sanitize(&title),
            text: t.kept,
            notes: join(&s.description, &notes),
            notes_guid: own_guid(note, &s.guid),
            attributes,
            instrument,
            illustrative,
        });
        for (x, &(start, end)) in s.selections.iter().zip(spans) {
            if start >= end {
                // Nothing to quote: left out, and counted.
                summary.empty_selections += 1;
                continue;
            }
            let (memo, note) = note_texts(project, &x.notes);
            referenced.extend(x.notes.iter().map(String::as_str));
            b.quotes.push(InQuote {
                guid: x.guid.clone(),
                document: s.guid.clone(),
                start,
                end,
                role: role_of.get(x.guid.as_str()).cloned().unwrap_or_default(),
                memo: join(&x.description, &memo),
                memo_guid: own_guid(note, &x.guid),
            });
            for c in &x.codings {
                if !known_codes.contains(c.code.as_str()) {
                    summary.unknown_codes += 1;
                    continue;
                }
                let (memo, note) = note_texts(project, &c.notes);
                referenced.extend(c.notes.iter().map(String::as_str));
                b.codings.push(InCoding {
                    guid: c.guid.clone(),
                    quote: x.guid.clone(),
                    code: c.code.clone(),
                    coder: user(if c.user.is_some() { &c.user } else { &x.user }),
                    created: c.created.clone().unwrap_or_default(),
                    memo,
                    memo_guid: own_guid(note, &c.guid),
                });
            }
        }
    }
    if !project.users.iter().any(|u| u.guid == nobody)
        && b.codings.iter().any(|c| c.coder == nobody)
    {
        let name = if project.origin.trim().is_empty() {
            "imported".to_string()
        } else {
            project.origin.trim().to_string()
        };
        b.coders.push(InCoder { guid: nobody, name });
    }
    // Notes nothing points at are kept as field notes.
    if let Some(cohort) = fallback {
        for n in project
            .notes
            .iter()
            .filter(|n| !referenced.contains(n.guid.as_str()) && !n.text.is_empty())
        {
            b.documents.push(InDocument {
                guid: n.guid.clone(),
                cohort: cohort.clone(),
                kind: DocumentKind::FieldNotes,
                title: crate::text::sanitize(&n.name),
                text: Text::new(n.text.clone()).kept,
                notes: String::new(),
                notes_guid: String::new(),
                attributes: BTreeMap::new(),
                instrument: None,
                illustrative: false,
            });
            summary.notes_as_documents += 1;
        }
    }
    Some(b)
}
