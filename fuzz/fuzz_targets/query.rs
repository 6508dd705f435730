//! Any text as a search on the bundled store: parsing and evaluation never panic.
#![no_main]

use std::sync::OnceLock;

use evex::filter::{self, Filter};
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
    let query = Query::parse(&text);
    let matches = filter::apply(store, index, &Filter { query, ..Filter::default() });
    assert!(matches.events.len() <= store.events.len());
});
