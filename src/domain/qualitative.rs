use super::Id;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A recorded conversation: a focus group or an interview, in speaker turns.
    #[default]
    Transcript,
    /// Answers to an open question of a questionnaire.
    OpenEnded,
    FieldNotes,
}

keyed!(DocumentKind {
    Transcript => "transcript",
    OpenEnded => "open_ended",
    FieldNotes => "field_notes",
});

/// A text to read and code.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: Id,
    pub cohort: Id,
    #[serde(default)]
    pub instrument: Option<Id>,
    pub kind: DocumentKind,
    pub title: String,
    /// The text; paragraphs are separated by `\n`.
    pub text: String,
    /// True when the text was written to illustrate, not recorded.
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default)]
    pub notes: String,
    /// Its GUID, kept for exchange with other coding tools (lower case).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub guid: String,
    /// The GUID its notes came with as a memo of their own, when that is not
    /// the one derived from the document's ([`memo_guid`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes_guid: String,
    /// What came with it from another tool and has no field of its own: a
    /// case's variables, its case's name.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub attributes: std::collections::BTreeMap<String, String>,
}

/// A span of a document: `start..end` in Unicode code points from 0, `end`
/// exclusive (as REFI-QDA counts them).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub id: Id,
    pub document: Id,
    pub start: u32,
    pub end: u32,
    /// The speaker's role, e.g. a local-authority representative.
    #[serde(default)]
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub guid: String,
    /// Notes on the quote itself (a selection's description elsewhere).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub memo: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub memo_guid: String,
    /// The respondent whose open answer it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondent: Option<Id>,
}

impl Quote {
    /// The quoted text, cut from its document's text by code points.
    pub fn text_in<'a>(&self, document_text: &'a str) -> Option<&'a str> {
        char_slice(document_text, self.start as usize, self.end as usize)
    }
}

/// The part of `s` from code point `start` to code point `end` (exclusive).
pub fn char_slice(s: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let mut indices = s.char_indices().map(|(i, _)| i).chain([s.len()]);
    let from = indices.nth(start)?;
    let to = if end == start {
        from
    } else {
        indices.nth(end - start - 1)?
    };
    Some(&s[from..to])
}

/// A code of the codebook; codes form a tree through `parent`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    pub id: Id,
    #[serde(default)]
    pub parent: Option<Id>,
    pub name: String,
    /// `#rrggbb`.
    pub colour: String,
    #[serde(default)]
    pub description: String,
    /// The coder's notes on the code: what it gathers, doubts, decisions.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub memo: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub guid: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub memo_guid: String,
}

/// A person who codes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coder {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub guid: String,
}

/// A coder's name by id; `?` for one not (or no longer) in the list.
pub fn coder_name(coders: &[Coder], id: Id) -> &str {
    coders
        .iter()
        .find(|c| c.id == id)
        .map_or("?", |c| c.name.as_str())
}

/// One code applied to one quote by one coder.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coding {
    pub id: Id,
    pub quote: Id,
    pub code: Id,
    pub coder: Id,
    #[serde(default)]
    pub memo: String,
    /// When it was made, RFC 3339 in UTC.
    pub created: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub guid: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub memo_guid: String,
}

/// The GUID of the memo of the thing whose GUID is `owner`, when the memo
/// was given none of its own: the same for every copy of the thing, so
/// that its memo is one note wherever it travels (a name-based UUID).
pub fn memo_guid(owner: &str) -> String {
    const MEMOS: uuid::Uuid = uuid::Uuid::from_u128(0x6d0c_7a1e_2b4f_4e0a_9c3d_7e51_a2b8_f046);
    uuid::Uuid::new_v5(&MEMOS, owner.as_bytes()).to_string()
}

/// A new random GUID, lower case.
pub fn new_guid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Random GUIDs in bulk (an import of 300,000 rows without them): one
/// seed from the system's randomness, then SplitMix64, with the bits of a
/// version-4 UUID set. As unlikely to repeat as [`new_guid`]'s, without a
/// call into the system for each.
pub struct Guids(u64, u64);

impl Default for Guids {
    fn default() -> Self {
        let seed = uuid::Uuid::new_v4().as_u128();
        Guids(seed as u64, (seed >> 64) as u64)
    }
}

