//! Every command that had to parse a big store leaves a copy in the cache, so the next one
//! opens it quickly: `list`, `stats`, imported datasets, and the explorer even when quit
//! before its index was built.

mod common;

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use common::stores::talks;
use common::tmux::tmux_or_skip;
use evex::cache::Cache;

fn evex(xdg: &Path) -> Command {
    let mut evex = Command::cargo_bin("evex").unwrap();
    evex.env("XDG_CACHE_HOME", xdg);
    evex
}

#[test]
fn stats_saves_a_copy_and_the_next_stats_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    fs::write(&path, talks(4_500)).unwrap();
    let xdg = dir.path().join("xdg");
    let cache = Cache::new(xdg.join("evex"));
    let first = evex(&xdg).arg("stats").arg(&path).output().unwrap();
    assert!(first.status.success(), "{first:?}");
    assert!(cache.load(&path).is_some(), "stats left a fresh copy");
    let second = evex(&xdg).arg("stats").arg(&path).output().unwrap();
    assert_eq!(second.stdout, first.stdout, "the copy counts the same");
    let filtered = evex(&xdg)
        .args(["stats", "-q", "treaty", "-f", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(filtered.status.success(), "{filtered:?}");
}

#[test]
fn an_imported_dataset_is_cached_like_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.csv");
    let mut csv = String::from("date,title,actors\n");
    for i in 0..30_000 {
        csv.push_str(&format!(
            "{}-{:02}-01,Talks number {i} on the border treaty,Alpha;Beta\n",
            1990 + i % 30,
            1 + i % 12
        ));
    }
    fs::write(&path, csv).unwrap();
    let xdg = dir.path().join("xdg");
    let out = evex(&xdg).arg("stats").arg(&path).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(Cache::new(xdg.join("evex")).load(&path).is_some());
}

#[test]
fn quitting_the_explorer_before_the_index_is_built_still_saves_the_copy() {
    let Some(tmux) = tmux_or_skip(100, 30) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    fs::write(&path, talks(4_500)).unwrap();
    let xdg = dir.path().join("xdg");
    // Indexing waits 3 s: q comes long before the index is there.
    tmux.open_evex(
        &format!("XDG_CACHE_HOME={} EVEX_TEST_SLOW_MS=3000", xdg.display()),
        &path.display().to_string(),
        "4500/4500 events",
    );
    tmux.keys(&["q"]);
    let shell = tmux.wait_for("evex to end", |s| s.lines().any(|l| l.starts_with("exit=")));
    assert!(shell.contains("exit=0"), "{shell}");
    tmux.assert_restored("after quitting");
    assert!(
        Cache::new(xdg.join("evex")).load(&path).is_some(),
        "the copy was saved before evex ended"
    );
}
