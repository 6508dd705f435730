//! The indexed search engine against a naive reference: on random stores and random queries
//! (typed one character at a time, so the incremental path runs too) both must find exactly
//! the same events and the same sidebar counts.

use std::collections::BTreeSet;
use std::ops::Not;
use std::sync::Arc;

use evex::date::{Bound, PartialDate, When};
use evex::filter::{self, ActorMode, Filter, Matches, Search};
use evex::fold::fold;
use evex::histogram::{Counts, Dates};
use evex::index::Index;
use evex::query::{Query, Term};
use evex::store::{Actor, ActorKind, Event, EventKind, Extra, Source, Store};
use proptest::prelude::*;

/// The reference: every event's text joined and folded, every term checked by a scan.
fn holds(store: &Store, e: &Event, term: &Term) -> bool {
    let mut parts: Vec<&str> = e.texts().collect();
    for &a in &e.actors {
        parts.extend(store.actors[a].names());
    }
    let kind = format!("{:?}", e.kind);
    parts.push(&kind);
    let source = &store.sources[e.source];
    parts.extend([source.title.as_str(), source.publisher.as_str()]);
    parts.extend(source.author.as_deref());
    let text = parts.join("\0");
    match term {
        Term::Text {
            needle,
            case_sensitive,
        } => fold(&text, !case_sensitive).contains(needle.as_str()),
        Term::Dates(range) => e.when.overlaps(*range),
        Term::Actor(pattern) => {
            let actors = filter::matching_actors(store, pattern);
            e.actors.iter().any(|a| actors.contains(a))
        }
        Term::Kind(kinds) => kinds.contains(&e.kind),
        Term::In(field, needle) => filter::in_field(store, e, *field)
            .iter()
            .any(|t| fold(t, true).contains(needle.as_str())),
        Term::Not(inner) => !holds(store, e, inner),
        Term::Either(terms) => terms.iter().any(|t| holds(store, e, t)),
    }
}

fn reference(store: &Store, filter: &Filter) -> Matches {
    let hits = |e: &Event| filter.query.terms.iter().all(|t| holds(store, e, t));
    let selected = |e: &Event| {
        let has = |a: &usize| e.actors.contains(a);
        filter.actors.is_empty()
            || match filter.mode {
                ActorMode::Any => filter.actors.iter().any(has),
                ActorMode::All => filter.actors.iter().all(has),
            }
    };
    let mut events = Vec::new();
    let mut timeline = Vec::new();
    let mut found = Vec::new();
    let mut facets = vec![0; store.actors.len()];
    for (i, e) in store.events.iter().enumerate() {
        // Find mode's timeline keeps every event the actors let through, the matches marked.
        if selected(e) {
            if hits(e) {
                found.push(timeline.len());
            }
            timeline.push(i);
        }
        if !hits(e) {
            continue;
        }
        if selected(e) || filter.mode == ActorMode::Any {
            for &a in e.actors.iter().collect::<BTreeSet<_>>() {
                facets[a] += 1;
            }
        }
        if selected(e) {
            events.push(i);
        }
    }
    // The histogram is the pure count of the matches (checked against its own reference),
    // in find mode too.
    let counts = Counts::new(&Dates::new(store), &events);
    let finding = filter.query.terms.is_empty().not().then_some(found);
    let (events, found) = if filter.find {
        (timeline, finding)
    } else {
        (events, None)
    };
    Matches {
        events: Arc::new(events),
        found,
        facets,
        counts,
    }
}

/// Words with the cases that trip up lower-casing and word splitting.
const WORDS: &[&str] = &[
    "bakiyev",
    "Bakiyev",
    "BAKIEV",
    "ba",
    "minsk",
    "Minsk",
    "tractor",
    "tractors",
    "kyrgyz",
    "Kyrgyzstan",
    "ruble",
    "“foreign",
    "agents”",
    "U.S.",
    "co-op",
    "2012",
    "1998",
    "ΟΔΟΣ",
    "Σ",
    "İstanbul",
    "straße",
    "café",
    "naïve",
    "x",
    "x2",
    "–",
    "Lukashenko’s",
    "Lukashenko's",
    "Péter",
    "peter",
    "Spa\u{308}rck",
    "\u{212A}elvin",
    "ẞ",
    "e\u{301}",
    "\u{a0}",
    "`",
    "—",
    "",
    "a",
];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(WORDS), 0..8).prop_map(|w| w.join(" "))
}

fn day() -> impl Strategy<Value = PartialDate> {
    (
        1995i32..2016,
        proptest::option::of((1u8..=12, proptest::option::of(1u8..=28))),
    )
        .prop_map(|(year, md)| PartialDate {
            year,
            month: md.map(|(m, _)| m),
            day: md.and_then(|(_, d)| d),
        })
}

