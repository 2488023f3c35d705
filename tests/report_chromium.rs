//! The report's page as a browser draws it: headless Chromium (installed
//! by `.ci/run`) prints each demo cohort's report to PDF (every page A4),
//! lays it out at the width of an A4 page's text (nothing wider than the
//! page), and takes a screenshot of its first page, kept beside the tests
//! as a reviewed file (`tests/golden/report-<cohort>.png`; written again
//! with `TOVANA_UPDATE_SCREENSHOTS=1`). Skipped, and said so, where no
//! Chromium is installed.

use std::path::{Path, PathBuf};
use std::process::Command;
use tovana::interchange::demo;
use tovana::interchange::report::{self, Scope};
use tovana::lang::Lang;
use tovana::store::Store;

fn chromium() -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome", "chrome"] {
        let found = Command::new("sh")
            .args(["-c", &format!("command -v {name}")])
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
        if let Some(path) = found.filter(|p| !p.is_empty()) {
            return Some(PathBuf::from(path));
        }
    }
    None
}

/// Chromium, headless, on `page` with `args`; its standard output.
fn run(browser: &Path, profile: &Path, args: &[&str], page: &Path) -> String {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every page's size in points, read from the PDF's page objects.
fn page_sizes(pdf: &[u8]) -> Vec<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/MediaBox")
        .filter_map(|(at, _)| {
            let rest = &text[at..];
            let open = rest.find('[')?;
            let close = rest.find(']')?;
            let n: Vec<f64> = rest[open + 1..close]
                .split_whitespace()
                .filter_map(|x| x.parse().ok())
                .collect();
            (n.len() == 4).then(|| (n[2] - n[0], n[3] - n[1]))
        })
        .collect()
}

/// A PNG's width and height, from its header.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[1..4], b"PNG");
    let be = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    (be(16), be(20))
}

/// What the test adds to a copy of the page (the page itself has no
/// script): how many elements reach past the page's width, and how wide
/// the document is, written into the title for `--dump-dom` to show.
const MEASURE: &str = r#"<script>
addEventListener('load', () => {
  const w = document.documentElement.clientWidth;
  let over = [];
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width > 0 && (r.right > w + 1 || r.left < -1)) over.push(e.tagName + '.' + e.className);
  }
  document.title = 'measured ' + document.documentElement.scrollWidth + ' ' + w + ' ' + over.length + ' ' + over.slice(0, 5).join(',');
});
</script>"#;

#[test]
fn each_cohorts_report_prints_on_a4_within_the_page_and_looks_as_reviewed() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no Chromium here (.ci/run installs it)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = demo();
    let store = Store::create(&dir.path().join("s.sqlite"), &d).unwrap();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for cohort in &d.cohorts {
        let r = report::build(&store, Scope::Cohort(cohort.id), &Lang::He).unwrap();
        let html = report::html(&r);
        let page = dir.path().join(format!("report-{}.html", cohort.id));
        std::fs::write(&page, &html).unwrap();
        let profile = dir.path().join(format!("profile-{}", cohort.id));

        // Printed: every page A4 (595 × 842 points).
        let pdf = dir.path().join(format!("report-{}.pdf", cohort.id));
        run(
            &browser,
            &profile,
            &[
                "--no-pdf-header-footer",
                &format!("--print-to-pdf={}", pdf.display()),
            ],
            &page,
        );
        let sizes = page_sizes(&std::fs::read(&pdf).unwrap());
        assert!(!sizes.is_empty(), "cohort {}: no pages", cohort.label);
        for (w, h) in &sizes {
            assert!(
                (w - 595.3).abs() < 1.5 && (h - 841.9).abs() < 1.5,
                "cohort {}: a page of {w} × {h} points",
                cohort.label
            );
        }

        // Laid out at the width of an A4 page's text (210 mm less the
        // margins, 182 mm: 688 CSS pixels), nothing reaches past it.
        let measured = dir.path().join(format!("measure-{}.html", cohort.id));
        std::fs::write(
            &measured,
            html.replace("</body>", &format!("{MEASURE}</body>")),
        )
        .unwrap();
        let dom = run(
            &browser,
            &profile,
            &["--window-size=688,1000", "--dump-dom"],
            &measured,
        );
        let title = dom
            .split("<title>")
            .nth(1)
            .and_then(|t| t.split("</title>").next())
            .unwrap_or_default();
        let fields: Vec<&str> = title.split_whitespace().collect();
        assert_eq!(fields.first(), Some(&"measured"), "{title}");
        let (scroll, width, over): (u32, u32, u32) = (
            fields[1].parse().unwrap(),
            fields[2].parse().unwrap(),
            fields[3].parse().unwrap(),
        );
        assert!(scroll <= width, "cohort {}: {title}", cohort.label);
        assert_eq!(over, 0, "cohort {}: {title}", cohort.label);

        // The first page as a screen shows it (A4 at 96 dpi), beside the
        // reviewed one.
        let shot = dir.path().join(format!("report-{}.png", cohort.id));
        run(
            &browser,
            &profile,
            &[
                "--window-size=794,1123",
                &format!("--screenshot={}", shot.display()),
            ],
            &page,
        );
        let png = std::fs::read(&shot).unwrap();
        assert_eq!(png_size(&png), (794, 1123));
        assert!(png.len() > 20_000, "a page with something on it");
        let kept = golden.join(format!("report-{}.png", cohort.label));
        if std::env::var_os("TOVANA_UPDATE_SCREENSHOTS").is_some() || !kept.exists() {
            std::fs::write(&kept, &png).unwrap();
        }
        assert_eq!(png_size(&std::fs::read(&kept).unwrap()), (794, 1123));
    }
}
