//! Datasets on the real binary: the exact messages for bad rows and unknown files, `import`
//! then `validate`, `list -f json` opened again, and the cache for a big CSV.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use evex::cache::Cache;

const FIXTURES: &str = "tests/fixtures/formats";

fn evex(cache: &Path) -> Command {
    let mut evex = Command::cargo_bin("evex").expect("the evex binary builds");
    evex.env("XDG_CACHE_HOME", cache).env("NO_COLOR", "1");
    evex
}

/// Runs evex and gives (status, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = evex(dir.path()).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn bad_rows_are_all_listed_with_line_and_column_and_the_file_does_not_open() {
    let (code, out, err) = run(&["list", "tests/fixtures/formats/acled_bad.csv"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert_eq!(
        err,
        "tests/fixtures/formats/acled_bad.csv:3:1: error: event_date \"31/02/2023\": not a date; expected YYYY-MM-DD, YYYY-MM, YYYY, DD-MM-YYYY or 12 March 2023\n\n\
         tests/fixtures/formats/acled_bad.csv:4:1: error: event_date \"2023-02-30\": February 2023 has 28 days\n\n\
         tests/fixtures/formats/acled_bad.csv:4:1: error: time_precision \"4\": expected 1 (day), 2 (week) or 3 (month)\n\n\
         tests/fixtures/formats/acled_bad.csv:5:1: error: id \"UKR2001\" is also used on line 2: give every row its own id\n\n\
         evex: tests/fixtures/formats/acled_bad.csv: 4 problems in its rows; fix them, or open the other rows with --skip-bad-rows\n"
    );
}

#[test]
fn skip_bad_rows_opens_the_rest_and_says_how_many_and_why() {
    let (code, out, err) = run(&[
        "list",
        "-f",
        "csv",
        "--skip-bad-rows",
        "tests/fixtures/formats/acled_bad.csv",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 2, "a header and the one good row");
    assert!(err.contains("acled_bad.csv:3:1: error: event_date \"31/02/2023\": not a date"));
    assert!(err.ends_with(
        "evex: tests/fixtures/formats/acled_bad.csv: skipped 3 bad rows for --skip-bad-rows\n"
    ));
}

#[test]
fn an_unknown_file_says_what_it_looked_like_and_how_to_map_it() {
    let (code, _, err) = run(&["list", "tests/fixtures/formats/unknown.txt"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "tests/fixtures/formats/unknown.txt: error: not a format evex knows (it starts with \"just some notes\")\n  \
         = help: evex opens RON stores, ACLED, GDELT, ICEWS, TimelineJS JSON and sheets, `evex list -f json` output, and CSV/TSV/JSON tables with --map; see the README\n\n"
    );
    let (code, _, err) = run(&["list", "tests/fixtures/formats/no_date.csv"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "tests/fixtures/formats/no_date.csv: error: no column of no_date.csv says when events happened\n  \
         = help: the columns are who, what, where; say which is the date, e.g. --map date=who,title=what\n\n"
    );
    let (code, _, err) = run(&[
        "list",
        "--map",
        "when=who",
        "tests/fixtures/formats/no_date.csv",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`when` is not a field evex knows; fields: id, date, end"),
        "{err}"
    );
}

#[test]
fn every_format_imports_to_a_store_that_validates_clean_and_lists_the_same() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "acled.csv",
        "acled_old.csv",
        "gdelt2.export.CSV",
        "gdelt1.export.CSV",
        "icews.tab",
        "timeline_ok.json",
        "timeline_sheet.csv",
        "generic.csv",
        "obvious.tsv",
        "events.json",
        "events.jsonl",
    ] {
        let input = format!("{FIXTURES}/{name}");
        let output = dir.path().join(format!("{name}.ron"));
        let out = evex(dir.path())
            .args(["import", &input, "-o"])
            .arg(&output)
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: {out:?}");
        let validated = evex(dir.path())
            .arg("validate")
            .arg(&output)
            .output()
            .unwrap();
        assert!(validated.status.success(), "{name}: {validated:?}");
        let stdout = String::from_utf8(validated.stdout).unwrap();
        assert!(
            stdout.ends_with("no errors, 0 warnings\n"),
            "{name}: {stdout}"
        );
        let list = |path: &Path| {
            let out = evex(dir.path())
                .args(["list", "-f", "json"])
                .arg(path)
                .output()
                .unwrap();
            assert!(out.status.success(), "{name}: {out:?}");
            String::from_utf8(out.stdout).unwrap()
        };
        assert_eq!(list(&output), list(Path::new(&input)), "{name}");
    }
    assert_eq!(
        fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(".evex"))
            .count(),
        0,
        "no temporary files are left"
    );
}

#[test]
fn import_never_writes_over_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("events.ron.csv");
    fs::copy(format!("{FIXTURES}/generic.csv"), &input).unwrap();
    let before = fs::read(&input).unwrap();
    let out = evex(dir.path())
        .args(["import"])
        .arg(&input)
        .arg("-o")
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is the input; give another file with -o")
    );
    assert_eq!(fs::read(&input).unwrap(), before);
    let out = evex(dir.path())
        .args(["import"])
        .arg(&input)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        dir.path().join("events.ron.ron").exists(),
        "FILE with the extension .ron"
    );
}

