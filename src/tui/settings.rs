//! How the app presents itself, settled before it starts: who lays out
//! right-to-left text, and the interface's language.

use crate::lang::Lang;
use crate::text::Order;

/// Who puts right-to-left text in visual order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BidiMode {
    /// tovana does, and asks the terminal to show cells as sent. Right for
    /// terminals that do no bidi (xterm, kitty, alacritty, Windows Terminal,
    /// tmux) and for those that honour the request (VTE-based ones).
    #[default]
    App,
    /// The terminal does: tovana sends logical order. For terminals that
    /// reorder whatever they are told.
    Terminal,
}

impl BidiMode {
    pub fn parse(s: &str) -> Option<BidiMode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "app" => Some(BidiMode::App),
            "terminal" => Some(BidiMode::Terminal),
            _ => None,
        }
    }

    pub fn order(self) -> Order {
        match self {
            BidiMode::App => Order::Visual,
            BidiMode::Terminal => Order::Logical,
        }
    }
}

/// How the app presents itself, settled before it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Settings {
    pub bidi: BidiMode,
    pub lang: Lang,
}
