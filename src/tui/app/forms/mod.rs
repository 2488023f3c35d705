//! Writing the parts of an evaluation from the views that show them: `n`
//! opens a new one's form, `e` the selected one's, `d` deletes it after
//! saying what goes with it, `K`/`J` move it up or down its list; in
//! Cohorts, `P` the program, `m` and `i` a new meeting or instrument of the
//! selected cohort. The form's keys are answered here: each edit is checked
//! in place, `Ctrl-s` saves in one journaled step (`u` undoes it).

mod citing;
pub mod specs;

use super::{App, view_area};
use crate::domain::{
    Cohort, Evidence, Finding, Id, Instrument, InstrumentKind, Item, Part, Phase, Program,
    Recommendation, Session, SessionKind,
};
use crate::store::StoreError;
use crate::tui::action::{Action, Outcome, ViewId};
use crate::tui::popups::{Confirm, ConfirmFor, FormKey, Modal};
use specs::{Cohorts, Draft};
use std::collections::HashSet;

/// What the open form edits: the part as it was, the cohorts it may go
/// to, and the fields edited so far (their messages show as they are
/// typed; the others' on saving).
#[derive(Debug, Default)]
pub struct Editing {
    pub was: Option<Draft>,
    pub cohorts: Vec<Cohort>,
    pub touched: HashSet<&'static str>,
}

impl App {
    /// A key of the views' authoring, in the current view.
    pub(super) fn authoring(&mut self, action: Action) -> Outcome {
        let lang = self.settings.lang;
        // In a finding's evidence, the keys act on its pieces.
        if self.view == ViewId::Findings
            && self.findings.focus.is_some()
            && matches!(
                action,
                Action::DeleteItem | Action::MoveItemUp | Action::MoveItemDown
            )
        {
            return self.evidence_action(action);
        }
        let done = match action {
            Action::EditProgram => match self.programs.first().cloned() {
                Some(p) => self.open_form(Draft::Program(p)),
                None => self.open_form(Draft::Program(new_program())),
            },
            Action::NewItem => return self.new_item(),
            Action::NewMeeting | Action::NewInstrument => {
                let Some(cohort) = self.cohorts.selected_cohort().map(|c| c.id) else {
                    return Outcome::said(lang.needs_cohort(&self.key_names()));
                };
                if action == Action::NewMeeting {
                    self.open_form(Draft::Meeting(new_session(cohort)))
                } else {
                    self.open_form(Draft::Instrument(new_instrument(cohort)))
                }
            }
            Action::EditItem => match self.selected_draft() {
                Some(d) => self.open_form(d),
                None => return Outcome::changed(false),
            },
            Action::DeleteItem => {
                let Some(item) = self.selected_item() else {
                    return Outcome::changed(false);
                };
                let asked = self.store.dependents(item).and_then(|d| {
                    let name = self.store.name_of(item)?;
                    Ok(lang.confirm_delete_part(item.part, &name, &d, &self.key_names()))
                });
                asked.map(|message| {
                    self.modal = Some(Modal::Confirm(Confirm {
                        purpose: ConfirmFor::DeletePart(item),
                        message,
                    }));
                })
            }
            Action::MoveItemUp | Action::MoveItemDown => {
                let Some(item) = self.selected_item() else {
                    return Outcome::changed(false);
                };
                let up = action == Action::MoveItemUp;
                return match self.store.move_item(item, up) {
                    Ok(false) => Outcome::said(lang.at_the_end(up).into()),
                    Ok(true) => self.after_authoring(Ok(item)),
                    Err(e) => Outcome::failed(e),
                };
            }
            _ => return Outcome::changed(false),
        };
        Outcome::of(done.map(|_| true))
    }

    fn new_item(&mut self) -> Outcome {
        let lang = self.settings.lang;
        let cohort = match self.view {
            ViewId::Findings => self.findings.selected_finding().map(|f| f.cohort),
            ViewId::Recommendations => self.recs.recs.get(self.recs.selected).map(|r| r.cohort),
            _ => None,
        }
        .or_else(|| self.cohorts.selected_cohort().map(|c| c.id));
        // On a focused card, another of the kind selected there.
        let on_card = self.cohorts.card_item().map(|i| i.part);
        let draft = match (self.view, cohort) {
            (ViewId::Cohorts, Some(c)) if on_card == Some(Part::Meeting) => {
                Draft::Meeting(new_session(c))
            }
            (ViewId::Cohorts, Some(c)) if on_card == Some(Part::Instrument) => {
                Draft::Instrument(new_instrument(c))
            }
            (ViewId::Cohorts, _) => match self.programs.first() {
                Some(p) => Draft::Cohort(new_cohort(p.id)),
                // A cohort belongs to a program: the program comes first.
                None => Draft::Program(new_program()),
            },
            (_, None) => return Outcome::said(lang.needs_cohort(&self.key_names())),
            (ViewId::Findings, Some(c)) => Draft::Finding(new_finding(c)),
            (ViewId::Recommendations, Some(c)) => Draft::Recommendation(new_recommendation(c)),
            _ => return Outcome::changed(false),
        };
        Outcome::of(self.open_form(draft).map(|_| true))
    }

