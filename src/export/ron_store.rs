//! A store of some events: only the sources and actors they need, as a RON file `evex
//! validate` passes.

use std::collections::BTreeSet;

use crate::store::{Event, EventEntry, Store, StoreFile};

/// The store file of `events` (store indices): their sources and actors in the store's order,
/// the events in timeline order. Quotes are required if every event has one, as curated
/// stores do.
pub fn sub_store(store: &Store, events: &[usize]) -> StoreFile {
    let sources: BTreeSet<usize> = events.iter().map(|&e| store.events[e].source).collect();
    let actors: BTreeSet<usize> = events
        .iter()
        .flat_map(|&e| store.events[e].actors.iter().copied())
        .collect();
    StoreFile {
        title: store.title.clone(),
        require_quotes: events.iter().all(|&e| store.events[e].quote.is_some()),
        sources: sources.iter().map(|&s| store.sources[s].clone()).collect(),
        actors: actors.iter().map(|&a| store.actors[a].clone()).collect(),
        events: events
            .iter()
            .map(|&e| entry(store, &store.events[e]))
            .collect(),
    }
}

/// An event as a store writes it: ids and dates as text again.
fn entry(store: &Store, event: &Event) -> EventEntry {
    EventEntry {
        id: event.id.clone(),
        date: event.when.date_text(),
        end: event.when.end.map(|d| d.to_string()),
        circa: event.when.circa,
        title: event.title.clone(),
        kind: event.kind,
        actors: event
            .actors
            .iter()
            .map(|&a| store.actors[a].id.clone())
            .collect(),
        place: event.place.clone(),
        source: store.sources[event.source].id.clone(),
        quote: event.quote.clone().unwrap_or_default(),
        tags: event.tags.clone(),
        notes: event.notes.clone(),
        category: event.category.clone(),
        extra: event.extra.clone(),
    }
}
