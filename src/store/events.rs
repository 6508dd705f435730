//! A store's events in timeline order: held in memory, or read from a cached copy a chunk at
//! a time, when one of its events is first asked for. A big store opened from its copy so
//! reads only the events a person looks at or a search needs; each event's date and the
//! actors' totals, which the first screen needs for every event, come with the copy.

use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Event, EventKind};
use crate::date::When;

/// Reads a chunk of events from where they are kept (a cached copy).
pub trait ChunkReader: Send + Sync {
    /// The events of chunk `chunk`, checked to belong to the store; none when they cannot
    /// be read as they were written (the copy changed on disk after it was opened).
    fn read(&self, chunk: usize) -> Option<Vec<Event>>;
}

/// Events read a chunk at a time, with the columns that every event needs at once.
pub struct Chunked {
    /// Events per chunk (the last may have fewer).
    pub chunk_len: usize,
    /// Every event's date, in timeline order.
    pub whens: Vec<When>,
    /// Per actor, the events it is in.
    pub actor_totals: Vec<usize>,
    /// Every event's actors (each once), from `cast_starts[e]` to `cast_starts[e + 1]`.
    pub cast: Vec<u32>,
    pub cast_starts: Vec<u32>,
    pub reader: Box<dyn ChunkReader>,
    chunks: Vec<OnceLock<Box<[Event]>>>,
}

impl Chunked {
    /// Events read by `reader` in chunks of `chunk_len`, with every event's date and
    /// actors (`cast` as in [`Chunked::cast`]) and every actor's total.
    pub fn new(
        chunk_len: usize,
        whens: Vec<When>,
        (cast, cast_starts): (Vec<u32>, Vec<u32>),
        actor_totals: Vec<usize>,
        reader: Box<dyn ChunkReader>,
    ) -> Self {
        let chunks = whens.len().div_ceil(chunk_len.max(1));
        Self {
            chunk_len: chunk_len.max(1),
            whens,
            actor_totals,
            cast,
            cast_starts,
            reader,
            chunks: (0..chunks).map(|_| OnceLock::new()).collect(),
        }
    }

    fn event(&self, i: usize) -> &Event {
        let (chunk, at) = (i / self.chunk_len, i % self.chunk_len);
        let events = self.chunks[chunk].get_or_init(|| {
            let first = chunk * self.chunk_len;
            let len = self.chunk_len.min(self.whens.len() - first);
            match self.reader.read(chunk) {
                Some(events) if events.len() == len => events.into_boxed_slice(),
                _ => (first..first + len)
                    .map(|e| unreadable(e, self.whens[e]))
                    .collect(),
            }
        });
        &events[at]
    }
}

/// What stands in for an event whose part of the copy could not be read back: it says so,
/// rather than evex stopping or showing something else.
fn unreadable(e: usize, when: When) -> Event {
    Event {
        id: format!("unreadable-{e}"),
        when,
        title: "(this event could not be read from the cached copy, which changed on disk: \
                reopen the store)"
            .into(),
        kind: EventKind::Other,
        actors: Vec::new(),
        place: None,
        source: 0,
        quote: None,
        tags: Vec::new(),
        notes: None,
        category: None,
        extra: super::Extra::default(),
    }
}

/// The events of a store, in timeline order.
#[derive(Clone)]
pub struct Events {
    inner: Inner,
}

#[derive(Clone)]
enum Inner {
    Held(Vec<Event>),
    Chunked(Arc<Chunked>),
}

impl Events {
    /// Events read from `chunked` as they are asked for.
    pub fn chunked(chunked: Chunked) -> Self {
        Self {
            inner: Inner::Chunked(Arc::new(chunked)),
        }
    }

    pub fn len(&self) -> usize {
        match &self.inner {
            Inner::Held(events) => events.len(),
            Inner::Chunked(chunked) => chunked.whens.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: usize) -> Option<&Event> {
        match &self.inner {
            Inner::Held(events) => events.get(i),
            Inner::Chunked(chunked) => (i < chunked.whens.len()).then(|| chunked.event(i)),
        }
    }

    /// Every event in timeline order (reading a chunked store's every chunk).
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Event> + ExactSizeIterator + Clone {
        (0..self.len()).map(|i| &self[i])
    }

    /// Event `i`'s date, without reading the event from a cached copy.
    pub fn when(&self, i: usize) -> &When {
        match &self.inner {
            Inner::Held(events) => &events[i].when,
            Inner::Chunked(chunked) => &chunked.whens[i],
        }
    }

    /// Every event's date in timeline order, without reading the events.
    pub fn whens(&self) -> impl DoubleEndedIterator<Item = &When> + ExactSizeIterator + Clone {
        (0..self.len()).map(|i| self.when(i))
    }

    /// Event `i`'s actors, each once, without reading the event from a cached copy.
    pub fn actors_of(&self, i: usize) -> impl Iterator<Item = usize> + Clone + '_ {
        let (held, cast): (&[usize], &[u32]) = match &self.inner {
            Inner::Held(events) => (&events[i].actors, &[]),
            Inner::Chunked(chunked) => {
                let (from, to) = (chunked.cast_starts[i], chunked.cast_starts[i + 1]);
                (&[], &chunked.cast[from as usize..to as usize])
            }
        };
        held.iter().copied().chain(cast.iter().map(|&a| a as usize))
    }

