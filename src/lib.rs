//! tovana (תובנה, "insight"): program-evaluation data in the terminal.
//!
//! The modules and the direction of their dependencies follow
//! ARCHITECTURE.md: `cli` → `tui` / `interchange` → `analysis` / `text` /
//! `store` → `domain`.

pub mod analysis;
pub mod cli;
pub mod domain;
pub mod interchange;
pub mod store;
pub mod text;
pub mod tui;
