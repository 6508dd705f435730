//! Keystroke-to-results latency at 1M synthetic events: each query as the explorer runs it
//! (matches in timeline order plus the sidebar's counts), from a fresh search, and typing a
//! word one letter at a time as the explorer does. Each result includes the histogram counts,
//! as the search thread sends them.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use evex::actors::ActorNames;
use evex::filter::{self, Filter, Search};
use evex::histogram::{Counts, Dates, SparkSpec, Tally};
use evex::index::Index;
use evex::query::Query;
use evex::related;
use evex::store::{self, Store};

#[path = "support/synthetic.rs"]
mod synthetic;

/// The allocator the binary uses, so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const EVENTS: usize = 1_000_000;

fn filter(text: &str) -> Filter {
    Filter {
        query: Query::parse(text),
        ..Filter::default()
    }
}

/// The queries of the issue, with words and actors that exist in the synthetic store.
fn queries(store: &Store) -> Vec<(&'static str, String)> {
    let actor = store.actors[0].short_name().to_lowercase();
    vec![
        ("empty", String::new()),
        ("one actor", format!("@{actor}")),
        ("a year", "2012".into()),
        ("a year range", "2010..2013".into()),
        ("one word", "treaty".into()),
        ("a rare word", "zhkirba".into()),
        ("prefix b", "b".into()),
        ("prefix ba", "ba".into()),
        ("prefix bak", "bak".into()),
        ("three words", "oil pipeline sanctions".into()),
        ("a phrase", "\"the border\"".into()),
        ("combined", format!("@{actor} 2000..2015 treaty")),
        ("exclude a word", "-treaty".into()),
        ("word minus word", "oil -treaty".into()),
        ("either word", "oil | treaty".into()),
        ("kind scope", "kind:law".into()),
        ("kind scope and word", "kind:law treaty".into()),
        ("tag scope and year", "2012 tag:a".into()),
    ]
}

fn query(c: &mut Criterion) {
    let text = synthetic::store_text(EVENTS, 7);
    let store = store::parse(&text).unwrap().store;
    drop(text);
    let index = Index::new(&store);
    let mut group = c.benchmark_group("query 1M");
    // The search thread reads every event's date for the histogram once; each query then
    // counts its matches per bucket with the rest of its results.
    let mut search = Search::default();
    search.run(&store, &index, &Filter::default());
    for (name, q) in queries(&store) {
        let f = filter(&q);
        group.bench_with_input(BenchmarkId::new(name, &q), &f, |b, f| {
            b.iter(|| {
                search.forget();
                black_box(search.run(&store, &index, f))
            })
        });
    }
    let every: Vec<usize> = (0..store.events.len()).collect();
    group.bench_function("histogram dates, once per store", |b| {
        b.iter(|| black_box(Dates::new(&store)))
    });
    let dates = Dates::new(&store);
    group.bench_function("histogram of every event", |b| {
        b.iter(|| black_box(Counts::new(&dates, &every)))
    });
    // Typing "bakiyev": each keystroke after the first narrows the last result.
    group.bench_function("typing bakiyev, per keystroke", |b| {
        let steps: Vec<Filter> = (1..="bakiyev".len())
            .map(|n| filter(&"bakiyev"[..n]))
            .collect();
        b.iter(|| {
            search.forget();
            for f in &steps {
                black_box(search.run(&store, &index, f));
            }
        })
    });
    group.finish();
    sparks_and_connections(c, &store, &index);
    find_mode(c, &store, &index);
}

/// Find mode at 1M: what the search thread does per keystroke (the same timeline of every
/// event sent back, the matches' positions in it), what `n` and the header's `match 3/16`
/// cost on the UI thread, and "did you mean" after Enter on a word no event has.
fn find_mode(c: &mut Criterion, store: &Store, index: &Index) {
    let mut group = c.benchmark_group("find 1M");
    let finding = |text: &str| Filter {
        find: true,
        ..filter(text)
    };
    let mut search = Search::default();
    search.run(store, index, &finding(""));
    group.bench_function("typing bakiyev, per keystroke", |b| {
        let steps: Vec<Filter> = (1..="bakiyev".len())
            .map(|n| finding(&"bakiyev"[..n]))
            .collect();
        b.iter(|| {
            search.forget();
            for f in &steps {
                black_box(search.run(store, index, f));
            }
        })
    });
    let treaty = finding("treaty");
    group.bench_function("treaty", |b| {
        b.iter(|| {
            search.forget();
            black_box(search.run(store, index, &treaty))
        })
    });
    let found = search
        .run(store, index, &finding("b"))
        .found
        .unwrap_or_default();
    group.bench_function(
        format!("n and the header among {} matches", found.len()),
        |b| {
            let mut at = 0;
            b.iter(|| {
                let (next, _) = filter::step(&found, at, true).unwrap_or((0, true));
                at = next;
                black_box(found.binary_search(&at).is_ok())
            })
        },
    );
    let names = ActorNames::new(&store.actors);
    let typo = Query::parse("treatu");
    group.bench_function("did you mean, treatu", |b| {
        b.iter(|| black_box(evex::suggest::did_you_mean(store, index, &names, &typo)))
    });
    group.finish();
}

