//! Agreement between two coders, code by code, as a table.

use super::{Cell, Row, Table, Words, code_rows, coder_name};
use crate::analysis::agreement::{self, Table as Agreement};
use crate::domain::Id;
use crate::store::coding::QuoteFilter;
use crate::store::tables::DocumentSet;
use crate::store::{Store, StoreError};
use std::collections::HashMap;

/// A share as a percentage with one decimal; undefined as a dash.
fn percent(p: Option<f64>) -> String {
    p.map_or_else(|| "—".into(), |p| format!("{:.1}", p * 100.0))
}

fn kappa(k: Option<f64>) -> String {
    k.map_or_else(|| "—".into(), |k| format!("{k:.2}"))
}

/// Agreement of coders `a` and `b` on the documents of one cohort (or all):
/// a row per code either of them applied there, and one over all codes;
/// columns: the quotes each coded with the code and those only one of them
/// did (each opening its quotes), percent agreement and Cohen's kappa over
/// characters, then over quotes (see `analysis::agreement` for the units
/// and the formulas).
pub fn agreement_table(
    store: &Store,
    documents: DocumentSet,
    a: Id,
    b: Id,
    w: &Words,
) -> Result<Table, StoreError> {
    let codes = store.codes()?;
    let set = store.agreement_set(documents, a, b)?;
    let (cohort, shared_by) = match documents {
        DocumentSet::Cohort(id) => (Some(id), None),
        DocumentSet::Shared => (None, Some((a, b))),
        DocumentSet::All => (None, None),
    };
    let lengths: Vec<(Id, usize)> = set.documents.iter().map(|d| (d.id, d.chars)).collect();
    let report = agreement::report(&lengths, &set.quotes, &set.codings, a, b);
    let by_code: HashMap<Id, &agreement::CodeAgreement> =
        report.codes.iter().map(|c| (c.code, c)).collect();
    let figures = |t: &Agreement| {
        [
            Cell::text(percent(t.percent_agreement())),
            Cell::text(kappa(t.kappa())),
        ]
    };
    let quotes = |code: Id, coder: Id, n: u64| {
        Cell::count(
            n as usize,
            QuoteFilter {
                code: Some(code),
                direct: true,
                coder: Some(coder),
                cohort,
                shared_by,
                ..Default::default()
            },
        )
    };
    let mut rows = code_rows(
        &codes,
        |c| by_code.contains_key(&c.id),
        |c| {
            let r = by_code[&c.id];
            let differ = Cell::count(
                (r.quotes.only_a + r.quotes.only_b) as usize,
                QuoteFilter {
                    code: Some(c.id),
                    direct: true,
                    differ: Some((a, b)),
                    cohort,
                    shared_by,
                    ..Default::default()
                },
            );
            let mut cells = vec![
                quotes(c.id, a, r.quotes.both + r.quotes.only_a),
                quotes(c.id, b, r.quotes.both + r.quotes.only_b),
                differ,
            ];
            cells.extend(figures(&r.characters));
            cells.extend(figures(&r.quotes));
            cells
        },
    );
    let mut overall = vec![
        Cell::text((report.quotes.both + report.quotes.only_a).to_string()),
        Cell::text((report.quotes.both + report.quotes.only_b).to_string()),
        Cell::text((report.quotes.only_a + report.quotes.only_b).to_string()),
    ];
    overall.extend(figures(&report.characters));
    overall.extend(figures(&report.quotes));
    rows.push(Row {
        label: w.overall.to_string(),
        path: w.overall.to_string(),
        depth: 0,
        cells: overall,
    });
    let name_a = coder_name(store, Some(a), w)?;
    let name_b = coder_name(store, Some(b), w)?;
    let documents = match documents {
        DocumentSet::All => w.all_documents.to_string(),
        DocumentSet::Shared => w.shared_documents.to_string(),
        DocumentSet::Cohort(id) => {
            let label = store
                .cohorts_with_documents()?
                .into_iter()
                .find(|(i, _)| *i == id)
                .map_or_else(|| format!("#{id}"), |(_, label)| label);
            format!("{} {label}", w.cohort)
        }
    };
    Ok(Table {
        title: format!(
            "{}: A = {name_a}, B = {name_b} · {documents} ({})",
            w.agreement,
            set.documents.len()
        ),
        corner: w.code.to_string(),
        columns: vec![
            format!("{} A", w.quotes_by),
            format!("{} B", w.quotes_by),
            w.differ.into(),
            w.agree_chars.into(),
            w.kappa_chars.into(),
            w.agree_quotes.into(),
            w.kappa_quotes.into(),
        ],
        rows,
        numbered: false,
        by_column: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_written_plainly() {
        assert_eq!(percent(Some(0.875)), "87.5");
        assert_eq!(kappa(Some(-0.125)), "-0.12");
        assert_eq!(kappa(None), "—");
    }
}
