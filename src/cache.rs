//! A binary copy of a loaded store and its index in the user's cache directory, so a big
//! store opens in a fraction of the time its RON takes to parse and check. The RON file stays
//! the one source of truth: a copy is used only when it was made from the file's current
//! content (same metadata, and for a file changed just before it was read, the same hash of
//! its bytes), and anything unreadable in it means "no copy".
//!
//! The file is a magic line followed by frames (see [`frames`]): a header (format, evex
//! version, kind of machine, the store's key), the store without its events, every event's
//! date, the index, then the events in chunks of [`CHUNK`]. Opening reads all but the
//! chunks, and checks every chunk's checksum; a chunk is read when one of its events is
//! first asked for, so a big store's copy opens in milliseconds and holds in memory only
//! what is looked at.
//!
//! Only a regular file is read, opened without blocking (a FIFO put at a copy's path is
//! skipped, not waited on), and only from a directory that the user owns and nobody else can
//! write to.

mod chunks;
mod frames;
mod key;

use std::fs;
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_128;

use self::chunks::CopyChunks;
use self::frames::{Frame, FrameWriter, Walk};
pub use self::key::Key;
use self::key::Machine;
use crate::date::When;
use crate::index::Index;
use crate::progress::{Progress, Stage};
use crate::regular_file;
use crate::store::{Actor, Chunked, Events, Source, Store};

const MAGIC: &[u8; 10] = b"evexcache\n";
/// Bumped whenever what is cached changes shape.
const FORMAT: u32 = 6;
/// Events per chunk: a chunk is read in well under a millisecond, and a screen of events
/// needs one or two.
const CHUNK: usize = 1_024;
/// How copies being written are named until they are complete.
const PARTIAL: &str = ".partial-";

#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    evex: String,
    machine: Machine,
    key: Key,
}

/// The store without its events, which follow in chunks.
#[derive(Serialize, Deserialize)]
struct Head {
    title: String,
    sources: Vec<Source>,
    actors: Vec<Actor>,
    events: u64,
    warnings: usize,
    chunk_len: u32,
    /// Per actor, the events it is in (the sidebar's counts before any search).
    actor_totals: Vec<u64>,
}

/// A store read back from the cache: its events are read from the copy as they are asked
/// for, and its index when [`CopiedIndex::read`] is called.
#[derive(Debug)]
pub struct Cached {
    pub store: Store,
    pub index: CopiedIndex,
    /// How many warnings the store had when it was checked.
    pub warnings: usize,
}

/// A copy's index, checked when the copy was opened and read when [`CopiedIndex::read`] is
/// called: the explorer shows its first screen first, and reads the index on its search
/// thread.
#[derive(Debug)]
pub struct CopiedIndex {
    file: fs::File,
    frame: Frame,
    seed: u64,
    events: usize,
    actors: usize,
}

impl CopiedIndex {
    fn verify(&self) -> bool {
        self.frame.verify(&self.file, self.seed, &mut Vec::new())
    }

    /// The index, when it reads back as written and fits its store; none when the copy
    /// changed on disk since it was opened (then the index is built again).
    pub fn read(&self) -> Option<Index> {
        let index: Index = self.frame.decode(&self.file, self.seed)?;
        index.fits(self.events, self.actors).then_some(index)
    }
}

/// Checking every part of an opened copy against its checksum, left for later: a copy that
/// fails is removed, so the next open reads the store itself.
#[derive(Debug)]
pub struct LaterCheck {
    chunks: Arc<CopyChunks>,
    index: CopiedIndex,
    copy: PathBuf,
}

impl LaterCheck {
    /// Checks every chunk and the index (on every core), counting the events checked in
    /// `progress`; says what happened when the copy is damaged.
    pub fn run(&self, progress: &Progress) -> Result<(), String> {
        let (chunks_hold, index_holds) =
            rayon::join(|| self.chunks.verify(progress), || self.index.verify());
        if chunks_hold && index_holds {
            return Ok(());
        }
        let _ = fs::remove_file(&self.copy);
        Err(
            "the cached copy of this store is damaged: it was removed, and the next open \
             reads the store itself (events from damaged parts say they could not be read)"
                .into(),
        )
    }
}

