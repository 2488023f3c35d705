//! Each part's form: its fields made from the part, and the part read back
//! from them, with a message for each field that does not hold (a value
//! that does not read, or a rule of the part it breaks).

use crate::domain::{
    Cohort, Faults, Finding, Id, Instrument, InstrumentKind, PartialDate, Phase, Program,
    Recommendation, SectorCount, Session, SessionKind,
};
use crate::lang::Lang;
use crate::tui::popups::{Field, Form, FormFor};

/// A part as a form edits it: what it was, with the form's values in.
#[derive(Debug, Clone, PartialEq)]
pub enum Draft {
    Program(Program),
    Cohort(Cohort),
    Meeting(Session),
    Instrument(Instrument),
    Finding(Finding),
    Recommendation(Recommendation),
}

/// The cohorts a finding or a recommendation may belong to, by label.
pub struct Cohorts<'a>(pub &'a [Cohort]);

impl Cohorts<'_> {
    fn field(&self, lang: Lang, cohort: Id) -> Field {
        let labels = self.0.iter().map(|c| lang.cohort(&c.label)).collect();
        let at = self.0.iter().position(|c| c.id == cohort).unwrap_or(0);
        Field::choice("cohort", lang.field("cohort"), labels, at)
    }

    fn chosen(&self, form: &Form) -> Id {
        let at = form.field("cohort").map_or(0, Field::chosen);
        self.0.get(at).map_or(0, |c| c.id)
    }
}

fn count_text(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

fn date_text(d: &Option<PartialDate>) -> String {
    d.as_ref()
        .map(|d| d.as_str().to_string())
        .unwrap_or_default()
}

/// Sectors as a field holds them: "name count, name count".
pub fn sectors_text(sectors: &[SectorCount]) -> String {
    sectors
        .iter()
        .map(|s| format!("{} {}", s.sector, s.count))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The form a part is edited in.
pub fn form_of(draft: &Draft, cohorts: &Cohorts, lang: Lang) -> Form {
    let f = |key| lang.field(key);
    let line = |key: &'static str, text: &str| Field::line(key, f(key), text);
    let date = |key: &'static str, d: &Option<PartialDate>| {
        line(key, &date_text(d)).hinted(lang.date_forms())
    };
    let count = |key: &'static str, n: Option<u32>| line(key, &count_text(n));
    let sectors = |key: &'static str, s: &[SectorCount]| {
        line(key, &sectors_text(s)).hinted(lang.sector_form())
    };
    let (purpose, part, new, fields) = match draft {
        Draft::Program(p) => (
            FormFor::Program(p.id),
            crate::domain::Part::Program,
            p.id == 0,
            vec![
                line("name", &p.name),
                line("name_en", &p.name_en),
                line("organisation", &p.organisation),
                line("description", &p.description),
            ],
        ),
        Draft::Cohort(c) => (
            FormFor::Cohort(c.id),
            crate::domain::Part::Cohort,
            c.id == 0,
            vec![
                line("label", &c.label),
                date("start", &c.start),
                date("end", &c.end),
                count("participants", c.participants),
                sectors("sectors", &c.sectors),
                line("notes", &c.notes),
            ],
        ),
        Draft::Meeting(s) => {
            let kinds = SessionKind::ALL
                .iter()
                .map(|k| lang.session_kind(*k).to_string())
                .collect();
            let at = SessionKind::ALL.iter().position(|k| *k == s.kind);
            (
                FormFor::Meeting {
                    cohort: s.cohort,
                    id: s.id,
                },
                crate::domain::Part::Meeting,
                s.id == 0,
                vec![
                    Field::choice("kind", f("kind"), kinds, at.unwrap_or(0)),
                    date("date", &s.date),
                    count("days", s.days),
                    count("meetings", s.meetings),
                    line("place", &s.place),
                    line("subject", &s.subject),
                    line("notes", &s.notes),
                ],
            )
        }
        Draft::Instrument(i) => {
            let kinds = InstrumentKind::ALL
                .iter()
                .map(|k| lang.instrument_kind(*k).to_string())
                .collect();
            let at = InstrumentKind::ALL.iter().position(|k| *k == i.kind);
            (
                FormFor::Instrument {
                    cohort: i.cohort,
                    id: i.id,
                },
                crate::domain::Part::Instrument,
                i.id == 0,
                vec![
                    Field::choice("kind", f("kind"), kinds, at.unwrap_or(0)),
                    line("title", &i.title),
                    date("date", &i.date),
                    count("occasions", i.occasions),
                    count("invited", i.invited),
                    count("responded", i.responded),
                    count("rate", i.rate),
                    sectors("respondents", &i.respondents),
                    line("notes", &i.notes),
                ],
            )
        }
        Draft::Finding(x) => (
            FormFor::Finding(x.id),
            crate::domain::Part::Finding,
            x.id == 0,
            vec![
                cohorts.field(lang, x.cohort),
                line("area", &x.area),
                line("statement", &x.statement),
            ],
        ),
        Draft::Recommendation(r) => {
            let phases = Phase::ALL
                .iter()
                .map(|p| lang.phase(*p).to_string())
                .collect();
            let at = Phase::ALL.iter().position(|p| *p == r.phase);
            (
                FormFor::Recommendation(r.id),
                crate::domain::Part::Recommendation,
                r.id == 0,
                vec![
                    cohorts.field(lang, r.cohort),
                    Field::choice("phase", f("phase"), phases, at.unwrap_or(0)),
                    line("text", &r.text),
                    line("source", &r.source),
                ],
            )
        }
    };
    Form::new(purpose, lang.form_title(part, new), fields)
}

