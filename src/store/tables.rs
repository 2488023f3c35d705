//! What the tables over the codebook are made from: quotes per code and
//! cohort (or role), the coded spans co-occurrence is found in, and the
//! documents, quotes and codings two coders are compared on.

use super::Store;
use super::coding::{CODING_COLUMNS, QUOTE_COLUMNS, coding_of, quote_of};
use super::marking::Dimension;
use crate::domain::CodedSpan;
use crate::domain::{Coding, Id, Quote};
use rusqlite::params;
use std::collections::HashMap;

/// A column of a code table: a cohort or a speaker's role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    Cohort { id: Id, label: String },
    Role(String),
}

/// Quotes per code and column. `cells` holds `(code, column index, quotes)`
/// for the non-empty cells only.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CodeMatrix {
    pub columns: Vec<Column>,
    pub cells: Vec<(Id, usize, usize)>,
}

/// Which documents two coders are compared on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocumentSet {
    /// The documents both coders coded something in.
    #[default]
    Shared,
    All,
    Cohort(Id),
}

/// A document of a set compared for agreement: what the comparison needs
/// of it, without its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SetDocument {
    pub id: Id,
    pub cohort: Id,
    /// Its length in code points.
    pub chars: usize,
}

/// The documents of a set with their quotes and two coders' codings.
#[derive(Debug, Clone, Default)]
pub struct AgreementSet {
    pub documents: Vec<SetDocument>,
    pub quotes: Vec<Quote>,
    pub codings: Vec<Coding>,
}

