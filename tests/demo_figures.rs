//! Every hand-checked figure of `shared/seeds/README.md`, recomputed from what
//! the demo store holds (counts, not percentages), through the same analysis
//! functions the views use.

use std::collections::{BTreeMap, HashMap, HashSet};
use tovana::analysis::{percentages, response_rate, shown_rate, top_box_share};
use tovana::domain::{
    Cohort, Dataset, Figures, Id, Instrument, InstrumentKind, Phase, Question, SessionKind,
};
use tovana::interchange::demo;
use tovana::store::Store;

/// The demo as it comes back out of a real store file.
fn stored_demo() -> Dataset {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create(&dir.path().join("demo.sqlite"), &demo()).unwrap();
    store.dataset().unwrap()
}

fn cohort<'a>(d: &'a Dataset, label: &str) -> &'a Cohort {
    d.cohorts.iter().find(|c| c.label == label).unwrap()
}

fn instruments(d: &Dataset, cohort: Id, kind: InstrumentKind) -> Vec<&Instrument> {
    d.instruments
        .iter()
        .filter(|i| i.cohort == cohort && i.kind == kind)
        .collect()
}

fn question<'a>(d: &'a Dataset, instrument: Id, wording_part: &str) -> &'a Question {
    let found: Vec<_> = d
        .questions
        .iter()
        .filter(|q| q.instrument == instrument && q.wording.contains(wording_part))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one question of instrument {instrument} holds '{wording_part}'"
    );
    found[0]
}

/// The questions of an instrument under one topic, in order.
fn topic<'a>(d: &'a Dataset, instrument: Id, topic: &str) -> Vec<&'a Question> {
    d.questions
        .iter()
        .filter(|q| q.instrument == instrument && q.topic == topic)
        .collect()
}

fn figures(d: &Dataset, q: &Question, segment: Id) -> Figures {
    d.results
        .iter()
        .find(|r| r.question == q.id && r.segment == segment)
        .unwrap_or_else(|| panic!("question {} has a result for segment {segment}", q.id))
        .figures
        .clone()
}

/// The top-box percentage of a question for all respondents (segment 1).
fn top_box(d: &Dataset, q: &Question) -> u32 {
    let scale = d.scales.iter().find(|s| s.id == q.scale).unwrap();
    top_box_share(scale, &figures(d, q, 1)).unwrap().percent()
}

/// Percentages from stored counts, listed as the deck prints them: from the
/// most positive option down, leaving out options nobody chose at the bottom.
fn printed(d: &Dataset, q: &Question) -> Vec<u32> {
    let Figures::Counts { counts } = figures(d, q, 1) else {
        panic!("question {} should hold counts", q.id)
    };
    let mut p = percentages(&counts).unwrap();
    p.reverse();
    while p.last() == Some(&0) {
        p.pop();
    }
    p
}

/// The cohort's last questionnaire with questions (the follow-up study's
/// comes later, without any).
fn end_questionnaire(d: &Dataset, cohort: Id) -> &Instrument {
    let q = instruments(d, cohort, InstrumentKind::Questionnaire);
    q.into_iter()
        .filter(|i| d.questions.iter().any(|q| q.instrument == i.id))
        .max_by_key(|i| i.date.clone())
        .unwrap()
}

