//! Broken, hostile and huge stores on the real binary: a clear message and exit status 2,
//! or a clean load, never a panic.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

fn evex() -> Command {
    let mut evex = Command::cargo_bin("evex").expect("the evex binary builds");
    // Copies of big stores go to the build's scratch space, not the user's cache.
    evex.env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"));
    evex
}

fn tiny() -> String {
    fs::read_to_string("tests/fixtures/valid/tiny.ron").unwrap()
}

fn write(dir: &TempDir, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    path
}

/// Runs `evex validate` and returns (exit status, stdout, stderr).
fn validate(path: &Path) -> (i32, String, String) {
    let out = evex().arg("validate").arg(path).output().unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        out.status.code().unwrap(),
        text(out.stdout),
        text(out.stderr),
    )
}

#[test]
fn empty_file_and_comment_only_file_say_there_is_no_store() {
    let dir = TempDir::new().unwrap();
    for (name, text) in [
        ("empty.ron", ""),
        ("comment.ron", "// just a note\n/* and a block */\n"),
    ] {
        let path = write(&dir, name, text);
        let (code, _, err) = validate(&path);
        assert_eq!(code, 2, "{name}");
        assert!(
            err.starts_with(&format!(
                "{}:1:1: error: the file has no store in it (only white space and comments)",
                path.display()
            )),
            "{err}"
        );
        assert!(err.contains("a store starts with `Store(title:"), "{err}");
    }
}

#[test]
fn byte_order_mark_and_crlf_line_endings_load_fine() {
    let dir = TempDir::new().unwrap();
    let bom = write(&dir, "bom.ron", format!("\u{feff}{}", tiny()));
    let crlf = write(&dir, "crlf.ron", tiny().replace('\n', "\r\n"));
    for path in [bom, crlf] {
        let (code, out, err) = validate(&path);
        assert_eq!(code, 0, "{err}");
        assert!(
            out.ends_with("1 event, 1 actor, 1 source: no errors, 0 warnings\n"),
            "{out}"
        );
    }
    let crlf_error = write(
        &dir,
        "crlf_bad.ron",
        tiny()
            .replace("2015-06-26", "2015-02-30")
            .replace('\n', "\r\n"),
    );
    let (code, _, err) = validate(&crlf_error);
    assert_eq!(code, 1);
    assert!(
        err.contains(":22:19: error: event \"meeting\": date `2015-02-30` has day 30"),
        "{err}"
    );
    assert!(
        !err.contains('\r'),
        "no carriage return reaches the terminal: {err:?}"
    );
}

#[test]
fn invalid_utf8_names_the_byte() {
    let dir = TempDir::new().unwrap();
    let mut bytes = tiny().into_bytes();
    bytes.splice(40..40, [0xff, 0xfe]);
    let path = write(&dir, "latin1.ron", bytes);
    let (code, _, err) = validate(&path);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "evex: {}: not UTF-8 text (invalid byte 0xff at byte 40, line 2); save the store as UTF-8\n",
            path.display()
        )
    );
}

#[test]
fn directory_missing_file_and_unreadable_file() {
    let dir = TempDir::new().unwrap();
    let (code, _, err) = validate(dir.path());
    assert_eq!(
        (code, err),
        (
            2,
            format!(
                "evex: {}: is a directory; give the path of a .ron store file\n",
                dir.path().display()
            )
        )
    );
    let missing = dir.path().join("nope.ron");
    let (code, _, err) = validate(&missing);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "evex: {}: no such file; check the path, or run `evex` with no file for the bundled store\n",
            missing.display()
        )
    );
    evex().args(["list", "nope.ron"]).assert().code(2);
    evex().arg("nope.ron").assert().code(2);
}

#[test]
fn unreadable_file_says_permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let path = write(&dir, "secret.ron", tiny());
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything, so as root the binary runs as `nobody` to meet the permission.
    let as_root = Command::new("id").arg("-u").output().unwrap().stdout == b"0\n";
    let mut command = if as_root {
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            env!("CARGO_BIN_EXE_evex"),
        ]);
        c
    } else {
        evex()
    };
    let out = command
        .arg("validate")
        .arg(&path)
        .output()
        .expect("setpriv (util-linux) runs the test as nobody");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "evex: {}: permission denied; check the file's permissions (chmod +r)\n",
            path.display()
        )
    );
}

#[test]
fn deeply_nested_and_truncated_files_are_syntax_errors() {
    let dir = TempDir::new().unwrap();
    let deep = write(
        &dir,
        "deep.ron",
        format!(
            "Store(title: \"x\", events: {}{})",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    );
    let (code, _, err) = validate(&deep);
    assert_eq!(code, 2);
    assert!(
        err.contains("deep.ron:1:28: error: Expected opening `(` for struct `Event`"),
        "{err}"
    );
    let deep_value = write(
        &dir,
        "deep_value.ron",
        format!(
            "{}Store(title: \"x\"){}",
            "(".repeat(100_000),
            ")".repeat(100_000)
        ),
    );
    let (code, _, err) = validate(&deep_value);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("deep_value.ron:1:"), "{err}");
    let (code, _, err) = validate(Path::new("tests/fixtures/invalid/syntax_truncated.ron"));
    assert_eq!(code, 2);
    assert!(
        err.contains("syntax_truncated.ron:28:34: error: Unexpected end of RON"),
        "{err}"
    );
}

/// A store with one event whose fields are made huge by `grow`.
fn huge(grow: impl Fn(&str) -> String) -> String {
    grow(&tiny())
}

