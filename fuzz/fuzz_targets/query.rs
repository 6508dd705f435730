//! Any text as a search on the bundled store: parsing and evaluation never panic, and the
//! word index finds exactly what checking every event's text finds.
#![no_main]

use std::sync::OnceLock;

use evex::filter::{Filter, Search};
use evex::index::Index;
use evex::query::Query;
use evex::store::Store;
use libfuzzer_sys::fuzz_target;

fn bundled() -> &'static (Store, Index) {
    static STORE: OnceLock<(Store, Index)> = OnceLock::new();
    STORE.get_or_init(|| {
        let store = Store::bundled();
        let index = Index::new(&store);
        (store, index)
    })
}

fuzz_target!(|data: &[u8]| {
    let (store, index) = bundled();
    let text = String::from_utf8_lossy(data);
    let filter = Filter {
        query: Query::parse(&text),
        ..Filter::default()
    };
    // The bundled store is small enough that the default search reads every event's text;
    // a scan limit of 0 sends every word through the index instead.
    let scanned = Search::with_scan_limit(u64::MAX).run(store, index, &filter);
    let indexed = Search::with_scan_limit(0).run(store, index, &filter);
    assert!(scanned.events.len() <= store.events.len());
    assert_eq!(indexed, scanned, "{text:?}");
});
