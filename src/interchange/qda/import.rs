//! A project or codebook made a [`Batch`] and merged into a store.
//!
//! Where things go:
//! * users → coders; a coding without a user → the file's one user, or a
//!   coder named after the tool that wrote it;
//! * text sources → documents, their description and notes → the
//!   document's notes, their variable values → attributes (`kind`, as
//!   tovana writes it, → the document's kind);
//! * a case holding a `cohort` variable, or named as a cohort of the store,
//!   → its sources' cohort; a case holding a `role` variable → its
//!   selections' role; any other case → attributes of its sources (`case`
//!   and its variables), shown on the document's card;
//! * selections → quotes (description and notes → the quote's memo), their
//!   codings → codings (notes → the coding's memo); a coding of a whole
//!   source → a quote of its whole text;
//! * notes no `NoteRef` points at → documents of field notes;
//! * sets → named in the summary; picture, PDF, audio and video sources,
//!   and texts only in `.docx` or missing, → skipped and named.

use super::model::{Project, TextAt};
use super::positions::{self, Decided, Text};
use super::{QdaError, archive};
use crate::domain::exchange::{
    Batch, CohortRef, InCode, InCoder, InCoding, InDocument, InQuote, Merged,
};
use crate::domain::{DocumentKind, memo_guid};
use crate::store::Store;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where documents without a case of their own go: a cohort's label or
    /// id.
    pub cohort: Option<String>,
    /// A codebook alone (`.qdc`).
    pub codebook: bool,
    /// How much of an archive is read at most.
    pub limits: archive::Limits,
}

/// What an import did and why it left out what it left out.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub file: String,
    pub project: String,
    pub origin: String,
    pub merged: Merged,
    /// How positions were read; `None` when there was nothing to read.
    pub reading: Option<Decided>,
    /// Sources not read: (kind or reason, name).
    pub skipped: Vec<(Skip, String)>,
    /// Sets, with how many codes and sources each holds.
    pub sets: Vec<(String, usize, usize)>,
    /// Codings of codes the codebook lacks.
    pub unknown_codes: usize,
    /// Selections (and their codings) of sources that were not read.
    pub selections_left_out: usize,
    pub codings_left_out: usize,
    /// Notes nothing points at, kept as documents of field notes.
    pub notes_as_documents: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// A source of another kind than text: `PDFSource` and the like.
    Kind(String),
    /// A text source whose plain text is empty and whose text is only in
    /// a rich-text file.
    OnlyRich(String),
    /// A text source whose plain text is not in the file.
    Missing(String),
}

const COHORT_VARS: &[&str] = &["cohort", "מחזור"];
const ROLE_VARS: &[&str] = &["role", "speaker role", "תפקיד"];
const KIND_VAR: &str = "kind";

fn is_one_of(name: &str, names: &[&str]) -> bool {
    names.iter().any(|n| n.eq_ignore_ascii_case(name.trim()))
}

/// Reads `file` and merges it into `store`; nothing is written on error.
pub fn import(store: &mut Store, file: &Path, opts: &Options) -> Result<Summary, QdaError> {
    let name = file.display().to_string();
    let opened = archive::open(file, opts.limits)?;
    let inner = if opened.inner.is_empty() {
        name.clone()
    } else {
        format!("{name}: {}", opened.inner)
    };
    let project = super::parse::read(&inner, &opened.xml, opts.codebook)?;
    let mut container = opened.container;
    let mut summary = Summary {
        file: name.clone(),
        project: project.name.clone(),
        origin: project.origin.clone(),
        sets: project
            .sets
            .iter()
            .map(|s| (s.name.clone(), s.codes, s.sources))
            .collect(),
        ..Summary::default()
    };
    for s in &project.skipped {
        summary
            .skipped
            .push((Skip::Kind(s.kind.clone()), s.name.clone()));
    }
    // Each source's text, where it can be found.
    let mut texts: Vec<Option<Text>> = vec![];
    for s in &project.sources {
        let label = if s.name.is_empty() { &s.guid } else { &s.name };
        let raw = match &s.text {
            TextAt::Inline(t) if t.is_empty() && s.rich.is_some() => None,
            TextAt::Inline(t) => Some(t.clone()),
            TextAt::Path(p) => match container.source_text(p, project.base_path.as_deref())? {
                Some((entry, bytes)) => Some(archive::utf8(
                    &format!("{}: {entry}", container.file()),
                    bytes,
                )?),
                None => None,
            },
            TextAt::Nowhere => None,
        };
        if raw.is_none() {
            let why = match (&s.text, &s.rich) {
                (TextAt::Inline(_) | TextAt::Nowhere, Some(rich)) => Skip::OnlyRich(rich.clone()),
                (TextAt::Path(p), _) => Skip::Missing(p.clone()),
                _ => Skip::Missing(String::new()),
            };
            summary.skipped.push((why, label.clone()));
            summary.selections_left_out += s.selections.len();
            summary.codings_left_out += s.selections.iter().map(|x| x.codings.len()).sum::<usize>();
        }
        texts.push(raw.map(Text::new));
    }
    let spans = read_positions(&project, &texts, &inner, &mut summary)?;
    let default_cohort = default_cohort(store, &project, opts)?;
    let known: Vec<String> = store.cohorts()?.into_iter().map(|c| c.label).collect();
    let batch = batch(&project, &texts, &spans, default_cohort, &mut summary)
        .ok_or(QdaError::NeedsCohort { known })?;
    summary.merged = store.merge_batch(&batch)?;
    Ok(summary)
}

