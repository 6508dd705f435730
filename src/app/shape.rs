//! The shape of the timeline: the histogram's keys (zooming, stepping from bucket to bucket)
//! and the order of the timeline and the actors.

use super::App;

impl App {
    /// `z` and `Z`: buckets one unit finer or coarser than the histogram's (as zoomed, or
    /// as last fitted to the width); the strip shows if it was hidden.
    pub(super) fn zoom(&mut self, finer: bool) {
        let unit = self.histogram.zoom.unwrap_or(self.histogram.unit);
        let next = if finer { unit.finer() } else { unit.coarser() };
        self.histogram.shown = true;
        match next {
            Some(next) => self.histogram.zoom = Some(next),
            None => {
                self.status = Some(format!(
                    "the histogram is already by {}; {} zooms {}",
                    unit.name(),
                    if finer { "Z" } else { "z" },
                    if finer { "out" } else { "in" }
                ));
            }
        }
    }

    /// `←` and `→`: the first event of the previous or next bucket with matches, at the unit
    /// the histogram shows; the timeline shows it at the top.
    pub(super) fn step_bucket(&mut self, forward: bool) {
        let Some(event) = self.selected_event() else {
            return;
        };
        let unit = self.histogram.unit;
        let at = unit.index(self.store.events.when(event).first_day());
        let buckets = self.matches.counts.buckets(unit);
        let target = if forward {
            buckets.get(buckets.partition_point(|b| b.index <= at))
        } else {
            buckets
                .partition_point(|b| b.index < at)
                .checked_sub(1)
                .map(|i| &buckets[i])
        };
        let Some(target) = target else {
            self.status = Some(format!(
                "no {} {} with events",
                if forward { "later" } else { "earlier" },
                unit.name()
            ));
            return;
        };
        let start = unit.start(target.index);
        let mut position = self
            .matches
            .events
            .partition_point(|&e| self.store.events.when(e).first_day() < start);
        // The buckets count the matches; in find mode the first of them, not of every event.
        if let Some(found) = &self.matches.found
            && let Some(&first) = found.get(found.partition_point(|&p| p < position))
        {
            position = first;
        }
        self.select(position);
        self.timeline.show_at_top(position);
    }

    /// `o`: the actors by name, or by count again; the cursor stays on its actor.
    pub(super) fn sort_actors(&mut self) {
        self.sidebar.by_name = !self.sidebar.by_name;
        self.rebuild_sidebar();
    }

    /// `r`: the newest events at the top, or the oldest again; the selection stays.
    pub(super) fn reverse_timeline(&mut self) {
        self.timeline.newest_first = !self.timeline.newest_first;
        self.timeline.rebuild(&self.store, &self.matches.events);
    }
}
