//! Placing and printing many problems, as `evex validate` does: 5,000 to 20,000 bad dates
//! and 12,500 to 50,000 unused actors. Placement is one pass over the text, so each size
//! should take about twice the time of the one before.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use evex::store::{self, Lines};

/// The allocator the binary uses, so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A store with `bad_dates` events dated in month 13 (or one good event) and `unused` actors
/// that no event names.
fn store_text(bad_dates: usize, unused: usize) -> String {
    let mut text = String::from(
        "#![enable(implicit_some)]\nStore(\n    title: \"Many problems\",\n    sources: [\n        \
         Source(id: \"article\", title: \"An Article\", publisher: \"P\", author: \"A\", \
         published: \"2015-06\", url: \"https://e.org\", text: \"the minister met the deputy\"),\n    \
         ],\n    actors: [\n        Actor(id: \"minister\", name: \"The Minister\", kind: Person),\n",
    );
    for i in 0..unused {
        let _ = writeln!(
            text,
            "        Actor(id: \"idle{i}\", name: \"Idle {i}\", kind: Person),"
        );
    }
    text.push_str("    ],\n    events: [\n");
    let date = if bad_dates > 0 {
        "2015-13-40"
    } else {
        "2015-06-26"
    };
    for i in 0..bad_dates.max(1) {
        let _ = writeln!(
            text,
            "        Event(id: \"e{i}\", date: \"{date}\", title: \"Meeting {i}\", kind: Diplomacy, \
             actors: [\"minister\"], source: \"article\", quote: \"the minister met the deputy\"),"
        );
    }
    text.push_str("    ],\n)\n");
    text
}

/// Checks the store and writes every problem as `evex validate` prints it.
fn validate(text: &str) -> String {
    let problems = match store::parse(text) {
        Ok(loaded) => loaded.warnings,
        Err(e) => e.diagnostics().to_vec(),
    };
    let lines = Lines::new(text);
    let mut out = String::new();
    for d in &problems {
        let _ = writeln!(out, "{}\n", d.in_file("store.ron", &lines));
    }
    out
}

fn diagnostics(c: &mut Criterion) {
    let mut group = c.benchmark_group("validate");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    for n in [5_000, 10_000, 20_000] {
        let text = store_text(n, 0);
        assert_eq!(validate(&text).matches("has month 13").count(), n);
        group.bench_function(format!("bad dates/{n}"), |b| {
            b.iter(|| black_box(validate(&text)))
        });
    }
    for n in [12_500, 25_000, 50_000] {
        let text = store_text(0, n);
        assert_eq!(validate(&text).matches("is in no event").count(), n);
        group.bench_function(format!("unused actors/{n}"), |b| {
            b.iter(|| black_box(validate(&text)))
        });
    }
    group.finish();
}

criterion_group!(benches, diagnostics);
criterion_main!(benches);
