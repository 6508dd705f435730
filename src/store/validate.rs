//! Checks a parsed store and reports every problem at once, each placed in the file.

use std::fmt;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

mod dates;
mod ids;
mod quotes;
mod references;
mod unused;

pub(super) use self::dates::span_problem;
use self::ids::index_of;
use self::quotes::SourceTexts;
use self::unused::Used;
use super::locate::Locator;
use super::{Diagnostic, Event, EventEntry, Loaded, Position, Store, StoreFile, Warnings};

pub(super) fn validate(
    mut file: StoreFile,
    text: &str,
    warnings: Warnings,
) -> Result<Loaded, Vec<Diagnostic>> {
    let locator = Locator::new(text);
    let mut check = Checker {
        at: &locator,
        place_warnings: warnings == Warnings::Placed,
        problems: Vec::new(),
    };
    let entries = std::mem::take(&mut file.events);
    let mut seen = FxHashMap::default();
    seen.reserve(file.sources.len() + file.actors.len() + entries.len());
    let source_nth = check.ids(&mut seen, "source", file.sources.iter().map(|s| &*s.id));
    let actor_nth = check.ids(&mut seen, "actor", file.actors.iter().map(|a| &*a.id));
    let event_nth = check.ids(&mut seen, "event", entries.iter().map(|e| &*e.id));
    drop(seen);
    check.sources(&file, &source_nth);
    check.actors(&file, &actor_nth);
    let (events, used) = check.events(&file, entries, &event_nth);
    // A store that fails is shown with every problem placed, warnings included.
    check.place_warnings |= check
        .problems
        .iter()
        .any(|p| p.severity == super::Severity::Error);
    check.unused(&file, &used, &source_nth, &actor_nth);

    let has_errors = check
        .problems
        .iter()
        .any(|p| p.severity == super::Severity::Error);
    let mut problems = check.problems;
    problems.sort_by_key(|p| (p.position, p.severity));
    if has_errors {
        return Err(problems);
    }
    Ok(Loaded {
        store: Store::in_timeline_order(file.title, file.sources, file.actors, events),
        warnings: problems,
    })
}

/// An item of the file by its id and which occurrence of that id it is: enough to find it
/// in the text, which is only searched when there is a problem to place.
#[derive(Clone, Copy)]
struct Item<'i> {
    section: &'static str,
    id: &'i str,
    nth: usize,
}

/// "event \"drazdy\"": what a problem is about, written out only when there is one.
struct Subject<'i>(&'static str, &'i str);

impl fmt::Display for Subject<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} \"{}\"", self.0, self.1)
    }
}

/// Events checked on one core at a time.
const EVENT_CHUNK: usize = 16_384;

/// What checking an event looks things up in.
struct Known<'f> {
    file: &'f StoreFile,
    source_ids: FxHashMap<&'f str, usize>,
    actor_ids: FxHashMap<&'f str, usize>,
    texts: SourceTexts,
}

