//! The filters: the search text, the selected actors and how they combine, and the filters
//! in words for the header.

use super::{App, HEADER_QUERY_CHARS};
use crate::actors::ActorNames;
use crate::filter::ActorMode;
use crate::query::{Query, Term};

impl App {
    pub(super) fn set_query(&mut self, text: String) {
        self.filter.query = Query::parse(&text);
        self.query_text = text;
        self.found_actors = self
            .filter
            .query
            .terms
            .iter()
            .filter_map(|term| match term {
                Term::Actor(typed) => Some(typed),
                _ => None,
            })
            .flat_map(|typed| {
                self.actor_names
                    .get_or_init(|| ActorNames::new(&self.store.actors))
                    .matching(typed)
            })
            .collect();
        self.refresh();
    }

    pub(super) fn toggle_actor(&mut self) {
        let Some(actor) = self.sidebar_actor() else {
            return;
        };
        if !self.filter.actors.remove(&actor) {
            self.filter.actors.insert(actor);
        }
        self.refresh();
    }

    pub(super) fn toggle_actor_mode(&mut self) {
        self.filter.mode = match self.filter.mode {
            ActorMode::Any => ActorMode::All,
            ActorMode::All => ActorMode::Any,
        };
        self.refresh();
    }

    /// The actors `@typed` found, in words: `Kurmanbek Bakiyev, Janysh Bakiyev`.
    fn resolve(&self, typed: &str) -> String {
        let names = self
            .actor_names
            .get_or_init(|| ActorNames::new(&self.store.actors));
        let found = names.matching(typed);
        if found.is_empty() {
            return "no actor".into();
        }
        let mut words: Vec<&str> = found
            .iter()
            .take(3)
            .map(|&a| self.store.actors[a].name.as_str())
            .collect();
        let more = (found.len() > 3).then(|| format!("{} more", found.len() - 3));
        words.extend(more.as_deref());
        words.join(", ")
    }

    /// The filters in words, for the header.
    pub fn describe_filters(&self) -> String {
        let mut parts = Vec::new();
        if !self.query_text.trim().is_empty() {
            let (query, cut) = crate::text::clip(self.query_text.trim(), HEADER_QUERY_CHARS);
            let more = if cut { "…" } else { "" };
            parts.push(format!("search “{query}{more}”"));
        }
        if let Some(problems) = self.filter.query.describe_problems() {
            parts.push(format!("⚠ {problems}"));
        }
        for term in &self.filter.query.terms {
            if let Term::Actor(typed) = term {
                parts.push(format!("@{typed} → {}", self.resolve(typed)));
            }
        }
        if !self.filter.actors.is_empty() {
            let names: Vec<&str> = self
                .filter
                .actors
                .iter()
                .map(|&a| self.store.actors[a].short_name())
                .collect();
            let mode = match self.filter.mode {
                ActorMode::Any => "any of",
                ActorMode::All => "all of",
            };
            parts.push(format!("actors: {mode} {}", names.join(", ")));
        }
        if self.filter.only.is_some() {
            parts.push(format!("only marked ({})", self.marked.len()));
        }
        parts.join(" · ")
    }
}
