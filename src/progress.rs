//! How far opening a store has got: written by the thread that loads it, read by the loading
//! screen. Counters only, so reporting costs an atomic add per chunk of work.

use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

/// What opening a store is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Looking for a cached copy and checking that it is fresh.
    Opening,
    /// Reading the file's bytes (counted in bytes).
    Reading,
    /// Parsing the RON or the dataset's rows (counted in bytes).
    Parsing,
    /// Checking ids, dates and quotes (counted in events).
    Checking,
    /// Reading the cached copy (counted in events).
    Cached,
}

impl Stage {
    const ALL: [Self; 5] = [
        Self::Opening,
        Self::Reading,
        Self::Parsing,
        Self::Checking,
        Self::Cached,
    ];

    /// What the loading screen says the stage is doing.
    pub fn doing(self) -> &'static str {
        match self {
            Self::Opening => "looking for a cached copy",
            Self::Reading => "reading",
            Self::Parsing => "parsing",
            Self::Checking => "checking",
            Self::Cached => "reading the cached copy",
        }
    }

    /// Whether the counts are bytes (else events).
    pub fn counts_bytes(self) -> bool {
        matches!(self, Self::Reading | Self::Parsing)
    }
}

/// Progress shared between the loading thread and the screen.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    done: AtomicU64,
    total: AtomicU64,
}

/// Progress at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot {
    pub stage: Stage,
    pub done: u64,
    /// 0 when the total is not known.
    pub total: u64,
}

impl Progress {
    /// Starts `stage`, which has `total` bytes or events to go through (0 if unknown).
    pub fn start(&self, stage: Stage, total: u64) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.stage.store(stage as u8, Ordering::Release);
    }

    /// Counts `n` more bytes or events of the current stage as done.
    pub fn advance(&self, n: u64) {
        self.done.fetch_add(n, Ordering::Relaxed);
    }

    pub fn snapshot(&self) -> Snapshot {
        let stage = Stage::ALL[usize::from(self.stage.load(Ordering::Acquire)).min(4)];
        let total = self.total.load(Ordering::Relaxed);
        let done = self.done.load(Ordering::Relaxed);
        Snapshot {
            stage,
            done: if total > 0 { done.min(total) } else { done },
            total,
        }
    }
}
