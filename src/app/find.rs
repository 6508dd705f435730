//! Find mode (`f`): the timeline keeps every event and the search's matches are marked on
//! it; `n` and `N` step through them, and the header says where the selection is among them.

use super::App;
use crate::app::PromptKind;
use crate::filter::step;
use crate::keymap::Mode;

/// The search prompt's label in find mode.
const FIND_LABEL: &str = "find /";

impl App {
    /// Whether the search marks its matches rather than filtering the timeline to them.
    pub fn finding(&self) -> bool {
        self.filter.find
    }

    /// `f` (Ctrl-F in the search prompt): finding instead of filtering, or back.
    pub(super) fn toggle_find(&mut self) {
        if self
            .prompt
            .as_ref()
            .is_some_and(|p| p.kind != PromptKind::Search)
        {
            return;
        }
        self.filter.find = !self.filter.find;
        if let Some(prompt) = &mut self.prompt {
            prompt.title = self.filter.find.then(|| FIND_LABEL.to_owned());
        }
        self.status = Some(if self.filter.find {
            "find: every event stays, the matches are marked ▸; n and N step through them".into()
        } else {
            "filter: only the matches are shown".into()
        });
        self.refresh();
    }

    /// The search prompt's label for the mode.
    pub(super) fn search_label(&self) -> Option<String> {
        self.filter.find.then(|| FIND_LABEL.to_owned())
    }

    /// `n` (`later` down the screen) and `N`: the next or previous match, wrapping round
    /// with a word when it does.
    pub(super) fn step_match(&mut self, down: bool) {
        let Some(found) = &self.matches.found else {
            self.status = Some(if self.filter.find && !self.query_text.trim().is_empty() {
                "still finding: n steps once the matches are in".into()
            } else if self.filter.find {
                "nothing to find yet: / types a search".into()
            } else {
                "the timeline shows only matches; f finds them among every event".into()
            });
            return;
        };
        let later = down != self.timeline.newest_first;
        let Some((position, wrapped)) = step(found, self.timeline.selected, later) else {
            self.status = Some("no events match".into());
            return;
        };
        self.select(position);
        if wrapped {
            let end = if down { "top" } else { "bottom" };
            self.status = Some(format!("search wrapped to the {end}"));
        }
    }

    /// Enter in the search prompt while finding: the first match from the selection down,
    /// once the search's answer is in.
    pub(super) fn find_from_here(&mut self) {
        self.find_jump = self.filter.find;
        self.find_arrived();
    }

    /// Makes the jump Enter asked for, if the newest search's matches are in.
    pub(super) fn find_arrived(&mut self) {
        if !self.find_jump || self.mode == Mode::Prompt || self.searcher.waiting_since().is_some() {
            return;
        }
        self.find_jump = false;
        // With no matches the status says why, and the selection stays.
        let stay = self.matches.found.as_ref().is_none_or(|found| {
            found.is_empty() || found.binary_search(&self.timeline.selected).is_ok()
        });
        if !stay {
            self.step_match(true);
        }
    }

    /// Where the selection is among the matches, for the header: `match 3/16` (counted
    /// down the screen, so from the newest with `O`), or `16 matches` when it is on none of
    /// them; `None` unless finding with a search.
    pub fn match_position(&self) -> Option<String> {
        let found = self.matches.found.as_ref()?;
        Some(
            match (found.binary_search(&self.timeline.selected), found.len()) {
                (_, 0) => "no matches".into(),
                (Ok(at), total) if self.timeline.newest_first => {
                    format!("match {}/{total}", total - at)
                }
                (Ok(at), total) => format!("match {}/{total}", at + 1),
                (Err(_), 1) => "1 match".into(),
                (Err(_), total) => format!("{total} matches"),
            },
        )
    }

    /// The events the search matches, as store indices: in find mode those marked among
    /// the timeline's, else the timeline's own.
    pub fn matching_events(&self) -> Vec<usize> {
        match &self.matches.found {
            Some(found) => found.iter().map(|&p| self.matches.events[p]).collect(),
            None => self.matches.events.to_vec(),
        }
    }

    /// How many events the search matches (see [`App::matching_events`]).
    pub fn matching_count(&self) -> usize {
        self.matches
            .found
            .as_ref()
            .map_or(self.matches.events.len(), Vec::len)
    }
}
