//! Evidence by keyboard: `f` on a survey question, a code, or a quote (in
//! the reader, the Codebook's or a Tables cell's quotes; `Ctrl-f` on a
//! search hit) cites it in a finding picked from a list that also offers a
//! new one. In a finding's evidence, `d` takes the focused piece out and
//! `K`/`J` move it among its kind; `Enter` opens it, `Esc` comes back.

use super::specs::Draft;
use crate::domain::{Cited, CitedKind, Evidence, HitKind, Id};
use crate::store::StoreError;
use crate::tui::action::{Action, Outcome, Overlay, ViewId};
use crate::tui::app::App;
use crate::tui::popups::Modal;
use crate::tui::popups::finding_picker::{FindingPicker, Picked};

impl App {
    /// What `f` (or `Ctrl-f` over search) would cite where the user stands,
    /// and the cohort it belongs to.
    fn at_hand(&self) -> Result<Option<(Cited, Option<Id>)>, StoreError> {
        let s = &self.store;
        let cited = |kind, id| Cited { kind, id };
        let piece = if self.overlay == Some(Overlay::Search) {
            self.search.hits.get(self.search.selected).and_then(|h| {
                let kind = match h.kind {
                    HitKind::Question => CitedKind::Question,
                    HitKind::Code => CitedKind::Code,
                    HitKind::Quote => CitedKind::Quote,
                    _ => return None,
                };
                Some(cited(kind, h.id))
            })
        } else if self.reading() {
            let r = self.documents.reader.as_ref();
            r.and_then(|r| {
                r.marks_here()
                    .first()
                    .map(|m| cited(CitedKind::Quote, m.quote))
            })
        } else {
            match self.view {
                ViewId::Survey => self
                    .survey
                    .selected_row()
                    .map(|r| cited(CitedKind::Question, r.question.id)),
                ViewId::Codebook if self.codebook.focus => self
                    .codebook
                    .quotes
                    .selected_quote()
                    .map(|q| cited(CitedKind::Quote, q.id)),
                ViewId::Codebook => self
                    .codebook
                    .selected_code()
                    .map(|c| cited(CitedKind::Code, c.id)),
                ViewId::Tables if self.tables.focus => self
                    .tables
                    .quotes
                    .selected_quote()
                    .map(|q| cited(CitedKind::Quote, q.id)),
                _ => None,
            }
        };
        let Some(piece) = piece else {
            return Ok(None);
        };
        let cohort = match piece.kind {
            CitedKind::Question => {
                let q = s.questions_with_results(&[piece.id])?;
                match q.first() {
                    Some((q, _)) => s.cohort_of_instrument(q.instrument)?,
                    None => None,
                }
            }
            CitedKind::Quote => s.cohort_of_quote(piece.id)?,
            CitedKind::Code => self.cohorts.selected_cohort().map(|c| c.id),
        };
        Ok(Some((piece, cohort)))
    }

    /// Opens the finding picker for what is at hand.
    pub(in crate::tui::app) fn cite_here(&mut self) -> Outcome {
        let lang = self.settings.lang;
        let (piece, cohort) = match self.at_hand() {
            Ok(Some(found)) => found,
            Ok(None) => return Outcome::said(lang.nothing_to_cite(&self.key_names())),
            Err(e) => return Outcome::failed(e),
        };
        let listed = self.store.findings().and_then(|fs| {
            let labels: std::collections::HashMap<Id, String> = self
                .store
                .cohorts()?
                .into_iter()
                .map(|c| (c.id, c.label))
                .collect();
            let mut fs = fs;
            // The piece's own cohort's findings first.
            fs.sort_by_key(|f| Some(f.cohort) != cohort);
            Ok(fs
                .into_iter()
                .map(|f| {
                    let label = labels.get(&f.cohort).cloned().unwrap_or_default();
                    let text = crate::tui::widgets::pane::pieces(&[
                        &lang.cohort(&label),
                        &f.area,
                        &f.statement,
                    ]);
                    (f.id, text)
                })
                .collect::<Vec<_>>())
        });
        match listed {
            Ok(findings) => {
                // Over search, the search stays open under the picker: the
                // next hit may go to a finding too.
                self.modal = Some(Modal::PickFinding(FindingPicker::new(
                    piece, cohort, findings,
                )));
                Outcome::changed(true)
            }
            Err(e) => Outcome::failed(e),
        }
    }

    /// A key for the finding picker.
    pub(in crate::tui::app) fn finding_picked(&mut self, action: Action) -> Outcome {
        let Some(Modal::PickFinding(p)) = self.modal.as_mut() else {
            return Outcome::changed(false);
        };
        if action == Action::Back {
            self.modal = None;
            return Outcome::changed(true);
        }
        let picked = p.handle(action);
        let (piece, cohort, query) = (p.piece, p.cohort, p.query.clone());
        match picked {
            Picked::Stay(changed) => Outcome::changed(changed),
            Picked::Finding(Some(finding)) => {
                self.modal = None;
                match self.store.cite(finding, piece) {
                    Ok(true) => {
                        let act = self.store.take_last_act();
                        self.findings.invalidate();
                        Outcome::said(self.said_done(act))
                    }
                    Ok(false) => Outcome::said(self.settings.lang.cited_already().into()),
                    Err(e) => Outcome::failed(e),
                }
            }
            Picked::Finding(None) => {
                self.modal = None;
                let Some(cohort) = cohort.or_else(|| self.cohorts.selected_cohort().map(|c| c.id))
                else {
                    return Outcome::said(self.settings.lang.needs_cohort(&self.key_names()));
                };
                let mut f = super::new_finding(cohort);
                f.statement = crate::text::sanitize(&query).trim().to_string();
                let mut evidence = Evidence::default();
                evidence.of_mut(piece.kind).push(piece.id);
                f.evidence = evidence;
                Outcome::of(self.open_form(Draft::Finding(f)).map(|_| true))
            }
        }
    }

    /// In a finding's evidence: the focused piece taken out (`d`) or moved
    /// among its kind (`K`/`J`).
    pub(super) fn evidence_action(&mut self, action: Action) -> Outcome {
        let lang = self.settings.lang;
        let (Some(finding), Some(piece), Some(at)) = (
            self.findings.selected_finding().map(|f| f.id),
            self.findings.focused_piece().map(|p| p.cited()),
            self.findings.focus,
        ) else {
            return Outcome::changed(false);
        };
        let done = match action {
            Action::DeleteItem => self.store.uncite(finding, piece),
            Action::MoveItemUp | Action::MoveItemDown => {
                let up = action == Action::MoveItemUp;
                match self.store.move_cited(finding, piece, up) {
                    Ok(false) => return Outcome::said(lang.at_the_end(up).into()),
                    other => other,
                }
            }
            _ => return Outcome::changed(false),
        };
        let act = self.store.take_last_act();
        let shown = done.and_then(|_| {
            self.findings.invalidate();
            self.findings.ensure_loaded(&self.store)?;
            self.findings.select_finding(finding, &self.store)?;
            self.findings.focus_piece(Some(piece), at);
            Ok(())
        });
        match shown {
            Ok(()) => Outcome::said(self.said_done(act)),
            Err(e) => Outcome::failed(e),
        }
    }
}