/// The cohorts that have documents, in program order: id and label.
fn document_cohorts(c: &rusqlite::Connection) -> rusqlite::Result<Vec<(Id, String)>> {
    let mut s = c.prepare_cached(
        "SELECT co.id, co.label FROM cohort co
         WHERE EXISTS (SELECT 1 FROM document d WHERE d.cohort = co.id)
         ORDER BY co.program, co.ordinal",
    )?;
    let rows = s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

impl Store {
    /// The cohorts that have documents, in program order: id and label.
    pub fn cohorts_with_documents(&self) -> super::Result<Vec<(Id, String)>> {
        document_cohorts(self.conn()).map_err(|e| self.sqlite(e))
    }

    /// How many quotes each code has in each cohort (or role): distinct
    /// quotes, by all coders or one, with the descendants' quotes when
    /// `children` (a quote coded with a code and its child counts once).
    /// Columns are the cohorts that have documents, in program order, or the
    /// roles that have coded quotes, the commonest first.
    pub fn code_matrix(
        &self,
        by: Dimension,
        coder: Option<Id>,
        children: bool,
    ) -> super::Result<CodeMatrix> {
        let c = self.conn();
        (|| {
            // One read of every coding's code, cohort, role and quote; the
            // rolling up to ancestors and the counting are done here (a
            // recursive query with count(DISTINCT) took three times as long).
            // Roles are numbered as they come, so no row copies its role.
            let mut roles: HashMap<String, usize> = HashMap::new();
            let mut s = c.prepare_cached(
                "SELECT code, cohort, role, quote FROM coding_fact WHERE ?1 IS NULL OR coder = ?1",
            )?;
            let mut rows: Vec<(Id, Id, usize, Id)> = vec![];
            let mut read = s.query([coder])?;
            while let Some(r) = read.next()? {
                let role = r.get_ref(2)?.as_str().unwrap_or("");
                let n = roles.len();
                let role = match roles.get(role) {
                    Some(i) => *i,
                    None => *roles.entry(role.to_string()).or_insert(n),
                };
                rows.push((r.get(0)?, r.get(1)?, role, r.get(3)?));
            }
            // By quote: a quote counts once for a code however many of its
            // codings (coders, descendants) lead there.
            rows.sort_unstable_by_key(|r| (r.3, r.0));
            let columns: Vec<Column> = match by {
                Dimension::Cohort => document_cohorts(c)?
                    .into_iter()
                    .map(|(id, label)| Column::Cohort { id, label })
                    .collect(),
                Dimension::Role => {
                    // The roles of coded quotes, the commonest first.
                    let mut quotes = vec![0usize; roles.len()];
                    let mut last = None;
                    for (_, _, role, quote) in &rows {
                        if last != Some(*quote) {
                            quotes[*role] += 1;
                            last = Some(*quote);
                        }
                    }
                    let mut named: Vec<(&str, usize)> = roles
                        .iter()
                        .map(|(r, i)| (r.as_str(), quotes[*i]))
                        .collect();
                    named.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
                    named
                        .into_iter()
                        .map(|(r, _)| Column::Role(r.to_string()))
                        .collect()
                }
            };
            let at_cohort: HashMap<Id, usize> = columns
                .iter()
                .enumerate()
                .filter_map(|(i, col)| match col {
                    Column::Cohort { id, .. } => Some((*id, i)),
                    Column::Role(_) => None,
                })
                .collect();
            let at_role: HashMap<usize, usize> = columns
                .iter()
                .enumerate()
                .filter_map(|(i, col)| match col {
                    Column::Role(r) => roles.get(r).map(|n| (*n, i)),
                    Column::Cohort { .. } => None,
                })
                .collect();
            // Each code and, with `children`, its ancestors (a cycle in the
            // data is cut where it closes).
            let parent: HashMap<Id, Option<Id>> = c
                .prepare_cached("SELECT id, parent FROM code")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let mut chains: HashMap<Id, Vec<Id>> = HashMap::new();
            let mut counts: HashMap<(Id, usize), usize> = HashMap::new();
            let mut tops: Vec<Id> = vec![];
            let mut i = 0;
            while i < rows.len() {
                // One quote's codings: one column, and the codes they lead to.
                let quote = rows[i].3;
                let (_, cohort, role, _) = rows[i];
                let col = match by {
                    Dimension::Cohort => at_cohort.get(&cohort),
                    Dimension::Role => at_role.get(&role),
                };
                tops.clear();
                while i < rows.len() && rows[i].3 == quote {
                    let code = rows[i].0;
                    let chain = chains.entry(code).or_insert_with(|| {
                        let mut chain = vec![code];
                        let mut next = parent.get(&code).copied().flatten();
                        while let Some(p) = next.filter(|_| children) {
                            if chain.contains(&p) {
                                break;
                            }
                            chain.push(p);
                            next = parent.get(&p).copied().flatten();
                        }
                        chain
                    });
                    tops.extend_from_slice(chain);
                    i += 1;
                }
                let Some(&col) = col else { continue };
                tops.sort_unstable();
                tops.dedup();
                for top in &tops {
                    *counts.entry((*top, col)).or_default() += 1;
                }
            }
            let mut cells: Vec<(Id, usize, usize)> =
                counts.into_iter().map(|((c, at), n)| (c, at, n)).collect();
            cells.sort_unstable();
            Ok(CodeMatrix { columns, cells })
        })()
        .map_err(|e| self.sqlite(e))
    }

    /// Every coded span, by all coders or one: the co-occurrence table's
    /// input: a span per coding (a quote coded alike by two coders comes
    /// twice, which changes no cell).
    pub fn coded_spans(&self, coder: Option<Id>) -> super::Result<Vec<CodedSpan>> {
        self.rows(
            "SELECT document, quote, code, start, end FROM coding_fact
             WHERE ?1 IS NULL OR coder = ?1",
            [coder],
            |r| {
                Ok(CodedSpan {
                    document: r.get(0)?,
                    quote: r.get(1)?,
                    code: r.get(2)?,
                    start: r.get::<_, i64>(3)? as usize,
                    end: r.get::<_, i64>(4)? as usize,
                })
            },
        )
    }

    /// The documents of a set, their quotes, and the codings of coders `a`
    /// and `b` on them.
    pub fn agreement_set(&self, set: DocumentSet, a: Id, b: Id) -> super::Result<AgreementSet> {
        let (shared, cohort) = match set {
            DocumentSet::Shared => (true, None),
            DocumentSet::All => (false, None),
            DocumentSet::Cohort(id) => (false, Some(id)),
        };
        // The documents, as a condition on `d`; the coders' documents are
        // found once, not per row.
        let docs = "(?1 IS NULL OR d.cohort = ?1) AND (NOT ?4 OR (
                d.id IN (SELECT document FROM coding_fact WHERE coder = ?2)
            AND d.id IN (SELECT document FROM coding_fact WHERE coder = ?3)))";
        let params = params![cohort, a, b, shared];
        let documents = self.rows(
            &format!(
                "SELECT d.id, d.cohort, x.chars
                 FROM document d JOIN document_info x ON x.document = d.id
                 WHERE {docs} ORDER BY d.id"
            ),
            params,
            |r| {
                Ok(SetDocument {
                    id: r.get(0)?,
                    cohort: r.get(1)?,
                    chars: r.get::<_, i64>(2)? as usize,
                })
            },
        )?;
        // The quotes and codings of those documents, by their ids: through
        // the quotes' index by document and the facts' by coder, instead of
        // testing every quote's document against the set.
        let ids = serde_json::to_string(&documents.iter().map(|d| d.id).collect::<Vec<_>>())
            .unwrap_or_else(|_| "[]".into());
        let quotes = self.rows(
            &format!(
                "SELECT {QUOTE_COLUMNS} FROM quote q
                 WHERE q.document IN (SELECT value FROM json_each(?1))"
            ),
            [&ids],
            quote_of,
        )?;
        let codings = self.rows(
            &format!(
                "SELECT {CODING_COLUMNS} FROM coding_fact f JOIN coding g ON g.id = f.coding
                 WHERE f.coder IN (?2, ?3) AND f.document IN (SELECT value FROM json_each(?1))"
            ),
            params![ids, a, b],
            coding_of,
        )?;
        Ok(AgreementSet {
            documents,
            quotes,
            codings,
        })
    }
}

