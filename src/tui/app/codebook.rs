//! Codebook edits from the Codebook view (new, rename, describe, memo,
//! colour, move, merge, delete), choosing the coders an agreement table
//! compares, and exporting a code's quotes; and what every view that shows
//! codes reads again after a change.

use crate::domain::Id;
use crate::store::StoreError;
use crate::tui::popups::{
    Choose, ChooseFor, Confirm, ConfirmFor, Modal, PickFor, Picker, Prompt, PromptFor,
};
use std::path::PathBuf;

use super::{App, PALETTE};
use crate::tui::action::{Action, Outcome};

impl App {
    /// The colour a new code gets: the palette in turn.
    pub(super) fn next_colour(&self) -> &'static str {
        PALETTE[self.codes.len() % PALETTE.len()]
    }

    pub(super) fn after_codebook_change(&mut self, done: Result<String, StoreError>) -> Outcome {
        let act = self.store.take_last_act();
        match done.and_then(|msg| self.refresh_coding().map(|_| msg)) {
            // Said as what was done ("saved: move code 'x' under 'y'").
            Ok(msg) if msg.is_empty() => Outcome::said(self.said_done(act)),
            Ok(msg) => Outcome::said(msg),
            Err(e) => Outcome::of(Err(e)),
        }
    }

    /// "saved", with what was saved when the store says (its journal's act).
    pub(super) fn said_done(&self, act: Option<crate::domain::Act>) -> String {
        let lang = self.settings.lang;
        match act {
            Some(act) => lang.saved_act(&lang.act(&act)),
            None => lang.saved().into(),
        }
    }

    /// Everything that shows codes, read again.
    pub(super) fn refresh_coding(&mut self) -> Result<(), StoreError> {
        self.codes = self.store.codes()?;
        self.coders = self.store.coders()?;
        // The open document's codings at once (it keeps the keys); every
        // view's lists when next shown, the current one's now.
        self.documents
            .reload_reader(&self.store, self.shown_coder)?;
        self.invalidate_coded_views();
        self.counts = self.store.counts()?;
        self.load_view()
    }

    /// Asks for the first of the two coders to compare, then (given the
    /// first) for the second.
    pub(super) fn choose_coders(&mut self, first: Option<Id>) -> Outcome {
        if self.blind {
            return Outcome::said(self.settings.lang.blind_coding().into());
        }
        if self.coders.len() < 2 {
            return Outcome::said(self.settings.lang.two_coders_needed().into());
        }
        let items: Vec<(Id, String, String)> = self
            .coders
            .iter()
            .filter(|c| Some(c.id) != first)
            .map(|c| (c.id, c.name.clone(), String::new()))
            .collect();
        self.modal = Some(Modal::Choose(Choose {
            purpose: match first {
                None => ChooseFor::CoderA,
                Some(a) => ChooseFor::CoderB(a),
            },
            items,
            selected: 0,
        }));
        Outcome::changed(true)
    }

    /// `w` in the Survey: the list of attribute values to count only the
    /// respondents with, "everyone" first.
    pub(super) fn choose_survey_filter(&mut self) -> Outcome {
        let items = match self.survey.filter_items(&self.store) {
            Ok(items) => items,
            Err(e) => return Outcome::of(Err(e)),
        };
        if items.is_empty() {
            return Outcome::said(self.settings.lang.no_attributes().into());
        }
        let mut all = vec![(0, self.settings.lang.everyone().to_string(), String::new())];
        all.extend(items);
        self.modal = Some(Modal::Choose(Choose {
            purpose: ChooseFor::SurveyFilter,
            items: all,
            selected: 0,
        }));
        Outcome::changed(true)
    }

    /// Writes the selected code's quotes, as the Codebook lists them, to
    /// Markdown and CSV files.
    pub(super) fn export_code_quotes(&mut self) -> Outcome {
        let Some(code) = self.codebook.selected_code() else {
            return Outcome::changed(false);
        };
        // Named after the code (its id when its name leaves nothing).
        let stem = match crate::interchange::files::slug(&code.name) {
            s if s.is_empty() => format!("tovana-quotes-{}", code.id),
            s => format!("tovana-quotes-{s}"),
        };
        let w = self.settings.lang.table_words();
        match crate::interchange::tables::quotes_table(&self.store, &self.codebook.quotes.filter, w)
        {
            Ok(t) => self.exported(crate::interchange::files::write_table(
                &t,
                &stem,
                &self.export_dir,
            )),
            Err(e) => Outcome::of(Err(e)),
        }
    }

    /// `E` in Cohorts or Findings: the evaluation report of the cohort on
    /// screen, as a page to print (HTML) and as Markdown.
    pub(super) fn export_report(&mut self, cohort: Option<crate::domain::Id>) -> Outcome {
        let Some(cohort) = cohort else {
            return Outcome::said(self.settings.lang.nothing_to_export().into());
        };
        let lang = self.settings.lang;
        let scope = crate::interchange::report::Scope::Cohort(cohort);
        match crate::interchange::report::build(&self.store, scope, &lang) {
            Ok(r) => {
                let label = self
                    .store
                    .cohorts()
                    .ok()
                    .and_then(|cs| cs.into_iter().find(|c| c.id == cohort))
                    .map(|c| crate::interchange::files::slug(&c.label))
                    .unwrap_or_default();
                let stem = format!("tovana-report-{label}");
                let files = [
                    ("html", crate::interchange::report::html(&r)),
                    ("md", crate::interchange::report::markdown(&r)),
                ];
                self.exported(
                    crate::interchange::files::write_files(&stem, &self.export_dir, &files)
                        .map(|p| (p[0].clone(), p[1].clone())),
                )
            }
            Err(e) => Outcome::failed(e),
        }
    }

    /// `E` in Recommendations: the list, with each recommendation's fate
    /// in every later cohort, to Markdown and CSV.
    pub(super) fn export_evaluation(&mut self) -> Outcome {
        let lang = self.settings.lang;
        let w = lang.table_words();
        let table = crate::interchange::tables::recommendations_table(
            &self.store,
            w,
            |p| lang.phase(p),
            |u| lang.uptake(u),
        );
        let stem = "tovana-recommendations";
        match table {
            Ok(t) => self.exported(crate::interchange::files::write_table(
                &t,
                stem,
                &self.export_dir,
            )),
            Err(e) => Outcome::failed(e),
        }
    }

    /// What writing an export came to, said.
    pub(super) fn exported(&self, written: std::io::Result<(PathBuf, PathBuf)>) -> Outcome {
        let lang = self.settings.lang;
        match written {
            Ok((md, csv)) => {
                Outcome::said(lang.exported(&md.display().to_string(), &csv.display().to_string()))
            }
            Err(e) => Outcome::said(lang.not_exported(&e.to_string())),
        }
    }

    pub(super) fn codebook_action(&mut self, action: Action) -> Outcome {
        let lang = self.settings.lang;
        let selected = self.codebook.selected_code().cloned();
        let prompt = |purpose, title: &str, text: String| {
            Some(Modal::Prompt(Prompt::new(purpose, title.to_string(), text)))
        };
        if action == Action::NewTopCode {
            self.modal = prompt(
                PromptFor::NewCode(None),
                lang.new_code_title(),
                String::new(),
            );
            return Outcome::changed(true);
        }
        let Some(code) = selected else {
            return Outcome::changed(false);
        };
        self.modal = match action {
            Action::NewCode => prompt(
                PromptFor::NewCode(Some(code.id)),
                &format!("{} {}", lang.new_code_title(), code.name),
                String::new(),
            ),
            Action::RenameCode => {
                prompt(PromptFor::Rename(code.id), lang.rename_title(), code.name)
            }
            Action::DescribeCode => prompt(
                PromptFor::Describe(code.id),
                lang.describe_title(),
                code.description,
            ),
            Action::Memo => prompt(PromptFor::CodeMemo(code.id), lang.memo_title(), code.memo),
            Action::MoveCode => Some(Modal::Pick(
                Picker::new(PickFor::MoveUnder(code.id), &self.codes).with_recent(&self.recent),
            )),
            Action::MergeCode => Some(Modal::Pick(
                Picker::new(PickFor::MergeInto(code.id), &self.codes).with_recent(&self.recent),
            )),
            Action::DeleteCode => match self.store.code_usage(code.id) {
                Ok(u) => Some(Modal::Confirm(Confirm {
                    purpose: ConfirmFor::DeleteCode(code.id),
                    message: lang.confirm_delete(&code.name, u.codings, u.children),
                })),
                Err(e) => return Outcome::of(Err(e)),
            },
            Action::ColourCode => {
                let i = PALETTE
                    .iter()
                    .position(|p| *p == code.colour)
                    .map_or(0, |i| i + 1);
                let done = self
                    .store
                    .set_code_colour(code.id, PALETTE[i % PALETTE.len()])
                    .map(|_| String::new());
                return self.after_codebook_change(done);
            }
            _ => None,
        };
        Outcome::changed(self.modal.is_some())
    }
}
