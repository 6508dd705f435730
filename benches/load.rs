//! Opening a store: parsing its RON, checking it and building the index, at 10k, 100k and
//! 1M synthetic events; and reading the same store back from the cache. Freeing what was
//! built is left out of the times, as evex keeps it.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use evex::cache::{Cache, Key};
use evex::index::Index;
use evex::store::{self, StoreFile, Warnings};

#[path = "support/synthetic.rs"]
mod synthetic;

/// The allocator the binary uses, so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for n in [10_000, 100_000, 1_000_000] {
        let text = synthetic::store_text(n, 7);
        group.bench_function(format!("ron parse only/{n}"), |b| {
            b.iter_with_large_drop(|| {
                black_box(
                    ron::Options::default()
                        .from_str::<StoreFile>(&text)
                        .unwrap(),
                )
            })
        });
        // As the explorer loads: warnings counted, not placed in the text.
        group.bench_function(format!("parse and check/{n}"), |b| {
            b.iter_with_large_drop(|| {
                black_box(store::parse_with(&text, Warnings::Counted).unwrap())
            })
        });
        let store = store::parse(&text).unwrap().store;
        group.bench_function(format!("index/{n}"), |b| {
            b.iter_with_large_drop(|| black_box(Index::new(&store)))
        });
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.ron");
        std::fs::write(&path, &text).unwrap();
        let cache = Cache::new(dir.path().join("cache"));
        let key = Key::new(&std::fs::metadata(&path).unwrap(), text.as_bytes());
        cache
            .save(&path, key, &store, &Index::new(&store), 0)
            .unwrap();
        group.bench_function(format!("from the cache/{n}"), |b| {
            b.iter_with_large_drop(|| black_box(cache.load(&path).expect("a fresh copy")))
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
