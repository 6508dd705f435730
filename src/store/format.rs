//! The RON file format exactly as a person writes it, before ids and dates are checked.

use serde::{Deserialize, Serialize};

/// A whole store file: `Store(title: .., sources: [..], actors: [..], events: [..])`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename = "Store", deny_unknown_fields)]
pub struct StoreFile {
    pub title: String,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub events: Vec<EventEntry>,
}

/// An article or document events are quoted from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    #[serde(default)]
    pub author: Option<String>,
    /// A partial date, checked like event dates.
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// The full text; when present every quote citing this source must appear in it.
    #[serde(default)]
    pub text: Option<String>,
}

/// Someone or something that acts in events.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: String,
    pub name: String,
    /// A short name for narrow columns ("Lukashenko"); the name when left out.
    #[serde(default)]
    pub short: Option<String>,
    pub kind: ActorKind,
    /// Other names the sources use; searched like the name.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub role: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum ActorKind {
    Person,
    State,
    Organization,
    Group,
    Media,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum EventKind {
    Diplomacy,
    Politics,
    Law,
    Economy,
    Crime,
    Conflict,
    Statement,
    Other,
}

impl EventKind {
    pub const ALL: [Self; 8] = [
        Self::Diplomacy,
        Self::Politics,
        Self::Law,
        Self::Economy,
        Self::Crime,
        Self::Conflict,
        Self::Statement,
        Self::Other,
    ];

    /// Three letters for the timeline's kind column.
    pub fn marker(self) -> &'static str {
        match self {
            Self::Diplomacy => "DIP",
            Self::Politics => "POL",
            Self::Law => "LAW",
            Self::Economy => "ECO",
            Self::Crime => "CRI",
            Self::Conflict => "CON",
            Self::Statement => "SAY",
            Self::Other => "OTH",
        }
    }
}

/// One event as written: ids and dates are still text.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename = "Event", deny_unknown_fields)]
pub struct EventEntry {
    pub id: String,
    pub date: String,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub circa: bool,
    pub title: String,
    pub kind: EventKind,
    pub actors: Vec<String>,
    #[serde(default)]
    pub place: Option<String>,
    pub source: String,
    pub quote: String,
    #[serde(default)]
    pub tags: Vec<String>,
}

impl Actor {
    /// Every name the actor is searched by: name, short name and aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.short.as_deref())
            .chain(self.aliases.iter().map(String::as_str))
    }

    /// The name narrow columns show.
    pub fn short_name(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }
}