#[test]
fn list_json_opens_again_from_a_file_and_from_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let out = evex(dir.path())
        .args(["list", "-f", "json"])
        .output()
        .unwrap();
    let bundled = String::from_utf8(out.stdout).unwrap();
    let path = dir.path().join("bundled.json");
    fs::write(&path, &bundled).unwrap();
    let again = evex(dir.path())
        .args(["list", "-f", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(again.stdout).unwrap(), bundled);
    let piped = evex(dir.path())
        .args(["list", "-f", "json", "-"])
        .write_stdin(bundled.clone())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(piped.stdout).unwrap(), bundled);
}

#[test]
fn a_big_csv_is_cached_like_a_ron_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    let mut text = String::from("date,title,actors,place,fatalities\n");
    for i in 0..20_000 {
        text += &format!(
            "20{:02}-0{}-1{},Clash number {i} near the river,Army; Rebels,Town {i},{}\n",
            i % 25,
            1 + i % 9,
            i % 10,
            i % 7
        );
    }
    fs::write(&path, &text).unwrap();
    let xdg = dir.path().join("xdg");
    let list = || {
        let out = evex(&xdg)
            .args(["list", "-f", "csv", "-q", "river 2003"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let parsed = list();
    assert_eq!(parsed.lines().count(), 1 + 800);
    let cache = Cache::new(xdg.join("evex"));
    assert!(
        cache.load(&path).is_some(),
        "a copy keyed by the CSV's content"
    );
    assert_eq!(list(), parsed, "read from the copy");
    let mapped = evex(&xdg)
        .args([
            "list",
            "-f",
            "csv",
            "-q",
            "river 2003",
            "--map",
            "date=date,title=place",
        ])
        .arg(&path)
        .output()
        .unwrap();
    let mapped = String::from_utf8(mapped.stdout).unwrap();
    assert!(
        mapped.contains("\"Town "),
        "a column map is not answered from the copy"
    );
    assert_ne!(mapped, parsed);
}

#[test]
fn detection_reads_the_content_not_the_name() {
    let detect = |name: &str| {
        let bytes = std::fs::read(format!("tests/fixtures/formats/{name}")).unwrap();
        evex::store::formats::detect(&bytes)
    };
    assert_eq!(
        detect("acled.csv"),
        Some(evex::store::formats::Format::Acled)
    );
    assert_eq!(
        detect("gdelt2.export.CSV"),
        Some(evex::store::formats::Format::Gdelt)
    );
    assert_eq!(
        detect("gdelt1.export.CSV"),
        Some(evex::store::formats::Format::Gdelt)
    );
    assert_eq!(
        detect("icews.tab"),
        Some(evex::store::formats::Format::Icews)
    );
    assert_eq!(
        detect("timeline.json"),
        Some(evex::store::formats::Format::Timelinejs)
    );
    assert_eq!(
        detect("timeline_sheet.csv"),
        Some(evex::store::formats::Format::Sheet)
    );
    assert_eq!(
        detect("generic.csv"),
        Some(evex::store::formats::Format::Csv)
    );
    assert_eq!(
        detect("events.json"),
        Some(evex::store::formats::Format::Json)
    );
    assert_eq!(
        detect("../valid/tiny.ron"),
        Some(evex::store::formats::Format::Ron)
    );
    assert_eq!(detect("unknown.txt"), None);
}