/// A directory of cached stores, one file per store path.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// `evex` in the user's cache directory (`$XDG_CACHE_HOME`, else `~/.cache`).
    pub fn user() -> Option<Self> {
        dirs::cache_dir().map(|dir| Self::new(dir.join("evex")))
    }

    /// Whether the directory is safe to read copies from: missing (it is created for the user
    /// alone), or a directory owned by the user that no one else may write to. Another user
    /// who can write there could plant a copy that evex would trust.
    pub fn check_owner(&self) -> Result<(), String> {
        let metadata = match fs::metadata(&self.dir) {
            Ok(metadata) => metadata,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(format!("it cannot be read ({e})")),
        };
        let me = rustix::process::geteuid().as_raw();
        if !metadata.is_dir() {
            Err("it is not a directory".into())
        } else if metadata.uid() != me {
            Err(format!("it belongs to user {}, not to you", metadata.uid()))
        } else if metadata.mode() & 0o022 != 0 {
            Err(format!(
                "others may write to it (mode {:o}; chmod 700 it to use it)",
                metadata.mode() & 0o777
            ))
        } else {
            Ok(())
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the copy of the store at `path` lives: named by a hash of its full path.
    pub fn file_for(&self, path: &Path) -> PathBuf {
        let path = fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        let name = xxh3_128(path.as_os_str().as_encoded_bytes());
        self.dir.join(format!("{name:032x}.bin"))
    }

    /// The cached copy of the store at `path`, if there is one for its current content.
    pub fn load(&self, path: &Path) -> Option<Cached> {
        self.load_showing(path, &Progress::default())
    }

    /// Reads the copy as [`Cache::load`] does, counting the events checked in `progress`.
    /// Only the store's head, its events' dates and its index are read at once; every
    /// chunk of events is checked, and read when one of its events is asked for.
    pub fn load_showing(&self, path: &Path, progress: &Progress) -> Option<Cached> {
        let (cached, later) = self.load_checking_later(path, progress)?;
        later.run(progress).ok().map(|()| cached)
    }

    /// Reads the copy as [`Cache::load_showing`] does, but leaves checking every chunk's
    /// checksum to the [`LaterCheck`] it gives (the explorer runs it behind its first
    /// frame). Nothing unchecked is ever used: a chunk is checked again when it is read.
    pub fn load_checking_later(
        &self,
        path: &Path,
        progress: &Progress,
    ) -> Option<(Cached, LaterCheck)> {
        let copy = self.file_for(path);
        let file = regular_file::open(&copy).ok()?;
        let size = file.metadata().ok()?.len();
        let mut magic = [0; MAGIC.len()];
        std::os::unix::fs::FileExt::read_exact_at(&file, &mut magic, 0).ok()?;
        if &magic != MAGIC {
            return None;
        }
        let mut walk = Walk {
            file: &file,
            at: MAGIC.len() as u64,
            size,
            next: 0,
        };
        let first = walk.next_frame()?;
        let header: Header = first.decode(&file, 0)?;
        let seed = first.checksum;
        let fresh = header.format == FORMAT
            && header.evex == env!("CARGO_PKG_VERSION")
            && header.machine == Machine::this()
            && header.key.still_holds(path, &fs::metadata(path).ok()?);
        if !fresh {
            return None;
        }
        let head: Head = walk.next_frame()?.decode(&file, seed)?;
        let whens: Vec<When> = walk.next_frame()?.decode(&file, seed)?;
        let casts: (Vec<u32>, Vec<u32>) = walk.next_frame()?.decode(&file, seed)?;
        let index = walk.next_frame()?;
        let (events, chunk_len) = (usize::try_from(head.events).ok()?, head.chunk_len as usize);
        let frames = (0..events.div_ceil(chunk_len.max(1)))
            .map(|_| walk.next_frame())
            .collect::<Option<Vec<_>>>()?;
        let whole = walk.at == size
            && chunk_len > 0
            && whens.len() == events
            && head.actor_totals.len() == head.actors.len()
            && casts_fit(&casts, events, head.actors.len());
        if !whole {
            return None;
        }
        progress.start(Stage::Cached, head.events);
        let chunks = Arc::new(CopyChunks {
            file,
            frames,
            header: seed,
            chunk_len,
            events,
            actors: head.actors.len(),
            sources: head.sources.len(),
        });
        let index = CopiedIndex {
            file: chunks.file.try_clone().ok()?,
            frame: index,
            seed,
            events,
            actors: head.actors.len(),
        };
        let later = LaterCheck {
            chunks: Arc::clone(&chunks),
            index: CopiedIndex {
                file: chunks.file.try_clone().ok()?,
                ..index
            },
            copy,
        };
        let totals = head.actor_totals.iter().map(|&n| n as usize).collect();
        let events = Chunked::new(chunk_len, whens, casts, totals, Box::new(chunks));
        let store = Store {
            title: head.title,
            sources: head.sources,
            actors: head.actors,
            events: Events::chunked(events),
        };
        Some((
            Cached {
                store,
                index,
                warnings: head.warnings,
            },
            later,
        ))
    }

    /// Writes the copy of a store, replacing any older one in one step: readers see the old
    /// file or the new one, never half of one.
    pub fn save(
        &self,
        path: &Path,
        key: Key,
        store: &Store,
        index: &Index,
        warnings: usize,
    ) -> io::Result<PathBuf> {
        let header = Header {
            format: FORMAT,
            evex: env!("CARGO_PKG_VERSION").into(),
            machine: Machine::this(),
            key,
        };
        self.save_with(path, &header, store, index, warnings)
    }

    fn save_with(
        &self,
        path: &Path,
        header: &Header,
        store: &Store,
        index: &Index,
        warnings: usize,
    ) -> io::Result<PathBuf> {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&self.dir)?;
        let target = self.file_for(path);
        sweep_partial_files(&self.dir);
        let temp = tempfile::Builder::new()
            .prefix(PARTIAL)
            .tempfile_in(&self.dir)?;
        let mut writer = FrameWriter::new(BufWriter::new(temp));
        writer.writer.write_all(MAGIC)?;
        writer.write(header)?;
        let head = Head {
            title: store.title.clone(),
            sources: store.sources.clone(),
            actors: store.actors.clone(),
            events: store.events.len() as u64,
            warnings,
            chunk_len: CHUNK as u32,
            actor_totals: (0..index.actors())
                .map(|a| index.actor_events(a).len())
                .collect(),
        };
        writer.write(&head)?;
        writer.write(&store.events.whens().copied().collect::<Vec<When>>())?;
        writer.write(&index.casts())?;
        writer.write(index)?;
        for chunk in store.events.as_slice().chunks(CHUNK) {
            writer.write(&chunk)?;
        }
        let temp = writer
            .writer
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        temp.as_file().sync_all()?;
        temp.persist(&target).map_err(|e| e.error)?;
        Ok(target)
    }
}

/// Whether every event's actors, as a copy lists them, are in range and in order.
fn casts_fit((cast, starts): &(Vec<u32>, Vec<u32>), events: usize, actors: usize) -> bool {
    starts.len() == events + 1
        && starts.first() == Some(&0)
        && starts.is_sorted()
        && starts.last().is_some_and(|&end| end as usize == cast.len())
        && cast.iter().all(|&a| (a as usize) < actors)
}

/// Removes copies left half-written by an evex that was stopped while saving.
fn sweep_partial_files(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age.as_secs() > 3_600));
        if old && entry.file_name().to_string_lossy().starts_with(PARTIAL) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
#[path = "cache/tests.rs"]
mod tests;
