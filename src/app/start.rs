//! The view as a command line: `evex [FILE] --query Q --actor A --goto EVENT` opens the
//! explorer on a view, and `:` shows (and copies) the command line of the view on screen, so a
//! view can be kept or shared.

use super::App;
use crate::actors::ActorNames;
use crate::filter::ActorMode;
use crate::query::Query;

/// The filters and the selected event to open the explorer with.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct StartView {
    /// Open with this search, as typed after `/`.
    #[arg(long, short, allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Open with this actor selected in the sidebar (id, name, or a fuzzy part of a name or
    /// alias); repeat for several, which events must all have unless --any-actor.
    #[arg(long, short)]
    pub actor: Vec<String>,
    /// With several --actor: events with any of them rather than all.
    #[arg(long)]
    pub any_actor: bool,
    /// Open on this year, month or range (2012, 2012-08, 2010..2013), added to the search.
    #[arg(long, short, value_parser = checked_dates)]
    pub year: Option<String>,
    /// Open with only the marked events shown (as `M` does).
    #[arg(long)]
    pub marked: bool,
    /// Open with this event selected, by its id.
    #[arg(long, value_name = "EVENT_ID")]
    pub goto: Option<String>,
}

fn checked_dates(text: &str) -> Result<String, String> {
    crate::query::parse_dates(text).map(|_| text.to_owned())
}

impl App {
    /// Opens on `view`: its search, actors and selected event. What cannot be found is an
    /// error that says what was typed and what is close to it.
    pub fn start_at(&mut self, view: &StartView) -> Result<(), String> {
        let goto = view
            .goto
            .as_deref()
            .map(|id| self.event_by_id(id))
            .transpose()?;
        let names = ActorNames::new(&self.store.actors);
        let mut actors = Vec::new();
        for typed in &view.actor {
            let Some(&best) = names.matching(typed).first() else {
                let close = names.suggest(typed).map_or_else(
                    || "; the sidebar lists every actor".to_owned(),
                    |a| format!("; did you mean {}?", self.store.actors[a].name),
                );
                return Err(format!("--actor {typed}: no actor matches{close}"));
            };
            actors.push(best);
        }
        let query = [view.query.as_deref(), view.year.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(problems) = Query::parse(&query).describe_problems() {
            return Err(format!("--query: cannot understand the search: {problems}"));
        }
        if view.marked && self.marked.is_empty() {
            return Err("--marked: no events are marked in this store".into());
        }
        // Selected first: new matches keep the selection on it, or the nearest in time.
        if let Some(event) = goto {
            self.timeline.selected = self.matches.events.binary_search(&event).unwrap_or(0);
        }
        self.filter.actors = actors.into_iter().collect();
        if self.filter.actors.len() > 1 && !view.any_actor {
            self.filter.mode = ActorMode::All;
        }
        if view.marked {
            self.toggle_marked_only();
        }
        self.set_query(query);
        Ok(())
    }

    /// The store index of the event with id `id`, or an error naming the closest id.
    fn event_by_id(&self, id: &str) -> Result<usize, String> {
        if let Some(found) = self.store.events.iter().position(|e| e.id == id) {
            return Ok(found);
        }
        let closest = self
            .store
            .events
            .iter()
            .map(|e| (strsim::jaro_winkler(&e.id, id), &e.id))
            .filter(|(score, _)| *score >= 0.7)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let hint = closest.map_or_else(
            || "; `evex list` shows every event's id".to_owned(),
            |(_, id)| format!("; did you mean {id}?"),
        );
        Err(format!("--goto {id}: no event has this id{hint}"))
    }

    /// The view on screen as start-up flags: the search, the selected actors (by id), only
    /// marked, and the selected event.
    pub fn start_view(&self) -> StartView {
        let query = self.query_text.trim();
        StartView {
            query: (!query.is_empty()).then(|| query.to_owned()),
            actor: self
                .filter
                .actors
                .iter()
                .map(|&a| self.store.actors[a].id.clone())
                .collect(),
            any_actor: self.filter.actors.len() > 1 && self.filter.mode == ActorMode::Any,
            year: None,
            marked: self.filter.only.is_some(),
            goto: self
                .selected_event()
                .map(|e| self.store.events[e].id.clone()),
        }
    }

    /// The command line that opens this view, quoted for a POSIX shell.
    pub fn command_line(&self) -> String {
        let view = self.start_view();
        let mut words: Vec<String> = self.opened_with.clone();
        if let Some(query) = view.query {
            words.extend(["--query".into(), query]);
        }
        for actor in view.actor {
            words.extend(["--actor".into(), actor]);
        }
        if view.any_actor {
            words.push("--any-actor".into());
        }
        if view.marked {
            words.push("--marked".into());
        }
        if let Some(id) = view.goto {
            words.extend(["--goto".into(), id]);
        }
        // Only a NUL cannot be quoted, and no store text or path holds one.
        shlex::try_join(words.iter().map(String::as_str)).unwrap_or_else(|_| words.join(" "))
    }

    /// `:`: shows the command line of this view and copies it.
    pub(super) fn show_command_line(&mut self) {
        let line = self.command_line();
        self.status = Some(format!("copied: {line}"));
        self.clipboard = Some(line);
    }
}
