//! Collects mapped rows into a store file: actors de-duplicated by name (keeping the most
//! specific kind the data gives), sources by title and address, ids made sure to be unique,
//! and every bad row either listed or, when asked, skipped and counted.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};

use super::{Format, ImportError, Imported};
use crate::date::When;
use crate::store::validate::span_problem;
use crate::store::{
    Actor, ActorId, ActorKind, Diagnostic, Event, EventKind, Extra, Position, Source, SourceId,
    Store,
};

/// Where a row is: a line of a text table, or the n-th item of a JSON document and where it
/// starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    Line(u64),
    Item { n: usize, at: Position },
}

impl At {
    fn position(self) -> Position {
        match self {
            Self::Line(line) => Position {
                line: usize::try_from(line).unwrap_or(usize::MAX),
                col: 1,
            },
            Self::Item { at, .. } => at,
        }
    }
}

/// A source as a row names it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SourceRef {
    pub title: String,
    pub publisher: String,
    pub url: Option<String>,
}

/// One row mapped to evex's fields, before its actors and source are given ids.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// The dataset's id; the row's position when it has none.
    pub id: Option<String>,
    pub when: Option<When>,
    pub title: String,
    pub kind: Option<EventKind>,
    pub actors: Vec<(String, ActorKind)>,
    pub place: Option<String>,
    pub source: Option<SourceRef>,
    pub quote: Option<String>,
    pub notes: Option<String>,
    pub category: Option<String>,
    pub tags: Vec<String>,
    pub extra: Extra,
    /// What is wrong with the row: each a whole sentence naming the column.
    pub problems: Vec<String>,
}

impl Draft {
    pub fn problem(&mut self, column: &str, value: &str, what: impl std::fmt::Display) {
        self.problems.push(format!("{column} \"{value}\": {what}"));
    }
}

pub struct Builder {
    /// The file's name, for messages, the store's title and rows that cite no source.
    pub name: String,
    skip_bad_rows: bool,
    /// Set by a format whose ids repeat across dates (ICEWS): `id@date` then tells them apart.
    pub ids_repeat_by_date: bool,
    /// The store's title, when the file has one.
    pub title: Option<String>,
    actors: Vec<Actor>,
    actor_by_name: FxHashMap<String, ActorId>,
    actor_ids: FxHashSet<String>,
    sources: Vec<Source>,
    /// Every source by its number, hashed by what a row names it by (title, publisher and
    /// address), so no source is copied.
    source_by_ref: HashTable<SourceId>,
    /// The file's size, when known: room for its events is then made once.
    pub expected_bytes: Option<u64>,
    events: Vec<Event>,
    /// Every event by its id (as its number, hashed by its id, so no id is copied) and the
    /// row it came from.
    event_ids: HashTable<(usize, At)>,
    problems: Vec<Diagnostic>,
    skipped_rows: usize,
}

impl Builder {
    pub fn new(name: &str, skip_bad_rows: bool) -> Self {
        Self {
            name: name.to_owned(),
            skip_bad_rows,
            ids_repeat_by_date: false,
            title: None,
            actors: Vec::new(),
            actor_by_name: FxHashMap::default(),
            actor_ids: FxHashSet::default(),
            sources: Vec::new(),
            source_by_ref: HashTable::new(),
            expected_bytes: None,
            events: Vec::new(),
            event_ids: HashTable::new(),
            problems: Vec::new(),
            skipped_rows: 0,
        }
    }

    /// Adds a mapped row, or records why it is bad. A row is held to the rules a store's
    /// events are, so what is built needs no second check.
    pub fn push(&mut self, at: At, mut draft: Draft) {
        if draft.when.is_none() && draft.problems.is_empty() {
            draft.problems.push("no date: every event needs one".into());
        }
        if let Some(wrong) = draft.when.as_ref().and_then(span_problem) {
            draft
                .problems
                .push(format!("{}; {}", wrong.message, wrong.help));
        }
        if draft.actors.iter().any(|(name, _)| name.trim().is_empty()) {
            draft
                .problems
                .push("an actor has an empty name: give every actor a name".into());
        }
        if draft
            .source
            .as_ref()
            .is_some_and(|s| s.title.trim().is_empty())
        {
            draft
                .problems
                .push("the source has an empty title: give it one, or leave it out".into());
        }
        let given = match draft.id.take() {
            Some(id) if id.trim().is_empty() => {
                draft
                    .problems
                    .push("the id is empty: give the row an id, or leave it out".into());
                return self.bad_row(at, draft.problems);
            }
            Some(id) => id,
            None => match at {
                At::Line(line) => format!("line-{line}"),
                At::Item { n, .. } => format!("item-{n}"),
            },
        };
        let id = if let Some(first) = self.row_of(&given) {
            let dated = draft
                .when
                .filter(|_| self.ids_repeat_by_date)
                .map(|when| format!("{given}@{}", when.date))
                .filter(|dated| self.row_of(dated).is_none());
            let Some(dated) = dated else {
                draft.problems.push(format!(
                    "id \"{given}\" is also used {}: give every row its own id",
                    describe(first)
                ));
                return self.bad_row(at, draft.problems);
            };
            dated
        } else {
            given
        };
        if !draft.problems.is_empty() {
            return self.bad_row(at, draft.problems);
        }
        let when = draft.when.expect("checked above");
        let actors = draft
            .actors
            .iter()
            .map(|(name, kind)| self.actor(name, *kind))
            .collect();
        let source = self.source(draft.source.take());
        let title = if draft.title.trim().is_empty() {
            draft
                .category
                .clone()
                .unwrap_or_else(|| "Untitled event".into())
        } else {
            draft.title
        };
        self.add(
            at,
            Event {
                id,
                when,
                title,
                kind: draft.kind.unwrap_or(EventKind::Other),
                actors,
                place: draft.place,
                source,
                quote: draft.quote.filter(|q| !q.trim().is_empty()),
                tags: draft.tags,
                notes: draft.notes,
                category: draft.category,
                extra: draft.extra,
            },
        );
    }

