//! Any text as a search on the bundled store: parsing and evaluation never panic, and the
//! word index finds exactly what checking every event's text finds.
//!
//! Bytes below 0x20 stand for pieces of the query syntax (operators, scopes, ranges, words
//! of the store, letters that fold), so the fuzzer composes them rather than waiting to
//! type `source:` by chance; every other byte is text as it comes. Each query is also typed
//! a character at a time through one search (the explorer's incremental path), in find mode
//! as well as filtering.
#![no_main]

use std::sync::OnceLock;

use evex::filter::{Filter, Search};
use evex::index::Index;
use evex::query::Query;
use evex::store::Store;
use libfuzzer_sys::fuzz_target;

/// The syntax and words a control byte stands for.
const PIECES: [&str; 32] = [
    " ",
    "-",
    "!",
    " | ",
    "kind:",
    "source:",
    "tag:",
    "place:",
    "actor:",
    "year:",
    "@",
    "..",
    "\"",
    "2010",
    "2012-08",
    "1998..2013",
    "law",
    "diplomacy",
    "Diplomat",
    "Ramani",
    "minsk",
    "bakiyev",
    "lukashenka",
    "extradition",
    "Belarus's",
    "Belarus’s",
    "“",
    "–",
    "Péter",
    "SPÄRCK",
    "ı",
    "ﬁ",
];

fn bundled() -> &'static (Store, Index) {
    static STORE: OnceLock<(Store, Index)> = OnceLock::new();
    STORE.get_or_init(|| {
        let store = Store::bundled();
        let index = Index::new(&store);
        (store, index)
    })
}

/// The query the bytes spell: control bytes as pieces, the rest as (lossy) UTF-8.
fn spelled(data: &[u8]) -> String {
    let mut text = String::new();
    for run in data.split_inclusive(|&b| b < 0x20) {
        let (last, rest) = match run.split_last() {
            Some((&b, rest)) if b < 0x20 => (Some(b), rest),
            _ => (None, run),
        };
        text += &String::from_utf8_lossy(rest);
        if let Some(b) = last {
            text += PIECES[usize::from(b)];
        }
    }
    text
}

fn filter(text: &str, find: bool) -> Filter {
    Filter {
        query: Query::parse(text),
        find,
        ..Filter::default()
    }
}

fuzz_target!(|data: &[u8]| {
    let (store, index) = bundled();
    let text = spelled(data);
    let whole = filter(&text, false);
    // The bundled store is small enough that the default search reads every event's text;
    // a scan limit of 0 sends every word through the index instead.
    let scanned = Search::with_scan_limit(u64::MAX).run(store, index, &whole);
    let indexed = Search::with_scan_limit(0).run(store, index, &whole);
    assert!(scanned.events.len() <= store.events.len());
    assert_eq!(indexed, scanned, "{text:?}");

    // Typed a character at a time, each prefix narrowing the last one's matches.
    let mut typing = Search::with_scan_limit(0);
    let ends = text.char_indices().map(|(i, c)| i + c.len_utf8());
    for end in ends.take(64) {
        typing.run(store, index, &filter(&text[..end], false));
    }
    assert_eq!(typing.run(store, index, &whole), scanned, "typed {text:?}");

    // Finding marks the same events among all of them.
    let found = typing.run(store, index, &filter(&text, true));
    assert_eq!(found.events.len(), store.events.len());
    assert_eq!(found.counts, scanned.counts);
    match &found.found {
        Some(positions) => {
            let events: Vec<usize> = positions.iter().map(|&p| found.events[p]).collect();
            assert_eq!(&events, scanned.events.as_ref(), "found {text:?}");
        }
        None => assert!(whole.query.terms.is_empty(), "{text:?}"),
    }
});
