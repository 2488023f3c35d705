//! The findings with their evidence, and the recommendations with what
//! became of each in every later cohort, as tables to write out (`E` in the
//! Findings and Recommendations views).

use super::{Cell, Row, Table, Words};
use crate::domain::{Phase, Uptake};
use crate::store::{Store, StoreError};
use std::collections::HashMap;

/// Every finding: its cohort, area and statement, and the questions,
/// codes and quotes it cites, in their order.
pub fn findings_table(store: &Store, w: &Words) -> Result<Table, StoreError> {
    let cohorts: HashMap<_, _> = store
        .cohorts()?
        .into_iter()
        .map(|c| (c.id, c.label))
        .collect();
    let codes: HashMap<_, _> = store.codes()?.into_iter().map(|c| (c.id, c.name)).collect();
    let mut rows = vec![];
    for f in store.findings()? {
        let questions: Vec<String> = store
            .questions_with_results(&f.evidence.questions)?
            .into_iter()
            .map(|(q, _)| q.wording)
            .collect();
        let names: Vec<String> = f
            .evidence
            .codes
            .iter()
            .filter_map(|c| codes.get(c).cloned())
            .collect();
        let quotes: Vec<String> = store
            .quotes_by_id(&f.evidence.quotes)?
            .into_iter()
            .map(|q| {
                if q.role.is_empty() {
                    format!("„{}”", q.text)
                } else {
                    format!("„{}” — {}", q.text, q.role)
                }
            })
            .collect();
        let label = cohorts.get(&f.cohort).cloned().unwrap_or_default();
        rows.push(Row {
            label: label.clone(),
            path: label,
            depth: 0,
            cells: vec![
                Cell::text(f.area),
                Cell::text(f.statement),
                Cell::text(questions.join(" · ")),
                Cell::text(names.join(" · ")),
                Cell::text(quotes.join(" · ")),
            ],
        });
    }
    Ok(Table {
        title: w.findings.into(),
        corner: w.cohort.into(),
        columns: vec![
            w.area.into(),
            w.statement.into(),
            w.questions.into(),
            w.codes.into(),
            w.cited_quotes.into(),
        ],
        rows,
        ..Default::default()
    })
}

/// Every recommendation: its cohort, phase, text and source, and a column
/// per cohort with what became of it there (blank where the cohort is not
/// a later one of its program; unknown where it is and nothing was said).
pub fn recommendations_table(
    store: &Store,
    w: &Words,
    phase: impl Fn(Phase) -> &'static str,
    uptake: impl Fn(Uptake) -> &'static str,
) -> Result<Table, StoreError> {
    let cohorts = store.cohorts()?;
    let mut rows = vec![];
    for r in store.recommendations()? {
        let own = cohorts.iter().find(|c| c.id == r.cohort);
        let label = own.map(|c| c.label.clone()).unwrap_or_default();
        let mut cells = vec![
            Cell::text(phase(r.phase)),
            Cell::text(r.text.clone()),
            Cell::text(r.source.clone()),
        ];
        for c in &cohorts {
            let later = own.is_some_and(|o| o.program == c.program && c.ordinal > o.ordinal);
            cells.push(Cell::text(if later {
                match r.fate_in(c.id) {
                    (status, "") => uptake(status).to_string(),
                    (status, note) => format!("{} — {note}", uptake(status)),
                }
            } else {
                String::new()
            }));
        }
        rows.push(Row {
            label: label.clone(),
            path: label,
            depth: 0,
            cells,
        });
    }
    let mut columns: Vec<String> = vec![w.phase.into(), w.text.into(), w.source.into()];
    columns.extend(
        cohorts
            .iter()
            .map(|c| format!("{} {}", w.in_cohort, c.label)),
    );
    Ok(Table {
        title: w.recommendations.into(),
        corner: w.cohort.into(),
        columns,
        rows,
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Cited, CitedKind};
    use crate::store::testing::demo_store;

    #[test]
    fn the_findings_table_carries_cited_quotes_and_the_recommendations_each_cohorts_fate() {
        let mut s = demo_store();
        let d = s.dataset().unwrap();
        let q = &d.quotes[0];
        let f = d.findings[0].id;
        s.cite(
            f,
            Cited {
                kind: CitedKind::Quote,
                id: q.id,
            },
        )
        .unwrap();
        let t = findings_table(&s, &Words::EN).unwrap();
        assert_eq!(t.rows.len(), d.findings.len());
        let row = &t.rows[0];
        let text = s.quotes_by_id(&[q.id]).unwrap()[0].text.clone();
        assert!(row.cells[4].text.contains(&text), "{}", row.cells[4].text);
        assert!(!row.cells[2].text.is_empty(), "its questions");
        let md = super::super::markdown(&t);
        assert!(md.contains("quotes cited"), "{md}");

        let t = recommendations_table(&s, &Words::EN, Phase::key, Uptake::key).unwrap();
        // A column per cohort after phase, text and source.
        assert_eq!(t.columns.len(), 3 + d.cohorts.len());
        let r = &d.recommendations[0];
        let row = &t.rows[0];
        let (a, c) = (0, 2);
        assert_eq!(
            row.cells[3 + a].text,
            "",
            "its own cohort is not a later one"
        );
        let fate = &r.fate[0];
        assert_eq!(
            row.cells[3 + c].text,
            format!("{} — {}", fate.status.key(), fate.note)
        );
        assert_eq!(row.cells[3 + 1].text, "unknown", "B, later, judged nothing");
    }
}
