//! The command line: `evex [FILE]`, `evex list`, `evex validate`, `evex stats`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};
use evex::app::StartView;
use evex::date::DayRange;
use evex::filter::{self, Filter};
use evex::index::Index;
use evex::query::{self, Query, Term};
use evex::report;
use evex::store::formats::Options;
use evex::store::{self, LoadError, Severity, Store};
use evex::text::count;

use crate::import::{self, ImportArgs};
use crate::load::{self, Content, ReadArgs, print_diagnostics, with_progress};
use crate::open;

mod list;
mod setup;

pub(crate) use setup::config_path;

/// Explore a story told as dated events: a timeline, an actor filter and the source quote
/// behind every event.
///
/// With no FILE, evex opens its bundled store (Belarus and Kyrgyzstan, 1998–2015).
#[derive(Debug, Parser)]
#[command(version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// The store or dataset to open (`-` reads standard input); the bundled store when left out.
    file: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    view: StartView,
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
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Count events per year, per actor and per kind, optionally filtered as `list` is.
    Stats(StatsArgs),
    /// Write a dataset (ACLED, GDELT, ICEWS, TimelineJS, CSV, JSON) as an editable RON store.
    Import(ImportArgs),
    /// Print the default configuration file, check one, or say where evex looks for it.
    Config(setup::ConfigArgs),
    /// Print a completion script for bash, zsh, fish, elvish or PowerShell.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `evex man | man -l -`.
    Man,
}

#[derive(Debug, clap::Args)]
struct StatsArgs {
    #[command(flatten)]
    selection: Selection,
    /// How to print the counts: bars per year, actor and kind, or JSON for scripts.
    #[arg(long, short, value_enum, default_value_t = StatsFormat::Text)]
    format: StatsFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum StatsFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
struct ListArgs {
    #[command(flatten)]
    selection: Selection,
    /// How to print the events (a table on the terminal when left out); with -o, what to
    /// write instead of what FILE's extension says.
    #[arg(long, short, value_enum)]
    format: Option<Format>,
    /// Write the events to FILE (atomically) instead of printing them, as its extension says:
    /// .ron (a store with only the actors and sources they need), .json, .csv or .md (a
    /// report to read).
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace FILE if it exists (without it, an existing FILE is left alone).
    #[arg(long, requires = "output")]
    force: bool,
    /// Only the events marked in the explorer (Space), with the other filters.
    #[arg(long)]
    marked: bool,
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
    #[command(flatten)]
    read: ReadArgs,
}

impl Selection {
    /// What in the query cannot be understood, with where.
    fn problems(&self) -> Option<String> {
        Query::parse(self.query.as_deref()?).describe_problems()
    }

    /// The query with `-a` and `-y` as its terms.
    fn whole_query(&self) -> Query {
        let mut query = self.query.as_deref().map(Query::parse).unwrap_or_default();
        query
            .terms
            .extend(self.actor.iter().map(|a| Term::Actor(a.clone())));
        query.terms.extend(self.year.map(Term::Dates));
        query
    }

    fn is_everything(&self) -> bool {
        self.query.is_none() && self.actor.is_empty() && self.year.is_none()
    }

    /// The events that match, in timeline order, with the index (built here when the cache
    /// had none).
    fn apply(&self, store: &Store, index: Option<Index>) -> (Vec<usize>, Index) {
        let query = self.whole_query();
        let index = index.unwrap_or_else(|| with_progress("indexing", || Index::new(store)));
        let filter = Filter {
            query,
            ..Filter::default()
        };
        (
            Arc::unwrap_or_clone(filter::apply(store, &index, &filter).events),
            index,
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
    /// A RON store of the events, with only the actors and sources they need.
    Ron,
    /// A Markdown report: date, title, actors, the quote with its citation.
    Md,
}

fn parse_years(text: &str) -> Result<DayRange, String> {
    query::parse_dates(text)
}

/// For a selection that matched nothing: the words and actors no event has, with the
/// nearest ones (see [`evex::suggest`]), after a colon.
fn did_you_mean(store: &Store, index: &Index, selection: &Selection) -> String {
    let names = evex::actors::ActorNames::new(&store.actors);
    let said = evex::suggest::did_you_mean(store, index, &names, &selection.whole_query());
    if said.is_empty() {
        said
    } else {
        format!(": {said}")
    }
}

impl Cli {
    /// Whether this runs the explorer rather than a command.
    pub fn is_explorer(&self) -> bool {
        self.command.is_none()
    }
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => crate::explore(cli.file.as_deref(), &cli.read, &cli.view),
        Some(Command::List(args)) => list::list(&args),
        Some(Command::Validate {
            file,
            deny_warnings,
            read,
        }) => validate(file.as_deref(), deny_warnings, &read.options()),
        Some(Command::Import(args)) => Ok(import::run(&args)),
        Some(Command::Stats(args)) => stats(&args),
        Some(Command::Config(args)) => setup::config(&args),
        Some(Command::Completions { shell }) => setup::completions(shell),
        Some(Command::Man) => setup::man(),
    }
}

fn stats(args: &StatsArgs) -> anyhow::Result<ExitCode> {
    let selection = &args.selection;
    let Ok(opened) = open::open(selection.file.as_deref(), &selection.read.options()) else {
        return Ok(ExitCode::from(2));
    };
    let store = &opened.store;
    let mut out = io::stdout().lock();
    let (events, index) = if selection.is_everything() {
        // Every event: no index needed (a cached copy's is not read).
        ((0..store.events.len()).collect(), None)
    } else {
        let (events, index) = selection.apply(store, opened.read_index());
        (events, Some(index))
    };
    store.events.read_ahead(&events);
    match args.format {
        StatsFormat::Text => report::stats(&mut out, store, &events)?,
        StatsFormat::Json => report::stats_json(&mut out, store, &events)?,
    }
    out.flush()?;
    drop(out);
    // Counting every event needs no index, but the cached copy holds one: the next run
    // reads it instead of parsing again.
    if let Some(saver) = opened.saver {
        let index = index.unwrap_or_else(|| with_progress("indexing", || Index::new(store)));
        saver.save_or_say(store, &index);
    }
    Ok(ExitCode::SUCCESS)
}

fn validate(path: Option<&Path>, deny_warnings: bool, how: &Options) -> anyhow::Result<ExitCode> {
    let input = match load::read(path, how) {
        Ok(load::ReadFile {
            content: Content::Ron(input),
            ..
        }) => input,
        Ok(load::ReadFile {
            name,
            content: Content::Imported(imported),
            ..
        }) => return Ok(import::validate(&name, imported, deny_warnings)),
        Err(()) => return Ok(ExitCode::from(2)),
    };
    match store::parse(&input.text) {
        Err(e @ LoadError::Syntax(_)) => {
            print_diagnostics(&input.name, &input.text, e.diagnostics());
            Ok(ExitCode::from(2))
        }
        Err(LoadError::Invalid(all)) => {
            print_diagnostics(&input.name, &input.text, &all);
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
            print_diagnostics(&input.name, &input.text, &loaded.warnings);
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
