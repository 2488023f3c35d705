//! Tests of `authoring`: each save, delete and move, undone and redone.

use crate::domain::{
    Act, Cohort, Evidence, Fault, Finding, Instrument, InstrumentKind, Item, Part, PartialDate,
    Phase, Recommendation, SectorCount, Session, SessionKind,
};
use crate::store::testing::demo_store;
use crate::store::{Refusal, Store, StoreError};

fn date(s: &str) -> Option<PartialDate> {
    Some(PartialDate::parse(s).unwrap())
}

/// The tables kept by triggers hold what they would be worked out to from
/// the tables they follow.
fn derived_tables_agree(s: &Store) {
    let c = s.conn();
    let count = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        count(
            "SELECT count(*) FROM (
                 SELECT g.id, g.code, g.coder, g.quote, q.document, d.cohort, q.role, q.start, q.end
                 FROM coding g JOIN quote q ON q.id = g.quote JOIN document d ON d.id = q.document
                 EXCEPT SELECT coding, code, coder, quote, document, cohort, role, start, end
                 FROM coding_fact)"
        ),
        0,
        "every coding has its facts"
    );
    assert_eq!(
        count("SELECT count(*) FROM coding_fact"),
        count("SELECT count(*) FROM coding")
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM quote q JOIN document d ON d.id = q.document
             LEFT JOIN quote_text t ON t.quote = q.id
             WHERE t.text IS NOT substr(d.text, q.start + 1, q.end - q.start)"
        ),
        0,
        "every quote has its text"
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM document d LEFT JOIN document_info i ON i.document = d.id
             WHERE i.chars IS NOT length(d.text)"
        ),
        0
    );
}

fn new_cohort(label: &str) -> Cohort {
    Cohort {
        id: 0,
        program: 1,
        label: label.into(),
        ordinal: 0,
        start: date("2021-01"),
        end: date("2021-10"),
        participants: Some(30),
        sectors: vec![SectorCount {
            sector: "רשויות מקומיות".into(),
            count: 20,
        }],
        notes: String::new(),
    }
}

#[test]
fn a_new_cohort_goes_last_is_edited_and_both_are_undone_and_redone() {
    let mut s = demo_store();
    let before = s.dataset().unwrap();
    let id = s.save_cohort(&new_cohort("ד")).unwrap();
    assert_eq!(
        s.take_last_act(),
        Some(Act::Add {
            part: Part::Cohort,
            name: "ד".into()
        })
    );
    let cohorts = s.cohorts().unwrap();
    let last = cohorts.last().unwrap();
    assert_eq!((last.id, last.label.as_str()), (id, "ד"));
    let most = before.cohorts.iter().map(|c| c.ordinal).max().unwrap();
    assert_eq!(last.ordinal, most + 1);
    assert_eq!(last.sectors[0].count, 20);
    let added = s.dataset().unwrap();

    let mut edited = last.clone();
    edited.label = "ד׳".into();
    edited.sectors.push(SectorCount {
        sector: "ממשלה".into(),
        count: 10,
    });
    s.save_cohort(&edited).unwrap();
    assert_eq!(s.cohorts().unwrap().last().unwrap(), &edited);

    s.undo().unwrap().unwrap();
    assert_eq!(s.dataset().unwrap(), added);
    s.undo().unwrap().unwrap();
    assert_eq!(s.dataset().unwrap(), before);
    s.redo().unwrap().unwrap();
    s.redo().unwrap().unwrap();
    assert_eq!(s.cohorts().unwrap().last().unwrap(), &edited);
}

#[test]
fn a_part_that_breaks_its_rules_is_refused_and_nothing_is_written() {
    let mut s = demo_store();
    let before = s.dataset().unwrap();
    let mut c = new_cohort(" ");
    c.sectors[0].count = 31;
    match s.save_cohort(&c) {
        Err(StoreError::Invalid(problems)) => {
            let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
            assert_eq!(paths, vec!["label", "sectors"]);
        }
        other => panic!("{other:?}"),
    }
    let i = Instrument {
        id: 0,
        cohort: 1,
        ordinal: 0,
        kind: InstrumentKind::Questionnaire,
        title: "שאלון".into(),
        date: None,
        occasions: None,
        invited: Some(10),
        responded: Some(12),
        rate: None,
        respondents: vec![],
        notes: String::new(),
    };
    let refused = s.save_instrument(&i).unwrap_err();
    assert!(matches!(
        refused,
        StoreError::Invalid(ref p) if p[0].fault == Fault::MoreResponded { responded: 12, invited: 10 }
    ));
    // An edit of what is not there is refused by name.
    let mut gone = new_cohort("x");
    gone.id = 999;
    assert!(matches!(
        s.save_cohort(&gone),
        Err(StoreError::Refused(Refusal::NoSuch {
            target: "cohort",
            id: 999
        }))
    ));
    assert_eq!(s.dataset().unwrap(), before);
    assert_eq!(s.undo().unwrap(), None, "nothing was journaled");
}

