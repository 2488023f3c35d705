//! Applying a code to the reader's target: the selection, or the turn
//! under the cursor; a code of the book, or a new one made in the same step.

use super::App;
use crate::domain::Id;
use crate::store::marking::Mark;
use crate::store::{Refusal, StoreError};
use crate::tui::action::Outcome;

impl App {
    /// A new code made and applied to the reader's target, in one step.
    pub(super) fn create_and_apply(&mut self, parent: Option<Id>, name: &str) -> Outcome {
        self.code_target(Apply::New { parent, name })
    }

    pub(super) fn apply_code(&mut self, code: Id) -> Outcome {
        self.code_target(Apply::Code(code))
    }

    /// Applies a code to the reader's selection, or to the turn under the
    /// cursor when nothing is selected.
    fn code_target(&mut self, what: Apply) -> Outcome {
        let Some(coder) = self.coder else {
            return Outcome::changed(false);
        };
        let colour = self.next_colour();
        let Some(r) = self.documents.reader.as_mut() else {
            return Outcome::changed(false);
        };
        let Some((start, end)) = r.target() else {
            return Outcome::said(self.settings.lang.select_first(&self.key_names()));
        };
        let doc = r.doc.id;
        r.anchor = None;
        let done = match what {
            Apply::Code(code) => self
                .store
                .apply_code(doc, start, end, code, coder)
                .map(|a| (code, a)),
            Apply::New { parent, name } => {
                match self
                    .store
                    .create_and_apply_code(name, parent, colour, doc, start, end, coder)
                {
                    // Another window made a code of this name there since
                    // the picker offered a new one: it is the code meant.
                    Err(StoreError::Refused(Refusal::NameTaken { id, .. })) => self
                        .store
                        .apply_code(doc, start, end, id, coder)
                        .map(|a| (id, a)),
                    done => done,
                }
            }
        };
        if matches!(what, Apply::New { .. }) && done.is_ok() {
            match self.store.codes() {
                Ok(codes) => self.codes = codes,
                Err(e) => return Outcome::of(Err(e)),
            }
        }
        // A new coding the reader shows is painted in without reading the
        // document's codings again.
        let shown = self.shown_coder.is_none_or(|c| c == coder);
        if let (Ok((code, a)), Some(r)) = (&done, self.documents.reader.as_mut())
            && a.new
            && shown
        {
            r.add_mark(Mark {
                coding: a.coding,
                quote: a.quote,
                start,
                end,
                code: *code,
                coder,
                memo: String::new(),
            });
        }
        let lang = self.settings.lang;
        let said = done.map(|(code, a)| {
            let name = self
                .codes
                .iter()
                .find(|c| c.id == code)
                .map(|c| c.name.clone())
                .unwrap_or_default();
            self.recent.retain(|c| *c != code);
            self.recent.insert(0, code);
            self.recent.truncate(9);
            (Some(code), lang.applied(&name, end - start, a.new))
        });
        self.after_coding_with(said, false)
    }
}

/// What a code is applied from: a code of the book, or a new one.
#[derive(Clone, Copy)]
enum Apply<'a> {
    Code(Id),
    New { parent: Option<Id>, name: &'a str },
}
