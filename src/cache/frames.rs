//! The frames a cached copy is made of: a little-endian `u64` length and `u64` xxh3 checksum,
//! then postcard bytes. Every checksum after the header's is seeded with the header's and the
//! frame's number, so frames belong to their header (and its key) and to their place: a copy
//! spliced from two genuine copies, or with frames reordered, is no copy.

use std::fs::File;
use std::io::{self, Write};
use std::os::unix::fs::FileExt;

use serde::Serialize;
use serde::de::DeserializeOwned;
use xxhash_rust::xxh3::{Xxh3, xxh3_64_with_seed};

/// A frame's length and checksum.
pub const FRAME_HEAD: u64 = 16;

/// The seed of frame `n`'s checksum: frame 0 (the header) has none; every later frame is
/// bound to the header's checksum (so to its key) and to its own place.
pub fn seed(header: u64, n: u64) -> u64 {
    if n == 0 {
        0
    } else {
        header ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

/// Frames being written, each checksum seeded as [`seed`] says.
pub struct FrameWriter<W> {
    pub writer: W,
    header: u64,
    next: u64,
}

impl<W: Write> FrameWriter<W> {
    pub fn new(writer: W) -> Self {
        Self {
            writer,
            header: 0,
            next: 0,
        }
    }

    pub fn write<T: Serialize + ?Sized>(&mut self, value: &T) -> io::Result<()> {
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

/// Where a frame lies in a copy, and what its bytes must hash to.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    /// Where its bytes start (after its length and checksum).
    pub at: u64,
    pub len: u64,
    pub checksum: u64,
    /// Its number in the copy, which seeds its checksum.
    pub number: u64,
}

impl Frame {
    /// The frame's bytes, when they hash as they did when written (seeded by the header's
    /// checksum `header`). `buffer` is reused between calls.
    pub fn read<'b>(&self, file: &File, header: u64, buffer: &'b mut Vec<u8>) -> Option<&'b [u8]> {
        buffer.clear();
        buffer.resize(usize::try_from(self.len).ok()?, 0);
        file.read_exact_at(buffer, self.at).ok()?;
        (xxh3_64_with_seed(buffer, seed(header, self.number)) == self.checksum)
            .then_some(buffer.as_slice())
    }

    /// Whether the frame's bytes hash as they did when written, read a piece at a time into
    /// `buffer`, so a big frame is checked without holding it.
    pub fn verify(&self, file: &File, header: u64, buffer: &mut Vec<u8>) -> bool {
        const PIECE: u64 = 1 << 20;
        let mut hasher = Xxh3::with_seed(seed(header, self.number));
        let mut at = 0;
        while at < self.len {
            let piece = PIECE.min(self.len - at);
            buffer.resize(piece as usize, 0);
            if file.read_exact_at(buffer, self.at + at).is_err() {
                return false;
            }
            hasher.update(buffer);
            at += piece;
        }
        hasher.digest() == self.checksum
    }

    /// The frame's value, when its bytes hash as written and decode as a `T`.
    pub fn decode<T: DeserializeOwned>(&self, file: &File, header: u64) -> Option<T> {
        let mut buffer = Vec::new();
        postcard::from_bytes(self.read(file, header, &mut buffer)?).ok()
    }

    /// Where the next frame starts.
    pub fn end(&self) -> u64 {
        self.at + self.len
    }
}

/// Walks a copy's frames in order from `at`, reading only their lengths and checksums; none
/// when a frame would reach past `size`, the copy's length.
pub struct Walk<'f> {
    pub file: &'f File,
    pub at: u64,
    pub size: u64,
    pub next: u64,
}

impl Walk<'_> {
    pub fn next_frame(&mut self) -> Option<Frame> {
        let mut head = [0; FRAME_HEAD as usize];
        if self.at.checked_add(FRAME_HEAD)? > self.size {
            return None;
        }
        self.file.read_exact_at(&mut head, self.at).ok()?;
        let [len, checksum] = [&head[..8], &head[8..]]
            .map(|word| u64::from_le_bytes(word.try_into().expect("8 bytes")));
        let frame = Frame {
            at: self.at + FRAME_HEAD,
            len,
            checksum,
            number: self.next,
        };
        if frame.at.checked_add(len)? > self.size {
            return None;
        }
        self.at = frame.end();
        self.next += 1;
        Some(frame)
    }
}
