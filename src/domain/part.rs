//! The parts of an evaluation an evaluator adds, edits, deletes and moves
//! by hand (a form for each), and the rules each must keep whoever writes
//! it: a form, an import or the JSON form.

use super::{Cohort, Fault, Finding, Id, Instrument, PartialDate, Program, Recommendation};
use super::{SectorCount, Session};
use serde::{Deserialize, Serialize};

/// A kind of part of an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Program,
    Cohort,
    Meeting,
    Instrument,
    Finding,
    Recommendation,
}

keyed!(Part {
    Program => "program",
    Cohort => "cohort",
    Meeting => "meeting",
    Instrument => "instrument",
    Finding => "finding",
    Recommendation => "recommendation",
});

/// One stored part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Item {
    pub part: Part,
    pub id: Id,
}

/// Whether `end` comes before `start`, at the precision both have (2017 is
/// not before 2017-09).
pub fn before(end: &PartialDate, start: &PartialDate) -> bool {
    let (e, s) = (end.as_str(), start.as_str());
    let n = e.len().min(s.len());
    e[..n] < s[..n]
}

/// How many people the sectors count in all.
pub fn sum(sectors: &[SectorCount]) -> u32 {
    sectors.iter().map(|s| s.count).sum()
}

fn empty(text: &str) -> bool {
    text.trim().is_empty()
}

/// The faults of one part, each with the field it is in (named as in the
/// JSON form): what a form shows beside the field and the store refuses.
pub trait Faults {
    fn faults(&self) -> Vec<(&'static str, Fault)>;
}

impl Faults for Program {
    fn faults(&self) -> Vec<(&'static str, Fault)> {
        let mut f = vec![];
        if empty(&self.name) {
            f.push(("name", Fault::Empty));
        }
        f
    }
}

impl Faults for Cohort {
    fn faults(&self) -> Vec<(&'static str, Fault)> {
        let mut f = vec![];
        if empty(&self.label) {
            f.push(("label", Fault::Empty));
        }
        if let (Some(s), Some(e)) = (&self.start, &self.end)
            && before(e, s)
        {
            f.push((
                "end",
                Fault::EndsBeforeItStarts {
                    start: s.as_str().into(),
                    end: e.as_str().into(),
                },
            ));
        }
        if let Some(n) = self.participants
            && sum(&self.sectors) > n
        {
            f.push((
                "sectors",
                Fault::SectorsOver {
                    sum: sum(&self.sectors),
                    of: n,
                },
            ));
        }
        f
    }
}

impl Faults for Session {
    fn faults(&self) -> Vec<(&'static str, Fault)> {
        vec![]
    }
}

impl Faults for Instrument {
    fn faults(&self) -> Vec<(&'static str, Fault)> {
        let mut f = vec![];
        if empty(&self.title) {
            f.push(("title", Fault::Empty));
        }
        if let Some(rate) = self.rate.filter(|r| *r > 100) {
            f.push(("rate", Fault::RateOver(rate)));
        }
        if let (Some(invited), Some(responded)) = (self.invited, self.responded)
            && responded > invited
        {
            f.push(("responded", Fault::MoreResponded { responded, invited }));
        }
        if let Some(n) = self.responded
            && sum(&self.respondents) > n
        {
            f.push((
                "respondents",
                Fault::SectorsOver {
                    sum: sum(&self.respondents),
                    of: n,
                },
            ));
        }
        f
    }
}

impl Faults for Finding {
    fn faults(&self) -> Vec<(&'static str, Fault)> {
        let mut f = vec![];
        if empty(&self.area) {
            f.push(("area", Fault::Empty));
        }
        if empty(&self.statement) {
            f.push(("statement", Fault::Empty));
        }
        f
    }
}

impl Faults for Recommendation {
    fn faults(&self) -> Vec<(&'static str, Fault)> {
        let mut f = vec![];
        if empty(&self.text) {
            f.push(("text", Fault::Empty));
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<PartialDate> {
        Some(PartialDate::parse(s).unwrap())
    }

    #[test]
    fn an_end_before_its_start_is_found_at_the_precision_both_have() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert!(before(&d("2017-01"), &d("2017-09")));
        assert!(!before(&d("2017"), &d("2017-09")));
        assert!(!before(&d("2017-09-30"), &d("2017-09")));
        assert!(before(&d("2016-12-31"), &d("2017")));
    }

    #[test]
    fn a_cohorts_faults_name_their_fields() {
        let mut c = Cohort {
            id: 1,
            program: 1,
            label: " ".into(),
            ordinal: 1,
            start: date("2017-09"),
            end: date("2017-01"),
            participants: Some(10),
            sectors: vec![
                SectorCount {
                    sector: "א".into(),
                    count: 8,
                },
                SectorCount {
                    sector: "ב".into(),
                    count: 3,
                },
            ],
            notes: String::new(),
        };
        let fields: Vec<&str> = c.faults().iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, vec!["label", "end", "sectors"]);
        assert!(
            c.faults()
                .contains(&("sectors", Fault::SectorsOver { sum: 11, of: 10 }))
        );
        c.label = "ד".into();
        c.end = date("2017");
        c.sectors[1].count = 2;
        assert_eq!(c.faults(), vec![]);
        // Unknown participants: the sectors are not held to a number.
        c.participants = None;
        c.sectors[1].count = 90;
        assert_eq!(c.faults(), vec![]);
    }

    #[test]
    fn an_instruments_response_is_held_to_who_was_asked() {
        let mut i = Instrument {
            id: 1,
            cohort: 1,
            ordinal: 0,
            kind: super::super::InstrumentKind::Questionnaire,
            title: "שאלון".into(),
            date: None,
            occasions: None,
            invited: Some(30),
            responded: Some(31),
            rate: Some(101),
            respondents: vec![SectorCount {
                sector: "א".into(),
                count: 32,
            }],
            notes: String::new(),
        };
        let fields: Vec<&str> = i.faults().iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, vec!["rate", "responded", "respondents"]);
        i.responded = Some(30);
        i.rate = Some(100);
        i.respondents[0].count = 30;
        assert_eq!(i.faults(), vec![]);
    }
}