impl Guids {
    fn step(x: &mut u64) -> u64 {
        *x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// The next GUID.
    pub fn next_guid(&mut self) -> String {
        let hi = Guids::step(&mut self.0) as u128;
        let lo = Guids::step(&mut self.1) as u128;
        let bits = (hi << 64) | lo;
        uuid::Builder::from_random_bytes(bits.to_be_bytes())
            .into_uuid()
            .to_string()
    }
}

#[cfg(test)]
impl Code {
    /// A code for tests: black, without description or memo.
    pub(crate) fn named(id: Id, parent: Option<Id>, name: &str) -> Code {
        Code {
            id,
            parent,
            name: name.into(),
            colour: "#000000".into(),
            description: String::new(),
            memo: String::new(),
            guid: String::new(),
            memo_guid: String::new(),
        }
    }
}

/// The codes in tree order (children under their parent, by their order in
/// `codes`), as `(index in codes, depth)`. A code whose parent is missing
/// stands at the top; a cycle is cut where it closes.
pub fn code_tree(codes: &[Code]) -> Vec<(usize, usize)> {
    use std::collections::{HashMap, HashSet};
    let ids: HashSet<Id> = codes.iter().map(|c| c.id).collect();
    let mut children: HashMap<Option<Id>, Vec<usize>> = HashMap::new();
    for (i, c) in codes.iter().enumerate() {
        children
            .entry(c.parent.filter(|p| ids.contains(p)))
            .or_default()
            .push(i);
    }
    let mut out = Vec::with_capacity(codes.len());
    let mut stack: Vec<(usize, usize)> = children
        .get(&None)
        .map(|v| v.iter().rev().map(|i| (*i, 0)).collect())
        .unwrap_or_default();
    let mut seen = vec![false; codes.len()];
    while let Some((i, depth)) = stack.pop() {
        if std::mem::replace(&mut seen[i], true) {
            continue;
        }
        out.push((i, depth));
        if let Some(kids) = children.get(&Some(codes[i].id)) {
            stack.extend(kids.iter().rev().map(|j| (*j, depth + 1)));
        }
    }
    out
}

/// A code's name after its ancestors' names: `parent / child`.
pub fn code_path(codes: &[Code], code: &Code) -> String {
    let mut names = vec![code.name.as_str()];
    let mut parent = code.parent;
    // A cycle in the data ends the walk after one round.
    for _ in 0..codes.len() {
        let Some(c) = parent.and_then(|p| codes.iter().find(|c| c.id == p)) else {
            break;
        };
        names.push(&c.name);
        parent = c.parent;
    }
    names.reverse();
    names.join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_puts_children_under_their_parent() {
        let codes = [
            Code::named(1, None, "1"),
            Code::named(2, None, "2"),
            Code::named(3, Some(1), "3"),
            Code::named(4, Some(3), "4"),
        ];
        let order: Vec<(Id, usize)> = code_tree(&codes)
            .into_iter()
            .map(|(i, d)| (codes[i].id, d))
            .collect();
        assert_eq!(order, vec![(1, 0), (3, 1), (4, 2), (2, 0)]);
    }

    #[test]
    fn a_code_path_names_its_ancestors() {
        let codes = vec![
            Code::named(1, None, "א"),
            Code::named(2, Some(1), "ב"),
            Code::named(3, Some(2), "ג"),
        ];
        assert_eq!(code_path(&codes, &codes[2]), "א / ב / ג");
        // A cycle does not loop for ever.
        let cycle = vec![Code::named(1, Some(2), "א"), Code::named(2, Some(1), "ב")];
        assert!(code_path(&cycle, &cycle[0]).len() < 40);
    }

    #[test]
    fn char_slice_counts_code_points_not_bytes() {
        let s = "אב😀גד";
        assert_eq!(char_slice(s, 0, 2), Some("אב"));
        assert_eq!(char_slice(s, 2, 3), Some("😀"));
        assert_eq!(char_slice(s, 3, 5), Some("גד"));
        assert_eq!(char_slice(s, 5, 5), Some(""));
        assert_eq!(char_slice(s, 4, 6), None);
        assert_eq!(char_slice(s, 3, 2), None);
    }
}

/// A coded span: which quote of which document, with which code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodedSpan {
    pub document: Id,
    pub quote: Id,
    pub code: Id,
    pub start: usize,
    pub end: usize,
}