#[test]
fn cohort_a_structure() {
    let d = stored_demo();
    let a = cohort(&d, "א");
    assert_eq!(a.participants, Some(37));
    let by_sector: Vec<u32> = a.sectors.iter().map(|s| s.count).collect();
    assert_eq!(by_sector, vec![32, 5]);
    assert_eq!(by_sector.iter().sum::<u32>(), 37);
    let in_person: Vec<_> = d
        .sessions
        .iter()
        .filter(|s| s.cohort == a.id && s.kind == SessionKind::InPerson)
        .collect();
    assert_eq!(
        in_person.iter().map(|s| s.meetings.unwrap()).sum::<u32>(),
        9
    );
    assert_eq!(in_person.iter().map(|s| s.days.unwrap()).sum::<u32>(), 21);
    assert_eq!(
        (
            a.start.as_ref().unwrap().as_str(),
            a.end.as_ref().unwrap().as_str()
        ),
        ("2017-01", "2017-09")
    );

    let questionnaires = instruments(&d, a.id, InstrumentKind::Questionnaire);
    let dates: Vec<&str> = questionnaires
        .iter()
        .map(|i| i.date.as_ref().unwrap().as_str())
        .collect();
    // Mid-program, end, and the follow-up study's.
    assert_eq!(dates, vec!["2017-05", "2017-09", "2018-06"]);
    let end = end_questionnaire(&d, a.id);
    assert_eq!(end.responded, Some(33));
    // The deck gives 33 respondents and 90%, not how many were asked (33 of
    // the 37 participants would be 89%): the rate is kept as given, and
    // nothing is made up for the number invited.
    assert_eq!(end.rate, Some(90));
    assert_eq!(end.invited, None);
    assert_eq!(shown_rate(end), Some(90));
    let respondents: Vec<u32> = end.respondents.iter().map(|s| s.count).collect();
    assert_eq!(respondents, vec![24, 5, 2, 2]);
    assert_eq!(respondents.iter().sum::<u32>(), end.responded.unwrap());
    // While the program ran (the follow-up study's come after its end).
    let during = |kind| -> u32 {
        instruments(&d, a.id, kind)
            .into_iter()
            .filter(|i| !tovana::analysis::compare::after_end(a, i))
            .map(|i| i.occasions.unwrap())
            .sum()
    };
    assert_eq!(during(InstrumentKind::Interview), 6);
    assert_eq!(during(InstrumentKind::Observation), 2);
    let own: Vec<_> = d
        .instruments
        .iter()
        .filter(|i| i.cohort == a.id)
        .cloned()
        .collect();
    let facts = tovana::analysis::compare::facts(a, &[], &own);
    assert_eq!(facts.after, 3, "the follow-up study's, counted apart");
}

#[test]
fn cohort_a_headline_figures() {
    let d = stored_demo();
    let end = end_questionnaire(&d, cohort(&d, "א").id).id;
    assert_eq!(top_box(&d, question(&d, end, "היית ממליץ")), 97);
    assert_eq!(
        top_box(&d, question(&d, end, "כמוביל/ה דיגיטלי/ת בארגון")),
        94
    );
    assert_eq!(top_box(&d, question(&d, end, "בשיטות ניהול")), 94);
    assert_eq!(
        top_box(&d, question(&d, end, "משלב/ת שירותים דיגיטליים")),
        91
    );
}

#[test]
fn cohort_a_tools_and_skills_distributions() {
    let d = stored_demo();
    let end = end_questionnaire(&d, cohort(&d, "א").id).id;
    // very much / much / little, in the deck's order of items.
    for (item, expected) in [
        ("קידום תהליכים דיגיטליים ברשות", [36, 55, 9]),
        ("יצירה והובלה של שיתופי פעולה", [30, 49, 21]),
        ("הובלת פרויקטים דיגיטליים", [21, 55, 24]),
        ("שיטות עבודה חדשניות לניהול", [15, 55, 30]),
    ] {
        assert_eq!(printed(&d, question(&d, end, item)), expected, "{item}");
    }
}

