//! Writing events to a file to keep or share: a RON store with only what they need, the JSON
//! and CSV that `evex list` prints, or a Markdown report. Files are written atomically and
//! never replace one that exists unless asked.

mod markdown;
mod ron_store;

use std::fmt;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::report;
use crate::store::Store;

pub use markdown::markdown;
pub use ron_store::sub_store;

/// What a file of events is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A store `evex` opens and `evex validate` passes.
    Ron,
    /// What `evex list -f json` prints.
    Json,
    /// What `evex list -f csv` prints.
    Csv,
    /// A report to read: date, title, actors, the quote with its citation.
    Markdown,
}

impl Format {
    /// The extensions each format is known by, for messages.
    pub const EXTENSIONS: &str = ".ron, .json, .csv or .md";

    /// The format a file's extension names, if it names one.
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "ron" => Some(Self::Ron),
            "json" => Some(Self::Json),
            "csv" => Some(Self::Csv),
            "md" | "markdown" => Some(Self::Markdown),
            _ => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Ron => "RON store",
            Self::Json => "JSON",
            Self::Csv => "CSV",
            Self::Markdown => "Markdown",
        })
    }
}

/// Writes `events` (store indices, in timeline order) of `store` as `format`.
pub fn write(
    out: &mut impl Write,
    store: &Store,
    events: &[usize],
    format: Format,
) -> io::Result<()> {
    match format {
        Format::Ron => {
            let comment = format!(
                "{} exported by evex {} from “{}”.",
                crate::text::count(events.len(), "event"),
                env!("CARGO_PKG_VERSION"),
                store.title
            );
            sub_store(store, events).write_ron(out, &comment)
        }
        Format::Json => report::json(out, store, events),
        Format::Csv => report::csv(out, store, events, false),
        Format::Markdown => markdown(out, store, events),
    }
}

/// Why events were not written to a file.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0} exists; nothing was written")]
    Exists(String),
    #[error("{0}: cannot write: {1}")]
    Io(String, io::Error),
}

/// Writes `events` to `path` as `format`: into a temporary file beside it, then renamed over
/// it, so a reader never sees half a file. Unless `overwrite`, an existing file is left alone
/// (also one that appears while writing).
pub fn to_file(
    path: &Path,
    store: &Store,
    events: &[usize],
    format: Format,
    overwrite: bool,
) -> Result<(), ExportError> {
    let name = crate::input::display_name(path);
    if !overwrite && path.symlink_metadata().is_ok() {
        return Err(ExportError::Exists(name));
    }
    let failed = |e: io::Error| ExportError::Io(name.clone(), e);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let temp = tempfile::Builder::new()
        .prefix(".evex-export-")
        .tempfile_in(&dir)
        .map_err(failed)?;
    let mut writer = BufWriter::new(temp);
    write(&mut writer, store, events, format)
        .and_then(|()| writer.flush())
        .map_err(failed)?;
    let temp = writer.into_inner().map_err(|e| failed(e.into_error()))?;
    temp.as_file().sync_all().map_err(failed)?;
    if overwrite {
        temp.persist(path).map_err(|e| failed(e.error))?;
    } else {
        temp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                ExportError::Exists(name.clone())
            } else {
                failed(e.error)
            }
        })?;
    }
    Ok(())
}
