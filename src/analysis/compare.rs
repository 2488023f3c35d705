//! Two cohorts side by side: the facts of each that a program team compares,
//! and which of them changed.

use crate::domain::{Cohort, Instrument, InstrumentKind, Session, SessionKind};
use std::collections::BTreeMap;

/// Meetings of one kind: how many (and whether the source adds an unknown
/// number more), and their days where known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Meetings {
    pub count: u32,
    pub more: bool,
    pub days: u32,
    /// Some of them are counted within meetings of another kind (a study
    /// tour among the program's meetings), not here.
    pub within: bool,
    /// How many of the kind's sessions are counted here (none when every
    /// one is counted within another).
    pub sessions: u32,
}

/// One kind of instrument: how many were held, and who responded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Instruments {
    pub count: u32,
    pub responded: Option<u32>,
    pub invited: Option<u32>,
    /// The response rate as shown (see `survey::shown_rate`).
    pub rate: Option<u32>,
}

/// What is compared of a cohort.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CohortFacts {
    pub participants: Option<u32>,
    pub sectors: Vec<(String, u32)>,
    pub meetings: BTreeMap<SessionKind, Meetings>,
    /// Where study tours went.
    pub tours: Vec<String>,
    pub instruments: BTreeMap<InstrumentKind, Instruments>,
    /// Instruments held after the cohort ended (a follow-up study), counted
    /// apart: they are not how the program was evaluated while it ran.
    pub after: u32,
}

/// One line of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Aspect {
    Participants,
    Sectors,
    Meetings(SessionKind),
    Tours,
    Instruments(InstrumentKind),
    After,
}

pub fn facts(cohort: &Cohort, sessions: &[Session], instruments: &[Instrument]) -> CohortFacts {
    let mut f = CohortFacts {
        participants: cohort.participants,
        sectors: cohort
            .sectors
            .iter()
            .map(|s| (s.sector.clone(), s.count))
            .collect(),
        ..Default::default()
    };
    f.meetings = meetings(sessions);
    f.tours = sessions
        .iter()
        .filter(|s| s.kind == SessionKind::StudyTour && !s.place.is_empty())
        .map(|s| s.place.clone())
        .collect();
    for i in instruments {
        if after_end(cohort, i) {
            f.after += 1;
            continue;
        }
        let e = f.instruments.entry(i.kind).or_default();
        e.count += i.occasions.unwrap_or(1);
        // The response of the instrument with the most respondents (the end
        // questionnaire rather than the mid-program one).
        if i.responded > e.responded {
            e.responded = i.responded;
            e.invited = i.invited;
            e.rate = super::survey::shown_rate(i);
        }
    }
    f
}

/// Whether the instrument was held after the cohort's end, at the
/// precision both dates have (an instrument of 2017 is not after 2017-09).
pub fn after_end(cohort: &Cohort, i: &Instrument) -> bool {
    let (Some(end), Some(date)) = (&cohort.end, &i.date) else {
        return false;
    };
    let (end, date) = (end.as_str(), date.as_str());
    let n = end.len().min(date.len());
    date[..n] > end[..n]
}

/// A cohort's meetings by kind, as its card and the comparison count them:
/// a session counted within another adds nothing but `within` to its kind.
pub fn meetings(sessions: &[Session]) -> BTreeMap<SessionKind, Meetings> {
    let mut by_kind: BTreeMap<SessionKind, Meetings> = BTreeMap::new();
    for s in sessions {
        let m = by_kind.entry(s.kind).or_default();
        if s.within.is_some() {
            m.within = true;
            continue;
        }
        m.sessions += 1;
        match s.meetings {
            Some(n) => m.count += n,
            None => m.more = true,
        }
        m.days += s.days.unwrap_or(0);
    }
    by_kind
}

/// The kinds of meeting a cohort's card and report list, in order, with
/// their counts: a kind whose every session is counted within another's
/// is left out.
pub fn listed_meetings(sessions: &[Session]) -> Vec<(SessionKind, Meetings)> {
    let by_kind = meetings(sessions);
    SessionKind::ALL
        .iter()
        .filter_map(|k| by_kind.get(k).filter(|m| m.sessions > 0).map(|m| (*k, *m)))
        .collect()
}