#[test]
fn a_cohort_deleted_with_all_that_goes_with_it_comes_back_whole() {
    let mut s = demo_store();
    let before = s.dataset().unwrap();
    let c = before.cohorts.iter().find(|c| c.label == "ג").unwrap().id;
    let item = Item {
        part: Part::Cohort,
        id: c,
    };
    let d = s.dependents(item).unwrap();
    let of = |n: usize| n as u32;
    assert_eq!(
        d.sessions,
        of(before.sessions.iter().filter(|x| x.cohort == c).count())
    );
    assert_eq!(
        d.documents,
        of(before.documents.iter().filter(|x| x.cohort == c).count())
    );
    assert!(d.documents > 0 && d.codings > 0 && d.findings > 0 && d.questions > 0);
    let docs: Vec<i64> = before
        .documents
        .iter()
        .filter(|x| x.cohort == c)
        .map(|x| x.id)
        .collect();
    let quotes = before
        .quotes
        .iter()
        .filter(|q| docs.contains(&q.document))
        .count();
    assert_eq!(d.quotes, of(quotes));

    s.delete_item(item).unwrap();
    let after = s.dataset().unwrap();
    assert!(!after.cohorts.iter().any(|x| x.id == c));
    assert!(!after.documents.iter().any(|x| x.cohort == c));
    assert_eq!(
        after.codings.len(),
        before.codings.len() - d.codings as usize
    );
    derived_tables_agree(&s);

    s.undo().unwrap().unwrap();
    assert_eq!(s.dataset().unwrap(), before);
    derived_tables_agree(&s);
    // Its quotes are found again.
    let quote = before
        .quotes
        .iter()
        .find(|q| docs.contains(&q.document))
        .unwrap();
    let doc = before
        .documents
        .iter()
        .find(|x| x.id == quote.document)
        .unwrap();
    let word: String =
        crate::domain::char_slice(&doc.text, quote.start as usize, quote.end as usize)
            .unwrap()
            .split_whitespace()
            .find(|w| w.chars().count() > 4 && w.chars().all(char::is_alphabetic))
            .unwrap()
            .to_string();
    let hits = s.search(&word, 50).unwrap();
    assert!(!hits.is_empty(), "{word}");
    s.redo().unwrap().unwrap();
    assert_eq!(s.dataset().unwrap(), after);
    derived_tables_agree(&s);
}

#[test]
fn a_meeting_others_are_counted_within_is_deleted_and_they_stand_alone() {
    let mut s = demo_store();
    let before = s.dataset().unwrap();
    let tour = before.sessions.iter().find(|x| x.within.is_some()).unwrap();
    let main = tour.within.unwrap();
    let item = Item {
        part: Part::Meeting,
        id: main,
    };
    assert_eq!(s.dependents(item).unwrap().counted_within, 1);
    s.delete_item(item).unwrap();
    let now = s.sessions_of(tour.cohort).unwrap();
    assert_eq!(now.iter().find(|x| x.id == tour.id).unwrap().within, None);
    s.undo().unwrap().unwrap();
    assert_eq!(s.dataset().unwrap(), before);
}

#[test]
fn findings_recommendations_and_cohorts_move_up_and_down_their_lists() {
    let mut s = demo_store();
    let before = s.dataset().unwrap();
    let of_cohort = |s: &Store, c| -> Vec<i64> {
        s.findings()
            .unwrap()
            .into_iter()
            .filter(|f| f.cohort == c)
            .map(|f| f.id)
            .collect()
    };
    let c = before.findings[0].cohort;
    let order = of_cohort(&s, c);
    assert!(order.len() >= 3);
    let second = Item {
        part: Part::Finding,
        id: order[1],
    };
    assert!(s.move_item(second, true).unwrap());
    let mut swapped = order.clone();
    swapped.swap(0, 1);
    assert_eq!(of_cohort(&s, c), swapped);
    // At the top it goes no further, and nothing is journaled.
    assert!(!s.move_item(second, true).unwrap());
    s.undo().unwrap().unwrap();
    assert_eq!(of_cohort(&s, c), order);
    assert_eq!(s.dataset().unwrap(), before);

    // Cohorts' ordinals are unique in their program: still, they swap.
    let cohorts: Vec<i64> = s.cohorts().unwrap().iter().map(|c| c.id).collect();
    let first = Item {
        part: Part::Cohort,
        id: cohorts[0],
    };
    assert!(s.move_item(first, false).unwrap());
    let now: Vec<i64> = s.cohorts().unwrap().iter().map(|c| c.id).collect();
    assert_eq!((now[0], now[1]), (cohorts[1], cohorts[0]));

    // A recommendation moves within its cohort's phase.
    let recs = s.recommendations().unwrap();
    let (a, b) = recs
        .windows(2)
        .find(|w| w[0].cohort == w[1].cohort && w[0].phase == w[1].phase)
        .map(|w| (w[0].id, w[1].id))
        .unwrap();
    let item = Item {
        part: Part::Recommendation,
        id: b,
    };
    assert!(s.move_item(item, true).unwrap());
    let ids: Vec<i64> = s.recommendations().unwrap().iter().map(|r| r.id).collect();
    let at = ids.iter().position(|x| *x == b).unwrap();
    assert_eq!(ids[at + 1], a);

    // An instrument moves among its cohort's; the program does not move.
    let of_a: Vec<i64> = s.instruments_of(1).unwrap().iter().map(|i| i.id).collect();
    let second = Item {
        part: Part::Instrument,
        id: of_a[1],
    };
    assert!(s.move_item(second, true).unwrap());
    let now: Vec<i64> = s.instruments_of(1).unwrap().iter().map(|i| i.id).collect();
    assert_eq!((now[0], now[1]), (of_a[1], of_a[0]));
    let program = Item {
        part: Part::Program,
        id: 1,
    };
    assert!(matches!(
        s.move_item(program, true),
        Err(StoreError::Refused(Refusal::NotMoved))
    ));
}

