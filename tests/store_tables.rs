//! The store's tables checked against the pure analysis: every
//! co-occurrence cell counts the quotes its filter lists, and the agreement
//! set read from the store gives the agreement the analysis works out.
//! (Here rather than beside the store's code, so that `store` does not
//! import `analysis`.)

use std::collections::HashSet;
use tovana::analysis::agreement;
use tovana::analysis::cooccurrence::cooccurrence;
use tovana::domain::Id;
use tovana::store::Store;
use tovana::store::coding::QuoteFilter;
use tovana::store::tables::DocumentSet;

fn demo_store() -> Store {
    let mut s = Store::in_memory().unwrap();
    s.replace_all(&tovana::interchange::demo()).unwrap();
    s
}

#[test]
fn a_cooccurrence_cell_counts_the_quotes_it_opens() {
    let mut s = demo_store();
    // Two codes on overlapping spans of one document, by a new coder,
    // and a third code next to them, touching only.
    let doc = s.document_rows().unwrap()[0].id;
    let coder = s.coder_named("בודק").unwrap();
    let (x, y, z) = (
        s.codes().unwrap()[0].id,
        s.codes().unwrap()[1].id,
        s.codes().unwrap()[2].id,
    );
    s.apply_code(doc, 0, 30, x, coder).unwrap();
    s.apply_code(doc, 20, 50, y, coder).unwrap();
    s.apply_code(doc, 50, 60, z, coder).unwrap();
    for who in [None, Some(coder)] {
        let cells = cooccurrence(&s.coded_spans(who).unwrap());
        assert!(!cells.is_empty());
        for ((a, b), quotes) in &cells {
            let f = QuoteFilter {
                code: Some(*a),
                with: Some(*b),
                coder: who,
                ..Default::default()
            };
            assert_eq!(s.count_quotes(&f).unwrap(), quotes.len(), "{f:?}");
            let g = QuoteFilter {
                code: Some(*b),
                with: Some(*a),
                ..f.clone()
            };
            assert_eq!(s.count_quotes(&g).unwrap(), quotes.len());
        }
    }
    let mine = cooccurrence(&s.coded_spans(Some(coder)).unwrap());
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[&(x.min(y), x.max(y))].len(), 2);
}

#[test]
fn the_agreement_set_holds_a_cohorts_documents_and_two_coders_codings() {
    let mut s = demo_store();
    let doc = s.document_rows().unwrap()[0].id;
    let first = s.coders().unwrap()[0].id;
    let other = s.coder_named("בודקת").unwrap();
    let code = s.codes().unwrap()[0].id;
    s.apply_code(doc, 0, 10, code, other).unwrap();
    let all = s.agreement_set(DocumentSet::All, first, other).unwrap();
    assert_eq!(all.documents.len(), s.document_rows().unwrap().len());
    assert!(all.codings.iter().any(|g| g.coder == other));
    let cohort = all.documents[0].cohort;
    let one = s
        .agreement_set(DocumentSet::Cohort(cohort), first, other)
        .unwrap();
    assert!(one.documents.iter().all(|d| d.cohort == cohort));
    assert!(one.documents.len() < all.documents.len());
    let ids: HashSet<Id> = one.quotes.iter().map(|q| q.id).collect();
    assert!(one.codings.iter().all(|g| ids.contains(&g.quote)));
    // Only the first document has codings by both.
    let shared = s.agreement_set(DocumentSet::Shared, first, other).unwrap();
    assert_eq!(
        shared.documents.iter().map(|d| d.id).collect::<Vec<_>>(),
        vec![doc]
    );
    let r = agreement::report(&all.documents, &all.quotes, &all.codings, first, other);
    assert!(
        r.codes
            .iter()
            .any(|c| c.code == code && c.characters.only_b > 0)
    );
}
