//! The exchange with other coding tools, in English.

use super::En;
use crate::domain::exchange::{Conflict, Tally};
use crate::interchange::qda::import::Skip;
use crate::interchange::qda::positions::Unit;
use crate::interchange::qda::{QdaError, Summary, write::Written};
use crate::tui::strings::Exchange;

fn n(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

impl Exchange for En {
    fn qda_error(&self, e: &QdaError) -> String {
        e.to_string()
    }

    fn qda_imported(&self, s: &Summary) -> Vec<String> {
        let mut out = vec![];
        let mut head = format!("imported {}", s.file);
        if !s.project.is_empty() {
            head.push_str(&format!(" (project \"{}\"", s.project));
            if !s.origin.is_empty() {
                head.push_str(&format!(", written by {}", s.origin));
            }
            head.push(')');
        }
        out.push(head);
        let m = &s.merged;
        out.push(format!(
            "added: {}",
            self.tally(&m.added).unwrap_or_else(|| "nothing".into())
        ));
        if let Some(t) = self.tally(&m.updated) {
            out.push(format!("updated by GUID: {t}"));
        }
        if let Some(t) = self.tally(&m.unchanged) {
            out.push(format!("already held, unchanged: {t}"));
        }
        if let Some(d) = &s.reading {
            let r = d.reading;
            let unit = match r.unit {
                Unit::CodePoints => "Unicode code points",
                Unit::Utf16 => "UTF-16 code units",
                Unit::Utf8 => "UTF-8 bytes",
            };
            let mut told = vec![];
            let mut same = vec![];
            let mut put = |yes: bool, what: String| {
                if yes {
                    told.push(what)
                } else {
                    same.push(what)
                }
            };
            put(d.unit_told, unit.to_string());
            put(
                d.end_told,
                if r.end_inclusive {
                    "ends inclusive"
                } else {
                    "ends exclusive"
                }
                .to_string(),
            );
            put(
                d.crlf_told,
                if r.crlf_two {
                    "\\r\\n as two"
                } else {
                    "\\r\\n as one"
                }
                .to_string(),
            );
            put(
                d.bom_told,
                if r.bom_counted {
                    "byte-order mark counted"
                } else {
                    "byte-order mark not counted"
                }
                .to_string(),
            );
            let mut line = format!(
                "positions read as {unit}, {}",
                if r.end_inclusive {
                    "end inclusive"
                } else {
                    "end exclusive"
                }
            );
            if d.standard_fits_all {
                line.push_str(
                    " (the standard's reading: every selection fits it without cutting a word, so no other was tried)",
                );
                told.clear();
                same.clear();
            }
            if !told.is_empty() {
                line.push_str(&format!("; told by the file: {}", told.join(", ")));
            }
            if !same.is_empty() {
                line.push_str(&format!(
                    "; not told (the texts read the same either way, the standard's taken): {}",
                    same.join(", ")
                ));
            }
            out.push(line);
        }
        for (why, name) in &s.skipped {
            out.push(match why {
                Skip::Kind(k) => format!("skipped: {k} \"{name}\" (only text sources are read)"),
                Skip::OnlyRich(p) => {
                    format!("skipped: \"{name}\": its plain text is empty, the text is only in {p}")
                }
                Skip::Missing(p) if p.is_empty() => {
                    format!("skipped: \"{name}\": the file gives no text for it")
                }
                Skip::Missing(p) => format!("skipped: \"{name}\": {p} is not in the file"),
            });
        }
        for (name, codes, sources) in &s.sets {
            out.push(format!(
                "set \"{name}\": {}, {} (sets are listed, not kept)",
                n(*codes, "code", "codes"),
                n(*sources, "source", "sources")
            ));
        }
        if s.selections_left_out > 0 {
            out.push(format!(
                "left out with the sources skipped: {} and their {}",
                n(s.selections_left_out, "selection", "selections"),
                n(s.codings_left_out, "coding", "codings")
            ));
        }
        if s.notes_as_documents > 0 {
            out.push(format!(
                "{} that nothing points at kept as documents of field notes",
                n(s.notes_as_documents, "note", "notes")
            ));
        }
        if s.empty_selections > 0 {
            out.push(format!(
                "left out: {} of no text (start = end)",
                n(s.empty_selections, "selection", "selections")
            ));
        }
        if s.unknown_codes > 0 {
            out.push(format!(
                "left out: {} of codes the codebook does not hold",
                n(s.unknown_codes, "coding", "codings")
            ));
        }
        for c in &m.conflicts {
            out.push(self.conflict(c));
        }
        out
    }

    fn qdpx_exported(&self, file: &str, w: &Written) -> String {
        let what = self.tally(w).unwrap_or_else(|| "nothing".into());
        format!("wrote {file}: {what}")
    }

    fn qdc_exported(&self, file: &str, codes: usize) -> String {
        format!("wrote {file}: {}", n(codes, "code", "codes"))
    }

    fn merged_from(&self, other: &str) -> String {
        format!("merged {other}")
    }

    fn conflict(&self, c: &Conflict) -> String {
        match c {
            Conflict::CodeName { guid, kept, other } => format!(
                "conflict: code {guid} is named \"{kept}\" and \"{other}\": \"{kept}\" kept (the name that sorts first)"
            ),
            Conflict::CodeParent { guid, name } => format!(
                "conflict: code \"{name}\" ({guid}) stands under different parents: the parent whose GUID sorts first kept"
            ),
            Conflict::DocumentText {
                guid,
                title,
                left_out,
            } => format!(
                "conflict: document \"{title}\" ({guid}) has another text here: this store's text kept, {} of the other left out",
                n(*left_out, "quote", "quotes")
            ),
            Conflict::CoderByName { name } => {
                format!("coder \"{name}\" has another GUID here: taken as the same coder, by name")
            }
        }
    }

    fn progress_reading(&self) -> &'static str {
        "reading the project"
    }

    fn progress_sources(&self) -> &'static str {
        "reading its sources"
    }

    fn progress_writing(&self) -> &'static str {
        "writing"
    }

    fn attributes_heading(&self) -> &'static str {
        "Brought with it from another tool"
    }

    fn attribute(&self, name: &str, value: &str) -> String {
        format!("\u{2068}{name}\u{2069}: \u{2068}{value}\u{2069}")
    }

    fn tally(&self, t: &Tally) -> Option<String> {
        let parts: Vec<String> = [
            (t.codes, "code", "codes"),
            (t.coders, "coder", "coders"),
            (t.cohorts, "cohort", "cohorts"),
            (t.documents, "document", "documents"),
            (t.quotes, "quote", "quotes"),
            (t.codings, "coding", "codings"),
            (t.memos, "memo", "memos"),
            (t.attributes, "attribute", "attributes"),
        ]
        .iter()
        .filter(|(c, _, _)| *c > 0)
        .map(|(c, one, many)| n(*c, one, many))
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}
