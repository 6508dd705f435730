//! Moving around: focus, selection, pages, years and the mouse.

use ratatui::layout::{Position, Rect};

use super::App;
use crate::keymap::Focus;

/// Rows the mouse wheel moves.
const WHEEL_STEP: isize = 3;

impl App {
    /// Whether the actor sidebar is on screen (always, except on narrow terminals).
    fn sidebar_visible(&self) -> bool {
        self.areas.sidebar.is_some() || self.areas.timeline.is_none()
    }

    pub(super) fn cycle_focus(&mut self, forward: bool) {
        let mut order = vec![Focus::Timeline, Focus::Detail];
        if self.sidebar_visible() {
            order.insert(0, Focus::Actors);
        }
        let at = order.iter().position(|&f| f == self.focus).unwrap_or(0);
        let next = if forward {
            at + 1
        } else {
            at + order.len() - 1
        } % order.len();
        self.focus = order[next];
        if self.focus != Focus::Detail {
            self.zoomed = false;
        }
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
                self.timeline.selected = step(before, self.matches.events.len());
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
            .partition_point(|&e| self.store.events[e].when.year() < year)
    }

    fn select(&mut self, position: usize) {
        self.timeline.selected = position;
        self.detail.scroll = 0;
    }

    /// `[` and `]`: the first event of the previous or next year that has matching events.
    pub(super) fn jump_year(&mut self, forward: bool) {
        if self.matches.events.is_empty() {
            return;
        }
        let year = self.start_year(self.timeline.selected);
        let target = if forward {
            let next = self.first_of_year(year + 1);
            (next < self.matches.events.len()).then_some(next)
        } else {
            let first = self.first_of_year(year);
            (first > 0).then(|| self.first_of_year(self.start_year(first - 1)))
        };
        match target {
            Some(position) => self.select(position),
            None => {
                self.status = Some(format!(
                    "no {} year with events",
                    if forward { "later" } else { "earlier" }
                ))
            }
        }
    }

    /// Selects the first event of `year`, or of the nearest year that has events.
    pub(super) fn jump_to_year(&mut self, year: i32) {
        if self.matches.events.is_empty() {
            self.status = Some("no events to jump to".into());
            return;
        }
        let after = self.first_of_year(year).min(self.matches.events.len() - 1);
        let before = self.first_of_year(self.start_year(after.saturating_sub(1)).min(year));
        let nearest = [after, before]
            .into_iter()
            .min_by_key(|&p| (self.start_year(p) - year).abs())
            .unwrap_or(after);
        let found = self.start_year(nearest);
        if found != year {
            self.status = Some(format!("no events in {year}; showing {found}"));
        }
        self.select(nearest);
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

    pub(super) fn scroll_at(&mut self, column: u16, row: u16, down: bool) {
        if let Some((pane, _)) = self.pane_at(column, row) {
            self.move_by(pane, if down { WHEEL_STEP } else { -WHEEL_STEP });
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
                if let Some(position) = self.timeline.event_at_row(self.timeline.offset + line) {
                    self.select(position);
                }
            }
            Focus::Detail => {}
        }
    }
}
