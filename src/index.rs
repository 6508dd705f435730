//! What searching needs precomputed from a store, so a query never scans all the text:
//! packed dates in timeline order for binary searches, each actor's events, and a word
//! index over every event's title, place, tags, actor names and quote.

mod words;

use roaring::RoaringBitmap;
use serde::{Deserialize, Serialize};

use crate::date::{Day, DayRange};
use crate::store::{Actor, Event, EventKind, Source, Store};

pub use words::{Words, tokens};

/// A set of events by their position in the timeline.
pub type EventSet = RoaringBitmap;

/// Search data built once when a store loads (or read back from the cache).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Index {
    /// Per event, in timeline order: the first and last day it can mean, packed.
    first: Vec<u32>,
    last: Vec<u32>,
    /// Events that can last more than a year (spans), which date ranges check one by one.
    long: Vec<u32>,
    /// Per actor: the events it is in.
    actor_events: Vec<EventSet>,
    /// Per event: its actors (each once), from `cast_starts[e]` to `cast_starts[e + 1]`;
    /// flat, so counting actors over a million events reads memory in order.
    cast: Vec<u32>,
    cast_starts: Vec<u32>,
    pub words: Words,
}

/// An event set built by adding events in increasing order, in batches: adding to a
/// roaring bitmap one by one is slow once a container turns into a bitmap.
#[derive(Debug, Clone, Default)]
struct Postings {
    set: EventSet,
    pending: Vec<u32>,
    last: Option<u32>,
}

impl Postings {
    const BATCH: usize = 128;

    /// Adds `event`, which is never below the last one added (repeats are ignored).
    fn push(&mut self, event: u32) {
        if self.last.is_some_and(|last| last >= event) {
            return;
        }
        self.last = Some(event);
        self.pending.push(event);
        if self.pending.len() == Self::BATCH {
            self.flush();
        }
    }

    fn flush(&mut self) {
        self.set
            .append(self.pending.drain(..))
            .expect("events are added in increasing order");
    }

    fn finish(mut self) -> EventSet {
        self.flush();
        self.set
    }
}

/// A day as one number that orders like the day: `year * 512 + month * 32 + day`.
fn pack(day: Day) -> u32 {
    // Years are four digits (0000-9999), so this never wraps.
    (day.year.clamp(0, 9999) as u32) * 512 + u32::from(day.month) * 32 + u32::from(day.day)
}

/// Packed days never differ by this much within one year.
const YEAR: u32 = 512;

impl Index {
    pub fn new(store: &Store) -> Self {
        let first: Vec<u32> = store.events.whens().map(|w| pack(w.first_day())).collect();
        let last: Vec<u32> = store.events.whens().map(|w| pack(w.last_day())).collect();
        let long = (0..store.events.len() as u32)
            .filter(|&e| last[e as usize] - first[e as usize] >= YEAR)
            .collect();
        let mut actor_events = vec![Postings::default(); store.actors.len()];
        for (e, event) in store.events.iter().enumerate() {
            for &a in &event.actors {
                actor_events[a].push(e as u32);
            }
        }
        let actor_events = actor_events.into_iter().map(Postings::finish).collect();
        let mut cast = Vec::new();
        let mut cast_starts = vec![0];
        for event in &store.events {
            cast.extend(event.distinct_actors().map(|a| a as u32));
            cast_starts.push(cast.len() as u32);
        }
        let words = Words::new(&store.events.as_slice(), &store.actors, &store.sources);
        Self {
            first,
            last,
            long,
            actor_events,
            cast,
            cast_starts,
            words,
        }
    }

    /// Whether this index could be that of a store of `events` events and `actors` actors
    /// (a check on copies read back from a cache).
    pub fn fits(&self, events: usize, actors: usize) -> bool {
        self.first.len() == events
            && self.last.len() == events
            && self.actor_events.len() == actors
            && self.long.iter().all(|&e| (e as usize) < events)
            && self.cast_starts.len() == events + 1
            && self.cast_starts.first() == Some(&0)
            && self.cast_starts.is_sorted()
            && self
                .cast_starts
                .last()
                .is_some_and(|&end| end as usize == self.cast.len())
            && self.cast.iter().all(|&a| (a as usize) < actors)
            && self
                .actor_events
                .iter()
                .all(|set| set.max().is_none_or(|e| (e as usize) < events))
            && self.words.fits(events)
    }

