//! Marked events, kept per store in the user's data directory so they are there tomorrow.
//!
//! A store is known by its canonical path and the hash of its content; marks are kept as
//! event ids, so a store that changes keeps the marks of the events it still has.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The marks of one store as written to disk.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct MarksFile {
    /// The store's path, for a person reading the file.
    store: String,
    ids: BTreeSet<String>,
}

/// Where one store's marks are kept: `$XDG_DATA_HOME/evex/marks/<hash of the path>.ron`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarksPlace {
    file: PathBuf,
    store: String,
}

impl MarksPlace {
    /// The place for the store at `store_path` (canonical), under `data_dir`; the bundled
    /// store is `bundled`.
    pub fn new(data_dir: &Path, store_path: &str) -> Self {
        let hash = xxhash_rust::xxh3::xxh3_64(store_path.as_bytes());
        Self {
            file: data_dir
                .join("evex")
                .join("marks")
                .join(format!("{hash:016x}.ron")),
            store: store_path.to_owned(),
        }
    }

    /// The user's place for a store, if the system has a data directory.
    pub fn for_user(store_path: &str) -> Option<Self> {
        Some(Self::new(&dirs::data_dir()?, store_path))
    }

    /// Where the marks of the store at `path` are kept: by its canonical path (the bundled
    /// store as `bundled`); standard input has none.
    pub fn for_store(path: Option<&Path>) -> Option<Self> {
        match path {
            None => Self::for_user("bundled"),
            Some(p) if p == Path::new("-") => None,
            Some(p) => Self::for_user(&std::fs::canonicalize(p).ok()?.display().to_string()),
        }
    }

    /// The marked ids; none when there is no file yet. A file that cannot be read or parsed
    /// is an error the explorer reports without stopping.
    pub fn load(&self) -> io::Result<BTreeSet<String>> {
        let text = match crate::regular_file::read_to_string(&self.file) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(BTreeSet::new()),
            Err(e) => return Err(e),
        };
        let file: MarksFile = ron::from_str(&text).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{}: {e}", self.file.display()),
            )
        })?;
        Ok(file.ids)
    }

    /// Writes the marks atomically: a temporary file beside the old one, then a rename, so
    /// a crash leaves the old marks or the new ones, never half.
    pub fn save(&self, ids: &BTreeSet<String>) -> io::Result<()> {
        let dir = self
            .file
            .parent()
            .expect("the marks file is in a directory");
        std::fs::create_dir_all(dir)?;
        let file = MarksFile {
            store: self.store.clone(),
            ids: ids.clone(),
        };
        let text = ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::default())
            .map_err(io::Error::other)?;
        let mut temp = tempfile::NamedTempFile::new_in(dir)?;
        temp.write_all(text.as_bytes())?;
        temp.as_file().sync_all()?;
        temp.persist(&self.file).map_err(|e| e.error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_round_trip_and_a_missing_file_is_no_marks() {
        let dir = tempfile::tempdir().unwrap();
        let place = MarksPlace::new(dir.path(), "/stores/a.ron");
        assert!(place.load().unwrap().is_empty());
        let ids: BTreeSet<String> = ["b".into(), "a".into()].into();
        place.save(&ids).unwrap();
        assert_eq!(place.load().unwrap(), ids);
        let other = MarksPlace::new(dir.path(), "/stores/b.ron");
        assert!(
            other.load().unwrap().is_empty(),
            "each store has its own marks"
        );
    }

    #[test]
    fn a_damaged_file_is_an_error_that_names_it() {
        let dir = tempfile::tempdir().unwrap();
        let place = MarksPlace::new(dir.path(), "x");
        place.save(&BTreeSet::new()).unwrap();
        std::fs::write(&place.file, "(store: ").unwrap();
        let err = place.load().unwrap_err().to_string();
        assert!(err.contains(&place.file.display().to_string()), "{err}");
    }
}
