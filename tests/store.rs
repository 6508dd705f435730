//! The store: every field, the bundled store's truthfulness, and the exact message a person
//! sees for each bad store under `tests/fixtures/invalid/`.

use std::path::Path;

use assert_cmd::Command;
use evex::date::{PartialDate, When};
use evex::report::EventRecord;
use evex::store::{self, ActorKind, EventKind, LoadError, Store};

fn evex() -> Command {
    let mut evex = Command::cargo_bin("evex").expect("the evex binary builds");
    // Copies of big stores go to the build's scratch space, not the user's cache.
    evex.env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"));
    evex
}

#[test]
fn every_field_is_parsed() {
    let text = std::fs::read_to_string("tests/fixtures/valid/tiny.ron").unwrap();
    let loaded = store::parse(&text).unwrap();
    assert!(loaded.warnings.is_empty());
    let store = loaded.store;
    assert_eq!(store.title, "Tiny");
    let source = &store.sources[0];
    assert_eq!(
        (
            source.id.as_str(),
            source.title.as_str(),
            source.publisher.as_str()
        ),
        ("article", "An Article", "The Paper")
    );
    assert_eq!(source.author.as_deref(), Some("A. Writer"));
    assert_eq!(source.published.as_deref(), Some("2015-06"));
    assert_eq!(source.url.as_deref(), Some("https://example.org/article"));
    assert!(
        source
            .text
            .as_deref()
            .unwrap()
            .starts_with("On 26 June 2015")
    );
    let actor = &store.actors[0];
    assert_eq!(
        (actor.id.as_str(), actor.name.as_str(), actor.short_name()),
        ("minister", "The Minister", "Minister")
    );
    assert_eq!(actor.kind, ActorKind::Person);
    assert_eq!(actor.aliases, ["the minister"]);
    assert_eq!(actor.role.as_deref(), Some("Foreign Minister"));
    let event = &store.events[0];
    assert_eq!(event.id, "meeting");
    assert_eq!(
        event.when,
        When {
            date: "2015-06-26".parse().unwrap(),
            end: Some("2015-06-27".parse().unwrap()),
            circa: true,
            bound: None,
        }
    );
    assert_eq!(event.title, "The minister meets the deputy");
    assert_eq!(event.kind, EventKind::Diplomacy);
    assert_eq!((event.actors.as_slice(), event.source), (&[0][..], 0));
    assert_eq!(event.place.as_deref(), Some("The Capital"));
    assert_eq!(
        event.quote.as_deref(),
        Some("the minister met the ambassador’s deputy – briefly.")
    );
    assert_eq!(event.tags, ["meeting", "deputy"]);
}

#[test]
fn events_load_in_timeline_order_with_file_order_for_ties() {
    let text = std::fs::read_to_string("tests/fixtures/valid/tiny.ron").unwrap();
    let event = &text[text.find("        Event(").unwrap()..text.find("    ],\n)").unwrap()];
    let dated = |id: &str, date: &str| {
        event
            .replacen("\"meeting\"", &format!("\"{id}\""), 1)
            .replace(
                "date: \"2015-06-26\",\n            end: \"2015-06-27\",",
                &format!("date: \"{date}\","),
            )
    };
    let events = [
        dated("d", "2015-06-01"),
        dated("c", "2015-06"),
        dated("a", "2015"),
        dated("b", "2014-12-31"),
        dated("e", "2015"),
    ];
    let text = text.replace(event, &events.concat());
    let store = store::parse(&text).unwrap().store;
    let ids: Vec<&str> = store.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["b", "a", "e", "c", "d"]);
}

#[test]
fn bundled_store_is_valid_with_no_warnings() {
    let loaded = store::parse(store::BUNDLED).unwrap();
    assert_eq!(loaded.warnings, []);
    assert!((35..=60).contains(&loaded.store.events.len()));
    evex().arg("validate").assert().success().stdout(
        "events.ron (bundled): 60 events, 32 actors, 2 sources: no errors, 0 warnings
",
    );
}

#[test]
fn every_bundled_quote_is_verbatim_in_the_shared_articles() {
    let store = Store::bundled();
    let articles = ["000_8437a923699491b1.txt", "002_eb25a2e744c5cd12.txt"];
    let texts: Vec<String> = articles
        .iter()
        .map(|name| Path::new("../shared/sources").join(name))
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect();
    // The articles are embedded as the sources' text, so the check holds even without
    // shared/ beside the repository; with it, the embedded text must be the article itself.
    for (source, article) in store.sources.iter().zip(&texts) {
        assert_eq!(
            source.text.as_deref(),
            Some(article.as_str()),
            "source {} differs from its article",
            source.id
        );
    }
    for event in &store.events {
        let text = store.sources[event.source].text.as_deref().unwrap();
        // The bundled store keeps every quote although the model allows events without one.
        let quote = event
            .quote
            .as_deref()
            .expect("every bundled event has a quote");
        assert!(
            text.contains(quote),
            "event {}: quote is not character for character in its source",
            event.id
        );
    }
}

