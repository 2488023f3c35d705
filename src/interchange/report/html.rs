//! A report as one self-contained HTML page: inline CSS and SVG, no
//! script and nothing fetched, `lang` and `dir` set, print styles for A4.
//! Every text from the store goes through [`escape`]: control characters
//! and bidi overrides taken out, markup characters written as entities.

use super::{Block, Parts, QuestionFigures, Report, ReportQuote, option_colours};
use crate::analysis::survey::diverging;
use crate::interchange::tables::Table;
use std::fmt::Write;

/// Columns of half a diverging bar in its layout: widths are exact to a
/// thousandth of a side.
const HALF: usize = 1000;
/// The width of a bar in the SVG's own units.
pub const BAR_WIDTH: f64 = 400.0;

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "Noto Sans Hebrew", "Noto Sans", "Arial Hebrew", "Segoe UI", "Arial",
       "David", "Liberation Sans", "DejaVu Sans", sans-serif;
       line-height: 1.5; color: #222; max-width: 178mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 15pt; border-bottom: 1px solid #999; padding-bottom: 1mm; margin-top: 8mm; }
h3 { font-size: 11.5pt; margin: 5mm 0 1mm; }
p, dd, li, td, th, figcaption, blockquote { overflow-wrap: anywhere; }
.subtitle { color: #555; margin: 0 0 6mm; }
.note { font-size: 9pt; color: #7a4b00; background: #fff6e0; padding: 1mm 2mm; }
.facts { margin: 1mm 0 3mm; }
.facts div { display: flex; gap: 3mm; }
.facts dt { font-weight: bold; min-width: 30mm; }
.facts dd { margin: 0; }
figure { margin: 2mm 0 4mm; }
figcaption { font-weight: bold; }
figcaption .source { font-weight: normal; color: #555; font-size: 9pt; display: block; }
.legend { list-style: none; padding: 0; margin: 1mm 0; display: flex; flex-wrap: wrap;
          gap: 1mm 4mm; font-size: 9pt; }
.swatch { display: inline-block; width: 3mm; height: 3mm; margin-inline-end: 1mm;
          border: 1px solid #777; vertical-align: middle; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 8.5pt; margin: 2mm 0; }
th, td { border: 1px solid #ccc; padding: 0.5mm 1mm; vertical-align: top; text-align: start; }
caption { font-weight: bold; text-align: start; padding: 1mm 0; }
table.bars td.bar { width: 45%; }
table.bars td.label { width: 20%; }
td.num { text-align: end; font-variant-numeric: tabular-nums; }
svg { display: block; width: 100%; height: auto; }
blockquote { margin: 1mm 0 2mm; padding: 1mm 3mm; border-inline-start: 3px solid #4393c3; }
blockquote p { margin: 0; }
blockquote footer { font-size: 9pt; color: #555; }
.illustrative { font-size: 8pt; color: #7a4b00; border: 1px solid #e6ab02; padding: 0 1mm; }
@page { size: A4; margin: 15mm 14mm; }
@media print {
  body { max-width: none; padding: 0; }
  section { break-before: page; }
  h2, h3, figcaption { break-after: avoid; }
  figure, tr, blockquote, .facts div, svg, .legend { break-inside: avoid; }
}
"#;

/// `text` safe inside HTML text or a quoted attribute.
pub fn escape(text: &str) -> String {
    let clean = crate::text::sanitize(text);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub fn html(r: &Report) -> String {
    let mut o = String::new();
    let dir = if r.rtl { "rtl" } else { "ltr" };
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n\
         <p class=\"subtitle\">{}</p>\n</header>\n",
        r.lang,
        escape(&r.title),
        escape(&r.title),
        escape(&r.subtitle)
    );
    for s in &r.sections {
        let _ = writeln!(o, "<section>\n<h2>{}</h2>", escape(&s.title));
        for b in &s.blocks {
            block(&mut o, b, &r.illustrative, r.rtl);
        }
        o.push_str("</section>\n");
    }
    o.push_str("</body>\n</html>\n");
    o
}

fn block(o: &mut String, b: &Block, illustrative: &str, rtl: bool) {
    match b {
        Block::Heading(t) => {
            let _ = writeln!(o, "<h3 dir=\"auto\">{}</h3>", escape(t));
        }
        Block::Para(t) => {
            let _ = writeln!(o, "<p dir=\"auto\">{}</p>", escape(t));
        }
        Block::Note(t) => {
            let _ = writeln!(o, "<p class=\"note\">{}</p>", escape(t));
        }
        Block::Facts(rows) => {
            o.push_str("<dl class=\"facts\">\n");
            for (label, value) in rows {
                if label.is_empty() {
                    let _ = writeln!(o, "<div><dd dir=\"auto\">{}</dd></div>", escape(value));
                } else {
                    let _ = writeln!(
                        o,
                        "<div><dt>{}</dt><dd dir=\"auto\">{}</dd></div>",
                        escape(label),
                        escape(value)
                    );
                }
            }
            o.push_str("</dl>\n");
        }
        Block::Parts(p) => parts(o, p, rtl),
        Block::Question(q) => question(o, q),
        Block::Quotes(qs) => quotes(o, qs, illustrative),
        Block::Table(t) => table(o, t),
    }
}

/// A whole as one bar of its parts, each as wide as its share, the first
/// where the page's reading starts (on the right of a Hebrew page).
fn parts(o: &mut String, p: &Parts, rtl: bool) {
    let total: u32 = p.parts.iter().map(|x| x.1).sum();
    let _ = writeln!(
        o,
        "<figure class=\"parts\">\n<figcaption>{}</figcaption>",
        escape(&p.title)
    );
    let _ = writeln!(
        o,
        "<svg viewBox=\"0 0 {BAR_WIDTH} 16\" role=\"img\" aria-label=\"{}\">",
        escape(&p.title)
    );
    let mut x = 0.0;
    for (i, (label, n)) in p.parts.iter().enumerate() {
        if total == 0 {
            break;
        }
        let w = BAR_WIDTH * f64::from(*n) / f64::from(total);
        let at = if rtl { BAR_WIDTH - x - w } else { x };
        let _ = writeln!(
            o,
            "<rect class=\"part\" x=\"{at:.3}\" y=\"0\" width=\"{w:.3}\" height=\"16\" fill=\"{}\"><title>{}: {n}</title></rect>",
            super::PART_COLOURS[i % super::PART_COLOURS.len()],
            escape(label)
        );
        x += w;
    }
    o.push_str("</svg>\n<ul class=\"legend\">\n");
    for (i, (label, n)) in p.parts.iter().enumerate() {
        let _ = writeln!(
            o,
            "<li><span class=\"swatch\" style=\"background:{}\"></span><bdi>{}</bdi> {n}</li>",
            super::PART_COLOURS[i % super::PART_COLOURS.len()],
            escape(label)
        );
    }
    o.push_str("</ul>\n</figure>\n");
}

/// A question: its wording and source, the options' legend, and a row per
/// segment with its label, its diverging bar and its figures.
fn question(o: &mut String, q: &QuestionFigures) {
    let colours = option_colours(&q.options);
    let valences: Vec<_> = q.options.iter().map(|x| x.1).collect();
    let _ = writeln!(
        o,
        "<figure class=\"question\">\n<figcaption><span dir=\"auto\">{}</span><span class=\"source\">{}</span></figcaption>",
        escape(&q.wording),
        escape(&q.source)
    );
    // Left to right as the bars are, whatever the page's direction: the
    // negative options on the left.
    o.push_str("<ul class=\"legend\" dir=\"ltr\">\n");
    for ((label, _), colour) in q.options.iter().zip(&colours) {
        let _ = writeln!(
            o,
            "<li><span class=\"swatch\" style=\"background:{colour}\"></span><bdi>{}</bdi></li>",
            escape(label)
        );
    }
    o.push_str("</ul>\n<table class=\"bars\">\n");
    for row in &q.rows {
        let _ = write!(
            o,
            "<tr><td class=\"label\" dir=\"auto\">{}</td><td class=\"bar\">",
            escape(&row.label)
        );
        match &row.shares {
            Some(shares) => {
                let unit = BAR_WIDTH / 2.0 / HALF as f64;
                let _ = write!(
                    o,
                    "<svg viewBox=\"0 0 {BAR_WIDTH} 14\" role=\"img\" aria-label=\"{}\">",
                    escape(&row.figures)
                );
                for part in diverging(shares, &valences, HALF) {
                    let x = BAR_WIDTH / 2.0 + f64::from(part.start) * unit;
                    let w = f64::from(part.len) * unit;
                    let _ = write!(
                        o,
                        "<rect class=\"option\" data-option=\"{}\" x=\"{x:.3}\" y=\"0\" width=\"{w:.3}\" height=\"14\" fill=\"{}\"><title>{}</title></rect>",
                        part.option,
                        colours[part.option],
                        escape(&q.options[part.option].0)
                    );
                }
                let c = BAR_WIDTH / 2.0;
                let _ = write!(
                    o,
                    "<line x1=\"{c}\" y1=\"0\" x2=\"{c}\" y2=\"14\" stroke=\"#222\" stroke-width=\"1\"/></svg>"
                );
            }
            None => o.push('—'),
        }
        let n = row.n.map(|n| format!("n={n} · ")).unwrap_or_default();
        let notes = if row.notes.is_empty() {
            String::new()
        } else {
            format!(" · {}", escape(&row.notes))
        };
        let _ = writeln!(
            o,
            "</td><td class=\"figures\"><bdi>{n}{}</bdi>{notes}</td></tr>",
            escape(&row.figures)
        );
    }
    o.push_str("</table>\n</figure>\n");
}

fn quotes(o: &mut String, qs: &[ReportQuote], illustrative: &str) {
    for q in qs {
        let mark = if q.illustrative {
            format!(
                " <span class=\"illustrative\">{}</span>",
                escape(illustrative)
            )
        } else {
            String::new()
        };
        let who = [q.role.as_str(), q.source.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(escape)
            .collect::<Vec<_>>()
            .join(" · ");
        let _ = writeln!(
            o,
            "<blockquote><p dir=\"auto\">{}</p><footer>— <bdi>{who}</bdi>{mark}</footer></blockquote>",
            escape(&q.text)
        );
    }
}

fn table(o: &mut String, t: &Table) {
    let _ = writeln!(
        o,
        "<table>\n<caption>{}</caption>\n<thead><tr><th>{}</th>",
        escape(&t.title),
        escape(&t.corner)
    );
    for c in &t.columns {
        let _ = write!(o, "<th>{}</th>", escape(c));
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        let indent = if row.depth > 0 {
            format!(" style=\"padding-inline-start:{}mm\"", 1 + 3 * row.depth)
        } else {
            String::new()
        };
        let _ = write!(
            o,
            "<tr><th scope=\"row\" dir=\"auto\"{indent}>{}</th>",
            escape(&row.label)
        );
        for cell in &row.cells {
            let numeric = !cell.text.is_empty()
                && cell
                    .text
                    .chars()
                    .all(|c| c.is_ascii_digit() || ".,%·—- ".contains(c));
            let class = if numeric { " class=\"num\"" } else { "" };
            let text = if cell.zero { "0" } else { cell.text.as_str() };
            let _ = write!(o, "<td{class} dir=\"auto\">{}</td>", escape(text));
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_controls_and_bidi_overrides_are_made_inert() {
        let e = escape("<script>alert('x')</script> & \u{202E}abc\u{1b}[31m \"q\"");
        assert!(!e.contains('<') && !e.contains('>'), "{e}");
        assert!(e.contains("&lt;script&gt;"), "{e}");
        assert!(e.contains("&amp;") && e.contains("&quot;q&quot;") && e.contains("&#39;x&#39;"));
        assert!(!e.contains('\u{202E}') && !e.contains('\u{1b}'), "{e:?}");
    }
}