#[test]
fn the_worked_example_of_the_new_knowledge_chart() {
    let d = stored_demo();
    let end = end_questionnaire(&d, cohort(&d, "א").id).id;
    let items = [
        "מושגי יסוד ומגמות",
        "התפיסה האישית שלך כמנהיג",
        "ידע חדש בנושא: הובלת שינוי",
        "ממשקים ושיתופי פעולה בין מגזרים",
        "מצב הדיגיטציה במגזר הציבורי",
    ];
    let rows: Vec<Vec<u32>> = items
        .iter()
        .map(|i| printed(&d, question(&d, end, i)))
        .collect();
    let very_much: Vec<u32> = rows.iter().map(|r| r[0]).collect();
    let much: Vec<u32> = rows.iter().map(|r| r[1]).collect();
    let little: Vec<u32> = rows.iter().map(|r| r[2]).collect();
    assert_eq!(very_much, [52, 46, 36, 33, 30]);
    assert_eq!(much, [36, 45, 55, 43, 52]);
    assert_eq!(little, [12, 9, 9, 21, 18]);
    // The single "not at all" belongs to the fourth item: 33 + 43 + 21 + 3.
    assert_eq!(rows[3], vec![33, 43, 21, 3]);
    assert!(rows.iter().enumerate().all(|(i, r)| i == 3 || r.len() == 3));
}

#[test]
fn unrecoverable_charts_are_kept_and_marked_never_filled() {
    let d = stored_demo();
    let end = end_questionnaire(&d, cohort(&d, "א").id).id;
    let statements: Vec<&Question> = topic(&d, end, "תפיסות ותחושת דחיפות");
    assert_eq!(
        statements.len(),
        8,
        "the eight agreement statements are kept"
    );
    for q in statements {
        assert_eq!(figures(&d, q, 1), Figures::NotRecoverable);
    }
    // The chart of satisfaction with the accompanying company, six aspects:
    // the guide counts it among the charts that cannot be rebuilt without
    // doubt, and the finding that cites it says it gives no figure.
    let aspects: Vec<&Question> = topic(&d, end, "ליווי הפרויקטים");
    assert_eq!(aspects.len(), 6);
    for q in &aspects {
        assert_eq!(figures(&d, q, 1), Figures::NotRecoverable, "{}", q.wording);
    }
    let cites = d
        .findings
        .iter()
        .find(|f| f.evidence.questions.contains(&aspects[0].id))
        .expect("a finding cites the chart");
    assert!(
        cites.statement.contains("אינו ניתן לשחזור"),
        "{}",
        cites.statement
    );
    assert!(
        !cites.statement.contains("בעיקר בקצב"),
        "{}",
        cites.statement
    );
}

#[test]
fn local_and_central_government_are_two_segments_of_the_same_questions() {
    let d = stored_demo();
    let end = end_questionnaire(&d, cohort(&d, "א").id).id;
    let q = question(&d, end, "יצירה והובלה של שיתופי פעולה");
    let scale = d.scales.iter().find(|s| s.id == q.scale).unwrap();
    let local = top_box_share(scale, &figures(&d, q, 1)).unwrap().percent();
    let central = top_box_share(scale, &figures(&d, q, 2)).unwrap().percent();
    assert_eq!((local, central), (79, 94));
    // Percentages only: the central program's n is not in the deck.
    assert!(matches!(figures(&d, q, 2), Figures::Percentages { .. }));
}

