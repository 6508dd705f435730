//! Following connections: related events (and back), who acts with whom, and the quote in
//! its paragraph.

use super::App;
use crate::keymap::{Focus, Mode};
use crate::passage;
use crate::related::related;
use crate::searcher::Job;

/// How many jumps `b` can go back.
const MAX_JUMPS: usize = 100;

impl App {
    /// Works out the selected event's related events, when the selection or the matches
    /// changed since last time.
    pub(super) fn relate(&mut self) {
        let key = (self.timeline.selected, self.matches.events.len());
        if self.related_for == Some(key) {
            return;
        }
        self.related_for = Some(key);
        self.related = related(&self.store, &self.matches.events, self.timeline.selected);
    }

    /// `<` and `>`: the nearest earlier or later match sharing an actor with the selected one.
    pub(super) fn jump_related(&mut self, later: bool) {
        let (Some(event), link) = (
            self.selected_event(),
            if later {
                self.related.next
            } else {
                self.related.previous
            },
        ) else {
            return;
        };
        let Some(link) = link else {
            self.status = Some(format!(
                "no {} match shares an actor with this event",
                if later { "later" } else { "earlier" }
            ));
            return;
        };
        self.jumps.push(event);
        if self.jumps.len() > MAX_JUMPS {
            self.jumps.remove(0);
        }
        self.select(link.position);
    }

    /// `b`: back to the event selected before the last jump (or the nearest match to it).
    pub(super) fn jump_back(&mut self) {
        let Some(event) = self.jumps.pop() else {
            self.status = Some("no jump to go back from; < and > jump to related events".into());
            return;
        };
        if !self.matches.events.is_empty() {
            let position = self.nearest_in_time(event);
            self.select(position);
        }
    }

    /// `w`: the co-actors of the actor under the sidebar cursor (when the sidebar has the
    /// focus) or of the selected event's actors, among the matches.
    pub(super) fn open_with_whom(&mut self) {
        let subject: Vec<usize> = if self.focus == Focus::Actors {
            self.sidebar_actor().into_iter().collect()
        } else {
            self.selected_event()
                .map(|e| self.store.events[e].distinct_actors().collect())
                .unwrap_or_default()
        };
        if subject.is_empty() {
            self.status = Some("no actor to look at: select an event or an actor".into());
            return;
        }
        // Counted on the search thread from the actors' own events; "…" until then.
        self.with_whom.rows.clear();
        self.with_whom.counting = true;
        self.with_whom.subject = subject.clone();
        self.with_whom.selected = 0;
        self.with_whom.offset = 0;
        self.mode = Mode::WithWhom;
        self.ask(Job {
            with_whom: Some(subject),
            ..Job::default()
        });
        self.receive();
    }

    /// Enter in the co-actors list: adds that actor to the actor filter and closes the list.
    pub(super) fn add_co_actor(&mut self) {
        let Some(&(actor, _)) = self.with_whom.rows.get(self.with_whom.selected) else {
            return;
        };
        self.mode = Mode::Browse;
        self.filter.actors.insert(actor);
        self.refresh();
    }

    /// `p`: the source text around the selected event's quote.
    pub(super) fn open_passage(&mut self) {
        let Some(e) = self.selected_event() else {
            return;
        };
        let event = &self.store.events[e];
        let text = self.store.sources[event.source].text.as_deref();
        self.passage.event = e;
        self.passage.found = text.and_then(|text| {
            let found = passage::around(text, event.quote.as_deref()?)?;
            Some((found.start..found.start + found.text.len(), found.quote))
        });
        self.passage.has_text = text.is_some();
        self.passage.scroll = 0;
        self.passage.to_quote = true;
        self.mode = Mode::Passage;
    }
}
