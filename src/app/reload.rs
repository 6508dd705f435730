//! Reloading the store (`r`, or when its file changes): the new store takes the place of the
//! old one with the search, the selected actors, the marks and the selected event kept by
//! their ids; a store that does not load leaves the old one on screen and says why.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::App;
use crate::filter::Matches;
use crate::index::Index;
use crate::keymap::Mode;
use crate::reload::{Reloaded, Reloader};
use crate::searcher::Searcher;
use crate::store::Store;
use crate::text::count;

impl App {
    /// Reloads the store through `reloader` when its file changes, and on `r`.
    pub fn keep_reloading(&mut self, reloader: Reloader) {
        self.reloader = Some(reloader);
    }

    /// `r`: reloads the store now.
    pub(super) fn reload(&mut self) {
        match &self.reloader {
            Some(reloader) => {
                reloader.request();
                self.status = Some("reloading…".into());
            }
            None => {
                self.status = Some(
                    "nothing to reload: the bundled store and standard input do not change".into(),
                );
            }
        }
    }

    /// Takes in a reload that finished, if one did.
    pub(super) fn take_reload(&mut self) {
        let Some(reloaded) = self.reloader.as_ref().and_then(Reloader::answer) else {
            return;
        };
        self.apply_reload(reloaded);
    }

    /// Waits for the next reload and takes it in (tests).
    pub fn wait_for_reload(&mut self, timeout: std::time::Duration) -> bool {
        let Some(reloaded) = self.reloader.as_ref().and_then(|r| r.wait(timeout)) else {
            return false;
        };
        self.apply_reload(reloaded);
        true
    }

    fn apply_reload(&mut self, reloaded: Reloaded) {
        match reloaded {
            Reloaded::Store(loaded) => {
                let (store, index) = *loaded;
                self.replace_store(store, index);
            }
            Reloaded::Failed(why) => {
                self.status = Some(format!(
                    "not reloaded, still showing the last good store: {why}"
                ));
            }
        }
    }

    /// Shows `store` in place of the current one, keeping what was chosen by id: the selected
    /// actors, the marks, the selected event (else the nearest by date). The search is run
    /// again on the new store.
    pub fn replace_store(&mut self, store: Store, index: Index) {
        let old = Arc::clone(&self.store);
        let selected = self.selected_event().map(|e| &old.events[e]);
        let store = Arc::new(store);
        let by_id = |id: &str| store.events.iter().position(|e| e.id == id);
        let target = selected.map(|event| {
            by_id(&event.id).unwrap_or_else(|| {
                let day = event.when.first_day();
                store
                    .events
                    .partition_point(|when| when.first_day() < day)
                    .min(store.events.len().saturating_sub(1))
            })
        });
        let marked: BTreeSet<usize> = self
            .marked
            .iter()
            .filter_map(|&e| by_id(&old.events[e].id))
            .collect();
        let gone = self.marked.len() - marked.len();
        self.filter.actors = self
            .filter
            .actors
            .iter()
            .filter_map(|&a| store.actors.iter().position(|b| b.id == old.actors[a].id))
            .collect();
        self.searcher = match self.searcher {
            Searcher::Inline { .. } => Searcher::inline(Arc::new(index)),
            Searcher::Thread(_) => Searcher::spawn(Arc::clone(&store), move |_| index),
        };
        self.store = store;
        self.actor_names = std::sync::OnceLock::new();
        self.marked = marked;
        if self.filter.only.is_some() {
            self.filter.only = Some(self.marked_set());
        }
        // Positions into the old matches mean nothing now.
        self.jumps.clear();
        self.related_for = None;
        if matches!(self.mode, Mode::WithWhom | Mode::Passage) {
            self.mode = Mode::Browse;
        }
        // Every event first, so no pane holds an index into the old store while the search
        // runs again on the new one.
        self.matches = Matches::everything(&self.store);
        self.timeline.selected = target.unwrap_or(0);
        self.show_afresh();
        self.set_query(self.query_text.clone());
        let mut said = format!(
            "reloaded: {} (was {})",
            count(self.store.events.len(), "event"),
            old.events.len()
        );
        if gone > 0 {
            said += &format!(", {} dropped: their events are gone", count(gone, "mark"));
        }
        self.status = Some(said);
    }
}
