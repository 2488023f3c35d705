//! Why something was not done, in English: the store's refusals and
//! errors, a data field's fault, a transcript that does not read.

use super::En;
use crate::domain::Fault;
use crate::interchange::transcript::ImportError;
use crate::store::{Refusal, StoreError};
use crate::tui::strings::Refusals;

impl Refusals for En {
    fn fault(&self, f: &Fault) -> String {
        f.english()
    }

    fn refusal(&self, r: &Refusal) -> String {
        r.english()
    }

    /// The store's own wording (its `Display`), which logs and tests read too.
    fn store_error(&self, e: &StoreError) -> String {
        e.to_string()
    }

    /// The importer's own wording (its `Display`).
    fn transcript_error(&self, e: &ImportError) -> String {
        e.to_string()
    }
}
