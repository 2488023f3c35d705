//! What the exchange with other coding tools says: `import qdpx`, `import
//! qdc`, `export qdpx`, `export qdc`, `merge`.

use crate::domain::exchange::{Conflict, Tally};
use crate::interchange::qda::{QdaError, Summary, write::Written};

pub trait Exchange {
    fn qda_error(&self, e: &QdaError) -> String;

    /// The lines after an import or a merge: what came in, what was
    /// updated by GUID, how positions were read, what was skipped and why,
    /// the sets, the conflicts and the rule that settled each.
    fn qda_imported(&self, s: &Summary) -> Vec<String>;

    fn qdpx_exported(&self, file: &str, w: &Written) -> String;

    fn qdc_exported(&self, file: &str, codes: usize) -> String;

    /// `merge`: the other store's name, then the same lines as an import.
    fn merged_from(&self, other: &str) -> String;

    fn conflict(&self, c: &Conflict) -> String;

    /// A tally as "3 codes, 2 coders, …", leaving out what is 0; `None`
    /// when everything is.
    fn tally(&self, t: &Tally) -> Option<String>;

    /// The stages a progress bar names.
    fn progress_reading(&self) -> &'static str;
    fn progress_sources(&self) -> &'static str;
    fn progress_writing(&self) -> &'static str;

    /// Above a document's attributes on its card.
    fn attributes_heading(&self) -> &'static str;

    /// One attribute: its name and value, each an isolate.
    fn attribute(&self, name: &str, value: &str) -> String;
}
