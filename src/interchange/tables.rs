//! The tables over the codebook, as the app shows them and as they are
//! exported: quotes per code and cohort (or role), co-occurrence of codes,
//! agreement between two coders, and the quotes of one code. Each cell that
//! stands for quotes carries the filter that lists them. Written out as
//! Markdown (a pipe table under a heading) or CSV (RFC 4180, UTF-8 with a
//! byte-order mark so that spreadsheets read the Hebrew).

use crate::analysis::agreement::{self, Table as Agreement};
use crate::analysis::cooccurrence::cooccurrence;
use crate::domain::{Code, Id, code_path, code_tree};
use crate::store::coding::QuoteFilter;
use crate::store::marking::Dimension;
use crate::store::tables::{Column, DocumentSet};
use crate::store::{Store, StoreError};
use std::collections::HashMap;

/// The words a table is titled and headed with, in one language.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub code: &'static str,
    pub total: &'static str,
    pub overall: &'static str,
    pub no_role: &'static str,
    pub all_coders: &'static str,
    pub all_documents: &'static str,
    pub shared_documents: &'static str,
    pub quotes_by_cohort: &'static str,
    pub quotes_by_role: &'static str,
    pub cooccurrence: &'static str,
    pub agreement: &'static str,
    pub quotes_of: &'static str,
    pub with_children: &'static str,
    pub cohort: &'static str,
    pub document: &'static str,
    pub role: &'static str,
    pub quote: &'static str,
    /// Column heads of the agreement table: the quotes each coder (A, B)
    /// coded, then percent agreement and kappa over characters and over
    /// quotes.
    pub quotes_by: &'static str,
    /// The quotes one coder coded with the code and the other did not.
    pub differ: &'static str,
    pub agree_chars: &'static str,
    pub kappa_chars: &'static str,
    pub agree_quotes: &'static str,
    pub kappa_quotes: &'static str,
}

impl Words {
    /// The tables' words in English, the exchange formats' own language;
    /// other languages give theirs in their strings (`tui/strings`).
    pub const EN: Words = Words {
        code: "code",
        total: "total",
        overall: "all codes",
        no_role: "(no role)",
        all_coders: "all coders",
        all_documents: "all documents",
        shared_documents: "documents both coded",
        quotes_by_cohort: "Quotes by code and cohort",
        quotes_by_role: "Quotes by code and role",
        cooccurrence: "Codes on overlapping quotes",
        agreement: "Agreement",
        quotes_of: "Quotes of",
        with_children: "with its children",
        cohort: "cohort",
        document: "document",
        role: "role",
        quote: "quote",
        quotes_by: "quotes",
        differ: "differ",
        agree_chars: "characters %",
        kappa_chars: "characters κ",
        agree_quotes: "quotes %",
        kappa_quotes: "quotes κ",
    };
}

/// A cell: its text and, when it stands for quotes, the filter listing them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub text: String,
    pub quotes: Option<QuoteFilter>,
}

impl Cell {
    fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            quotes: None,
        }
    }

    /// A count of quotes, blank when none, opening `filter`.
    fn count(n: usize, filter: QuoteFilter) -> Cell {
        Cell {
            text: if n == 0 { String::new() } else { n.to_string() },
            quotes: (n > 0).then_some(filter),
        }
    }
}

/// A row: its label (a code's name, `depth` deep in the tree; `path` is the
/// name after its ancestors') and its cells, one per column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    pub path: String,
    pub depth: usize,
    pub cells: Vec<Cell>,
}

/// A titled table: the head of the label column, the other columns' heads,
/// the rows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub title: String,
    pub corner: String,
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
    /// The columns stand for the rows, by number (co-occurrence): rows are
    /// shown with their number.
    pub numbered: bool,
}

impl Table {
    /// A row's label as shown, with its number when the columns are headed
    /// by the rows' numbers.
    pub fn label(&self, row: usize) -> String {
        self.numbered_text(row, |r| &r.label)
    }

    /// A row's path as exported, numbered like its label.
    fn path(&self, row: usize) -> String {
        self.numbered_text(row, |r| &r.path)
    }

    fn numbered_text(&self, row: usize, text: impl Fn(&Row) -> &String) -> String {
        match self.rows.get(row) {
            Some(r) if self.numbered => format!("{} {}", row + 1, text(r)),
            Some(r) => text(r).clone(),
            None => String::new(),
        }
    }

