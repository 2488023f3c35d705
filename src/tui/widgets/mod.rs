//! Small pieces drawn by several views.

pub mod bar;
pub mod colour;
pub mod detail;
pub mod pane;
mod prose;
mod status;

pub use prose::Prose;
pub use status::{footer, status_bar, waiting_bar};

use super::keys::{self, Place};
use crate::domain::{Code, Coder, Counts, Program};
use crate::text::LayoutCache;
use crate::tui::settings::Settings;
use std::path::Path;

/// What a view, a popup or a widget may read while drawing: the app's
/// shared state, read-only, and never the store. Built by `App::ctx` once a
/// frame.
pub struct Ctx<'a> {
    pub settings: Settings,
    /// Laid-out text, kept across frames.
    pub layouts: &'a LayoutCache,
    pub programs: &'a [Program],
    pub counts: &'a Counts,
    /// The codebook and the coders, for names and colours.
    pub codes: &'a [Code],
    pub coders: &'a [Coder],
    /// Who codes, and whose codings are shown, by name.
    pub coder_label: &'a str,
    pub shown_coder_label: &'a str,
    /// Where the keys go, for the help and the keys messages name.
    pub place: Place,
    /// What just happened, for the status bar.
    pub status: Option<&'a str>,
    /// The store's file, for the status bar.
    pub store_path: &'a Path,
    /// How far the help is scrolled.
    pub help: &'a detail::Detail,
}

impl Ctx<'_> {
    /// Lays out text for drawing, in the order the bidi setting asks for.
    pub fn prose(&self) -> Prose<'_> {
        Prose {
            cache: self.layouts,
            order: self.settings.bidi.order(),
        }
    }

    /// The keys that messages name, read from the key table.
    pub fn key_names(&self) -> keys::Names {
        keys::Names::at(self.place)
    }

    pub fn place(&self) -> Place {
        self.place
    }
}
