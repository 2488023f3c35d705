//! The rules of a dataset, case by case.

#[test]
fn a_session_is_counted_only_within_another_of_its_cohort_counted_alone() {
    let mut d = crate::domain::testing::demo();
    let tour = d.sessions.iter().position(|s| s.within.is_some()).unwrap();
    assert_eq!(d.validate(), Vec::<String>::new());
    let own = d.sessions[tour].id;
    let other_cohort = d
        .sessions
        .iter()
        .find(|s| s.cohort != d.sessions[tour].cohort);
    let elsewhere = other_cohort.unwrap().id;
    for (within, bad) in [(own, true), (elsewhere, true), (9_999, true)] {
        d.sessions[tour].within = Some(within);
        let problems = d.validate();
        assert_eq!(
            problems
                .iter()
                .any(|p| p.starts_with(&format!("sessions[{tour}].within"))),
            bad,
            "{within}: {problems:?}"
        );
    }
    // Nor within one that is itself counted within another.
    let host = d.sessions.iter().position(|s| s.id == 1).unwrap();
    d.sessions[tour].within = Some(1);
    d.sessions[host].within = Some(d.sessions[tour].id);
    assert!(!d.validate().is_empty());
}

#[test]
fn a_response_rate_over_all_is_named() {
    let mut d = crate::domain::testing::demo();
    d.instruments[1].rate = Some(100);
    assert_eq!(d.validate(), Vec::<String>::new());
    d.instruments[1].rate = Some(101);
    assert_eq!(
        d.validate(),
        vec!["instruments[1].rate: a response rate of 101% is more than all".to_string()]
    );
}

#[test]
fn a_nul_in_a_documents_text_is_named() {
    let mut d = crate::domain::testing::demo();
    assert_eq!(d.validate(), Vec::<String>::new());
    let text = &mut d.documents[0].text;
    let at = text.char_indices().nth(3).unwrap().0;
    text.insert(at, '\0');
    let problems = d.validate();
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("documents[0].text") && p.contains("position 3")),
        "{problems:?}"
    );
}
