//! The GUIDs a dataset gives: each one as tovana keeps them, none twice.

use super::Problems;
use crate::domain::Fault;
use std::collections::HashSet;

/// Each GUID given in a list is one as tovana keeps them, and no two are
/// the same (an empty one is given when the row is written).
pub(super) fn guids<T>(p: &mut Problems, list: &str, items: &[T], guid: impl Fn(&T) -> &String) {
    let mut seen = HashSet::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let g = guid(item);
        if g.is_empty() {
            continue;
        }
        if !is_guid(g) {
            p.add(format!("{list}[{i}].guid"), Fault::BadGuid(g.clone()));
        } else if !seen.insert(g.as_str()) {
            p.add(format!("{list}[{i}].guid"), Fault::GuidTwice(g.clone()));
        }
    }
}

/// One as tovana keeps them: what `normal_guid` makes of it is itself.
fn is_guid(s: &str) -> bool {
    crate::domain::exchange::normal_guid(s).as_deref() == Some(s)
}
