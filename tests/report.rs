//! The evaluation report of the demo's cohorts: every figure recomputed
//! from the store, the SVG bars as wide as their counts, the page's
//! language and direction, and hostile text from the store made inert in
//! the HTML and the Markdown.

use std::collections::HashMap;
use tovana::domain::{Dataset, Figures};
use tovana::interchange::demo;
use tovana::interchange::report::{self, Block, Report, Scope};
use tovana::lang::Lang;
use tovana::store::Store;

fn store_of(d: &Dataset) -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::create(&dir.path().join("s.sqlite"), d).unwrap();
    (s, dir)
}

fn questions(r: &Report) -> Vec<&report::QuestionFigures> {
    r.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Question(q) => Some(q),
            _ => None,
        })
        .collect()
}

#[test]
fn every_figure_of_each_cohorts_report_is_the_stores() {
    let d = demo();
    let (s, _dir) = store_of(&d);
    let segments: HashMap<_, _> = d.segments.iter().map(|x| (x.id, x.label.clone())).collect();
    for cohort in &d.cohorts {
        let r = report::build(&s, Scope::Cohort(cohort.id), &Lang::En).unwrap();
        assert!(r.subtitle.contains(&cohort.label), "{}", r.subtitle);
        // The questions its findings cite, in order, each segment's figures
        // as stored.
        let cited: Vec<_> = d
            .findings
            .iter()
            .filter(|f| f.cohort == cohort.id)
            .flat_map(|f| f.evidence.questions.clone())
            .collect();
        let drawn = questions(&r);
        assert_eq!(drawn.len(), cited.len(), "cohort {}", cohort.label);
        for (q, id) in drawn.iter().zip(&cited) {
            let question = d.questions.iter().find(|x| x.id == *id).unwrap();
            assert_eq!(q.wording, question.wording);
            let results: Vec<_> = d.results.iter().filter(|r| r.question == *id).collect();
            assert_eq!(q.rows.len(), results.len(), "{}", q.wording);
            for (row, result) in q.rows.iter().zip(&results) {
                assert_eq!(row.label, segments[&result.segment]);
                match &result.figures {
                    Figures::Counts { counts } => {
                        let n: u32 = counts.iter().sum();
                        assert_eq!(row.n, Some(n));
                        let shares = row.shares.as_ref().unwrap();
                        for (share, count) in shares.iter().zip(counts) {
                            let expected = 100.0 * f64::from(*count) / f64::from(n);
                            assert!((share.unwrap() - expected).abs() < 1e-9);
                            assert!(row.figures.contains(&count.to_string()));
                        }
                    }
                    Figures::Percentages { percents } => {
                        assert_eq!(row.n, None);
                        for p in percents.iter().flatten() {
                            assert!(row.figures.contains(&format!("{p}%")), "{}", row.figures);
                        }
                    }
                    Figures::TopBox { n, count } => {
                        assert_eq!(row.n, Some(*n));
                        assert!(row.shares.is_none());
                        assert!(row.figures.contains(&format!("{count}/{n}")));
                    }
                    Figures::ReportedShare { percent } => {
                        assert!(row.figures.contains(&format!("{percent}%")));
                    }
                    Figures::NotRecoverable => {
                        assert!(row.shares.is_none());
                        assert!(row.figures.contains("not recoverable"), "{}", row.figures);
                    }
                }
            }
        }
        // The cohort's participants by sector, as stored.
        let parts: Vec<_> = r
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Parts(p) => Some(p.parts.clone()),
                _ => None,
            })
            .collect();
        let stored: Vec<(String, u32)> = cohort
            .sectors
            .iter()
            .map(|x| (x.sector.clone(), x.count))
            .collect();
        if stored.is_empty() {
            assert!(parts.is_empty());
        } else {
            assert_eq!(parts, vec![stored]);
        }
        // Its recommendations, each once.
        let text = report::markdown(&r);
        for rec in d.recommendations.iter().filter(|x| x.cohort == cohort.id) {
            let first_words: String = rec.text.chars().take(20).collect();
            assert!(
                text.contains(&first_words.replace('*', "\\*")),
                "{first_words}"
            );
        }
    }
}

