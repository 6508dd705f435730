//! The `evex` binary: parses arguments, loads the store and runs a command or the explorer.

/// Writes a line on standard error (later, while the explorer holds the terminal). A closed
/// or hung-up stderr is ignored, where `eprintln!` would panic: a reader going away is never
/// a crash.
macro_rules! say {
    ($($arg:tt)*) => {
        crate::messages::say(format_args!($($arg)*))
    };
}

mod cli;
mod import;
mod load;
mod messages;
mod open;

use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
use std::time::Instant;

use clap::Parser;
use evex::app::{App, StartView, Waited, wait_for};
use evex::cache::CopiedIndex;
use evex::config::Config;
use evex::index::Index;
use evex::marks::MarksPlace;
use evex::opener::Commands;
use evex::progress::Progress;
use evex::reload::{self, Reloader};
use evex::searcher::Searcher;
use evex::store::formats::Options;
use evex::text::sanitize;
use evex::theme::Theme;

use load::ReadArgs;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::{Handle, Signals};

/// mimalloc: loading a big store makes millions of small strings, and glibc's allocator
/// spends a third of the load time on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage(&e),
    };
    if !cli.is_explorer() {
        end_cleanly_on_signals();
    }
    match cli::run(cli) {
        Ok(code) => code,
        // The reader went away (`evex list | head`): not an error.
        Err(e) if is_closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            say!("evex: {}", sanitize(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

/// For the commands, and for the explorer while it loads (it has its own handling once it
/// runs): Ctrl-C and the other ending signals first wipe a progress line off the terminal,
/// then end evex as the signal would have, so a shell sees 130 after Ctrl-C and stops the
/// rest of its command line as it should. Closing the handle ends this handling.
fn end_cleanly_on_signals() -> Option<Handle> {
    let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT]).ok()?;
    let handle = signals.handle();
    let _ = std::thread::Builder::new()
        .name("evex-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Holding standard error until the end keeps the progress line from being
                // drawn again after it is wiped.
                let mut stderr = io::stderr().lock();
                if stderr.is_terminal() {
                    let _ = io::Write::write_all(&mut stderr, b"\r\x1b[2K");
                }
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    Some(handle)
}

/// Whether an error comes from writing to a reader that went away.
fn is_closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Prints help, the version or a usage error. Errors quote what was typed (a file name from a
/// glob can hold escape sequences), so they are printed plain and sanitized line by line.
fn usage(e: &clap::Error) -> ExitCode {
    let code = ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
    if !e.use_stderr() {
        let _ = e.print();
        return code;
    }
    let text = e.render().to_string();
    for line in text.lines() {
        say!("{}", sanitize(line));
    }
    code
}

/// Opens the explorer on a store.
fn explore(path: Option<&Path>, read: &ReadArgs, view: &StartView) -> anyhow::Result<ExitCode> {
    let how = &read.options();
    let started = Instant::now();
    if !io::stdout().is_terminal() {
        say!("evex: the explorer needs a terminal; try `evex list`");
        return Ok(ExitCode::from(2));
    }
    // NO_COLOR set to anything but nothing, as https://no-color.org asks.
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (config, problem) = Config::load(cli::config_path().as_deref(), no_color);
    let theme = config.theme;
    let progress = Arc::new(Progress::default());
    let loaded = load_in_background(path, how, Arc::clone(&progress))?;
    let name = match path {
        None => "the bundled store".to_owned(),
        Some(p) if p == Path::new("-") => "standard input".to_owned(),
        Some(p) => evex::input::display_name(p),
    };
    // What is said while the explorer holds the terminal is written once it is given back.
    let held = messages::Hold::start();
    let problem = problem.map(|e| sanitize(&e.to_string()).into_owned());
    if let Some(problem) = &problem {
        say!("evex: {problem}; starting with the default keys and colours");
    }
    report_panics();
    // Lets the real-terminal tests check what a crash leaves behind.
    let panic_on_purpose = std::env::var_os("EVEX_TEST_PANIC").is_some();
    let ran = ratatui::run(|terminal| -> io::Result<Ran> {
        assert!(
            !panic_on_purpose,
            "EVEX_TEST_PANIC is set: evex panics on purpose"
        );
        let opened = match wait_for(terminal, &name, &theme, &progress, &loaded, started)? {
            Waited::Ready(Ok(opened)) => opened,
            Waited::Ready(Err(())) => return Ok(Ran::Failed),
            Waited::Quit => return Ok(Ran::Ended(None, None)),
            Waited::Ended(signal) => return Ok(Ran::Ended(Some(signal), None)),
        };
        let Some((mut app, saved)) = explorer(opened, path, read, view, theme) else {
            return Ok(Ran::Failed);
        };
        app.keymap = config.keymap;
        app.commands = Commands::from_env(std::env::var_os("BROWSER"), std::env::var_os("PAGER"));
        if let Some(problem) = problem {
            app.status = Some(format!("config: {problem}"));
        }
        Ok(Ran::Ended(app.run(terminal)?, saved))
    });
    drop(held);
    let (ended_by, saved) = match ran? {
        Ran::Failed => return Ok(ExitCode::from(2)),
        Ran::Ended(ended_by, saved) => (ended_by, saved),
    };
    // Quitting before the index is built must not lose the parse: the next open would be
    // cold again. A signal means "end now", so only a quit waits.
    if let Some(saved) = saved
        && ended_by.is_none()
    {
        let _skip = end_cleanly_on_signals();
        // An error here only means the sender is gone: the copy is saved (or failed to be).
        let _ = load::with_progress("saving a copy in the cache for the next open", || {
            saved.recv()
        });
    }
    // Ended by a signal: 128 + its number, as shells expect (SIGTERM 143, SIGINT 130).
    Ok(ended_by.map_or(ExitCode::SUCCESS, |signal| {
        ExitCode::from(u8::try_from(128 + signal).unwrap_or(255))
    }))
}

/// How the explorer ended.
enum Ran {
    /// The store did not load; the problems are said once the terminal is given back.
    Failed,
    /// Quit, or ended by a signal (its number); with what says when the copy is saved,
    /// when one is being saved.
    Ended(Option<i32>, Option<Receiver<()>>),
}

/// Opens the store on a thread of its own, so the loading screen shows at once.
fn load_in_background(
    path: Option<&Path>,
    how: &Options,
    progress: Arc<Progress>,
) -> io::Result<Receiver<Result<open::Opened, ()>>> {
    let (send, loaded) = mpsc::channel();
    let (path, how) = (path.map(Path::to_owned), how.clone());
    std::thread::Builder::new()
        .name("evex-load".into())
        .spawn(move || {
            test_pause();
            let _ = send.send(open::open_showing(path.as_deref(), &how, &progress, true));
        })?;
    Ok(loaded)
}

/// The explorer on an opened store, its index built (or read) on the search thread, which
/// then saves the copy in the cache when the store was parsed. The receiver, when there is
/// a copy to save, says when it is saved (its sender is dropped).
///
/// None when the start-up flags name what the store does not have (said on standard error).
fn explorer(
    opened: open::Opened,
    path: Option<&Path>,
    read: &ReadArgs,
    view: &StartView,
    theme: Theme,
) -> Option<(App, Option<Receiver<()>>)> {
    let store = Arc::new(opened.store);
    let (cached, saver) = (opened.index, opened.saver);
    let (saving, saved) = mpsc::channel::<()>();
    let saved = saver.is_some().then_some(saved);
    // The explorer shows every event at once; searches wait for the index on their thread,
    // which reads a cached one once the first frame is drawn (or after a second).
    let (drawn, first_frame) = mpsc::channel::<()>();
    let searcher = Searcher::spawn(Arc::clone(&store), move |store| {
        if cached.is_some() {
            let _ = first_frame.recv_timeout(std::time::Duration::from_secs(1));
        }
        let index = cached
            .as_ref()
            .and_then(CopiedIndex::read)
            .unwrap_or_else(|| {
                test_pause();
                Index::new(store)
            });
        if let Some(saver) = saver {
            // The cache only saves time: if it cannot be written, the next open parses again.
            let _ = saver.save(store, &index);
        }
        drop(saving);
        index
    });
    let mut app = App::with_searcher(store, searcher, theme);
    app.first_frame = Some(drawn);
    if let Some(check) = opened.check {
        // The copy's checksums, checked behind the first frame; every chunk read is
        // checked again, so nothing unchecked is shown meanwhile.
        let (said, heard) = mpsc::channel();
        let _ = std::thread::Builder::new()
            .name("evex-check".into())
            .spawn(move || {
                if let Err(problem) = check.run(&Progress::default()) {
                    let _ = said.send(problem);
                }
            });
        app.copy_problems = Some(heard);
    }
    if let Some(place) = MarksPlace::for_store(path) {
        app.keep_marks_in(place);
    }
    app.opened_with = opened_with(path, read);
    if let Some(path) = path.filter(|p| *p != Path::new("-")) {
        let (path, how) = (path.to_owned(), read.options());
        app.keep_reloading(Reloader::spawn(path.clone(), reload::EVERY, move || {
            reload::load_quietly(&path, &how)
        }));
    }
    if let Err(problem) = app.start_at(view) {
        say!("evex: {}", sanitize(&problem));
        return None;
    }
    app.history = evex::history::History::load(evex::history::History::default_path());
    Some((app, saved))
}

/// For the real-terminal tests: `EVEX_TEST_SLOW_MS` milliseconds of waiting before loading
/// and before indexing, so a test sees the loading screen and can quit before the index is
/// built, whatever the machine's speed.
fn test_pause() {
    if let Some(ms) = std::env::var("EVEX_TEST_SLOW_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// The command that opens the store at `path` as it was read: `evex /abs/path --from acled`.
fn opened_with(path: Option<&Path>, read: &ReadArgs) -> Vec<String> {
    let mut words = vec!["evex".to_owned()];
    if let Some(path) = path {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        words.push(path.display().to_string());
    }
    words.extend(read.words());
    words
}

/// After the terminal is restored, a panic also says what to do about it.
fn report_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        say!(
            "evex crashed: this is a bug in evex {}. Please report it to the evex maintainers with the message above and, if you can, the store you opened.",
            env!("CARGO_PKG_VERSION")
        );
    }));
}
