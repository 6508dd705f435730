//! Checks a parsed store and reports every problem at once, each placed in the file.

use std::collections::{HashMap, HashSet};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::locate::Locator;
use super::{Diagnostic, Event, Loaded, Store, StoreFile};
use crate::date::{PartialDate, When};
use crate::text::squash_whitespace;

pub(super) fn validate(file: StoreFile, text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    let mut check = Checker {
        at: Locator::new(text),
        seen_anywhere: HashMap::new(),
        first_of_kind: HashMap::new(),
        problems: Vec::new(),
    };
    let source_offsets = check.ids("source", file.sources.iter().map(|s| s.id.as_str()));
    let actor_offsets = check.ids("actor", file.actors.iter().map(|a| a.id.as_str()));
    let event_offsets = check.ids("event", file.events.iter().map(|e| e.id.as_str()));
    check.sources(&file, &source_offsets);
    check.actors(&file, &actor_offsets);
    let events = check.events(&file, &event_offsets);
    check.unused(&file, &source_offsets, &actor_offsets);

    let has_errors = check
        .problems
        .iter()
        .any(|p| p.severity == super::Severity::Error);
    let mut problems = check.problems;
    problems.sort_by_key(|p| (p.position, p.severity));
    if has_errors {
        return Err(problems);
    }
    let mut events = events;
    events.sort_by(|a, b| a.when.timeline_cmp(&b.when));
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

struct Checker<'a> {
    at: Locator<'a>,
    /// Items seen so far per id, of any kind: the next one is that occurrence of `id: ".."`.
    seen_anywhere: HashMap<String, usize>,
    /// Where the first item of each kind and id is, to report duplicates.
    first_of_kind: HashMap<(&'static str, String), Option<usize>>,
    problems: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, offset: Option<usize>, message: String) -> &mut Diagnostic {
        let position = self.at.position(offset);
        self.problems.push(Diagnostic::error(position, message));
        self.problems.last_mut().expect("just pushed")
    }

    /// Places each item and reports duplicate ids of one kind.
    fn ids<'i>(
        &mut self,
        kind: &'static str,
        ids: impl Iterator<Item = &'i str>,
    ) -> Vec<Option<usize>> {
        let mut offsets = Vec::new();
        for id in ids {
            let same_id_before = self.seen_anywhere.get(id).copied().unwrap_or(0);
            *self.seen_anywhere.entry(id.to_owned()).or_insert(0) += 1;
            let offset = self.at.item(id, same_id_before, &format!("{kind}s"));
            if let Some(&first) = self.first_of_kind.get(&(kind, id.to_owned())) {
                let line = self.at.position(first).map_or_else(String::new, |p| {
                    format!(" (first defined on line {})", p.line)
                });
                self.error(offset, format!("duplicate {kind} id \"{id}\"{line}"))
                    .help = Some(format!("give every {kind} its own id"));
            } else {
                self.first_of_kind.insert((kind, id.to_owned()), offset);
            }
            if id.trim().is_empty() {
                self.error(offset, format!("{kind} has an empty id"));
            }
            offsets.push(offset);
        }
        offsets
    }

    fn sources(&mut self, file: &StoreFile, offsets: &[Option<usize>]) {
        for (source, &at) in file.sources.iter().zip(offsets) {
            if let Some(published) = &source.published {
                self.date(
                    at,
                    "published",
                    &format!("source \"{}\"", source.id),
                    published,
                );
            }
            if source.title.trim().is_empty() {
                let field = self.at.field(at, "title");
                self.error(
                    field,
                    format!("source \"{}\" has an empty title", source.id),
                );
            }
        }
    }

    fn actors(&mut self, file: &StoreFile, offsets: &[Option<usize>]) {
        for (actor, &at) in file.actors.iter().zip(offsets) {
            if actor.name.trim().is_empty() {
                let field = self.at.field(at, "name");
                self.error(field, format!("actor \"{}\" has an empty name", actor.id));
            }
        }
    }

    fn date(
        &mut self,
        item: Option<usize>,
        field: &str,
        subject: &str,
        text: &str,
    ) -> Option<PartialDate> {
        text.parse::<PartialDate>()
            .map_err(|e| {
                let at = self.at.field(item, field);
                self.error(at, format!("{subject}: {field} {e}"));
            })
            .ok()
    }

    fn events(&mut self, file: &StoreFile, offsets: &[Option<usize>]) -> Vec<Event> {
        let source_ids = index_of(file.sources.iter().map(|s| s.id.as_str()));
        let actor_ids = index_of(file.actors.iter().map(|a| a.id.as_str()));
        let texts: Vec<Option<String>> = file
            .sources
            .iter()
            .map(|s| s.text.as_deref().map(squash_whitespace))
            .collect();
        let mut events = Vec::with_capacity(file.events.len());
        for (entry, &at) in file.events.iter().zip(offsets) {
            let subject = format!("event \"{}\"", entry.id);
            let when = self.when(entry, at, &subject);
            let mut actors = Vec::with_capacity(entry.actors.len());
            for name in &entry.actors {
                match actor_ids.get(name.as_str()) {
                    Some(&a) => actors.push(a),
                    None => self.unknown(
                        at,
                        "actors",
                        &subject,
                        "actor",
                        name,
                        file.actors.iter().map(|a| (a.id.as_str(), a.name.as_str())),
                    ),
                }
            }
            let source = source_ids.get(entry.source.as_str()).copied();
            if source.is_none() {
                self.unknown(
                    at,
                    "source",
                    &subject,
                    "source",
                    &entry.source,
                    file.sources
                        .iter()
                        .map(|s| (s.id.as_str(), s.title.as_str())),
                );
            }
            self.not_empty(at, &subject, "title", &entry.title);
            self.not_empty(at, &subject, "quote", &entry.quote);
            if let Some(s) = source
                && let Some(text) = &texts[s]
                && !entry.quote.trim().is_empty()
            {
                self.quote_in_source(at, &subject, &entry.quote, &entry.source, text);
            }
            if let (Some(when), Some(source)) = (when, source) {
                events.push(Event {
                    id: entry.id.clone(),
                    when,
                    title: entry.title.clone(),
                    kind: entry.kind,
                    actors,
                    place: entry.place.clone(),
                    source,
                    quote: entry.quote.clone(),
                    tags: entry.tags.clone(),
                });
            }
        }
        events
    }

    fn when(
        &mut self,
        entry: &super::EventEntry,
        at: Option<usize>,
        subject: &str,
    ) -> Option<When> {
        let date = self.date(at, "date", subject, &entry.date);
        let end = match &entry.end {
            Some(end) => Some(self.date(at, "end", subject, end)?),
            None => None,
        };
        let when = When {
            date: date?,
            end,
            circa: entry.circa,
        };
        if let Some(end) = end
            && end.last_day() < when.date.first_day()
        {
            let field = self.at.field(at, "end");
            self.error(
                field,
                format!("{subject}: end {end} is before date {}", when.date),
            )
            .help = Some("`end` is the last date of a span; swap the two or remove `end`".into());
        }
        Some(when)
    }

    fn not_empty(&mut self, at: Option<usize>, subject: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            let field_at = self.at.field(at, field);
            self.error(field_at, format!("{subject} has an empty {field}"));
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn unknown<'n>(
        &mut self,
        at: Option<usize>,
        field: &str,
        subject: &str,
        kind: &str,
        name: &str,
        known: impl Iterator<Item = (&'n str, &'n str)>,
    ) {
        let offset = self.at.value_in_field(at, field, name);
        let help = match suggest(name, known) {
            Some(best) => format!("did you mean \"{best}\"?"),
            None => format!("no {kind} has that id: add one to `{kind}s`, or use an existing id"),
        };
        self.error(offset, format!("{subject}: unknown {kind} \"{name}\""))
            .help = Some(help);
    }

    fn quote_in_source(
        &mut self,
        at: Option<usize>,
        subject: &str,
        quote: &str,
        source: &str,
        text: &str,
    ) {
        let quote = squash_whitespace(quote);
        if text.contains(&quote) {
            return;
        }
        let chars: Vec<(usize, char)> = quote.char_indices().collect();
        let matched = chars.partition_point(|&(i, c)| text.contains(&quote[..i + c.len_utf8()]));
        let differs: String = quote.chars().skip(matched).take(24).collect();
        let field = self.at.field(at, "quote");
        self.error(
            field,
            format!("{subject}: quote is not in the text of source \"{source}\""),
        )
        .help = Some(format!(
            "the first {matched} characters match; it differs from \"{differs}\". Copy quotes character for character (curly quotes and dashes included); only white space may differ"
        ));
    }

    /// Warns of actors and sources no event refers to, counting every event as written so a
    /// broken event does not make its actors look unused.
    fn unused(&mut self, file: &StoreFile, sources: &[Option<usize>], actors: &[Option<usize>]) {
        let cited: HashSet<&str> = file.events.iter().map(|e| e.source.as_str()).collect();
        let named: HashSet<&str> = file
            .events
            .iter()
            .flat_map(|e| e.actors.iter().map(String::as_str))
            .collect();
        for (actor, &at) in file.actors.iter().zip(actors) {
            if !named.contains(actor.id.as_str()) {
                let position = self.at.position(at);
                self.problems.push(
                    Diagnostic::warning(position, format!("actor \"{}\" is in no event", actor.id))
                        .with_help("add it to an event's `actors`, or remove it"),
                );
            }
        }
        for (source, &at) in file.sources.iter().zip(sources) {
            if !cited.contains(source.id.as_str()) {
                let position = self.at.position(at);
                self.problems.push(
                    Diagnostic::warning(
                        position,
                        format!("source \"{}\" is cited by no event", source.id),
                    )
                    .with_help("cite it from an event's `source`, or remove it"),
                );
            }
        }
    }
}

fn index_of<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut map = HashMap::new();
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