/// Every aspect either cohort has, in order, with whether it changed.
pub fn compare(a: &CohortFacts, b: &CohortFacts) -> Vec<(Aspect, bool)> {
    let mut rows = vec![
        (Aspect::Participants, a.participants != b.participants),
        (Aspect::Sectors, a.sectors != b.sectors),
    ];
    let kinds: std::collections::BTreeSet<SessionKind> = a
        .meetings
        .keys()
        .chain(b.meetings.keys())
        .copied()
        .collect();
    for k in kinds {
        rows.push((
            Aspect::Meetings(k),
            a.meetings.get(&k) != b.meetings.get(&k),
        ));
    }
    if !a.tours.is_empty() || !b.tours.is_empty() {
        rows.push((Aspect::Tours, a.tours != b.tours));
    }
    let kinds: std::collections::BTreeSet<InstrumentKind> = a
        .instruments
        .keys()
        .chain(b.instruments.keys())
        .copied()
        .collect();
    for k in kinds {
        rows.push((
            Aspect::Instruments(k),
            a.instruments.get(&k) != b.instruments.get(&k),
        ));
    }
    if a.after > 0 || b.after > 0 {
        rows.push((Aspect::After, a.after != b.after));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::SectorCount;

    fn session(
        kind: SessionKind,
        meetings: Option<u32>,
        days: Option<u32>,
        place: &str,
    ) -> Session {
        Session {
            id: 0,
            cohort: 1,
            ordinal: 1,
            kind,
            date: None,
            days,
            meetings,
            place: place.into(),
            subject: String::new(),
            notes: String::new(),
            within: None,
        }
    }

    fn cohort(participants: u32) -> Cohort {
        Cohort {
            id: 1,
            program: 1,
            label: "x".into(),
            ordinal: 1,
            start: None,
            end: None,
            participants: Some(participants),
            sectors: vec![SectorCount {
                sector: "s".into(),
                count: participants,
            }],
            notes: String::new(),
        }
    }

    #[test]
    fn nine_meetings_over_21_days_against_seven_two_day_meetings_and_a_tour() {
        let a = facts(
            &cohort(37),
            &[session(SessionKind::InPerson, Some(9), Some(21), "")],
            &[],
        );
        let mut c_sessions: Vec<Session> = (0..7)
            .map(|_| session(SessionKind::InPerson, Some(1), Some(2), ""))
            .collect();
        c_sessions.push(session(SessionKind::StudyTour, Some(1), Some(5), "דנמרק"));
        c_sessions.push(session(SessionKind::Online, None, None, "מקוון"));
        let c = facts(&cohort(40), &c_sessions, &[]);
        assert_eq!(
            a.meetings[&SessionKind::InPerson],
            Meetings {
                count: 9,
                more: false,
                days: 21,
                within: false,
                sessions: 1
            }
        );
        assert_eq!(
            c.meetings[&SessionKind::InPerson],
            Meetings {
                count: 7,
                more: false,
                days: 14,
                within: false,
                sessions: 7
            }
        );
        assert_eq!(c.tours, vec!["דנמרק".to_string()]);
        let rows = compare(&a, &c);
        let changed: Vec<&Aspect> = rows.iter().filter(|(_, ch)| *ch).map(|(a, _)| a).collect();
        assert!(changed.contains(&&Aspect::Participants));
        assert!(changed.contains(&&Aspect::Meetings(SessionKind::InPerson)));
        assert!(
            changed.contains(&&Aspect::Meetings(SessionKind::Online)),
            "online added"
        );
        assert!(changed.contains(&&Aspect::Tours));
        // A cohort against itself: nothing changed.
        assert!(compare(&c, &c).iter().all(|(_, ch)| !ch));
    }

    #[test]
    fn instruments_after_the_cohorts_end_are_counted_apart() {
        let date = |d: &str| Some(crate::domain::PartialDate::parse(d).unwrap());
        let mut a = cohort(37);
        a.end = date("2017-09");
        let held = |id, kind, when: &str, occasions| Instrument {
            id,
            cohort: 1,
            ordinal: 0,
            kind,
            title: String::new(),
            date: date(when),
            occasions: Some(occasions),
            invited: None,
            responded: None,
            rate: None,
            respondents: vec![],
            notes: String::new(),
        };
        let during = held(1, InstrumentKind::Interview, "2017-09", 6);
        let year = held(2, InstrumentKind::Interview, "2017", 1);
        let later = held(3, InstrumentKind::Interview, "2018-06", 22);
        let december = held(4, InstrumentKind::Observation, "2017-12", 2);
        assert!(!after_end(&a, &during));
        assert!(!after_end(&a, &year), "2017 may be before September's end");
        assert!(after_end(&a, &later) && after_end(&a, &december));
        let f = facts(&a, &[], &[during, year, later, december]);
        assert_eq!(f.instruments[&InstrumentKind::Interview].count, 7);
        assert!(!f.instruments.contains_key(&InstrumentKind::Observation));
        assert_eq!(f.after, 2);
        // A cohort without an end has nothing after it.
        let open = facts(
            &cohort(37),
            &[],
            &[held(5, InstrumentKind::Interview, "2030", 1)],
        );
        assert_eq!(open.after, 0);
        let rows = compare(&f, &open);
        assert!(rows.contains(&(Aspect::After, true)));
    }
}
