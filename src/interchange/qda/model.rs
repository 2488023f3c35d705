//! A REFI-QDA project as read from its XML, before anything is decided
//! about where it goes in a store: the parts tovana takes, by their GUIDs
//! (normalised: lower case, no braces), and what it names as skipped.

/// A user of the tool that wrote the file: a coder here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub guid: String,
    pub name: String,
}

/// A code of the codebook, its parent given by GUID (the tree flattened).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    pub guid: String,
    pub parent: Option<String>,
    pub name: String,
    /// `#rrggbb` as written, when written and readable.
    pub colour: Option<String>,
    pub description: String,
    /// False for a category that only gathers others.
    pub codable: bool,
    pub notes: Vec<String>,
}

/// One `Coding` of a selection: a code applied by a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coding {
    pub guid: String,
    pub code: String,
    pub user: Option<String>,
    pub created: Option<String>,
    pub notes: Vec<String>,
}

/// A `PlainTextSelection`: positions as the file wrote them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub guid: String,
    pub name: String,
    pub start: u64,
    pub end: u64,
    pub user: Option<String>,
    pub created: Option<String>,
    pub description: String,
    pub codings: Vec<Coding>,
    pub notes: Vec<String>,
}

/// Where a text source's plain text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextAt {
    /// In the element itself (`PlainTextContent`).
    Inline(String),
    /// A path in the archive or beside the file (`internal://`,
    /// `relative://`, a bare name).
    Path(String),
    /// Neither.
    Nowhere,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub guid: String,
    pub name: String,
    pub text: TextAt,
    /// The rich-text file (`.docx`), which tovana does not read here.
    pub rich: Option<String>,
    pub description: String,
    pub selections: Vec<Selection>,
    /// Variable values given on the source itself: (variable GUID, value).
    pub values: Vec<(String, String)>,
    pub notes: Vec<String>,
    pub user: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variable {
    pub guid: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub guid: String,
    pub name: String,
    pub values: Vec<(String, String)>,
    pub sources: Vec<String>,
    pub selections: Vec<String>,
}

/// A note (`Note`): a memo, found by the `NoteRef`s that point at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub guid: String,
    pub name: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Set {
    pub name: String,
    pub codes: usize,
    pub sources: usize,
}

/// A source of a kind tovana does not read, by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// `PictureSource`, `PDFSource`, `AudioSource`, `VideoSource`.
    pub kind: String,
    pub name: String,
    pub guid: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Project {
    pub name: String,
    pub origin: String,
    pub base_path: Option<String>,
    pub users: Vec<User>,
    pub codes: Vec<Code>,
    pub variables: Vec<Variable>,
    pub cases: Vec<Case>,
    pub sources: Vec<Source>,
    pub notes: Vec<Note>,
    pub sets: Vec<Set>,
    pub skipped: Vec<Skipped>,
    /// True for a codebook alone (`.qdc`).
    pub codebook_only: bool,
}

pub use crate::domain::exchange::normal_guid;

/// A colour as tovana keeps it (`#rrggbb`), from `#rgb`, `#rrggbb`,
/// `#rrggbbaa` or the same without `#`; `None` for anything else.
pub fn normal_colour(s: &str) -> Option<String> {
    let t = s.trim();
    let t = t.strip_prefix('#').unwrap_or(t);
    if !t.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let six = match t.len() {
        3 => t.chars().flat_map(|c| [c, c]).collect(),
        6 => t.to_string(),
        8 => t[..6].to_string(),
        _ => return None,
    };
    Some(format!("#{}", six.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_are_read_in_either_case_with_or_without_braces() {
        let g = "d299efae-5779-46dc-9827-a3d1a5d544bc";
        assert_eq!(
            normal_guid("D299EFAE-5779-46DC-9827-A3D1A5D544BC").as_deref(),
            Some(g)
        );
        assert_eq!(
            normal_guid("{D299EFAE-5779-46DC-9827-A3D1A5D544BC}").as_deref(),
            Some(g)
        );
        assert_eq!(normal_guid(g).as_deref(), Some(g));
        assert_eq!(normal_guid("D299EFAE5779-46DC-9827-A3D1A5D544BC"), None);
        assert_eq!(normal_guid("{D299EFAE-5779-46DC-9827-A3D1A5D544BC"), None);
    }

    #[test]
    fn colours_written_otherwise_are_read() {
        assert_eq!(normal_colour("#F00082").as_deref(), Some("#f00082"));
        assert_eq!(normal_colour("f00082").as_deref(), Some("#f00082"));
        assert_eq!(normal_colour("#f08").as_deref(), Some("#ff0088"));
        assert_eq!(normal_colour("#F00082FF").as_deref(), Some("#f00082"));
        assert_eq!(normal_colour("red"), None);
        assert_eq!(normal_colour(""), None);
    }
}
