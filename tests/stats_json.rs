//! `evex stats --format json`: the same per-year counts as the histogram, for scripts.

use assert_cmd::Command;

fn stats(args: &[&str]) -> serde_json::Value {
    let out = Command::cargo_bin("evex")
        .unwrap()
        .arg("stats")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn json_counts_every_year_and_takes_the_filters() {
    let all = stats(&["-f", "json"]);
    assert_eq!(all["events"], 60);
    assert_eq!(all["matching"], 60);
    let years = all["per_year"].as_array().unwrap();
    assert_eq!(years.first().unwrap()["year"], 1998);
    assert_eq!(years.last().unwrap()["year"], 2015);
    assert_eq!(years.len(), 18, "empty years are there");
    assert!(years.iter().any(|y| y["events"] == 0));
    let total: u64 = years.iter().map(|y| y["events"].as_u64().unwrap()).sum();
    assert_eq!(total, 60);
    // Dates the text only bounds are less precise than their year.
    assert!(
        years
            .iter()
            .any(|y| y["less_precise"].as_u64().unwrap() > 0)
    );

    let some = stats(&["-y", "2010..2012", "--format", "json"]);
    let years = some["per_year"].as_array().unwrap();
    // A span begun earlier counts in the year it begins, as in the histogram.
    assert!(years.iter().any(|y| y["year"] == 2010 && y["events"] == 15));
    assert_eq!(years.last().unwrap()["year"], 2012);
    let total: u64 = years.iter().map(|y| y["events"].as_u64().unwrap()).sum();
    assert_eq!(some["matching"].as_u64().unwrap(), total);
    let kinds: u64 = some["per_kind"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(kinds, total);
}
