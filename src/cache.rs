//! A binary copy of a loaded store and its index in the user's cache directory, so a big
//! store opens in a fraction of the time its RON takes to parse and check. The RON file stays
//! the one source of truth: a copy is used only when the file's size, modification time and
//! content hash all match, and anything unreadable in it means "no copy".
//!
//! The file is a magic line followed by frames (a little-endian `u64` length and `u64` xxh3
//! checksum, then postcard bytes): a header, the store without its events, the events in
//! chunks, and the index. Chunks keep memory low while reading: only one chunk's bytes are
//! held at a time. Every checksum after the header's is seeded with the header's hash and the
//! frame's number, so frames belong to their header (and its key) and to their place: a copy
//! spliced from two genuine copies, or with frames reordered, is no copy.
//!
//! Only a regular file is read, opened without blocking (a FIFO put at a copy's path is
//! skipped, not waited on), and only from a directory that the user owns and nobody else can
//! write to.

use std::fs;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64_with_seed, xxh3_128};

use crate::index::Index;
use crate::progress::{Progress, Stage};
use crate::regular_file;
use crate::store::{Actor, Event, Source, Store};

const MAGIC: &[u8; 10] = b"evexcache\n";
/// Bumped whenever what is cached changes shape.
const FORMAT: u32 = 5;
const CHUNK: usize = 8_192;
/// How copies being written are named until they are complete.
const PARTIAL: &str = ".partial-";

/// What identifies a store file's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    size: u64,
    /// Modification time in nanoseconds since 1970.
    modified: u128,
    hash: u128,
}

impl Key {
    /// The key of a file whose bytes have been read into `bytes` after `metadata` was taken.
    pub fn new(metadata: &fs::Metadata, bytes: &[u8]) -> Self {
        Self {
            size: metadata.len(),
            modified: modified(metadata),
            hash: xxh3_128(bytes),
        }
    }
}

impl Key {
    /// The key of a file whose bytes hashed (with xxh3-128) to `hash` as they were read
    /// after `metadata` was taken.
    pub fn from_hash(metadata: &fs::Metadata, hash: u128) -> Self {
        Self {
            size: metadata.len(),
            modified: modified(metadata),
            hash,
        }
    }
}

fn modified(metadata: &fs::Metadata) -> u128 {
    metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

/// Hashes a file without holding it in memory.
fn hash_file(path: &Path) -> io::Result<u128> {
    let mut file = regular_file::open(path)?;
    let mut hasher = Xxh3::new();
    let mut buffer = vec![0; 1 << 20];
    loop {
        match file.read(&mut buffer)? {
            0 => return Ok(hasher.digest128()),
            n => hasher.update(&buffer[..n]),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    evex: String,
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
}

/// A store read back from the cache.
#[derive(Debug)]
pub struct Cached {
    pub store: Store,
    pub index: Index,
    /// How many warnings the store had when it was checked.
    pub warnings: usize,
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

    /// Reads the copy as [`Cache::load`] does, counting the events read in `progress`.
    pub fn load_showing(&self, path: &Path, progress: &Progress) -> Option<Cached> {
        let mut reader = Frames {
            reader: BufReader::new(regular_file::open(&self.file_for(path)).ok()?),
            buffer: Vec::new(),
            header: 0,
            next: 0,
        };
        let mut magic = [0; MAGIC.len()];
        reader.reader.read_exact(&mut magic).ok()?;
        if &magic != MAGIC {
            return None;
        }
        let header: Header = reader.read()?;
        let metadata = fs::metadata(path).ok()?;
        let fresh = header.format == FORMAT
            && header.evex == env!("CARGO_PKG_VERSION")
            && header.key.size == metadata.len()
            && header.key.modified == modified(&metadata)
            && header.key.hash == hash_file(path).ok()?;
        if !fresh {
            return None;
        }
        let head: Head = reader.read()?;
        let total = usize::try_from(head.events).ok()?;
        progress.start(Stage::Cached, head.events);
        let mut events = Vec::with_capacity(total.min(1 << 24));
        while events.len() < total {
            let chunk: Vec<Event> = reader.read()?;
            if chunk.is_empty() {
                return None;
            }
            progress.advance(chunk.len() as u64);
            events.extend(chunk);
        }
        let index: Index = reader.read()?;
        let store = Store {
            title: head.title,
            sources: head.sources,
            actors: head.actors,
            events,
        };
        index.fits(&store).then_some(Cached {
            store,
            index,
            warnings: head.warnings,
        })
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
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&self.dir)?;
        let target = self.file_for(path);
        sweep_partial_files(&self.dir);
        let temp = tempfile::Builder::new()
            .prefix(PARTIAL)
            .tempfile_in(&self.dir)?;
        let mut writer = FrameWriter {
            writer: BufWriter::new(temp),
            header: 0,
            next: 0,
        };
        writer.writer.write_all(MAGIC)?;
        let header = Header {
            format: FORMAT,
            evex: env!("CARGO_PKG_VERSION").into(),
            key,
        };
        writer.write(&header)?;
        let head = Head {
            title: store.title.clone(),
            sources: store.sources.clone(),
            actors: store.actors.clone(),
            events: store.events.len() as u64,
            warnings,
        };
        writer.write(&head)?;
        for chunk in store.events.chunks(CHUNK) {
            writer.write(&chunk)?;
        }
        writer.write(index)?;
        let temp = writer
            .writer
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        temp.as_file().sync_all()?;
        temp.persist(&target).map_err(|e| e.error)?;
        Ok(target)
    }
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

/// The seed of frame `n`'s checksum: frame 0 (the header) has none; every later frame is
/// bound to the header's checksum (so to its key) and to its own place.
fn seed(header: u64, n: u64) -> u64 {
    if n == 0 {
        0
    } else {
        header ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

/// Frames being written, each checksum seeded as [`seed`] says.
struct FrameWriter<W> {
    writer: W,
    header: u64,
    next: u64,
}

impl<W: Write> FrameWriter<W> {
    fn write<T: Serialize + ?Sized>(&mut self, value: &T) -> io::Result<()> {
        let bytes = postcard::to_allocvec(value).map_err(io::Error::other)?;
        let checksum = xxh3_64_with_seed(&bytes, seed(self.header, self.next));
        self.writer.write_all(&(bytes.len() as u64).to_le_bytes())?;
        self.writer.write_all(&checksum.to_le_bytes())?;
        self.writer.write_all(&bytes)?;
        if self.next == 0 {
            self.header = checksum;
        }
        self.next += 1;
        Ok(())
    }
}

/// Frames being read back; any frame whose checksum is not the one its place expects ends
/// the reading.
struct Frames<R> {
    reader: R,
    buffer: Vec<u8>,
    header: u64,
    next: u64,
}

impl<R: Read> Frames<R> {
    fn read<T: DeserializeOwned>(&mut self) -> Option<T> {
        let mut word = [0; 8];
        self.reader.read_exact(&mut word).ok()?;
        let len = usize::try_from(u64::from_le_bytes(word)).ok()?;
        self.reader.read_exact(&mut word).ok()?;
        let checksum = u64::from_le_bytes(word);
        self.buffer.clear();
        // `take` stops a corrupt length from asking for more memory than the file holds.
        (&mut self.reader)
            .take(len as u64)
            .read_to_end(&mut self.buffer)
            .ok()?;
        let expected = xxh3_64_with_seed(&self.buffer, seed(self.header, self.next));
        if self.buffer.len() != len || expected != checksum {
            return None;
        }
        if self.next == 0 {
            self.header = checksum;
        }
        self.next += 1;
        postcard::from_bytes(&self.buffer).ok()
    }
}