    /// The selected part of the current view.
    fn selected_item(&self) -> Option<Item> {
        let (part, id) = match self.view {
            ViewId::Cohorts if self.cohorts.card.focus => return self.cohorts.card_item(),
            ViewId::Cohorts => (Part::Cohort, self.cohorts.selected_cohort()?.id),
            ViewId::Findings => (Part::Finding, self.findings.selected_finding()?.id),
            ViewId::Recommendations => (
                Part::Recommendation,
                self.recs.recs.get(self.recs.selected)?.id,
            ),
            _ => return None,
        };
        Some(Item { part, id })
    }

    fn selected_draft(&self) -> Option<Draft> {
        let c = &self.cohorts;
        Some(match self.view {
            ViewId::Cohorts if c.card.focus => match c.card_item()? {
                Item {
                    part: Part::Meeting,
                    id,
                } => Draft::Meeting(c.sessions.iter().find(|s| s.id == id)?.clone()),
                Item { id, .. } => {
                    Draft::Instrument(c.instruments.iter().find(|i| i.id == id)?.clone())
                }
            },
            ViewId::Cohorts => Draft::Cohort(c.selected_cohort()?.clone()),
            ViewId::Findings => Draft::Finding(self.findings.selected_finding()?.clone()),
            ViewId::Recommendations => {
                Draft::Recommendation(self.recs.recs.get(self.recs.selected)?.clone())
            }
            _ => return None,
        })
    }

    pub(super) fn open_form(&mut self, draft: Draft) -> Result<(), StoreError> {
        let cohorts = self.store.cohorts()?;
        let form = specs::form_of(&draft, &Cohorts(&cohorts), self.settings.lang);
        self.editing = Editing {
            was: Some(draft),
            cohorts,
            touched: HashSet::new(),
        };
        self.modal = Some(Modal::Form(form));
        Ok(())
    }

    /// A key for the open form.
    pub(super) fn form_update(&mut self, action: Action) -> Outcome {
        let lang = self.settings.lang;
        let width = crate::tui::popups::window_width(view_area(self.screen));
        let Some(Modal::Form(form)) = self.modal.as_mut() else {
            return Outcome::changed(false);
        };
        let Some(was) = self.editing.was.as_ref() else {
            return Outcome::changed(false);
        };
        let cohorts = Cohorts(&self.editing.cohorts);
        match form.handle(action, &self.layouts, lang.direction(), width) {
            FormKey::Stay(changed) => Outcome::changed(changed),
            FormKey::Drop => {
                self.modal = None;
                self.editing = Editing::default();
                Outcome::changed(true)
            }
            FormKey::Edited => {
                // Checked as it is typed: the fields edited so far.
                if let Some(f) = form.fields.get(form.at) {
                    self.editing.touched.insert(f.key);
                }
                let (_, errors) = specs::read(form, was, &cohorts, lang);
                let touched = &self.editing.touched;
                let shown: Vec<_> = errors
                    .into_iter()
                    .filter(|(k, _)| touched.contains(k))
                    .collect();
                form.set_errors(&shown);
                Outcome::changed(true)
            }
            FormKey::Save => {
                let (draft, errors) = specs::read(form, was, &cohorts, lang);
                form.set_errors(&errors);
                if form.to_first_error() {
                    return Outcome::said(lang.fix_fields(errors.len()));
                }
                match self.save(&draft) {
                    Ok(item) => {
                        self.modal = None;
                        self.editing = Editing::default();
                        self.after_authoring(Ok(item))
                    }
                    // The store's own check, in case the form's missed one.
                    Err(StoreError::Invalid(problems)) => {
                        let errors: Vec<(&str, String)> = problems
                            .iter()
                            .map(|p| (p.path.as_str(), lang.fault(&p.fault)))
                            .collect();
                        if let Some(Modal::Form(form)) = self.modal.as_mut() {
                            form.set_errors(&errors);
                            form.to_first_error();
                        }
                        Outcome::said(lang.fix_fields(errors.len()))
                    }
                    Err(e) => Outcome::failed(e),
                }
            }
        }
    }

