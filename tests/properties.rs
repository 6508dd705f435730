//! Random input for the parsers and the validator: never a panic, and every problem is placed
//! inside the input.

use std::sync::LazyLock;

use evex::date::PartialDate;
use evex::filter::{self, Filter};
use evex::index::Index;
use evex::query::Query;
use evex::store::{self, LoadError, Position, Store};
use proptest::prelude::*;

/// Whether a diagnostic's position is a place in `text` (a column may point just past a line).
fn inside(text: &str, position: Position) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    position.line >= 1
        && lines
            .get(position.line - 1)
            .is_some_and(|line| position.col >= 1 && position.col <= line.chars().count() + 1)
}

fn check_positions(text: &str) {
    match store::parse(text) {
        Ok(_) => {}
        Err(LoadError::Syntax(d)) => {
            let p = d.position.expect("syntax errors have a position");
            assert!(inside(text, p), "{p:?} outside {text:?}");
        }
        Err(LoadError::Invalid(all)) => {
            for d in all {
                let p = d
                    .position
                    .unwrap_or_else(|| panic!("no position for {}", d.message));
                assert!(inside(text, p), "{p:?} outside the input for {}", d.message);
            }
        }
    }
}

static BUNDLED: LazyLock<(Store, Index)> = LazyLock::new(|| {
    let store = Store::bundled();
    let index = Index::new(&store);
    (store, index)
});

fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("a".to_owned()),
        Just("b".to_owned()),
        Just("c".to_owned()),
        "[a-z]{1,6}",
        ".{0,4}"
    ]
}

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{4}",
        "[0-9]{4}-[0-9]{2}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        ".{0,12}"
    ]
}

prop_compose! {
    fn event()(id in id(), date in date(), end in proptest::option::of(date()), title in ".{0,20}",
               actors in proptest::collection::vec(id(), 0..4), source in id(), quote in ".{0,20}") -> String {
        let end = end.map(|e| format!("end: {e:?},")).unwrap_or_default();
        format!("Event(id: {id:?}, date: {date:?}, {end} title: {title:?}, kind: Law, actors: {actors:?}, source: {source:?}, quote: {quote:?}),\n")
    }
}

prop_compose! {
    fn random_store()(sources in proptest::collection::vec((id(), ".{0,30}"), 0..3),
                      actors in proptest::collection::vec((id(), ".{0,10}"), 0..4),
                      events in proptest::collection::vec(event(), 0..5)) -> String {
        let sources: String = sources.iter().map(|(id, text)| format!("Source(id: {id:?}, title: \"t\", publisher: \"p\", text: {text:?}),\n")).collect();
        let actors: String = actors.iter().map(|(id, name)| format!("Actor(id: {id:?}, name: {name:?}, kind: Person),\n")).collect();
        format!("#![enable(implicit_some)]\nStore(\n title: \"r\",\n sources: [\n{sources}],\n actors: [\n{actors}],\n events: [\n{}],\n)\n", events.concat())
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    #[test]
    fn queries_parse_and_run_on_the_bundled_store(text in "\\PC{0,40}|[@\"0-9.\\- a-z]{0,30}") {
        let (store, index) = &*BUNDLED;
        let matches = filter::apply(store, index, &Filter { query: Query::parse(&text), ..Filter::default() });
        prop_assert!(matches.events.len() <= store.events.len());
    }

    #[test]
    fn dates_parse_or_explain_and_print_back_as_written(text in "\\PC{0,12}|[0-9]{4}(-[0-9]{2}){0,2}") {
        match text.parse::<PartialDate>() {
            Ok(date) => {
                prop_assert_eq!(date.to_string(), text);
                prop_assert!(date.first_day() <= date.last_day());
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn random_stores_place_every_problem_inside_the_input(text in random_store()) {
        check_positions(&text);
    }

    #[test]
    fn random_text_never_panics_the_loader(text in "\\PC{0,200}") {
        check_positions(&text);
    }

    #[test]
    fn damaged_copies_of_a_valid_store_are_placed_inside_the_input(cut in 0usize..1_200, insert in "\\PC{0,3}") {
        let tiny = std::fs::read_to_string("tests/fixtures/valid/tiny.ron").unwrap();
        let at = tiny.char_indices().map(|(i, _)| i).nth(cut % tiny.chars().count()).unwrap();
        check_positions(&format!("{}{insert}{}", &tiny[..at], &tiny[at..]));
        check_positions(&tiny[..at]);
    }
}
