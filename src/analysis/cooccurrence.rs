//! Co-occurrence of codes: two codes co-occur where a span coded with one
//! overlaps a span coded with the other.
//!
//! # What a cell counts
//!
//! Spans are half-open ranges of code points, `start..end`, and two spans of
//! one document overlap when `a.start < b.end && b.start < a.end` (a span
//! that only touches another does not overlap it; a quote coded with both
//! codes overlaps itself). For two different codes X and Y, the cell holds
//! the *quotes* that take part in such an overlap: every quote coded X that
//! overlaps a quote coded Y, and every quote coded Y that overlaps a quote
//! coded X. A cell's count is the number of those quotes, so opening the cell
//! lists exactly that many. The table is symmetric; the diagonal is left to
//! the caller (it is the code's own quotes).

use crate::domain::Id;
use std::collections::{BTreeMap, HashMap};

pub use crate::domain::CodedSpan;

/// The quotes of each pair of codes that co-occur, keyed by `(lower id,
/// higher id)`, each cell's quotes in id order. Pairs that never co-occur
/// are absent.
pub fn cooccurrence(spans: &[CodedSpan]) -> BTreeMap<(Id, Id), Vec<Id>> {
    let mut by_document: HashMap<Id, Vec<&CodedSpan>> = HashMap::new();
    for s in spans {
        by_document.entry(s.document).or_default().push(s);
    }
    let mut cells: BTreeMap<(Id, Id), Vec<Id>> = BTreeMap::new();
    // A document's pairs are gathered in lists and made distinct at its end
    // (cheaper than a set per cell); documents do not share quotes, so the
    // cells stay distinct when the documents' lists are joined.
    let mut here: HashMap<(Id, Id), Vec<Id>> = HashMap::new();
    for (_, mut doc) in by_document {
        doc.sort_by_key(|s| (s.start, s.end));
        // A sweep: the spans still open when each one starts.
        let mut open: Vec<&CodedSpan> = vec![];
        for s in doc {
            open.retain(|o| o.end > s.start);
            // An empty span overlaps nothing.
            if s.end > s.start {
                for o in &open {
                    if o.code != s.code {
                        let key = (o.code.min(s.code), o.code.max(s.code));
                        let cell = here.entry(key).or_default();
                        cell.push(o.quote);
                        cell.push(s.quote);
                    }
                }
                open.push(s);
            }
        }
        for (key, mut quotes) in here.drain() {
            quotes.sort_unstable();
            quotes.dedup();
            cells.entry(key).or_default().extend(quotes);
        }
    }
    for quotes in cells.values_mut() {
        quotes.sort_unstable();
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(document: Id, quote: Id, code: Id, start: usize, end: usize) -> CodedSpan {
        CodedSpan {
            document,
            quote,
            code,
            start,
            end,
        }
    }

    fn count(cells: &BTreeMap<(Id, Id), Vec<Id>>, a: Id, b: Id) -> usize {
        cells.get(&(a.min(b), a.max(b))).map_or(0, |q| q.len())
    }

    #[test]
    fn one_quote_with_two_codes_is_one_quote_in_the_cell() {
        let cells = cooccurrence(&[span(1, 10, 1, 0, 5), span(1, 10, 2, 0, 5)]);
        assert_eq!(count(&cells, 1, 2), 1);
        assert_eq!(cells[&(1, 2)], [10].to_vec());
    }

    #[test]
    fn overlapping_quotes_both_count_and_touching_ones_do_not() {
        // Quote 10 (code 1) is 0..10; quote 11 (code 2) is 5..15 and
        // overlaps it; quote 12 (code 2) starts where 10 ends; quote 13
        // (code 3) is in another document at the same place.
        let cells = cooccurrence(&[
            span(1, 10, 1, 0, 10),
            span(1, 11, 2, 5, 15),
            span(1, 12, 2, 10, 20),
            span(2, 13, 3, 0, 10),
        ]);
        assert_eq!(cells[&(1, 2)], [10, 11].to_vec());
        assert_eq!(count(&cells, 1, 3), 0);
        assert_eq!(count(&cells, 2, 3), 0);
        assert_eq!(cells.len(), 1);
    }

    #[test]
    fn a_long_span_meets_every_span_inside_it_and_the_table_is_symmetric() {
        // Code 7 covers the whole turn; codes 1, 2 and 3 sit inside it one
        // after another, code 1 twice; the same code twice is not a pair.
        let cells = cooccurrence(&[
            span(1, 20, 7, 0, 100),
            span(1, 21, 1, 10, 20),
            span(1, 22, 2, 30, 40),
            span(1, 23, 3, 50, 60),
            span(1, 24, 1, 70, 80),
            span(1, 25, 1, 75, 90),
        ]);
        assert_eq!(cells[&(1, 7)], [20, 21, 24, 25].to_vec());
        assert_eq!(count(&cells, 7, 2), 2);
        assert_eq!(count(&cells, 3, 7), 2);
        assert_eq!(count(&cells, 1, 2), 0);
        assert_eq!(count(&cells, 1, 1), 0);
    }

    #[test]
    fn a_span_given_twice_by_two_coders_changes_no_cell() {
        let once = cooccurrence(&[span(1, 1, 1, 0, 10), span(1, 2, 2, 5, 15)]);
        let twice = cooccurrence(&[
            span(1, 1, 1, 0, 10),
            span(1, 1, 1, 0, 10),
            span(1, 2, 2, 5, 15),
            span(1, 2, 2, 5, 15),
        ]);
        assert_eq!(once, twice);
        assert_eq!(twice[&(1, 2)], [1, 2]);
    }

    #[test]
    fn an_empty_span_overlaps_nothing() {
        let cells = cooccurrence(&[span(1, 1, 1, 5, 5), span(1, 2, 2, 0, 10)]);
        assert!(cells.is_empty());
    }
}
