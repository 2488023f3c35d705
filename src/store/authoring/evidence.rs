//! A finding's evidence written piece by piece: a question, a code or a
//! quote cited, taken away, or moved up or down among its kind. Each is one
//! journaled step.

use super::no_such;
use crate::domain::{Act, Cited, Id, Item, Part};
use crate::store::{Store, sqlite_error};
use rusqlite::Transaction;

/// The finding's pieces of one kind, in order.
fn pieces(tx: &Transaction, finding: Id, table: &str, column: &str) -> rusqlite::Result<Vec<Id>> {
    tx.prepare(&format!(
        "SELECT {column} FROM {table} WHERE finding = ?1 ORDER BY position"
    ))?
    .query_map([finding], |r| r.get(0))?
    .collect()
}

/// Writes the finding's pieces of one kind anew, in this order.
fn write(
    tx: &Transaction,
    finding: Id,
    table: &str,
    column: &str,
    ids: &[Id],
) -> rusqlite::Result<()> {
    tx.execute(
        &format!("DELETE FROM {table} WHERE finding = ?1"),
        [finding],
    )?;
    let mut add = tx.prepare(&format!(
        "INSERT INTO {table} (finding, position, {column}) VALUES (?1, ?2, ?3)"
    ))?;
    for (i, id) in ids.iter().enumerate() {
        add.execute(rusqlite::params![finding, i as i64, id])?;
    }
    Ok(())
}

impl Store {
    /// Changes the finding's pieces of `piece`'s kind by `change`, in one
    /// journaled step; false (and nothing written) when they stay as they
    /// were.
    fn change_evidence(
        &mut self,
        finding: Id,
        piece: Cited,
        act: Act,
        change: impl FnOnce(&mut Vec<Id>),
    ) -> crate::store::Result<bool> {
        let (table, column) = piece.kind.table();
        let path = self.path().to_path_buf();
        self.journaled(&act, |tx| {
            let e = |e| sqlite_error(&path, e);
            let exists: bool = tx
                .query_row(
                    "SELECT count(*) FROM finding WHERE id = ?1",
                    [finding],
                    |r| r.get::<_, i64>(0).map(|n| n > 0),
                )
                .map_err(e)?;
            if !exists {
                return Err(no_such("finding", finding));
            }
            let was = pieces(tx, finding, table, column).map_err(e)?;
            let mut now = was.clone();
            change(&mut now);
            if now == was {
                return Ok(false);
            }
            write(tx, finding, table, column, &now).map_err(e)?;
            Ok(true)
        })
    }

    fn finding_name(&self, finding: Id) -> crate::store::Result<String> {
        self.name_of(Item {
            part: Part::Finding,
            id: finding,
        })
    }

    /// Cites a piece in the finding, after its pieces of the kind; false
    /// when it is cited there already. A piece that is not in the store is
    /// refused by the store's keys.
    pub fn cite(&mut self, finding: Id, piece: Cited) -> crate::store::Result<bool> {
        let act = Act::Cite {
            name: self.finding_name(finding)?,
        };
        self.change_evidence(finding, piece, act, |ids| {
            if !ids.contains(&piece.id) {
                ids.push(piece.id);
            }
        })
    }

    /// Takes a piece out of the finding's evidence.
    pub fn uncite(&mut self, finding: Id, piece: Cited) -> crate::store::Result<bool> {
        let act = Act::Uncite {
            name: self.finding_name(finding)?,
        };
        self.change_evidence(finding, piece, act, |ids| ids.retain(|i| *i != piece.id))
    }

    /// Moves a piece one place up or down among the finding's pieces of its
    /// kind; false at the end.
    pub fn move_cited(
        &mut self,
        finding: Id,
        piece: Cited,
        up: bool,
    ) -> crate::store::Result<bool> {
        let act = Act::Move {
            part: Part::Finding,
            name: self.finding_name(finding)?,
            up,
        };
        self.change_evidence(finding, piece, act, |ids| {
            let Some(at) = ids.iter().position(|i| *i == piece.id) else {
                return;
            };
            let to = if up { at.checked_sub(1) } else { Some(at + 1) };
            if let Some(to) = to.filter(|t| *t < ids.len()) {
                ids.swap(at, to);
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::{Cited, CitedKind, Item, Part};
    use crate::store::testing::demo_store;

    #[test]
    fn pieces_are_cited_moved_and_taken_out_each_undone() {
        let mut s = demo_store();
        let d = s.dataset().unwrap();
        let f = d.findings[0].clone();
        let before = d.clone();
        let quote = |i: usize| Cited {
            kind: CitedKind::Quote,
            id: d.quotes[i].id,
        };
        assert!(s.cite(f.id, quote(0)).unwrap());
        assert!(s.cite(f.id, quote(1)).unwrap());
        assert!(!s.cite(f.id, quote(1)).unwrap(), "cited already");
        let stored = |s: &crate::store::Store| {
            s.dataset()
                .unwrap()
                .findings
                .into_iter()
                .find(|x| x.id == f.id)
                .unwrap()
                .evidence
        };
        assert_eq!(stored(&s).quotes, vec![d.quotes[0].id, d.quotes[1].id]);
        assert_eq!(stored(&s).questions, f.evidence.questions, "the rest stays");
        assert!(s.move_cited(f.id, quote(1), true).unwrap());
        assert_eq!(stored(&s).quotes, vec![d.quotes[1].id, d.quotes[0].id]);
        assert!(
            !s.move_cited(f.id, quote(1), true).unwrap(),
            "first already"
        );
        // A question moves among the questions.
        if f.evidence.questions.len() > 1 {
            let q = Cited {
                kind: CitedKind::Question,
                id: f.evidence.questions[1],
            };
            assert!(s.move_cited(f.id, q, true).unwrap());
            assert_eq!(stored(&s).questions[0], f.evidence.questions[1]);
            s.undo().unwrap().unwrap();
        }
        assert!(s.uncite(f.id, quote(0)).unwrap());
        assert_eq!(stored(&s).quotes, vec![d.quotes[1].id]);
        for _ in 0..4 {
            s.undo().unwrap().unwrap();
        }
        assert_eq!(s.dataset().unwrap(), before);
    }

    #[test]
    fn a_cited_quote_deleted_with_its_cohort_comes_back_cited() {
        let mut s = demo_store();
        let d = s.dataset().unwrap();
        let c = d.cohorts.iter().find(|c| c.label == "ג").unwrap().id;
        let doc = d.documents.iter().find(|x| x.cohort == c).unwrap().id;
        let q = d.quotes.iter().find(|q| q.document == doc).unwrap().id;
        // Cited by a finding of another cohort, which stays.
        let f = d.findings.iter().find(|f| f.cohort != c).unwrap().id;
        let piece = Cited {
            kind: CitedKind::Quote,
            id: q,
        };
        s.cite(f, piece).unwrap();
        let cited = s.dataset().unwrap();
        s.delete_item(Item {
            part: Part::Cohort,
            id: c,
        })
        .unwrap();
        let after = s.dataset().unwrap();
        let kept = after.findings.iter().find(|x| x.id == f).unwrap();
        assert!(kept.evidence.quotes.is_empty());
        s.undo().unwrap().unwrap();
        assert_eq!(s.dataset().unwrap(), cited);
        // A piece not in the store is refused, nothing written.
        let none = Cited {
            kind: CitedKind::Code,
            id: 987_654,
        };
        assert!(s.cite(f, none).is_err());
        assert_eq!(s.dataset().unwrap(), cited);
    }
}
