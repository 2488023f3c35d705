//! QDA-XML (`project.qde`, a `.qdc` codebook) read into a [`Project`], in
//! one pass over its events: no tree of the whole file is built.
//!
//! Refused: a document type declaration (and with it any entity
//! declaration), a root in another namespace than the standard's, an
//! element nested past [`MAX_DEPTH`], a required GUID missing or not a
//! GUID, a position that is not a number. Elements of other namespaces
//! (a vendor's own) and of parts tovana does not read (links, graphs) are
//! passed over.

use super::model::*;
use super::{QdaError, XmlFlaw};
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

mod open;

pub const PROJECT_NS: &str = "urn:QDA-XML:project:1.0";
pub const CODEBOOK_NS: &str = "urn:QDA-XML:codebook:1.0";
/// Deeper than any real codebook's tree, shallow enough for no stack to
/// matter.
pub const MAX_DEPTH: usize = 256;

/// What an open element is to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    Root,
    Users,
    CodeBook,
    Codes,
    Code(usize),
    Variables,
    Variable,
    Cases,
    Case(usize),
    Sources,
    Source(usize),
    Selection(usize, usize),
    /// A coding of a selection, or of a whole source (selection `None`).
    Coding(usize, Option<usize>, usize),
    /// A variable value of a source or (`true`) a case.
    Value {
        case: bool,
        at: usize,
    },
    Notes,
    Note(usize),
    Sets,
    Set(usize),
    /// A text to collect: what it belongs to.
    Text(TextFor),
    /// Passed over, with all it holds.
    Skip,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextFor {
    ProjectDescription,
    CodeDescription(usize),
    SourceDescription(usize),
    SourceContent(usize),
    SelectionDescription(usize, usize),
    NoteContent(usize),
    Value,
    Other,
}

struct Reader<'a> {
    file: &'a str,
    xml: &'a str,
    project: Project,
    stack: Vec<Frame>,
    text: String,
    /// The value being read: its variable and its text.
    value: (Option<String>, String),
    /// Codings made on a whole source: (source, coding), made into
    /// selections of its whole text once the text is known.
    whole: Vec<(usize, Coding)>,
    /// The open element's attributes: local name, value.
    attrs: Vec<(Vec<u8>, String)>,
}