fn when() -> impl Strategy<Value = When> {
    let bound = prop_oneof![
        Just(None),
        Just(Some(Bound::Before)),
        Just(Some(Bound::After))
    ];
    (day(), proptest::option::of(0i32..6), any::<bool>(), bound).prop_map(
        |(date, span, circa, bound)| match bound {
            // Bounded dates have neither an end nor circa (the store refuses both).
            Some(_) => When {
                bound,
                ..When::on(date)
            },
            None => {
                let end = span.map(|years| PartialDate::year(date.year + years));
                When {
                    date,
                    end,
                    circa,
                    bound,
                }
            }
        },
    )
}

prop_compose! {
    fn event(actors: usize)(when in when(), title in text(), quote in text(), place in proptest::option::of(text()),
                            tags in proptest::collection::vec(text(), 0..2),
                            cast in proptest::collection::vec(0..actors, 0..4), kind in 0usize..8) -> Event {
        Event { id: String::new(), when, title, kind: EventKind::ALL[kind], actors: cast, place, source: 0, quote: Some(quote), tags,
                notes: None, category: None, extra: Extra::default() }
    }
}

prop_compose! {
    fn store()(names in proptest::collection::vec((text(), proptest::option::of(text())), 1..6))
              (events in proptest::collection::vec(event(names.len()), 0..40), names in Just(names)) -> Store {
        let actors = names.into_iter().enumerate().map(|(i, (name, alias))| Actor {
            id: format!("a{i}"), name, short: None, kind: ActorKind::Person,
            aliases: alias.into_iter().collect(), role: None,
        }).collect();
        let mut events = events;
        events.sort_by(|a, b| a.when.timeline_cmp(&b.when));
        Store {
            title: "random".into(),
            sources: vec![Source { id: "s".into(), title: "Spärck’s notes".into(), publisher: "Publisher".into(), author: Some("Péter".into()), published: None, url: None, text: None }],
            actors,
            events: events.into(),
        }
    }
}

/// Query text: words, parts of words, phrases, actors, dates and ranges.
fn query() -> impl Strategy<Value = String> {
    let term = prop_oneof![
        proptest::sample::select(WORDS).prop_map(str::to_owned),
        proptest::sample::select(WORDS).prop_map(|w| w.chars().skip(1).take(3).collect()),
        text().prop_map(|t| format!("\"{t}\"")),
        proptest::sample::select(WORDS).prop_map(|w| format!("@{w}")),
        (1995i32..2016).prop_map(|y| y.to_string()),
        (1995i32..2016, 1u8..=12).prop_map(|(y, m)| format!("{y}-{m:02}")),
        (1995i32..2016, 0i32..4).prop_map(|(y, n)| format!("{y}..{}", y + n)),
        (1995i32..2016).prop_map(|y| format!("..{y}")),
        (1995i32..2016).prop_map(|y| format!("year:{y}..")),
        proptest::sample::select(WORDS).prop_map(|w| format!("-{w}")),
        proptest::sample::select(WORDS).prop_map(|w| format!("!{w}")),
        Just("|".to_owned()),
        proptest::sample::select(vec![
            "kind:law",
            "kind:d",
            "source:s",
            "source:pub",
            "tag:minsk",
            "place:ba",
            "actor:bakiev",
            "law",
            "publisher"
        ])
        .prop_map(str::to_owned),
    ];
    proptest::collection::vec(term, 0..4).prop_map(|t| t.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn indexed_search_finds_what_a_scan_finds(
        store in store(),
        typed in query(),
        picked in proptest::collection::btree_set(0usize..6, 0..3),
        all in any::<bool>(),
        find in any::<bool>(),
        scan_limit in prop_oneof![Just(0u64), Just(5), Just(1_000)],
    ) {
        let index = Index::new(&store);
        let mode = if all { ActorMode::All } else { ActorMode::Any };
        let actors = picked.into_iter().filter(|&a| a < store.actors.len()).collect();
        // One search typed a character at a time, as the explorer runs it.
        let mut search = Search::with_scan_limit(scan_limit);
        let ends = typed.char_indices().map(|(i, c)| i + c.len_utf8());
        for end in ends.chain([typed.len()]) {
            let filter = Filter { query: Query::parse(&typed[..end]), actors: BTreeSet::clone(&actors), mode, only: None, find };
            let expected = reference(&store, &filter);
            prop_assert_eq!(search.run(&store, &index, &filter), expected, "query {:?}", &typed[..end]);
        }
    }
}

/// Issue 11: lower-case forms of another byte length (İ, the Kelvin sign) shifted match
/// positions, and the detail view sliced its title mid-character.
#[test]
fn highlighting_next_to_chars_that_change_length_marks_the_match() {
    use evex::ui::detail::highlight;
    use ratatui::style::Style;
    let mark = Style::new().bold();
    for title in [
        "İİminsk\u{212A}",
        "\u{2126}\u{212B}ẞ Minsk İ",
        "Ǻ\u{212A}minsk",
    ] {
        let spans = highlight(title, &Query::parse("minsk"), Style::new(), mark);
        let marked: Vec<&str> = spans
            .iter()
            .filter(|s| s.style == mark)
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(
            marked,
            ["minsk"].map(|m| if title.contains("Minsk") { "Minsk" } else { m })
        );
    }
}
