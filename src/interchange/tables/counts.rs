//! Quotes counted per code against cohorts or roles, and codes counted
//! against each other on overlapping quotes.

use super::{ByColumn, Cell, Table, Words, code_rows, coder_name};
use crate::analysis::cooccurrence::cooccurrence;
use crate::domain::{Id, code_tree};
use crate::store::coding::QuoteFilter;
use crate::store::marking::Dimension;
use crate::store::tables::Column;
use crate::store::{Store, StoreError};
use std::collections::HashMap;

/// Quotes per code and cohort (or role), with a total column; each cell
/// opens its quotes. With `children`, a code counts its descendants' quotes.
pub fn by_column(
    store: &Store,
    by: &Dimension,
    coder: Option<Id>,
    children: bool,
    w: &Words,
) -> Result<Table, StoreError> {
    let codes = store.codes()?;
    let m = store.code_matrix(by, coder, children)?;
    let mut counts: HashMap<Id, Vec<usize>> = HashMap::new();
    for (code, at, n) in &m.cells {
        counts
            .entry(*code)
            .or_insert_with(|| vec![0; m.columns.len()])[*at] = *n;
    }
    let mut codes_of_rows = vec![];
    let rows = code_rows(
        &codes,
        |_| true,
        |c| {
            codes_of_rows.push(c.id);
            let row = counts.get(&c.id);
            let mut cells: Vec<Cell> = (0..m.columns.len())
                .map(|i| Cell::counted(row.map_or(0, |r| r[i])))
                .collect();
            // A quote has one cohort and one role: the total is the sum.
            cells.push(Cell::counted(row.map_or(0, |r| r.iter().sum())));
            cells
        },
    );
    let mut columns: Vec<String> = m
        .columns
        .iter()
        .map(|c| match c {
            Column::Cohort { label, .. } => format!("{} {label}", w.cohort),
            Column::Role(r) if r.is_empty() => w.no_role.to_string(),
            Column::Role(r) => r.clone(),
            Column::Attribute { value, .. } if value.is_empty() => w.not_given.to_string(),
            Column::Attribute { value, .. } => value.clone(),
        })
        .collect();
    columns.push(w.total.to_string());
    let what = match by {
        Dimension::Cohort => w.quotes_by_cohort.to_string(),
        Dimension::Role => w.quotes_by_role.to_string(),
        Dimension::Attribute(name) => w.quotes_by_attribute.replace("{}", name),
    };
    let with = if children {
        format!(" ({})", w.with_children)
    } else {
        String::new()
    };
    let mut opened: Vec<Option<Column>> = m.columns.into_iter().map(Some).collect();
    opened.push(None);
    Ok(Table {
        title: format!("{what}{with} · {}", coder_name(store, coder, w)?),
        corner: w.code.to_string(),
        columns,
        rows,
        numbered: false,
        by_column: Some(ByColumn {
            codes: codes_of_rows,
            columns: opened,
            coder,
            children,
        }),
    })
}

/// Co-occurrence of codes (see `analysis::cooccurrence`): a row and a
/// column per code that has quotes; off the diagonal the quotes where the
/// two codes meet, on it the code's own quotes. Columns are headed by the
/// rows' numbers, since the rows carry the names.
pub fn cooccurrence_table(
    store: &Store,
    coder: Option<Id>,
    w: &Words,
) -> Result<Table, StoreError> {
    let codes = store.codes()?;
    let spans = store.coded_spans(coder)?;
    let cells = cooccurrence(&spans);
    let mut own: HashMap<Id, std::collections::HashSet<Id>> = HashMap::new();
    for s in &spans {
        own.entry(s.code).or_default().insert(s.quote);
    }
    let used: Vec<Id> = code_tree(&codes)
        .into_iter()
        .map(|(i, _)| codes[i].id)
        .filter(|id| own.contains_key(id))
        .collect();
    let rows = code_rows(
        &codes,
        |c| own.contains_key(&c.id),
        |c| {
            used.iter()
                .map(|other| {
                    let f = QuoteFilter {
                        code: Some(c.id),
                        direct: true,
                        coder,
                        ..Default::default()
                    };
                    if *other == c.id {
                        Cell::count(own[&c.id].len(), f)
                    } else {
                        let key = (c.id.min(*other), c.id.max(*other));
                        let n = cells.get(&key).map_or(0, |q| q.len());
                        Cell::count(
                            n,
                            QuoteFilter {
                                with: Some(*other),
                                ..f
                            },
                        )
                    }
                })
                .collect()
        },
    );
    Ok(Table {
        title: format!("{} · {}", w.cooccurrence, coder_name(store, coder, w)?),
        corner: w.code.to_string(),
        columns: (1..=used.len()).map(|i| i.to_string()).collect(),
        rows,
        numbered: true,
        by_column: None,
    })
}
