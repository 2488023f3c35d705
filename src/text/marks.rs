//! Where words, sentences, paragraphs, spaces and grapheme clusters of a
//! text are, in code points: what the reader's motions by word, sentence
//! and turn, and its selections, go by.

use super::parts::Parts;
use std::cell::RefCell;
use unicode_segmentation::UnicodeSegmentation;

/// Code points before a byte of a text, for bytes asked in increasing
/// order.
struct Counter<'a> {
    text: &'a str,
    byte: usize,
    cp: usize,
}

impl<'a> Counter<'a> {
    fn new(text: &'a str) -> Self {
        Counter {
            text,
            byte: 0,
            cp: 0,
        }
    }

    /// Code points before byte `b` (a character boundary, not before the
    /// last one asked).
    fn cp(&mut self, b: usize) -> usize {
        if b < self.byte {
            (self.byte, self.cp) = (0, 0);
        }
        self.cp += self.text[self.byte..b].chars().count();
        self.byte = b;
        self.cp
    }
}

/// Where words, sentences and paragraphs of a text start and end, in code
/// points; worked out once when a text is opened. Positions are kept as
/// `u32` and single-code-point graphemes are not listed, so a document of
/// ten million characters takes tens of megabytes here, not hundreds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// Code points in the text.
    pub len: usize,
    /// Grapheme clusters of more than one code point (a letter with its
    /// points, an emoji sequence): start and end. Every other code point is
    /// a grapheme of its own.
    clusters: Vec<(u32, u32)>,
    /// Non-empty paragraphs (speaker turns), start and end.
    paragraphs: Vec<(u32, u32)>,
    /// Runs of white space (line breaks included), start and end.
    spaces: Vec<(u32, u32)>,
    /// The text, and its parts (see [`super::parts`]): words and sentences
    /// are found a part at a time, when a motion first needs them.
    text: String,
    parts: Parts,
    lazy: RefCell<Vec<Option<PartMarks>>>,
}

/// The words and sentences of one part, in positions of the whole text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct PartMarks {
    /// Words (runs holding a letter or digit), start and end.
    words: Vec<(u32, u32)>,
    /// First non-space position of every sentence.
    sentences: Vec<u32>,
}

fn cp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A character that is a grapheme of its own whatever stands around it:
/// Latin below the combining marks (U+0300), and the Hebrew letters. A
/// carriage return is not (it joins a line feed).
fn alone(c: char) -> bool {
    ((c as u32) < 0x300 && c != '\r') || matches!(c, '\u{5D0}'..='\u{5EA}' | '\u{5F0}'..='\u{5F4}')
}

/// Grapheme clusters of more than one code point. Only stretches holding a
/// character that is not [`alone`] are segmented, with the character before
/// them (a base the marks go on) and the one after (a prepended mark goes
/// on what follows).
fn clusters_of(text: &str) -> Vec<(u32, u32)> {
    let mut out = vec![];
    let mut chars = text.char_indices().peekable();
    // The code point index of the next character, and the byte and index
    // of the one before it.
    let mut n = 0usize;
    let mut before: Option<(usize, usize)> = None;
    while let Some((b, c)) = chars.next() {
        if alone(c) {
            before = Some((b, n));
            n += 1;
            continue;
        }
        let (from, first) = before.unwrap_or((b, n));
        n += 1;
        while chars.next_if(|(_, c)| !alone(*c)).is_some() {
            n += 1;
        }
        let to = match chars.next() {
            Some((b, c)) => {
                before = Some((b, n));
                n += 1;
                b + c.len_utf8()
            }
            None => text.len(),
        };
        let mut at = first;
        for g in text[from..to].graphemes(true) {
            let k = g.chars().count();
            if k > 1 {
                out.push((cp(at), cp(at + k)));
            }
            at += k;
        }
    }
    out
}

/// The words and sentences of `text`, a part that begins at code point
/// `offset` of the whole: words are the runs the Unicode word boundaries
/// make that hold a letter or a digit; a sentence starts at its first
/// non-space character.
fn part_marks(text: &str, offset: usize) -> PartMarks {
    let mut at = Counter::new(text);
    let words = text
        .split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(b, w)| (cp(offset + at.cp(b)), cp(offset + at.cp(b + w.len()))))
        .collect();
    let mut at = Counter::new(text);
    let sentences = text
        .split_sentence_bound_indices()
        .filter(|(_, s)| !s.trim().is_empty())
        .map(|(b, s)| cp(offset + at.cp(b + s.len() - s.trim_start().len())))
        .collect();
    PartMarks { words, sentences }
}

impl Marks {
    /// The marks of `text`: its length, clusters, spaces and paragraphs
    /// now; words and sentences part by part as motions reach them (a 10 MB
    /// text took 380 ms to segment whole).
    pub fn new(text: &str) -> Marks {
        let parts = Parts::new(text);
        let mut m = Marks {
            len: text.chars().count(),
            clusters: clusters_of(text),
            lazy: RefCell::new(vec![None; parts.parts.len()]),
            parts,
            text: text.to_string(),
            ..Marks::default()
        };
        let mut offset = 0;
        for p in text.split('\n') {
            let len = p.chars().count();
            if !p.trim().is_empty() {
                m.paragraphs.push((cp(offset), cp(offset + len)));
            }
            offset += len + 1;
        }
        for (i, c) in text.chars().enumerate() {
            if !c.is_whitespace() {
                continue;
            }
            let i = cp(i);
            match m.spaces.last_mut() {
                Some(run) if run.1 == i => run.1 = i + 1,
                _ => m.spaces.push((i, i + 1)),
            }
        }
        m
    }

