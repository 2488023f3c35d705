//! A team's work brought together: tovana → qdpx → tovana gives the same
//! coding work, GUIDs included; two coders' copies of one store, coded
//! apart, merged both ways (as stores, and through qdpx) give the same
//! store; merging twice changes nothing; what both sides changed
//! differently is listed with the rule that settled it.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tovana::domain::exchange::Conflict;
use tovana::domain::{Dataset, DocumentKind};
use tovana::interchange::qda::{self, Options, from_store::batch_of};
use tovana::interchange::{demo, to_json};
use tovana::store::Store;

/// The coding work of a store with every id made the GUID (or label) it
/// stands for, in GUID order: two stores doing the same work compare equal.
fn work(d: &Dataset) -> serde_json::Value {
    let by = |pairs: Vec<(i64, String)>| pairs.into_iter().collect::<BTreeMap<i64, String>>();
    let code = by(d.codes.iter().map(|c| (c.id, c.guid.clone())).collect());
    let coder = by(d.coders.iter().map(|c| (c.id, c.guid.clone())).collect());
    let doc = by(d.documents.iter().map(|x| (x.id, x.guid.clone())).collect());
    let quote = by(d.quotes.iter().map(|q| (q.id, q.guid.clone())).collect());
    let cohort = by(d.cohorts.iter().map(|c| (c.id, c.label.clone())).collect());
    let sorted = |mut v: Vec<serde_json::Value>| {
        v.sort_by_key(|x| x["guid"].as_str().unwrap_or_default().to_string());
        serde_json::Value::Array(v)
    };
    let j = |v: serde_json::Value, fields: &[(&str, &BTreeMap<i64, String>)]| {
        let mut v = v;
        v["id"] = serde_json::Value::Null;
        for (f, map) in fields {
            if let Some(id) = v[*f].as_i64() {
                v[*f] = map.get(&id).cloned().into();
            }
        }
        v
    };
    serde_json::json!({
        "codes": sorted(d.codes.iter().map(|c| j(val(c), &[("parent", &code)])).collect()),
        "coders": sorted(d.coders.iter().map(|c| j(val(c), &[])).collect()),
        "documents": sorted(d.documents.iter().map(|x| j(val(x), &[("cohort", &cohort)])).collect()),
        "quotes": sorted(d.quotes.iter().map(|q| j(val(q), &[("document", &doc)])).collect()),
        "codings": sorted(d.codings.iter().map(|c| j(val(c), &[("quote", &quote), ("code", &code), ("coder", &coder)])).collect()),
    })
}

fn val<T: serde::Serialize>(x: &T) -> serde_json::Value {
    serde_json::to_value(x).unwrap()
}

/// The demo without its coding work: its structure only.
fn structure() -> Dataset {
    let mut d = demo();
    d.codes.clear();
    d.coders.clear();
    d.documents.clear();
    d.quotes.clear();
    d.codings.clear();
    for f in &mut d.findings {
        f.evidence.codes.clear();
        f.evidence.quotes.clear();
    }
    d
}

#[test]
fn tovana_to_qdpx_and_back_gives_the_same_coding_work_guids_included() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = Store::create(&dir.path().join("a.sqlite"), &demo()).unwrap();
    // A memo on a quote, a coding's memo and a document's attribute travel too.
    let d = a.dataset().unwrap();
    let coding = d.codings[0].id;
    a.set_coding_memo(coding, "למה כאן").unwrap();
    let code = d.codes[3].id;
    a.set_code_memo(code, "מה הקוד אוסף").unwrap();
    let before = a.dataset().unwrap();
    let file = dir.path().join("a.qdpx");
    qda::export_project(&before, "p", &file).unwrap();
    common::qda::validate_qdpx(&file);
    let mut b = Store::create(&dir.path().join("b.sqlite"), &structure()).unwrap();
    assert_ne!(work(&b.dataset().unwrap()), work(&before));
    let s = qda::import(&mut b, &file, &Options::default()).unwrap();
    assert!(s.merged.conflicts.is_empty(), "{:?}", s.merged.conflicts);
    let after = b.dataset().unwrap();
    assert_eq!(work(&after), work(&before));
    // Into the store it came from, it changes nothing.
    let s = qda::import(&mut a, &file, &Options::default()).unwrap();
    assert_eq!(s.merged.added, Default::default());
    assert_eq!(s.merged.updated, Default::default());
    assert_eq!(to_json(&a.dataset().unwrap()), to_json(&before));
}

fn copy(from: &Path, to: &Path) -> PathBuf {
    std::fs::copy(from, to).unwrap();
    to.to_path_buf()
}

