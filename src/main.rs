//! The `evex` binary: parses arguments, loads the store and runs a command or the explorer.

mod cli;
mod open;

use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use evex::app::App;
use evex::index::Index;
use evex::marks::MarksPlace;
use evex::searcher::Searcher;
use evex::theme::Theme;

/// mimalloc: loading a big store makes millions of small strings, and glibc's allocator
/// spends a third of the load time on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match cli::run(cli::Cli::parse()) {
        Ok(code) => code,
        // The reader went away (`evex list | head`): not an error.
        Err(e)
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("evex: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Opens the explorer on a store.
fn explore(path: Option<&Path>) -> anyhow::Result<ExitCode> {
    if !io::stdout().is_terminal() {
        eprintln!("evex: the explorer needs a terminal; try `evex list`");
        return Ok(ExitCode::from(2));
    }
    let Ok(opened) = open::open(path) else {
        return Ok(ExitCode::from(2));
    };
    let theme = Theme::from_no_color(std::env::var_os("NO_COLOR").as_deref());
    let store = Arc::new(opened.store);
    let (cached, saver) = (opened.index, opened.saver);
    // The explorer shows every event at once; searches wait for the index on their thread.
    let searcher = Searcher::spawn(Arc::clone(&store), move |store| {
        let index = cached.unwrap_or_else(|| Index::new(store));
        if let Some(saver) = saver {
            // The cache only saves time: if it cannot be written, the next open parses again.
            let _ = saver.save(store, &index);
        }
        index
    });
    let mut app = App::with_searcher(store, searcher, theme);
    if let Some(place) = marks_place(path) {
        app.keep_marks_in(place);
    }
    report_panics();
    // Lets the real-terminal tests check what a crash leaves behind.
    let panic_on_purpose = std::env::var_os("EVEX_TEST_PANIC").is_some();
    ratatui::run(|terminal| {
        assert!(
            !panic_on_purpose,
            "EVEX_TEST_PANIC is set: evex panics on purpose"
        );
        app.run(terminal)
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Where the marks of the store at `path` are kept: by its canonical path (the bundled store
/// as `bundled`); standard input has none.
fn marks_place(path: Option<&Path>) -> Option<MarksPlace> {
    match path {
        None => MarksPlace::for_user("bundled"),
        Some(p) if p == Path::new("-") => None,
        Some(p) => MarksPlace::for_user(&std::fs::canonicalize(p).ok()?.display().to_string()),
    }
}

/// After the terminal is restored, a panic also says what to do about it.
fn report_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        eprintln!(
            "evex crashed: this is a bug in evex {}. Please report it to the evex maintainers with the message above and, if you can, the store you opened.",
            env!("CARGO_PKG_VERSION")
        );
    }));
}
