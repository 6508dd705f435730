//! What searching needs precomputed from a store: the text each event is searched by, and
//! the names each actor is matched by.

use crate::store::Store;

/// Search data built once when a store loads.
#[derive(Debug, Clone)]
pub struct Index {
    /// Per event: title, place, tags, actor names and quote, separated by newlines.
    text: Vec<String>,
    /// The same, lower-cased, for case-insensitive words.
    lower: Vec<String>,
    /// Per actor: its name, short name and aliases.
    pub actor_names: Vec<Vec<String>>,
}

impl Index {
    pub fn new(store: &Store) -> Self {
        let actor_names: Vec<Vec<String>> = store
            .actors
            .iter()
            .map(|a| {
                std::iter::once(&a.name)
                    .chain(&a.short)
                    .chain(&a.aliases)
                    .cloned()
                    .collect()
            })
            .collect();
        let text: Vec<String> = store
            .events
            .iter()
            .map(|e| {
                let mut parts: Vec<&str> = vec![&e.title, e.place.as_deref().unwrap_or("")];
                parts.extend(e.tags.iter().map(String::as_str));
                for &a in &e.actors {
                    parts.extend(actor_names[a].iter().map(String::as_str));
                }
                parts.push(&e.quote);
                parts.join("\n")
            })
            .collect();
        let lower = text.iter().map(|t| t.to_lowercase()).collect();
        Self {
            text,
            lower,
            actor_names,
        }
    }

    /// Whether event `event` contains `needle` (already lower-cased unless case-sensitive).
    pub fn contains(&self, event: usize, needle: &str, case_sensitive: bool) -> bool {
        let haystack = if case_sensitive {
            &self.text[event]
        } else {
            &self.lower[event]
        };
        haystack.contains(needle)
    }
}