#[test]
fn cohort_c_structure() {
    let d = stored_demo();
    let c = cohort(&d, "ג");
    assert_eq!(c.participants, Some(40));
    let by_sector: Vec<u32> = c.sectors.iter().map(|s| s.count).collect();
    assert_eq!(by_sector, vec![32, 6, 2]);
    assert_eq!(by_sector.iter().sum::<u32>(), 40);
    let of_kind = |k: SessionKind| {
        d.sessions
            .iter()
            .filter(move |s| s.cohort == c.id && s.kind == k)
    };
    let two_day: Vec<_> = of_kind(SessionKind::InPerson).collect();
    assert_eq!(two_day.len(), 7);
    assert!(two_day.iter().all(|s| s.days == Some(2)));
    let days: u32 = two_day.iter().map(|s| s.days.unwrap()).sum();
    assert_eq!(days, 14);
    let tour: Vec<_> = of_kind(SessionKind::StudyTour).collect();
    assert_eq!(tour.len(), 1);
    assert_eq!((tour[0].days, tour[0].place.as_str()), (Some(5), "דנמרק"));
    let online: Vec<_> = of_kind(SessionKind::Online).collect();
    assert_eq!(online.iter().filter(|s| s.meetings == Some(1)).count(), 4);
    assert_eq!(
        online.iter().filter(|s| s.meetings.is_none()).count(),
        1,
        "the extra COVID-19 meetings, number not given"
    );
    let closing: Vec<_> = of_kind(SessionKind::Closing).collect();
    assert_eq!(closing.len(), 1);
    assert_eq!(closing[0].place, "מקוון");

    let end = end_questionnaire(&d, c.id);
    // The report gives 25 respondents and 71%, not how many were asked.
    assert_eq!(end.responded, Some(25));
    assert_eq!((end.rate, end.invited), (Some(71), None));
    assert_eq!(shown_rate(end), Some(71));
    assert_eq!(response_rate(end.invited, end.responded), None);
    assert_eq!(instruments(&d, c.id, InstrumentKind::Observation).len(), 1);
    let groups = instruments(&d, c.id, InstrumentKind::FocusGroup);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].responded, Some(9));
    // The transcript has exactly nine distinct participants speaking.
    let transcript = d
        .documents
        .iter()
        .find(|doc| doc.instrument == Some(groups[0].id))
        .unwrap();
    let speakers: HashSet<&str> = transcript
        .text
        .lines()
        .filter_map(|l| l.split_once(':').map(|(who, _)| who))
        .filter(|who| *who != "מנחה")
        .collect();
    assert_eq!(speakers.len(), 9, "{speakers:?}");
}

#[test]
fn cohort_c_figures_as_the_report_gives_them() {
    let d = stored_demo();
    let end = end_questionnaire(&d, cohort(&d, "ג").id).id;
    assert_eq!(top_box(&d, question(&d, end, "מדגימה חדשנות")), 96);
    for (part, expected) in [
        ("ידע חדש", 85),
        ("עמדותיי החיוביות", 68),
        ("מרגיש/ה מוביל/ה", 94),
        ("כלים ומיומנויות חדשים", 75),
        ("שיטות עבודה חדשניות", 80),
        ("הובלת שיתופי פעולה", 88),
        ("מהמגזר שלי", 92),
        ("ממגזרים אחרים", 76),
        ("מרצים ויועצים", 56),
    ] {
        assert_eq!(top_box(&d, question(&d, end, part)), expected, "{part}");
    }
    for part in ["ציפיותיי", "מניהול התוכנית", "הייתי ממליץ"] {
        assert_eq!(top_box(&d, question(&d, end, part)), 100, "{part}");
    }
}

#[test]
fn cohort_c_recommendations_come_in_three_groups_and_one_alone() {
    let d = stored_demo();
    let c = cohort(&d, "ג").id;
    let mut by_phase: BTreeMap<&str, usize> = BTreeMap::new();
    for r in d.recommendations.iter().filter(|r| r.cohort == c) {
        *by_phase.entry(r.phase.key()).or_default() += 1;
    }
    assert_eq!(
        by_phase,
        BTreeMap::from([("before", 1), ("during", 5), ("links", 2), ("other", 1)])
    );
    assert!(Phase::ALL.iter().all(|p| by_phase.contains_key(p.key())));
}

#[test]
fn cohort_b_is_a_comparison_point_without_figures() {
    let d = stored_demo();
    let b = cohort(&d, "ב");
    assert_eq!(
        (b.participants, b.start.clone(), b.end.clone()),
        (None, None, None)
    );
    assert!(b.sectors.is_empty());
    assert!(!d.sessions.iter().any(|s| s.cohort == b.id));
    assert!(!d.instruments.iter().any(|i| i.cohort == b.id));
    assert!(!d.findings.iter().any(|f| f.cohort == b.id));
}

