//! What another coding tool's project (or another store) brings: codes,
//! coders, documents, quotes and codings named by GUID, to be added to a
//! store or to update what it already holds under the same GUIDs.

use super::{DocumentKind, Id};
use std::collections::BTreeMap;

/// Where an incoming document goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CohortRef {
    /// A cohort of the store.
    Id(Id),
    /// A cohort found by its label, made (in the store's program, or a new
    /// one named after the project) when there is none.
    Label(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InCode {
    pub guid: String,
    pub parent: Option<String>,
    pub name: String,
    /// `#rrggbb`; `None` leaves the store to choose (or keep) one.
    pub colour: Option<String>,
    pub description: String,
    pub memo: String,
    pub memo_guid: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InCoder {
    pub guid: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InDocument {
    pub guid: String,
    pub cohort: CohortRef,
    pub kind: DocumentKind,
    pub title: String,
    pub text: String,
    pub notes: String,
    pub notes_guid: String,
    pub attributes: BTreeMap<String, String>,
    /// The title of an instrument of its cohort it comes from.
    pub instrument: Option<String>,
    pub illustrative: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InQuote {
    pub guid: String,
    pub document: String,
    /// Code points of the document's text, end exclusive.
    pub start: u32,
    pub end: u32,
    pub role: String,
    pub memo: String,
    pub memo_guid: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InCoding {
    pub guid: String,
    pub quote: String,
    pub code: String,
    pub coder: String,
    /// RFC 3339; empty for "now".
    pub created: String,
    pub memo: String,
    pub memo_guid: String,
}

/// Everything incoming, each list in an order where what is referred to
/// comes first (a parent code before its children).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    /// The name a new program takes, when the store has none.
    pub program: String,
    pub codes: Vec<InCode>,
    pub coders: Vec<InCoder>,
    pub documents: Vec<InDocument>,
    pub quotes: Vec<InQuote>,
    pub codings: Vec<InCoding>,
}

/// How many of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub codes: usize,
    pub coders: usize,
    pub documents: usize,
    pub quotes: usize,
    pub codings: usize,
    pub memos: usize,
    pub attributes: usize,
    pub cohorts: usize,
}

/// Something both sides hold differently, and what was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// A code named differently on the two sides: the name that sorts
    /// first is kept (the same whichever side merges into which).
    CodeName {
        guid: String,
        kept: String,
        other: String,
    },
    /// A code under different parents: the parent whose GUID sorts first
    /// is kept.
    CodeParent { guid: String, name: String },
    /// A document whose text differs: the store's text is kept, and the
    /// incoming quotes of it (and their codings) are left out.
    DocumentText {
        guid: String,
        title: String,
        left_out: usize,
    },
    /// A coder whose GUID differs from the store's coder of the same name:
    /// taken as that coder.
    CoderByName { name: String },
}

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    pub added: Tally,
    pub updated: Tally,
    pub unchanged: Tally,
    pub conflicts: Vec<Conflict>,
}

/// A GUID as tovana keeps it: lower case, without braces; `None` for text
/// that is not one.
pub fn normal_guid(s: &str) -> Option<String> {
    let t = s.trim();
    let t = t
        .strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
        .unwrap_or(t);
    let ok = t.len() == 36
        && t.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        });
    ok.then(|| t.to_ascii_lowercase())
}

/// Two memos made one: equal or one holding the other gives the longer;
/// two different ones are both kept, in code-point order, so that either
/// side merging into the other gives the same, and merging again nothing
/// more.
pub fn merge_text(a: &str, b: &str) -> String {
    if a.contains(b) {
        return a.to_string();
    }
    if b.contains(a) {
        return b.to_string();
    }
    let (x, y) = if a <= b { (a, b) } else { (b, a) };
    format!("{x}\n\n{y}")
}

#[cfg(test)]
mod tests {
    use super::merge_text;

    #[test]
    fn memos_merge_the_same_either_way_and_once() {
        assert_eq!(merge_text("", "b"), "b");
        assert_eq!(merge_text("a", "a"), "a");
        let ab = merge_text("ב", "א");
        assert_eq!(ab, merge_text("א", "ב"));
        assert_eq!(merge_text(&ab, "א"), ab);
        assert_eq!(merge_text("א", &ab), ab);
    }
}
