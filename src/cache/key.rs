//! What ties a cached copy to one content of one store file, and to the evex and the kind of
//! machine that wrote it.

use std::fs;
use std::io::{self, Read};
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::regular_file;

/// A file whose modification time is this close to (or after) the moment its copy was
/// written could have changed again within the same tick of the clock, so its content is
/// hashed again rather than trusted by its metadata (git's "racily clean" files).
const RACY_NANOS: u128 = 2_000_000_000;

/// What identifies a store file's content: its metadata, which changes with any write, and
/// the hash of its bytes when they were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    stat: Stat,
    hash: u128,
    /// When the bytes were read, in nanoseconds since 1970.
    read: u128,
}

/// A file's metadata that any write to it changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stat {
    size: u64,
    /// Modification time in nanoseconds since 1970.
    modified: u128,
    /// Status change time in nanoseconds since 1970: set by every write and by setting the
    /// modification time back, and never settable by hand.
    changed: u128,
    device: u64,
    inode: u64,
}

impl Stat {
    fn of(metadata: &fs::Metadata) -> Self {
        Self {
            size: metadata.len(),
            modified: modified(metadata),
            changed: nanos(metadata.ctime(), metadata.ctime_nsec()),
            device: metadata.dev(),
            inode: metadata.ino(),
        }
    }
}

impl Key {
    /// The key of a file whose bytes have been read into `bytes` after `metadata` was taken.
    pub fn new(metadata: &fs::Metadata, bytes: &[u8]) -> Self {
        Self::from_hash(metadata, xxhash_rust::xxh3::xxh3_128(bytes))
    }

    /// The key of a file whose bytes hashed (with xxh3-128) to `hash` as they were read,
    /// just now, after `metadata` was taken.
    pub fn from_hash(metadata: &fs::Metadata, hash: u128) -> Self {
        Self {
            stat: Stat::of(metadata),
            hash,
            read: now(),
        }
    }

    /// Whether the file at `path` (whose metadata is `metadata`) still has the content this
    /// key was made from. Unchanged metadata is trusted, unless the bytes were read within
    /// the clock's tick of the file's last change (it could have changed again within the
    /// same tick): then they are hashed again.
    pub fn still_holds(&self, path: &Path, metadata: &fs::Metadata) -> bool {
        if Stat::of(metadata) != self.stat {
            return false;
        }
        let racy = self.read <= self.stat.modified.max(self.stat.changed) + RACY_NANOS;
        !racy || hash_file(path).is_ok_and(|hash| hash == self.hash)
    }
}

/// The kind of machine a copy was written on: copies hold sizes as written by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Machine {
    pointer_bits: u32,
    little_endian: bool,
}

impl Machine {
    pub fn this() -> Self {
        Self {
            pointer_bits: usize::BITS,
            little_endian: cfg!(target_endian = "little"),
        }
    }

    /// Another kind of machine than this one (for tests).
    #[cfg(test)]
    pub fn other(pointer_bits: u32, little_endian: bool) -> Self {
        Self {
            pointer_bits,
            little_endian,
        }
    }
}

fn nanos(seconds: i64, nanos: i64) -> u128 {
    u128::try_from(seconds).unwrap_or(0) * 1_000_000_000 + u128::try_from(nanos).unwrap_or(0)
}

fn modified(metadata: &fs::Metadata) -> u128 {
    metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

/// Now, in nanoseconds since 1970.
fn now() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
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
