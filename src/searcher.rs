//! Searches on a thread of their own, so typing never waits for one. Each request carries a
//! generation number; the thread merges the requests waiting into the newest, and answers
//! to anything older than the newest search are dropped.
//!
//! Besides the matches, the thread works out what is asked of them: every actor's sparkline
//! (with every search, and again when the histogram's zoom or width changes) and the
//! co-actors of `w`, from the index's per-actor events.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;
use std::time::Instant;

use crate::actors::ActorNames;
use crate::filter::{Filter, Matches, Search};
use crate::histogram::{SparkSpec, Sparks};
use crate::index::Index;
use crate::query::Query;
use crate::related::co_actors;
use crate::store::{ActorId, Store};
use crate::suggest::did_you_mean;

/// What to work out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Job {
    /// A changed filter to search for; `None` keeps the last matches.
    pub filter: Option<Filter>,
    /// What the sparklines follow, if they are drawn; they are counted again with every
    /// search and when it changes.
    pub sparks: Option<SparkSpec>,
    /// Actors whose co-actors among the matches to count (`w`).
    pub with_whom: Option<Vec<ActorId>>,
    /// After Enter: if the last search matched nothing, say why (see [`did_you_mean`]).
    pub why_none: bool,
}

impl Job {
    /// `newer` after `self`: a search or co-actors it does not ask for again still happen.
    fn then(self, newer: Self) -> Self {
        Self {
            filter: newer.filter.or(self.filter),
            sparks: newer.sparks,
            with_whom: newer.with_whom.or(self.with_whom),
            why_none: newer.why_none || self.why_none,
        }
    }
}

/// A job to do.
struct Request {
    generation: u64,
    job: Job,
}

/// What a job (and those it replaced) produced; only what changed is there.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    generation: u64,
    pub matches: Option<Matches>,
    pub sparks: Option<Sparks>,
    pub with_whom: Option<Vec<(ActorId, usize)>>,
    /// Why the last search matched nothing: `no event has “minks” (did you mean minsk?)`.
    pub why_none: Option<String>,
}

impl Answer {
    /// `newer` after `self`, keeping what `newer` does not replace.
    fn then(self, newer: Self) -> Self {
        Self {
            generation: newer.generation,
            matches: newer.matches.or(self.matches),
            sparks: newer.sparks.or(self.sparks),
            with_whom: newer.with_whom.or(self.with_whom),
            why_none: newer.why_none.or(self.why_none),
        }
    }
}

/// The state a searcher keeps between jobs: the search and what the sparklines were last
/// counted for.
#[derive(Debug, Default)]
pub struct Worker {
    search: Search,
    sparks: Option<SparkSpec>,
    /// The last search's query, for saying why it matched nothing.
    query: Query,
    /// Actors' folded names, made the first time a search matches nothing.
    names: Option<ActorNames>,
}

impl Worker {
    fn work(&mut self, store: &Store, index: &Index, generation: u64, job: Job) -> Answer {
        let matches = job.filter.as_ref().map(|f| {
            self.query = f.query.clone();
            self.search.run(store, index, f)
        });
        if matches.is_some() && job.sparks.is_none() {
            // New matches whose sparklines are not counted: whatever was counted is stale.
            self.sparks = None;
        }
        let sparks = job
            .sparks
            .filter(|&spec| matches.is_some() || self.sparks != Some(spec))
            .map(|spec| {
                self.sparks = Some(spec);
                self.search.sparks(store, index, spec)
            });
        let with_whom = job.with_whom.map(|with| {
            let shown = self.search.shown(store, index);
            co_actors(store, index, shown, &with)
        });
        let why_none = job.why_none.then(|| self.why_none(store, index)).flatten();
        Answer {
            generation,
            matches,
            sparks,
            with_whom,
            why_none,
        }
    }

    /// Why the last search matched nothing, if it did and a word or name is unknown.
    fn why_none(&mut self, store: &Store, index: &Index) -> Option<String> {
        if self.query.terms.is_empty() || !self.search.shown(store, index).is_empty() {
            return None;
        }
        let names = self
            .names
            .get_or_insert_with(|| ActorNames::new(&store.actors));
        let said = did_you_mean(store, index, names, &self.query);
        (!said.is_empty()).then_some(said)
    }
}

/// Where jobs are done: right away (tests, one-shot commands) or on a thread.
#[derive(Debug)]
pub enum Searcher {
    Inline {
        index: Arc<Index>,
        worker: Box<Worker>,
        ready: Option<Box<Answer>>,
    },
    Thread(Handle),
}

