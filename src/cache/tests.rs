//! Copies from another evex, another format or another kind of machine are no copies; a copy
//! that changes on disk after it was opened is never believed; a chunked store searches as
//! the store it was made from.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use crate::filter::{self, Filter};
use crate::query::Query;
use crate::store;

/// A store of `n` events with two actors and words to search, written at `dir/store.ron`.
fn store_file(dir: &Path, n: usize) -> (PathBuf, Store, Key) {
    let events: String = (0..n)
        .map(|i| {
            format!(
                "Event(id: \"e{i}\", date: \"{}-{:02}\", title: \"Meeting {i} on {}\", kind: Diplomacy, actors: [{}], source: \"s\", quote: \"q\"),\n",
                1990 + i % 30,
                1 + i % 12,
                ["oil", "gas", "the border"][i % 3],
                ["\"a\"", "\"b\"", "\"a\", \"b\""][i % 3],
            )
        })
        .collect();
    let text = format!(
        "Store(title: \"T\", sources: [Source(id: \"s\", title: \"S\", publisher: \"P\")], actors: [Actor(id: \"a\", name: \"Alpha\", kind: Person), Actor(id: \"b\", name: \"Beta\", kind: State)], events: [\n{events}])\n"
    );
    let path = dir.join("store.ron");
    fs::write(&path, &text).unwrap();
    let store = store::parse(&text).unwrap().store;
    let key = Key::new(&fs::metadata(&path).unwrap(), text.as_bytes());
    (path, store, key)
}

fn header(key: Key) -> Header {
    Header {
        format: FORMAT,
        evex: env!("CARGO_PKG_VERSION").into(),
        machine: Machine::this(),
        key,
    }
}

#[test]
fn copies_of_another_format_evex_or_machine_are_no_copies() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store, key) = store_file(dir.path(), 3_000);
    let cache = Cache::new(dir.path().join("cache"));
    let index = Index::new(&store);
    let foreign = [
        (
            "an older format",
            Header {
                format: FORMAT - 1,
                ..header(key)
            },
        ),
        (
            "another evex",
            Header {
                evex: "0.0.1".into(),
                ..header(key)
            },
        ),
        (
            "32-bit",
            Header {
                machine: Machine::other(32, true),
                ..header(key)
            },
        ),
        (
            "big-endian",
            Header {
                machine: Machine::other(64, false),
                ..header(key)
            },
        ),
    ];
    for (what, header) in foreign {
        cache.save_with(&path, &header, &store, &index, 0).unwrap();
        assert!(cache.load(&path).is_none(), "a copy from {what} was used");
    }
    cache
        .save_with(&path, &header(key), &store, &index, 0)
        .unwrap();
    assert!(cache.load(&path).is_some(), "a genuine copy");
}

#[test]
fn a_copy_reads_its_events_a_chunk_at_a_time_and_searches_as_its_store() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store, key) = store_file(dir.path(), 3 * CHUNK + 17);
    let cache = Cache::new(dir.path().join("cache"));
    cache
        .save(&path, key, &store, &Index::new(&store), 1)
        .unwrap();
    let cached = cache.load(&path).expect("a fresh copy");
    let copy = &cached.store;
    assert!(copy.events.is_chunked());
    assert_eq!(
        format!("{:?}", copy.events),
        "Events(3089 read in 0 of 4 chunks)"
    );
    // Dates, actors and totals come without reading an event.
    assert!(copy.events.whens().eq(store.events.whens()));
    assert_eq!(copy.events.actor_totals(2), store.events.actor_totals(2));
    for e in [0, CHUNK - 1, CHUNK, 3 * CHUNK + 16] {
        let (mine, theirs): (Vec<_>, Vec<_>) = (
            copy.events.actors_of(e).collect(),
            store.events[e].distinct_actors().collect(),
        );
        assert_eq!(mine, theirs, "event {e}");
    }
    assert_eq!(
        format!("{:?}", copy.events),
        "Events(3089 read in 0 of 4 chunks)"
    );
    assert_eq!(copy.events[CHUNK + 3], store.events[CHUNK + 3]);
    assert_eq!(
        format!("{:?}", copy.events),
        "Events(3089 read in 1 of 4 chunks)"
    );
    let index = cached.index.read().expect("the index reads back");
    for typed in [
        "",
        "oil",
        "bord",
        "@alpha",
        "@beta 2001..2005",
        "-gas",
        "oil | gas",
        "kind:diplomacy 1999",
    ] {
        let filter = Filter {
            query: Query::parse(typed),
            ..Filter::default()
        };
        assert_eq!(
            filter::apply(copy, &index, &filter),
            filter::apply(&store, &Index::new(&store), &filter),
            "{typed:?}"
        );
    }
    assert_eq!(copy.events, store.events);
}

/// A store of two chunks in `dir` with its copy saved: the store's path, the store, the
/// cache, and the copy's path.
fn two_chunks_saved(dir: &Path) -> (PathBuf, Store, Cache, PathBuf) {
    let (path, store, key) = store_file(dir, 2 * CHUNK);
    let cache = Cache::new(dir.join("cache"));
    let file = cache
        .save(&path, key, &store, &Index::new(&store), 0)
        .unwrap();
    (path, store, cache, file)
}

/// Flips one byte of the last chunk of the copy at `file`, writing over it in place (the
/// same file an open copy reads).
fn flip_in_last_chunk(file: &Path) {
    let mut bytes = fs::read(file).unwrap();
    let at = bytes.len() - 40;
    bytes[at] ^= 0x01;
    fs::write(file, &bytes).unwrap();
}

#[test]
fn a_copy_changed_on_disk_after_opening_shows_unreadable_events_not_others() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store, cache, file) = two_chunks_saved(dir.path());
    let cached = cache.load(&path).expect("a fresh copy");
    flip_in_last_chunk(&file);
    let last = &cached.store.events[2 * CHUNK - 1];
    assert_eq!(last.id, format!("unreadable-{}", 2 * CHUNK - 1));
    assert!(last.title.contains("could not be read"), "{}", last.title);
    assert_eq!(last.when, store.events[2 * CHUNK - 1].when);
    // The first chunk is unchanged and reads as written.
    assert_eq!(cached.store.events[0], store.events[0]);
}

#[test]
fn a_damaged_copy_checked_later_is_found_out_and_removed_and_never_believed() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store, cache, file) = two_chunks_saved(dir.path());
    flip_in_last_chunk(&file);
    let damaged = fs::read(&file).unwrap();
    assert!(cache.load(&path).is_none(), "checked at once: no copy");
    fs::write(&file, &damaged).unwrap();
    let (cached, later) = cache
        .load_checking_later(&path, &Progress::default())
        .expect("opened, its chunks not yet checked");
    assert_eq!(
        cached.store.events[0], store.events[0],
        "a sound chunk reads"
    );
    let last = &cached.store.events[2 * CHUNK - 1];
    assert!(last.title.contains("could not be read"), "{}", last.title);
    let problem = later.run(&Progress::default()).unwrap_err();
    assert!(problem.contains("damaged"), "{problem}");
    assert!(!file.exists(), "the damaged copy is removed");
}
