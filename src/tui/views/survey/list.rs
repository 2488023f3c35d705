//! The survey's list as the view holds it: a light slot per question (where
//! it goes, no text), each instrument and topic it falls under once, and
//! the wordings of the questions near the selection only. Holding every
//! question's row whole made the view's memory grow with the survey (at
//! 200,000 quotes, 2,000 questions: 1.6 MB against 0.4 MB at 20,000).

use crate::domain::Id;
use crate::store::survey::QuestionRow;
use crate::store::{Store, StoreError};
use std::collections::HashMap;

/// How many questions either side of the selection have their wording
/// held: more than a terminal has rows, so every row on screen has its
/// text (the list keeps the selection on screen).
pub const WINDOW: usize = 256;

/// A question's place in the list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slot {
    pub id: Id,
    pub instrument: Id,
    pub scale: Id,
    /// Index into [`QuestionList::topics`].
    pub topic: usize,
    /// The item key it shares with questions of other cohorts, as an index
    /// among the keys; none when it stands alone.
    pub item: Option<usize>,
}

/// An instrument's heading in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    pub id: Id,
    pub title: String,
    pub cohort_label: String,
}

/// A topic of one instrument, numbered in the order of its first question.
#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    /// Index into [`QuestionList::heads`].
    pub head: usize,
    pub name: String,
    /// How many leading characters all its questions share (left out of
    /// the list, the detail pane has the whole wording).
    pub shared: usize,
}

#[derive(Debug, Default)]
pub struct QuestionList {
    pub slots: Vec<Slot>,
    pub topics: Vec<Topic>,
    pub heads: Vec<Head>,
    /// A question's index among the slots.
    pub index: HashMap<Id, usize>,
}

impl QuestionList {
    /// Reads every question once, keeping its place and not its text.
    pub fn read(store: &Store) -> Result<QuestionList, StoreError> {
        let mut list = QuestionList::default();
        let mut heads: HashMap<Id, usize> = HashMap::new();
        let mut topics: HashMap<(Id, String), usize> = HashMap::new();
        let mut items: HashMap<String, usize> = HashMap::new();
        // Per topic: its first wording, and how many characters every
        // wording so far shares with it (none while it has one).
        let mut starts: Vec<(String, Option<usize>)> = vec![];
        store.each_question_row(|row| {
            let QuestionRow {
                question: q,
                instrument_title,
                cohort_label,
            } = row;
            let head = *heads.entry(q.instrument).or_insert_with(|| {
                list.heads.push(Head {
                    id: q.instrument,
                    title: instrument_title,
                    cohort_label,
                });
                list.heads.len() - 1
            });
            let topic = match topics.get(&(q.instrument, q.topic.clone())) {
                Some(&t) => {
                    let (first, common) = &mut starts[t];
                    let with = common_chars(first, &q.wording);
                    *common = Some(common.map_or(with, |c| c.min(with)));
                    t
                }
                None => {
                    let t = list.topics.len();
                    topics.insert((q.instrument, q.topic.clone()), t);
                    list.topics.push(Topic {
                        head,
                        name: q.topic,
                        shared: 0,
                    });
                    starts.push((q.wording, None));
                    t
                }
            };
            let item = (!q.item.is_empty()).then(|| {
                let n = items.len();
                *items.entry(q.item).or_insert(n)
            });
            list.index.insert(q.id, list.slots.len());
            list.slots.push(Slot {
                id: q.id,
                instrument: q.instrument,
                scale: q.scale,
                topic,
                item,
            });
        })?;
        for (topic, (first, common)) in list.topics.iter_mut().zip(&starts) {
            topic.shared = common.map_or(0, |c| to_word_end(first, c));
        }
        Ok(list)
    }

    /// The questions of other instruments that ask slot `i`'s item.
    pub fn same_item(&self, i: usize) -> impl Iterator<Item = &Slot> + '_ {
        let of = self.slots[i];
        self.slots.iter().filter(move |s| {
            of.item.is_some() && s.item == of.item && s.instrument != of.instrument
        })
    }

    pub fn head_of(&self, slot: &Slot) -> &Head {
        &self.heads[self.topics[slot.topic].head]
    }
}

/// How many leading characters `a` and `b` share.
fn common_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// The first `common` characters of `text`, cut back to the end of its last
/// whole word (after its space).
fn to_word_end(text: &str, common: usize) -> usize {
    let prefix: Vec<char> = text.chars().take(common).collect();
    prefix
        .iter()
        .rposition(|c| *c == ' ')
        .map(|p| p + 1)
        .unwrap_or(0)
}

/// How many leading characters, up to a word's end, all of `texts` share
/// (none when they are fewer than two).
pub fn shared_words(texts: &[&str]) -> usize {
    let Some((first, rest)) = texts.split_first() else {
        return 0;
    };
    match rest.iter().map(|t| common_chars(first, t)).min() {
        Some(common) => to_word_end(first, common),
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_a_topic_shares_are_found_to_a_word_boundary() {
        let t = [
            "ידע חדש בנושא: מושגים",
            "ידע חדש בנושא: מגמות",
            "ידע חדש בנושא: מצב",
        ];
        assert_eq!(shared_words(&t), "ידע חדש בנושא: ".chars().count());
        assert_eq!(shared_words(&["אחת", "שתיים"]), 0);
        assert_eq!(shared_words(&["לבד"]), 0);
        // A shared start inside a word stops at the word before it.
        assert_eq!(
            shared_words(&["שביעות רצון מארגון", "שביעות רצון מהנחיה"]),
            "שביעות רצון ".chars().count()
        );
    }

    #[test]
    fn the_list_read_from_the_store_holds_each_question_once_and_its_topics_shares() {
        let store = crate::store::testing::demo_store();
        let list = QuestionList::read(&store).unwrap();
        let rows = store.question_rows_of(&list.slots.iter().map(|s| s.id).collect::<Vec<_>>());
        let rows = rows.unwrap();
        assert_eq!(rows.len(), list.slots.len());
        for (slot, row) in list.slots.iter().zip(&rows) {
            assert_eq!(slot.id, row.question.id, "in the same order");
            let topic = &list.topics[slot.topic];
            assert_eq!(topic.name, row.question.topic);
            assert_eq!(list.head_of(slot).title, row.instrument_title);
            // What the topic shares is shared by the question.
            let wordings: Vec<&str> = rows
                .iter()
                .filter(|r| {
                    r.question.instrument == row.question.instrument
                        && r.question.topic == row.question.topic
                })
                .map(|r| r.question.wording.as_str())
                .collect();
            assert_eq!(topic.shared, shared_words(&wordings), "{}", topic.name);
        }
        assert!(list.topics.iter().any(|t| t.shared > 0));
        // The same item asked in another cohort is found by its key.
        let asked_twice = (0..list.slots.len())
            .filter(|&i| list.same_item(i).next().is_some())
            .count();
        let by_rows = rows
            .iter()
            .filter(|r| {
                !r.question.item.is_empty()
                    && rows.iter().any(|o| {
                        o.question.item == r.question.item
                            && o.question.instrument != r.question.instrument
                    })
            })
            .count();
        assert!(asked_twice > 0);
        assert_eq!(asked_twice, by_rows);
    }
}
