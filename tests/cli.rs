//! The command line as a shell uses it: readers that go away, names that hold escape
//! sequences, CSV for spreadsheets, `stats` with filters and tables on narrow terminals.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tempfile::TempDir;
use unicode_width::UnicodeWidthStr;

fn evex() -> Command {
    let mut evex = Command::new(env!("CARGO_BIN_EXE_evex"));
    evex.env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"));
    evex
}

/// A pipe whose reader is already gone: every write to it fails with EPIPE.
fn closed_pipe() -> io::PipeWriter {
    let (reader, writer) = io::pipe().unwrap();
    drop(reader);
    writer
}

/// A store with three problems (two errors, one warning).
fn bad_store(dir: &TempDir, name: &str) -> PathBuf {
    let text = fs::read_to_string("tests/fixtures/invalid/many_problems.ron").unwrap();
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    path
}

/// Runs evex with stdout and/or stderr going to a reader that went away, and returns its
/// exit status and whatever it wrote to the other stream.
fn with_closed(args: &[&str], stdout_closed: bool, stderr_closed: bool) -> (Option<i32>, String) {
    let mut cmd = evex();
    cmd.args(args);
    if stdout_closed {
        cmd.stdout(closed_pipe());
    } else {
        cmd.stdout(Stdio::piped());
    }
    if stderr_closed {
        cmd.stderr(closed_pipe());
    } else {
        cmd.stderr(Stdio::piped());
    }
    let out = cmd.output().unwrap();
    let other = if stdout_closed {
        out.stderr
    } else {
        out.stdout
    };
    (
        out.status.code(),
        String::from_utf8_lossy(&other).into_owned(),
    )
}

#[test]
fn a_reader_going_away_is_a_quiet_exit_for_every_command_and_format() {
    let dir = TempDir::new().unwrap();
    let bad = bad_store(&dir, "bad.ron");
    let bad = bad.to_str().unwrap();
    let cases: &[(&[&str], i32)] = &[
        (&["list"], 0),
        (&["list", "-f", "json"], 0),
        (&["list", "-f", "csv"], 0),
        (&["list", "-q", "bakiyev"], 0),
        (&["stats"], 0),
        (&["stats", "-y", "2010"], 0),
        (&["validate"], 0),
        (&["validate", bad], 1),
        (&["--help"], 0),
        (&["--version"], 0),
        (&["list", "--format", "nope"], 2),
        (&["list", "no-such-file.ron"], 2),
        (&["config", "--default"], 0),
        (&["completions", "bash"], 0),
        (&["completions", "zsh"], 0),
        (&["man"], 0),
    ];
    for &(args, code) in cases {
        for (stdout_closed, stderr_closed) in [(true, false), (false, true), (true, true)] {
            let (status, other) = with_closed(args, stdout_closed, stderr_closed);
            let what =
                format!("{args:?} stdout closed {stdout_closed}, stderr closed {stderr_closed}");
            assert_eq!(status, Some(code), "{what}: {other}");
            assert!(!other.contains("panicked"), "{what}: {other}");
            assert!(!other.contains("Broken pipe"), "{what}: {other}");
        }
    }
}

/// A file name that would retitle the window and clear the screen if printed raw.
const HOSTILE_NAME: &str = "evil\x1b]0;owned\x07\x1b[2J.ron";

fn assert_inert(what: &str, text: &str) {
    assert!(
        !text.contains('\x1b') && !text.contains('\x07'),
        "{what} prints the name raw: {text:?}"
    );
    assert!(text.contains("evil␛]0;owned␇␛[2J.ron"), "{what}: {text:?}");
}

