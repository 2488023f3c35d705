//! The coding workflow: the reader's keys, what the popups they open
//! answer, applying and removing codes, undo and redo. Codebook edits and
//! exports are in `codebook.rs`.

use crate::domain::{Id, coder_name};
use crate::store::StoreError;
use crate::tui::popups::{
    Choose, ChooseFor, Confirm, ConfirmFor, Modal, PickFor, PickRow, Picker, Prompt, PromptFor,
    Reply,
};

use super::{App, view_area};
use crate::tui::action::{Action, Outcome};

/// Coding: the reader's keys, the windows they open, undo.
impl App {
    pub(super) fn reader_update(&mut self, action: Action) -> Outcome {
        let order = self.settings.bidi.order();
        let size = self.reader_size();
        let Some(r) = self.documents.reader.as_mut() else {
            return Outcome::changed(false);
        };
        if r.motion(action, &self.layouts, order, size) {
            return Outcome::changed(true);
        }
        match action {
            Action::Back => {
                if r.anchor.take().is_some() {
                    return Outcome::changed(true);
                }
                let back_there = r.opened_by_jump;
                self.documents.reader = None;
                // A quote followed from elsewhere: Esc goes back there, to
                // the selection it left, in one step.
                if back_there && self.go_back() {
                    return Outcome::changed(true);
                }
                // The list's counts may have changed while reading.
                Outcome::of(self.documents.ensure_loaded(&self.store).map(|_| true))
            }
            Action::Visual => {
                r.anchor = match r.anchor {
                    Some(_) => None,
                    None => Some(r.cursor),
                };
                Outcome::changed(true)
            }
            Action::PickCode | Action::RepeatCode | Action::RecentCodes | Action::InVivo
                if self.coder.is_none() =>
            {
                self.ask_coder(action)
            }
            Action::PickCode => {
                self.modal = Some(Modal::Pick(
                    Picker::new(PickFor::Apply, &self.codes).with_recent(&self.recent),
                ));
                Outcome::changed(true)
            }
            Action::RepeatCode => match self.recent.first().copied() {
                Some(code) => self.apply_code(code),
                None => Outcome::said(self.settings.lang.no_last_code(&self.key_names())),
            },
            Action::RecentCodes => {
                let items = self
                    .recent
                    .iter()
                    .filter_map(|id| self.codes.iter().find(|c| c.id == *id))
                    .map(|c| (c.id, c.name.clone(), c.colour.clone()))
                    .collect::<Vec<_>>();
                if items.is_empty() {
                    return Outcome::said(self.settings.lang.no_last_code(&self.key_names()));
                }
                self.modal = Some(Modal::Choose(Choose {
                    purpose: ChooseFor::Recent,
                    items,
                    selected: 0,
                }));
                Outcome::changed(true)
            }
            Action::InVivo => {
                let name = r
                    .selected_text()
                    .map(|t| crate::text::sanitize(&t).trim().to_string())
                    .filter(|t| !t.is_empty());
                let Some(name) = name else {
                    return Outcome::said(self.settings.lang.select_first(&self.key_names()));
                };
                let name: String = name.chars().take(80).collect();
                self.create_and_apply(None, &name)
            }
            Action::RemoveCoding | Action::Memo => {
                let purpose = if action == Action::Memo {
                    ChooseFor::Memo
                } else {
                    ChooseFor::Remove
                };
                // Each coder removes and annotates their own codings; the
                // others' under the cursor are named, not touched.
                let here = r.marks_here();
                let others: Vec<String> = here
                    .iter()
                    .filter(|m| self.coder.is_some_and(|me| m.coder != me))
                    .map(|m| coder_name(&self.coders, m.coder).to_string())
                    .collect();
                let items: Vec<(Id, String, String)> = here
                    .into_iter()
                    .filter(|m| self.coder.is_none_or(|me| m.coder == me))
                    .filter_map(|m| {
                        let c = self.codes.iter().find(|c| c.id == m.code)?;
                        let who = coder_name(&self.coders, m.coder);
                        Some((m.coding, format!("{} ({who})", c.name), c.colour.clone()))
                    })
                    .collect();
                match items.len() {
                    0 if !others.is_empty() => {
                        let mut names = others;
                        names.dedup();
                        Outcome::said(self.settings.lang.not_yours(&names.join(", ")))
                    }
                    0 => Outcome::said(self.settings.lang.no_codes_here().into()),
                    1 => self.chosen(purpose, items[0].0),
                    _ => {
                        self.modal = Some(Modal::Choose(Choose {
                            purpose,
                            items,
                            selected: 0,
                        }));
                        Outcome::changed(true)
                    }
                }
            }
            _ => Outcome::changed(false),
        }
    }

