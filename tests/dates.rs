//! Dates the text only bounds (`before 2015-07`, `after 2012-08`): how a store with them
//! loads, sorts, reads in every output and is found by date searches.

use assert_cmd::Command;
use evex::date::{Bound, When};
use evex::report::EventRecord;
use evex::store;

const STORE: &str = "tests/fixtures/valid/bounded.ron";

fn evex() -> Command {
    let mut evex = Command::cargo_bin("evex").expect("the evex binary builds");
    evex.env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"));
    evex
}

fn ids(args: &[&str]) -> Vec<String> {
    let out = evex()
        .args(["list", STORE, "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records: Vec<EventRecord> = serde_json::from_slice(&out.stdout).unwrap();
    records.into_iter().map(|r| r.id).collect()
}

#[test]
fn a_bounded_date_loads_and_sorts_next_to_its_bound() {
    let text = std::fs::read_to_string(STORE).unwrap();
    let store = store::parse(&text).unwrap().store;
    let order: Vec<&str> = store.events.iter().map(|e| e.id.as_str()).collect();
    // `before 2015-07` closes 30 June; `after 2012-08` opens 1 September.
    assert_eq!(order, ["since", "sept", "june", "said", "july"]);
    let said = &store.events[3].when;
    assert_eq!(said.bound, Some(Bound::Before));
    assert_eq!(said.words(), "before July 2015");
    assert_eq!(said.year(), 2015);
    let since: &When = &store.events[0].when;
    assert_eq!(
        (since.bound, since.short()),
        (Some(Bound::After), ">2012-08".into())
    );
}

#[test]
fn date_searches_find_a_bound_on_the_day_next_to_it() {
    assert_eq!(ids(&["-y", "2015-06"]), ["june", "said"]);
    assert_eq!(ids(&["-y", "2015-07"]), ["july"]);
    assert_eq!(ids(&["-q", "2015"]), ["june", "said", "july"]);
    assert_eq!(ids(&["-y", "2012-08"]), Vec::<String>::new());
    assert_eq!(ids(&["-y", "2012-09"]), ["since", "sept"]);
}

#[test]
fn list_shows_bounds_and_json_round_trips_them() {
    let table = evex().args(["list", STORE]).output().unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.contains("<2015-07"), "{table}");
    assert!(table.contains(">2012-08"), "{table}");
    let out = evex()
        .args(["list", STORE, "--format", "json"])
        .output()
        .unwrap();
    let records: Vec<EventRecord> = serde_json::from_slice(&out.stdout).unwrap();
    let said = records.iter().find(|r| r.id == "said").unwrap();
    assert_eq!(
        (said.date.as_str(), said.end.as_deref()),
        ("before 2015-07", None)
    );
    let since = records.iter().find(|r| r.id == "since").unwrap();
    assert_eq!(since.date, "after 2012-08");
    let csv = evex()
        .args(["list", STORE, "--format", "csv"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(csv.stdout)
            .unwrap()
            .contains("before 2015-07")
    );
}
