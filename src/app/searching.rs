//! Talking to the searcher: asking for matches, sparklines and co-actors, and showing
//! what comes back.

use std::time::Duration;

use super::App;
use crate::histogram::SparkSpec;
use crate::searcher::{Answer, Job};

/// How long a search runs before the header says "searching".
const SEARCHING_MARK_AFTER: Duration = Duration::from_millis(100);

impl App {
    /// Asks for the matches of the changed filter; they show when [`App::receive`] has them.
    pub(super) fn refresh(&mut self) {
        self.ask(Job {
            filter: Some(self.filter.clone()),
            ..Job::default()
        });
        self.receive();
    }

    /// Sends `job` to the searcher, with what the sparklines now follow.
    pub(super) fn ask(&mut self, job: Job) {
        let sparks = self.areas.sparklines.then_some(SparkSpec {
            zoom: self.histogram.zoom,
            width: self.histogram.width,
        });
        self.sparks_asked = sparks;
        self.searcher.request(&self.store, Job { sparks, ..job });
    }

    /// Asks for the sparklines again when what they follow (the histogram's zoom and width,
    /// whether they are drawn) changed since they were last asked for.
    pub(super) fn ask_for_sparks(&mut self) {
        let wanted = self.areas.sparklines.then_some(SparkSpec {
            zoom: self.histogram.zoom,
            width: self.histogram.width,
        });
        if wanted != self.sparks_asked {
            self.ask(Job::default());
        }
    }

    /// Shows what the searcher has ready (the newest search's matches, sparklines,
    /// co-actors), asks for sparklines the last frame's layout needs, and notes whether a
    /// search has been running long enough to say so.
    pub fn receive(&mut self) {
        self.take_reload();
        if let Some(problem) = self.copy_problems.as_ref().and_then(|p| p.try_recv().ok()) {
            self.status = Some(problem);
        }
        self.ask_for_sparks();
        if let Some(answer) = self.searcher.answer() {
            self.take(answer);
        }
        self.searching = self
            .searcher
            .waiting_since()
            .is_some_and(|since| since.elapsed() >= SEARCHING_MARK_AFTER);
        self.indexing = self.searching && self.searcher.indexing();
    }

    /// Waits until the newest search's matches are shown (tests of the search thread).
    pub fn wait_for_search(&mut self) {
        if let Some(answer) = self.searcher.wait() {
            self.take(answer);
        }
        self.searching = false;
    }

    /// After Enter in the search prompt: if the search matched nothing, the status line
    /// will say which words and names no event has, and the nearest ones.
    pub(super) fn ask_why_none(&mut self) {
        self.ask(Job {
            why_none: true,
            ..Job::default()
        });
        self.receive();
    }

    fn take(&mut self, answer: Answer) {
        if let Some(matches) = answer.matches {
            self.show(matches);
        }
        if let Some(sparks) = answer.sparks {
            self.sparks = sparks;
        }
        if let Some(rows) = answer.with_whom {
            self.with_whom.rows = rows;
            self.with_whom.counting = false;
        }
        if let Some(why) = answer.why_none {
            self.status = Some(format!("no events match: {why}"));
        }
        self.find_arrived();
    }
}
