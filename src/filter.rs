//! Filtering a store: a pure function from (store, index, filter) to the matching events and
//! the sidebar's live actor counts.

mod find;
mod text;

use find::FindTimeline;
pub use find::step;
pub use text::in_field;
use text::text_matches;

use std::collections::BTreeSet;

use std::sync::Arc;

use roaring::MultiOps;

use crate::actors::ActorNames;
use crate::fold::{fold, fold_into};
use crate::histogram::{Counts, Dates, SparkSpec, Sparks, Tally};
use crate::index::{EventSet, Index};
use crate::query::{Query, Term};
use crate::store::{ActorId, Store};

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
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub query: Query,
    pub actors: BTreeSet<ActorId>,
    pub mode: ActorMode,
    /// Only these events (the marked ones, after `M`), when set.
    pub only: Option<EventSet>,
    /// Find rather than filter: the timeline keeps every event the actors and `only` let
    /// through, and the query's matches are marked among them.
    pub find: bool,
}

/// The events that match, in timeline order, and per actor how many of them it is in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    /// The timeline's events as store indices, in order: the matches, or in find mode every
    /// event the actors let through. Shared, so an unchanged timeline is seen to be the same
    /// without comparing a million events.
    pub events: Arc<Vec<usize>>,
    /// In find mode with a query: the positions in `events` of the matches, ascending.
    pub found: Option<Vec<usize>>,
    /// Per actor: matching events it is in. In `Any` mode the actor selection is left out, so
    /// the count says what selecting that actor would add.
    pub facets: Vec<usize>,
    /// The histogram of the matches at every unit.
    pub counts: Counts,
}

impl Matches {
    /// Every event, with each actor's count: what an empty filter matches.
    pub fn everything(store: &Store) -> Self {
        let facets = store.events.actor_totals(store.actors.len());
        let events: Vec<usize> = (0..store.events.len()).collect();
        let counts = Counts::new(&Dates::new(store), &events);
        Self {
            events: Arc::new(events),
            found: None,
            facets,
            counts,
        }
    }
}

/// Actors whose id, name or an alias `pattern` means (see [`ActorNames::matching`]).
pub fn matching_actors(store: &Store, pattern: &str) -> Vec<ActorId> {
    ActorNames::new(&store.actors).matching(pattern)
}

/// Applies `filter` to every event, with no earlier search to build on.
pub fn apply(store: &Store, index: &Index, filter: &Filter) -> Matches {
    Search::default().run(store, index, filter)
}

/// Runs filters against an index. It remembers the last query's matches, so a query that
/// only narrows it (one more letter typed, one more word) filters those instead of all events.
#[derive(Debug)]
pub struct Search {
    last: Option<(Query, EventSet)>,
    /// The last matches and their histogram, for the sparklines and co-actors asked of them
    /// later; `None` before the first search, which means every event.
    shown: Option<(EventSet, Counts)>,
    /// Counts sparklines, keeping every event's counts for the last grid.
    tally: Tally,
    /// Every event's first day and precision, for the histogram; read from the store once.
    dates: Dates,
    /// Actors' folded names, made on the first `@` search.
    names: Option<ActorNames>,
    /// Candidate sets at most this big are checked event by event rather than through the
    /// word index.
    scan_limit: u64,
    /// Find mode's timeline, kept while the actors and `only` stay the same.
    find: FindTimeline,
}

impl Default for Search {
    fn default() -> Self {
        // Checking a thousand events' text costs less than a trip through the vocabulary.
        Self::with_scan_limit(1_000)
    }
}

impl Search {
    /// A search that checks candidate sets of up to `scan_limit` events by their text (tests
    /// set 0 to take the word index every time).
    pub fn with_scan_limit(scan_limit: u64) -> Self {
        Self {
            last: None,
            shown: None,
            tally: Tally::default(),
            dates: Dates::default(),
            names: None,
            scan_limit,
            find: FindTimeline::default(),
        }
    }

    /// Forgets the last query, so the next one starts from every event (benchmarks), while
    /// keeping what was read from the store once.
    pub fn forget(&mut self) {
        self.last = None;
    }

    pub fn run(&mut self, store: &Store, index: &Index, filter: &Filter) -> Matches {
        let mut hits = self.query_hits(store, index, &filter.query);
        if let Some(only) = &filter.only {
            hits &= only;
        }
        let selected = select(index, &hits, filter);
        let facets = index.count_actors(match filter.mode {
            ActorMode::Any => &hits,
            ActorMode::All => &selected,
        });
        let events: Vec<usize> = selected.iter().map(|e| e as usize).collect();
        self.read_dates(store);
        let counts = Counts::new(&self.dates, &events);
        self.shown = Some((selected, counts.clone()));
        let (events, found) = if filter.find {
            let timeline = self.find.timeline(index, filter);
            let found =
                (!filter.query.terms.is_empty()).then(|| find::positions(&timeline, &events));
            (timeline, found)
        } else {
            (Arc::new(events), None)
        };
        Matches {
            events,
            found,
            facets,
            counts,
        }
    }

    fn read_dates(&mut self, store: &Store) {
        if !self.dates.fits(store.events.len()) {
            self.dates = Dates::new(store);
        }
    }

