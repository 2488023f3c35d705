//! A report as GitHub-flavoured Markdown: the same contents as the page,
//! wrapped in a right-to-left block for Hebrew, the bars drawn as text.
//! Text from the store is escaped so that it stays text: markup characters
//! as entities, Markdown's own characters behind a backslash, control
//! characters and bidi overrides taken out.

use super::{Block, Parts, QuestionFigures, Report, ReportQuote};
use crate::analysis::survey::diverging;
use crate::domain::Valence;
use crate::interchange::tables::Table;
use std::fmt::Write;

/// Columns of half a text bar.
const HALF: usize = 20;

/// `text` as Markdown text on one line.
pub fn escape(text: &str) -> String {
    let clean = crate::text::sanitize(text);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

pub fn markdown(r: &Report) -> String {
    let mut o = String::new();
    if r.rtl {
        o.push_str("<div dir=\"rtl\">\n\n");
    }
    let _ = writeln!(o, "# {}\n\n_{}_\n", escape(&r.title), escape(&r.subtitle));
    for s in &r.sections {
        let _ = writeln!(o, "## {}\n", escape(&s.title));
        for b in &s.blocks {
            block(&mut o, b, &r.illustrative);
        }
    }
    if r.rtl {
        o.push_str("</div>\n");
    }
    o
}

fn block(o: &mut String, b: &Block, illustrative: &str) {
    match b {
        Block::Heading(t) => {
            let _ = writeln!(o, "### {}\n", escape(t));
        }
        Block::Para(t) => {
            let _ = writeln!(o, "{}\n", escape(t));
        }
        Block::Note(t) => {
            let _ = writeln!(o, "> **{}**\n", escape(t));
        }
        Block::Facts(rows) => {
            for (label, value) in rows {
                if label.is_empty() {
                    let _ = writeln!(o, "- {}", escape(value));
                } else {
                    let _ = writeln!(o, "- **{}**: {}", escape(label), escape(value));
                }
            }
            o.push('\n');
        }
        Block::Parts(p) => parts(o, p),
        Block::Question(q) => question(o, q),
        Block::Quotes(qs) => quotes(o, qs, illustrative),
        Block::Table(t) => table(o, t),
    }
}

/// The parts' marks, in turn.
const PART_MARKS: [char; 6] = ['█', '▓', '▒', '░', '▚', '▞'];

fn parts(o: &mut String, p: &Parts) {
    let total: u32 = p.parts.iter().map(|x| x.1).sum();
    let _ = writeln!(o, "**{}**\n", escape(&p.title));
    if let Some(whole) = std::num::NonZeroU32::new(total) {
        let mut bar = String::new();
        let mut so_far = 0u32;
        for (i, (_, n)) in p.parts.iter().enumerate() {
            let before = (so_far * 40 + total / 2) / whole;
            so_far += n;
            let cells = (so_far * 40 + total / 2) / whole - before;
            bar.extend(std::iter::repeat_n(
                PART_MARKS[i % PART_MARKS.len()],
                cells as usize,
            ));
        }
        let _ = writeln!(o, "```text\n{bar}\n```\n");
    }
    for (i, (label, n)) in p.parts.iter().enumerate() {
        let _ = writeln!(
            o,
            "- `{}` {} — {n}",
            PART_MARKS[i % PART_MARKS.len()],
            escape(label)
        );
    }
    o.push('\n');
}

/// An option's mark in a text bar: the stronger, the darker.
fn option_marks(valences: &[Valence]) -> Vec<char> {
    let neg: Vec<usize> = (0..valences.len())
        .filter(|&i| valences[i] == Valence::Negative)
        .collect();
    let pos: Vec<usize> = (0..valences.len())
        .filter(|&i| valences[i] == Valence::Positive)
        .collect();
    (0..valences.len())
        .map(|i| match valences[i] {
            Valence::Neutral => '·',
            Valence::Negative => {
                let from_centre = neg.len() - 1 - neg.iter().position(|&n| n == i).unwrap_or(0);
                ['-', '=', '≡'][from_centre.min(2)]
            }
            Valence::Positive => {
                let at = pos.iter().position(|&p| p == i).unwrap_or(0);
                ['+', '#', '█'][at.min(2)]
            }
        })
        .collect()
}

fn question(o: &mut String, q: &QuestionFigures) {
    let valences: Vec<Valence> = q.options.iter().map(|x| x.1).collect();
    let marks = option_marks(&valences);
    let _ = writeln!(o, "**{}**  \n_{}_\n", escape(&q.wording), escape(&q.source));
    let legend: Vec<String> = q
        .options
        .iter()
        .zip(&marks)
        .map(|((label, _), m)| format!("`{m}` {}", escape(label)))
        .collect();
    let _ = writeln!(o, "{}\n", legend.join(" · "));
    // The bars, left to right whatever the page's direction: the negative
    // options left of the centre line.
    o.push_str("```text\n");
    for row in &q.rows {
        let bar = match &row.shares {
            Some(shares) => {
                let mut cells = [' '; 2 * HALF];
                for part in diverging(shares, &valences, HALF) {
                    for k in 0..part.len as i32 {
                        let at = (HALF as i32 + part.start + k) as usize;
                        if let Some(c) = cells.get_mut(at) {
                            *c = marks[part.option];
                        }
                    }
                }
                let (left, right): (String, String) = (
                    cells[..HALF].iter().collect(),
                    cells[HALF..].iter().collect(),
                );
                format!("{left}|{right}")
            }
            None => format!("{:^width$}", "—", width = 2 * HALF + 1),
        };
        let n = row.n.map(|n| format!("n={n}")).unwrap_or_default();
        // Inside the fence a backtick could close it.
        let label = crate::text::sanitize(&row.label).replace('`', "'");
        let _ = writeln!(o, "{bar}  {n}  {label}");
    }
    o.push_str("```\n\n");
    for row in &q.rows {
        let notes = if row.notes.is_empty() {
            String::new()
        } else {
            format!(" ({})", escape(&row.notes))
        };
        let n = row.n.map(|n| format!("n={n} · ")).unwrap_or_default();
        let _ = writeln!(
            o,
            "- **{}**: {n}{}{notes}",
            escape(&row.label),
            escape(&row.figures)
        );
    }
    o.push('\n');
}

fn quotes(o: &mut String, qs: &[ReportQuote], illustrative: &str) {
    for q in qs {
        let who = [q.role.as_str(), q.source.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(escape)
            .collect::<Vec<_>>()
            .join(" · ");
        let mark = if q.illustrative {
            format!(" _({})_", escape(illustrative))
        } else {
            String::new()
        };
        let _ = writeln!(o, "> {}  \n> — {who}{mark}\n", escape(&q.text));
    }
}

fn table(o: &mut String, t: &Table) {
    let _ = writeln!(o, "**{}**\n", escape(&t.title));
    let mut head = vec![escape(&t.corner)];
    head.extend(t.columns.iter().map(|c| escape(c)));
    let _ = writeln!(o, "| {} |", head.join(" | "));
    let _ = writeln!(o, "|{}", " --- |".repeat(head.len()));
    for row in &t.rows {
        let indent = "\u{2003}".repeat(row.depth);
        let mut cells = vec![format!("{indent}{}", escape(&row.label))];
        cells.extend(row.cells.iter().map(|c| {
            if c.zero {
                "0".to_string()
            } else {
                escape(&c.text)
            }
        }));
        let _ = writeln!(o, "| {} |", cells.join(" | "));
    }
    o.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_markup_in_the_data_stay_text() {
        let e = escape("**bold** <img src=x onerror=alert(1)> | [link](http://x) \u{202E}");
        assert!(!e.contains('<'), "{e}");
        assert!(e.contains("\\*\\*bold\\*\\*"), "{e}");
        assert!(e.contains("\\|") && e.contains("\\[link\\]"), "{e}");
        assert!(!e.contains('\u{202E}'));
    }

    #[test]
    fn stronger_options_are_darker_marks_on_their_side() {
        use Valence::*;
        assert_eq!(
            option_marks(&[Negative, Negative, Neutral, Positive, Positive]),
            vec!['=', '-', '·', '+', '#']
        );
    }
}
