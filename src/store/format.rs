//! The RON file format exactly as a person writes it, before ids and dates are checked.

use serde::{Deserialize, Serialize};

use super::Extra;

/// A whole store file: `Store(title: .., sources: [..], actors: [..], events: [..])`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename = "Store", deny_unknown_fields)]
pub struct StoreFile {
    pub title: String,
    /// Whether every event must quote its source. Curated stores do (the default); stores
    /// imported from datasets, whose rows rarely carry a quote, say `require_quotes: false`.
    #[serde(default = "yes")]
    pub require_quotes: bool,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub circa: bool,
    pub title: String,
    pub kind: EventKind,
    pub actors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    pub source: String,
    /// Words copied from the source; may be left out where the store does not require quotes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The dataset's own description of the event (ACLED `notes`, TimelineJS text): a
    /// summary, not a quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The dataset's own category ("Protests: Peaceful protest", "CAMEO 040: Consult").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Columns of the dataset that map to no field, in its order: nothing is lost.
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub extra: Extra,
}

fn yes() -> bool {
    true
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(value: &bool) -> bool {
    !value
}

impl StoreFile {
    /// Writes the store as RON a person can edit, after a comment saying where it came from.
    pub fn write_ron(&self, out: &mut impl std::io::Write, comment: &str) -> std::io::Result<()> {
        for line in comment.lines() {
            writeln!(out, "// {line}")?;
        }
        let config = ron::ser::PrettyConfig::new()
            .struct_names(true)
            .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
        ron::Options::default()
            .to_io_writer_pretty(&mut *out, self, config)
            .map_err(std::io::Error::other)?;
        writeln!(out)
    }
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
