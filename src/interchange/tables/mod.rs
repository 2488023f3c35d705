//! The tables over the codebook, as the app shows them and as they are
//! exported: quotes per code and cohort or role (`counts.rs`),
//! co-occurrence of codes (`counts.rs`), agreement between two coders
//! (`agreement.rs`), and the quotes of one code (`quotes.rs`). Each cell that
//! stands for quotes gives the filter that lists them ([`Table::quotes_of`]:
//! a table of counts by column works it out from its row and column, the
//! others hold it in the cell). Written out as
//! Markdown or CSV by `write.rs`.

mod agreement;
mod answers;
mod counts;
mod evaluation;
mod quotes;
mod write;

pub use agreement::agreement_table;
pub use answers::answers_table;
pub use counts::{by_column, cooccurrence_table};
pub use evaluation::{findings_table, recommendations_table};
pub use quotes::quotes_table;
pub use write::{csv, markdown};

use crate::domain::{Code, Id, code_path, code_tree};
use crate::store::coding::QuoteFilter;
use crate::store::tables::Column;
use crate::store::{Store, StoreError};

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
    /// The same by an attribute of the respondents, named where `{}` is.
    pub quotes_by_attribute: &'static str,
    /// `b` in the role table where no quote is a respondent's answer.
    pub no_quote_attributes: &'static str,
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
    /// The findings' and recommendations' tables (`evaluation.rs`).
    pub findings: &'static str,
    pub area: &'static str,
    pub statement: &'static str,
    pub questions: &'static str,
    pub codes: &'static str,
    pub cited_quotes: &'static str,
    pub recommendations: &'static str,
    pub phase: &'static str,
    pub text: &'static str,
    pub source: &'static str,
    /// Before a cohort's name, heading what became of a recommendation
    /// there.
    pub in_cohort: &'static str,
    /// The answers' table (`answers.rs`).
    pub answers: &'static str,
    pub question: &'static str,
    pub topic: &'static str,
    pub segment: &'static str,
    pub all_respondents: &'static str,
    pub not_given: &'static str,
    pub missing: &'static str,
    pub top_box: &'static str,
    pub distribution: &'static str,
    pub mean: &'static str,
    pub median: &'static str,
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
        quotes_by_attribute: "Quotes by code and {}",
        no_quote_attributes: "No quote is a respondent's open answer: the columns stay speakers' roles",
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
        findings: "Findings",
        area: "area",
        statement: "statement",
        questions: "questions",
        codes: "codes",
        cited_quotes: "quotes cited",
        recommendations: "Recommendations",
        phase: "phase",
        text: "text",
        source: "source",
        in_cohort: "in cohort",
        answers: "answers",
        question: "question",
        topic: "topic",
        segment: "segment",
        all_respondents: "all",
        not_given: "(not given)",
        missing: "missing",
        top_box: "top box",
        distribution: "options",
        mean: "mean",
        median: "median",
    };
}

/// A cell: its text and, when it stands for quotes, the filter listing them
/// (boxed: most cells of a co-occurrence table stand for none, and a table
/// of 150 codes by 150 held a filter's room in each of its 22,500 cells).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    /// What the screen shows: blank for a count of none.
    pub text: String,
    pub quotes: Option<Box<QuoteFilter>>,
    /// A count of none: blank on screen, but a file writes `0`.
    pub zero: bool,
}

impl Cell {
    pub(super) fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            quotes: None,
            zero: false,
        }
    }

    /// A count of quotes, blank when none, in a table whose cells' filters
    /// are worked out when asked for ([`ByColumn`]).
    pub(super) fn counted(n: usize) -> Cell {
        Cell {
            text: if n == 0 { String::new() } else { n.to_string() },
            quotes: None,
            zero: n == 0,
        }
    }

    /// A count of quotes, blank when none, opening `filter`.
    pub(super) fn count(n: usize, filter: QuoteFilter) -> Cell {
        Cell {
            text: if n == 0 { String::new() } else { n.to_string() },
            quotes: (n > 0).then(|| Box::new(filter)),
            zero: n == 0,
        }
    }

    /// The cell as a file writes it: a count of none is `0`.
    pub fn written(&self) -> &str {
        if self.zero { "0" } else { &self.text }
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
    /// For a table of counts by column, what its cells open, worked out
    /// for the cell asked for (see [`Table::quotes_of`]) instead of a filter
    /// held in each of them: a cohort table of 200,000 quotes has 21
    /// columns of 150 codes.
    pub by_column: Option<ByColumn>,
}

