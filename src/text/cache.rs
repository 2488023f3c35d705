//! Laid-out paragraphs, kept so that scrolling and redrawing do not lay them
//! out again.

use super::bidi::Direction;
use super::layout::{Layout, Order, layout, truncated};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// (text, width, direction, order, cut to one line)
type Key = (String, usize, Option<Direction>, Order, bool);
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
        self.lookup((text.to_string(), width, direction, order, false))
    }

    /// `text` cut to one line (see [`truncated`]), as a layout of that line.
    pub fn get_line(
        &self,
        text: &str,
        width: usize,
        direction: Option<Direction>,
        order: Order,
    ) -> Rc<Layout> {
        self.lookup((text.to_string(), width, direction, order, true))
    }

    fn lookup(&self, key: Key) -> Rc<Layout> {
        let mut maps = self.maps.borrow_mut();
        if let Some(found) = maps.0.get(&key) {
            return Rc::clone(found);
        }
        let found = match maps.1.remove(&key) {
            Some(old) => old,
            None => {
                let (text, width, direction, order, one_line) = &key;
                Rc::new(if *one_line {
                    Layout {
                        lines: vec![truncated(text, *width, *direction, *order)],
                    }
                } else {
                    layout(text, *width, *direction, *order)
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
