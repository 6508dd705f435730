//! Problems in JSON datasets (JSON Lines, JSON arrays, `list -f json` output, TimelineJS)
//! on the real binary: each names the file, the line and column where the item starts (or
//! where the syntax breaks), what was expected and what to do.

use assert_cmd::Command;

/// Runs `evex list FILE` on a fixture and gives (status, stderr).
fn list(fixture: &str) -> (i32, String) {
    let cache = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("evex")
        .unwrap()
        .env("XDG_CACHE_HOME", cache.path())
        .env("NO_COLOR", "1")
        .args(["list", &format!("tests/fixtures/formats/{fixture}")])
        .output()
        .unwrap();
    assert!(out.stdout.is_empty(), "a file with problems lists nothing");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn json_lines_problems_name_the_line_and_column_of_their_item() {
    let (code, err) = list("bad_items.jsonl");
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "tests/fixtures/formats/bad_items.jsonl:2:1: error: when \"2015-02-30\": February 2015 has 28 days\n\n\
         tests/fixtures/formats/bad_items.jsonl:3:1: error: the item is a number, not an object with named fields; evex reads an array of objects or one object per line\n\n\
         tests/fixtures/formats/bad_items.jsonl:4:3: error: when \"16 Smarch 2016\": not a date; expected YYYY-MM-DD, YYYY-MM, YYYY, DD-MM-YYYY or 12 March 2023\n\n\
         evex: tests/fixtures/formats/bad_items.jsonl: 3 problems in its rows; fix them, or open the other rows with --skip-bad-rows\n"
    );
}

#[test]
fn broken_json_syntax_is_placed_where_it_breaks() {
    let (code, err) = list("broken.json");
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "tests/fixtures/formats/broken.json:3:3: error: not valid JSON: expected `,` or `]`\n  \
         = help: check the file with a JSON validator; evex reads an array of objects or one object per line\n\n"
    );
}

#[test]
fn items_of_one_line_arrays_are_told_apart_by_column() {
    let (code, err) = list("evex_bad.json");
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "tests/fixtures/formats/evex_bad.json:3:2: error: end 2014 is before date 2016; `end` is the last date of a span; swap the two or remove `end`\n\n\
         tests/fixtures/formats/evex_bad.json:3:139: error: id \"a\" is also used by the item at line 2, column 2: give every row its own id\n\n\
         evex: tests/fixtures/formats/evex_bad.json: 2 problems in its rows; fix them, or open the other rows with --skip-bad-rows\n"
    );
}

#[test]
fn timelinejs_slides_are_placed_where_they_start() {
    let (code, err) = list("timeline.json");
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "tests/fixtures/formats/timeline.json:45:5: error: start_date \"-500\": year -500 is BCE; evex dates run from year 0000 to 9999 (BCE dates are not supported yet)\n\n\
         evex: tests/fixtures/formats/timeline.json: 1 problem in its rows; fix them, or open the other rows with --skip-bad-rows\n"
    );
}