#[test]
fn the_open_ended_theme_counts_come_from_the_codings() {
    let d = stored_demo();
    let open: HashSet<Id> = d
        .documents
        .iter()
        .filter(|doc| doc.kind.key() == "open_ended")
        .map(|doc| doc.id)
        .collect();
    let quote_doc: HashMap<Id, Id> = d.quotes.iter().map(|q| (q.id, q.document)).collect();
    let count = |name: &str| {
        let code = d
            .codes
            .iter()
            .find(|c| c.name.starts_with(name))
            .unwrap()
            .id;
        d.codings
            .iter()
            .filter(|c| c.code == code && c.coder == 1 && open.contains(&quote_doc[&c.quote]))
            .count()
    };
    for (theme, n) in [
        ("חשיפה לתהליכים דיגיטליים", 20),
        ("חיבור בין רשויות", 9),
        ("הבנת צורכי הדיגיטציה", 9),
        ("מנהיגות והובלת שינוי", 7),
        ("מיומנויות, כלים דיגיטליים והתנסות", 10),
        ("שיתוף פעולה בין רשויות לממשלה", 7),
        ("היכרות עם כלים שכבר פועלים", 5),
        ("עבודה מול קהילת היזמים", 5),
        ("כלי מנהיגות והובלת שינוי", 3),
        ("אבחון, תכנון וקידום", 11),
        ("הובלת פרויקטים דיגיטליים", 11),
        ("התאמה לצרכים המקומיים", 7),
        ("דגש על חיבורים", 10),
        ("עבודה על הפרויקט מהמפגש הראשון", 6),
        ("ליווי שמכיר את העבודה המוניציפלית", 3),
    ] {
        assert_eq!(count(theme), n, "{theme}");
    }
}

#[test]
fn documents_to_code_are_illustrative_and_well_formed() {
    let d = stored_demo();
    assert!(d.quotes.len() >= 25, "{} quotes", d.quotes.len());
    let docs: HashMap<Id, _> = d.documents.iter().map(|doc| (doc.id, doc)).collect();
    for doc in &d.documents {
        assert!(doc.illustrative, "{} is marked illustrative", doc.title);
    }
    let coded: HashSet<Id> = d.codings.iter().map(|c| c.quote).collect();
    for q in &d.quotes {
        assert!(!q.role.is_empty(), "quote {} has a role", q.id);
        let text = q.text_in(&docs[&q.document].text).unwrap();
        assert!(!text.trim().is_empty() && !text.contains('\n'));
        assert!(coded.contains(&q.id), "quote {} is coded", q.id);
    }
    let cohorts: HashSet<Id> = d.quotes.iter().map(|q| docs[&q.document].cohort).collect();
    assert_eq!(cohorts.len(), 2, "quotes from cohorts A and C");
}

#[test]
fn every_stored_distribution_is_consistent_with_its_instrument() {
    let d = stored_demo();
    let inst: HashMap<Id, &Instrument> = d.instruments.iter().map(|i| (i.id, i)).collect();
    let q_inst: HashMap<Id, Id> = d.questions.iter().map(|q| (q.id, q.instrument)).collect();
    for r in &d.results {
        let responded = inst[&q_inst[&r.question]].responded.unwrap();
        match &r.figures {
            Figures::Counts { counts } => {
                let n: u32 = counts.iter().sum();
                assert!(n > 0 && n <= responded, "question {}: n = {n}", r.question);
            }
            Figures::TopBox { n, .. } => assert!(*n <= responded),
            Figures::Percentages { percents } => {
                let sum: u32 = percents.iter().flatten().sum();
                assert!(sum <= 101, "question {}: printed {sum}%", r.question);
            }
            _ => {}
        }
    }
}

#[test]
fn findings_rest_on_evidence() {
    let d = stored_demo();
    assert!(!d.findings.is_empty());
    for f in &d.findings {
        assert!(!f.evidence.is_empty(), "finding {} has evidence", f.id);
    }
    for label in ["א", "ג"] {
        let c = cohort(&d, label).id;
        assert!(d.findings.iter().any(|f| f.cohort == c));
        assert!(d.recommendations.iter().any(|r| r.cohort == c));
    }
}

