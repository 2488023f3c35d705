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
    let lengths: Vec<(Id, usize)> = all.documents.iter().map(|d| (d.id, d.chars)).collect();
    let r = agreement::report(&lengths, &all.quotes, &all.codings, first, other);
    assert!(
        r.codes
            .iter()
            .any(|c| c.code == code && c.characters.only_b > 0)
    );
}

/// Rows of facts: the numbers (coding, code, coder, quote, document,
/// cohort, start, end) and the role.
type Facts = Vec<(Vec<i64>, String)>;

/// The facts the store keeps beside each coding, and the same worked out
/// again from the tables they come from.
fn facts_and_recount(path: &std::path::Path) -> (Facts, Facts) {
    let c = rusqlite::Connection::open(path).unwrap();
    let read = |sql: &str| -> Facts {
        let mut s = c.prepare(sql).unwrap();
        s.query_map([], |r| {
            let ints = [0, 1, 2, 3, 4, 5, 7, 8]
                .iter()
                .map(|i| r.get::<_, i64>(*i))
                .collect::<rusqlite::Result<Vec<i64>>>()?;
            Ok((ints, r.get::<_, String>(6)?))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
    };
    let kept = read(
        "SELECT coding, code, coder, quote, document, cohort, role, start, end
         FROM coding_fact ORDER BY coding",
    );
    let again = read(
        "SELECT g.id, g.code, g.coder, g.quote, q.document, d.cohort, q.role, q.start, q.end
         FROM coding g JOIN quote q ON q.id = g.quote JOIN document d ON d.id = q.document
         ORDER BY g.id",
    );
    (kept, again)
}

#[track_caller]
fn facts_hold(path: &std::path::Path, after: &str) {
    let (kept, again) = facts_and_recount(path);
    assert!(!again.is_empty(), "{after}: the store has codings");
    assert_eq!(kept, again, "{after}");
    // Each quote's kept text, and its document's length and flag.
    let c = rusqlite::Connection::open(path).unwrap();
    let strays: i64 = c
        .query_row(
            "SELECT (SELECT count(*) FROM quote q LEFT JOIN quote_text t ON t.quote = q.id
                     JOIN document d ON d.id = q.document
                     WHERE t.text IS NOT substr(d.text, q.start + 1, q.end - q.start))
                  + (SELECT count(*) FROM quote_text WHERE quote NOT IN (SELECT id FROM quote))
                  + (SELECT count(*) FROM document d LEFT JOIN document_info i ON i.document = d.id
                     WHERE i.chars IS NOT length(d.text) OR i.illustrative IS NOT d.illustrative)
                  + (SELECT count(*) FROM document_info WHERE document NOT IN (SELECT id FROM document))",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(strays, 0, "{after}: kept texts or lengths differ");
}

#[test]
fn the_facts_kept_beside_codings_match_a_recount_after_every_kind_of_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite");
    let mut s = Store::create(&path, &tovana::interchange::demo()).unwrap();
    facts_hold(&path, "a store made from the demo");
    let me = s.coder_named("ראשונה").unwrap();
    let other = s.coder_named("שני").unwrap();
    s.act_as(Some(me));
    let codes = s.codes().unwrap();
    let (a, b) = (codes[0].id, codes[1].id);
    // New quotes and codings, by two coders.
    s.apply_code(1, 0, 5, a, me).unwrap();
    s.apply_code(1, 2, 9, b, me).unwrap();
    s.act_as(Some(other));
    s.apply_code(1, 0, 5, a, other).unwrap();
    facts_hold(&path, "codings applied");
    s.undo().unwrap();
    facts_hold(&path, "a coding undone");
    s.redo().unwrap();
    facts_hold(&path, "and redone");
    s.act_as(Some(me));
    s.merge_codes(b, a).unwrap();
    facts_hold(&path, "two codes merged");
    s.undo().unwrap();
    facts_hold(&path, "the merge undone");
    s.delete_code(b).unwrap();
    facts_hold(&path, "a code deleted with its codings");
    // What another tool might change beneath: a role, a span, a document's
    // cohort, a quote gone.
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        // The index's function, as any connection that writes needs it.
        tovana::store::search::register_functions(&c).unwrap();
        c.execute_batch(
            "UPDATE quote SET role = 'מנחה' WHERE id IN (SELECT quote FROM coding LIMIT 3);
             UPDATE quote SET start = start + 1 WHERE id = (SELECT quote FROM coding LIMIT 1);
             UPDATE document SET cohort = (SELECT max(id) FROM cohort) WHERE id = 1;
             UPDATE document SET illustrative = 1 - illustrative WHERE id = 2;
             UPDATE document SET text = 'x' || text WHERE id = 3;
             DELETE FROM coding WHERE quote = (SELECT max(quote) FROM coding);
             DELETE FROM quote WHERE id NOT IN (SELECT quote FROM coding) AND id = (SELECT min(id) FROM quote);",
        )
        .unwrap();
    }
    facts_hold(&path, "roles, spans and a cohort changed beneath");
    // Everything replaced.
    let mut d = tovana::interchange::demo();
    d.codings.truncate(40);
    s.replace_all(&d).unwrap();
    facts_hold(&path, "the whole store replaced");
    let (kept, _) = facts_and_recount(&path);
    assert_eq!(kept.len(), 40);
}
