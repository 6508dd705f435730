//! The word index: every distinct folded word (see [`crate::fold`]) of the events' text, and which events
//! have it. A word or any part of a word finds its events by scanning the vocabulary (tens
//! of thousands of words), never the text of a million events.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use memchr::memmem;
use rayon::prelude::*;
use roaring::{MultiOps, RoaringBitmap};
use rustc_hash::FxBuildHasher;
use serde::{Deserialize, Serialize};

use super::{Postings, fields};
use crate::fold::fold_into;
use crate::store::{Actor, Event, Source};

/// Letters and digits of ASCII, which single-character searches look up directly.
const ASCII: usize = 36;

/// The words of a text: its runs of letters and digits.
pub fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
}

fn ascii_slot(b: u8) -> Option<usize> {
    match b {
        b'0'..=b'9' => Some(usize::from(b - b'0')),
        b'a'..=b'z' => Some(usize::from(b - b'a') + 10),
        _ => None,
    }
}

/// Fewer events than this are indexed on one core.
const PART_MIN: usize = 20_000;

/// The words of a run of consecutive events, and where to find each word.
#[derive(Default)]
struct Part {
    words: Words,
    /// Word numbers, found by comparing with the words in `words.vocabulary`: one compact
    /// block of memory rather than a string allocated per word.
    ids: HashTable<u32>,
}

impl Part {
    /// Indexes `events`, numbering them from `first`.
    fn new(events: &[Event], actors: &[Actor], sources: &[Source], first: u32) -> Self {
        let mut part = Self::default();
        let mut word_events: Vec<Postings> = Vec::new();
        // The last event each word was added for: a dense array the cache keeps close.
        let mut last_event: Vec<u32> = Vec::new();
        let mut char_events = vec![Postings::default(); ASCII];
        let mut lower = String::new();
        for (e, event) in (first..).zip(events) {
            let mut seen_chars = 0u64;
            for field in fields(event, actors, sources) {
                fold_into(field, true, &mut lower);
                for token in tokens(&lower) {
                    let id = part.id(token) as usize;
                    if id == word_events.len() {
                        word_events.push(Postings::default());
                        last_event.push(u32::MAX);
                    }
                    if last_event[id] != e {
                        last_event[id] = e;
                        word_events[id].push(e);
                    }
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
        part.words.events = word_events.into_iter().map(Postings::finish).collect();
        part.words.chars = char_events.into_iter().map(Postings::finish).collect();
        part
    }

    /// The number of `word`, adding it with no events if it is new.
    fn id(&mut self, word: &str) -> u32 {
        let hash = FxBuildHasher.hash_one(word);
        let words = &mut self.words;
        let same = |&id: &u32| words.word(id as usize) == word;
        if let Some(&id) = self.ids.find(hash, same) {
            return id;
        }
        let id = words.starts.len() as u32;
        let (vocabulary, starts) = (&words.vocabulary, &words.starts);
        self.ids.insert_unique(hash, id, |&id| {
            FxBuildHasher.hash_one(word_at(vocabulary, starts, id as usize))
        });
        words.starts.push(words.vocabulary.len() as u32);
        words.vocabulary.push_str(word);
        words.vocabulary.push('\n');
        words.events.push(RoaringBitmap::new());
        id
    }

    /// This part followed by `next`, whose events all come after this part's.
    fn then(mut self, next: Self) -> Self {
        if self.words.chars.is_empty() {
            return next;
        }
        let Words {
            vocabulary,
            starts,
            events,
            chars,
        } = next.words;
        for (word, set) in events.into_iter().enumerate() {
            let id = self.id(word_at(&vocabulary, &starts, word));
            self.words.events[id as usize] |= set;
        }
        for (mine, theirs) in self.words.chars.iter_mut().zip(chars) {
            *mine |= theirs;
        }
        self
    }
}

/// Word number `word` of a vocabulary: from its start to the newline before the next.
fn word_at<'v>(vocabulary: &'v str, starts: &[u32], word: usize) -> &'v str {
    let end = starts
        .get(word + 1)
        .map_or(vocabulary.len(), |&next| next as usize);
    &vocabulary[starts[word] as usize..end.saturating_sub(1)]
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
    /// Indexes events in timeline order, a part of them on each core.
    pub fn new(events: &[Event], actors: &[Actor], sources: &[Source]) -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let part = events.len().div_ceil(cores).max(PART_MIN);
        events
            .par_chunks(part)
            .enumerate()
            .map(|(i, chunk)| Part::new(chunk, actors, sources, (i * part) as u32))
            .reduce(Part::default, Part::then)
            .words
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

    /// Word number `word`.
    fn word(&self, word: usize) -> &str {
        word_at(&self.vocabulary, &self.starts, word)
    }

    /// How many distinct words there are.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Up to `limit` words closest to `typed` (folded letters and digits) by edit distance
    /// (Damerau–Levenshtein, at most one edit per three letters): the nearest first, then
    /// those in the most events. For "did you mean".
    pub fn nearest(&self, typed: &str, limit: usize) -> Vec<&str> {
        let length = typed.chars().count();
        let most = (length / 3).max(1);
        let mut near: Vec<(usize, std::cmp::Reverse<u64>, &str)> = (0..self.len())
            .filter_map(|w| {
                let word = self.word(w);
                if word.len().abs_diff(typed.len()) > most * 4 {
                    return None;
                }
                let distance = strsim::damerau_levenshtein(typed, word);
                let events = std::cmp::Reverse(self.events[w].len());
                (distance <= most && word != typed).then_some((distance, events, word))
            })
            .collect();
        near.sort_unstable();
        near.truncate(limit);
        near.into_iter().map(|(_, _, word)| word).collect()
    }

    /// Events with a word that contains `part`, which must be folded letters and digits.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{PartialDate, When};
    use crate::store::EventKind;

    fn event(title: &str) -> Event {
        Event {
            id: String::new(),
            when: When::on(PartialDate::year(2000)),
            title: title.into(),
            kind: EventKind::Other,
            actors: vec![0],
            place: None,
            source: 0,
            quote: Some("Quote".into()),
            tags: Vec::new(),
            notes: None,
            category: None,
            extra: crate::store::Extra::default(),
        }
    }

    #[test]
    fn parts_indexed_apart_and_joined_equal_the_whole() {
        let titles = [
            "Minsk talks",
            "Bishkek ΟΔΟΣ",
            "talks in Minsk",
            "Straße 9",
            "",
            "x",
        ];
        let events: Vec<Event> = titles.iter().map(|t| event(t)).collect();
        let names = [crate::store::Actor {
            id: "bakiyev".into(),
            name: "Kurmanbek Bakiyev".into(),
            short: None,
            kind: crate::store::ActorKind::Person,
            aliases: Vec::new(),
            role: None,
        }];
        let whole = Part::new(&events, &names, &[], 0).words;
        for cut in 0..=events.len() {
            let (a, b) = events.split_at(cut);
            let joined = Part::default()
                .then(Part::new(a, &names, &[], 0))
                .then(Part::new(b, &names, &[], cut as u32))
                .then(Part::default());
            assert_eq!(joined.words, whole, "cut at {cut}");
        }
        assert_eq!(whole.containing("talks").iter().collect::<Vec<_>>(), [0, 2]);
        assert_eq!(whole.containing("ak").len(), 6, "every event has Bakiyev");
        assert_eq!(whole.containing("οδοσ").len(), 1);
    }
}
