//! Reading and checking a store, with progress on standard error while a big one loads and
//! every problem printed when it fails. Below both the command line and the cache-aware
//! opening, which use it.

use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::Path;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use evex::input::{self, Input};
use evex::progress::{Progress, Stage};
use evex::store::formats::{self, ColumnMap, Format, ImportError, Imported, Options};
use evex::store::{self, Diagnostic, Lines, Loaded, Severity, Warnings};
use evex::text::count;
use xxhash_rust::xxh3::Xxh3;

/// Whether to colour output: only on a terminal, and never when `NO_COLOR` is set.
pub fn color(stream_is_terminal: bool) -> bool {
    stream_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// How to read a file that is not a RON store, as every command that opens one takes it.
#[derive(Debug, Clone, clap::Args)]
pub struct ReadArgs {
    /// Read FILE as this format instead of detecting it: ron, acled, gdelt, icews,
    /// timelinejs, sheet (TimelineJS sheet CSV), evex (`list -f json` output), csv, json.
    #[arg(long = "from", value_name = "FORMAT", value_parser = parse_format)]
    from: Option<Format>,
    /// Which columns hold which field of a CSV/JSON table, e.g.
    /// `date=started,end=ended,title=headline,actors=who+whom,place=city`.
    #[arg(long, value_name = "FIELD=COLUMN,…")]
    map: Option<ColumnMap>,
    /// Open the good rows of a dataset with bad ones, saying how many were skipped and why.
    #[arg(long)]
    skip_bad_rows: bool,
}

impl ReadArgs {
    pub fn options(&self) -> Options {
        Options {
            format: self.from,
            map: self.map.clone(),
            skip_bad_rows: self.skip_bad_rows,
            bytes: None,
        }
    }

    /// These options as they are typed, for the command line that reopens a view.
    pub fn words(&self) -> Vec<String> {
        let mut words = Vec::new();
        if let Some(format) = self.from {
            words.extend(["--from".into(), format.name().to_owned()]);
        }
        if let Some(map) = &self.map {
            let pairs: Vec<String> = map
                .fields
                .iter()
                .map(|(field, columns)| format!("{field}={}", columns.join("+")))
                .collect();
            words.extend(["--map".into(), pairs.join(",")]);
        }
        if self.skip_bad_rows {
            words.push("--skip-bad-rows".into());
        }
        words
    }
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Format::NAMES.iter().map(|(n, _)| *n).collect();
        format!(
            "`{name}` is not a format evex reads; use one of {}",
            names.join(", ")
        )
    })
}

/// A file read from disk: a RON store's text, or a dataset's rows mapped to a store file.
pub enum Content {
    Ron(Input),
    Imported(Imported),
}

/// A file read, with what it takes to check it and to cache it.
pub struct ReadFile {
    pub name: String,
    pub content: Content,
    /// xxh3-128 of the file's bytes as they were read; none for the bundled store.
    pub hash: Option<u128>,
}

/// Reads and loads a store (the bundled one for no path), printing every problem on standard
/// error when it fails.
pub fn load(
    path: Option<&Path>,
    how: &Options,
    progress: &Progress,
) -> Result<(String, Loaded, Option<u128>), ()> {
    let read = read_showing(path, how, progress)?;
    let label = read.name.clone();
    let hash = read.hash;
    let loaded = with_progress(&format!("loading {label}"), || check(read, progress))?;
    report_warnings(&label, loaded.warnings.len());
    Ok((label, loaded, hash))
}

/// Reads a file in whatever format it is (or `how` says), streaming datasets row by row.
pub fn read(path: Option<&Path>, how: &Options) -> Result<ReadFile, ()> {
    read_showing(path, how, &Progress::default())
}

/// Reads a file as [`read`] does, counting the bytes read in `progress`.
fn read_showing(path: Option<&Path>, how: &Options, progress: &Progress) -> Result<ReadFile, ()> {
    let Some(path) = path else {
        let input = input::read(None).map_err(|e| say!("evex: {e}"))?;
        return Ok(ReadFile {
            name: input.name.clone(),
            content: Content::Ron(input),
            hash: None,
        });
    };
    let (name, file) = input::open(path).map_err(|e| say!("evex: {e}"))?;
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    progress.start(Stage::Reading, size);
    let hashing = Hashing::new(file, progress);
    let mut reader = BufReader::with_capacity(formats::HEAD_BYTES, hashing);
    let head = reader
        .fill_buf()
        .map_err(|e| say!("evex: {name}: cannot read: {e}"))?;
    let format = how.format.or_else(|| formats::detect(head));
    let content = if evex::reload::is_ron(format, path) {
        // Room for the whole file at once: growing by doubling would copy it several times.
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        with_progress(&format!("reading {name}"), || {
            reader.read_to_end(&mut bytes)
        })
        .map_err(|e| say!("evex: {name}: cannot read: {e}"))?;
        Content::Ron(input::text(name.clone(), bytes).map_err(|e| say!("evex: {e}"))?)
    } else {
        let how = Options {
            bytes: std::fs::metadata(path).ok().map(|m| m.len()),
            ..how.clone()
        };
        let imported = with_progress(&format!("reading {name}"), || {
            formats::read(&mut reader, &name, &how)
        });
        // The hash must cover the whole file, whatever the parser left unread.
        io::copy(&mut reader, &mut io::sink()).map_err(|e| say!("evex: {name}: {e}"))?;
        Content::Imported(imported.map_err(|e| print_import_error(&name, e))?)
    };
    Ok(ReadFile {
        hash: Some(reader.into_inner().digest()),
        name,
        content,
    })
}

