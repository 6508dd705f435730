//! Search history: the queries a person kept with Enter, newest last, in one file in the XDG
//! state directory. History is never required: with no directory, or one that cannot be
//! read or written, there is simply no history and no error.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// How many queries are kept.
pub const CAP: usize = 500;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// Oldest first, no two equal neighbours.
    pub entries: Vec<String>,
    /// Where it is kept; `None` keeps it in memory only.
    path: Option<PathBuf>,
}

impl History {
    /// The history file in the user's state directory (the data directory where there is
    /// no state directory).
    pub fn default_path() -> Option<PathBuf> {
        dirs::state_dir()
            .or_else(dirs::data_dir)
            .map(|dir| dir.join("evex").join("history"))
    }

    /// Reads the history at `path`; anything unreadable is an empty history.
    pub fn load(path: Option<PathBuf>) -> Self {
        let entries = path
            .as_deref()
            .and_then(|p| fs::read_to_string(p).ok())
            .map(|text| text.lines().map(str::to_owned).collect::<Vec<_>>())
            .unwrap_or_default();
        let skip = entries.len().saturating_sub(CAP);
        Self {
            entries: entries.into_iter().skip(skip).collect(),
            path,
        }
    }

    /// Adds a kept query (blank ones and repeats of the newest are not added) and writes the
    /// file; a failed write only means the history is not kept.
    pub fn push(&mut self, query: &str) {
        let query = query.trim();
        if query.is_empty()
            || query.contains('\n')
            || self.entries.last().is_some_and(|l| l == query)
        {
            return;
        }
        self.entries.retain(|e| e != query);
        self.entries.push(query.to_owned());
        if self.entries.len() > CAP {
            self.entries.drain(..self.entries.len() - CAP);
        }
        if let Some(path) = &self.path {
            let _ = write_atomically(path, &(self.entries.join("\n") + "\n"));
        }
    }
}

/// Writes `text` to a temporary file beside `path`, then renames it over `path`, so a reader
/// never sees half a file.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_capped_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("evex").join("history");
        let mut history = History::load(Some(path.clone()));
        for i in 0..CAP + 3 {
            history.push(&format!("q{i}"));
        }
        history.push("q4");
        history.push("  ");
        let again = History::load(Some(path));
        assert_eq!(again.entries.len(), CAP);
        assert_eq!(again.entries.last().unwrap(), "q4");
        assert_eq!(
            again.entries[0], "q3",
            "q0-q2 fell off; q4 moved to the end"
        );
    }

    #[test]
    fn an_unwritable_place_means_no_history_and_no_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("file");
        fs::write(&file, "not a directory").unwrap();
        let mut history = History::load(Some(file.join("history")));
        history.push("minsk");
        assert_eq!(history.entries, ["minsk"]);
    }
}
