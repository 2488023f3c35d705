//! Laid-out paragraphs, kept so that scrolling and redrawing do not lay them
//! out again.

use super::bidi::Direction;
use super::layout::{Layout, Order, layout, layout_part, truncated};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// What is laid out: a whole text, a text cut to one line, or a paragraph
/// that is a part of a longer text, at this position of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Whole,
    Line,
    Part(usize),
}

/// (text, width, direction, order, kind)
type Key = (String, usize, Option<Direction>, Order, Kind);
type Generation = HashMap<Key, Rc<Layout>>;

/// A cache of layouts by (text, width, direction, order). It holds two
/// generations: when the newer one fills up it becomes the older, and the
/// older is dropped; a layout used from the older generation moves back to
/// the newer. Memory stays bounded without bookkeeping per entry.
pub struct LayoutCache {
    capacity: usize,
    /// The newer generation, then the older.
    maps: RefCell<(Generation, Generation)>,
}

impl LayoutCache {
    /// A cache of at most about `2 * capacity` layouts.
    pub fn new(capacity: usize) -> LayoutCache {
        LayoutCache {
            capacity: capacity.max(1),
            maps: RefCell::new((HashMap::new(), HashMap::new())),
        }
    }

    /// The layout of `text`, from the cache or made now.
    pub fn get(
        &self,
        text: &str,
        width: usize,
        direction: Option<Direction>,
        order: Order,
    ) -> Rc<Layout> {
        self.lookup((text.to_string(), width, direction, order, Kind::Whole))
    }

    /// `text` cut to one line (see [`truncated`]), as a layout of that line.
    pub fn get_line(
        &self,
        text: &str,
        width: usize,
        direction: Option<Direction>,
        order: Order,
    ) -> Rc<Layout> {
        self.lookup((text.to_string(), width, direction, order, Kind::Line))
    }

    /// A paragraph that begins at position `offset` of a longer text (see
    /// [`super::parts`]), its positions those of that text.
    pub fn get_part(
        &self,
        text: &str,
        offset: usize,
        width: usize,
        direction: Option<Direction>,
        order: Order,
    ) -> Rc<Layout> {
        self.lookup((
            text.to_string(),
            width,
            direction,
            order,
            Kind::Part(offset),
        ))
    }

    fn lookup(&self, key: Key) -> Rc<Layout> {
        let mut maps = self.maps.borrow_mut();
        if let Some(found) = maps.0.get(&key) {
            return Rc::clone(found);
        }
        let found = match maps.1.remove(&key) {
            Some(old) => old,
            None => {
                let (text, width, direction, order, kind) = &key;
                Rc::new(match *kind {
                    Kind::Line => Layout {
                        lines: vec![truncated(text, *width, *direction, *order)],
                    },
                    Kind::Whole => layout(text, *width, *direction, *order),
                    Kind::Part(offset) => layout_part(text, offset, *width, *direction, *order),
                })
            }
        };
        if maps.0.len() >= self.capacity {
            let newer = std::mem::take(&mut maps.0);
            maps.1 = newer;
        }
        maps.0.insert(key, Rc::clone(&found));
        found
    }

    /// How many layouts are kept.
    pub fn len(&self) -> usize {
        let maps = self.maps.borrow();
        maps.0.len() + maps.1.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Default for LayoutCache {
    fn default() -> Self {
        LayoutCache::new(2048)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lookup_returns_the_same_layout() {
        let cache = LayoutCache::new(10);
        let a = cache.get("שלום עולם", 20, None, Order::Visual);
        let b = cache.get("שלום עולם", 20, None, Order::Visual);
        assert!(Rc::ptr_eq(&a, &b));
        let c = cache.get("שלום עולם", 21, None, Order::Visual);
        assert!(!Rc::ptr_eq(&a, &c), "another width is another layout");
        assert_eq!(cache.len(), 2);
    }

    #[test]
    fn the_cache_stays_bounded_and_keeps_what_is_in_use() {
        let cache = LayoutCache::new(4);
        let kept = cache.get("kept", 10, None, Order::Visual);
        for i in 0..100 {
            cache.get(&format!("text {i}"), 10, None, Order::Visual);
            // Used on every frame, so it never ages out.
            assert!(Rc::ptr_eq(
                &kept,
                &cache.get("kept", 10, None, Order::Visual)
            ));
        }
        assert!(cache.len() <= 8, "{} layouts kept", cache.len());
    }
}