    /// How many events the index covers.
    pub fn len(&self) -> u32 {
        self.first.len() as u32
    }

    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }

    /// Every event.
    pub fn all(&self) -> EventSet {
        let mut all = EventSet::new();
        all.insert_range(0..self.len());
        all
    }

    /// Per actor, how many events of `set` it is in. A set of most events is counted by
    /// the few it leaves out.
    pub fn count_actors(&self, set: &EventSet) -> Vec<usize> {
        if set.len() > u64::from(self.len() / 2) {
            let left_out = self.count_in(&(self.all() - set));
            return self
                .actor_events
                .iter()
                .zip(left_out)
                .map(|(events, out)| events.len() as usize - out)
                .collect();
        }
        self.count_in(set)
    }

    fn count_in(&self, set: &EventSet) -> Vec<usize> {
        let mut counts = vec![0; self.actor_events.len()];
        for e in set {
            let (from, to) = (
                self.cast_starts[e as usize],
                self.cast_starts[e as usize + 1],
            );
            for &a in &self.cast[from as usize..to as usize] {
                counts[a as usize] += 1;
            }
        }
        counts
    }

    /// How many actors the index knows.
    pub fn actors(&self) -> usize {
        self.actor_events.len()
    }

    /// Every event's actors, each once: a flat list, and where each event's start in it
    /// (one more start than events, for the last one's end).
    pub fn casts(&self) -> (&[u32], &[u32]) {
        (&self.cast, &self.cast_starts)
    }

    /// The actors of event `event`, each once.
    pub fn cast(&self, event: usize) -> &[u32] {
        &self.cast[self.cast_starts[event] as usize..self.cast_starts[event + 1] as usize]
    }

    /// The events actor `actor` is in.
    pub fn actor_events(&self, actor: usize) -> &EventSet {
        &self.actor_events[actor]
    }

    /// Events with a day in `range`: those starting inside it are one run of the timeline;
    /// of those starting before it, only the ones lasting into it.
    pub fn dates(&self, range: DayRange) -> EventSet {
        let (from, to) = (pack(range.first), pack(range.last));
        let starts_in = self.first.partition_point(|&f| f < from);
        let ends = self.first.partition_point(|&f| f <= to) as u32;
        let mut set = EventSet::new();
        // Short events starting less than a year before the range may reach into it.
        let window = self
            .first
            .partition_point(|&f| f < from.saturating_sub(YEAR));
        set.extend(
            (window..starts_in)
                .filter(|&e| self.last[e] >= from)
                .map(|e| e as u32),
        );
        set.extend(
            self.long
                .iter()
                .copied()
                .take_while(|&e| (e as usize) < window)
                .filter(|&e| self.last[e as usize] >= from),
        );
        set.insert_range(starts_in as u32..ends.max(starts_in as u32));
        set
    }
}

/// The text an event is found by, one field at a time: its own texts (title, place, tags,
/// the dataset's category and notes, the quote, kept columns), the names of its actors, its
/// kind, and its source's title, publisher and author.
pub fn fields<'e>(
    event: &'e Event,
    actors: &'e [Actor],
    sources: &'e [Source],
) -> impl Iterator<Item = &'e str> {
    let source = sources.get(event.source);
    event
        .texts()
        .chain(event.actors.iter().flat_map(|&a| actors[a].names()))
        .chain([kind_word(event.kind)])
        .chain(source.into_iter().flat_map(|s| {
            [s.title.as_str(), s.publisher.as_str()]
                .into_iter()
                .chain(s.author.as_deref())
        }))
}

/// An event kind as a word people search for.
pub fn kind_word(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Diplomacy => "Diplomacy",
        EventKind::Politics => "Politics",
        EventKind::Law => "Law",
        EventKind::Economy => "Economy",
        EventKind::Crime => "Crime",
        EventKind::Conflict => "Conflict",
        EventKind::Statement => "Statement",
        EventKind::Other => "Other",
    }
}