/// Checks what was read, printing every problem when it does not load.
pub fn check(read: ReadFile, progress: &Progress) -> Result<Loaded, ()> {
    let name = read.name;
    let (text, checked) = match read.content {
        Content::Ron(input) => {
            let checked = store::parse_showing(&input.text, Warnings::Counted, progress);
            (input.text, checked)
        }
        Content::Imported(imported) => {
            progress.start(Stage::Checking, 0);
            report_skipped(&name, &imported);
            return Ok(imported.into_loaded());
        }
    };
    checked.map_err(|e| {
        print_diagnostics(&name, &text, e.diagnostics());
        say!("evex: {name} could not be loaded; fix the problems above and try again");
    })
}

/// Says how many bad rows `--skip-bad-rows` left out, and why.
pub fn report_skipped(name: &str, imported: &Imported) {
    if imported.skipped_rows == 0 {
        return;
    }
    const SHOWN: usize = 10;
    print_diagnostics(
        name,
        "",
        &imported.skipped[..imported.skipped.len().min(SHOWN)],
    );
    let more = imported.skipped.len().saturating_sub(SHOWN);
    let more = if more > 0 {
        format!(
            " ({} more not shown; `evex validate` lists them all)",
            count(more, "problem")
        )
    } else {
        String::new()
    };
    say!(
        "evex: {name}: skipped {} for --skip-bad-rows{more}",
        count(imported.skipped_rows, "bad row")
    );
}

fn print_import_error(name: &str, error: ImportError) {
    match error {
        ImportError::BadRows(problems) => {
            print_diagnostics(name, "", &problems);
            say!(
                "evex: {name}: {} in its rows; fix them, or open the other rows with --skip-bad-rows",
                count(problems.len(), "problem")
            );
        }
        ImportError::Unreadable { at, message, help } => {
            let d = Diagnostic::error(at, message).with_help(help);
            print_diagnostics(name, "", &[d]);
        }
        ImportError::Io(e) => say!("evex: {name}: cannot read: {e}"),
    }
}

/// A reader that hashes what passes through it, so a streamed file gets its cache key
/// without being read twice.
struct Hashing<'p, R> {
    inner: R,
    hasher: Xxh3,
    /// Counts the bytes read.
    progress: &'p Progress,
}

impl<'p, R> Hashing<'p, R> {
    fn new(inner: R, progress: &'p Progress) -> Self {
        Self {
            inner,
            hasher: Xxh3::new(),
            progress,
        }
    }

    fn digest(&self) -> u128 {
        self.hasher.digest128()
    }
}

impl<R: Read> Read for Hashing<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.progress.advance(n as u64);
        Ok(n)
    }
}

/// Says that a store has warnings, which `evex validate` lists.
pub fn report_warnings(name: &str, warnings: usize) {
    if warnings > 0 {
        say!(
            "evex: {name}: {}; `evex validate` lists them",
            count(warnings, "warning")
        );
    }
}

pub fn print_diagnostics(name: &str, text: &str, diagnostics: &[Diagnostic]) {
    let color = color(io::stderr().is_terminal());
    let lines = Lines::new(text);
    for d in diagnostics {
        let text = d.in_file(name, &lines).to_string();
        if color {
            let code = if d.severity == Severity::Error {
                "31"
            } else {
                "33"
            };
            let (head, tail) = text.split_once('\n').unwrap_or((&text, ""));
            say!("\x1b[1;{code}m{head}\x1b[0m\n{tail}\n");
        } else {
            say!("{text}\n");
        }
    }
}

/// Runs `work`, and if it takes more than a moment, shows on standard error (when it is a
/// terminal) what is happening and for how long.
pub fn with_progress<T>(what: &str, work: impl FnOnce() -> T) -> T {
    if !io::stderr().is_terminal() || crate::messages::held() {
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
