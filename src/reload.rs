//! Reloading a store whose file changed: a thread looks at the file's modification time and
//! size every so often and, when they change or when asked (`r`), reads and checks the file
//! again and builds its index, so the explorer never waits for it. A file that does not load
//! is one line saying where and why, for the status line; the explorer keeps what it shows.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, SystemTime};

use crate::index::Index;
use crate::input;
use crate::store::formats::{self, Format, ImportError, Options};
use crate::store::{self, Diagnostic, Lines, Severity, Store, Warnings};

/// How often the file is looked at.
pub const EVERY: Duration = Duration::from_secs(1);

/// What a reload gave.
#[derive(Debug)]
pub enum Reloaded {
    /// The store as the file now has it, with its index.
    Store(Box<(Store, Index)>),
    /// Why the file did not load: `file:line:col: error: message`.
    Failed(String),
}

/// The handle of the reloading thread; the thread ends when it is dropped.
#[derive(Debug)]
pub struct Reloader {
    requests: Sender<()>,
    answers: Receiver<Reloaded>,
}

/// What tells that a file changed: its modification time and size (none while it is missing).
type Stamp = Option<(SystemTime, u64)>;

fn stamp(path: &Path) -> Stamp {
    let metadata = std::fs::metadata(path).ok()?;
    Some((metadata.modified().ok()?, metadata.len()))
}

impl Reloader {
    /// Watches `path` every `every`, loading it with `load` when it changes or when asked.
    pub fn spawn(
        path: PathBuf,
        every: Duration,
        mut load: impl FnMut() -> Result<Store, String> + Send + 'static,
    ) -> Self {
        let (requests, asked) = mpsc::channel::<()>();
        let (answer, answers) = mpsc::channel();
        let mut seen = stamp(&path);
        thread::Builder::new()
            .name("evex-reload".into())
            .spawn(move || {
                loop {
                    let asked = match asked.recv_timeout(every) {
                        Ok(()) => true,
                        Err(RecvTimeoutError::Timeout) => false,
                        Err(RecvTimeoutError::Disconnected) => return,
                    };
                    let now = stamp(&path);
                    if !asked && now == seen {
                        continue;
                    }
                    seen = now;
                    let reloaded = match load() {
                        Ok(store) => {
                            let index = Index::new(&store);
                            Reloaded::Store(Box::new((store, index)))
                        }
                        Err(why) => Reloaded::Failed(why),
                    };
                    if answer.send(reloaded).is_err() {
                        return;
                    }
                }
            })
            .expect("the reload thread starts");
        Self { requests, answers }
    }

    /// Reloads now, changed or not (`r`).
    pub fn request(&self) {
        let _ = self.requests.send(());
    }

    /// The newest reload, if one finished since the last call.
    pub fn answer(&self) -> Option<Reloaded> {
        self.answers.try_iter().last()
    }

    /// Waits up to `timeout` for a reload (tests).
    pub fn wait(&self, timeout: Duration) -> Option<Reloaded> {
        self.answers.recv_timeout(timeout).ok()
    }
}

/// Whether a file is read as a RON store: its format (forced or detected) says so, or nothing
/// was detected and its name ends in `.ron`.
pub fn is_ron(format: Option<Format>, path: &Path) -> bool {
    format == Some(Format::Ron)
        || (format.is_none() && path.extension().is_some_and(|e| e == "ron"))
}

/// Reads and checks the store at `path` as `how` says, printing nothing: what stops it is its
/// first error in one line, with how many more there are.
pub fn load_quietly(path: &Path, how: &Options) -> Result<Store, String> {
    let (name, file) = input::open(path).map_err(|e| e.to_string())?;
    let mut reader = BufReader::with_capacity(formats::HEAD_BYTES, file);
    let head = reader
        .fill_buf()
        .map_err(|e| format!("{name}: cannot read: {e}"))?;
    let format = how.format.or_else(|| formats::detect(head));
    let (text, checked) = if is_ron(format, path) {
        let mut bytes = Vec::new();
        reader
            .read_to_end(&mut bytes)
            .map_err(|e| format!("{name}: cannot read: {e}"))?;
        let input = input::text(name.clone(), bytes).map_err(|e| e.to_string())?;
        let checked = store::parse_with(&input.text, Warnings::Counted);
        (input.text, checked)
    } else {
        let imported = formats::read(reader, &name, how).map_err(|e| match e {
            ImportError::BadRows(problems) => first_problem(&name, "", &problems),
            ImportError::Unreadable { message, .. } => format!("{name}: {message}"),
            ImportError::Io(e) => format!("{name}: cannot read: {e}"),
        })?;
        return Ok(imported.into_loaded().store);
    };
    checked
        .map(|loaded| loaded.store)
        .map_err(|e| first_problem(&name, &text, e.diagnostics()))
}

/// `file:line:col: error: message (and 2 more problems)`.
fn first_problem(name: &str, text: &str, all: &[Diagnostic]) -> String {
    let errors: Vec<&Diagnostic> = all
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    let Some(first) = errors.first().copied().or(all.first()) else {
        return format!("{name}: does not load");
    };
    let lines = Lines::new(text);
    let located = first.in_file(name, &lines).to_string();
    let head = located.lines().next().unwrap_or_default().to_owned();
    match errors.len() {
        0 | 1 => head,
        n => format!("{head} (and {} more; `evex validate` lists them)", n - 1),
    }
}
