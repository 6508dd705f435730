//! Checks a parsed store and reports every problem at once, each placed in the file.

use std::fmt;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::locate::Locator;
use super::{Diagnostic, Event, EventEntry, Loaded, Position, Store, StoreFile, Warnings};
use crate::date::{Bound, DateError, PartialDate, When};
use crate::text::squash_whitespace;

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
    let events = timeline_order(events);
    Ok(Loaded {
        store: Store {
            title: file.title,
            sources: file.sources,
            actors: file.actors,
            events,
        },
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

/// The items seen with one id: how many of any kind, and the first of each kind.
#[derive(Default)]
struct Seen {
    count: usize,
    first_of_kind: [Option<usize>; 3],
}

/// "event \"drazdy\"": what a problem is about, written out only when there is one.
struct Subject<'i>(&'static str, &'i str);

impl fmt::Display for Subject<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} \"{}\"", self.0, self.1)
    }
}

/// Which sources and actors some event names, counting every event as written so a broken
/// event does not make its actors look unused.
struct Used {
    sources: Vec<bool>,
    actors: Vec<bool>,
}

impl Used {
    fn none(file: &StoreFile) -> Self {
        Self {
            sources: vec![false; file.sources.len()],
            actors: vec![false; file.actors.len()],
        }
    }

    fn add(&mut self, other: &Self) {
        for (mine, theirs) in [
            (&mut self.sources, &other.sources),
            (&mut self.actors, &other.actors),
        ] {
            mine.iter_mut().zip(theirs).for_each(|(m, t)| *m |= t);
        }
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

    /// Numbers each item's id occurrence and reports duplicate ids of one kind. `seen`
    /// holds per id how many items of any kind had it so far (the next one is that
    /// occurrence of `id: ".."` in the text) and which occurrence was the first of each kind.
    fn ids<'f>(
        &mut self,
        seen: &mut FxHashMap<&'f str, Seen>,
        kind: &'static str,
        ids: impl Iterator<Item = &'f str>,
    ) -> Vec<usize> {
        let (section, slot) = match kind {
            "source" => ("sources", 0),
            "actor" => ("actors", 1),
            _ => ("events", 2),
        };
        let mut nths = Vec::new();
        for id in ids {
            let seen = seen.entry(id).or_default();
            let nth = seen.count;
            seen.count += 1;
            let first = *seen.first_of_kind[slot].get_or_insert(nth);
            let item = Item { section, id, nth };
            if first != nth {
                let line = self
                    .at
                    .position(self.place(Item { nth: first, ..item }))
                    .map_or_else(String::new, |p| {
                        format!(" (first defined on line {})", p.line)
                    });
                let offset = self.place(item);
                self.error(offset, format!("duplicate {kind} id \"{id}\"{line}"))
                    .help = Some(format!("give every {kind} its own id"));
            }
            if id.trim().is_empty() {
                let offset = self.place(item);
                self.error(offset, format!("{kind} has an empty id"));
            }
            nths.push(nth);
        }
        nths
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

    fn date(
        &mut self,
        item: Item,
        field: &str,
        subject: &Subject,
        text: &str,
    ) -> Option<PartialDate> {
        text.parse::<PartialDate>()
            .map_err(|e| {
                let at = self.field(item, field);
                self.error(at, format!("{subject}: {field} {e}"));
            })
            .ok()
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
        self.not_empty(item, &subject, "quote", &entry.quote);
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
            quote: entry.quote,
            tags: entry.tags,
        })
    }

    fn when(&mut self, entry: &EventEntry, item: Item, subject: &Subject) -> Option<When> {
        let date = Bound::parse(&entry.date)
            .map_err(|e| {
                let at = self.field(item, "date");
                let malformed = matches!(e, DateError::Malformed(_));
                self.error(at, format!("{subject}: date {e}")).help = malformed.then(|| {
                    "a date the text only bounds is written `before 2015-07` or `after 2012-08`"
                        .into()
                });
            })
            .ok();
        let end = match &entry.end {
            Some(end) => Some(self.date(item, "end", subject, end)?),
            None => None,
        };
        let (bound, date) = date?;
        let when = When {
            date,
            end,
            circa: entry.circa,
            bound,
        };
        if let Some(bound) = bound
            && (end.is_some() || entry.circa)
        {
            let field = if end.is_some() { "end" } else { "circa" };
            let at = self.field(item, field);
            self.error(
                at,
                format!("{subject}: a date {} {date} cannot also have `{field}`", bound.word()),
            )
            .help = Some(
                "a bound is already vague and open: remove `end` and `circa`, or give the span as `date` and `end`"
                    .into(),
            );
        }
        if let Some(end) = end
            && end.last_day() < when.date.first_day()
        {
            let field = self.field(item, "end");
            self.error(
                field,
                format!("{subject}: end {end} is before date {}", when.date),
            )
            .help = Some("`end` is the last date of a span; swap the two or remove `end`".into());
        }
        Some(when)
    }

    fn not_empty(&mut self, item: Item, subject: &Subject, field: &str, value: &str) {
        if value.trim().is_empty() {
            let field_at = self.field(item, field);
            self.error(field_at, format!("{subject} has an empty {field}"));
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn unknown<'n>(
        &mut self,
        item: Item,
        field: &str,
        subject: &Subject,
        kind: &str,
        name: &str,
        known: impl Iterator<Item = (&'n str, &'n str)>,
    ) {
        let offset = self.at.value_in_field(self.place(item), field, name);
        let help = match suggest(name, known) {
            Some(best) => format!("did you mean \"{best}\"?"),
            None => format!("no {kind} has that id: add one to `{kind}s`, or use an existing id"),
        };
        self.error(offset, format!("{subject}: unknown {kind} \"{name}\""))
            .help = Some(help);
    }

    fn quote_not_in_source(&mut self, item: Item, subject: &Subject, source: &str, miss: Miss) {
        let field = self.field(item, "quote");
        self.error(
            field,
            format!("{subject}: quote is not in the text of source \"{source}\""),
        )
        .help = Some(format!(
            "the first {} characters match; it differs from \"{}\". Copy quotes character for character (curly quotes and dashes included); only white space may differ",
            miss.matched, miss.differs
        ));
    }

    /// Warns of actors and sources no event refers to.
    fn unused(&mut self, file: &StoreFile, used: &Used, sources: &[usize], actors: &[usize]) {
        let actors = file.actors.iter().map(|a| a.id.as_str()).zip(actors);
        self.warn_unused("actors", actors, &used.actors, |id| {
            (
                format!("actor \"{id}\" is in no event"),
                "add it to an event's `actors`, or remove it",
            )
        });
        let sources = file.sources.iter().map(|s| s.id.as_str()).zip(sources);
        self.warn_unused("sources", sources, &used.sources, |id| {
            (
                format!("source \"{id}\" is cited by no event"),
                "cite it from an event's `source`, or remove it",
            )
        });
    }

    /// A warning, from `says`, for each item of `section` that is not `used`.
    fn warn_unused<'i>(
        &mut self,
        section: &'static str,
        items: impl Iterator<Item = (&'i str, &'i usize)>,
        used: &[bool],
        says: impl Fn(&str) -> (String, &'static str),
    ) {
        for ((id, &nth), _) in items.zip(used).filter(|(_, used)| !**used) {
            let position = self.warning_position(Item { section, id, nth });
            let (message, help) = says(id);
            self.problems
                .push(Diagnostic::warning(position, message).with_help(help));
        }
    }
}

