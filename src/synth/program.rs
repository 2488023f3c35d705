//! The program side of a made-up store: cohorts with their meetings,
//! questionnaires and results per segment; findings and recommendations.

use super::words::{LABELS, SECTORS, WORDS};
use super::{Rng, Size, sentence, turn};
use crate::domain::{
    Cohort, Dataset, Evidence, Fate, Figures, Finding, Id, Instrument, InstrumentKind, PartialDate,
    Phase, Question, Recommendation, ResultSet, SectorCount, Session, SessionKind, Uptake,
};

pub(super) fn cohorts(r: &mut Rng, d: &mut Dataset, size: Size) {
    let per_cohort = size.questions.div_ceil(size.cohorts);
    for c in 0..size.cohorts {
        let id = c as Id + 1;
        let year = 2010 + c as u16;
        let participants = 25 + r.below(20) as u32;
        let local = participants * 3 / 4;
        d.cohorts.push(Cohort {
            id,
            program: 1,
            label: LABELS
                .get(c)
                .map_or_else(|| format!("{}", c + 1), |l| (*l).to_string()),
            ordinal: c as u32 + 1,
            start: PartialDate::parse(&format!("{year}-01")).ok(),
            end: PartialDate::parse(&format!("{year}-09")).ok(),
            participants: Some(participants),
            sectors: vec![
                SectorCount {
                    sector: SECTORS[0].into(),
                    count: local,
                },
                SectorCount {
                    sector: SECTORS[1].into(),
                    count: participants - local,
                },
            ],
            notes: sentence(r, 12),
        });
        for (k, kind) in [
            SessionKind::InPerson,
            SessionKind::Online,
            SessionKind::StudyTour,
            SessionKind::Closing,
        ]
        .into_iter()
        .enumerate()
        {
            d.sessions.push(Session {
                id: d.sessions.len() as Id + 1,
                cohort: id,
                ordinal: k as u32 + 1,
                kind,
                date: PartialDate::parse(&format!("{year}-0{}", k + 2)).ok(),
                days: Some(1 + r.below(5) as u32),
                meetings: Some(1 + r.below(8) as u32),
                place: if kind == SessionKind::StudyTour {
                    "Tallinn".into()
                } else {
                    String::new()
                },
                subject: sentence(r, 6),
                notes: String::new(),
                within: None,
            });
        }
        let invited = participants;
        let responded = invited - r.below(8) as u32;
        let instrument = d.instruments.len() as Id + 1;
        d.instruments.push(Instrument {
            id: instrument,
            cohort: id,
            ordinal: 1,
            kind: InstrumentKind::Questionnaire,
            title: "שאלון הסיום".into(),
            date: PartialDate::parse(&format!("{year}-09")).ok(),
            occasions: Some(1),
            invited: Some(invited),
            responded: Some(responded),
            rate: None,
            respondents: vec![],
            notes: String::new(),
        });
        d.instruments.push(Instrument {
            id: instrument + 1,
            cohort: id,
            ordinal: 2,
            kind: InstrumentKind::FocusGroup,
            title: "קבוצות מיקוד".into(),
            date: PartialDate::parse(&format!("{year}-08")).ok(),
            occasions: Some(3),
            invited: None,
            responded: None,
            rate: None,
            respondents: vec![],
            notes: String::new(),
        });
        let first = d.questions.len();
        let count = per_cohort.min(size.questions - first.min(size.questions));
        for q in 0..count {
            let qid = d.questions.len() as Id + 1;
            let scale = if q % 5 == 4 { 2 } else { 1 };
            d.questions.push(Question {
                id: qid,
                instrument,
                ordinal: q as u32 + 1,
                topic: r.pick(WORDS).to_string(),
                wording: {
                    let words = 6 + r.below(8);
                    format!("באיזו מידה {}", sentence(r, words))
                },
                scale,
                item: format!("q{}", q + 1),
                notes: String::new(),
                kind: Default::default(),
                field: String::new(),
            });
            let options = if scale == 1 { 5 } else { 2 };
            // The whole, then the two segments whose counts add up to it.
            let local: Vec<u32> = (0..options).map(|_| r.below(12) as u32).collect();
            let central: Vec<u32> = (0..options).map(|_| r.below(4) as u32).collect();
            let all: Vec<u32> = local.iter().zip(&central).map(|(a, b)| a + b).collect();
            for (segment, counts) in [(1, all), (2, local), (3, central)] {
                d.results.push(ResultSet {
                    question: qid,
                    segment,
                    figures: Figures::Counts { counts },
                    notes: String::new(),
                });
            }
        }
    }
}

pub(super) fn findings(r: &mut Rng, d: &mut Dataset, size: Size) {
    let phases = [Phase::Before, Phase::During, Phase::Links, Phase::Other];
    let uptakes = [
        Uptake::TakenUp,
        Uptake::Partly,
        Uptake::Not,
        Uptake::Unknown,
    ];
    for f in 0..size.findings {
        let cohort = (f % size.cohorts) as Id + 1;
        let questions: Vec<Id> = d
            .questions
            .iter()
            .filter(|q| q.instrument == cohort * 2 - 1)
            .map(|q| q.id)
            .take(1 + r.below(3))
            .collect();
        let codes = (0..r.below(3))
            .map(|_| d.codes[r.below(d.codes.len().max(1))].id)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        d.findings.push(Finding {
            id: f as Id + 1,
            cohort,
            area: r.pick(WORDS).to_string(),
            ordinal: (f / size.cohorts) as u32 + 1,
            statement: turn(r),
            evidence: Evidence {
                questions,
                codes,
                quotes: vec![],
            },
        });
    }
    for k in 0..size.recommendations {
        let cohort = (k % size.cohorts) as Id + 1;
        d.recommendations.push(Recommendation {
            id: k as Id + 1,
            cohort,
            phase: r.pick(&phases),
            ordinal: (k / size.cohorts) as u32 + 1,
            text: {
                let words = 10 + r.below(15);
                sentence(r, words)
            },
            source: "צוות ההערכה".into(),
            // Judged in the next few cohorts, where there are any.
            fate: (cohort + 1..=(size.cohorts as Id).min(cohort + 3))
                .filter_map(|c| {
                    let status = r.pick(&uptakes);
                    (status != Uptake::Unknown).then(|| Fate {
                        cohort: c,
                        status,
                        note: String::new(),
                    })
                })
                .collect(),
        });
    }
}