    /// Makes room for the events of the whole file, from how many rows its first `bytes`
    /// held. Room never used costs no memory, so it errs on the large side; a copy of a
    /// million events each time the vector doubled would cost new pages.
    pub fn expect_rows(&mut self, rows: usize, bytes: u64) {
        if let Some(total) = self.expected_bytes
            && rows > 0
            && bytes > 0
        {
            let rows = u128::from(total) * rows as u128 * 5 / (u128::from(bytes) * 4);
            let rows = usize::try_from(rows).unwrap_or(0);
            self.events.reserve(rows);
            let events = &self.events;
            self.event_ids.reserve(rows, |&(n, _)| {
                FxBuildHasher.hash_one(events[n].id.as_str())
            });
        }
    }

    /// A line that is no row at all (not UTF-8, a wrong number of fields).
    pub fn bad_line(&mut self, at: At, problem: String) {
        self.bad_row(at, vec![problem]);
    }

    /// The row the event with `id` came from, if there is one.
    fn row_of(&self, id: &str) -> Option<At> {
        let events = &self.events;
        self.event_ids
            .find(FxBuildHasher.hash_one(id), |&(n, _)| events[n].id == id)
            .map(|&(_, at)| at)
    }

    fn add(&mut self, at: At, event: Event) {
        let n = self.events.len();
        let hash = FxBuildHasher.hash_one(event.id.as_str());
        self.events.push(event);
        let events = &self.events;
        self.event_ids.insert_unique(hash, (n, at), |&(n, _)| {
            FxBuildHasher.hash_one(events[n].id.as_str())
        });
    }

    fn bad_row(&mut self, at: At, problems: Vec<String>) {
        self.skipped_rows += 1;
        for problem in problems {
            self.problems
                .push(Diagnostic::error(Some(at.position()), problem));
        }
    }

    /// The actor called `name`, added on first sight. A kind the data gives wins over
    /// `Other` from an earlier row that gave none.
    fn actor(&mut self, name: &str, kind: ActorKind) -> ActorId {
        if let Some(&a) = self.actor_by_name.get(name) {
            let actor = &mut self.actors[a];
            if actor.kind == ActorKind::Other {
                actor.kind = kind;
            }
            return a;
        }
        let id = unique(&mut self.actor_ids, slug(name));
        let a = self.actors.len();
        self.actor_by_name.insert(name.to_owned(), a);
        self.actors.push(Actor {
            id,
            name: name.to_owned(),
            short: None,
            kind,
            aliases: Vec::new(),
            role: None,
        });
        a
    }

    /// A source, added on first sight; the file itself when the row names none.
    fn source(&mut self, source: Option<SourceRef>) -> SourceId {
        let source = source.unwrap_or_else(|| SourceRef {
            title: self.name.clone(),
            publisher: self.name.clone(),
            url: None,
        });
        let hash = source_hash(&source.title, &source.publisher, source.url.as_deref());
        let sources = &self.sources;
        let same = |&s: &SourceId| {
            let known = &sources[s];
            (&known.title, &known.publisher, &known.url)
                == (&source.title, &source.publisher, &source.url)
        };
        if let Some(&s) = self.source_by_ref.find(hash, same) {
            return s;
        }
        let s = self.sources.len();
        self.source_by_ref.insert_unique(hash, s, |&s| {
            let known = &sources[s];
            source_hash(&known.title, &known.publisher, known.url.as_deref())
        });
        self.sources.push(Source {
            id: format!("s{}", s + 1),
            title: source.title,
            publisher: source.publisher,
            author: None,
            published: None,
            url: source.url,
            text: None,
        });
        s
    }

    /// The store, or every bad row when there are some and they may not be skipped.
    pub fn finish(mut self, format: Format) -> Result<Imported, ImportError> {
        // Rows are mapped in batches and bad lines reported as they are read: file order.
        self.problems.sort_by_key(|d| d.position);
        if !self.problems.is_empty() && !self.skip_bad_rows {
            return Err(ImportError::BadRows(self.problems));
        }
        drop(self.event_ids);
        Ok(Imported {
            store: Store::in_timeline_order(
                self.title.unwrap_or(self.name),
                self.sources,
                self.actors,
                self.events,
            ),
            format,
            skipped_rows: self.skipped_rows,
            skipped: self.problems,
        })
    }
}

fn source_hash(title: &str, publisher: &str, url: Option<&str>) -> u64 {
    FxBuildHasher.hash_one((title, publisher, url))
}

fn describe(at: At) -> String {
    let Position { line, col } = at.position();
    match at {
        At::Line(_) => format!("on line {line}"),
        At::Item { .. } => format!("by the item at line {line}, column {col}"),
    }
}

/// An id made from a name: lower case letters, digits and dashes.
fn slug(name: &str) -> String {
    let mut id = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    while id.ends_with('-') {
        id.pop();
    }
    if id.is_empty() { "actor".into() } else { id }
}

/// `id`, or `id-2`, `id-3`… when it is taken.
fn unique(taken: &mut FxHashSet<String>, id: String) -> String {
    if taken.insert(id.clone()) {
        return id;
    }
    let id = (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|candidate| !taken.contains(candidate))
        .expect("some number is free");
    taken.insert(id.clone());
    id
}