    /// What a cell stands for: its row's label, and its column's head (the
    /// row it stands for, in a numbered table).
    pub fn cell_name(&self, row: usize, col: usize) -> String {
        let r = self.rows.get(row).map_or("", |r| r.label.as_str());
        let c = match self.numbered {
            true => self.rows.get(col).map_or("", |r| r.label.as_str()),
            false => self.columns.get(col).map_or("", String::as_str),
        };
        format!("{r} × {c}")
    }
}

fn coder_name(store: &Store, coder: Option<Id>, w: &Words) -> Result<String, StoreError> {
    Ok(match coder {
        None => w.all_coders.to_string(),
        Some(id) => store
            .coders()?
            .into_iter()
            .find(|c| c.id == id)
            .map_or_else(|| format!("#{id}"), |c| c.name),
    })
}

/// Rows for `codes` in tree order, filled by `cells`; `keep` drops rows.
fn code_rows(
    codes: &[Code],
    mut keep: impl FnMut(&Code) -> bool,
    mut cells: impl FnMut(&Code) -> Vec<Cell>,
) -> Vec<Row> {
    code_tree(codes)
        .into_iter()
        .filter(|(i, _)| keep(&codes[*i]))
        .map(|(i, depth)| Row {
            label: codes[i].name.clone(),
            path: code_path(codes, &codes[i]),
            depth,
            cells: cells(&codes[i]),
        })
        .collect()
}

/// Quotes per code and cohort (or role), with a total column; each cell
/// opens its quotes. With `children`, a code counts its descendants' quotes.
pub fn by_column(
    store: &Store,
    by: Dimension,
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
    let filter = |code: Id| QuoteFilter {
        code: Some(code),
        direct: !children,
        coder,
        ..Default::default()
    };
    let rows = code_rows(
        &codes,
        |_| true,
        |c| {
            let row = counts.get(&c.id);
            let mut cells: Vec<Cell> = m
                .columns
                .iter()
                .enumerate()
                .map(|(i, col)| {
                    let mut f = filter(c.id);
                    match col {
                        Column::Cohort { id, .. } => f.cohort = Some(*id),
                        Column::Role(r) => f.role = Some(r.clone()),
                    }
                    Cell::count(row.map_or(0, |r| r[i]), f)
                })
                .collect();
            // A quote has one cohort and one role: the total is the sum.
            let total = row.map_or(0, |r| r.iter().sum());
            cells.push(Cell::count(total, filter(c.id)));
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
        })
        .collect();
    columns.push(w.total.to_string());
    let what = match by {
        Dimension::Cohort => w.quotes_by_cohort,
        Dimension::Role => w.quotes_by_role,
    };
    let with = if children {
        format!(" ({})", w.with_children)
    } else {
        String::new()
    };
    Ok(Table {
        title: format!("{what}{with} · {}", coder_name(store, coder, w)?),
        corner: w.code.to_string(),
        columns,
        rows,
        numbered: false,
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
    })
}

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
    let report = agreement::report(&set.documents, &set.quotes, &set.codings, a, b);
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
    })
}

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
    let title = format!("{}{code}{with}", w.quotes_of);
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
    })
}

/// A cell's text on one line: control characters (line breaks included)
/// become spaces.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The table as Markdown: a heading and a pipe table, rows labelled by
/// their path; numbers aligned right.
pub fn markdown(t: &Table) -> String {
    let esc = |s: &str| one_line(s).replace('\\', "\\\\").replace('|', "\\|");
    let mut out = format!("## {}\n\n", esc(&t.title));
    out.push_str(&format!("| {} |", esc(&t.corner)));
    for c in &t.columns {
        out.push_str(&format!(" {} |", esc(c)));
    }
    out.push_str("\n| --- |");
    for i in 0..t.columns.len() {
        let numeric = t.rows.iter().all(|r| {
            r.cells.get(i).is_none_or(|c| {
                c.text.is_empty()
                    || c.text == "—"
                    || c.text.trim_start_matches('-').parse::<f64>().is_ok()
            })
        });
        out.push_str(if numeric { " ---: |" } else { " --- |" });
    }
    out.push('\n');
    for (i, r) in t.rows.iter().enumerate() {
        out.push_str(&format!("| {} |", esc(&t.path(i))));
        for c in &r.cells {
            out.push_str(&format!(" {} |", esc(&c.text)));
        }
        out.push('\n');
    }
    out
}

