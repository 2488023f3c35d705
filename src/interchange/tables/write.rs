//! A table written out: Markdown (a pipe table under a heading) or CSV (RFC
//! 4180, UTF-8 with a byte-order mark so that spreadsheets read the Hebrew).

use super::Table;

/// A cell's text on one line: control characters (line breaks included)
/// become spaces.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The table as Markdown: a heading and a pipe table, rows labelled by
/// their path; numbers aligned right.
pub fn markdown(t: &Table) -> String {
    let esc = |s: &str| one_line(s).replace('\\', "\\\\").replace('|', "\\|");
    let mut out = format!("## {}\n\n", esc(&t.title));
    out.push_str(&format!("| {} |", esc(&t.corner)));
    for c in &t.columns {
        out.push_str(&format!(" {} |", esc(c)));
    }
    out.push_str("\n| --- |");
    for i in 0..t.columns.len() {
        let numeric = t.rows.iter().all(|r| {
            r.cells.get(i).is_none_or(|c| {
                c.text.is_empty()
                    || c.text == "—"
                    || c.text.trim_start_matches('-').parse::<f64>().is_ok()
            })
        });
        out.push_str(if numeric { " ---: |" } else { " --- |" });
    }
    out.push('\n');
    for (i, r) in t.rows.iter().enumerate() {
        out.push_str(&format!("| {} |", esc(&t.path(i))));
        for c in &r.cells {
            out.push_str(&format!(" {} |", esc(c.written())));
        }
        out.push('\n');
    }
    out
}

/// The table as CSV (RFC 4180, CRLF line ends), headed by the corner and
/// the columns; rows labelled by their path. Starts with a byte-order mark.
pub fn csv(t: &Table) -> String {
    let field = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let line = |first: &str, rest: &mut dyn Iterator<Item = &str>| {
        let mut l = field(first);
        for s in rest {
            l.push(',');
            l.push_str(&field(s));
        }
        l.push_str("\r\n");
        l
    };
    let mut out = String::from('\u{feff}');
    out.push_str(&line(&t.corner, &mut t.columns.iter().map(String::as_str)));
    for (i, r) in t.rows.iter().enumerate() {
        out.push_str(&line(&t.path(i), &mut r.cells.iter().map(|c| c.written())));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::tables::{Cell, Row};

    fn sample() -> Table {
        Table {
            title: "a | b".into(),
            corner: "code".into(),
            columns: vec!["x".into(), "y, z".into()],
            rows: vec![Row {
                label: "c".into(),
                path: "p / c".into(),
                depth: 1,
                cells: vec![Cell::text("12"), Cell::text("say \"hi\"\nthen |go|")],
            }],
            numbered: false,
            by_column: None,
        }
    }

    #[test]
    fn markdown_escapes_pipes_keeps_rows_on_one_line_and_aligns_numbers() {
        let md = markdown(&sample());
        assert_eq!(
            md,
            "## a \\| b\n\n| code | x | y, z |\n| --- | ---: | --- |\n\
             | p / c | 12 | say \"hi\" then \\|go\\| |\n"
        );
    }

    #[test]
    fn csv_quotes_what_needs_it_and_starts_with_a_byte_order_mark() {
        let text = csv(&sample());
        assert_eq!(
            text,
            "\u{feff}code,x,\"y, z\"\r\np / c,12,\"say \"\"hi\"\"\nthen |go|\"\r\n"
        );
    }
}
