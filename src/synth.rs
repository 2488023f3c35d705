//! Stores of any size, made up from a seed: what the scale benchmark and the
//! tests at scale run on. The same seed and size give the same store.
//!
//! The shape follows the real case at a national program's scale: cohorts
//! with meetings and questionnaires whose questions have results per
//! segment; focus groups and interviews as Hebrew transcripts of speaker
//! turns with roles, each turn a quote; a three-level codebook; codings by
//! three coders, some documents coded by two of them (agreeing mostly, not
//! always); findings citing questions and codes; recommendations. Two
//! documents test the reader's limits: a transcript of 50,000 characters
//! with 2,000 coded spans, and a single line of about 10 MB.
//!
//! The words are a small vocabulary of the field, with the one-letter
//! prefixes Hebrew glues on, some numbers and some Latin product names, so
//! that search, folding and the bidi layout meet what real data brings.
//! Depends on `domain` only.

use crate::domain::{
    Code, Coder, Coding, Cohort, Dataset, Document, DocumentKind, Evidence, Figures, Finding, Id,
    Instrument, InstrumentKind, PartialDate, Phase, Program, Question, Quote, Recommendation,
    ResultSet, Scale, ScaleOption, SectorCount, Segment, Session, SessionKind, Uptake, Valence,
};

/// How much to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub cohorts: usize,
    /// Transcripts of ordinary length, sharing `quotes` between them.
    pub transcripts: usize,
    /// Quotes in the ordinary transcripts (the long ones come on top).
    pub quotes: usize,
    pub codes: usize,
    pub codings: usize,
    pub questions: usize,
    pub findings: usize,
    pub recommendations: usize,
    /// The 50,000-character transcript with 2,000 coded spans, and the
    /// single line of about 10 MB.
    pub long_documents: bool,
}

impl Size {
    /// The national program at 200,000 quotes, and the same in
    /// proportion at any other count: a cohort per 10,000 quotes (two at
    /// least), a transcript per 100 quotes, half as many codings as quotes,
    /// a question per 100 quotes, 150 codes.
    pub fn of_quotes(quotes: usize) -> Size {
        Size {
            cohorts: (quotes / 10_000).max(2),
            transcripts: (quotes / 100).max(1),
            quotes,
            codes: 150,
            codings: quotes / 2,
            questions: (quotes / 100).max(10),
            findings: (quotes * 3 / 2_000).max(5),
            recommendations: (quotes * 3 / 2_000).max(5),
            long_documents: true,
        }
    }
}

/// A small, fast and seeded generator (SplitMix64): the figures only need
/// to be the same from run to run, not random in any stronger sense.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "רשות",
    "תושבים",
    "שירות",
    "דיגיטלי",
    "מפגש",
    "קבוצה",
    "מנהלת",
    "עובדים",
    "תהליך",
    "שינוי",
    "מערכת",
    "נתונים",
    "טפסים",
    "אתר",
    "פנייה",
    "תור",
    "עירייה",
    "מועצה",
    "אגף",
    "מחלקה",
    "פרויקט",
    "הטמעה",
    "הדרכה",
    "למידה",
    "סיור",
    "משרד",
    "ממשלה",
    "תקציב",
    "שותפים",
    "הנהלה",
    "ראש",
    "צוות",
    "כלים",
    "ידע",
    "מיומנויות",
    "מנהיגות",
    "חדשנות",
    "ניסוי",
    "משוב",
    "שאלון",
    "תוכנית",
    "מחזור",
    "עמיתים",
    "רשת",
    "קשר",
    "זמן",
    "עומס",
    "תמיכה",
    "אמון",
    "פשוט",
    "מהיר",
    "נגיש",
    "ברור",
    "קשה",
    "חשוב",
    "חדש",
    "ישן",
    "גדול",
    "קטן",
    "טוב",
    "יותר",
    "פחות",
    "מאוד",
    "עדיין",
    "כבר",
    "אחרי",
    "לפני",
    "בזמן",
    "היום",
    "מחר",
    "אנחנו",
    "הם",
    "היא",
    "הוא",
    "אני",
    "שלנו",
    "שלהם",
    "עשינו",
    "ניסינו",
    "הצלחנו",
    "למדנו",
    "ראינו",
    "הבנו",
    "רצינו",
    "צריך",
    "אפשר",
    "חייבים",
    "מרגישים",
    "חושבים",
    "אומרים",
    "מבקשים",
    "מציעים",
    "בונים",
    "מודדים",
    "משפרים",
    "מחברים",
    "פותחים",
];

const PREFIXES: &[&str] = &["ו", "ה", "ב", "ל", "מ", "ש", "וה", "שה", "מה", "וב", "כש"];

const LATIN: &[&str] = &[
    "Excel", "WhatsApp", "GIS", "CRM", "Zoom", "API", "UX", "Agile",
];

