//! The thin ratatui side of the right-to-left engine: text from the store or
//! the interface, laid out by `text`, turned into ratatui lines.

use crate::text::{Direction, LayoutCache, Line as TextLine, Order};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Lays text out for a pane, through the app's layout cache.
#[derive(Clone, Copy)]
pub struct Prose<'a> {
    pub cache: &'a LayoutCache,
    pub order: Order,
}

impl<'a> Prose<'a> {
    /// `text` wrapped to `width` columns, one style throughout. Each
    /// paragraph takes its direction from its first strong character unless
    /// `dir` forces one.
    pub fn lines(
        &self,
        text: &str,
        width: usize,
        dir: Option<Direction>,
        style: Style,
    ) -> Vec<Line<'static>> {
        self.styled(text, width, dir, |_| style)
    }

    /// `text` wrapped to `width` columns, each character styled by its
    /// logical position: a highlighted span stays on its characters however
    /// the line is reordered.
    pub fn styled(
        &self,
        text: &str,
        width: usize,
        dir: Option<Direction>,
        style_at: impl Fn(usize) -> Style,
    ) -> Vec<Line<'static>> {
        self.cache
            .get(text, width, dir, self.order)
            .lines
            .iter()
            .map(|l| to_line(l, &style_at))
            .collect()
    }

    /// Lines already laid out (a part of a long text), each character styled
    /// by its logical position.
    pub fn styled_layout(
        &self,
        lines: &[TextLine],
        style_at: impl Fn(usize) -> Style,
    ) -> Vec<Line<'static>> {
        lines.iter().map(|l| to_line(l, &style_at)).collect()
    }

    /// `text` on one line of at most `width` columns, its logical end cut
    /// with an ellipsis when too long.
    pub fn line(
        &self,
        text: &str,
        width: usize,
        dir: Option<Direction>,
        style: Style,
    ) -> Line<'static> {
        self.styled_line(text, width, dir, |_| style)
    }

    /// Like [`Prose::line`], each character styled by its logical position.
    pub fn styled_line(
        &self,
        text: &str,
        width: usize,
        dir: Option<Direction>,
        style_at: impl Fn(usize) -> Style,
    ) -> Line<'static> {
        let layout = self.cache.get_line(text, width, dir, self.order);
        to_line(&layout.lines[0], &style_at)
    }

    /// Like [`Prose::line`], without the padding that aligns a right-to-left
    /// line: for a caller that places the line itself (a block's title).
    pub fn inline(
        &self,
        text: &str,
        width: usize,
        dir: Option<Direction>,
        style: Style,
    ) -> Line<'static> {
        let layout = self.cache.get_line(text, width, dir, self.order);
        let mut line = to_line(&layout.lines[0], &|_| style);
        if layout.lines[0].indent > 0 {
            line.spans.remove(0);
        }
        line
    }
}

fn to_line(l: &TextLine, style_at: &impl Fn(usize) -> Style) -> Line<'static> {
    let mut spans = Vec::with_capacity(3);
    if l.indent > 0 {
        spans.push(Span::raw(" ".repeat(l.indent)));
    }
    for (text, style) in l.runs(style_at) {
        spans.push(Span::styled(text.to_string(), style));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    fn plain(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn hebrew_is_reordered_and_right_aligned() {
        let cache = LayoutCache::default();
        let prose = Prose {
            cache: &cache,
            order: Order::Visual,
        };
        let lines = prose.lines("שלום (עולם)", 14, None, Style::new());
        assert_eq!(plain(&lines[0]), "   (םלוע) םולש");
        // For a terminal that reorders: logical order, still right-aligned
        // (such terminals take a row as a left-to-right paragraph).
        let logical = Prose {
            cache: &cache,
            order: Order::Logical,
        };
        assert_eq!(
            plain(&logical.lines("שלום (עולם)", 14, None, Style::new())[0]),
            "   שלום (עולם)"
        );
    }

    #[test]
    fn a_highlight_covers_the_same_characters_after_reordering() {
        let cache = LayoutCache::default();
        let prose = Prose {
            cache: &cache,
            order: Order::Visual,
        };
        let bold = Style::new().add_modifier(Modifier::BOLD).fg(Color::Yellow);
        // Highlight "עולם", code points 5..9 of "שלום עולם 2020".
        let lines = prose.styled("שלום עולם 2020", 20, None, |i| {
            if (5..9).contains(&i) {
                bold
            } else {
                Style::new()
            }
        });
        let highlighted: String = lines[0]
            .spans
            .iter()
            .filter(|s| s.style == bold)
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(highlighted, "םלוע");
        assert_eq!(plain(&lines[0]), "      2020 םלוע םולש");
    }
}