/// Reads a project (`codebook` false) or a codebook.
pub fn read(file: &str, xml: &str, codebook: bool) -> Result<Project, QdaError> {
    let xml = xml.strip_prefix('\u{feff}').unwrap_or(xml);
    let mut r = Reader {
        file,
        xml,
        project: Project {
            codebook_only: codebook,
            ..Project::default()
        },
        stack: vec![],
        text: String::new(),
        value: (None, String::new()),
        whole: vec![],
        attrs: vec![],
    };
    let mut ns = NsReader::from_str(xml);
    ns.config_mut().expand_empty_elements = true;
    let expected = if codebook { CODEBOOK_NS } else { PROJECT_NS };
    let root = if codebook { "CodeBook" } else { "Project" };
    let mut seen_root = false;
    loop {
        let at = ns.buffer_position() as usize;
        let (resolved, event) = ns
            .read_resolved_event()
            .map_err(|e| r.flaw(at, XmlFlaw::Syntax(e.to_string())))?;
        match event {
            Event::DocType(_) => return Err(r.flaw(at, XmlFlaw::DocType)),
            Event::Start(e) => {
                let local = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                let ours = matches!(&resolved, ResolveResult::Bound(n) if n.as_ref() == expected.as_bytes());
                if !seen_root {
                    let found = match &resolved {
                        ResolveResult::Bound(n) => String::from_utf8_lossy(n.as_ref()).into_owned(),
                        _ => String::new(),
                    };
                    if !ours {
                        return Err(QdaError::Namespace {
                            file: file.into(),
                            found,
                            expected: expected.into(),
                        });
                    }
                    if local != root {
                        return Err(r.flaw(at, XmlFlaw::Root(local)));
                    }
                    seen_root = true;
                }
                if r.stack.len() >= MAX_DEPTH {
                    return Err(r.flaw(at, XmlFlaw::TooDeep));
                }
                let frame = if ours {
                    r.load_attrs(&e, at)?;
                    r.open(&local, at)?
                } else {
                    Frame::Skip
                };
                r.stack.push(frame);
            }
            Event::End(_) => {
                if let Some(frame) = r.stack.pop() {
                    r.close(frame);
                }
            }
            Event::Text(t) if r.collecting() => {
                let s = t
                    .decode()
                    .map_err(|e| r.flaw(at, XmlFlaw::Syntax(e.to_string())))?;
                r.text.push_str(&s);
            }
            Event::CData(t) if r.collecting() => {
                r.text.push_str(&String::from_utf8_lossy(&t));
            }
            Event::GeneralRef(g) => {
                let c = match g.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        let name = g
                            .decode()
                            .map_err(|e| r.flaw(at, XmlFlaw::Syntax(e.to_string())))?;
                        quick_xml::escape::resolve_xml_entity(&name)
                            .ok_or_else(|| r.flaw(at, XmlFlaw::Entity(name.to_string())))?
                            .to_string()
                    }
                };
                if r.collecting() {
                    r.text.push_str(&c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err(r.flaw(0, XmlFlaw::Root(String::new())));
    }
    let Reader {
        mut project, whole, ..
    } = r;
    for (source, coding) in whole {
        // The whole source: its end is filled in once its text is read.
        let s = &mut project.sources[source];
        s.selections.push(Selection {
            guid: crate::domain::memo_guid(&coding.guid),
            name: String::new(),
            start: 0,
            end: u64::MAX,
            user: coding.user.clone(),
            created: coding.created.clone(),
            description: String::new(),
            codings: vec![coding],
            notes: vec![],
        });
    }
    Ok(project)
}

impl Reader<'_> {
    fn flaw(&self, at: usize, flaw: XmlFlaw) -> QdaError {
        let at = at.min(self.xml.len());
        let line = self.xml.as_bytes()[..at]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        QdaError::Xml {
            file: self.file.into(),
            line,
            flaw,
        }
    }

    fn collecting(&self) -> bool {
        matches!(self.stack.last(), Some(Frame::Text(_)))
    }

    /// Reads the open element's attributes once, for [`Reader::attr`].
    fn load_attrs(&mut self, e: &BytesStart, at: usize) -> Result<(), QdaError> {
        self.attrs.clear();
        for a in e.attributes().with_checks(false) {
            let a = a.map_err(|x| self.flaw(at, XmlFlaw::Syntax(x.to_string())))?;
            let v = a
                .unescape_value()
                .map_err(|x| self.flaw(at, XmlFlaw::Syntax(x.to_string())))?;
            self.attrs
                .push((a.key.local_name().as_ref().to_vec(), v.into_owned()));
        }
        Ok(())
    }

    /// An attribute of the open element (read by [`Reader::load_attrs`]).
    fn attr(&self, name: &str) -> Option<String> {
        self.attrs
            .iter()
            .find(|(k, _)| k.as_slice() == name.as_bytes())
            .map(|(_, v)| v.clone())
    }

    /// A GUID attribute: required ones must be there; any must be a GUID.
    fn guid(
        &self,
        element: &str,
        name: &str,
        at: usize,
        required: bool,
    ) -> Result<Option<String>, QdaError> {
        match self.attr(name) {
            None if required => Err(self.flaw(
                at,
                XmlFlaw::Missing {
                    element: element.into(),
                    attribute: name.into(),
                },
            )),
            None => Ok(None),
            Some(v) => normal_guid(&v).map(Some).ok_or_else(|| {
                self.flaw(
                    at,
                    XmlFlaw::Bad {
                        element: element.into(),
                        attribute: name.into(),
                        value: v,
                    },
                )
            }),
        }
    }

    fn number(&self, element: &str, name: &str, at: usize) -> Result<u64, QdaError> {
        let v = self.attr(name).ok_or_else(|| {
            self.flaw(
                at,
                XmlFlaw::Missing {
                    element: element.into(),
                    attribute: name.into(),
                },
            )
        })?;
        v.trim().parse().map_err(|_| {
            self.flaw(
                at,
                XmlFlaw::Bad {
                    element: element.into(),
                    attribute: name.into(),
                    value: v.clone(),
                },
            )
        })
    }

    fn close(&mut self, frame: Frame) {
        let Frame::Text(what) = frame else {
            if let Frame::Value { case, at } = frame {
                let (var, value) = std::mem::take(&mut self.value);
                if let Some(var) = var {
                    if case {
                        self.project.cases[at].values.push((var, value));
                    } else {
                        self.project.sources[at].values.push((var, value));
                    }
                }
            }
            return;
        };
        let text = std::mem::take(&mut self.text);
        let p = &mut self.project;
        match what {
            TextFor::CodeDescription(i) => p.codes[i].description = text,
            TextFor::SourceDescription(i) => p.sources[i].description = text,
            TextFor::SourceContent(i) => {
                // An empty content says nothing: the text may be in a file.
                if !text.is_empty() || !matches!(p.sources[i].text, TextAt::Path(_)) {
                    p.sources[i].text = TextAt::Inline(text);
                }
            }
            TextFor::SelectionDescription(i, j) => p.sources[i].selections[j].description = text,
            TextFor::NoteContent(i) => p.notes[i].text = text,
            TextFor::Value => self.value.1 = text,
            TextFor::ProjectDescription | TextFor::Other => {}
        }
    }
}
