//! Tests of the forms' specs: every part of the demo through its form and
//! back unchanged, and values that do not read named by field.

use super::*;
use crate::lang::Lang;

fn demo() -> crate::domain::Dataset {
    crate::interchange::demo()
}

/// Sets a line field's text as if it were typed.
fn set(form: &mut Form, key: &str, text: &str) {
    let f = form.fields.iter_mut().find(|f| f.key == key).unwrap();
    match &mut f.input {
        crate::tui::popups::form::Input::Line(p) => {
            p.text = text.into();
            p.cursor = text.chars().count();
        }
        other => panic!("{key} is {other:?}"),
    }
}

#[test]
fn every_part_of_the_demo_comes_back_from_its_form_unchanged() {
    let d = demo();
    let cohorts = Cohorts(&d.cohorts);
    let mut drafts: Vec<Draft> = vec![];
    drafts.extend(d.programs.iter().cloned().map(Draft::Program));
    drafts.extend(d.cohorts.iter().cloned().map(Draft::Cohort));
    drafts.extend(d.sessions.iter().cloned().map(Draft::Meeting));
    drafts.extend(d.instruments.iter().cloned().map(Draft::Instrument));
    drafts.extend(d.findings.iter().cloned().map(Draft::Finding));
    drafts.extend(d.recommendations.iter().cloned().map(Draft::Recommendation));
    for lang in [Lang::En, Lang::He] {
        for draft in &drafts {
            let form = form_of(draft, &cohorts, lang);
            let (back, errors) = read(&form, draft, &cohorts, lang);
            assert_eq!(errors, vec![], "{draft:?}");
            assert_eq!(&back, draft);
        }
    }
}

#[test]
fn values_that_do_not_read_are_named_by_their_field() {
    let d = demo();
    let cohorts = Cohorts(&d.cohorts);
    let was = Draft::Cohort(d.cohorts[0].clone());
    let mut form = form_of(&was, &cohorts, Lang::En);
    set(&mut form, "start", "2017-13");
    set(&mut form, "participants", "-3");
    set(&mut form, "sectors", "רשויות 30, אשכולות");
    let (_, errors) = read(&form, &was, &cohorts, Lang::En);
    let keys: Vec<&str> = errors.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, vec!["start", "participants", "sectors"]);
    assert!(errors[2].1.contains("אשכולות"), "{errors:?}");
    // Read, they are held to the cohort's rules: sectors within the
    // participants, an end not before the start.
    set(&mut form, "start", "2017-10");
    set(&mut form, "participants", "20");
    set(&mut form, "sectors", "רשויות 15; אשכולות 6");
    let (back, errors) = read(&form, &was, &cohorts, Lang::He);
    let keys: Vec<&str> = errors.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, vec!["end", "sectors"]);
    assert!(errors[1].1.contains("21"), "{errors:?}");
    let Draft::Cohort(c) = back else { panic!() };
    assert_eq!(
        c.sectors
            .iter()
            .map(|s| (s.sector.as_str(), s.count))
            .collect::<Vec<_>>(),
        vec![("רשויות", 15), ("אשכולות", 6)]
    );
}

#[test]
fn an_instruments_figures_are_checked_against_each_other() {
    let d = demo();
    let cohorts = Cohorts(&d.cohorts);
    let was = Draft::Instrument(d.instruments[1].clone());
    let mut form = form_of(&was, &cohorts, Lang::En);
    set(&mut form, "invited", "30");
    set(&mut form, "responded", "33");
    set(&mut form, "rate", "120");
    let (_, errors) = read(&form, &was, &cohorts, Lang::En);
    let keys: Vec<&str> = errors.iter().map(|(k, _)| *k).collect();
    // The rate does not read; responded is more than invited, and the
    // respondents by sector (33 of them) are not more than the 33.
    assert_eq!(keys, vec!["rate", "responded"]);
    set(&mut form, "rate", "");
    set(&mut form, "invited", "");
    set(&mut form, "title", "  ");
    let (back, errors) = read(&form, &was, &cohorts, Lang::En);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, "title");
    let Draft::Instrument(i) = back else { panic!() };
    assert_eq!((i.invited, i.responded, i.rate), (None, Some(33), None));
}

#[test]
fn a_choice_reads_as_its_option_and_control_characters_are_dropped() {
    let d = demo();
    let cohorts = Cohorts(&d.cohorts);
    let was = Draft::Recommendation(d.recommendations[0].clone());
    let mut form = form_of(&was, &cohorts, Lang::He);
    let f = form.fields.iter_mut().find(|f| f.key == "phase").unwrap();
    if let crate::tui::popups::form::Input::Choice { chosen, .. } = &mut f.input {
        *chosen = 3;
    }
    let f = form.fields.iter_mut().find(|f| f.key == "cohort").unwrap();
    if let crate::tui::popups::form::Input::Choice { chosen, .. } = &mut f.input {
        *chosen = 2;
    }
    set(&mut form, "text", "המלצה\u{1b}[31m חדשה\u{202e}");
    let (back, errors) = read(&form, &was, &cohorts, Lang::He);
    assert_eq!(errors, vec![]);
    let Draft::Recommendation(r) = back else {
        panic!()
    };
    assert_eq!(r.phase, Phase::Other);
    assert_eq!(r.cohort, d.cohorts[2].id);
    assert!(
        !r.text.contains('\u{1b}') && !r.text.contains('\u{202e}'),
        "{:?}",
        r.text
    );
    assert!(r.text.starts_with("המלצה"));
}
