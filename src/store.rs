//! The event store: a RON file of sources, actors and events, loaded into a validated model
//! whose events are in timeline order.

pub mod chunked;
mod diagnostic;
mod events;
mod extra;
mod format;
pub mod formats;
mod locate;
mod record;
mod validate;

pub use diagnostic::{Diagnostic, Lines, Located, Position, Severity};
pub use events::{ChunkReader, Chunked, Events};
pub use extra::{Extra, Pairs};
pub use format::{Actor, ActorKind, EventEntry, EventKind, Source, StoreFile};
pub use record::EventRecord;

use serde::{Deserialize, Serialize};

use crate::date::When;
use crate::progress::{Progress, Stage};

/// The store bundled into the binary, built from the two articles in `shared/sources`.
pub const BUNDLED: &str = include_str!("../events.ron");

/// Index of an actor in [`Store::actors`].
pub type ActorId = usize;
/// Index of a source in [`Store::sources`].
pub type SourceId = usize;

/// A validated store. Events are sorted for the timeline: by the first day their date can
/// mean, then less precise first, then file order.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Store {
    pub title: String,
    pub sources: Vec<Source>,
    pub actors: Vec<Actor>,
    pub events: Events,
}

/// An event whose ids and dates have been checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub when: When,
    pub title: String,
    pub kind: EventKind,
    pub actors: Vec<ActorId>,
    pub place: Option<String>,
    pub source: SourceId,
    /// Words copied from the source, when the store has them.
    pub quote: Option<String>,
    pub tags: Vec<String>,
    /// The dataset's own description of the event: a summary, not a quote.
    pub notes: Option<String>,
    /// The dataset's own category, kept beside the evex kind it maps to.
    pub category: Option<String>,
    /// The dataset's columns that map to no field.
    pub extra: Extra,
}

impl Event {
    /// The text an event is found by, one field at a time (its actors' names aside): title,
    /// place, tags, category, notes, quote and the values of its extra columns.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.title.as_str())
            .chain(self.place.as_deref())
            .chain(self.tags.iter().map(String::as_str))
            .chain(self.category.as_deref())
            .chain(self.notes.as_deref())
            .chain(self.quote.as_deref())
            .chain(self.extra.iter().map(|(_, value)| value))
    }

    /// The event's actors, each once even if the store names one twice.
    pub fn distinct_actors(&self) -> impl Iterator<Item = ActorId> + '_ {
        let actors = &self.actors;
        (0..actors.len())
            .filter(move |&i| !actors[..i].contains(&actors[i]))
            .map(move |i| actors[i])
    }
}

/// A store that loaded, with the warnings that did not stop it.
#[derive(Debug)]
pub struct Loaded {
    pub store: Store,
    pub warnings: Vec<Diagnostic>,
}

/// Why a store did not load.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The text is not a RON store; nothing was checked.
    #[error("{}", .0.message)]
    Syntax(Diagnostic),
    /// The store parsed but has problems: every one is listed, warnings included.
    #[error("{} problem(s) in the store", .0.len())]
    Invalid(Vec<Diagnostic>),
}

impl LoadError {
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Self::Syntax(d) => std::slice::from_ref(d),
            Self::Invalid(all) => all,
        }
    }
}

/// Whether warnings get a line and column. Placing them means searching the text for each
/// one, which costs seconds in a big store with many warnings; loading to explore only counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warnings {
    Placed,
    Counted,
}

/// Parses and validates a store from its text, placing every problem in it.
pub fn parse(text: &str) -> Result<Loaded, LoadError> {
    parse_with(text, Warnings::Placed)
}

/// Parses and validates a store; errors are always placed, warnings as asked.
pub fn parse_with(text: &str, warnings: Warnings) -> Result<Loaded, LoadError> {
    parse_showing(text, warnings, &Progress::default())
}