/// What the cells of a table of counts by column stand for: row `r`'s
/// code's quotes, in column `c`'s cohort or role (the total column: all).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByColumn {
    pub codes: Vec<Id>,
    pub columns: Vec<Option<Column>>,
    pub coder: Option<Id>,
    pub children: bool,
}

impl Table {
    /// The quotes a cell stands for, as the filter that lists them; none
    /// for a cell that stands for none.
    pub fn quotes_of(&self, row: usize, col: usize) -> Option<QuoteFilter> {
        if !self.opens(row, col) {
            return None;
        }
        let cell = &self.rows[row].cells[col];
        if let Some(f) = &cell.quotes {
            return Some((**f).clone());
        }
        let by = self.by_column.as_ref()?;
        let mut f = QuoteFilter {
            code: Some(*by.codes.get(row)?),
            direct: !by.children,
            coder: by.coder,
            ..Default::default()
        };
        match by.columns.get(col)? {
            Some(Column::Cohort { id, .. }) => f.cohort = Some(*id),
            Some(Column::Role(r)) => f.role = Some(r.clone()),
            Some(Column::Attribute { name, value }) => {
                f.attribute = Some((name.clone(), value.clone()));
            }
            None => {}
        }
        Some(f)
    }

    /// Whether a cell stands for quotes: it holds their filter, or it is a
    /// count of some in a table of counts by column. Cheap, for every cell
    /// drawn; [`Table::quotes_of`] makes the filter.
    pub fn opens(&self, row: usize, col: usize) -> bool {
        self.rows
            .get(row)
            .and_then(|r| r.cells.get(col))
            .is_some_and(|c| c.quotes.is_some() || (self.by_column.is_some() && !c.zero))
    }

    /// A row's label as shown, with its number when the columns are headed
    /// by the rows' numbers.
    pub fn label(&self, row: usize) -> String {
        self.numbered_text(row, |r| &r.label)
    }

    /// A row's path as exported, numbered like its label.
    pub(super) fn path(&self, row: usize) -> String {
        self.numbered_text(row, |r| &r.path)
    }

    pub(super) fn numbered_text(&self, row: usize, text: impl Fn(&Row) -> &String) -> String {
        match self.rows.get(row) {
            Some(r) if self.numbered => format!("{} {}", row + 1, text(r)),
            Some(r) => text(r).clone(),
            None => String::new(),
        }
    }

    /// What a cell stands for: its row's label, and its column's head (the
    /// row it stands for, in a numbered table).
    pub fn cell_name(&self, row: usize, col: usize) -> String {
        let (r, c) = self.cell_parts(row, col);
        format!("{r} × {c}")
    }

    /// The row's and the column's names of a cell.
    pub fn cell_parts(&self, row: usize, col: usize) -> (&str, &str) {
        let r = self.rows.get(row).map_or("", |r| r.label.as_str());
        let c = match self.numbered {
            true => self.rows.get(col).map_or("", |r| r.label.as_str()),
            false => self.columns.get(col).map_or("", String::as_str),
        };
        (r, c)
    }
}

pub(super) fn coder_name(
    store: &Store,
    coder: Option<Id>,
    w: &Words,
) -> Result<String, StoreError> {
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
pub(super) fn code_rows(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::marking::Dimension;
    use crate::store::tables::DocumentSet;

    use crate::store::testing::demo_store;

    /// Every cell that opens quotes opens as many as it says.
    fn cells_count_what_they_open(s: &Store, t: &Table) {
        let mut opened = 0;
        for (i, r) in t.rows.iter().enumerate() {
            assert_eq!(r.cells.len(), t.columns.len(), "{}", r.label);
            for (j, c) in r.cells.iter().enumerate() {
                assert_eq!(t.opens(i, j), t.quotes_of(i, j).is_some());
                if let Some(f) = t.quotes_of(i, j) {
                    assert_eq!(s.count_quotes(&f).unwrap().to_string(), c.text, "{f:?}");
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
                cells_count_what_they_open(&s, &by_column(&s, &by, None, children, &w).unwrap());
            }
        }
        let by_cohort = by_column(&s, &Dimension::Cohort, None, false, &w).unwrap();
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
        // The filter is in the heading: children, and whose codings.
        assert!(
            q.title.ends_with("(with its children) · all coders"),
            "{}",
            q.title
        );
        assert_eq!(
            q.rows.len(),
            s.count_quotes(&QuoteFilter {
                code: Some(code),
                ..Default::default()
            })
            .unwrap()
        );
    }
}