    pub(super) fn ask_coder(&mut self, then: Action) -> Outcome {
        self.pending = Some(then);
        let title = self.settings.lang.ask_coder().to_string();
        self.modal = Some(Modal::Prompt(Prompt::new(
            PromptFor::Coder,
            title,
            String::new(),
        )));
        Outcome::changed(true)
    }

    pub(super) fn modal_update(&mut self, action: Action) -> Outcome {
        let Some(modal) = self.modal.as_mut() else {
            return Outcome::changed(false);
        };
        if matches!(modal, Modal::Form(_)) {
            return self.form_update(action);
        }
        if matches!(modal, Modal::PickFinding(_)) {
            return self.finding_picked(action);
        }
        let fallback = self.settings.lang.direction();
        let width = crate::tui::popups::window_width(view_area(self.screen));
        let reply = modal.handle(action, &self.layouts, fallback, width);
        if !matches!(reply, Reply::Stay(_)) {
            self.modal = None;
        }
        match reply {
            Reply::Stay(changed) => Outcome::changed(changed),
            Reply::Cancelled => {
                self.pending = None;
                Outcome::changed(true)
            }
            Reply::Picked(purpose, row) => self.picked(purpose, row),
            Reply::Chosen(purpose, id) => self.chosen(purpose, id),
            Reply::Prompted(purpose, text) => self.prompted(purpose, &text),
            Reply::Confirmed(ConfirmFor::MergeCode { from, into }) => {
                let lang = self.settings.lang;
                let done = self
                    .store
                    .merge_codes(from, into)
                    .map(|m| lang.merged(m.moved, m.collapsed));
                self.after_codebook_change(done)
            }
            Reply::Confirmed(ConfirmFor::DeletePart(item)) => self.delete_part(item),
            Reply::Confirmed(ConfirmFor::DeleteCode(id)) => {
                let done = self
                    .store
                    .delete_code(id)
                    .map(|u| self.settings.lang.deleted(u.codings, &self.key_names()));
                self.after_codebook_change(done)
            }
        }
    }

    pub(super) fn picked(&mut self, purpose: PickFor, row: PickRow) -> Outcome {
        match (purpose, row) {
            (PickFor::Apply, PickRow::Code(id)) => self.apply_code(id),
            (PickFor::Apply, PickRow::Create { parent, name }) => {
                self.create_and_apply(parent, &name)
            }
            (PickFor::MoveUnder(id), PickRow::Code(p)) => {
                let done = self.store.move_code(id, Some(p)).map(|_| String::new());
                self.after_codebook_change(done)
            }
            (PickFor::MoveUnder(id), PickRow::Top) => {
                let done = self.store.move_code(id, None).map(|_| String::new());
                self.after_codebook_change(done)
            }
            (PickFor::MergeInto(from), PickRow::Code(into)) => {
                // A merge is asked once more, with both codes' paths and
                // what moves: the picked row may not be the code meant.
                let path = |id| {
                    self.codes
                        .iter()
                        .find(|c| c.id == id)
                        .map(|c| crate::domain::code_path(&self.codes, c))
                        .unwrap_or_default()
                };
                match self.store.code_usage(from) {
                    Ok(u) => {
                        let message =
                            self.settings
                                .lang
                                .confirm_merge(&path(from), &path(into), u.codings);
                        self.modal = Some(Modal::Confirm(Confirm {
                            purpose: ConfirmFor::MergeCode { from, into },
                            message,
                        }));
                        Outcome::changed(true)
                    }
                    Err(e) => Outcome::of(Err(e)),
                }
            }
            _ => Outcome::changed(true),
        }
    }

    pub(super) fn chosen(&mut self, purpose: ChooseFor, id: Id) -> Outcome {
        match purpose {
            ChooseFor::Recent => self.apply_code(id),
            ChooseFor::Remove => {
                let done = self.store.remove_coding(id);
                let act = self.store.take_last_act();
                let said = self.said_done(act);
                self.after_coding(done.map(|code| (Some(code), said)))
            }
            ChooseFor::CoderA => self.choose_coders(Some(id)),
            ChooseFor::SurveyFilter => {
                Outcome::of(self.survey.set_filter(id, &self.store).map(|_| true))
            }
            ChooseFor::CoderB(a) => {
                self.tables.pair = Some((a, id));
                if let Err(e) = self.store.set_agreement_pair(a, id) {
                    return Outcome::of(Err(e));
                }
                let words = self.settings.lang.table_words();
                Outcome::of(
                    self.tables
                        .reload(&self.store, self.shown_coder, words)
                        .map(|_| true),
                )
            }
            ChooseFor::Memo => {
                let memo = self
                    .documents
                    .reader
                    .as_ref()
                    .and_then(|r| r.marks.iter().find(|m| m.coding == id))
                    .map(|m| m.memo.clone())
                    .unwrap_or_default();
                let title = self.settings.lang.memo_title().to_string();
                self.modal = Some(Modal::Prompt(Prompt::new(
                    PromptFor::CodingMemo(id),
                    title,
                    memo,
                )));
                Outcome::changed(true)
            }
        }
    }

