//! The reader's window: the parts of the text around the cursor laid out
//! at one width and order, and the codings painted over them.

use crate::domain::Id;
use crate::store::marking::Mark;
use crate::text::Order;
use std::ops::Range;
use std::rc::Rc;

/// The parts of the text around the cursor, laid out at one width and
/// order, with the codings painted over them.
#[derive(Debug)]
pub(super) struct Window {
    pub(super) parts: Range<usize>,
    pub(super) width: usize,
    pub(super) order: Order,
    pub(super) layout: Rc<crate::text::Layout>,
    pub(super) paint: Paint,
}

/// For each code point of a stretch of the text: the code painted on it
/// (the shortest span's), that span's length, and how many codings cover it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Paint {
    pub(super) start: usize,
    pub(super) code: Vec<Option<Id>>,
    pub(super) len: Vec<usize>,
    pub(super) depth: Vec<u8>,
}

impl Paint {
    /// The paint of code points `chars` under `marks`: longer spans first,
    /// so a shorter one painted later shows; of spans as long, the latest
    /// coding's.
    pub(super) fn of(marks: &[Mark], chars: Range<usize>) -> Paint {
        let n = chars.len();
        let mut paint = Paint {
            start: chars.start,
            code: vec![None; n],
            len: vec![usize::MAX; n],
            depth: vec![0; n],
        };
        let mut by_length: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.start < chars.end && m.end > chars.start)
            .collect();
        by_length.sort_by_key(|m| (std::cmp::Reverse(m.end - m.start), m.coding));
        for m in by_length {
            paint.span(m);
        }
        paint
    }

    pub(super) fn span(&mut self, m: &Mark) {
        let span = m.end - m.start;
        let end = self.start + self.code.len();
        for p in m.start.max(self.start)..m.end.min(end) {
            let i = p - self.start;
            if span <= self.len[i] {
                self.code[i] = Some(m.code);
                self.len[i] = span;
            }
            self.depth[i] = self.depth[i].saturating_add(1);
        }
    }

    pub(super) fn at(&self, pos: usize) -> (Option<Id>, u8) {
        pos.checked_sub(self.start)
            .filter(|i| *i < self.code.len())
            .map_or((None, 0), |i| (self.code[i], self.depth[i]))
    }
}
