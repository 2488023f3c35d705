//! A cursor in a laid-out text. Positions are logical (code points of the
//! whole text, as stored); moving left or right goes by what is on screen,
//! as in bidi editors, and words, sentences and paragraphs go in reading
//! order.

use super::layout::Layout;
/// Where words, sentences and paragraphs are, for the motions that go by
/// them: `text::marks`.
pub use super::marks::Marks;

/// Where a logical position is on screen: the line, and the column of its
/// cell from the line's left edge (indent included).
pub fn locate(layout: &Layout, pos: usize) -> Option<(usize, usize)> {
    let line = line_of(layout, pos)?;
    let l = &layout.lines[line];
    let mut x = l.indent;
    // The cluster holding `pos`, or the nearest one before it in logical order.
    let mut best: Option<(usize, usize)> = None;
    for c in &l.clusters {
        if c.logical <= pos && best.is_none_or(|(b, _)| c.logical > b) {
            best = Some((c.logical, x));
        }
        x += c.width;
    }
    Some((line, best.map(|(_, x)| x).unwrap_or(l.indent)))
}

/// The line whose logical range holds `pos` (the last line for the end).
pub fn line_of(layout: &Layout, pos: usize) -> Option<usize> {
    if layout.lines.is_empty() {
        return None;
    }
    let i = layout.lines.partition_point(|l| l.logical.start <= pos);
    Some(i.saturating_sub(1))
}

/// The position one cell to the left on screen (`left`) or to the right;
/// past a line's edge, the next line in that direction of reading: in a
/// right-to-left line left is onward, in a left-to-right line it is back.
pub fn visual_step(layout: &Layout, pos: usize, left: bool) -> Option<usize> {
    let line = line_of(layout, pos)?;
    let l = &layout.lines[line];
    let here = l
        .clusters
        .iter()
        .position(|c| c.logical == pos)
        .or_else(|| {
            // A position not drawn (a space at a wrap): the cluster before it.
            l.clusters
                .iter()
                .enumerate()
                .filter(|(_, c)| c.logical < pos)
                .max_by_key(|(_, c)| c.logical)
                .map(|(i, _)| i)
        });
    if let Some(i) = here {
        let next = if left { i.checked_sub(1) } else { Some(i + 1) };
        if let Some(c) = next.and_then(|n| l.clusters.get(n)) {
            return Some(c.logical);
        }
    }
    // Off the edge: onward when the edge is the line's reading end.
    let onward = left == (l.direction == super::Direction::Rtl);
    let mut j = line;
    loop {
        j = if onward { j + 1 } else { j.checked_sub(1)? };
        let next = layout.lines.get(j)?;
        // Arriving from the right lands on the rightmost cell, and so on.
        let c = if left {
            next.clusters.last()
        } else {
            next.clusters.first()
        };
        if let Some(c) = c {
            return Some(c.logical);
        }
    }
}

/// The position on the line `by` lines away, at the column nearest `column`.
pub fn vertical_step(layout: &Layout, pos: usize, by: isize, column: usize) -> Option<usize> {
    let line = line_of(layout, pos)?;
    let target = (line as isize + by).clamp(0, layout.lines.len() as isize - 1) as usize;
    let l = &layout.lines[target];
    let mut x = l.indent;
    let mut best: Option<(usize, usize)> = None;
    for c in &l.clusters {
        let d = x.abs_diff(column);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c.logical));
        }
        x += c.width;
    }
    Some(best.map(|(_, p)| p).unwrap_or(l.logical.start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Order, layout};

    /// Every cluster of more than one code point, by the segmenter run over

    #[test]
    fn left_in_hebrew_goes_onward_and_right_goes_back() {
        // "שלום עולם" on one line: on screen "םלוע םולש", reading from the right.
        let l = layout("שלום עולם", 20, None, Order::Visual);
        assert_eq!(visual_step(&l, 0, true), Some(1));
        assert_eq!(visual_step(&l, 1, false), Some(0));
        // Off the left edge of the last line: nowhere to go.
        assert_eq!(visual_step(&l, 8, true), None);
    }

    #[test]
    fn a_number_inside_hebrew_is_crossed_by_what_is_on_screen() {
        // "בשנת 2020 היה" : the digits run left to right inside the line.
        let text = "בשנת 2020 היה";
        let l = layout(text, 40, None, Order::Visual);
        // From the space after "בשנת" (4) left on screen is the last digit (8).
        assert_eq!(visual_step(&l, 4, true), Some(8));
        // Left along the digits goes back in logical order.
        assert_eq!(visual_step(&l, 8, true), Some(7));
        assert_eq!(visual_step(&l, 5, true), Some(9));
    }

    #[test]
    fn past_the_edge_the_next_line_in_reading_order() {
        let text = "אחת שתיים שלוש ארבע";
        let l = layout(text, 10, None, Order::Visual);
        assert!(l.lines.len() >= 2);
        let end_first = l.lines[0].clusters[0].logical; // leftmost cell of line 1
        let next = visual_step(&l, end_first, true).unwrap();
        // Lands on the rightmost cell of line 2, where its reading starts.
        assert_eq!(Some(next), l.lines[1].clusters.last().map(|c| c.logical));
        assert_eq!(visual_step(&l, next, false), Some(end_first));
        // English goes the other way round.
        let e = layout("one two three four", 9, None, Order::Visual);
        let last = e.lines[0].clusters.last().unwrap().logical;
        assert_eq!(visual_step(&e, last, false), Some(e.lines[1].logical.start));
    }

    #[test]
    fn up_and_down_keep_the_column() {
        let l = layout("one two three four", 9, None, Order::Visual);
        let (_, x) = locate(&l, 2).unwrap();
        let down = vertical_step(&l, 2, 1, x).unwrap();
        assert_eq!(locate(&l, down).unwrap(), (1, x));
        assert_eq!(vertical_step(&l, down, -1, x), Some(2));
    }
}
