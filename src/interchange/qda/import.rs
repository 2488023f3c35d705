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
use crate::domain::exchange::{CohortRef, Merged};
use crate::store::Store;

mod batch;
use batch::batch;
use std::path::Path;

/// How far an import is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The project's XML is being read.
    Parsing,
    /// Sources' texts read: `done` of `of`.
    Sources { done: usize, of: usize },
    /// Everything is being written into the store.
    Writing,
}

#[derive(Clone, Default)]
pub struct Options<'a> {
    /// Where documents without a case of their own go: a cohort's label or
    /// id.
    pub cohort: Option<String>,
    /// A codebook alone (`.qdc`).
    pub codebook: bool,
    /// How much of an archive is read at most.
    pub limits: archive::Limits,
    /// Told each stage as it starts.
    pub progress: Option<&'a (dyn Fn(Stage) + Sync)>,
}

impl std::fmt::Debug for Options<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("cohort", &self.cohort)
            .field("codebook", &self.codebook)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
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
    /// Selections of no text at all (start = end), left out.
    pub empty_selections: usize,
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

/// Reads `file` and merges it into `store`; nothing is written on error.
pub fn import(store: &mut Store, file: &Path, opts: &Options) -> Result<Summary, QdaError> {
    let name = file.display().to_string();
    let archive::Opened {
        xml,
        inner,
        mut container,
    } = archive::open(file, opts.limits)?;
    let inner = if inner.is_empty() {
        name.clone()
    } else {
        format!("{name}: {inner}")
    };
    let tell = |stage| {
        if let Some(p) = opts.progress {
            p(stage)
        }
    };
    tell(Stage::Parsing);
    let mut project = super::parse::read(&inner, &xml, opts.codebook)?;
    drop(xml);
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
    let of = project.sources.len();
    for (done, s) in project.sources.iter_mut().enumerate() {
        tell(Stage::Sources { done, of });
        let label = if s.name.is_empty() { &s.guid } else { &s.name };
        let raw = match &mut s.text {
            TextAt::Inline(t) if t.is_empty() && s.rich.is_some() => None,
            // Taken: the text is kept once.
            TextAt::Inline(t) => Some(std::mem::take(t)),
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
    let batch = batch(&project, texts, &spans, default_cohort, &mut summary)
        .ok_or(QdaError::NeedsCohort { known })?;
    // The file's model is not needed once the batch is made.
    drop(project);
    drop(spans);
    tell(Stage::Writing);
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
    let (decided, known) = positions::decide_with_spans(&sources);
    let r = decided.reading;
    if any {
        summary.reading = Some(decided);
    }
    let mut known = known.map(Vec::into_iter);
    let mut out = vec![];
    let mut bad = vec![];
    for (s, t) in project.sources.iter().zip(texts) {
        let Some(t) = t else {
            out.push(vec![]);
            continue;
        };
        // The spans worked out while deciding (of the selections that are
        // not a whole source's), else worked out now.
        let got = match known.as_mut().and_then(Iterator::next) {
            Some(spans) => spans,
            None => {
                let written: Vec<(u64, u64)> = s
                    .selections
                    .iter()
                    .filter(|x| x.end != u64::MAX)
                    .map(|x| (x.start, x.end))
                    .collect();
                positions::spans(t, r, &written)
            }
        };
        let mut got = got.into_iter();
        let mut these = vec![];
        for x in &s.selections {
            if x.end == u64::MAX {
                these.push((0, t.len()));
                continue;
            }
            match got.next().flatten() {
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