    /// Writes a draft; the part it wrote.
    fn save(&mut self, draft: &Draft) -> Result<Item, StoreError> {
        let s = &mut self.store;
        let (part, id) = match draft {
            Draft::Program(p) => (Part::Program, s.save_program(p)?),
            Draft::Cohort(c) => (Part::Cohort, s.save_cohort(c)?),
            Draft::Meeting(m) => (Part::Meeting, s.save_session(m)?),
            Draft::Instrument(i) => (Part::Instrument, s.save_instrument(i)?),
            Draft::Finding(f) => (Part::Finding, s.save_finding(f)?),
            Draft::Recommendation(r) => (Part::Recommendation, s.save_recommendation(r)?),
        };
        Ok(Item { part, id })
    }

    /// After a part was written: everything read again, the part selected
    /// in its view, and what was done said.
    pub(super) fn after_authoring(&mut self, done: Result<Item, StoreError>) -> Outcome {
        let act = self.store.take_last_act();
        let shown = done.and_then(|item| {
            self.reread_all()?;
            self.show_item(item)
        });
        match shown {
            Ok(()) => Outcome::said(self.said_done(act)),
            Err(e) => Outcome::failed(e),
        }
    }

    /// Selects a part in the view that lists it.
    fn show_item(&mut self, item: Item) -> Result<(), StoreError> {
        match item.part {
            Part::Program => Ok(()),
            Part::Cohort => self.cohorts.select_cohort(item.id, &self.store),
            Part::Meeting | Part::Instrument => {
                let cohort = if item.part == Part::Meeting {
                    self.store.cohort_of_session(item.id)?
                } else {
                    self.store.cohort_of_instrument(item.id)?
                };
                if let Some(c) = cohort {
                    self.cohorts.select_cohort(c, &self.store)?;
                    // On its card, selected, for the next key.
                    self.cohorts.focus_item(Some(item), 0);
                }
                Ok(())
            }
            Part::Finding => {
                self.findings.ensure_loaded(&self.store)?;
                self.findings.select_finding(item.id, &self.store)
            }
            Part::Recommendation => {
                self.recs.ensure_loaded(&self.store)?;
                self.recs.select(item.id)
            }
        }
    }

    /// The confirmed deletion of a part.
    pub(super) fn delete_part(&mut self, item: Item) -> Outcome {
        // A meeting or instrument goes from a focused card: it stays
        // focused, on the one that took its place.
        let on_card = self.cohorts.card_item().map(|_| self.cohorts.card_at);
        match self.store.delete_item(item) {
            Ok(()) => {
                let act = self.store.take_last_act();
                match self.reread_all() {
                    Ok(()) => {
                        if let Some(at) = on_card {
                            self.cohorts.focus_item(None, at);
                        }
                        Outcome::said(self.said_done(act))
                    }
                    Err(e) => Outcome::failed(e),
                }
            }
            Err(e) => Outcome::failed(e),
        }
    }
}

pub(super) fn new_program() -> Program {
    Program {
        id: 0,
        name: String::new(),
        name_en: String::new(),
        organisation: String::new(),
        description: String::new(),
    }
}

fn new_cohort(program: Id) -> Cohort {
    Cohort {
        id: 0,
        program,
        label: String::new(),
        ordinal: 0,
        start: None,
        end: None,
        participants: None,
        sectors: vec![],
        notes: String::new(),
    }
}

fn new_session(cohort: Id) -> Session {
    Session {
        id: 0,
        cohort,
        ordinal: 0,
        kind: SessionKind::InPerson,
        date: None,
        days: None,
        meetings: Some(1),
        place: String::new(),
        subject: String::new(),
        notes: String::new(),
        within: None,
    }
}

fn new_instrument(cohort: Id) -> Instrument {
    Instrument {
        id: 0,
        cohort,
        ordinal: 0,
        kind: InstrumentKind::Questionnaire,
        title: String::new(),
        date: None,
        occasions: Some(1),
        invited: None,
        responded: None,
        rate: None,
        respondents: vec![],
        notes: String::new(),
    }
}

pub(super) fn new_finding(cohort: Id) -> Finding {
    Finding {
        id: 0,
        cohort,
        area: String::new(),
        ordinal: 0,
        statement: String::new(),
        evidence: Evidence::default(),
    }
}

fn new_recommendation(cohort: Id) -> Recommendation {
    Recommendation {
        id: 0,
        cohort,
        phase: Phase::During,
        ordinal: 0,
        text: String::new(),
        source: String::new(),
        fate: vec![],
    }
}