    /// The last matches (every event before the first search).
    pub fn shown(&mut self, store: &Store, index: &Index) -> &EventSet {
        self.read_dates(store);
        let (set, _) = self.shown.get_or_insert_with(|| {
            let all: Vec<usize> = (0..store.events.len()).collect();
            (index.all(), Counts::new(&self.dates, &all))
        });
        set
    }

    /// Every actor's sparkline over the last matches, for `spec`.
    pub fn sparks(&mut self, store: &Store, index: &Index, spec: SparkSpec) -> Sparks {
        self.shown(store, index);
        let Some((set, counts)) = &self.shown else {
            return Sparks::default();
        };
        self.tally.sparks(&self.dates, counts, index, set, spec)
    }

    fn query_hits(&mut self, store: &Store, index: &Index, query: &Query) -> EventSet {
        let (start, applied) = match &self.last {
            Some((last, hits)) if narrows(query, last) => (hits.clone(), last.terms.as_slice()),
            _ => (index.all(), [].as_slice()),
        };
        // Terms the last result already satisfies need not be checked again.
        let terms: Vec<&Term> = query
            .terms
            .iter()
            .filter(|t| !applied.contains(t))
            .collect();
        let stale = self
            .names
            .as_ref()
            .is_none_or(|n| n.len() != store.actors.len());
        if stale && terms.iter().any(|t| t.names_actors()) {
            self.names = Some(ActorNames::new(&store.actors));
        }
        let none = ActorNames::default();
        let names = self.names.as_ref().unwrap_or(&none);
        let hits = evaluate(store, index, names, terms, start, self.scan_limit);
        self.last = Some((query.clone(), hits.clone()));
        hits
    }
}

/// Whether every event matching `new` also matches `old`: each term of `old` is implied by
/// a term of `new`.
fn narrows(new: &Query, old: &Query) -> bool {
    old.terms
        .iter()
        .all(|o| new.terms.iter().any(|n| implies(n, o)))
}

fn implies(new: &Term, old: &Term) -> bool {
    match (new, old) {
        (
            Term::Text {
                needle: n,
                case_sensitive: new_case,
            },
            Term::Text {
                needle: o,
                case_sensitive: old_case,
            },
        ) => match (new_case, old_case) {
            (false, false) | (true, true) => n.contains(o.as_str()),
            // Folding case keeps a match.
            (true, false) => fold(n, true).contains(o.as_str()),
            (false, true) => false,
        },
        (Term::Dates(n), Term::Dates(o)) => o.first <= n.first && n.last <= o.last,
        (Term::Either(n), o) => n.iter().all(|n| implies(n, o)),
        (n, Term::Either(o)) => o.iter().any(|o| implies(n, o)),
        (n, o) => n == o,
    }
}

/// What evaluating a term needs besides the term.
struct Context<'a> {
    store: &'a Store,
    index: &'a Index,
    names: &'a ActorNames,
    scan_limit: u64,
}

/// The events among `start` that match every term: dates and actors first, as they are
/// cheap and narrow the most, then words, then exclusions and alternatives.
fn evaluate(
    store: &Store,
    index: &Index,
    names: &ActorNames,
    mut terms: Vec<&Term>,
    start: EventSet,
    scan_limit: u64,
) -> EventSet {
    let cost = |t: &Term| match t {
        Term::Dates(_) => 0,
        Term::Actor(_) => 1,
        Term::Text { .. } => 2,
        _ => 3,
    };
    terms.sort_by_key(|t| cost(t));
    let context = Context {
        store,
        index,
        names,
        scan_limit,
    };
    let mut set = start;
    for term in terms {
        if set.is_empty() {
            break;
        }
        set = narrow(&context, term, set);
    }
    set
}

/// The events of `set` that `term` matches.
fn narrow(context: &Context, term: &Term, mut set: EventSet) -> EventSet {
    let Context { store, index, .. } = *context;
    match term {
        Term::Dates(range) => set &= index.dates(*range),
        Term::Actor(pattern) => {
            let actors = context.names.matching(pattern);
            set &= actors.iter().map(|&a| index.actor_events(a)).union();
        }
        Term::Text {
            needle,
            case_sensitive,
        } => {
            let use_index = set.len() > context.scan_limit;
            set = text_matches(store, index, set, needle, *case_sensitive, use_index);
        }
        Term::Kind(kinds) => {
            set = set
                .into_iter()
                .filter(|&e| kinds.contains(&store.events[e as usize].kind))
                .collect();
        }
        Term::In(field, needle) => {
            let mut folded = String::new();
            set = set
                .into_iter()
                .filter(|&e| {
                    in_field(store, &store.events[e as usize], *field)
                        .into_iter()
                        .any(|text| {
                            fold_into(text, true, &mut folded);
                            folded.contains(needle.as_str())
                        })
                })
                .collect();
        }
        Term::Not(inner) => set -= narrow(context, inner, set.clone()),
        Term::Either(terms) => {
            set = terms
                .iter()
                .map(|t| narrow(context, t, set.clone()))
                .union();
        }
    }
    set
}

/// The matching events narrowed to the actors selected in the sidebar.
pub(super) fn select(index: &Index, hits: &EventSet, filter: &Filter) -> EventSet {
    if filter.actors.is_empty() {
        return hits.clone();
    }
    let sets = filter.actors.iter().map(|&a| index.actor_events(a));
    match filter.mode {
        ActorMode::Any => sets.union() & hits,
        ActorMode::All => sets.intersection() & hits,
    }
}
