//! For random stores: `list -f json` opened again gives the same events, and importing that
//! JSON writes a RON store that validates with no problems and lists the same events.

use evex::report;
use evex::store::formats::{self, Format, Options};
use evex::store::{self, Actor, ActorKind, EventEntry, EventKind, Extra, Source, Store, StoreFile};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    "[A-Za-zé’][A-Za-z0-9 ,;:\"'’–é]{0,12}"
}

fn date() -> impl Strategy<Value = String> {
    (
        1900..2030i32,
        proptest::option::of((1..=12u8, proptest::option::of(1..=28u8))),
    )
        .prop_map(|(year, rest)| match rest {
            None => format!("{year}"),
            Some((month, None)) => format!("{year}-{month:02}"),
            Some((month, Some(day))) => format!("{year}-{month:02}-{day:02}"),
        })
}

prop_compose! {
    fn entry(actors: usize, sources: usize)(
        date in date(), span in proptest::option::of(1..5i32), circa in any::<bool>(),
        title in text(), kind in proptest::sample::select(EventKind::ALL.to_vec()),
        cast in proptest::collection::vec(0..actors.max(1), 0..3), place in proptest::option::of(text()),
        source in 0..sources, quote in proptest::option::of(text()),
        tags in proptest::collection::vec(text(), 0..2), notes in proptest::option::of(text()),
        category in proptest::option::of(text()),
        extra in proptest::collection::vec((text(), text()), 0..3),
    ) -> EventEntry {
        let year: i32 = date[..4].parse().unwrap();
        EventEntry {
            id: String::new(),
            end: span.map(|s| format!("{}", year + s)),
            date,
            circa,
            title,
            kind,
            actors: if actors == 0 { Vec::new() } else { cast.iter().map(|a| format!("a{a}")).collect() },
            place,
            source: format!("s{source}"),
            quote: quote.unwrap_or_default(),
            tags,
            notes,
            category,
            // Names are distinct: a JSON object cannot hold one name twice.
            extra: extra
                .into_iter()
                .enumerate()
                .map(|(i, (name, value))| (format!("{name}{i}"), value))
                .collect::<Extra>(),
        }
    }
}

prop_compose! {
    fn store_file()(actors in 0..4usize, sources in 1..3usize)(
        names in proptest::collection::vec(text(), actors),
        titles in proptest::collection::vec((text(), proptest::option::of(text())), sources),
        events in proptest::collection::vec(entry(actors, sources), 0..8),
    ) -> StoreFile {
        StoreFile {
            title: "random".into(),
            require_quotes: false,
            sources: titles.into_iter().enumerate().map(|(i, (title, url))| Source {
                id: format!("s{i}"), publisher: title.clone(), title, author: None, published: None, url, text: None,
            }).collect(),
            actors: names.into_iter().enumerate().map(|(i, name)| Actor {
                id: format!("a{i}"), name, short: None, kind: ActorKind::Person, aliases: Vec::new(), role: None,
            }).collect(),
            events: events.into_iter().enumerate().map(|(i, e)| EventEntry { id: format!("e{i}"), ..e }).collect(),
        }
    }
}

fn json(store: &Store) -> String {
    let all: Vec<usize> = (0..store.events.len()).collect();
    let mut out = Vec::new();
    report::json(&mut out, store, &all).unwrap();
    String::from_utf8(out).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn list_json_opens_again_as_the_same_events_and_imports_clean(file in store_file()) {
        let loaded = store::check(file).unwrap();
        let exported = json(&loaded.store);
        let options = Options { format: Some(Format::Evex), ..Options::default() };
        let imported = formats::read(exported.as_bytes(), "events.json", &options).unwrap();
        let mut ron = Vec::new();
        imported.store.to_file().write_ron(&mut ron, "round trip").unwrap();
        let reopened = imported.into_loaded();
        prop_assert_eq!(&json(&reopened.store), &exported);
        let parsed = store::parse(std::str::from_utf8(&ron).unwrap()).unwrap();
        prop_assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        prop_assert_eq!(&json(&parsed.store), &exported);
    }
}
