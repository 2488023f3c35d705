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