/// The workshops item gives shares, not how many answered: of the numbers
/// of respondents above half the questionnaire's 33, only 32 gives every
/// printed share (rounded half up), and its note says so.
#[test]
fn the_workshops_item_fits_thirty_two_respondents_only() {
    let d = demo();
    let q = d
        .questions
        .iter()
        .find(|q| q.wording.contains("סדנאות"))
        .expect("the workshops item");
    let r = d.results.iter().find(|r| r.question == q.id).unwrap();
    let Figures::Percentages { percents } = &r.figures else {
        panic!("stored as printed: {:?}", r.figures)
    };
    let given: Vec<u32> = percents.iter().flatten().copied().collect();
    // Whether counts out of `n` give every share, together at most `n`.
    fn fits(shares: &[u32], n: u32, left: u32) -> bool {
        let Some((first, rest)) = shares.split_first() else {
            return true;
        };
        (0..=left).any(|c| {
            tovana::analysis::rounded_percent(c, n) == Some(*first) && fits(rest, n, left - c)
        })
    }
    let fitting: Vec<u32> = (17..=33).filter(|&n| fits(&given, n, n)).collect();
    assert_eq!(fitting, vec![32]);
    assert!(
        r.notes.contains("32") && !r.notes.contains("גם ל-29"),
        "{}",
        r.notes
    );
}

/// Finding 2 names the new-knowledge items that gained least: each of the
/// three with the lowest top box (much or very much) is named by the first
/// word of its subject.
#[test]
fn finding_2_names_the_three_lowest_knowledge_items() {
    let d = demo();
    let f = d.findings.iter().find(|f| f.id == 2).unwrap();
    let mut items: Vec<(u32, &Question)> = f
        .evidence
        .questions
        .iter()
        .map(|id| {
            let q = d.questions.iter().find(|q| q.id == *id).unwrap();
            (top_box(&d, q), q)
        })
        .collect();
    assert_eq!(items.len(), 9);
    items.sort_by_key(|(share, _)| *share);
    for (share, q) in &items[..3] {
        let subject = q.wording.split(": ").nth(1).unwrap();
        let first = subject.split_whitespace().next().unwrap();
        assert!(
            f.statement.contains(first),
            "{share}%: {subject} is not named in: {}",
            f.statement
        );
    }
    // The fourth is clearly above them.
    assert!(
        items[3].0 > items[2].0,
        "{:?}",
        items.iter().map(|i| i.0).collect::<Vec<_>>()
    );
}

/// The deck counts the international learning among the nine meetings and
/// 21 days: the tour is listed, within them, and not counted again.
#[test]
fn cohort_a_study_tour_is_counted_within_the_nine_meetings() {
    let d = stored_demo();
    let a = cohort(&d, "א");
    let sessions: Vec<_> = d
        .sessions
        .iter()
        .filter(|s| s.cohort == a.id)
        .cloned()
        .collect();
    let tour = sessions
        .iter()
        .find(|s| s.kind == SessionKind::StudyTour)
        .expect("the tour is listed");
    let host = sessions.iter().find(|s| Some(s.id) == tour.within).unwrap();
    assert_eq!(
        (host.kind, host.meetings, host.days),
        (SessionKind::InPerson, Some(9), Some(21))
    );
    assert_eq!(
        (tour.meetings, tour.days),
        (None, None),
        "how much of them it took is not given"
    );
    let facts = tovana::analysis::compare::facts(a, &sessions, &[]);
    assert_eq!(facts.meetings[&SessionKind::InPerson].count, 9);
    assert_eq!(facts.meetings[&SessionKind::InPerson].days, 21);
    let tours = facts.meetings[&SessionKind::StudyTour];
    assert_eq!((tours.count, tours.days, tours.within), (0, 0, true));
    assert_eq!(facts.tours.len(), 1);
}