/// Two coders' copies of the demo, each coding apart: Dana in the first
/// document, Noa in the second, a memo each, and a code Noa renamed.
fn two_copies(dir: &Path) -> (PathBuf, PathBuf) {
    let base = dir.join("base.sqlite");
    drop(Store::create(&base, &demo()).unwrap());
    let (a, b) = (
        copy(&base, &dir.join("a.sqlite")),
        copy(&base, &dir.join("b.sqlite")),
    );
    let d = demo();
    let docs: Vec<_> = d
        .documents
        .iter()
        .filter(|x| x.kind == DocumentKind::Transcript || x.kind == DocumentKind::OpenEnded)
        .collect();
    let mut sa = Store::open(&a).unwrap();
    let dana = sa.coder_named("Dana").unwrap();
    sa.apply_code(docs[0].id, 0, 5, d.codes[1].id, dana)
        .unwrap();
    let applied = sa
        .apply_code(docs[0].id, 7, 12, d.codes[2].id, dana)
        .unwrap();
    sa.set_coding_memo(applied.coding, "Dana's doubt").unwrap();
    sa.set_code_memo(d.codes[4].id, "Dana: gathers A").unwrap();
    let mut sb = Store::open(&b).unwrap();
    let noa = sb.coder_named("Noa").unwrap();
    sb.apply_code(docs[1].id, 0, 6, d.codes[1].id, noa).unwrap();
    sb.set_code_memo(d.codes[4].id, "Noa: gathers B").unwrap();
    sb.rename_code(d.codes[5].id, "שם אחר").unwrap();
    (a, b)
}

fn merged(into: &Path, from: &Path) -> (Dataset, tovana::domain::exchange::Merged) {
    let mut s = Store::open(into).unwrap();
    let other = Store::open(from).unwrap().dataset().unwrap();
    let m = s.merge_batch(&batch_of(&other)).unwrap();
    (s.dataset().unwrap(), m)
}

#[test]
fn two_coders_copies_merged_both_ways_give_the_same_store_and_twice_nothing_more() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = two_copies(dir.path());
    let (a2, b2) = (
        copy(&a, &dir.path().join("a2.sqlite")),
        copy(&b, &dir.path().join("b2.sqlite")),
    );
    let (ab, m1) = merged(&a2, &b);
    let (ba, m2) = merged(&b2, &a);
    assert_eq!(work(&ab), work(&ba));
    // Each side's codings stay with their coder.
    let coder = |d: &Dataset, n: &str| d.coders.iter().find(|c| c.name == n).unwrap().id;
    assert_eq!(
        ab.codings
            .iter()
            .filter(|c| c.coder == coder(&ab, "Dana"))
            .count(),
        2
    );
    assert_eq!(
        ab.codings
            .iter()
            .filter(|c| c.coder == coder(&ab, "Noa"))
            .count(),
        1
    );
    assert_eq!(m1.added.codings, 1);
    assert_eq!(m2.added.codings, 2);
    // Both memos are kept, the same way round on both sides.
    let memo = &ab
        .codes
        .iter()
        .find(|c| c.guid == demo().codes[4].guid)
        .unwrap()
        .memo;
    assert!(
        memo.contains("Dana: gathers A") && memo.contains("Noa: gathers B"),
        "{memo}"
    );
    // The code named differently: listed, and the name that sorts first kept.
    let renamed = ab
        .codes
        .iter()
        .find(|c| c.guid == demo().codes[5].guid)
        .unwrap();
    let first = demo().codes[5].name.clone().min("שם אחר".to_string());
    assert_eq!(renamed.name, first);
    for m in [&m1, &m2] {
        assert!(
            m.conflicts
                .iter()
                .any(|c| matches!(c, Conflict::CodeName { kept, .. } if *kept == first)),
            "{:?}",
            m.conflicts
        );
    }
    // Merging again changes nothing.
    let (again, m3) = merged(&a2, &b);
    assert_eq!(to_json(&again), to_json(&ab));
    assert_eq!((m3.added, m3.updated), Default::default());
}

#[test]
fn a_coders_copy_exchanged_as_qdpx_merges_as_the_store_itself_does() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = two_copies(dir.path());
    let file = dir.path().join("b.qdpx");
    qda::export_project(&Store::open(&b).unwrap().dataset().unwrap(), "p", &file).unwrap();
    let a2 = copy(&a, &dir.path().join("a2.sqlite"));
    let (by_store, _) = merged(&a2, &b);
    let mut s = Store::open(&a).unwrap();
    qda::import(&mut s, &file, &Options::default()).unwrap();
    assert_eq!(work(&s.dataset().unwrap()), work(&by_store));
}

#[test]
fn a_document_whose_text_differs_keeps_this_stores_text_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let a = Store::create(&dir.path().join("a.sqlite"), &demo()).unwrap();
    let mut theirs = demo();
    let doc = theirs.documents[0].guid.clone();
    theirs.documents[0].text.push_str(" ועוד");
    let other = Store::create(&dir.path().join("o.sqlite"), &theirs).unwrap();
    drop(a);
    let (d, m) = merged(&dir.path().join("a.sqlite"), other.path());
    assert_eq!(d.documents[0].text, demo().documents[0].text);
    assert!(m.conflicts.iter().any(
        |c| matches!(c, Conflict::DocumentText { guid, left_out, .. } if *guid == doc && *left_out > 0)
    ));
}
