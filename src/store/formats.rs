//! Event data people already have: ACLED, GDELT, ICEWS, TimelineJS (JSON and sheet), evex's
//! own `list -f json`, and any CSV/TSV/JSON table with a column mapping. Each format turns
//! its rows into the same [`StoreFile`] a RON store parses to, which is then checked the
//! same way. The format is found from the content, here and nowhere else.

mod acled;
mod build;
mod cameo;
mod columns;
mod dates;
mod evex_json;
mod gdelt;
mod html;
mod icews;
mod json;
mod rows;
mod sheet;
mod table;
mod timelinejs;

use std::fmt;
use std::io::{self, BufRead};

pub use build::Builder;
pub use columns::ColumnMap;

use super::{Diagnostic, Loaded, Position, Store};

/// Every format evex reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// evex's own RON store.
    Ron,
    /// ACLED's CSV export.
    Acled,
    /// A GDELT 1.0 or 2.0 event export (tab-separated, no header).
    Gdelt,
    /// An ICEWS event file (tab-separated, with a header).
    Icews,
    /// A TimelineJS JSON timeline.
    Timelinejs,
    /// The TimelineJS Google-sheet template, saved as CSV.
    Sheet,
    /// evex's own `list -f json` output.
    Evex,
    /// Any CSV or TSV table with a header.
    Csv,
    /// Any JSON array of objects, or JSON Lines.
    Json,
}

impl Format {
    pub const NAMES: [(&'static str, Self); 9] = [
        ("ron", Self::Ron),
        ("acled", Self::Acled),
        ("gdelt", Self::Gdelt),
        ("icews", Self::Icews),
        ("timelinejs", Self::Timelinejs),
        ("sheet", Self::Sheet),
        ("evex", Self::Evex),
        ("csv", Self::Csv),
        ("json", Self::Json),
    ];

    pub fn from_name(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|&(_, f)| f)
    }

    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|&&(_, f)| f == self)
            .map_or("?", |(n, _)| n)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How to read a file that is not a RON store.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The format, when the person forced one; else it is detected.
    pub format: Option<Format>,
    /// Which column holds which field, for tables without obvious headers.
    pub map: Option<ColumnMap>,
    /// Open the good rows of a file with bad ones, instead of refusing it.
    pub skip_bad_rows: bool,
    /// The file's size, when known: reading then makes room for its events once.
    pub bytes: Option<u64>,
}

/// A file read into a store, with the rows that were skipped and why. Every row was held to
/// the rules a store's events are, so the store needs no second check.
#[derive(Debug)]
pub struct Imported {
    pub store: Store,
    pub format: Format,
    /// How many rows were skipped (only with `skip_bad_rows`).
    pub skipped_rows: usize,
    /// What was wrong with them, one diagnostic per problem.
    pub skipped: Vec<Diagnostic>,
}

impl Imported {
    /// The store, loaded: imported rows leave no warnings (every actor and source made is
    /// one some event names).
    pub fn into_loaded(self) -> Loaded {
        Loaded {
            store: self.store,
            warnings: Vec::new(),
        }
    }
}

/// Why a file could not be read as events.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read: {0}")]
    Io(#[from] io::Error),
    /// The format is unknown, or the columns cannot be mapped: what it looked like and how
    /// to map it.
    #[error("{message}")]
    Unreadable {
        /// Where in the file, when it is one place.
        at: Option<Position>,
        message: String,
        help: String,
    },
    /// Rows that could not be mapped, every one listed.
    #[error("{} bad row(s)", .0.len())]
    BadRows(Vec<Diagnostic>),
}

impl ImportError {
    pub fn unreadable(message: impl Into<String>, help: impl Into<String>) -> Self {
        Self::Unreadable {
            at: None,
            message: message.into(),
            help: help.into(),
        }
    }

    /// What is wrong at one place in the file.
    pub fn unreadable_at(
        at: Position,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Self::Unreadable {
            at: Some(at),
            message: message.into(),
            help: help.into(),
        }
    }
}

/// How many bytes of a file's start detection looks at.
pub const HEAD_BYTES: usize = 64 * 1024;

/// The format of a file from its first bytes: the JSON shape, the header's names or the
/// number of tab-separated columns. `None` when it looks like none of them.
pub fn detect(head: &[u8]) -> Option<Format> {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let text = String::from_utf8_lossy(head);
    let start = text.trim_start();
    if start.starts_with("Store(")
        || start.starts_with("#![")
        || start.starts_with("//")
        || start.starts_with("/*")
        || start.starts_with('(')
    {
        return Some(Format::Ron);
    }
    if start.starts_with('{') || start.starts_with('[') {
        return Some(json::detect(start));
    }
    let first_line = start.lines().next().unwrap_or("");
    let header = columns::split_header(first_line);
    if acled::is_header(&header) {
        Some(Format::Acled)
    } else if icews::is_header(&header) {
        Some(Format::Icews)
    } else if sheet::is_header(&header) {
        Some(Format::Sheet)
    } else if gdelt::is_row(first_line) {
        Some(Format::Gdelt)
    } else if header.len() > 1 {
        Some(Format::Csv)
    } else {
        None
    }
}

/// Reads the events of a file that is not a RON store. `name` is the file's name for
/// messages and for the store's title.
pub fn read(
    mut input: impl BufRead + Send,
    name: &str,
    options: &Options,
) -> Result<Imported, ImportError> {
    let head = input.fill_buf()?;
    let format = match options.format.or_else(|| detect(head)) {
        Some(format) => format,
        None => return Err(columns::unknown_format(head)),
    };
    let short = std::path::Path::new(name)
        .file_name()
        .map_or(name.into(), |n| n.to_string_lossy());
    let mut builder = Builder::new(&short, options.skip_bad_rows);
    builder.expected_bytes = options.bytes;
    match format {
        Format::Ron => {
            return Err(ImportError::unreadable(
                format!("{name} is a RON store"),
                "open it directly, without --format",
            ));
        }
        Format::Acled => acled::read(input, &mut builder)?,
        Format::Gdelt => gdelt::read(input, &mut builder)?,
        Format::Icews => icews::read(input, &mut builder)?,
        Format::Timelinejs => timelinejs::read(input, &mut builder)?,
        Format::Sheet => sheet::read(input, &mut builder)?,
        Format::Evex => evex_json::read(input, &mut builder)?,
        Format::Csv => table::read_csv(input, &mut builder, options)?,
        Format::Json => json::read(input, &mut builder, options)?,
    }
    builder.finish(format)
}
