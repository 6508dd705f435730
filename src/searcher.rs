//! Searches on a thread of their own, so typing never waits for one. Each request carries a
//! generation number; the thread skips requests that a newer one has replaced, and answers
//! to anything but the newest request are dropped.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;
use std::time::Instant;

use crate::filter::{Filter, Matches, Search};
use crate::index::Index;
use crate::store::Store;

/// A search to run.
struct Request {
    generation: u64,
    filter: Filter,
}

/// The matches for one request.
struct Answer {
    generation: u64,
    matches: Matches,
}

/// Where filters are evaluated: right away (tests, one-shot commands) or on a thread.
#[derive(Debug)]
pub enum Searcher {
    Inline {
        index: Arc<Index>,
        search: Box<Search>,
        ready: Option<Matches>,
    },
    Thread(Worker),
}

/// The handle of the search thread.
#[derive(Debug)]
pub struct Worker {
    requests: Sender<Request>,
    answers: Receiver<Answer>,
    /// The newest request sent.
    generation: u64,
    /// When the newest request was sent, until its answer arrives.
    waiting_since: Option<Instant>,
    /// Raised once the thread has its index.
    indexed: Arc<AtomicBool>,
}

impl Searcher {
    /// Evaluates each request at once, on the caller's thread.
    pub fn inline(index: Arc<Index>) -> Self {
        Self::Inline {
            index,
            search: Box::default(),
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
                let mut search = Search::default();
                while let Ok(mut request) = inbox.recv() {
                    // Only the newest of the requests waiting matters.
                    while let Ok(newer) = inbox.try_recv() {
                        request = newer;
                    }
                    let matches = search.run(&store, &index, &request.filter);
                    let answer = Answer {
                        generation: request.generation,
                        matches,
                    };
                    if outbox.send(answer).is_err() {
                        return;
                    }
                }
            })
            .expect("the search thread starts");
        Self::Thread(Worker {
            requests,
            answers,
            generation: 0,
            waiting_since: None,
            indexed,
        })
    }

    /// Asks for the matches of `filter`; [`Searcher::answer`] gives them when ready.
    pub fn request(&mut self, store: &Store, filter: &Filter) {
        match self {
            Self::Inline {
                index,
                search,
                ready,
            } => *ready = Some(search.run(store, index, filter)),
            Self::Thread(worker) => {
                worker.generation += 1;
                worker.waiting_since = Some(Instant::now());
                // A closed channel means the thread is gone; the panic it died of was shown.
                let _ = worker.requests.send(Request {
                    generation: worker.generation,
                    filter: filter.clone(),
                });
            }
        }
    }

    /// The matches of the newest request, once, if they are ready. Older answers are dropped.
    ///
    /// # Panics
    /// If the search thread has died (of a panic, already reported): the explorer cannot
    /// search any more, so it stops the same way, restoring the terminal.
    pub fn answer(&mut self) -> Option<Matches> {
        match self {
            Self::Inline { ready, .. } => ready.take(),
            Self::Thread(worker) => {
                let mut newest = None;
                loop {
                    match worker.answers.try_recv() {
                        Ok(answer) if answer.generation == worker.generation => {
                            newest = Some(answer.matches);
                        }
                        Ok(_) => {}
                        Err(TryRecvError::Empty) => break,
                        Err(TryRecvError::Disconnected) => panic!("the search thread stopped"),
                    }
                }
                if newest.is_some() {
                    worker.waiting_since = None;
                }
                newest
            }
        }
    }

    /// Since when the newest request has been waiting for its answer.
    pub fn waiting_since(&self) -> Option<Instant> {
        match self {
            Self::Inline { .. } => None,
            Self::Thread(worker) => worker.waiting_since,
        }
    }

    /// Whether searches are waiting for the index to be built.
    pub fn indexing(&self) -> bool {
        match self {
            Self::Inline { .. } => false,
            Self::Thread(worker) => !worker.indexed.load(Ordering::Acquire),
        }
    }

    /// Waits for the answer to the newest request (for tests and one-shot commands).
    pub fn wait(&mut self) -> Option<Matches> {
        match self {
            Self::Inline { ready, .. } => ready.take(),
            Self::Thread(worker) => {
                worker.waiting_since?;
                loop {
                    let answer = worker.answers.recv().ok()?;
                    if answer.generation == worker.generation {
                        worker.waiting_since = None;
                        return Some(answer.matches);
                    }
                }
            }
        }
    }
}
