//! Filtering a store: a pure function from (store, index, filter) to the matching events and
//! the sidebar's live actor counts.

use std::collections::BTreeSet;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::index::Index;
use crate::query::{Query, Term};
use crate::store::{ActorId, Event, Store};

/// How selected actors combine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ActorMode {
    /// Events with at least one selected actor.
    #[default]
    Any,
    /// Events with every selected actor.
    All,
}

/// Everything that narrows the timeline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub query: Query,
    pub actors: BTreeSet<ActorId>,
    pub mode: ActorMode,
}

/// The events that match, in timeline order, and per actor how many of them it is in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    pub events: Vec<usize>,
    /// Per actor: matching events it is in. In `Any` mode the actor selection is left out, so
    /// the count says what selecting that actor would add.
    pub facets: Vec<usize>,
}

/// Actors whose name or an alias matches `pattern`: an exact id or name (ignoring case)
/// picks that actor alone; otherwise fuzzy matches scoring at least 80% of the best one, so
/// `@bakiev` finds both Bakiyevs but not the scattered b-a-k-i-e-v of "Kubanychbek Omuraliev".
pub fn matching_actors(store: &Store, index: &Index, pattern: &str) -> Vec<ActorId> {
    if let Some(exact) = store.actors.iter().position(|a| {
        a.id.eq_ignore_ascii_case(pattern) || a.name.to_lowercase() == pattern.to_lowercase()
    }) {
        return vec![exact];
    }
    let matcher = SkimMatcherV2::default().smart_case();
    let scores: Vec<Option<i64>> = index
        .actor_names
        .iter()
        .map(|names| {
            names
                .iter()
                .filter_map(|n| matcher.fuzzy_match(n, pattern))
                .max()
        })
        .collect();
    let best = scores.iter().flatten().copied().max().unwrap_or(0);
    (0..scores.len())
        .filter(|&a| scores[a].is_some_and(|s| s * 5 >= best * 4))
        .collect()
}

/// Applies `filter` to every event.
pub fn apply(store: &Store, index: &Index, filter: &Filter) -> Matches {
    let resolved = Resolved::new(store, index, &filter.query);
    let mut matches = Matches {
        events: Vec::new(),
        facets: vec![0; store.actors.len()],
    };
    for (i, event) in store.events.iter().enumerate() {
        if !resolved.matches(index, i, event) {
            continue;
        }
        let selected = selection_matches(event, filter);
        if selected || filter.mode == ActorMode::Any {
            for &a in &event.actors {
                matches.facets[a] += 1;
            }
        }
        if selected {
            matches.events.push(i);
        }
    }
    matches
}

fn selection_matches(event: &Event, filter: &Filter) -> bool {
    if filter.actors.is_empty() {
        return true;
    }
    let has = |a: &ActorId| event.actors.contains(a);
    match filter.mode {
        ActorMode::Any => filter.actors.iter().any(has),
        ActorMode::All => filter.actors.iter().all(has),
    }
}

/// A query with its `@actor` terms turned into actor sets, once per search.
struct Resolved<'q> {
    query: &'q Query,
    actor_sets: Vec<Vec<bool>>,
}

impl<'q> Resolved<'q> {
    fn new(store: &Store, index: &Index, query: &'q Query) -> Self {
        let actor_sets = query
            .terms
            .iter()
            .filter_map(|t| match t {
                Term::Actor(pattern) => {
                    let mut set = vec![false; store.actors.len()];
                    matching_actors(store, index, pattern)
                        .into_iter()
                        .for_each(|a| set[a] = true);
                    Some(set)
                }
                _ => None,
            })
            .collect();
        Self { query, actor_sets }
    }

    fn matches(&self, index: &Index, i: usize, event: &Event) -> bool {
        let mut actor_sets = self.actor_sets.iter();
        self.query.terms.iter().all(|term| match term {
            Term::Text {
                needle,
                case_sensitive,
            } => index.contains(i, needle, *case_sensitive),
            Term::Dates(range) => event.when.overlaps(*range),
            Term::Actor(_) => {
                let set = actor_sets.next().expect("one set per actor term");
                event.actors.iter().any(|&a| set[a])
            }
        })
    }
}