/// Cohort ג's report gives the focus group as a method, and what came of
/// it only among the respondents' recommendations; it says nothing of what
/// participants thought of the move online. The findings credit the focus
/// group with nothing, and the one on COVID-19 says its quotes illustrate.
#[test]
fn cohort_c_findings_say_no_more_than_the_report() {
    let d = demo();
    let c = cohort(&d, "ג");
    let findings: Vec<_> = d.findings.iter().filter(|f| f.cohort == c.id).collect();
    assert!(findings.len() >= 5);
    for f in &findings {
        assert!(
            !f.statement.contains("קבוצת המיקוד"),
            "{}: {}",
            f.id,
            f.statement
        );
    }
    let covid = findings
        .iter()
        .find(|f| f.statement.contains("קורונה"))
        .expect("the finding on COVID-19");
    assert!(!covid.statement.contains("הזדמנות"), "{}", covid.statement);
    assert!(covid.statement.contains("להמחשה"), "{}", covid.statement);
}

/// The deck gives two figures on the respondents across the nine areas of
/// new knowledge: 100% gained much or very much in at least one, 33% in
/// all nine. Kept as counts of the 33; all nine cannot be more than the
/// area fewest gained in.
#[test]
fn knowledge_in_at_least_one_area_and_in_all_nine() {
    let d = stored_demo();
    let end = end_questionnaire(&d, cohort(&d, "א").id).id;
    let one = question(&d, end, "לפחות באחד מתשעת התחומים");
    let all = question(&d, end, "בכל תשעת התחומים");
    assert_eq!(figures(&d, one, 1), Figures::TopBox { n: 33, count: 33 });
    assert_eq!(figures(&d, all, 1), Figures::TopBox { n: 33, count: 11 });
    assert_eq!((top_box(&d, one), top_box(&d, all)), (100, 33));
    let areas: Vec<&Question> = topic(&d, end, "ידע חדש");
    assert_eq!(areas.len(), 9);
    let scale = d.scales.iter().find(|s| s.id == areas[0].scale).unwrap();
    let fewest = areas
        .iter()
        .map(|q| match top_box_share(scale, &figures(&d, q, 1)) {
            Some(tovana::analysis::TopBoxShare::Counted { count, .. }) => count,
            other => panic!("{}: {other:?}", q.wording),
        })
        .min()
        .unwrap();
    assert!(
        11 <= fewest,
        "all nine (11) against the fewest in one area ({fewest})"
    );
}

/// Two items the deck sets inside the boxes of other items' figures are
/// kept, with no figure of their own: which figure is theirs it does not say.
#[test]
fn items_set_inside_other_figures_are_kept_without_one() {
    let d = stored_demo();
    let end = end_questionnaire(&d, cohort(&d, "א").id).id;
    for part in ["אילו צעדים נדרשים", "לגייס עמיתים"] {
        let q = question(&d, end, part);
        assert_eq!(figures(&d, q, 1), Figures::NotRecoverable, "{}", q.wording);
    }
}

/// The respondents' profile the deck gives, as counts of the 33: gender
/// 70% / 30%, 27 who worked in another sector (19 of them in business),
/// 48% in an earlier leadership program; tenure kept without a figure.
#[test]
fn the_respondents_profile_of_cohort_a() {
    let d = stored_demo();
    let end = end_questionnaire(&d, cohort(&d, "א").id).id;
    let counts = |part: &str| match figures(&d, question(&d, end, part), 1) {
        Figures::Counts { counts } => counts,
        other => panic!("{part}: {other:?}"),
    };
    let gender = counts("מגדר");
    assert_eq!(gender.iter().sum::<u32>(), 33);
    assert_eq!(percentages(&gender), Some(vec![70, 30]));
    assert_eq!(counts("במגזר אחר מזה"), vec![27, 6]);
    let business = counts("מהמגזר העסקי");
    assert_eq!((business[0], business.iter().sum::<u32>()), (19, 27));
    let earlier = counts("לפיתוח מנהיגות");
    assert_eq!(earlier.iter().sum::<u32>(), 33);
    assert_eq!(percentages(&earlier).unwrap()[0], 48);
    assert_eq!(
        figures(&d, question(&d, end, "ותק בארגון"), 1),
        Figures::NotRecoverable
    );
}

