//! `evex import FILE [-o OUT.ron]`: a dataset written as an editable RON store, checked
//! before it replaces anything, and `evex validate` of a dataset.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use evex::store;
use evex::store::formats::Imported;
use evex::text::count;

use crate::load::{self, Content, ReadArgs, print_diagnostics, report_skipped};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The dataset to import (`-` reads standard input, then -o is needed).
    file: PathBuf,
    /// Where to write the RON store; FILE with the extension .ron when left out. Never the
    /// input itself.
    #[arg(long, short)]
    output: Option<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
}

pub fn run(args: &ImportArgs) -> ExitCode {
    let output = match output_path(args) {
        Ok(output) => output,
        Err(message) => {
            say!("evex: {message}");
            return ExitCode::from(2);
        }
    };
    let Ok(read) = load::read(Some(&args.file), &args.read.options()) else {
        return ExitCode::from(2);
    };
    let imported = match read.content {
        Content::Imported(imported) => imported,
        Content::Ron(_) => {
            say!(
                "evex: {} is already a RON store; there is nothing to import (`evex validate` checks it)",
                read.name
            );
            return ExitCode::from(2);
        }
    };
    report_skipped(&read.name, &imported);
    match write(&output, &read.name, imported) {
        Ok(summary) => {
            say!(
                "evex: wrote {}: {summary}",
                evex::input::display_name(&output)
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            say!("evex: {message}");
            ExitCode::from(1)
        }
    }
}

/// Where to write: `-o`, else the input with the extension `.ron`; never the input.
fn output_path(args: &ImportArgs) -> Result<PathBuf, String> {
    let output = match &args.output {
        Some(output) => output.clone(),
        None if args.file == Path::new("-") => {
            return Err("give -o OUT.ron to import standard input".into());
        }
        None => args.file.with_extension("ron"),
    };
    let same = match (output.canonicalize(), args.file.canonicalize()) {
        (Ok(out), Ok(input)) => out == input,
        _ => output == args.file,
    };
    if same {
        return Err(format!(
            "{} is the input; give another file with -o",
            output.display()
        ));
    }
    Ok(output)
}

/// Writes the store to a temporary file beside `output`, checks it, and only then renames it
/// over `output`.
fn write(output: &Path, name: &str, imported: Imported) -> Result<String, String> {
    let dir = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let failed = |e: std::io::Error| format!("{}: cannot write: {e}", output.display());
    let temp = tempfile::Builder::new()
        .prefix(".evex-import-")
        .tempfile_in(dir)
        .map_err(failed)?;
    let mut writer = BufWriter::new(temp);
    let comment = format!(
        "Imported by evex {} from {name} (format: {}).\nEvery column that maps to no field is kept in `extra`.",
        env!("CARGO_PKG_VERSION"),
        imported.format
    );
    let file = imported.store.to_file();
    file.write_ron(&mut writer, &comment)
        .and_then(|()| writer.flush())
        .map_err(failed)?;
    let temp = writer.into_inner().map_err(|e| failed(e.into_error()))?;
    let loaded = store::check(file).map_err(|e| {
        print_diagnostics(name, "", e.diagnostics());
        format!("{name}: the imported store has the problems above; nothing was written")
    })?;
    temp.as_file().sync_all().map_err(failed)?;
    temp.persist(output).map_err(|e| failed(e.error))?;
    let s = &loaded.store;
    Ok(format!(
        "{}, {}, {}",
        count(s.events.len(), "event"),
        count(s.actors.len(), "actor"),
        count(s.sources.len(), "source")
    ))
}

/// `evex validate` of a dataset: its rows were read and checked (bad ones listed already);
/// what is left is to say what the store holds.
pub fn validate(name: &str, imported: Imported, deny_warnings: bool) -> ExitCode {
    report_skipped(name, &imported);
    let format = imported.format;
    // Every row was checked as it was read; what loads has no warnings.
    let loaded = imported.into_loaded();
    print_diagnostics(name, "", &loaded.warnings);
    let s = &loaded.store;
    // A reader that went away does not change what the store is.
    let _ = writeln!(
        std::io::stdout(),
        "{name} ({format}): {}, {}, {}: no errors, {}",
        count(s.events.len(), "event"),
        count(s.actors.len(), "actor"),
        count(s.sources.len(), "source"),
        count(loaded.warnings.len(), "warning")
    );
    ExitCode::from(u8::from(deny_warnings && !loaded.warnings.is_empty()))
}
