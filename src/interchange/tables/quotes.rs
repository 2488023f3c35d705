//! The quotes a filter lists (a code's, a cell's), as a table.

use super::{Cell, Row, Table, Words, coder_name};
use crate::domain::code_path;
use crate::store::coding::QuoteFilter;
use crate::store::{Store, StoreError};

/// The quotes a filter lists (a code's, say), in list order: cohort,
/// document, role and the quote's text; titled by the code's path, with
/// its children's quotes or not.
pub fn quotes_table(store: &Store, filter: &QuoteFilter, w: &Words) -> Result<Table, StoreError> {
    let codes = store.codes()?;
    let code = filter
        .code
        .and_then(|id| codes.iter().find(|c| c.id == id))
        .map(|c| format!(" {}", code_path(&codes, c)))
        .unwrap_or_default();
    let with = if filter.code.is_some() && !filter.direct {
        format!(" ({})", w.with_children)
    } else {
        String::new()
    };
    let title = format!(
        "{}{code}{with} · {}",
        w.quotes_of,
        coder_name(store, filter.coder, w)?
    );
    let total = store.count_quotes(filter)?;
    let rows = store
        .quotes_page(filter, 0, total)?
        .into_iter()
        .map(|q| Row {
            label: q.cohort_label.clone(),
            path: q.cohort_label,
            depth: 0,
            cells: vec![
                Cell::text(q.document_title),
                Cell::text(if q.role.is_empty() {
                    w.no_role.to_string()
                } else {
                    q.role
                }),
                Cell::text(q.text),
            ],
        })
        .collect();
    Ok(Table {
        title,
        corner: w.cohort.to_string(),
        columns: vec![w.document.into(), w.role.into(), w.quote.into()],
        rows,
        numbered: false,
        by_column: None,
    })
}
