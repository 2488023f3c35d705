//! What a report holds, read from the store: figures as the app shows
//! them (the stored counts, the answers' counts kept beside them, the
//! tables' own builders).

use super::findings::findings_section;
use super::{Block, Parts, Report, Say, Scope, Section};
use crate::analysis::survey::shown_rate;
use crate::domain::{Cohort, Id, Instrument, Phase};
use crate::interchange::tables::{self, Table};
use crate::store::marking::Dimension;
use crate::store::tables::DocumentSet;
use crate::store::{Store, StoreError};
use std::collections::HashMap;

/// The report of `scope`, in the words of `say`.
pub fn build(store: &Store, scope: Scope, say: &dyn Say) -> Result<Report, StoreError> {
    let w = say.report_words();
    let cohorts = store.cohorts()?;
    let chosen: Vec<&Cohort> = cohorts
        .iter()
        .filter(|c| scope == Scope::All || scope == Scope::Cohort(c.id))
        .collect();
    let programs = store.programs()?;
    let program = chosen
        .first()
        .and_then(|c| programs.iter().find(|p| p.id == c.program))
        .or(programs.first());
    let title = match program {
        Some(p) => format!("{} — {}", p.name, w.report),
        None => w.report.to_string(),
    };
    let subtitle = match scope {
        Scope::Cohort(_) => chosen
            .iter()
            .map(|c| say.cohort(&c.label))
            .collect::<Vec<_>>()
            .join(", "),
        Scope::All => w.all_cohorts.to_string(),
    };
    let mut instruments: HashMap<Id, (Instrument, String)> = HashMap::new();
    let mut sections = vec![];
    if let Some(p) = program
        && !p.description.is_empty()
    {
        sections.push(Section {
            title: p.name.clone(),
            blocks: vec![Block::Para(p.description.clone())],
        });
    }
    for c in &cohorts {
        for i in store.instruments_of(c.id)? {
            instruments.insert(i.id, (i, c.label.clone()));
        }
    }
    for c in &chosen {
        sections.push(cohort_section(store, c, say)?);
    }
    sections.push(findings_section(store, &chosen, &instruments, say)?);
    let t = say.table_words();
    let mut frequencies = vec![];
    if store.counts()?.codings > 0 {
        for by in [Dimension::Cohort, Dimension::Role] {
            frequencies.push(Block::Table(tables::by_column(store, &by, None, true, t)?));
        }
        sections.push(Section {
            title: w.code_frequencies.to_string(),
            blocks: frequencies,
        });
    }
    if let Some(table) = agreement(store, scope, t)? {
        sections.push(Section {
            title: w.agreement.to_string(),
            blocks: vec![Block::Table(table)],
        });
    }
    sections.push(recommendations_section(store, &cohorts, &chosen, say)?);
    Ok(Report {
        lang: say.tag(),
        rtl: say.rtl(),
        title,
        subtitle,
        sections,
        illustrative: w.illustrative.to_string(),
    })
}