/// What the search thread adds to a keystroke for the sidebar's sparklines (every actor's
/// matches per cell over the histogram's range, at the 200-column layout's histogram width),
/// and what `w`, `<` and `>` cost for the busiest actor.
fn sparks_and_connections(c: &mut Criterion, store: &Store, index: &Index) {
    let mut group = c.benchmark_group("sparks 1M");
    group.sample_size(10);
    let spec = SparkSpec {
        zoom: None,
        width: 133,
    };
    let mut search = Search::default();
    for (name, q) in queries(store) {
        let f = filter(&q);
        group.bench_with_input(BenchmarkId::new(name, &q), &f, |b, f| {
            b.iter(|| {
                search.forget();
                black_box(search.run(store, index, f));
                black_box(search.sparks(store, index, spec))
            })
        });
    }
    search.run(store, index, &Filter::default());
    group.bench_function("sparklines alone, every event", |b| {
        b.iter(|| black_box(search.sparks(store, index, spec)))
    });
    // The first time a grid is seen (a new zoom, width or range), every event is counted.
    let dates = Dates::new(store);
    let every_event: Vec<usize> = (0..store.events.len()).collect();
    let counts = Counts::new(&dates, &every_event);
    let all = index.all();
    group.bench_function("sparklines afresh, every event", |b| {
        b.iter(|| black_box(Tally::default().sparks(&dates, &counts, index, &all, spec)))
    });
    let busiest = (0..store.actors.len())
        .max_by_key(|&a| index.actor_events(a).len())
        .unwrap();
    let every = index.all();
    group.bench_function("with whom: busiest actor, every event (index)", |b| {
        b.iter(|| black_box(related::co_actors(store, index, &every, &[busiest])))
    });
    let events: Vec<usize> = (0..store.events.len()).collect();
    group.bench_function(
        "with whom: busiest actor, every event (scan, before)",
        |b| b.iter(|| black_box(co_actors_by_scan(store, &events, &[busiest]))),
    );
    let middle = |actor: usize| {
        let set = index.actor_events(actor);
        set.select((set.len() / 2) as u32).unwrap() as usize
    };
    let at = middle(busiest);
    group.bench_function("related: an event of the busiest actor", |b| {
        b.iter(|| black_box(related::related(store, &events, at)))
    });
    // The slowest case: an event whose only actors are in few others, so the search for a
    // related event walks far (up to its limit) each way.
    let rarest = (0..store.actors.len())
        .filter(|&a| index.actor_events(a).len() >= 3)
        .min_by_key(|&a| index.actor_events(a).len())
        .unwrap();
    let lonely = index
        .actor_events(rarest)
        .iter()
        .map(|e| e as usize)
        .find(|&e| index.cast(e).len() == 1)
        .unwrap_or_else(|| middle(rarest));
    group.bench_function("related: an event of a rare actor", |b| {
        b.iter(|| black_box(related::related(store, &events, lonely)))
    });
    // The worst case: among matches where no other event shares its actors (a search left
    // them out), the walk goes its whole way, 200,000 matches each way.
    let alone: Vec<usize> = (0..store.events.len())
        .filter(|&e| e == lonely || !index.cast(e).iter().any(|a| index.cast(lonely).contains(a)))
        .collect();
    let at = alone.binary_search(&lonely).unwrap();
    group.bench_function("related: none within reach", |b| {
        b.iter(|| black_box(related::related(store, &alone, at)))
    });
    group.finish();
}

/// Co-actors as the UI thread counted them before: every match read for the actor.
fn co_actors_by_scan(store: &Store, events: &[usize], with: &[usize]) -> Vec<usize> {
    let mut counts = vec![0usize; store.actors.len()];
    for &e in events {
        let event = &store.events[e];
        if !event.actors.iter().any(|a| with.contains(a)) {
            continue;
        }
        for a in event.distinct_actors() {
            if !with.contains(&a) {
                counts[a] += 1;
            }
        }
    }
    counts
}

/// Actor matching over 100,000 actors: the synthetic store's names, each fifty times with
/// a distinct extra word, typed one letter at a time with a typo in it.
fn actors(c: &mut Criterion) {
    let text = synthetic::store_text(1_000, 7);
    let store = store::parse(&text).unwrap().store;
    let extra = ["alpha", "beta", "gamma", "delta", "omega"];
    let actors: Vec<_> = (0..50)
        .flat_map(|i| {
            store.actors.iter().map(move |a| {
                let mut a = a.clone();
                a.id = format!("{}-{i}", a.id);
                a.name = format!("{} {}{}", a.name, extra[i % 5], i / 5);
                a
            })
        })
        .collect();
    let names = ActorNames::new(&actors);
    let target = store.actors[0]
        .name
        .split_whitespace()
        .last()
        .unwrap_or("x")
        .to_lowercase();
    // A wrong letter in the middle, as `lukashenka` for Lukashenko.
    let mut typo: Vec<char> = target.chars().collect();
    let middle = typo.len() / 2;
    typo[middle] = if typo[middle] == 'a' { 'e' } else { 'a' };
    let typo: String = typo.into_iter().collect();
    let mut group = c.benchmark_group(format!("actors {}", actors.len()));
    group.bench_function(BenchmarkId::new("typo, per keystroke", &typo), |b| {
        let prefixes: Vec<&str> = typo
            .char_indices()
            .map(|(i, c)| &typo[..i + c.len_utf8()])
            .collect();
        b.iter(|| {
            for p in &prefixes {
                black_box(names.matching(p));
            }
        });
    });
    group.bench_function(BenchmarkId::new("whole typo", &typo), |b| {
        b.iter(|| black_box(names.matching(&typo)));
    });
    group.finish();
}

criterion_group!(benches, query, actors);
criterion_main!(benches);