/// The handle of the search thread.
#[derive(Debug)]
pub struct Handle {
    requests: Sender<Request>,
    answers: Receiver<Answer>,
    /// The newest request sent, and the newest that searched.
    generation: u64,
    searched: u64,
    /// When the newest request was sent, until its answer arrives.
    waiting_since: Option<Instant>,
    /// Raised once the thread has its index.
    indexed: Arc<AtomicBool>,
}

impl Searcher {
    /// Does each job at once, on the caller's thread.
    pub fn inline(index: Arc<Index>) -> Self {
        Self::Inline {
            index,
            worker: Box::default(),
            ready: None,
        }
    }

    /// Starts the search thread. It first builds the index with `index` (which may read it
    /// from a cache), so the first frame need not wait for it.
    pub fn spawn(store: Arc<Store>, index: impl FnOnce(&Store) -> Index + Send + 'static) -> Self {
        let (requests, inbox) = mpsc::channel::<Request>();
        let (outbox, answers) = mpsc::channel();
        let indexed = Arc::new(AtomicBool::new(false));
        let ready = Arc::clone(&indexed);
        thread::Builder::new()
            .name("evex-search".into())
            .spawn(move || {
                let index = index(&store);
                ready.store(true, Ordering::Release);
                let mut worker = Worker::default();
                while let Ok(mut request) = inbox.recv() {
                    // The newest of the requests waiting stands for them all.
                    while let Ok(newer) = inbox.try_recv() {
                        request = Request {
                            generation: newer.generation,
                            job: request.job.then(newer.job),
                        };
                    }
                    let answer = worker.work(&store, &index, request.generation, request.job);
                    if outbox.send(answer).is_err() {
                        return;
                    }
                }
            })
            .expect("the search thread starts");
        Self::Thread(Handle {
            requests,
            answers,
            generation: 0,
            searched: 0,
            waiting_since: None,
            indexed,
        })
    }

    /// Asks for `job`; [`Searcher::answer`] gives what it produced when ready.
    pub fn request(&mut self, store: &Store, job: Job) {
        match self {
            Self::Inline {
                index,
                worker,
                ready,
            } => {
                let answer = worker.work(store, index, 0, job);
                *ready = Some(Box::new(
                    ready.take().map(|r| *r).unwrap_or_default().then(answer),
                ));
            }
            Self::Thread(handle) => {
                handle.generation += 1;
                if job.filter.is_some() {
                    handle.searched = handle.generation;
                }
                handle.waiting_since = Some(Instant::now());
                // A closed channel means the thread is gone; the panic it died of was shown.
                let _ = handle.requests.send(Request {
                    generation: handle.generation,
                    job,
                });
            }
        }
    }

    /// What the jobs since the newest search produced, once, if any is ready. Answers from
    /// before the newest search are dropped.
    ///
    /// # Panics
    /// If the search thread has died (of a panic, already reported): the explorer cannot
    /// search any more, so it stops the same way, restoring the terminal.
    pub fn answer(&mut self) -> Option<Answer> {
        match self {
            Self::Inline { ready, .. } => ready.take().map(|r| *r),
            Self::Thread(handle) => {
                let mut merged: Option<Answer> = None;
                loop {
                    match handle.answers.try_recv() {
                        Ok(answer) => merged = handle.keep(merged, answer),
                        Err(TryRecvError::Empty) => break,
                        Err(TryRecvError::Disconnected) => panic!("the search thread stopped"),
                    }
                }
                merged
            }
        }
    }

    /// Since when the newest request has been waiting for its answer.
    pub fn waiting_since(&self) -> Option<Instant> {
        match self {
            Self::Inline { .. } => None,
            Self::Thread(handle) => handle.waiting_since,
        }
    }

    /// Whether searches are waiting for the index to be built.
    pub fn indexing(&self) -> bool {
        match self {
            Self::Inline { .. } => false,
            Self::Thread(handle) => !handle.indexed.load(Ordering::Acquire),
        }
    }

    /// Waits for the answer to the newest request (for tests and one-shot commands).
    pub fn wait(&mut self) -> Option<Answer> {
        match self {
            Self::Inline { ready, .. } => ready.take().map(|r| *r),
            Self::Thread(handle) => {
                handle.waiting_since?;
                let mut merged = None;
                while handle.waiting_since.is_some() {
                    let answer = handle.answers.recv().ok()?;
                    merged = handle.keep(merged, answer);
                }
                merged
            }
        }
    }
}

impl Handle {
    /// Adds `answer` to what was received, unless a newer search has been asked for.
    fn keep(&mut self, merged: Option<Answer>, answer: Answer) -> Option<Answer> {
        if answer.generation < self.searched {
            return merged;
        }
        if answer.generation == self.generation {
            self.waiting_since = None;
        }
        Some(merged.unwrap_or_default().then(answer))
    }
}