struct Checker<'a> {
    at: &'a Locator<'a>,
    place_warnings: bool,
    problems: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, offset: Option<usize>, message: String) -> &mut Diagnostic {
        let position = self.at.position(offset);
        self.problems.push(Diagnostic::error(position, message));
        self.problems.last_mut().expect("just pushed")
    }

    fn warning_position(&self, item: Item) -> Option<Position> {
        self.place_warnings
            .then(|| self.at.position(self.place(item)))
            .flatten()
    }

    fn place(&self, item: Item) -> Option<usize> {
        self.at.item(item.id, item.nth, item.section)
    }

    fn field(&self, item: Item, field: &str) -> Option<usize> {
        self.at.field(self.place(item), field)
    }

    fn sources(&mut self, file: &StoreFile, nths: &[usize]) {
        for (source, &nth) in file.sources.iter().zip(nths) {
            let item = Item {
                section: "sources",
                id: &source.id,
                nth,
            };
            let subject = Subject("source", &source.id);
            if let Some(published) = &source.published {
                self.date(item, "published", &subject, published);
            }
            if source.title.trim().is_empty() {
                let field = self.field(item, "title");
                self.error(field, format!("{subject} has an empty title"));
            }
        }
    }

    fn actors(&mut self, file: &StoreFile, nths: &[usize]) {
        for (actor, &nth) in file.actors.iter().zip(nths) {
            if actor.name.trim().is_empty() {
                let item = Item {
                    section: "actors",
                    id: &actor.id,
                    nth,
                };
                let field = self.field(item, "name");
                self.error(field, format!("actor \"{}\" has an empty name", actor.id));
            }
        }
    }

    /// Checks every event and turns the good ones into [`Event`]s, moving their text. Runs
    /// on every core, a chunk of events each; problems keep the file's order.
    fn events(
        &mut self,
        file: &StoreFile,
        entries: Vec<EventEntry>,
        nths: &[usize],
    ) -> (Vec<Event>, Used) {
        let source_ids = index_of(file.sources.iter().map(|s| s.id.as_str()));
        let actor_ids = index_of(file.actors.iter().map(|a| a.id.as_str()));
        let texts = SourceTexts::new(file, &entries, &source_ids);
        let known = Known {
            file,
            source_ids,
            actor_ids,
            texts,
        };
        let (at, place_warnings) = (self.at, self.place_warnings);
        let parts: Vec<(Vec<Event>, Used, Vec<Diagnostic>)> = entries
            .into_par_iter()
            .zip(nths.par_iter().copied())
            .chunks(EVENT_CHUNK)
            .map(|chunk| {
                let mut check = Checker {
                    at,
                    place_warnings,
                    problems: Vec::new(),
                };
                let mut used = Used::none(file);
                let events = chunk
                    .into_iter()
                    .filter_map(|(entry, nth)| check.event(&known, &mut used, entry, nth))
                    .collect();
                (events, used, check.problems)
            })
            .collect();
        let mut events = Vec::with_capacity(parts.iter().map(|p| p.0.len()).sum());
        let mut used = Used::none(file);
        for (part, part_used, problems) in parts {
            events.extend(part);
            used.add(&part_used);
            self.problems.extend(problems);
        }
        (events, used)
    }

    /// Checks one event, and gives it back as an [`Event`] if its date and source are good.
    fn event(
        &mut self,
        known: &Known,
        used: &mut Used,
        entry: EventEntry,
        nth: usize,
    ) -> Option<Event> {
        let file = known.file;
        let item = Item {
            section: "events",
            id: &entry.id,
            nth,
        };
        let subject = Subject("event", &entry.id);
        let when = self.when(&entry, item, &subject);
        let mut actors = Vec::with_capacity(entry.actors.len());
        for name in &entry.actors {
            match known.actor_ids.get(name.as_str()) {
                Some(&a) => {
                    used.actors[a] = true;
                    actors.push(a);
                }
                None => self.unknown(
                    item,
                    "actors",
                    &subject,
                    "actor",
                    name,
                    file.actors.iter().map(|a| (a.id.as_str(), a.name.as_str())),
                ),
            }
        }
        let source = known.source_ids.get(entry.source.as_str()).copied();
        match source {
            Some(s) => used.sources[s] = true,
            None => self.unknown(
                item,
                "source",
                &subject,
                "source",
                &entry.source,
                file.sources
                    .iter()
                    .map(|s| (s.id.as_str(), s.title.as_str())),
            ),
        }
        self.not_empty(item, &subject, "title", &entry.title);
        if file.require_quotes && entry.quote.trim().is_empty() {
            let field_at = self.field(item, "quote");
            self.error(field_at, format!("{subject} has an empty quote"))
                .help = Some("copy the words from the source, or say `require_quotes: false` in the store if its events need none".into());
        }
        if let Some(s) = source
            && !entry.quote.trim().is_empty()
            && let Some(missing) = known.texts.misses(s, &entry.quote)
        {
            self.quote_not_in_source(item, &subject, &entry.source, missing);
        }
        let (when, source) = (when?, source?);
        Some(Event {
            when,
            kind: entry.kind,
            actors,
            source,
            id: entry.id,
            title: entry.title,
            place: entry.place,
            quote: Some(entry.quote).filter(|q| !q.trim().is_empty()),
            tags: entry.tags,
            notes: entry.notes,
            category: entry.category,
            extra: entry.extra,
        })
    }

    fn not_empty(&mut self, item: Item, subject: &Subject, field: &str, value: &str) {
        if value.trim().is_empty() {
            let field_at = self.field(item, field);
            self.error(field_at, format!("{subject} has an empty {field}"));
        }
    }
}