#[test]
fn file_names_with_escapes_are_shown_not_obeyed() {
    let dir = TempDir::new().unwrap();
    let bad = bad_store(&dir, HOSTILE_NAME);
    let missing = dir.path().join(format!("missing-{HOSTILE_NAME}"));
    let subdir = dir.path().join(format!("dir-{HOSTILE_NAME}"));
    fs::create_dir(&subdir).unwrap();
    let stderr = |args: &[&Path]| {
        let out = evex().args(args).output().unwrap();
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let validate = Path::new("validate");
    let list = Path::new("list");
    // file:line:col on every problem, and the closing summary.
    let text = stderr(&[validate, &bad]);
    assert_inert("validate", &text);
    assert!(text.contains(".ron:"), "{text}");
    assert!(text.contains("4 errors, 1 warning"), "{text}");
    // No such file, a directory, and the load failure's summary.
    assert_inert("no such file", &stderr(&[list, &missing]));
    assert_inert("directory", &stderr(&[list, &subdir]));
    assert_inert("list of a bad store", &stderr(&[list, &bad]));
    assert_inert("stats of a bad store", &stderr(&[Path::new("stats"), &bad]));
    // A usage error quotes what was typed.
    let text = stderr(&[list, Path::new("-y"), Path::new(HOSTILE_NAME)]);
    assert!(!text.contains('\x1b'), "{text:?}");
    let text = stderr(&[bad.as_path(), bad.as_path()]);
    assert!(!text.contains('\x1b') && text.contains("evil"), "{text:?}");
}

#[test]
fn warnings_name_their_file_sanitized_and_count_in_words() {
    let dir = TempDir::new().unwrap();
    let text = fs::read_to_string("tests/fixtures/invalid/unused_actor.ron").unwrap();
    let path = dir.path().join(HOSTILE_NAME);
    fs::write(&path, text).unwrap();
    let out = evex().arg("list").arg(&path).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_inert("warnings", &err);
    assert!(
        err.contains(": 1 warning; `evex validate` lists them"),
        "{err}"
    );
}

#[test]
fn csv_quotes_dates_and_text_but_not_booleans() {
    let out = evex()
        .args(["list", "-f", "csv", "-y", "2015-06"])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("id,date,end,circa,title,kind,actors,place,source,quote,tags")
    );
    assert!(
        lines.all(|l| l
            .split(',')
            .nth(1)
            .is_some_and(|d| d.len() > 2 && d.starts_with('"') && d.ends_with('"'))),
        "dates are quoted text: {csv}"
    );
    assert!(
        csv.lines()
            .skip(1)
            .all(|l| l.contains(",false,") || l.contains(",true,")),
        "{csv}"
    );
    assert!(!csv.contains("\"false\""), "{csv}");
}

#[test]
fn stats_shows_empty_years_counts_in_words_and_takes_filters() {
    let out = evex().arg("stats").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\n  2004     0\n"), "{text}");
    let filtered = evex()
        .args([
            "stats",
            "-a",
            "bakiyev",
            "-y",
            "2010..2015",
            "-q",
            "bakiyev",
        ])
        .output()
        .unwrap();
    assert_eq!(filtered.status.code(), Some(0));
    let text = String::from_utf8(filtered.stdout).unwrap();
    assert!(
        text.starts_with("Belarus and Kyrgyzstan, 1998–2015: 10 of 60 events,"),
        "{text}"
    );
    assert!(text.contains("\n  2011     0\n"), "{text}");
    assert!(!text.contains("  1998 "), "{text}");
}

#[test]
fn tables_fit_narrow_terminals_without_wrapping() {
    let store = evex::store::Store::bundled();
    let all: Vec<usize> = (0..store.events.len()).collect();
    for width in [20, 25, 30, 40, 60, 80, 100, 200] {
        let mut out = Vec::new();
        evex::report::table(&mut out, &store, &all, width, false).unwrap();
        let text = String::from_utf8(out).unwrap();
        for line in text.lines() {
            assert!(line.width() <= width, "{width}: {line:?}");
        }
        assert!(
            text.contains("Lukashenk"),
            "{width}: titles still show:\n{text}"
        );
    }
}

#[test]
fn completions_know_the_commands_and_options() {
    let bash = evex().args(["completions", "bash"]).output().unwrap();
    assert!(bash.status.success());
    let bash = String::from_utf8(bash.stdout).unwrap();
    for word in [
        "list",
        "validate",
        "stats",
        "import",
        "config",
        "completions",
        "man",
    ] {
        assert!(bash.contains(word), "bash completion lacks {word}");
    }
    assert!(bash.contains("--query") && bash.contains("--deny-warnings"));
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let out = evex().args(["completions", shell]).output().unwrap();
        assert!(out.status.success() && !out.stdout.is_empty(), "{shell}");
    }
    let bad = evex().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_man_page_has_every_command_and_its_options() {
    let man = evex().arg("man").output().unwrap();
    assert!(man.status.success());
    let man = String::from_utf8(man.stdout).unwrap();
    assert!(
        man.starts_with(".ie") || man.contains(".TH evex 1"),
        "{man}"
    );
    for page in [
        "evex-list",
        "evex-validate",
        "evex-config",
        "evex-completions",
    ] {
        assert!(man.contains(&format!(".TH {page} 1")), "no page {page}");
    }
    // roff writes `-` as `\-`.
    for option in [
        r"\-\-query",
        r"\-\-goto",
        r"\-\-deny\-warnings",
        r"\-\-default",
    ] {
        assert!(man.contains(option), "the man page lacks {option}");
    }
}