/// Each selection's span in its kept text, by source and selection; the
/// file's reading decided first. Refuses when any selection fits none.
fn read_positions(
    project: &Project,
    texts: &[Option<Text>],
    file: &str,
    summary: &mut Summary,
) -> Result<Vec<Vec<(u32, u32)>>, QdaError> {
    let sources: Vec<(&Text, Vec<(u64, u64)>)> = project
        .sources
        .iter()
        .zip(texts)
        .filter_map(|(s, t)| {
            let t = t.as_ref()?;
            let sel = s
                .selections
                .iter()
                .filter(|x| x.end != u64::MAX)
                .map(|x| (x.start, x.end))
                .collect();
            Some((t, sel))
        })
        .collect();
    let any = sources.iter().any(|(_, s)| !s.is_empty());
    let decided = positions::decide(&sources);
    let r = decided.reading;
    if any {
        summary.reading = Some(decided);
    }
    let mut out = vec![];
    let mut bad = vec![];
    for (s, t) in project.sources.iter().zip(texts) {
        let Some(t) = t else {
            out.push(vec![]);
            continue;
        };
        let written: Vec<(u64, u64)> = s.selections.iter().map(|x| (x.start, x.end)).collect();
        let got = positions::spans(t, r, &written);
        let mut these = vec![];
        for (x, g) in s.selections.iter().zip(got) {
            if x.end == u64::MAX {
                these.push((0, t.len()));
                continue;
            }
            match g {
                Some(span) => these.push(span),
                None => {
                    bad.push(x.guid.clone());
                    these.push((0, 0));
                }
            }
        }
        out.push(these);
    }
    if !bad.is_empty() {
        let count = bad.len();
        bad.truncate(5);
        return Err(QdaError::Positions {
            file: file.into(),
            guids: bad,
            count,
        });
    }
    Ok(out)
}

/// The cohort of documents without a case of their own.
fn default_cohort(
    store: &Store,
    project: &Project,
    opts: &Options,
) -> Result<Option<CohortRef>, QdaError> {
    let cohorts = store.cohorts()?;
    let known = || cohorts.iter().map(|c| c.label.clone()).collect::<Vec<_>>();
    if let Some(key) = &opts.cohort {
        return match cohorts
            .iter()
            .find(|c| c.label == *key || c.id.to_string() == *key)
        {
            Some(c) => Ok(Some(CohortRef::Id(c.id))),
            // A store without cohorts takes the one named.
            None if cohorts.is_empty() => Ok(Some(CohortRef::Label(key.clone()))),
            None => Err(QdaError::NoCohort {
                key: key.clone(),
                known: known(),
            }),
        };
    }
    Ok(match cohorts.as_slice() {
        [] => Some(CohortRef::Label(if project.name.trim().is_empty() {
            "1".into()
        } else {
            project.name.clone()
        })),
        [one] => Some(CohortRef::Id(one.id)),
        _ => None,
    })
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

fn batch(
    project: &Project,
    texts: &[Option<Text>],
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
        let title = if s.name.is_empty() {
            s.guid.clone()
        } else {
            s.name.clone()
        };
        b.documents.push(InDocument {
            guid: s.guid.clone(),
            cohort,
            kind,
            title: crate::text::sanitize(&title),
            text: t.kept.clone(),
            notes: join(&s.description, &notes),
            notes_guid: own_guid(note, &s.guid),
            attributes,
            instrument,
            illustrative,
        });
        for (x, &(start, end)) in s.selections.iter().zip(spans) {
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