/// The table as CSV (RFC 4180, CRLF line ends), headed by the corner and
/// the columns; rows labelled by their path. Starts with a byte-order mark.
pub fn csv(t: &Table) -> String {
    let field = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let line = |first: &str, rest: &mut dyn Iterator<Item = &str>| {
        let mut l = field(first);
        for s in rest {
            l.push(',');
            l.push_str(&field(s));
        }
        l.push_str("\r\n");
        l
    };
    let mut out = String::from('\u{feff}');
    out.push_str(&line(&t.corner, &mut t.columns.iter().map(String::as_str)));
    for (i, r) in t.rows.iter().enumerate() {
        out.push_str(&line(
            &t.path(i),
            &mut r.cells.iter().map(|c| c.text.as_str()),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        Table {
            title: "a | b".into(),
            corner: "code".into(),
            columns: vec!["x".into(), "y, z".into()],
            rows: vec![Row {
                label: "c".into(),
                path: "p / c".into(),
                depth: 1,
                cells: vec![Cell::text("12"), Cell::text("say \"hi\"\nthen |go|")],
            }],
            numbered: false,
        }
    }

    #[test]
    fn markdown_escapes_pipes_keeps_rows_on_one_line_and_aligns_numbers() {
        let md = markdown(&sample());
        assert_eq!(
            md,
            "## a \\| b\n\n| code | x | y, z |\n| --- | ---: | --- |\n\
             | p / c | 12 | say \"hi\" then \\|go\\| |\n"
        );
    }

    #[test]
    fn csv_quotes_what_needs_it_and_starts_with_a_byte_order_mark() {
        let text = csv(&sample());
        assert_eq!(
            text,
            "\u{feff}code,x,\"y, z\"\r\np / c,12,\"say \"\"hi\"\"\nthen |go|\"\r\n"
        );
    }

    use crate::store::testing::demo_store;

    /// Every cell that opens quotes opens as many as it says.
    fn cells_count_what_they_open(s: &Store, t: &Table) {
        let mut opened = 0;
        for r in &t.rows {
            assert_eq!(r.cells.len(), t.columns.len(), "{}", r.label);
            for c in &r.cells {
                if let Some(f) = &c.quotes {
                    assert_eq!(s.count_quotes(f).unwrap().to_string(), c.text, "{f:?}");
                    opened += 1;
                }
            }
        }
        assert!(opened > 0, "{}", t.title);
    }

    #[test]
    fn the_demo_tables_open_what_they_count() {
        let mut s = demo_store();
        let w = Words::EN;
        let first = s.coders().unwrap()[0].id;
        let doc = s.document_rows().unwrap()[0].id;
        let second = s.coder_named("second").unwrap();
        let code = s.codes().unwrap()[3].id;
        s.apply_code(doc, 0, 40, code, second).unwrap();
        for by in [Dimension::Cohort, Dimension::Role] {
            for children in [false, true] {
                cells_count_what_they_open(&s, &by_column(&s, by, None, children, &w).unwrap());
            }
        }
        let by_cohort = by_column(&s, Dimension::Cohort, None, false, &w).unwrap();
        assert_eq!(by_cohort.columns.last().unwrap(), "total");
        assert!(by_cohort.columns[0].starts_with("cohort "));
        let co = cooccurrence_table(&s, None, &w).unwrap();
        cells_count_what_they_open(&s, &co);
        assert_eq!(co.rows.len(), co.columns.len());
        for set in [
            DocumentSet::All,
            DocumentSet::Shared,
            DocumentSet::Cohort(1),
        ] {
            let ag = agreement_table(&s, set, first, second, &w).unwrap();
            cells_count_what_they_open(&s, &ag);
        }
        let ag = agreement_table(&s, DocumentSet::All, first, second, &w).unwrap();
        assert_eq!(ag.rows.last().unwrap().label, "all codes");
        assert!(ag.title.contains("second"));
        let q = quotes_table(
            &s,
            &QuoteFilter {
                code: Some(code),
                ..Default::default()
            },
            &w,
        )
        .unwrap();
        assert!(q.title.ends_with("(with its children)"), "{}", q.title);
        assert_eq!(
            q.rows.len(),
            s.count_quotes(&QuoteFilter {
                code: Some(code),
                ..Default::default()
            })
            .unwrap()
        );
    }

    #[test]
    fn figures_are_written_plainly() {
        assert_eq!(percent(Some(0.875)), "87.5");
        assert_eq!(kappa(Some(-0.125)), "-0.12");
        assert_eq!(kappa(None), "—");
    }
}
