//! The command line: `evex [FILE]`, `evex list`, `evex validate`, `evex stats`.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use evex::date::DayRange;
use evex::filter::{self, Filter};
use evex::index::Index;
use evex::input::{self, Input};
use evex::query::{self, Query, Term};
use evex::report;
use evex::store::{self, Diagnostic, Lines, LoadError, Loaded, Severity, Store, Warnings};
use evex::text::count;

use crate::open::{self, with_progress};

/// Explore a story told as dated events: a timeline, an actor filter and the source quote
/// behind every event.
///
/// With no FILE, evex opens its bundled store (Belarus and Kyrgyzstan, 1998–2015).
#[derive(Debug, Parser)]
#[command(version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// The RON store to open (`-` reads standard input); the bundled store when left out.
    file: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print events in timeline order, optionally filtered.
    List(ListArgs),
    /// Check a store and print every problem with its line and column.
    ///
    /// Exit status: 0 when there are no errors, 1 when there are, 2 when the file cannot be
    /// read or parsed.
    Validate {
        /// The RON store (`-` for standard input); the bundled store when left out.
        file: Option<PathBuf>,
        /// Exit with status 1 on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Count events per year, per actor and per kind, optionally filtered as `list` is.
    Stats(Selection),
}

#[derive(Debug, clap::Args)]
struct ListArgs {
    #[command(flatten)]
    selection: Selection,
    /// How to print the events.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// A store and which of its events to use, shared by `list` and `stats`.
#[derive(Debug, clap::Args)]
struct Selection {
    /// The RON store (`-` for standard input); the bundled store when left out.
    file: Option<PathBuf>,
    /// A search query, as typed after `/` in the explorer: words, "phrases", @actor, 2012,
    /// 2010..2013, 2012-08.
    #[arg(long, short, allow_hyphen_values = true)]
    query: Option<String>,
    /// Only events with this actor (id, name, or a fuzzy part of a name or alias); repeat to
    /// require several.
    #[arg(long, short)]
    actor: Vec<String>,
    /// Only events that overlap this year, month or range: 2012, 2012-08, 2010..2013.
    #[arg(long, short, value_parser = parse_years)]
    year: Option<DayRange>,
}

impl Selection {
    /// What in the query cannot be understood, with where.
    fn problems(&self) -> Option<String> {
        Query::parse(self.query.as_deref()?).describe_problems()
    }

    fn is_everything(&self) -> bool {
        self.query.is_none() && self.actor.is_empty() && self.year.is_none()
    }

