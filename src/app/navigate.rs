//! Moving around: focus, selection, pages, years and the mouse.

use ratatui::layout::{Position, Rect};

use super::App;
use crate::action::Action;
use crate::keymap::{Focus, Mode};

/// Rows the mouse wheel moves.
const WHEEL_STEP: isize = 3;

impl App {
    /// Tab and Shift-Tab: actors, timeline, event, round again. On narrow terminals the
    /// actors come over the timeline while they have the focus, so Tab reaches them at any
    /// size; a hidden sidebar is skipped.
    pub(super) fn cycle_focus(&mut self, forward: bool) {
        let mut order = vec![Focus::Timeline];
        // On terminals too short for the event pane, Enter shows the event instead.
        if self.areas.detail.is_some() || self.areas.timeline.is_none() {
            order.push(Focus::Detail);
        }
        if !self.sidebar_hidden {
            order.insert(0, Focus::Actors);
        }
        let at = order.iter().position(|&f| f == self.focus).unwrap_or(0);
        let next = if forward {
            at + 1
        } else {
            at + order.len() - 1
        } % order.len();
        self.focus = order[next];
        self.zoomed = false;
        self.sidebar_overlay = self.focus == Focus::Actors && !self.areas.sidebar_docked;
    }

    /// J and K in the event view: the next or previous event, staying in the view.
    pub(super) fn step_event(&mut self, delta: isize) {
        let before = self.timeline.selected;
        self.move_by(Focus::Timeline, delta);
        if self.timeline.selected == before && !self.matches.events.is_empty() {
            let end = if delta > 0 { "last" } else { "first" };
            self.status = Some(format!("this is the {end} event"));
        }
    }