/// The cohort: dates, participants by sector, meetings by kind and days,
/// the study tour, the instruments with their response rates.
fn cohort_section(store: &Store, c: &Cohort, say: &dyn Say) -> Result<Section, StoreError> {
    let w = say.report_words();
    let sessions = store.sessions_of(c.id)?;
    let instruments = store.instruments_of(c.id)?;
    let mut blocks = vec![Block::Facts(vec![
        (
            String::new(),
            say.dates(
                c.start.as_ref().map(|d| d.as_str()),
                c.end.as_ref().map(|d| d.as_str()),
            ),
        ),
        (String::new(), say.participants(c.participants)),
    ])];
    if !c.sectors.is_empty() {
        blocks.push(Block::Parts(Parts {
            title: w.participants_by_sector.to_string(),
            parts: c
                .sectors
                .iter()
                .map(|s| (s.sector.clone(), s.count))
                .collect(),
        }));
    }
    // Meetings by kind, with their days, as the cohort card counts them.
    let mut meetings = vec![];
    for (kind, m) in crate::analysis::compare::listed_meetings(&sessions) {
        let more = if m.more { "+" } else { "" };
        let days = if m.days > 0 {
            format!(" ({})", say.days(m.days))
        } else {
            String::new()
        };
        meetings.push((
            say.session_kind(kind).to_string(),
            format!("{}{more}{days}", m.count),
        ));
    }
    blocks.push(Block::Heading(w.meetings.to_string()));
    if meetings.is_empty() {
        blocks.push(Block::Para(w.none_recorded.to_string()));
    } else {
        blocks.push(Block::Facts(meetings));
    }
    let tours: Vec<String> = sessions
        .iter()
        .filter(|s| s.kind == crate::domain::SessionKind::StudyTour)
        .map(|s| {
            let mut parts = vec![];
            if let Some(d) = &s.date {
                parts.push(d.to_string());
            }
            if let Some(days) = s.days {
                parts.push(say.days(days));
            }
            for t in [&s.place, &s.subject] {
                if !t.is_empty() {
                    parts.push(t.clone());
                }
            }
            parts.join(" · ")
        })
        .collect();
    if !tours.is_empty() {
        blocks.push(Block::Heading(w.study_tour.to_string()));
        blocks.extend(tours.into_iter().map(Block::Para));
    }
    blocks.push(Block::Heading(w.instruments.to_string()));
    if instruments.is_empty() {
        blocks.push(Block::Para(w.none_recorded.to_string()));
    } else {
        let rows = instruments
            .iter()
            .map(|i| {
                let took_part = match (i.responded, shown_rate(i), i.invited) {
                    (Some(r), Some(rate), Some(inv)) => say.responded(r, inv, rate),
                    (Some(r), Some(rate), None) => say.responded_at(r, rate),
                    (Some(r), _, _) => say.took_part(r),
                    (None, _, _) => match i.occasions {
                        Some(o) if o > 1 => format!("{o}×"),
                        _ => String::new(),
                    },
                };
                let when = i.date.as_ref().map(|d| d.to_string()).unwrap_or_default();
                let head = [say.instrument_kind(i.kind).to_string(), when]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                let tail = [i.title.clone(), took_part]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" — ");
                (head, tail)
            })
            .collect();
        blocks.push(Block::Facts(rows));
    }
    if !c.notes.is_empty() {
        blocks.push(Block::Para(c.notes.clone()));
    }
    Ok(Section {
        title: say.cohort(&c.label),
        blocks,
    })
}

/// Agreement between the two coders the store compares (or its first
/// two), on the cohort's documents or on those both coded.
fn agreement(store: &Store, scope: Scope, w: &tables::Words) -> Result<Option<Table>, StoreError> {
    let coders = store.coders()?;
    if coders.len() < 2 {
        return Ok(None);
    }
    let (a, b) = store
        .agreement_pair()?
        .unwrap_or((coders[0].id, coders[1].id));
    let set = match scope {
        Scope::Cohort(c) => DocumentSet::Cohort(c),
        Scope::All => DocumentSet::Shared,
    };
    tables::agreement_table(store, set, a, b, w).map(Some)
}

/// The recommendations of the cohorts by phase, each with what became of
/// it in every later cohort of its program.
fn recommendations_section(
    store: &Store,
    cohorts: &[Cohort],
    chosen: &[&Cohort],
    say: &dyn Say,
) -> Result<Section, StoreError> {
    let w = say.report_words();
    let recs: Vec<_> = store
        .recommendations()?
        .into_iter()
        .filter(|r| chosen.iter().any(|c| c.id == r.cohort))
        .collect();
    let mut blocks = vec![];
    for phase in Phase::ALL {
        let here: Vec<_> = recs.iter().filter(|r| r.phase == *phase).collect();
        if here.is_empty() {
            continue;
        }
        blocks.push(Block::Heading(say.phase(*phase).to_string()));
        for r in here {
            blocks.push(Block::Para(format!("{}. {}", r.ordinal, r.text)));
            let own = cohorts.iter().find(|c| c.id == r.cohort);
            let mut fates = vec![];
            if !r.source.is_empty() {
                fates.push((w.made_by.to_string(), r.source.clone()));
            }
            for c in cohorts {
                let later = own.is_some_and(|o| o.program == c.program && c.ordinal > o.ordinal);
                if !later {
                    continue;
                }
                let (status, note) = r.fate_in(c.id);
                let said = if note.is_empty() {
                    say.uptake(status).to_string()
                } else {
                    format!("{} — {note}", say.uptake(status))
                };
                fates.push((format!("{} {}", w.fate_in, say.cohort(&c.label)), said));
            }
            if own.is_some_and(|o| {
                !cohorts
                    .iter()
                    .any(|c| c.program == o.program && c.ordinal > o.ordinal)
            }) {
                fates.push((w.fate_in.to_string(), w.not_yet.to_string()));
            }
            blocks.push(Block::Facts(fates));
        }
    }
    if recs.is_empty() {
        blocks.push(Block::Para(w.no_recommendations.to_string()));
    }
    Ok(Section {
        title: w.recommendations.to_string(),
        blocks,
    })
}