    pub(super) fn prompted(&mut self, purpose: PromptFor, text: &str) -> Outcome {
        let clean = if purpose.paragraphs() {
            crate::text::sanitize_paragraphs(text)
        } else {
            crate::text::sanitize(text)
        };
        match purpose {
            PromptFor::Coder => {
                if let Err(e) = self.set_coder(&clean) {
                    return Outcome::of(Err(e));
                }
                self.asked_coder = Some(clean.trim().to_string());
                match self.pending.take() {
                    Some(a) => self.apply(a),
                    None => Outcome::changed(true),
                }
            }
            PromptFor::CodingMemo(id) => {
                let done = self.store.set_coding_memo(id, clean.trim());
                let act = self.store.take_last_act();
                let said = self.said_done(act);
                self.after_coding(done.map(|_| (None, said)))
            }
            PromptFor::CodeMemo(id) => {
                let done = self
                    .store
                    .set_code_memo(id, clean.trim())
                    .map(|_| String::new());
                self.after_codebook_change(done)
            }
            PromptFor::Describe(id) => {
                let done = self
                    .store
                    .set_code_description(id, clean.trim())
                    .map(|_| String::new());
                self.after_codebook_change(done)
            }
            PromptFor::Rename(id) => {
                let done = self.store.rename_code(id, &clean).map(|_| String::new());
                self.after_codebook_change(done)
            }
            // A form's lines are its own.
            PromptFor::Field => Outcome::changed(false),
            PromptFor::FateNote {
                recommendation,
                cohort,
            } => {
                let status = self
                    .recs
                    .recs
                    .iter()
                    .find(|r| r.id == recommendation)
                    .map_or(crate::domain::Uptake::Unknown, |r| r.fate_in(cohort).0);
                let done = self
                    .store
                    .set_fate(recommendation, cohort, status, clean.trim());
                let act = self.store.take_last_act();
                crate::tui::views::View::invalidate(&mut self.recs);
                match done.and_then(|_| self.recs.ensure_loaded(&self.store)) {
                    Ok(()) => Outcome::said(self.said_done(act)),
                    Err(e) => Outcome::failed(e),
                }
            }
            PromptFor::NewCode(parent) => {
                let colour = self.next_colour();
                let done = self
                    .store
                    .create_code(&clean, parent, colour)
                    .map(|_| String::new());
                self.after_codebook_change(done)
            }
        }
    }

    /// After a coding action: the open document's codings read again, the
    /// counts of the code it touched (`None`: no count changed), and what
    /// happened said. The document list is read again when it is next shown.
    pub(super) fn after_coding(
        &mut self,
        done: Result<(Option<Id>, String), StoreError>,
    ) -> Outcome {
        self.after_coding_with(done, true)
    }

    /// The same; `reread` false when the reader's marks are already up to
    /// date (a code just applied was painted in).
    pub(super) fn after_coding_with(
        &mut self,
        done: Result<(Option<Id>, String), StoreError>,
        reread: bool,
    ) -> Outcome {
        let refreshed = done.and_then(|(code, msg)| {
            self.documents.invalidate_list();
            if reread {
                self.documents
                    .reload_reader(&self.store, self.shown_coder)?;
            }
            if let Some(code) = code {
                self.codebook
                    .refresh_code(&self.store, code, self.shown_coder)?;
                self.counts.quotes = self.store.quote_count()?;
                self.findings.invalidate();
                self.tables.invalidate();
            }
            Ok(msg)
        });
        match refreshed {
            Ok(msg) => Outcome::said(msg),
            Err(e) => Outcome::of(Err(e)),
        }
    }

    pub(super) fn undo(&mut self, undo: bool) -> Outcome {
        let step = if undo {
            self.store.undo()
        } else {
            self.store.redo()
        };
        let lang = self.settings.lang;
        match step {
            Ok(Some(s)) if s.act.is_authoring() => {
                // A part of the evaluation: every view reads it again.
                let msg = lang.undone(undo, &lang.act(&s.act));
                match self.reread_all() {
                    Ok(()) => Outcome::said(msg),
                    Err(e) => Outcome::failed(e),
                }
            }
            Ok(Some(s)) => {
                let msg = lang.undone(undo, &lang.act(&s.act));
                if let Some(c) = self.coder {
                    self.recent = self.store.recent_codes(c, 9).unwrap_or_default();
                }
                self.after_codebook_change(Ok(msg))
            }
            Ok(None) => Outcome::said(lang.nothing_to_undo(undo).into()),
            Err(e) => Outcome::of(Err(e)),
        }
    }
}
