//! `evex list`: the events that match, printed as a table, JSON, CSV, a RON store or
//! Markdown, or written to a file with `-o`.

use std::collections::BTreeSet;
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use evex::export::{self, ExportError};
use evex::marks::MarksPlace;
use evex::report;
use evex::store::Store;
use evex::text::count;

use super::{Format, ListArgs, did_you_mean};
use crate::load::color;
use crate::open;

pub(super) fn list(args: &ListArgs) -> anyhow::Result<ExitCode> {
    let output = match &args.output {
        Some(path) => match output_format(path, args.format) {
            Ok(format) => Some((path.as_path(), format)),
            Err(message) => {
                say!("evex: {message}");
                return Ok(ExitCode::from(2));
            }
        },
        None => None,
    };
    // Refused before a big store is read for nothing.
    if let Some((path, _)) = output
        && !args.force
        && path.symlink_metadata().is_ok()
    {
        say!("evex: {}", refusal(path));
        return Ok(ExitCode::from(2));
    }
    let selection = &args.selection;
    let Ok(opened) = open::open(selection.file.as_deref(), &selection.read.options()) else {
        return Ok(ExitCode::from(2));
    };
    let store = &opened.store;
    if let Some(problems) = selection.problems() {
        say!("evex: cannot understand the query: {problems}");
        return Ok(ExitCode::from(2));
    }
    let (mut events, index) = selection.apply(store, opened.read_index());
    if args.marked {
        match marked(selection.file.as_deref(), store) {
            Ok(marked) => events.retain(|e| marked.contains(e)),
            Err(message) => {
                say!("evex: {message}");
                return Ok(ExitCode::from(2));
            }
        }
    }
    store.events.read_ahead(&events);
    match output {
        Some((path, format)) => match export::to_file(path, store, &events, format, args.force) {
            Ok(()) => say!(
                "evex: wrote {} to {} ({format})",
                count(events.len(), "event"),
                evex::input::display_name(path)
            ),
            Err(ExportError::Exists(_)) => {
                say!("evex: {}", refusal(path));
                return Ok(ExitCode::from(2));
            }
            Err(e) => {
                say!("evex: {e}");
                return Ok(ExitCode::from(2));
            }
        },
        None => print(store, &events, args.format.unwrap_or(Format::Table))?,
    }
    if events.is_empty() {
        say!(
            "evex: no events match{}",
            did_you_mean(store, &index, selection)
        );
    }
    if let Some(saver) = opened.saver {
        saver.save_or_say(store, &index);
    }
    Ok(ExitCode::SUCCESS)
}

/// What an existing output file says.
fn refusal(path: &Path) -> String {
    format!(
        "{} exists; nothing was written (add --force to replace it)",
        evex::input::display_name(path)
    )
}

/// The format to write `path` as: `--format`, else its extension's.
fn output_format(path: &Path, format: Option<Format>) -> Result<export::Format, String> {
    let name = evex::input::display_name(path);
    match format {
        Some(Format::Table) => Err(format!(
            "a table is for the terminal; write {name} as ron, json, csv or md (--format)"
        )),
        Some(format) => Ok(to_export(format).expect("every format but the table exports")),
        None => export::Format::from_path(path).ok_or_else(|| {
            format!(
                "cannot tell what to write {name} as from its extension; name it {} or give --format",
                export::Format::EXTENSIONS
            )
        }),
    }
}

fn to_export(format: Format) -> Option<export::Format> {
    match format {
        Format::Table => None,
        Format::Json => Some(export::Format::Json),
        Format::Csv => Some(export::Format::Csv),
        Format::Ron => Some(export::Format::Ron),
        Format::Md => Some(export::Format::Markdown),
    }
}

/// Prints the events on standard output.
fn print(store: &Store, events: &[usize], format: Format) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let tty = stdout.is_terminal();
    match format {
        // On a terminal, CSV makes control characters visible as the table does.
        Format::Csv => report::csv(&mut out, store, events, tty)?,
        Format::Table => {
            let width = if tty {
                ratatui::crossterm::terminal::size().map_or(100, |(w, _)| usize::from(w))
            } else {
                100
            };
            report::table(&mut out, store, events, width, color(tty))?;
        }
        other => {
            let format = to_export(other).expect("every format but the table exports");
            export::write(&mut out, store, events, format)?;
        }
    }
    out.flush()
}

/// The store indices of the events marked in the explorer.
fn marked(file: Option<&Path>, store: &Store) -> Result<BTreeSet<usize>, String> {
    let Some(place) = MarksPlace::for_store(file) else {
        return Err("standard input has no marks; --marked needs a store file".into());
    };
    let ids = place
        .load()
        .map_err(|e| format!("cannot read the marks: {e}"))?;
    if ids.is_empty() {
        return Err(
            "no events are marked in this store; mark them with Space in the explorer".into(),
        );
    }
    Ok((0..store.events.len())
        .filter(|&e| ids.contains(&store.events[e].id))
        .collect())
}
