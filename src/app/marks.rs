//! Marks and copying: marking events to come back to, stepping between marks, keeping them
//! across sessions, and copying the selected event's quote with its citation.

use std::collections::BTreeSet;

use super::App;
use crate::citation;
use crate::date::Day;
use crate::index::EventSet;
use crate::marks::MarksPlace;

impl App {
    /// Keeps marks in `place`, starting with the marks saved there. Marks whose events the
    /// store no longer has are dropped, with a note.
    pub fn keep_marks_in(&mut self, place: MarksPlace) {
        match place.load() {
            // Finding marked events reads every event's id: not done when there are none.
            Ok(ids) if ids.is_empty() => self.marked.clear(),
            Ok(ids) => {
                let wanted: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
                self.marked = (0..self.store.events.len())
                    .filter(|&e| wanted.contains(self.store.events[e].id.as_str()))
                    .collect();
                let gone = ids.len().saturating_sub(self.marked.len());
                if gone > 0 {
                    self.status = Some(format!(
                        "{} dropped: the store no longer has their events",
                        crate::text::count(gone, "mark")
                    ));
                }
            }
            Err(e) => self.status = Some(format!("marks not read: {e}")),
        }
        self.marks_place = Some(place);
    }

    /// Space on the timeline: marks or unmarks the selected event, and saves the marks.
    pub(super) fn toggle_mark(&mut self) {
        let Some(event) = self.selected_event() else {
            return;
        };
        let marked = !self.marked.remove(&event);
        if marked {
            self.marked.insert(event);
        }
        if self.filter.only.is_some() {
            self.filter.only = Some(self.marked_set());
            self.refresh();
        }
        let count = crate::text::count(self.marked.len(), "mark");
        self.status = Some(if marked {
            format!("marked ({count}; . and , step between them)")
        } else {
            format!("unmarked ({count})")
        });
        let Some(place) = &self.marks_place else {
            return;
        };
        let ids = self
            .marked
            .iter()
            .map(|&e| self.store.events[e].id.clone())
            .collect();
        if let Err(e) = place.save(&ids) {
            self.status = Some(format!("marks not saved: {e}"));
        }
    }

    fn no_marks_yet(&self) -> String {
        let key = self.keymap.keys_of("mark", 1);
        format!("no marks yet: {key} on the timeline marks an event")
    }

    /// `M`: only the marked events among the matches, or every match again.
    pub(super) fn toggle_marked_only(&mut self) {
        if self.filter.only.take().is_none() {
            if self.marked.is_empty() {
                self.status = Some(self.no_marks_yet());
                return;
            }
            self.filter.only = Some(self.marked_set());
        }
        self.refresh();
    }

    /// The marked events as a set for the filter.
    pub(super) fn marked_set(&self) -> EventSet {
        self.marked
            .iter()
            .filter_map(|&e| u32::try_from(e).ok())
            .collect()
    }

    /// The first days of the marked events that match, for the histogram.
    pub fn marked_days(&self) -> Vec<Day> {
        self.marked
            .iter()
            .filter(|e| self.matches.events.binary_search(e).is_ok())
            .map(|&e| self.store.events.when(e).first_day())
            .collect()
    }

    /// `.` and `,`: the next or previous marked event among the matches.
    pub(super) fn step_mark(&mut self, forward: bool) {
        let at = self.timeline.selected;
        let marked = |p: &usize| self.marked.contains(&self.matches.events[*p]);
        let found = if forward {
            (at + 1..self.matches.events.len()).find(marked)
        } else {
            (0..at).rev().find(marked)
        };
        match found {
            Some(position) => {
                self.timeline.selected = position;
                self.detail.scroll = 0;
            }
            None if self.marked.is_empty() => {
                self.status = Some(self.no_marks_yet());
            }
            None => {
                let way = if forward { "after" } else { "before" };
                self.status = Some(format!("no marked event {way} this one"));
            }
        }
    }

    /// `c`: puts the selected event's quote with its citation on the clipboard (the terminal
    /// loop sends it) and says what was copied.
    pub(super) fn copy_quote(&mut self) {
        let Some(event) = self.selected_event() else {
            self.status = Some("no event selected: nothing to copy".into());
            return;
        };
        let text = citation::cite(&self.store, &self.store.events[event]);
        self.status = Some(format!(
            "copied the quote with its citation ({} characters)",
            text.chars().count()
        ));
        self.clipboard = Some(text);
    }
}