/// How a quote fails to be in its source's text.
struct Miss {
    /// How many of its characters (white space squashed) do match from the start.
    matched: usize,
    /// Up to 24 characters from where it stops matching.
    differs: String,
}

/// A source's text with white space squashed, for checking quotes. A text many quotes
/// cite gets a suffix table, so checking a million quotes stays fast.
enum SourceText {
    Plain(String),
    Table(suffix::SuffixTable<'static, 'static>),
}

impl SourceText {
    fn contains(&self, needle: &str) -> bool {
        match self {
            Self::Plain(text) => text.contains(needle),
            Self::Table(table) => table.contains(needle),
        }
    }
}

struct SourceTexts {
    texts: Vec<Option<SourceText>>,
}

impl SourceTexts {
    fn new(file: &StoreFile, entries: &[EventEntry], source_ids: &FxHashMap<&str, usize>) -> Self {
        let mut citations = vec![0usize; file.sources.len()];
        for entry in entries {
            if let Some(&s) = source_ids.get(entry.source.as_str()) {
                citations[s] += 1;
            }
        }
        let texts = file
            .sources
            .iter()
            .zip(citations)
            .map(|(source, cited)| {
                let text = squash_whitespace(source.text.as_deref()?);
                // A plain search costs about the text's length per quote.
                Some(if cited.saturating_mul(text.len()) > 1 << 24 {
                    SourceText::Table(suffix::SuffixTable::new(text))
                } else {
                    SourceText::Plain(text)
                })
            })
            .collect();
        Self { texts }
    }

    /// Whether `quote` is missing from the text of source `source`, and how.
    fn misses(&self, source: usize, quote: &str) -> Option<Miss> {
        let text = self.texts[source].as_ref()?;
        let quote = squash_whitespace(quote);
        if text.contains(&quote) {
            return None;
        }
        let chars: Vec<(usize, char)> = quote.char_indices().collect();
        let matched = chars.partition_point(|&(i, c)| text.contains(&quote[..i + c.len_utf8()]));
        let differs = quote.chars().skip(matched).take(24).collect();
        Some(Miss { matched, differs })
    }
}

/// Events sorted for the timeline: computing each key once and moving events in place is
/// much faster than comparing a million large events, and needs no second copy of them.
fn timeline_order(mut events: Vec<Event>) -> Vec<Event> {
    // The same order as `When::timeline_cmp`; the sort is stable, so ties keep file order.
    events.sort_by_cached_key(|e| e.when.sort_key());
    events
}

fn index_of<'a>(ids: impl Iterator<Item = &'a str>) -> FxHashMap<&'a str, usize> {
    let mut map = FxHashMap::default();
    for (i, id) in ids.enumerate() {
        map.entry(id).or_insert(i);
    }
    map
}

/// The known id closest to `name`: a fuzzy match on the id or display name first (for
/// abbreviations like "lukash"), else the closest spelling (for typos like "lukashenka").
fn suggest<'n>(name: &str, known: impl Iterator<Item = (&'n str, &'n str)>) -> Option<&'n str> {
    let matcher = SkimMatcherV2::default();
    let known: Vec<(&str, &str)> = known.collect();
    let fuzzy = known
        .iter()
        .filter_map(|&(id, label)| {
            let score = matcher
                .fuzzy_match(id, name)
                .max(matcher.fuzzy_match(label, name))?;
            Some((score, id))
        })
        .max_by_key(|&(score, _)| score);
    fuzzy.map(|(_, id)| id).or_else(|| {
        known
            .iter()
            .map(|&(id, _)| (strsim::normalized_damerau_levenshtein(id, name), id))
            .filter(|&(similarity, _)| similarity >= 0.5)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, id)| id)
    })
}