    /// The events that match, in timeline order, with the index (built here when the cache
    /// had none).
    fn apply(&self, store: &Store, index: Option<Index>) -> (Vec<usize>, Index) {
        let mut query = self.query.as_deref().map(Query::parse).unwrap_or_default();
        query
            .terms
            .extend(self.actor.iter().map(|a| Term::Actor(a.clone())));
        query.terms.extend(self.year.map(Term::Dates));
        let index = index.unwrap_or_else(|| with_progress("indexing", || Index::new(store)));
        let filter = Filter {
            query,
            ..Filter::default()
        };
        (filter::apply(store, &index, &filter).events, index)
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
}

fn parse_years(text: &str) -> Result<DayRange, String> {
    query::parse_dates(text)
}

/// For actors that matched no one: the names closest to what was typed.
fn did_you_mean(store: &evex::store::Store, typed: &[String]) -> String {
    let names = evex::actors::ActorNames::new(&store.actors);
    let missing: Vec<String> = typed
        .iter()
        .filter(|t| names.matching(t).is_empty())
        .filter_map(|t| names.suggest(t).map(|a| store.actors[a].name.clone()))
        .collect();
    if missing.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", missing.join(", "))
    }
}

/// Whether to colour output: only on a terminal, and never when `NO_COLOR` is set.
fn color(stream_is_terminal: bool) -> bool {
    stream_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

impl Cli {
    /// Whether this runs the explorer rather than a command.
    pub fn is_explorer(&self) -> bool {
        self.command.is_none()
    }
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => crate::explore(cli.file.as_deref()),
        Some(Command::List(args)) => list(&args),
        Some(Command::Validate {
            file,
            deny_warnings,
        }) => validate(file.as_deref(), deny_warnings),
        Some(Command::Stats(selection)) => stats(&selection),
    }
}

/// Reads and loads a store, printing every problem on standard error when it fails.
pub fn load(path: Option<&Path>) -> Result<(Input, Loaded), ()> {
    let label = path.map_or_else(|| "the bundled store".into(), input::display_name);
    let input = with_progress(&format!("reading {label}"), || input::read(path))
        .map_err(|e| say!("evex: {e}"))?;
    let parsed = with_progress(&format!("loading {label}"), || {
        store::parse_with(&input.text, Warnings::Counted)
    });
    match parsed {
        Ok(loaded) => {
            report_warnings(&input.name, loaded.warnings.len());
            Ok((input, loaded))
        }
        Err(e) => {
            print_diagnostics(&input, e.diagnostics());
            say!(
                "evex: {} could not be loaded; fix the problems above and try again",
                input.name
            );
            Err(())
        }
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

fn print_diagnostics(input: &Input, diagnostics: &[Diagnostic]) {
    let color = color(io::stderr().is_terminal());
    let lines = Lines::new(&input.text);
    for d in diagnostics {
        let text = d.in_file(&input.name, &lines).to_string();
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

fn list(args: &ListArgs) -> anyhow::Result<ExitCode> {
    let Ok(opened) = open::open(args.selection.file.as_deref()) else {
        return Ok(ExitCode::from(2));
    };
    let store = &opened.store;
    if let Some(problems) = args.selection.problems() {
        say!("evex: cannot understand the query: {problems}");
        return Ok(ExitCode::from(2));
    }
    let (events, index) = args.selection.apply(store, opened.index);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let tty = stdout.is_terminal();
    match args.format {
        Format::Json => report::json(&mut out, store, &events)?,
        Format::Csv => report::csv(&mut out, store, &events, tty)?,
        Format::Table => {
            let width = if tty {
                ratatui::crossterm::terminal::size().map_or(100, |(w, _)| usize::from(w))
            } else {
                100
            };
            report::table(&mut out, store, &events, width, color(tty))?;
        }
    }
    out.flush()?;
    if events.is_empty() {
        say!(
            "evex: no events match{}",
            did_you_mean(store, &args.selection.actor)
        );
    }
    if let Some(saver) = opened.saver
        && let Err(e) = saver.save(store, &index)
    {
        say!("evex: could not save a copy in the cache (the next run parses again): {e}");
    }
    Ok(ExitCode::SUCCESS)
}

fn stats(selection: &Selection) -> anyhow::Result<ExitCode> {
    let Ok(opened) = open::open(selection.file.as_deref()) else {
        return Ok(ExitCode::from(2));
    };
    let store = &opened.store;
    let mut out = io::stdout().lock();
    if selection.is_everything() {
        let all: Vec<usize> = (0..store.events.len()).collect();
        report::stats(&mut out, store, &all)?;
    } else {
        let (events, _) = selection.apply(store, opened.index);
        report::stats(&mut out, store, &events)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn validate(path: Option<&Path>, deny_warnings: bool) -> anyhow::Result<ExitCode> {
    let input = match input::read(path) {
        Ok(input) => input,
        Err(e) => {
            say!("evex: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    match store::parse(&input.text) {
        Err(e @ LoadError::Syntax(_)) => {
            print_diagnostics(&input, e.diagnostics());
            Ok(ExitCode::from(2))
        }
        Err(LoadError::Invalid(all)) => {
            print_diagnostics(&input, &all);
            let errors = all.iter().filter(|d| d.severity == Severity::Error).count();
            say!(
                "evex: {}: {}, {}",
                input.name,
                count(errors, "error"),
                count(all.len() - errors, "warning")
            );
            Ok(ExitCode::from(1))
        }
        Ok(loaded) => {
            print_diagnostics(&input, &loaded.warnings);
            let s = &loaded.store;
            let summary = writeln!(
                io::stdout(),
                "{}: {}, {}, {}: no errors, {}",
                input.name,
                count(s.events.len(), "event"),
                count(s.actors.len(), "actor"),
                count(s.sources.len(), "source"),
                count(loaded.warnings.len(), "warning")
            );
            // A reader that went away does not change what the store is.
            if let Err(e) = summary
                && e.kind() != io::ErrorKind::BrokenPipe
            {
                return Err(e.into());
            }
            Ok(ExitCode::from(u8::from(
                deny_warnings && !loaded.warnings.is_empty(),
            )))
        }
    }
}
