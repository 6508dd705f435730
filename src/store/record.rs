//! One event as `evex list -f json` writes it and reads it back: ids resolved to names.

use serde::{Deserialize, Serialize};

use super::{Event, EventKind, Extra, Store};

/// One event as `evex list --format json|csv` writes it: ids resolved to names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    pub id: String,
    /// The date as written in the store.
    pub date: String,
    pub end: Option<String>,
    pub circa: bool,
    pub title: String,
    pub kind: EventKind,
    /// Display names of the actors.
    pub actors: Vec<String>,
    pub place: Option<String>,
    /// The source's title.
    pub source: String,
    /// The source's address, when it has one.
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub quote: Option<String>,
    pub tags: Vec<String>,
    /// The dataset's own description of the event: a summary, not a quote.
    #[serde(default)]
    pub notes: Option<String>,
    /// The dataset's own category.
    #[serde(default)]
    pub category: Option<String>,
    /// The dataset's columns that map to no field, in its order.
    #[serde(default)]
    pub extra: Extra,
}

impl EventRecord {
    pub fn new(store: &Store, event: &Event) -> Self {
        Self {
            id: event.id.clone(),
            date: event.when.date_text(),
            end: event.when.end.map(|d| d.to_string()),
            circa: event.when.circa,
            title: event.title.clone(),
            kind: event.kind,
            actors: store
                .actor_names(event)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            place: event.place.clone(),
            source: store.sources[event.source].title.clone(),
            url: store.sources[event.source].url.clone(),
            quote: event.quote.clone(),
            tags: event.tags.clone(),
            notes: event.notes.clone(),
            category: event.category.clone(),
            extra: event.extra.clone(),
        }
    }
}
