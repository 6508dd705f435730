//! Opening a store: parsing its RON (with ron alone, and in pieces on every core), checking
//! it and building the index, at 10k, 100k and 1M synthetic events; and reading the same
//! store back from the cache. Freeing what was built is left out of the times, as evex keeps
//! it.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use evex::cache::{Cache, Key};
use evex::index::Index;
use evex::progress::Progress;
use evex::store::formats::{self, Options};
use evex::store::{self, StoreFile, Warnings, chunked};

#[path = "support/synthetic.rs"]
mod synthetic;

#[path = "support/datasets.rs"]
mod datasets;

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
        // The same parse, the events list cut into pieces parsed by ron on every core.
        group.bench_function(format!("ron parse in pieces/{n}"), |b| {
            b.iter_with_large_drop(|| {
                black_box(
                    chunked::parse(&text, chunked::PIECE_BYTES, &Progress::default()).unwrap(),
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

/// Opening a 1M-row ACLED-like CSV and a 1M-row GDELT 2.0-like file: reading, mapping and
/// checking them against the csv crate's bare read of the same file, and the cached re-open.
fn datasets(c: &mut Criterion) {
    let mut group = c.benchmark_group("datasets");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    let n = std::env::var("EVEX_BENCH_ROWS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let dir = tempfile::tempdir().unwrap();
    for (name, shape, delimiter) in [
        ("acled", datasets::Shape::Acled, b','),
        ("gdelt", datasets::Shape::Gdelt, b'\t'),
    ] {
        let path = dir.path().join(format!("{name}.csv"));
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        datasets::write(&mut out, shape, n, 7).unwrap();
        drop(out);
        let open =
            || std::io::BufReader::with_capacity(1 << 16, std::fs::File::open(&path).unwrap());
        group.bench_function(format!("{name} csv crate bare read/{n}"), |b| {
            b.iter(|| {
                let mut reader = csv::ReaderBuilder::new()
                    .delimiter(delimiter)
                    .has_headers(shape == datasets::Shape::Acled)
                    .quoting(delimiter != b'\t')
                    .flexible(true)
                    .from_reader(open());
                let mut record = csv::StringRecord::new();
                let mut rows = 0;
                while reader.read_record(&mut record).unwrap() {
                    rows += 1;
                }
                black_box(rows)
            })
        });
        // As the binary reads a file: knowing its size.
        let options = Options {
            bytes: Some(std::fs::metadata(&path).unwrap().len()),
            ..Options::default()
        };
        group.bench_function(format!("{name} read, map and check/{n}"), |b| {
            b.iter_with_large_drop(|| black_box(formats::read(open(), name, &options).unwrap()))
        });
        let imported = formats::read(open(), name, &options).unwrap();
        let store = imported.store;
        let cache = Cache::new(dir.path().join("cache"));
        let bytes = std::fs::read(&path).unwrap();
        let key = Key::new(&std::fs::metadata(&path).unwrap(), &bytes);
        drop(bytes);
        cache
            .save(&path, key, &store, &Index::new(&store), 0)
            .unwrap();
        drop(store);
        group.bench_function(format!("{name} from the cache/{n}"), |b| {
            b.iter_with_large_drop(|| black_box(cache.load(&path).expect("a fresh copy")))
        });
    }
    group.finish();
}

criterion_group!(benches, load, datasets);
criterion_main!(benches);