/// The widths of the option rectangles of the `nth` bar in the page, by
/// option.
fn bar_widths(html: &str, nth: usize) -> Vec<(usize, f64)> {
    let table = html.split("<td class=\"bar\">").nth(nth + 1).unwrap();
    let bar = &table[..table.find("</svg>").unwrap()];
    bar.split("<rect class=\"option\"")
        .skip(1)
        .map(|r| {
            let attr = |name: &str| {
                let at = r.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                r[at..at + r[at..].find('"').unwrap()].to_string()
            };
            (
                attr("data-option").parse().unwrap(),
                attr("width").parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_bars_segments_are_as_wide_as_their_counts() {
    let d = demo();
    let (s, _dir) = store_of(&d);
    let r = report::build(&s, Scope::All, &Lang::He).unwrap();
    let html = report::html(&r);
    let mut checked = 0;
    let mut nth = 0;
    for q in questions(&r) {
        for row in &q.rows {
            if let Some(shares) = &row.shares {
                let widths = bar_widths(&html, nth);
                let side = report::BAR_WIDTH / 2.0;
                for (option, width) in widths {
                    let share = shares[option].unwrap_or(0.0);
                    // Each part within a thousandth of a side of its share.
                    assert!(
                        (width / side * 100.0 - share).abs() <= 0.2,
                        "{}: option {option} {width} for {share}%",
                        q.wording
                    );
                }
                checked += 1;
            }
            nth += 1;
        }
    }
    assert!(checked > 10, "{checked} bars checked");
}

#[test]
fn the_page_says_its_language_and_direction_and_is_self_contained() {
    let (s, _dir) = store_of(&demo());
    let he = report::html(&report::build(&s, Scope::All, &Lang::He).unwrap());
    assert!(he.starts_with("<!DOCTYPE html>\n<html lang=\"he\" dir=\"rtl\">"));
    for outside in ["<script", "http://", "https://", "<link", "@import", "src="] {
        assert!(!he.contains(outside), "{outside}");
    }
    assert!(he.contains("@page { size: A4"));
    let en = report::html(&report::build(&s, Scope::All, &Lang::En).unwrap());
    assert!(en.contains("<html lang=\"en\" dir=\"ltr\">"));
    let md = report::markdown(&report::build(&s, Scope::All, &Lang::He).unwrap());
    assert!(md.starts_with("<div dir=\"rtl\">"));
    assert!(md.trim_end().ends_with("</div>"));
    // Code frequencies and recommendations as tables and lists.
    assert!(md.contains("| --- |"));
}

#[test]
fn hostile_text_in_the_store_appears_escaped_and_inert() {
    let mut d = demo();
    let evil = "<script>alert(1)</script><img src=x onerror=alert(2)> \u{202E}evil\u{1b}[2J *bold* | [x](javascript:alert(3))";
    d.findings[0].statement = evil.into();
    d.cohorts[0].notes = evil.into();
    d.codes[0].name = format!("קוד {evil}");
    d.recommendations[0].text = evil.into();
    let quote = d.quotes[0].id;
    d.findings[0].evidence.quotes = vec![quote];
    let doc = d.quotes[0].document;
    d.documents.iter_mut().find(|x| x.id == doc).unwrap().title = evil.into();
    let (s, _dir) = store_of(&d);
    for lang in [Lang::He, Lang::En] {
        let r = report::build(&s, Scope::Cohort(d.cohorts[0].id), &lang).unwrap();
        let html = report::html(&r);
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!html.contains("<script") && !html.contains("<img"));
        assert!(!html.contains('\u{202E}') && !html.contains('\u{1b}'));
        let md = report::markdown(&r);
        assert!(!md.contains("<script") && !md.contains("<img"), "{md}");
        // A link written in the data stays text: its brackets escaped.
        assert!(md.contains("\\[x\\](javascript"), "{md}");
        assert!(!md.contains(" [x]("), "a link made of data");
        assert!(!md.contains('\u{202E}') && !md.contains('\u{1b}'));
    }
}

/// The blocks of the section titled `title`.
fn section<'r>(r: &'r Report, title: &str) -> &'r [Block] {
    &r.sections
        .iter()
        .find(|s| s.title == title)
        .unwrap_or_else(|| panic!("no section {title}"))
        .blocks
}

#[test]
fn meetings_instruments_code_frequencies_and_agreement_are_recounted() {
    use std::collections::HashSet;
    let d = demo();
    let (s, _dir) = store_of(&d);
    for cohort in &d.cohorts {
        let r = report::build(&s, Scope::Cohort(cohort.id), &Lang::En).unwrap();
        let blocks = section(&r, &format!("Cohort \u{2068}{}\u{2069}", cohort.label));
        let facts: Vec<&(String, String)> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Facts(f) => Some(f),
                _ => None,
            })
            .flatten()
            .collect();
        // Participants as stored.
        if let Some(n) = cohort.participants {
            assert!(facts.iter().any(|f| f.1.contains(&n.to_string())));
        }
        // Each instrument, with how many responded where the store says.
        for i in d.instruments.iter().filter(|i| i.cohort == cohort.id) {
            let line = facts
                .iter()
                .find(|f| f.1.starts_with(&i.title))
                .unwrap_or_else(|| panic!("{} in {facts:?}", i.title));
            if let Some(responded) = i.responded {
                assert!(line.1.contains(&responded.to_string()), "{line:?}");
            }
        }
        // Meetings of each kind not counted inside another: their number.
        let sessions: Vec<_> = d
            .sessions
            .iter()
            .filter(|x| x.cohort == cohort.id)
            .collect();
        for kind in tovana::domain::SessionKind::ALL {
            let own: Vec<_> = sessions
                .iter()
                .filter(|x| x.kind == *kind && x.within.is_none())
                .collect();
            if own.is_empty() {
                continue;
            }
            // Meetings unknown count nothing (and put a "+" after).
            let count: u32 = own.iter().filter_map(|x| x.meetings).sum();
            let label = report::Say::session_kind(&Lang::En, *kind);
            let line = facts
                .iter()
                .find(|f| f.0 == label)
                .unwrap_or_else(|| panic!("{label} in {facts:?}"));
            assert!(line.1.starts_with(&count.to_string()), "{label}: {line:?}");
        }
    }
    // Code frequencies by cohort: each cohort's distinct coded quotes of a
    // code and its descendants, counted from the codings.
    let r = report::build(&s, Scope::All, &Lang::En).unwrap();
    let tables: Vec<&tovana::interchange::tables::Table> = section(&r, "Code frequencies")
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 2, "by cohort and by role");
    let by_cohort = tables[0];
    let doc_cohort: HashMap<_, _> = d.documents.iter().map(|x| (x.id, x.cohort)).collect();
    let quote_cohort: HashMap<_, _> = d
        .quotes
        .iter()
        .map(|q| (q.id, doc_cohort[&q.document]))
        .collect();
    let descendants = |code: i64| {
        let mut all = vec![code];
        let mut i = 0;
        while i < all.len() {
            let c = all[i];
            all.extend(d.codes.iter().filter(|x| x.parent == Some(c)).map(|x| x.id));
            i += 1;
        }
        all
    };
    let mut checked = 0;
    for row in &by_cohort.rows {
        let Some(code) = d.codes.iter().find(|c| c.name == row.label.trim()) else {
            continue;
        };
        let codes = descendants(code.id);
        for (col, cohort) in d
            .cohorts
            .iter()
            .filter(|c| d.documents.iter().any(|x| x.cohort == c.id))
            .enumerate()
        {
            let quotes: HashSet<i64> = d
                .codings
                .iter()
                .filter(|g| codes.contains(&g.code) && quote_cohort[&g.quote] == cohort.id)
                .map(|g| g.quote)
                .collect();
            let shown: usize = row.cells[col].text.trim().parse().unwrap_or(0);
            assert_eq!(shown, quotes.len(), "{} in {}", code.name, cohort.label);
            checked += 1;
        }
    }
    assert!(checked > 10, "{checked} cells");
    // Two coders in the demo: their agreement is in the report.
    assert!(d.coders.len() >= 2);
    assert!(
        r.sections
            .iter()
            .any(|s| s.title == "Agreement between two coders")
    );
}
