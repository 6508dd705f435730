//! Opening a store for the explorer, `list` and `stats`: from the cache when it has a fresh
//! copy, else parsed and checked, with progress on standard error while a big one loads.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use evex::cache::{Cache, Key};
use evex::index::Index;
use evex::store::Store;

use crate::cli;

/// Stores smaller than this parse in milliseconds; a cached copy would not pay for itself.
const CACHE_FROM_BYTES: u64 = 1 << 20;

/// A store ready to explore.
pub struct Opened {
    pub store: Store,
    /// The index, when the cache had one.
    pub index: Option<Index>,
    /// How to cache the store once its index is built, when it was parsed and is big.
    pub saver: Option<Saver>,
}

/// What saving a store's copy in the cache needs.
pub struct Saver {
    cache: Cache,
    path: PathBuf,
    key: Key,
    warnings: usize,
}

impl Saver {
    pub fn save(&self, store: &Store, index: &Index) -> io::Result<PathBuf> {
        self.cache
            .save(&self.path, self.key, store, index, self.warnings)
    }
}

/// Opens the store at `path` (standard input for `-`, the bundled store for none). Problems
/// are printed on standard error.
pub fn open(path: Option<&Path>) -> Result<Opened, ()> {
    let cache = path
        .filter(|p| *p != Path::new("-"))
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.len() >= CACHE_FROM_BYTES))
        .and_then(|p| Some((safe_user_cache()?, p)));
    if let Some((cache, path)) = &cache {
        let name = evex::input::display_name(path);
        if let Some(cached) = with_progress(&format!("reading the cached copy of {name}"), || {
            cache.load(path)
        }) {
            cli::report_warnings(&name, cached.warnings);
            return Ok(Opened {
                store: cached.store,
                index: Some(cached.index),
                saver: None,
            });
        }
    }
    let metadata = path.and_then(|p| std::fs::metadata(p).ok());
    let (input, loaded) = cli::load(path)?;
    let saver = cache.zip(metadata).map(|((cache, path), metadata)| Saver {
        key: Key::new(&metadata, input.text.as_bytes()),
        cache,
        path: path.to_owned(),
        warnings: loaded.warnings.len(),
    });
    Ok(Opened {
        store: loaded.store,
        index: None,
        saver,
    })
}

/// The user's cache, unless its directory could hold copies planted by someone else; then
/// evex says so and runs without it.
fn safe_user_cache() -> Option<Cache> {
    let cache = Cache::user()?;
    match cache.check_owner() {
        Ok(()) => Some(cache),
        Err(why) => {
            say!(
                "evex: not using the cache in {}: {why}; running without it",
                evex::input::display_name(cache.dir())
            );
            None
        }
    }
}

/// Runs `work`, and if it takes more than a moment, shows on standard error (when it is a
/// terminal) what is happening and for how long.
pub fn with_progress<T>(what: &str, work: impl FnOnce() -> T) -> T {
    if !io::stderr().is_terminal() {
        return work();
    }
    let (done, finished) = mpsc::channel::<()>();
    thread::scope(|scope| {
        scope.spawn(move || {
            let start = Instant::now();
            let mut shown = false;
            let spinner = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
            for frame in 0.. {
                let wait = if shown { 100 } else { 300 };
                if finished.recv_timeout(Duration::from_millis(wait))
                    != Err(mpsc::RecvTimeoutError::Timeout)
                {
                    break;
                }
                shown = true;
                let secs = start.elapsed().as_secs_f64();
                let mark = spinner[frame % spinner.len()];
                let mut stderr = io::stderr().lock();
                let _ = write!(stderr, "\r\x1b[2K{mark} evex: {what}… {secs:.1} s");
                let _ = stderr.flush();
            }
            if shown {
                let _ = write!(io::stderr(), "\r\x1b[2K");
            }
        });
        let result = work();
        let _ = done.send(());
        result
    })
}