/// Parses (on every core, a piece of the events at a time) and validates a store as
/// [`parse_with`] does, counting the bytes parsed in `progress`.
pub fn parse_showing(
    text: &str,
    warnings: Warnings,
    progress: &Progress,
) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_blank(text) {
        let message = "the file has no store in it (only white space and comments)";
        return Err(LoadError::Syntax(
            Diagnostic::error(Some(Position { line: 1, col: 1 }), message)
                .with_help("a store starts with `Store(title: \"..\", sources: [..], actors: [..], events: [..])`; see the README"),
        ));
    }
    progress.start(Stage::Parsing, text.len() as u64);
    let file = chunked::parse(text, chunked::PIECE_BYTES, progress)
        .map_err(|e| LoadError::Syntax(syntax_diagnostic(&e)))?;
    progress.start(Stage::Checking, 0);
    validate::validate(file, text, warnings).map_err(LoadError::Invalid)
}

/// Checks a store file that was not parsed from RON text (an imported dataset): problems
/// cannot be placed in a text, and rows were placed when they were read.
pub fn check(file: StoreFile) -> Result<Loaded, LoadError> {
    validate::validate(file, "", Warnings::Counted).map_err(LoadError::Invalid)
}

/// Whether `text` holds nothing but white space and RON comments.
fn is_blank(text: &str) -> bool {
    let mut rest = text.trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("//") {
            rest = after
                .split_once('\n')
                .map_or("", |(_, next)| next)
                .trim_start();
        } else if let Some(after) = rest.strip_prefix("/*") {
            let Some((_, next)) = after.split_once("*/") else {
                return false;
            };
            rest = next.trim_start();
        } else {
            return rest.is_empty();
        }
    }
}

fn syntax_diagnostic(error: &ron::error::SpannedError) -> Diagnostic {
    let position = Position {
        line: error.span.start.line,
        col: error.span.start.col,
    };
    let message = error.code.to_string();
    let help = match error.code {
        ron::Error::Eof => "the file ends early: check that every `(` and `[` is closed",
        ron::Error::ExpectedComma => {
            "a `,` is missing between two values: check the end of the line above"
        }
        ron::Error::ExceededRecursionLimit => "values are nested too deeply for an event store",
        _ => {
            "see the store format in the README (`Store(title: .., sources: [..], actors: [..], events: [..])`)"
        }
    };
    Diagnostic::error(Some(position), message).with_help(help)
}

impl Store {
    /// A store of checked events, put in timeline order. Computing each key once and moving
    /// events in place is much faster than comparing a million large events, and needs no
    /// second copy of them.
    pub(crate) fn in_timeline_order(
        title: String,
        sources: Vec<Source>,
        actors: Vec<Actor>,
        mut events: Vec<Event>,
    ) -> Self {
        // The same order as `When::timeline_cmp`; the sort is stable, so ties keep file order.
        events.sort_by_cached_key(|e| e.when.sort_key());
        Self {
            title,
            sources,
            actors,
            events: events.into(),
        }
    }

    /// The store as a store file, as `evex import` writes it: ids for references, dates as
    /// text, and quotes not required (datasets' rows rarely have one).
    pub fn to_file(&self) -> StoreFile {
        let events = self
            .events
            .iter()
            .map(|e| EventEntry {
                id: e.id.clone(),
                date: e.when.date_text(),
                end: e.when.end.map(|d| d.to_string()),
                circa: e.when.circa,
                title: e.title.clone(),
                kind: e.kind,
                actors: e
                    .actors
                    .iter()
                    .map(|&a| self.actors[a].id.clone())
                    .collect(),
                place: e.place.clone(),
                source: self.sources[e.source].id.clone(),
                quote: e.quote.clone().unwrap_or_default(),
                tags: e.tags.clone(),
                notes: e.notes.clone(),
                category: e.category.clone(),
                extra: e.extra.clone(),
            })
            .collect();
        StoreFile {
            title: self.title.clone(),
            require_quotes: false,
            sources: self.sources.clone(),
            actors: self.actors.clone(),
            events,
        }
    }

    /// The bundled store. It is checked by the test suite, so it always loads.
    pub fn bundled() -> Self {
        parse(BUNDLED)
            .map(|loaded| loaded.store)
            .expect("the bundled store is valid (checked by tests)")
    }

    pub fn actor_names(&self, event: &Event) -> Vec<&str> {
        event
            .actors
            .iter()
            .map(|&a| self.actors[a].name.as_str())
            .collect()
    }
}
