//! Laying out a text for the terminal: paragraphs, their direction, wrapping
//! in logical order, reordering each line to visual order, alignment.
//!
//! The layout depends on the text, the width, the direction and the order
//! only. Styles are applied afterwards from logical positions
//! ([`Line::runs`]), so highlighting a span never lays a paragraph out again.

use super::bidi::{self, Direction};
use super::wrap::{self, Grapheme};
use std::ops::Range;
use unicode_bidi::{Level, ParagraphBidiInfo};

/// In what order a line's cells go to the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Order {
    /// Reordered by the app: for terminals that show cells as sent.
    #[default]
    Visual,
    /// Left in logical order: for terminals that reorder by themselves.
    Logical,
}

/// One grapheme cluster on a line, in visual order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    /// Byte range of the cluster in [`Line::text`].
    pub bytes: Range<usize>,
    /// Code-point index, in the whole laid-out text, of the cluster's first
    /// character.
    pub logical: usize,
    /// Columns it takes.
    pub width: usize,
}

/// A line of the layout, ready to draw from its left edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The line's text in the order its cells go to the terminal, mirrored
    /// where a right-to-left run needs it, sanitised.
    pub text: String,
    pub clusters: Vec<Cluster>,
    /// Columns to leave empty before the text (right alignment).
    pub indent: usize,
    /// Columns the text takes (without the indent).
    pub width: usize,
    /// Code points of the whole text that this line covers (spaces at a
    /// wrap included), in logical order.
    pub logical: Range<usize>,
    /// The direction of the paragraph the line belongs to.
    pub direction: Direction,
}

impl Line {
    /// The line cut into runs of equal style, left to right. `style_at` gives
    /// the style of a logical position (a code-point index of the text).
    pub fn runs<S: PartialEq + Clone>(&self, style_at: impl Fn(usize) -> S) -> Vec<(&str, S)> {
        let mut out: Vec<(Range<usize>, S)> = vec![];
        for c in &self.clusters {
            let style = style_at(c.logical);
            match out.last_mut() {
                Some((bytes, s)) if *s == style && bytes.end == c.bytes.start => {
                    bytes.end = c.bytes.end
                }
                _ => out.push((c.bytes.clone(), style)),
            }
        }
        out.into_iter().map(|(b, s)| (&self.text[b], s)).collect()
    }
}

/// A laid-out text: its lines, top to bottom.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layout {
    pub lines: Vec<Line>,
}

/// Lays out `text` in lines of at most `width` columns. Each paragraph (split
/// at `\n`) takes its direction from its first strong character, unless
/// `direction` forces one.
pub fn layout(text: &str, width: usize, direction: Option<Direction>, order: Order) -> Layout {
    let mut lines = vec![];
    let mut offset = 0;
    for paragraph in text.split('\n') {
        lay_paragraph(paragraph, offset, width, direction, order, &mut lines);
        offset += paragraph.chars().count() + 1;
    }
    Layout { lines }
}

/// Lays out one paragraph (`text` holds no line break) whose first code
/// point is position `offset` of a longer text: a part of it (see
/// [`super::parts`]).
pub fn layout_part(
    text: &str,
    offset: usize,
    width: usize,
    direction: Option<Direction>,
    order: Order,
) -> Layout {
    let mut lines = vec![];
    lay_paragraph(text, offset, width, direction, order, &mut lines);
    Layout { lines }
}

/// Lays out `text` as a single line of at most `width` columns. When it is
/// too long, its logical end is cut and an ellipsis stands where the cut is,
/// wherever that lands on screen.
pub fn truncated(text: &str, width: usize, direction: Option<Direction>, order: Order) -> Line {
    let first = text.split('\n').next().unwrap_or("");
    let clean = wrap::Cleaned::new(first, 0);
    let level = paragraph_level(&clean.text, direction);
    let graphemes = wrap::graphemes(&clean);
    let total: usize = graphemes.iter().map(|g| g.width).sum();
    if total <= width {
        let range = 0..clean.text.len();
        let info = ParagraphBidiInfo::new(&clean.text, Some(level));
        return build_line(&clean, &info, &graphemes, range, width, order);
    }
    // Keep the logical prefix that leaves room for the ellipsis.
    let mut used = 0;
    let mut keep = 0;
    for g in &graphemes {
        if used + g.width + 1 > width {
            break;
        }
        used += g.width;
        keep += 1;
    }
    let cut = graphemes
        .get(keep)
        .map(|g| g.bytes.start)
        .unwrap_or(clean.text.len());
    let mut shortened = clean.text[..cut].trim_end().to_string();
    let cut_logical = graphemes.get(keep).map(|g| g.logical).unwrap_or(0);
    shortened.push('…');
    // Lay the shortened text out again, as its own paragraph at the same level.
    let mut again = wrap::Cleaned::new(&shortened, 0);
    // Its positions are those of the original; the ellipsis stands for the cut.
    let last = again.logical.len() - 1;
    for (i, p) in again.logical.iter_mut().enumerate() {
        *p = if i == last {
            cut_logical
        } else {
            clean.logical[i]
        };
    }
    let graphemes = wrap::graphemes(&again);
    let range = 0..again.text.len();
    let info = ParagraphBidiInfo::new(&again.text, Some(level));
    build_line(&again, &info, &graphemes, range, width, order)
}