/// Reads a form's values; each field that does not read is named with
/// its message.
struct Reader<'a> {
    form: &'a Form,
    lang: Lang,
    errors: Vec<(&'static str, String)>,
}

impl Reader<'_> {
    fn text(&self, key: &str) -> String {
        let raw = self.form.field(key).map_or("", Field::text);
        crate::text::sanitize(raw).trim().to_string()
    }

    fn fail(&mut self, key: &'static str, message: String) {
        if !self.errors.iter().any(|(k, _)| *k == key) {
            self.errors.push((key, message));
        }
    }

    fn count(&mut self, key: &'static str) -> Option<u32> {
        let t = self.text(key);
        if t.is_empty() {
            return None;
        }
        match t.parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                self.fail(key, self.lang.not_a_count().into());
                None
            }
        }
    }

    fn percent(&mut self, key: &'static str) -> Option<u32> {
        let t = self.text(key);
        match t.parse::<u32>() {
            _ if t.is_empty() => None,
            Ok(n) if n <= 100 => Some(n),
            _ => {
                self.fail(key, self.lang.not_a_percent().into());
                None
            }
        }
    }

    fn date(&mut self, key: &'static str) -> Option<PartialDate> {
        let t = self.text(key);
        if t.is_empty() {
            return None;
        }
        match PartialDate::parse(&t) {
            Ok(d) => Some(d),
            Err(_) => {
                self.fail(key, self.lang.date_forms().into());
                None
            }
        }
    }

    /// "name count, name count" (commas or semicolons between them).
    fn sectors(&mut self, key: &'static str) -> Vec<SectorCount> {
        let t = self.text(key);
        let mut out = vec![];
        for piece in t
            .split([',', ';', '،'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let read = piece
                .rsplit_once(char::is_whitespace)
                .and_then(|(name, n)| Some((name.trim(), n.parse::<u32>().ok()?)))
                .filter(|(name, _)| !name.is_empty());
            match read {
                Some((name, count)) => out.push(SectorCount {
                    sector: name.to_string(),
                    count,
                }),
                None => {
                    let message = self.lang.not_a_sector(piece);
                    self.fail(key, message);
                }
            }
        }
        out
    }

    fn chosen(&self, key: &str) -> usize {
        self.form.field(key).map_or(0, Field::chosen)
    }
}

/// The part the form says, from what it was; and the fields that do not
/// hold, each with its message (values that do not read first, then the
/// rules of the part).
pub fn read(
    form: &Form,
    was: &Draft,
    cohorts: &Cohorts,
    lang: Lang,
) -> (Draft, Vec<(&'static str, String)>) {
    let mut r = Reader {
        form,
        lang,
        errors: vec![],
    };
    let draft = match was {
        Draft::Program(p) => Draft::Program(Program {
            name: r.text("name"),
            name_en: r.text("name_en"),
            organisation: r.text("organisation"),
            description: r.text("description"),
            ..p.clone()
        }),
        Draft::Cohort(c) => Draft::Cohort(Cohort {
            label: r.text("label"),
            start: r.date("start"),
            end: r.date("end"),
            participants: r.count("participants"),
            sectors: r.sectors("sectors"),
            notes: r.text("notes"),
            ..c.clone()
        }),
        Draft::Meeting(s) => Draft::Meeting(Session {
            kind: SessionKind::ALL[r.chosen("kind").min(SessionKind::ALL.len() - 1)],
            date: r.date("date"),
            days: r.count("days"),
            meetings: r.count("meetings"),
            place: r.text("place"),
            subject: r.text("subject"),
            notes: r.text("notes"),
            ..s.clone()
        }),
        Draft::Instrument(i) => Draft::Instrument(Instrument {
            kind: InstrumentKind::ALL[r.chosen("kind").min(InstrumentKind::ALL.len() - 1)],
            title: r.text("title"),
            date: r.date("date"),
            occasions: r.count("occasions"),
            invited: r.count("invited"),
            responded: r.count("responded"),
            rate: r.percent("rate"),
            respondents: r.sectors("respondents"),
            notes: r.text("notes"),
            ..i.clone()
        }),
        Draft::Finding(f) => Draft::Finding(Finding {
            cohort: cohorts.chosen(form),
            area: r.text("area"),
            statement: r.text("statement"),
            ..f.clone()
        }),
        Draft::Recommendation(x) => Draft::Recommendation(Recommendation {
            cohort: cohorts.chosen(form),
            phase: Phase::ALL[r.chosen("phase").min(Phase::ALL.len() - 1)],
            text: r.text("text"),
            source: r.text("source"),
            ..x.clone()
        }),
    };
    let faults = match &draft {
        Draft::Program(p) => p.faults(),
        Draft::Cohort(c) => c.faults(),
        Draft::Meeting(s) => s.faults(),
        Draft::Instrument(i) => i.faults(),
        Draft::Finding(f) => f.faults(),
        Draft::Recommendation(x) => x.faults(),
    };
    for (key, fault) in faults {
        r.fail(key, lang.fault(&fault));
    }
    (draft, r.errors)
}

#[cfg(test)]
mod tests;
