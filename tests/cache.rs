//! The load cache: a fresh copy is read back equal to the store, and anything stale, corrupt
//! or foreign is ignored, so the RON file stays the one source of truth.

use std::fs::{self, File};
use std::path::Path;

use assert_cmd::Command;
use evex::cache::{Cache, Key};
use evex::index::Index;
use evex::store::{self, Store};

/// A store of `n` events, big enough to be cached by the binary (over 1 MiB) at 4,500.
fn store_text(n: usize) -> String {
    let events: String = (0..n)
        .map(|i| {
            format!(
                "Event(id: \"e{i}\", date: \"{}-{:02}\", title: \"Talks number {i} on the border treaty\", kind: Diplomacy, actors: [\"{}\"], source: \"s\", quote: \"The ministers met for the {i}th time and talked at length about the border, the customs union, oil and gas.\"),\n",
                1990 + i % 30,
                1 + i % 12,
                ["a", "b", "c"][i % 3],
            )
        })
        .collect();
    format!(
        "Store(title: \"Talks\", sources: [Source(id: \"s\", title: \"S\", publisher: \"P\")], actors: [Actor(id: \"a\", name: \"Alpha Minister\", kind: Person), Actor(id: \"b\", name: \"Beta State\", kind: State), Actor(id: \"c\", name: \"Gamma Union\", kind: Organization)], events: [\n{events}])\n"
    )
}

fn save(cache: &Cache, path: &Path) -> Store {
    let text = fs::read_to_string(path).unwrap();
    let store = store::parse(&text).unwrap().store;
    let key = Key::new(&fs::metadata(path).unwrap(), text.as_bytes());
    cache
        .save(path, key, &store, &Index::new(&store), 2)
        .unwrap();
    store
}

#[test]
fn a_fresh_copy_reads_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    fs::write(&path, store_text(500)).unwrap();
    let cache = Cache::new(dir.path().join("cache"));
    let store = save(&cache, &path);
    let cached = cache.load(&path).expect("a fresh copy");
    assert_eq!(cached.store.events, store.events);
    assert_eq!(cached.store.actors, store.actors);
    assert_eq!(cached.warnings, 2);
    let index = Index::new(&store);
    assert_eq!(cached.index.words, index.words);
}

#[test]
fn a_changed_file_is_parsed_again_even_with_the_same_size_and_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    let text = store_text(200);
    fs::write(&path, &text).unwrap();
    let cache = Cache::new(dir.path().join("cache"));
    save(&cache, &path);
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    // Same length, same modification time, one letter different.
    fs::write(&path, text.replacen("border treaty", "border Treaty", 1)).unwrap();
    File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert!(cache.load(&path).is_none(), "the content hash differs");
    // A touched file with the same bytes is a new modification time: parsed again too.
    fs::write(&path, &text).unwrap();
    assert!(cache.load(&path).is_none());
}

#[test]
fn corrupt_or_truncated_copies_are_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    fs::write(&path, store_text(300)).unwrap();
    let cache = Cache::new(dir.path().join("cache"));
    save(&cache, &path);
    let copy = cache.file_for(&path);
    let bytes = fs::read(&copy).unwrap();
    for cut in [0, 5, 40, bytes.len() / 2, bytes.len() - 1] {
        fs::write(&copy, &bytes[..cut]).unwrap();
        assert!(cache.load(&path).is_none(), "cut at {cut}");
    }
    for at in [12, 60, bytes.len() / 3, bytes.len() - 3] {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0x20;
        fs::write(&copy, &flipped).unwrap();
        assert!(cache.load(&path).is_none(), "byte {at} flipped");
    }
    fs::write(&copy, &bytes).unwrap();
    assert!(cache.load(&path).is_some());
}

#[test]
fn the_binary_caches_big_stores_in_the_xdg_cache_dir_and_rebuilds_bad_copies() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    fs::write(&path, store_text(4_500)).unwrap();
    let xdg = dir.path().join("xdg");
    let list = || {
        let out = Command::cargo_bin("evex")
            .unwrap()
            .env("XDG_CACHE_HOME", &xdg)
            .args(["list", "-f", "csv", "-q", "treaty @beta 1995..1999"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let parsed = list();
    assert_eq!(parsed.lines().count(), 1 + 150, "a header and 150 events");
    let cache = Cache::new(xdg.join("evex"));
    let copy = cache.file_for(&path);
    assert!(copy.exists(), "the copy is in $XDG_CACHE_HOME/evex");
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        2,
        "nothing beside the store"
    );
    assert!(cache.load(&path).is_some());
    assert_eq!(list(), parsed, "read from the copy");
    fs::write(&copy, b"evexcache\nnot a store").unwrap();
    assert_eq!(list(), parsed, "a corrupt copy is ignored");
    assert!(cache.load(&path).is_some(), "and written again");
}
