//! The events of a cached copy, read a chunk at a time from the open file when the explorer
//! or a search first asks for one of them. Every chunk's checksum is checked when the copy
//! is opened (on every core), and again when the chunk is read, so a copy changed on disk
//! afterwards is never believed.

use std::fs::File;

use rayon::prelude::*;

use super::frames::Frame;
use crate::progress::Progress;
use crate::store::{ChunkReader, Event};

/// A copy's event chunks, in order, in its open file.
pub struct CopyChunks {
    pub file: File,
    pub frames: Vec<Frame>,
    /// The header's checksum, which seeds every frame's.
    pub header: u64,
    pub chunk_len: usize,
    pub events: usize,
    pub actors: usize,
    pub sources: usize,
}

impl CopyChunks {
    /// Whether every chunk hashes as it did when written, counting the events checked in
    /// `progress`.
    pub fn verify(&self, progress: &Progress) -> bool {
        // One run of chunks per core, each read through one buffer: a buffer per chunk
        // would be fresh memory, cleared by the system, every time.
        let cores = rayon::current_num_threads().max(1);
        let run = self.frames.len().div_ceil(cores).max(1);
        self.frames.par_chunks(run).enumerate().all(|(r, frames)| {
            let mut buffer = Vec::new();
            frames.iter().enumerate().all(|(i, frame)| {
                let ok = frame.verify(&self.file, self.header, &mut buffer);
                progress.advance(self.len_of(r * run + i) as u64);
                ok
            })
        })
    }

    /// How many events chunk `chunk` holds.
    fn len_of(&self, chunk: usize) -> usize {
        self.chunk_len
            .min(self.events.saturating_sub(chunk * self.chunk_len))
    }

    /// Whether an event read back names only actors and a source the store has.
    fn belongs(&self, event: &Event) -> bool {
        event.source < self.sources && event.actors.iter().all(|&a| a < self.actors)
    }
}

impl std::fmt::Debug for CopyChunks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CopyChunks({} chunks)", self.frames.len())
    }
}

impl ChunkReader for std::sync::Arc<CopyChunks> {
    fn read(&self, chunk: usize) -> Option<Vec<Event>> {
        let events: Vec<Event> = self.frames.get(chunk)?.decode(&self.file, self.header)?;
        (events.len() == self.len_of(chunk) && events.iter().all(|e| self.belongs(e)))
            .then_some(events)
    }
}