#[test]
fn a_100_mb_quote_loads() {
    let dir = TempDir::new().unwrap();
    let quote = "word ".repeat(20_000_000);
    let text = huge(|t| {
        t.replace("            text: \"On 26 June 2015 the minister met   the ambassador’s deputy – briefly.\",\n", "")
            .replace("quote: \"the minister met the ambassador’s deputy – briefly.\"", &format!("quote: \"{quote}\""))
    });
    let path = write(&dir, "big_quote.ron", text);
    let (code, out, err) = validate(&path);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 event,"), "{out}");
}

#[test]
fn ten_thousand_actors_on_one_event_load_and_list() {
    let dir = TempDir::new().unwrap();
    let actors: String = (0..10_000)
        .map(|i| format!("        Actor(id: \"a{i}\", name: \"Actor {i}\", kind: Group),\n"))
        .collect();
    let ids: Vec<String> = (0..10_000).map(|i| format!("\"a{i}\"")).collect();
    let text = huge(|t| {
        t.replace("    actors: [\n", &format!("    actors: [\n{actors}"))
            .replace(
                "actors: [\"minister\"]",
                &format!("actors: [\"minister\", {}]", ids.join(", ")),
            )
    });
    let path = write(&dir, "crowd.ron", text);
    let (code, _, err) = validate(&path);
    assert_eq!(code, 0, "{err}");
    let out = evex().arg("list").arg(&path).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.lines().nth(1).unwrap().ends_with('…'),
        "actors cut to the width: {table}"
    );
}

#[test]
fn a_million_character_title_loads_and_lists_within_the_width() {
    let dir = TempDir::new().unwrap();
    let title = "Long ".repeat(200_000);
    let path = write(
        &dir,
        "long_title.ron",
        huge(|t| t.replace("The minister meets the deputy", &title)),
    );
    let (code, _, err) = validate(&path);
    assert_eq!(code, 0, "{err}");
    let out = evex().arg("list").arg(&path).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.lines().all(|l| l.chars().count() <= 100),
        "{}",
        &table[..200]
    );
}

#[test]
fn escapes_in_a_store_are_shown_not_obeyed() {
    let path = "tests/fixtures/hostile/escapes.ron";
    let out = evex().args(["list", path]).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        !table.contains('\x1b') && !table.contains('\x07') && !table.contains('\u{202e}'),
        "{table:?}"
    );
    assert!(
        table.contains("Title ␛]0;owned␇ ␛[2J ␛[31m \\u{202e}esrever"),
        "{table}"
    );
    let json = String::from_utf8(
        evex()
            .args(["list", "-f", "json", path])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        json.contains(
            r#""title": "Title \u001b]0;owned\u0007 \u001b[2J \u001b[31m \u202eesrever""#
        ),
        "{json}"
    );
    assert!(!json.contains('\u{202e}'));
    let csv = String::from_utf8(
        evex()
            .args(["list", "-f", "csv", path])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        csv.contains("\"Title \x1b]0;owned\x07 \x1b[2J \x1b[31m \u{202e}esrever\""),
        "CSV keeps the data, quoted"
    );
    let stats = String::from_utf8(evex().args(["stats", path]).output().unwrap().stdout).unwrap();
    assert!(!stats.contains('\x1b'));
    // A hostile id in an error message is shown, not obeyed.
    let bad = fs::read_to_string(path)
        .unwrap()
        .replace("actors: [\"evil\"]", "actors: [\"\\x1b[2Jgone\"]");
    let dir = TempDir::new().unwrap();
    let (code, _, err) = validate(&write(&dir, "bad.ron", bad));
    assert_eq!(code, 1);
    assert!(
        err.contains("unknown actor \"␛[2Jgone\"") && !err.contains('\x1b'),
        "{err:?}"
    );
}

#[test]
fn a_problem_is_placed_on_its_item_not_on_a_comment_or_text_naming_its_id() {
    let dir = TempDir::new().unwrap();
    let text = tiny()
        .replace(
            "    events: [\n",
            "    events: [\n        // id: \"meeting\" was moved; /* id: \"meeting\" */\n        /* nested /* id: \"meeting\" */ still a comment: id: \"meeting\" */\n",
        )
        .replace(
            "title: \"The minister meets the deputy\"",
            "title: \"Re id: \\\"meeting\\\", date: 2015\"",
        )
        .replace("end: \"2015-06-27\"", "end: \"2015-06-20\"");
    let path = write(&dir, "commented.ron", &text);
    let (code, _, err) = validate(&path);
    assert_eq!(code, 1, "{err}");
    let line = text
        .lines()
        .position(|l| l.contains("end: \"2015-06-20\""))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("commented.ron:{line}:18: error:")),
        "the error is on the event's end, line {line}:\n{err}"
    );
}

#[test]
fn problems_on_a_store_written_on_one_line_have_exact_columns() {
    let dir = TempDir::new().unwrap();
    let one_line: String = tiny()
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
        .replace("end: \"2015-06-27\"", "end: \"2015-06-20\"");
    let at = one_line.find("\"2015-06-20\"").unwrap();
    let col = one_line[..at].chars().count() + 1;
    let path = write(&dir, "one_line.ron", &one_line);
    let (code, _, err) = validate(&path);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!("one_line.ron:1:{col}: error:")),
        "{col}: {err}"
    );
}

#[test]
fn devices_are_refused_not_read_forever() {
    // (/dev/zero is refused the same way; reading it would fill memory, so it is not tried.)
    for device in ["/dev/null", "/dev/tty"] {
        let (code, _, err) = validate(Path::new(device));
        assert_eq!(code, 2, "{device}: {err}");
        assert!(
            err.contains(&format!("{device}: is a device or socket, not a file")),
            "{err}"
        );
    }
}