impl Store {
    /// The two coders last compared for agreement, if both are still coders.
    pub fn agreement_pair(&self) -> super::Result<Option<(Id, Id)>> {
        let Some(value) = self.first_row(
            "SELECT value FROM setting WHERE key = 'agreement_pair'",
            [],
            |r| r.get::<_, String>(0),
        )?
        else {
            return Ok(None);
        };
        let Some((a, b)) = value
            .split_once(',')
            .and_then(|(a, b)| Some((a.trim().parse().ok()?, b.trim().parse().ok()?)))
        else {
            return Ok(None);
        };
        let coders = self.coders()?;
        let known = |id: Id| coders.iter().any(|c| c.id == id);
        Ok((known(a) && known(b) && a != b).then_some((a, b)))
    }

    /// Remembers the two coders compared for agreement, for the next time
    /// the store is opened, by anyone.
    pub fn set_agreement_pair(&mut self, a: Id, b: Id) -> super::Result<()> {
        let path = self.path().to_path_buf();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO setting (key, value) VALUES ('agreement_pair', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [format!("{a},{b}")],
            )
            .map_err(|e| super::sqlite_error(&path, e))?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::coding::QuoteFilter;
    use crate::store::testing::{code_id, demo_store};

    /// Every cell's count is the number of quotes its filter lists.
    fn cells_open_their_quotes(s: &Store, by: Dimension, coder: Option<Id>, children: bool) {
        let m = s.code_matrix(by, coder, children).unwrap();
        assert!(!m.columns.is_empty());
        assert!(!m.cells.is_empty());
        for (code, at, n) in &m.cells {
            let mut f = QuoteFilter {
                code: Some(*code),
                direct: !children,
                coder,
                ..Default::default()
            };
            match &m.columns[*at] {
                Column::Cohort { id, .. } => f.cohort = Some(*id),
                Column::Role(r) => f.role = Some(r.clone()),
            }
            assert_eq!(s.count_quotes(&f).unwrap(), *n, "{f:?}");
        }
    }

    #[test]
    fn a_code_matrix_cell_counts_the_quotes_it_opens() {
        let s = demo_store();
        for by in [Dimension::Cohort, Dimension::Role] {
            for children in [false, true] {
                cells_open_their_quotes(&s, by, None, children);
            }
        }
    }

    #[test]
    fn with_its_children_a_parent_counts_their_quotes_by_cohort() {
        let s = demo_store();
        let met = code_id(&s, "ציפיות שנענו");
        let alone = s.code_matrix(Dimension::Cohort, None, false).unwrap();
        assert!(alone.cells.iter().all(|(c, _, _)| *c != met));
        let with = s.code_matrix(Dimension::Cohort, None, true).unwrap();
        let total: usize = with
            .cells
            .iter()
            .filter(|(c, _, _)| *c == met)
            .map(|(_, _, n)| n)
            .sum();
        // The 45 quotes of its four children (one coding each).
        assert_eq!(total, 45);
        let labels: Vec<&Column> = with.columns.iter().collect();
        assert!(matches!(labels[0], Column::Cohort { label, .. } if label == "א"));
    }

    #[test]
    fn the_agreement_pair_is_remembered_while_both_are_coders() {
        let mut s = demo_store();
        assert_eq!(s.agreement_pair().unwrap(), None);
        let coders = s.coders().unwrap();
        let (a, b) = (coders[0].id, coders[1].id);
        s.set_agreement_pair(b, a).unwrap();
        assert_eq!(s.agreement_pair().unwrap(), Some((b, a)));
        s.set_agreement_pair(a, 999).unwrap();
        assert_eq!(s.agreement_pair().unwrap(), None, "999 is no coder");
    }
}