    /// The text's parts, as the reader lays them out.
    pub fn parts(&self) -> &Parts {
        &self.parts
    }

    /// `f` of part `i`'s words and sentences, found now if they were not.
    fn in_part<R>(&self, i: usize, f: impl FnOnce(&PartMarks) -> R) -> R {
        let mut lazy = self.lazy.borrow_mut();
        let slot = &mut lazy[i];
        let marks = slot.get_or_insert_with(|| {
            let p = &self.parts.parts[i];
            part_marks(&self.text[p.bytes.clone()], p.chars.start)
        });
        f(marks)
    }

    /// The first position that `pick` finds in a part, from the part of
    /// `pos` onward (`forward`) or back.
    fn seek(
        &self,
        pos: usize,
        forward: bool,
        pick: impl Fn(&PartMarks) -> Option<usize>,
    ) -> Option<usize> {
        let n = self.parts.parts.len();
        if n == 0 {
            return None;
        }
        let mut i = self.parts.index_of(pos);
        loop {
            if let Some(found) = self.in_part(i, &pick) {
                return Some(found);
            }
            if forward {
                i += 1;
                if i >= n {
                    return None;
                }
            } else {
                i = i.checked_sub(1)?;
            }
        }
    }

    /// The multi-code-point cluster holding `pos`, if there is one.
    fn cluster_at(&self, pos: usize) -> Option<(usize, usize)> {
        let i = self.clusters.partition_point(|c| (c.1 as usize) <= pos);
        self.clusters
            .get(i)
            .filter(|c| c.0 as usize <= pos)
            .map(|c| (c.0 as usize, c.1 as usize))
    }

    /// The start of the grapheme after the one at `pos`.
    pub fn next_grapheme(&self, pos: usize) -> usize {
        match self.cluster_at(pos) {
            Some((_, end)) => end,
            None => (pos + 1).min(self.len),
        }
    }

    /// The start of the grapheme holding `pos`.
    pub fn grapheme_start(&self, pos: usize) -> usize {
        let pos = pos.min(self.len);
        self.cluster_at(pos).map_or(pos, |(start, _)| start)
    }

    /// `w`: the start of the next word.
    pub fn word_forward(&self, pos: usize) -> Option<usize> {
        self.seek(pos, true, |m| {
            let i = m.words.partition_point(|w| w.0 as usize <= pos);
            m.words.get(i).map(|w| w.0 as usize)
        })
    }

    /// `b`: the start of this word, or of the one before.
    pub fn word_back(&self, pos: usize) -> Option<usize> {
        self.seek(pos, false, |m| {
            let i = m.words.partition_point(|w| (w.0 as usize) < pos);
            i.checked_sub(1).map(|i| m.words[i].0 as usize)
        })
    }

    /// `e`: the last character of this word, or of the next.
    pub fn word_end(&self, pos: usize) -> Option<usize> {
        let last = |w: &(u32, u32)| self.grapheme_start(w.1 as usize - 1);
        self.seek(pos, true, |m| {
            let i = m.words.partition_point(|w| last(w) <= pos);
            m.words.get(i).map(last)
        })
    }

    /// `)`: the start of the next sentence.
    pub fn sentence_forward(&self, pos: usize) -> Option<usize> {
        self.seek(pos, true, |m| {
            let i = m.sentences.partition_point(|s| *s as usize <= pos);
            m.sentences.get(i).map(|s| *s as usize)
        })
    }

    /// `(`: the start of this sentence, or of the one before.
    pub fn sentence_back(&self, pos: usize) -> Option<usize> {
        self.seek(pos, false, |m| {
            let i = m.sentences.partition_point(|s| (*s as usize) < pos);
            i.checked_sub(1).map(|i| m.sentences[i] as usize)
        })
    }

    /// `}`: the start of the next paragraph.
    pub fn paragraph_forward(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.0 as usize <= pos);
        self.paragraphs.get(i).map(|p| p.0 as usize)
    }

    /// `{`: the start of this paragraph, or of the one before.
    pub fn paragraph_back(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| (p.0 as usize) < pos);
        i.checked_sub(1).map(|i| self.paragraphs[i].0 as usize)
    }

    /// A span without white space at either end. A span of white space
    /// alone is kept as it is.
    pub fn trimmed(&self, start: usize, end: usize) -> (usize, usize) {
        let (mut s, mut e) = (start, end);
        let run_at = |p: usize| {
            let i = self.spaces.partition_point(|r| (r.1 as usize) <= p);
            self.spaces
                .get(i)
                .filter(|r| r.0 as usize <= p)
                .map(|r| (r.0 as usize, r.1 as usize))
        };
        if let Some(run) = e.checked_sub(1).and_then(run_at) {
            e = run.0.max(s);
        }
        if let Some(run) = run_at(s) {
            s = run.1.min(e);
        }
        if s < e { (s, e) } else { (start, end) }
    }

    /// The paragraph holding `pos`.
    pub fn paragraph_at(&self, pos: usize) -> Option<(usize, usize)> {
        // Paragraphs are in order and do not overlap: the last one that
        // starts at or before `pos`.
        let i = self.paragraphs.partition_point(|p| p.0 as usize <= pos);
        let (s, e) = *self.paragraphs.get(i.checked_sub(1)?)?;
        let (s, e) = (s as usize, e as usize);
        (s <= pos && pos < e.max(s + 1)).then_some((s, e))
    }
}

#[cfg(test)]
mod tests;
