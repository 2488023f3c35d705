//! The JSON form carries a whole store exactly: export → import → export
//! gives the same bytes.

use tovana::domain::{Code, Dataset, Figures, Uptake};
use tovana::interchange::{DEMO_JSON, demo, from_json, to_json};
use tovana::store::{Store, StoreError};

fn round_trip(data: &Dataset) -> String {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create(&dir.path().join("s.sqlite"), data).unwrap();
    to_json(&store.dataset().unwrap())
}

#[test]
fn the_embedded_demo_is_canonical_and_survives_a_store() {
    // The asset is exactly what exporting the demo store writes.
    assert_eq!(round_trip(&demo()), DEMO_JSON);
}

#[test]
fn export_import_export_is_the_identity() {
    let first = round_trip(&demo());
    let second = round_trip(&from_json(&first).unwrap());
    assert_eq!(first, second);
}

#[test]
fn every_kind_of_figures_and_odd_text_survive() {
    let mut d = demo();
    // One result of each kind, with extreme values.
    let kinds: Vec<&str> = d.results.iter().map(|r| r.figures.key()).collect();
    for k in [
        "counts",
        "top_box",
        "percentages",
        "reported_share",
        "not_recoverable",
    ] {
        assert!(kinds.contains(&k), "the demo holds a {k} result");
    }
    d.results[0].figures = Figures::Counts {
        counts: vec![0, u32::MAX / 8, 1, 7],
    };
    // Text with marks, emoji outside the BMP, quotes, a tab and a CR.
    d.findings[0].statement = "שָׁלוֹם \"עולם\" 😀\tא\r\nב ‏RLM".into();
    d.recommendations[0].fate[0].status = Uptake::Not;
    // A child code listed before its parent.
    let parent = d.codes.len() as i64 + 100;
    d.codes.insert(
        0,
        Code {
            id: parent + 1,
            parent: Some(parent),
            name: "ילד".into(),
            colour: "#ABCDEF".into(),
            description: String::new(),
            memo: "מה הקוד אוסף".into(),
            ..Default::default()
        },
    );
    d.codes.push(Code {
        id: parent,
        parent: None,
        name: "הורה".into(),
        colour: "#000000".into(),
        description: String::new(),
        memo: String::new(),
        ..Default::default()
    });
    let text = round_trip(&d);
    let back = from_json(&text).unwrap();
    assert_eq!(back.findings[0].statement, d.findings[0].statement);
    assert_eq!(back.results[0].figures, d.results[0].figures);
    assert_eq!(back.recommendations[0].fate[0].status, Uptake::Not);
    assert_eq!(round_trip(&back), text);
    // The store lists by id; the child's parent link survived the reorder.
    let child = back.codes.iter().find(|c| c.id == parent + 1).unwrap();
    assert_eq!(child.parent, Some(parent));
}

#[test]
fn invalid_data_is_refused_with_the_field_named_and_nothing_written() {
    let mut d = demo();
    d.quotes[3].document = 999;
    d.quotes[5].end = 1_000_000;
    d.codings[0].code = 4242;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite");
    let err = Store::create(&path, &d).err().expect("refused");
    let StoreError::Invalid(problems) = &err else {
        panic!("expected invalid data, got {err}")
    };
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    let text = text.join("\n");
    assert!(
        text.contains("quotes[3].document: no document has id 999"),
        "{text}"
    );
    assert!(text.contains("quotes[5].end"), "{text}");
    assert!(
        text.contains("codings[0].code: no code has id 4242"),
        "{text}"
    );
    assert!(!path.exists(), "no store file is left behind");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nor a partial one"
    );
}

#[test]
fn a_cycle_in_the_codebook_is_refused() {
    let mut d = demo();
    let (a, b) = (d.codes[0].id, d.codes[1].id);
    d.codes[0].parent = Some(b);
    d.codes[1].parent = Some(a);
    let problems = d.validate();
    assert!(
        problems.iter().any(|p| p.contains("its own ancestor")),
        "{problems:?}"
    );
}

#[test]
fn a_finding_citing_quotes_survives_and_a_quote_not_there_is_named() {
    let mut d = demo();
    let (a, b) = (d.quotes[7].id, d.quotes[2].id);
    d.findings[1].evidence.quotes = vec![a, b];
    let json: serde_json::Value = serde_json::from_str(&to_json(&d)).unwrap();
    let evidence = |i: usize| json["findings"][i]["evidence"].clone();
    assert_eq!(evidence(1)["quotes"], serde_json::json!([a, b]));
    // A finding citing none writes none: the form is as it was for them.
    assert!(evidence(0).get("quotes").is_none(), "{}", evidence(0));
    let back = from_json(&round_trip(&d)).unwrap();
    assert_eq!(
        back.findings[1].evidence.quotes,
        vec![a, b],
        "in their order"
    );
    assert_eq!(back, d);
    d.findings[1].evidence.quotes.push(77_777);
    let dir = tempfile::tempdir().unwrap();
    let err = Store::create(&dir.path().join("s.sqlite"), &d)
        .err()
        .unwrap();
    assert!(
        err.to_string()
            .contains("findings[1].evidence.quotes[2]: no quote has id 77777"),
        "{err}"
    );
}

/// Version 1 of the form kept one status per recommendation: it is read as
/// the next cohort's; a judged status of a last cohort's is refused.
#[test]
fn version_1_reads_its_one_status_as_the_next_cohorts() {
    let mut v: serde_json::Value = serde_json::from_str(DEMO_JSON).unwrap();
    v["version"] = 1.into();
    for r in v["recommendations"].as_array_mut().unwrap() {
        let o = r.as_object_mut().unwrap();
        let fate = o.remove("fate");
        let first = fate.as_ref().and_then(|f| f.get(0)).cloned();
        o.insert(
            "uptake".into(),
            first
                .as_ref()
                .map_or("unknown".into(), |f| f["status"].clone()),
        );
        o.insert(
            "uptake_note".into(),
            first.as_ref().map_or("".into(), |f| f["note"].clone()),
        );
    }
    let d = from_json(&serde_json::to_string(&v).unwrap()).unwrap();
    let demo = demo();
    let (a, b) = (demo.cohorts[0].id, demo.cohorts[1].id);
    for (old, new) in demo.recommendations.iter().zip(&d.recommendations) {
        match old.fate.first() {
            // Cohort A's, judged in C in the demo: version 1 could not say
            // which cohort, and it becomes the next one's, B's.
            Some(f) => {
                assert_eq!(old.cohort, a);
                assert_eq!(new.fate.len(), 1);
                assert_eq!(new.fate[0].cohort, b);
                assert_eq!((new.fate[0].status, &new.fate[0].note), (f.status, &f.note));
            }
            None => assert!(new.fate.is_empty()),
        }
    }
    assert_eq!(d.version, tovana::domain::FORMAT_VERSION);
    // The last cohort's recommendation judged: there is no cohort to say it of.
    let last = d
        .recommendations
        .iter()
        .position(|r| r.cohort == demo.cohorts[2].id)
        .unwrap();
    v["recommendations"][last]["uptake"] = "taken_up".into();
    let err = from_json(&serde_json::to_string(&v).unwrap()).unwrap_err();
    assert_eq!(err.path, format!("recommendations[{last}].uptake"));
    assert!(err.message.contains("no later cohort"), "{err}");
}
