//! `evex config`, `evex completions` and `evex man`: setting evex up rather than reading a
//! store. Completions and the manual page come from the clap definitions.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::CommandFactory;
use evex::config::{self, Patch};

use super::Cli;

#[derive(Debug, clap::Args)]
#[group(required = true, multiple = false)]
pub(crate) struct ConfigArgs {
    /// Print the whole default configuration, every key binding and style, to start from.
    #[arg(long)]
    default: bool,
    /// Check a configuration file (the one evex reads when FILE is left out) and print
    /// every problem with its line and column. Exit status 1 when it has one.
    #[arg(long, value_name = "FILE")]
    check: Option<Option<PathBuf>>,
    /// Print where evex reads its configuration: $XDG_CONFIG_HOME/evex/config.ron, else
    /// ~/.config/evex/config.ron.
    #[arg(long)]
    path: bool,
}

/// The configuration file for this environment.
pub(crate) fn config_path() -> Option<PathBuf> {
    config::path(
        std::env::var_os("XDG_CONFIG_HOME"),
        std::env::var_os("HOME"),
    )
}

pub(super) fn config(args: &ConfigArgs) -> anyhow::Result<ExitCode> {
    let mut out = io::stdout().lock();
    if args.default {
        out.write_all(config::default_text().as_bytes())?;
    } else if args.path {
        match config_path() {
            Some(path) => writeln!(out, "{}", path.display())?,
            None => {
                say!("evex: neither XDG_CONFIG_HOME nor HOME is set to an absolute path");
                return Ok(ExitCode::from(2));
            }
        }
    } else if let Some(file) = &args.check {
        let Some(path) = file.clone().or_else(config_path) else {
            say!("evex: neither XDG_CONFIG_HOME nor HOME is set; name the file to check");
            return Ok(ExitCode::from(2));
        };
        let name = path.display().to_string();
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                say!("evex: {name}: cannot read it: {e}");
                return Ok(ExitCode::from(2));
            }
        };
        match Patch::parse(&text, &name) {
            Ok(patch) => writeln!(
                out,
                "{name}: ok, {} and {} changed",
                evex::text::count(patch.keys.len(), "binding"),
                evex::text::count(patch.theme.len(), "style")
            )?,
            Err(e) => {
                say!("{}", evex::text::sanitize(&e.to_string()));
                return Ok(ExitCode::from(1));
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn completions(shell: clap_complete::Shell) -> anyhow::Result<ExitCode> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "evex", &mut out);
    let mut stdout = io::stdout().lock();
    stdout.write_all(&out)?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The manual page for evex, then one for each command (`evex-list(1)`), in one roff stream
/// that `man -l -` reads page after page.
pub(super) fn man() -> anyhow::Result<ExitCode> {
    let mut out = Vec::new();
    let evex = Cli::command();
    clap_mangen::Man::new(evex.clone()).render(&mut out)?;
    for command in evex.get_subcommands() {
        let name = command.get_name();
        let command = command
            .clone()
            .display_name(format!("evex-{name}"))
            .bin_name(format!("evex {name}"));
        clap_mangen::Man::new(command).render(&mut out)?;
    }
    let mut stdout = io::stdout().lock();
    stdout.write_all(&out)?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}
