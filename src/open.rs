//! Opening a store for the explorer, `list` and `stats`: from the cache when it has a fresh
//! copy, else parsed and checked, with progress on standard error while a big one loads.

use std::io;
use std::path::{Path, PathBuf};

use evex::cache::{Cache, CopiedIndex, Key, LaterCheck};
use evex::index::Index;
use evex::progress::{Progress, Stage};
use evex::store::Store;
use evex::store::formats::Options;

use crate::load::{self, with_progress};

/// Stores smaller than this parse in milliseconds; a cached copy would not pay for itself.
const CACHE_FROM_BYTES: u64 = 1 << 20;

/// A store ready to explore.
pub struct Opened {
    pub store: Store,
    /// The index, when the cache had one: read when asked for, so the explorer's first
    /// screen need not wait for it.
    pub index: Option<CopiedIndex>,
    /// How to cache the store once its index is built, when it was parsed and is big.
    pub saver: Option<Saver>,
    /// The copy's checksums still to check, when it was opened checking them later.
    pub check: Option<LaterCheck>,
}

impl Opened {
    /// The cached index, read now; none when there was none or it no longer reads back.
    pub fn read_index(&self) -> Option<Index> {
        self.index.as_ref().and_then(CopiedIndex::read)
    }
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

    /// Saves the copy, saying on standard error when it cannot be written: the cache only
    /// saves time, so the command goes on.
    pub fn save_or_say(&self, store: &Store, index: &Index) {
        if let Err(e) = with_progress("saving a copy in the cache", || self.save(store, index)) {
            say!("evex: could not save a copy in the cache (the next run parses again): {e}");
        }
    }
}

/// Opens the store at `path` (standard input for `-`, the bundled store for none), in any
/// format evex reads. Problems are printed on standard error.
pub fn open(path: Option<&Path>, how: &Options) -> Result<Opened, ()> {
    open_showing(path, how, &Progress::default(), false)
}

/// Opens a store as [`open`] does, counting how far it has got in `progress`; with
/// `check_later`, a cached copy's checksums are left to [`Opened::check`].
pub fn open_showing(
    path: Option<&Path>,
    how: &Options,
    progress: &Progress,
    check_later: bool,
) -> Result<Opened, ()> {
    progress.start(Stage::Opening, 0);
    // The copy is keyed by the file's content alone, so it holds what the default reading
    // gives: a forced format, a column map or skipped rows are read afresh every time.
    let default_reading = how.format.is_none() && how.map.is_none() && !how.skip_bad_rows;
    let cache = path
        .filter(|_| default_reading)
        .filter(|p| *p != Path::new("-"))
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.len() >= CACHE_FROM_BYTES))
        .and_then(|p| Some((safe_user_cache()?, p)));
    if let Some((cache, path)) = &cache {
        let name = evex::input::display_name(path);
        let read = with_progress(&format!("reading the cached copy of {name}"), || {
            if check_later {
                cache
                    .load_checking_later(path, progress)
                    .map(|(cached, check)| (cached, Some(check)))
            } else {
                cache
                    .load_showing(path, progress)
                    .map(|cached| (cached, None))
            }
        });
        if let Some((cached, check)) = read {
            load::report_warnings(&name, cached.warnings);
            return Ok(Opened {
                store: cached.store,
                index: Some(cached.index),
                saver: None,
                check,
            });
        }
    }
    let metadata = path.and_then(|p| std::fs::metadata(p).ok());
    let (_, loaded, hash) = load::load(path, how, progress)?;
    let saver = cache
        .zip(metadata)
        .zip(hash)
        .map(|(((cache, path), metadata), hash)| Saver {
            key: Key::from_hash(&metadata, hash),
            cache,
            path: path.to_owned(),
            warnings: loaded.warnings.len(),
        });
    Ok(Opened {
        store: loaded.store,
        index: None,
        saver,
        check: None,
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