/// The tools slide compares with the mid-program questionnaire in one
/// figure, a rise of 22%, without the item, the base or the mid-program
/// figure: said beside each of its items and on that questionnaire.
#[test]
fn the_tools_slide_compares_with_the_mid_program_questionnaire_in_one_figure() {
    let d = stored_demo();
    let a = cohort(&d, "א").id;
    let end = end_questionnaire(&d, a).id;
    let tools = topic(&d, end, "כלים ומיומנויות");
    assert_eq!(tools.len(), 4);
    for q in tools {
        assert!(
            q.notes.contains("22%") && q.notes.contains("אמצע"),
            "{}",
            q.notes
        );
    }
    let mid: Vec<_> = instruments(&d, a, InstrumentKind::Questionnaire)
        .into_iter()
        .filter(|i| i.date.as_ref().map(|d| d.as_str()) == Some("2017-05"))
        .collect();
    assert_eq!(mid.len(), 1);
    assert!(mid[0].notes.contains("הכלים"), "{}", mid[0].notes);
    // Its figures are not in the report: nothing is stored for it.
    assert!(!d.questions.iter().any(|q| q.instrument == mid[0].id));
    assert_eq!((mid[0].responded, mid[0].rate), (None, None));
}

/// The companies named after the exposure question: 10 participants named
/// some; Creators 5, Cisco 3, Zen City 3, seven more once each, and 2 who
/// wrote of start-ups without names.
#[test]
fn the_companies_participants_named() {
    let d = stored_demo();
    let end = end_questionnaire(&d, cohort(&d, "א").id).id;
    let q = question(&d, end, "לחברות עסקיות");
    assert_eq!(printed(&d, q), vec![49, 42, 9]);
    let notes = &q.notes;
    assert!(notes.contains("10 משתתפים"), "{notes}");
    for named in [
        "חמישה ציינו את Creators",
        "שלושה את Cisco",
        "שלושה את Zen City",
    ] {
        assert!(notes.contains(named), "{named}: {notes}");
    }
    for once in [
        "ספקטורסנס",
        "אלתרנט",
        "המסלקה למסמכים",
        "IBM",
        "Easy Send",
        "CRMC",
        "תובנות",
    ] {
        assert!(notes.contains(once), "{once}: {notes}");
    }
    assert!(notes.contains("ועוד 2"), "{notes}");
}

/// The follow-up study the report plans: about 114 questionnaires (June
/// 2018), 22 interviews (June–July 2018), 2 observations (from December
/// 2017), for three cohorts of two programs, with no results given.
#[test]
fn the_follow_up_study_and_its_three_instruments() {
    let d = stored_demo();
    let a = cohort(&d, "א").id;
    let follow: Vec<&Instrument> = d
        .instruments
        .iter()
        .filter(|i| i.cohort == a && i.title.contains("מחקר המעקב"))
        .collect();
    let got: Vec<(InstrumentKind, Option<&str>, Option<u32>)> = follow
        .iter()
        .map(|i| (i.kind, i.date.as_ref().map(|d| d.as_str()), i.occasions))
        .collect();
    assert_eq!(
        got,
        vec![
            (InstrumentKind::Questionnaire, Some("2018-06"), Some(1)),
            (InstrumentKind::Interview, Some("2018-06"), Some(22)),
            (InstrumentKind::Observation, Some("2017-12"), Some(2)),
        ]
    );
    for i in &follow {
        // Nothing the report does not give: no respondents, rate or result.
        assert_eq!((i.invited, i.responded, i.rate), (None, None, None));
        assert!(i.notes.contains("שלושה מחזורים"), "{}", i.notes);
        assert!(!d.questions.iter().any(|q| q.instrument == i.id));
    }
    assert!(follow[0].notes.contains("114"));
    assert!(follow[1].notes.contains("יולי"));
}
