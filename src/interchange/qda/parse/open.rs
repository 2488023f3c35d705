//! What each element opened means, by the element it is in: the frame it
//! becomes, and what it adds to the project.

use super::{Frame, Reader, TextFor};
use crate::interchange::qda::QdaError;
use crate::interchange::qda::model::*;

impl Reader<'_> {
    pub(super) fn text_for(&mut self, f: TextFor) -> Frame {
        self.text.clear();
        Frame::Text(f)
    }

    /// The element `name` opened at byte `at`, its attributes read
    /// ([`Reader::load_attrs`]).
    pub(super) fn open(&mut self, name: &str, at: usize) -> Result<Frame, QdaError> {
        use Frame as F;
        let top = self.stack.last().copied();
        let Some(top) = top else {
            self.project.name = self.attr("name").unwrap_or_default();
            self.project.origin = self.attr("origin").unwrap_or_default();
            self.project.base_path = self.attr("basePath");
            return Ok(if self.project.codebook_only {
                F::CodeBook
            } else {
                F::Root
            });
        };
        Ok(match (top, name) {
            (F::Root, "Users") => F::Users,
            (F::Users, "User") => {
                let guid = self.guid(name, "guid", at, true)?.unwrap_or_default();
                let user_name = self.attr("name").unwrap_or_default();
                self.project.users.push(User {
                    guid,
                    name: user_name,
                });
                F::Skip
            }
            (F::Root, "CodeBook") => F::CodeBook,
            (F::CodeBook, "Codes") => F::Codes,
            (F::Codes | F::Code(_), "Code") => {
                let parent = match top {
                    F::Code(i) => Some(self.project.codes[i].guid.clone()),
                    _ => None,
                };
                let guid = self.guid(name, "guid", at, true)?.unwrap_or_default();
                let colour = self.attr("color").and_then(|c| normal_colour(&c));
                let codable = self
                    .attr("isCodable")
                    .is_none_or(|v| v.trim() != "false" && v.trim() != "0");
                self.project.codes.push(Code {
                    guid,
                    parent,
                    name: self.attr("name").unwrap_or_default(),
                    colour,
                    description: String::new(),
                    codable,
                    notes: vec![],
                });
                F::Code(self.project.codes.len() - 1)
            }
            (F::Code(i), "Description") => self.text_for(TextFor::CodeDescription(i)),
            (F::Code(i), "NoteRef") => {
                if let Some(g) = self.guid(name, "targetGUID", at, true)? {
                    self.project.codes[i].notes.push(g);
                }
                F::Skip
            }
            (F::Root, "Variables") => F::Variables,
            (F::Variables, "Variable") => {
                let guid = self.guid(name, "guid", at, true)?.unwrap_or_default();
                let var = self.attr("name").unwrap_or_default();
                self.project.variables.push(Variable { guid, name: var });
                F::Variable
            }
            (F::Root, "Cases") => F::Cases,
            (F::Cases, "Case") => {
                let guid = self.guid(name, "guid", at, true)?.unwrap_or_default();
                let case = self.attr("name").unwrap_or_default();
                self.project.cases.push(Case {
                    guid,
                    name: case,
                    values: vec![],
                    sources: vec![],
                    selections: vec![],
                });
                F::Case(self.project.cases.len() - 1)
            }
            (F::Case(i), "SourceRef") => {
                if let Some(g) = self.guid(name, "targetGUID", at, true)? {
                    self.project.cases[i].sources.push(g);
                }
                F::Skip
            }
            (F::Case(i), "SelectionRef") => {
                if let Some(g) = self.guid(name, "targetGUID", at, true)? {
                    self.project.cases[i].selections.push(g);
                }
                F::Skip
            }
            (F::Case(i), "VariableValue") => {
                self.value = (None, String::new());
                F::Value { case: true, at: i }
            }
            (F::Source(i), "VariableValue") => {
                self.value = (None, String::new());
                F::Value { case: false, at: i }
            }
            (F::Value { .. }, "VariableRef") => {
                self.value.0 = self.guid(name, "targetGUID", at, true)?;
                F::Skip
            }
            (F::Value { .. }, _) => self.text_for(TextFor::Value),
            (F::Root, "Sources") => F::Sources,
            (F::Sources, "TextSource") => {
                let guid = self.guid(name, "guid", at, true)?.unwrap_or_default();
                let path = self.attr("plainTextPath").filter(|p| !p.is_empty());
                let rich = self.attr("richTextPath").filter(|p| !p.is_empty());
                self.project.sources.push(Source {
                    guid,
                    name: self.attr("name").unwrap_or_default(),
                    text: match path {
                        Some(p) => TextAt::Path(p),
                        None => TextAt::Nowhere,
                    },
                    rich,
                    description: String::new(),
                    selections: vec![],
                    values: vec![],
                    notes: vec![],
                    user: self.guid(name, "creatingUser", at, false)?,
                });
                F::Source(self.project.sources.len() - 1)
            }
            (F::Sources, "PictureSource" | "PDFSource" | "AudioSource" | "VideoSource") => {
                self.project.skipped.push(Skipped {
                    kind: name.into(),
                    name: self.attr("name").unwrap_or_default(),
                    guid: self.guid(name, "guid", at, false)?.unwrap_or_default(),
                });
                F::Skip
            }
            (F::Source(i), "Description") => self.text_for(TextFor::SourceDescription(i)),
            (F::Source(i), "PlainTextContent") => self.text_for(TextFor::SourceContent(i)),
            (F::Source(i), "NoteRef") => {
                if let Some(g) = self.guid(name, "targetGUID", at, true)? {
                    self.project.sources[i].notes.push(g);
                }
                F::Skip
            }
            (F::Source(i), "PlainTextSelection") => {
                let guid = self.guid(name, "guid", at, true)?.unwrap_or_default();
                let start = self.number(name, "startPosition", at)?;
                let end = self.number(name, "endPosition", at)?;
                let s = Selection {
                    guid,
                    name: self.attr("name").unwrap_or_default(),
                    start,
                    end,
                    user: self.guid(name, "creatingUser", at, false)?,
                    created: self.attr("creationDateTime"),
                    description: String::new(),
                    codings: vec![],
                    notes: vec![],
                };
                self.project.sources[i].selections.push(s);
                F::Selection(i, self.project.sources[i].selections.len() - 1)
            }
            (F::Selection(i, j), "Description") => {
                self.text_for(TextFor::SelectionDescription(i, j))
            }
            (F::Selection(i, j), "NoteRef") => {
                if let Some(g) = self.guid(name, "targetGUID", at, true)? {
                    self.project.sources[i].selections[j].notes.push(g);
                }
                F::Skip
            }
            (F::Selection(i, _) | F::Source(i), "Coding") => {
                let sel = match top {
                    F::Selection(_, j) => Some(j),
                    _ => None,
                };
                let coding = Coding {
                    guid: self.guid(name, "guid", at, true)?.unwrap_or_default(),
                    code: String::new(),
                    user: self.guid(name, "creatingUser", at, false)?,
                    created: self.attr("creationDateTime"),
                    notes: vec![],
                };
                let n = match sel {
                    Some(j) => {
                        let s = &mut self.project.sources[i].selections[j];
                        s.codings.push(coding);
                        s.codings.len() - 1
                    }
                    None => {
                        self.whole.push((i, coding));
                        self.whole.len() - 1
                    }
                };
                F::Coding(i, sel, n)
            }
            (F::Coding(i, sel, n), "CodeRef" | "NoteRef") => {
                let g = self.guid(name, "targetGUID", at, true)?.unwrap_or_default();
                let coding = match sel {
                    Some(j) => &mut self.project.sources[i].selections[j].codings[n],
                    None => &mut self.whole[n].1,
                };
                if name == "CodeRef" {
                    coding.code = g;
                } else {
                    coding.notes.push(g);
                }
                F::Skip
            }
            (F::Root, "Notes") => F::Notes,
            (F::Notes, "Note") => {
                let guid = self.guid(name, "guid", at, true)?.unwrap_or_default();
                self.project.notes.push(Note {
                    guid,
                    name: self.attr("name").unwrap_or_default(),
                    text: String::new(),
                });
                F::Note(self.project.notes.len() - 1)
            }
            (F::Note(i), "PlainTextContent") => self.text_for(TextFor::NoteContent(i)),
            (F::Root | F::CodeBook, "Sets") => F::Sets,
            (F::Sets, "Set") => {
                self.project.sets.push(Set {
                    name: self.attr("name").unwrap_or_default(),
                    codes: 0,
                    sources: 0,
                });
                F::Set(self.project.sets.len() - 1)
            }
            (F::Set(i), "MemberCode") => {
                self.project.sets[i].codes += 1;
                F::Skip
            }
            (F::Set(i), "MemberSource") => {
                self.project.sets[i].sources += 1;
                F::Skip
            }
            (F::Root, "Description") => self.text_for(TextFor::ProjectDescription),
            (F::Case(_) | F::Note(_) | F::Set(_) | F::Variable, "Description") => {
                self.text_for(TextFor::Other)
            }
            _ => F::Skip,
        })
    }
}