    /// Scrolls the open overlay (or moves the co-actors cursor) for the actions that move;
    /// other actions go on as usual.
    pub(super) fn overlay_key(&mut self, action: Action) -> bool {
        let height = match self.mode {
            Mode::WithWhom => self.with_whom.height,
            Mode::Passage => self.passage.height,
            _ => self.help.height,
        };
        let page = isize::try_from(height.max(2) - 1).unwrap_or(1);
        let delta = match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::Top => isize::MIN,
            Action::Bottom => isize::MAX,
            Action::Scroll { down, .. } => {
                if down {
                    WHEEL_STEP
                } else {
                    -WHEEL_STEP
                }
            }
            _ => return false,
        };
        let (at, max) = match self.mode {
            Mode::WithWhom => (
                &mut self.with_whom.selected,
                self.with_whom.rows.len().saturating_sub(1),
            ),
            Mode::Passage => (&mut self.passage.scroll, self.passage.max_scroll),
            _ => (&mut self.help.scroll, self.help.max_scroll),
        };
        *at = at.saturating_add_signed(delta).min(max);
        true
    }

    /// Rows in a page of the focused pane, as last drawn.
    pub(super) fn page(&self) -> isize {
        let height = match self.focus {
            Focus::Actors => self.sidebar.height,
            Focus::Timeline => self.timeline.height,
            Focus::Detail => self.detail.height,
        };
        isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1)
    }

    /// Moves the cursor of `pane` by `delta` rows (clamped), or scrolls the detail view.
    pub(super) fn move_by(&mut self, pane: Focus, delta: isize) {
        let step =
            |at: usize, len: usize| at.saturating_add_signed(delta).min(len.saturating_sub(1));
        match pane {
            Focus::Actors => {
                self.sidebar.selected = step(self.sidebar.selected, self.sidebar.rows.len())
            }
            Focus::Timeline => {
                let before = self.timeline.selected;
                // Down the screen is back in time when the newest events are at the top.
                let delta = if self.timeline.newest_first {
                    delta.saturating_neg()
                } else {
                    delta
                };
                let len = self.matches.events.len();
                self.timeline.selected = before
                    .saturating_add_signed(delta)
                    .min(len.saturating_sub(1));
                if self.timeline.selected != before {
                    self.detail.scroll = 0;
                }
            }
            Focus::Detail => {
                self.detail.scroll = self
                    .detail
                    .scroll
                    .saturating_add_signed(delta)
                    .min(self.detail.max_scroll)
            }
        }
    }

    pub(super) fn open_detail(&mut self) {
        if self.selected_event().is_none() {
            return;
        }
        self.focus = Focus::Detail;
        self.zoomed = !self.areas.detail_beside;
    }

    fn start_year(&self, position: usize) -> i32 {
        self.store.events[self.matches.events[position]].when.year()
    }

    fn first_of_year(&self, year: i32) -> usize {
        self.matches
            .events
            .partition_point(|&e| self.store.events.when(e).year() < year)
    }

    pub(super) fn select(&mut self, position: usize) {
        self.timeline.selected = position;
        self.detail.scroll = 0;
    }

    /// `[` and `]`: the year block above or below on the screen, as `k` and `j` go. Oldest
    /// first that is the previous or next year with matching events, and its first event;
    /// newest first (`O`), `]` goes down the screen to the previous year in time and `[` up
    /// to the next, selecting the top row of that year's block (its latest event).
    pub(super) fn jump_year(&mut self, down: bool) {
        if self.matches.events.is_empty() {
            return;
        }
        let newest_first = self.timeline.newest_first;
        let later = down != newest_first;
        let year = self.start_year(self.timeline.selected);
        let target_year = if later {
            let next = self.first_of_year(year + 1);
            (next < self.matches.events.len()).then(|| self.start_year(next))
        } else {
            let first = self.first_of_year(year);
            (first > 0).then(|| self.start_year(first - 1))
        };
        let Some(target_year) = target_year else {
            self.status = Some(format!(
                "no {} year with events",
                if later { "later" } else { "earlier" }
            ));
            return;
        };
        let position = if newest_first {
            self.first_of_year(target_year + 1) - 1
        } else {
            self.first_of_year(target_year)
        };
        self.select(position);
    }

    /// `y`: selects the first match that starts in a year, month, day or range, else the
    /// first that spans it (the same events a search for it finds), and shows it at the top. With none, it says why
    /// (the search may hide some) and selects the nearest match after it, or the last.
    pub(super) fn go_to_date(&mut self, text: &str) {
        let range = match crate::query::parse_dates(text) {
            Ok(range) => range,
            Err(problem) => {
                self.status = Some(format!(
                    "{problem}; try 2012, 2012-08, 2012-08-15 or 2010..2013"
                ));
                return;
            }
        };
        if self.matches.events.is_empty() {
            self.status = Some("no events to go to".into());
            return;
        }
        let events = &self.matches.events;
        // The first event that starts in the range, else the first that spans it: always one
        // a search for the range finds.
        let starts =
            events.partition_point(|&e| self.store.events.when(e).first_day() < range.first);
        let found = events
            .get(starts)
            .filter(|&&e| self.store.events.when(e).first_day() <= range.last)
            .map(|_| starts)
            .or_else(|| {
                events
                    .iter()
                    .position(|&e| self.store.events.when(e).overlaps(range))
            });
        let position = found.unwrap_or_else(|| {
            let after =
                events.partition_point(|&e| self.store.events.when(e).last_day() < range.first);
            after.min(events.len() - 1)
        });
        if let Some(position) = found
            && self.store.events[events[position]].when.first_day() < range.first
        {
            let since = self.store.events[events[position]].when.short();
            self.status = Some(format!(
                "nothing starts in {text}; showing the first event that spans it ({since})"
            ));
        }
        if found.is_none() {
            let hidden = self
                .store
                .events
                .iter()
                .filter(|e| e.when.overlaps(range))
                .count();
            let shown = self.store.events[events[position]].when.short();
            self.status = Some(if hidden > 0 {
                format!(
                    "no matching events in {text}: the search hides {hidden} (Esc clears it); showing {shown}"
                )
            } else {
                format!("no events in {text}; showing the nearest, {shown}")
            });
        }
        self.select(position);
        self.timeline.show_at_top(position);
    }

    /// The pane under a point; the sidebar first, as it may be drawn over the timeline.
    fn pane_at(&self, column: u16, row: u16) -> Option<(Focus, Rect)> {
        let point = Position { x: column, y: row };
        [
            (Focus::Actors, self.areas.sidebar),
            (Focus::Timeline, self.areas.timeline),
            (Focus::Detail, self.areas.detail),
        ]
        .into_iter()
        .find_map(|(pane, area)| area.filter(|a| a.contains(point)).map(|a| (pane, a)))
    }

    /// The wheel scrolls the view under the pointer; a selection that would leave the view
    /// moves along to stay in it.
    pub(super) fn scroll_at(&mut self, column: u16, row: u16, down: bool) {
        let delta = if down { WHEEL_STEP } else { -WHEEL_STEP };
        match self.pane_at(column, row) {
            Some((Focus::Timeline, _)) => {
                let before = self.timeline.selected;
                self.timeline.scroll_view(delta);
                if self.timeline.selected != before {
                    self.detail.scroll = 0;
                }
            }
            Some((Focus::Actors, _)) => self.sidebar.scroll_view(delta),
            Some((Focus::Detail, _)) => self.move_by(Focus::Detail, delta),
            None => {}
        }
    }

    pub(super) fn click_at(&mut self, column: u16, row: u16) {
        let Some((pane, area)) = self.pane_at(column, row) else {
            return;
        };
        self.focus = pane;
        let line = usize::from(row - area.y);
        match pane {
            Focus::Actors => {
                if self.sidebar.offset + line < self.sidebar.rows.len() {
                    self.sidebar.selected = self.sidebar.offset + line;
                    self.toggle_actor();
                }
            }
            Focus::Timeline => {
                // A year heading selects the first event under it.
                let row = self.timeline.offset + line;
                let event = self
                    .timeline
                    .event_at_row(row)
                    .or_else(|| self.timeline.event_at_row(row + 1));
                if let Some(position) = event {
                    self.select(position);
                }
            }
            Focus::Detail => {}
        }
    }
}