fn paragraph_level(text: &str, direction: Option<Direction>) -> Level {
    match direction {
        Some(d) => d.level(),
        None => bidi::first_strong(text).unwrap_or(Direction::Ltr).level(),
    }
}

fn lay_paragraph(
    raw: &str,
    offset: usize,
    width: usize,
    direction: Option<Direction>,
    order: Order,
    out: &mut Vec<Line>,
) {
    let clean = wrap::Cleaned::new(raw, offset);
    let level = paragraph_level(&clean.text, direction);
    let graphemes = wrap::graphemes(&clean);
    // Levels are resolved once for the whole paragraph; lines only reorder.
    let info = ParagraphBidiInfo::new(&clean.text, Some(level));
    for range in wrap::break_lines(&graphemes, width) {
        let bytes = graphemes
            .get(range.start)
            .map(|g| g.bytes.start)
            .unwrap_or(0)
            ..graphemes
                .get(range.end.wrapping_sub(1))
                .map(|g| g.bytes.end)
                .unwrap_or(0);
        let mut line = build_line(
            &clean,
            &info,
            &graphemes[range.clone()],
            bytes,
            width,
            order,
        );
        // The line covers its graphemes and the spaces after them, up to the next line.
        let end = graphemes
            .get(range.end)
            .map(|g| g.logical)
            .unwrap_or(offset + clean.chars);
        line.logical = graphemes
            .get(range.start)
            .map(|g| g.logical)
            .unwrap_or(offset)..end;
        out.push(line);
    }
}

/// Builds the line holding `graphemes` (bytes `bytes` of the cleaned
/// paragraph, whose levels `info` holds), trailing spaces left out.
fn build_line(
    clean: &wrap::Cleaned,
    info: &ParagraphBidiInfo,
    graphemes: &[Grapheme],
    bytes: Range<usize>,
    width: usize,
    order: Order,
) -> Line {
    let level = info.paragraph_level;
    let direction = if level.is_rtl() {
        Direction::Rtl
    } else {
        Direction::Ltr
    };
    // Trailing spaces take no room at a line's end.
    let mut shown = graphemes;
    while let Some((last, rest)) = shown.split_last() {
        if clean.text[last.bytes.clone()].trim().is_empty() {
            shown = rest;
        } else {
            break;
        }
    }
    let mut line = Line {
        text: String::new(),
        clusters: Vec::with_capacity(shown.len()),
        indent: 0,
        width: 0,
        logical: graphemes.first().map(|g| g.logical).unwrap_or(0)
            ..graphemes.last().map(|g| g.logical + 1).unwrap_or(0),
        direction,
    };
    let Some(last) = shown.last() else {
        line.indent = if level.is_rtl() { width } else { 0 };
        return line;
    };
    let line_bytes = bytes.start..last.bytes.end;
    let mut push = |g: &Grapheme, mirror: bool| {
        let start = line.text.len();
        let s = &clean.text[g.bytes.clone()];
        if s.chars().all(wrap::is_direction_mark) {
            // They steered the reordering; the terminal never sees them.
            return;
        }
        match mirror.then(|| bidi::mirror_grapheme(s)).flatten() {
            Some(m) => line.text.push(m),
            None => line.text.push_str(s),
        }
        line.clusters.push(Cluster {
            bytes: start..line.text.len(),
            logical: g.logical,
            width: g.width,
        });
        line.width += g.width;
    };
    match order {
        Order::Logical => shown.iter().for_each(|g| push(g, false)),
        Order::Visual => {
            let (levels, runs) = info.visual_runs(line_bytes);
            for run in runs {
                let in_run = shown
                    .iter()
                    .filter(|g| g.bytes.start >= run.start && g.bytes.start < run.end);
                if levels[run.start].is_rtl() {
                    in_run.rev().for_each(|g| push(g, true));
                } else {
                    in_run.for_each(|g| push(g, false));
                }
            }
        }
    }
    if level.is_rtl() {
        line.indent = width.saturating_sub(line.width);
    }
    line
}