#[test]
fn a_new_finding_carries_its_evidence_and_an_edit_keeps_it() {
    let mut s = demo_store();
    let q = s.dataset().unwrap().questions[0].id;
    let f = Finding {
        id: 0,
        cohort: 1,
        area: "תחום".into(),
        ordinal: 0,
        statement: "ממצא חדש".into(),
        evidence: Evidence {
            questions: vec![q],
            codes: vec![],
            quotes: vec![s.dataset().unwrap().quotes[0].id],
        },
    };
    let id = s.save_finding(&f).unwrap();
    let stored = |s: &Store| {
        s.findings()
            .unwrap()
            .into_iter()
            .find(|x| x.id == id)
            .unwrap()
    };
    let mut edited = stored(&s);
    assert_eq!(edited.evidence.questions, vec![q]);
    edited.statement = "ממצא מתוקן".into();
    edited.evidence = Evidence::default();
    edited.cohort = 3;
    s.save_finding(&edited).unwrap();
    let now = stored(&s);
    assert_eq!(now.statement, "ממצא מתוקן");
    assert_eq!(
        now.evidence.questions,
        vec![q],
        "the form does not touch evidence"
    );
    let last = s.findings().unwrap().into_iter().rfind(|x| x.cohort == 3);
    assert_eq!(
        last.map(|x| x.id),
        Some(id),
        "last of the cohort it moved to"
    );
}

#[test]
fn meetings_instruments_and_recommendations_are_saved_and_deleted() {
    let mut s = demo_store();
    let before = s.dataset().unwrap();
    let session = Session {
        id: 0,
        cohort: 3,
        ordinal: 0,
        kind: SessionKind::Online,
        date: date("2020-05"),
        days: Some(1),
        meetings: Some(1),
        place: "זום".into(),
        subject: "מפגש השלמה".into(),
        notes: String::new(),
        within: None,
    };
    let sid = s.save_session(&session).unwrap();
    let last = s.sessions_of(3).unwrap().pop().unwrap();
    assert_eq!((last.id, last.subject.as_str()), (sid, "מפגש השלמה"));
    let iid = s
        .save_instrument(&Instrument {
            id: 0,
            cohort: 3,
            ordinal: 0,
            kind: InstrumentKind::Interview,
            title: "ראיונות".into(),
            date: None,
            occasions: Some(4),
            invited: None,
            responded: Some(4),
            rate: None,
            respondents: vec![],
            notes: String::new(),
        })
        .unwrap();
    assert!(s.instruments_of(3).unwrap().iter().any(|i| i.id == iid));
    let rid = s
        .save_recommendation(&Recommendation {
            id: 0,
            cohort: 3,
            phase: Phase::During,
            ordinal: 0,
            text: "להוסיף מפגש".into(),
            source: String::new(),
            fate: vec![],
        })
        .unwrap();
    for (part, id) in [
        (Part::Recommendation, rid),
        (Part::Instrument, iid),
        (Part::Meeting, sid),
    ] {
        s.delete_item(Item { part, id }).unwrap();
    }
    assert_eq!(s.dataset().unwrap(), before);
    // Six steps back: the deletes, then the saves.
    for _ in 0..6 {
        s.undo().unwrap().unwrap();
    }
    assert_eq!(s.dataset().unwrap(), before);
    assert!(matches!(
        s.delete_item(Item {
            part: Part::Program,
            id: 1
        }),
        Err(StoreError::Refused(Refusal::ProgramStays))
    ));
}