#[test]
fn bundled_dates_are_never_more_precise_than_a_day_and_spans_are_ordered() {
    for event in &Store::bundled().events {
        if let Some(end) = event.when.end {
            assert!(end.last_day() >= event.when.first_day(), "{}", event.id);
        }
    }
    assert_eq!(
        "2015-02-18".parse::<PartialDate>().unwrap().words(),
        "18 February 2015"
    );
}

#[test]
fn list_json_reads_back_as_the_same_events() {
    let output = evex().args(["list", "--format", "json"]).output().unwrap();
    assert!(output.status.success());
    let records: Vec<EventRecord> = serde_json::from_slice(&output.stdout).unwrap();
    let store = Store::bundled();
    assert!(records.len() >= 35);
    let expected: Vec<EventRecord> = store
        .events
        .iter()
        .map(|e| EventRecord::new(&store, e))
        .collect();
    assert_eq!(records, expected);
}

#[test]
fn list_filters_by_query_actor_and_year() {
    let ids = |args: &[&str]| -> Vec<String> {
        let out = evex()
            .arg("list")
            .args(args)
            .args(["--format", "json"])
            .output()
            .unwrap();
        let records: Vec<EventRecord> = serde_json::from_slice(&out.stdout).unwrap();
        records.into_iter().map(|r| r.id).collect()
    };
    assert_eq!(
        ids(&["--year", "2012-08", "-q", "Bakiyev"]),
        [
            "extradition-ignored",
            "bakiyev-citizenship",
            "bakiyev-home",
            "bakiyevs-convicted",
            "rickleton-most-hated",
            "janysh-wanted",
            "janysh-photos"
        ]
    );
    assert_eq!(
        ids(&["--actor", "omuraliev"]),
        ["ambassador-returns", "omuraliev-credentials"]
    );
    assert_eq!(ids(&["--query", "tractor"]), Vec::<String>::new());
    assert_eq!(
        ids(&["--query", "\"foreign agents\" 2015"]),
        [
            "lukashenko-depicts-foreign-agents",
            "foreign-agents-law",
            "atambayev-pivot",
            "us-treaty-cancelled",
            "eu-sanctions-belarus"
        ]
    );
    assert_eq!(
        ids(&["-a", "lukashenko", "-y", "2013..2014"]),
        ["lukashenko-depicts-foreign-agents"]
    );
    evex()
        .args(["list", "--year", "2015-13"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "`2015-13` has month 13; months run from 01 to 12",
        ));
}

#[test]
fn list_table_fits_100_columns_and_csv_quotes() {
    let out = evex().arg("list").output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 100),
        "{table}"
    );
    assert!(!table.contains('\x1b'), "no colour into a pipe");
    let csv = evex()
        .args(["list", "--format", "csv", "-q", "precedent"])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(csv.stdout).unwrap());
}

#[test]
fn stats_counts_years_actors_and_kinds() {
    let out = evex().arg("stats").output().unwrap();
    assert!(out.status.success());
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn standard_input_is_read_with_dash() {
    let text = std::fs::read_to_string("tests/fixtures/valid/tiny.ron").unwrap();
    evex()
        .args(["validate", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicates::str::starts_with("<stdin>: 1 event,"));
}

/// Each bad store gives the exact text a person sees and the documented exit status.
#[test]
fn every_bad_store_gets_an_exact_message() {
    insta::glob!("fixtures/invalid/*.ron", |path| {
        let name = format!(
            "tests/fixtures/invalid/{}",
            path.file_name().unwrap().to_str().unwrap()
        );
        let out = evex().args(["validate", &name]).output().unwrap();
        let code = out.status.code().unwrap();
        let expected = if name.contains("syntax_") {
            2
        } else if name.contains("unused") || name.contains("uncited") {
            0
        } else {
            1
        };
        assert_eq!(code, expected, "{name}");
        insta::assert_snapshot!(String::from_utf8(out.stderr).unwrap());
    });
}

#[test]
fn syntax_errors_carry_their_position() {
    let text = std::fs::read_to_string("tests/fixtures/invalid/syntax_unknown_field.ron").unwrap();
    let Err(LoadError::Syntax(d)) = store::parse(&text) else {
        panic!("expected a syntax error")
    };
    assert_eq!(d.position, Some(store::Position { line: 28, col: 13 }));
}

#[test]
fn a_store_that_does_not_require_quotes_loads_events_without_one() {
    let text = r#"Store(title: "T", require_quotes: false,
        sources: [Source(id: "s", title: "S", publisher: "P")],
        actors: [],
        events: [Event(id: "e", date: "2015", title: "A row", kind: Other, actors: [], source: "s",
            notes: Some("A summary"), category: Some("Protests"), extra: {"fatalities": "3", "iso": "804"})])"#;
    let event = &store::parse(text).unwrap().store.events[0];
    assert_eq!(event.quote, None);
    assert_eq!(event.notes.as_deref(), Some("A summary"));
    assert_eq!(event.category.as_deref(), Some("Protests"));
    let extra: Vec<_> = event.extra.iter().collect();
    assert_eq!(extra, [("fatalities", "3"), ("iso", "804")]);
    // A curated store (the default) still requires them.
    let curated = text.replace("require_quotes: false,", "");
    let problems = store::parse(&curated).unwrap_err();
    assert_eq!(
        problems.diagnostics()[0].message,
        "event \"e\" has an empty quote"
    );
}