const ROLES: &[&str] = &["משתתף", "משתתפת", "מנחה", "רכזת", "מנהל אגף", "נציגת משרד"];

const SECTORS: &[&str] = &["שלטון מקומי", "משרדי ממשלה", "חברה אזרחית"];

const COLOURS: &[&str] = &[
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf",
];

const LABELS: &[&str] = &[
    "א", "ב", "ג", "ד", "ה", "ו", "ז", "ח", "ט", "י", "יא", "יב", "יג", "יד", "טו", "טז", "יז",
    "יח", "יט", "כ",
];

/// One sentence of `words` words, ending in a full stop or a question mark.
fn sentence(r: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        match r.below(100) {
            0..=2 => s.push_str(r.pick(LATIN)),
            3..=4 => s.push_str(&(r.below(300) + 1).to_string()),
            5..=34 => {
                s.push_str(r.pick(PREFIXES));
                s.push_str(r.pick(WORDS));
            }
            _ => s.push_str(r.pick(WORDS)),
        }
    }
    s.push(if r.chance(15) { '?' } else { '.' });
    s
}

/// A speaker's turn: one to four sentences, about 250 characters on the
/// whole.
fn turn(r: &mut Rng) -> String {
    let n = 1 + r.below(4);
    (0..n)
        .map(|_| {
            let words = 5 + r.below(16);
            sentence(r, words)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Makes the store: the same `seed` and `size`, the same store.
pub fn generate(seed: u64, size: Size) -> Dataset {
    let mut r = Rng(seed);
    let mut d = Dataset::default();
    d.programs.push(Program {
        id: 1,
        name: "תוכנית לאומית להובלת שינוי דיגיטלי".into(),
        name_en: "A national digital change program".into(),
        organisation: "מטה התוכנית".into(),
        description: sentence(&mut r, 20),
    });
    d.segments = vec![
        Segment {
            id: 1,
            label: "כלל המשיבים".into(),
            description: String::new(),
        },
        Segment {
            id: 2,
            label: "שלטון מקומי".into(),
            description: String::new(),
        },
        Segment {
            id: 3,
            label: "משרדי ממשלה".into(),
            description: String::new(),
        },
    ];
    let options = |labels: &[(&str, Valence)]| -> Vec<ScaleOption> {
        labels
            .iter()
            .map(|(l, v)| ScaleOption {
                label: (*l).into(),
                valence: *v,
            })
            .collect()
    };
    use Valence::{Negative, Neutral, Positive};
    d.scales = vec![
        Scale {
            id: 1,
            name: "מידה".into(),
            options: options(&[
                ("בכלל לא", Negative),
                ("במידה מועטה", Negative),
                ("במידה בינונית", Neutral),
                ("במידה רבה", Positive),
                ("במידה רבה מאוד", Positive),
            ]),
        },
        Scale {
            id: 2,
            name: "הסכמה".into(),
            options: options(&[("לא מסכים/ה", Negative), ("מסכים/ה", Positive)]),
        },
    ];
    cohorts(&mut r, &mut d, size);
    codebook(&mut r, &mut d, size);
    d.coders = ["ראשונה", "שני", "שלישית"]
        .iter()
        .enumerate()
        .map(|(i, n)| Coder {
            id: i as Id + 1,
            name: (*n).into(),
        })
        .collect();
    transcripts(&mut r, &mut d, size);
    if size.long_documents {
        long_documents(&mut r, &mut d);
    }
    codings(&mut r, &mut d, size);
    findings(&mut r, &mut d, size);
    d
}

fn cohorts(r: &mut Rng, d: &mut Dataset, size: Size) {
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
            });
        }
        let invited = participants;
        let responded = invited - r.below(8) as u32;
        let instrument = d.instruments.len() as Id + 1;
        d.instruments.push(Instrument {
            id: instrument,
            cohort: id,
            kind: InstrumentKind::Questionnaire,
            title: "שאלון הסיום".into(),
            date: PartialDate::parse(&format!("{year}-09")).ok(),
            occasions: Some(1),
            invited: Some(invited),
            responded: Some(responded),
            respondents: vec![],
            notes: String::new(),
        });
        d.instruments.push(Instrument {
            id: instrument + 1,
            cohort: id,
            kind: InstrumentKind::FocusGroup,
            title: "קבוצות מיקוד".into(),
            date: PartialDate::parse(&format!("{year}-08")).ok(),
            occasions: Some(3),
            invited: None,
            responded: None,
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

fn codebook(r: &mut Rng, d: &mut Dataset, size: Size) {
    // Ten themes, each with four sub-themes, and the rest as leaves under
    // the sub-themes in turn: three levels.
    let top = 10.min(size.codes);
    let mid = (top * 4).min(size.codes - top);
    let mut add = |d: &mut Dataset, parent: Option<Id>, name: String| {
        let id = d.codes.len() as Id + 1;
        d.codes.push(Code {
            id,
            parent,
            name,
            colour: COLOURS[id as usize % COLOURS.len()].into(),
            description: sentence(r, 8),
            memo: String::new(),
        });
        id
    };
    for t in 0..top {
        add(d, None, format!("{} {}", WORDS[t * 3], t + 1));
    }
    for m in 0..mid {
        let parent = (m % top) as Id + 1;
        add(
            d,
            Some(parent),
            format!("{} {}", WORDS[(m * 7) % WORDS.len()], m + 1),
        );
    }
    for l in 0..size.codes - top - mid {
        let parent = (top + l % mid.max(1)) as Id + 1;
        add(
            d,
            Some(parent),
            format!("{} {}", WORDS[(l * 11 + 5) % WORDS.len()], l + 1),
        );
    }
}

/// Adds a document of speaker turns, each turn a quote; returns its id.
fn add_transcript(
    d: &mut Dataset,
    cohort: Id,
    instrument: Option<Id>,
    title: String,
    turns: Vec<(String, String)>,
) -> Id {
    let id = d.documents.len() as Id + 1;
    let mut text = String::new();
    let mut at = 0u32;
    for (i, (role, said)) in turns.iter().enumerate() {
        if i > 0 {
            text.push('\n');
            at += 1;
        }
        let label = format!("{role}: ");
        text.push_str(&label);
        at += label.chars().count() as u32;
        let start = at;
        text.push_str(said);
        at += said.chars().count() as u32;
        d.quotes.push(Quote {
            id: d.quotes.len() as Id + 1,
            document: id,
            start,
            end: at,
            role: role.clone(),
        });
    }
    d.documents.push(Document {
        id,
        cohort,
        instrument,
        kind: DocumentKind::Transcript,
        title,
        text,
        illustrative: true,
        notes: String::new(),
    });
    id
}

fn transcripts(r: &mut Rng, d: &mut Dataset, size: Size) {
    let per = size.quotes / size.transcripts;
    let extra = size.quotes % size.transcripts;
    for t in 0..size.transcripts {
        let cohort = (t % size.cohorts) as Id + 1;
        let instrument = Some(cohort * 2);
        let n = per + usize::from(t < extra);
        let turns = (0..n)
            .map(|_| (r.pick(ROLES).to_string(), turn(r)))
            .collect();
        let title = format!("קבוצת מיקוד {} — {}", t + 1, r.pick(WORDS));
        add_transcript(d, cohort, instrument, title, turns);
    }
}

fn long_documents(r: &mut Rng, d: &mut Dataset) {
    // 2,000 turns of about 20 characters: 50,000 characters or so.
    let turns = (0..2_000)
        .map(|i| {
            let role = if i % 2 == 0 {
                "מנחה"
            } else {
                "משתתפת"
            };
            (role.to_string(), sentence(r, 3))
        })
        .collect();
    add_transcript(d, 1, Some(2), "תמליל ארוך".into(), turns);
    // About 10 MB on one line, with a quote at its start, middle and end.
    let id = d.documents.len() as Id + 1;
    let mut text = String::with_capacity(10_500_000);
    while text.len() < 10_000_000 {
        text.push_str(&sentence(r, 12));
        text.push(' ');
    }
    let len = text.chars().count() as u32;
    for start in [0, len / 2, len - 200] {
        d.quotes.push(Quote {
            id: d.quotes.len() as Id + 1,
            document: id,
            start,
            end: start + 150,
            role: String::new(),
        });
    }
    d.documents.push(Document {
        id,
        cohort: 1,
        instrument: None,
        kind: DocumentKind::FieldNotes,
        title: "רשימות שדה בשורה אחת".into(),
        text,
        illustrative: true,
        notes: String::new(),
    });
}

fn codings(r: &mut Rng, d: &mut Dataset, size: Size) {
    use std::collections::HashSet;
    let leaves: Vec<Id> = d
        .codes
        .iter()
        .filter(|c| !d.codes.iter().any(|k| k.parent == Some(c.id)))
        .map(|c| c.id)
        .collect();
    let codes: Vec<Id> = if leaves.is_empty() {
        d.codes.iter().map(|c| c.id).collect()
    } else {
        leaves
    };
    if codes.is_empty() {
        return;
    }
    let mut seen: HashSet<(Id, Id, Id)> = HashSet::new();
    let mut add = |d: &mut Dataset, quote: Id, code: Id, coder: Id| {
        if seen.insert((quote, code, coder)) {
            let n = d.codings.len();
            d.codings.push(Coding {
                id: n as Id + 1,
                quote,
                code,
                coder,
                memo: String::new(),
                created: format!(
                    "2026-0{}-{:02}T{:02}:{:02}:{:02}Z",
                    1 + n % 9,
                    1 + n % 28,
                    n % 24,
                    n % 60,
                    (n / 60) % 60
                ),
            });
        }
    };
    // The long transcript: each of its 2,000 turns coded once.
    if size.long_documents {
        let long = d.documents.len() as Id - 1;
        let spans: Vec<Id> = d
            .quotes
            .iter()
            .filter(|q| q.document == long)
            .map(|q| q.id)
            .collect();
        for q in spans {
            let code = r.pick(&codes);
            add(d, q, code, 1);
        }
    }
    // Quotes are taken in a shuffled order until the count asked for is
    // reached (the long transcript's codings count towards it). A quote
    // taken carries a coding of its document's first coder, a second code
    // one time in four; every fourth document is coded again by the next
    // coder, who agrees four times in five.
    let target = size.codings.max(d.codings.len());
    let mut ordinary: Vec<(Id, Id)> = d
        .quotes
        .iter()
        .filter(|q| (q.document as usize) <= size.transcripts)
        .map(|q| (q.id, q.document))
        .collect();
    for i in (1..ordinary.len()).rev() {
        ordinary.swap(i, r.below(i + 1));
    }
    for (quote, document) in ordinary {
        if d.codings.len() >= target {
            break;
        }
        let first = (document % 3) + 1;
        let code = r.pick(&codes);
        add(d, quote, code, first);
        if r.chance(25) {
            let other = r.pick(&codes);
            add(d, quote, other, first);
        }
        if document % 4 == 0 {
            let second = first % 3 + 1;
            let theirs = if r.chance(80) { code } else { r.pick(&codes) };
            add(d, quote, theirs, second);
        }
    }
    d.codings.truncate(target);
}

fn findings(r: &mut Rng, d: &mut Dataset, size: Size) {
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
            evidence: Evidence { questions, codes },
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
            uptake: r.pick(&uptakes),
            uptake_note: String::new(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_store_is_valid_and_has_the_size_asked_for() {
        let size = Size {
            long_documents: false,
            ..Size::of_quotes(2_000)
        };
        let d = generate(7, size);
        assert_eq!(d.validate(), Vec::<String>::new());
        assert_eq!(d.quotes.len(), 2_000);
        assert_eq!(d.documents.len(), 20);
        assert_eq!(d.codes.len(), 150);
        assert_eq!(d.codings.len(), 1_000);
        assert_eq!(d.questions.len(), 20);
        // Three levels of codes.
        let depth = |code: &Code| {
            let mut c = code;
            let mut n = 0;
            while let Some(p) = c.parent {
                c = d.codes.iter().find(|k| k.id == p).unwrap();
                n += 1;
            }
            n
        };
        assert_eq!(d.codes.iter().map(depth).max(), Some(2));
        // Every coder codes, and some quotes carry two coders' codings.
        for coder in 1..=3 {
            assert!(d.codings.iter().any(|c| c.coder == coder));
        }
        let mut by_quote = std::collections::HashMap::<Id, Vec<Id>>::new();
        for c in &d.codings {
            by_quote.entry(c.quote).or_default().push(c.coder);
        }
        assert!(
            by_quote
                .values()
                .any(|v| v.iter().collect::<std::collections::HashSet<_>>().len() == 2)
        );
        // Each quote's text is what follows its role's label.
        let doc = &d.documents[0];
        let q = &d.quotes[0];
        let before = crate::domain::char_slice(&doc.text, 0, q.start as usize).unwrap();
        assert!(before.ends_with(&format!("{}: ", q.role)));
    }

    #[test]
    fn the_same_seed_makes_the_same_store_and_another_seed_another() {
        let size = Size {
            long_documents: false,
            ..Size::of_quotes(500)
        };
        assert_eq!(generate(1, size), generate(1, size));
        assert_ne!(generate(1, size).documents, generate(2, size).documents);
    }

    #[test]
    fn the_long_documents_are_as_long_as_promised() {
        let d = generate(3, Size::of_quotes(200));
        assert_eq!(d.validate(), Vec::<String>::new());
        let long = &d.documents[d.documents.len() - 2];
        let chars = long.text.chars().count();
        assert!((40_000..=80_000).contains(&chars), "{chars}");
        let spans: Vec<&Quote> = d.quotes.iter().filter(|q| q.document == long.id).collect();
        assert_eq!(spans.len(), 2_000);
        assert!(
            spans
                .iter()
                .all(|q| d.codings.iter().any(|c| c.quote == q.id))
        );
        let line = d.documents.last().unwrap();
        assert!(line.text.len() >= 10_000_000 && !line.text.contains('\n'));
    }
}
