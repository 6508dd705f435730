//! The word index: every distinct lower-cased word of the events' text, and which events
//! have it. A word or any part of a word finds its events by scanning the vocabulary (tens
//! of thousands of words), never the text of a million events.

use memchr::memmem;
use roaring::{MultiOps, RoaringBitmap};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::Postings;

/// Letters and digits of ASCII, which single-character searches look up directly.
const ASCII: usize = 36;

/// The words of a text: its runs of letters and digits.
pub fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
}

/// Lower-cases `field` into `out`, as `str::to_lowercase` does (final sigma included).
fn lowercase_into(field: &str, out: &mut String) {
    out.clear();
    if field.is_ascii() {
        out.push_str(field);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&field.to_lowercase());
    }
}

fn ascii_slot(b: u8) -> Option<usize> {
    match b {
        b'0'..=b'9' => Some(usize::from(b - b'0')),
        b'a'..=b'z' => Some(usize::from(b - b'a') + 10),
        _ => None,
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Words {
    /// Every distinct word, each followed by a newline.
    vocabulary: String,
    /// Where each word starts in `vocabulary`.
    starts: Vec<u32>,
    /// Per word: the events that have it.
    events: Vec<RoaringBitmap>,
    /// Per ASCII letter or digit: the events with it in a word.
    chars: Vec<RoaringBitmap>,
}

impl Words {
    /// Indexes events given as their text fields, in timeline order.
    pub fn new<'e, F>(events: impl Iterator<Item = F>) -> Self
    where
        F: Iterator<Item = &'e str>,
    {
        let mut ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut words = Self::default();
        let mut word_events: Vec<Postings> = Vec::new();
        let mut char_events = vec![Postings::default(); ASCII];
        let mut lower = String::new();
        for (e, fields) in events.enumerate() {
            let e = e as u32;
            let mut seen_chars = 0u64;
            for field in fields {
                lowercase_into(field, &mut lower);
                for token in tokens(&lower) {
                    let id = match ids.get(token) {
                        Some(&id) => id,
                        None => {
                            let id = words.starts.len() as u32;
                            ids.insert(token.into(), id);
                            words.starts.push(words.vocabulary.len() as u32);
                            words.vocabulary.push_str(token);
                            words.vocabulary.push('\n');
                            word_events.push(Postings::default());
                            id
                        }
                    };
                    word_events[id as usize].push(e);
                    for slot in token.bytes().filter_map(ascii_slot) {
                        seen_chars |= 1 << slot;
                    }
                }
            }
            for (slot, events) in char_events.iter_mut().enumerate() {
                if seen_chars & (1 << slot) != 0 {
                    events.push(e);
                }
            }
        }
        words.events = word_events.into_iter().map(Postings::finish).collect();
        words.chars = char_events.into_iter().map(Postings::finish).collect();
        words
    }

    /// Whether every word and event number is in range for `events` events.
    pub fn fits(&self, events: usize) -> bool {
        let in_range = |set: &RoaringBitmap| set.max().is_none_or(|e| (e as usize) < events);
        self.events.len() == self.starts.len()
            && self.starts.first().is_none_or(|&s| s == 0)
            && self.chars.len() == ASCII
            && self.starts.is_sorted()
            && self
                .starts
                .iter()
                .all(|&s| self.vocabulary.is_char_boundary(s as usize))
            && self.events.iter().all(in_range)
            && self.chars.iter().all(in_range)
    }

    /// How many distinct words there are.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Events with a word that contains `part`, which must be lower-case letters and digits.
    pub fn containing(&self, part: &str) -> RoaringBitmap {
        if let [b] = part.as_bytes()
            && let Some(slot) = ascii_slot(*b)
        {
            return self.chars[slot].clone();
        }
        let mut previous = None;
        memmem::find_iter(self.vocabulary.as_bytes(), part.as_bytes())
            .filter_map(|at| {
                let word = self.starts.partition_point(|&s| s as usize <= at) - 1;
                (previous.replace(word) != Some(word)).then_some(word)
            })
            .map(|word| &self.events[word])
            .union()
    }
}