    /// The number of events, in order, whose date `before` holds for: the events' dates
    /// must be ordered so that it holds for a first run of them and no more.
    pub fn partition_point(&self, before: impl Fn(&When) -> bool) -> usize {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = low + (high - low) / 2;
            if before(self.when(mid)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }

    /// Per actor (of `actors`), how many events it is in, without reading the events.
    pub fn actor_totals(&self, actors: usize) -> Vec<usize> {
        match &self.inner {
            Inner::Chunked(chunked) if chunked.actor_totals.len() == actors => {
                chunked.actor_totals.clone()
            }
            _ => {
                let mut totals = vec![0; actors];
                for a in self.iter().flat_map(Event::distinct_actors) {
                    if let Some(total) = totals.get_mut(a) {
                        *total += 1;
                    }
                }
                totals
            }
        }
    }

    /// The events as one slice: borrowed when they are held, else read and copied.
    pub fn as_slice(&self) -> Cow<'_, [Event]> {
        match &self.inner {
            Inner::Held(events) => Cow::Borrowed(events),
            Inner::Chunked(_) => Cow::Owned(self.iter().cloned().collect()),
        }
    }

    /// The events to change, held in memory from now on.
    pub fn to_mut(&mut self) -> &mut Vec<Event> {
        if let Inner::Chunked(_) = self.inner {
            self.inner = Inner::Held(self.iter().cloned().collect());
        }
        match &mut self.inner {
            Inner::Held(events) => events,
            Inner::Chunked(_) => unreachable!("made held above"),
        }
    }

    pub fn into_vec(self) -> Vec<Event> {
        match self.inner {
            Inner::Held(events) => events,
            Inner::Chunked(_) => self.iter().cloned().collect(),
        }
    }

    /// Reads the chunks that hold `events` (positions) on every core, so that going through
    /// them afterwards, one by one, finds them read. Held events need nothing.
    pub fn read_ahead(&self, events: &[usize]) {
        use rayon::prelude::*;
        let Inner::Chunked(chunked) = &self.inner else {
            return;
        };
        let mut chunks: Vec<usize> = events.iter().map(|&e| e / chunked.chunk_len).collect();
        chunks.dedup();
        chunks.par_iter().for_each(|&chunk| {
            if chunk < chunked.chunks.len() {
                chunked.event(chunk * chunked.chunk_len);
            }
        });
    }

    /// Whether the events are read from a cached copy as they are asked for.
    pub fn is_chunked(&self) -> bool {
        matches!(self.inner, Inner::Chunked(_))
    }
}

impl Default for Events {
    fn default() -> Self {
        Vec::new().into()
    }
}

impl From<Vec<Event>> for Events {
    fn from(events: Vec<Event>) -> Self {
        Self {
            inner: Inner::Held(events),
        }
    }
}

impl std::ops::Index<usize> for Events {
    type Output = Event;

    fn index(&self, i: usize) -> &Event {
        match &self.inner {
            Inner::Held(events) => &events[i],
            Inner::Chunked(chunked) => {
                assert!(i < chunked.whens.len(), "event {i} is past the last event");
                chunked.event(i)
            }
        }
    }
}

impl<'a> IntoIterator for &'a Events {
    type Item = &'a Event;
    type IntoIter = Box<dyn Iterator<Item = &'a Event> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl PartialEq for Events {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl fmt::Debug for Events {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.inner {
            Inner::Held(events) => events.fmt(f),
            Inner::Chunked(chunked) => {
                let read = chunked.chunks.iter().filter(|c| c.get().is_some()).count();
                write!(
                    f,
                    "Events({} read in {read} of {} chunks)",
                    chunked.whens.len(),
                    chunked.chunks.len()
                )
            }
        }
    }
}

impl Serialize for Events {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Events {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<Event>::deserialize(deserializer).map(Self::from)
    }
}
