//! The `evex` binary: parses arguments, loads the store and runs a command or the explorer.

mod cli;

use std::io::{self, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    match cli::run(cli::Cli::parse()) {
        Ok(code) => code,
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
    let Ok((_, loaded)) = cli::load(path) else {
        return Ok(ExitCode::from(2));
    };
    eprintln!(
        "evex: the explorer is not built yet; try `evex list` ({} events)",
        loaded.store.events.len()
    );
    Ok(ExitCode::from(2))
}
