//! Which panes and overlays are open: the help, the sidebar (docked, hidden or over the
//! timeline), and Esc putting away the innermost thing open or active.

use super::{App, Mode};
use crate::keymap::Focus;

impl App {
    pub(super) fn toggle_help(&mut self) {
        self.mode = if self.mode.is_overlay() {
            Mode::Browse
        } else {
            Mode::Help
        };
    }

    /// `s`: hides or shows the docked sidebar on wide terminals; on narrow ones shows it over
    /// the timeline, focused, or puts it away.
    pub(super) fn toggle_sidebar(&mut self) {
        if self.areas.sidebar_docked || self.sidebar_hidden {
            self.sidebar_hidden = !self.sidebar_hidden;
            if self.sidebar_hidden && self.focus == Focus::Actors {
                self.focus = Focus::Timeline;
            }
            return;
        }
        self.sidebar_overlay = !self.sidebar_overlay;
        self.focus = if self.sidebar_overlay {
            Focus::Actors
        } else {
            Focus::Timeline
        };
    }

    /// Esc while browsing: undo the innermost thing that is open or active.
    pub(super) fn back(&mut self) {
        if self.zoomed || self.focus == Focus::Detail {
            self.zoomed = false;
            self.focus = Focus::Timeline;
        } else if self.sidebar_overlay {
            self.toggle_sidebar();
        } else if !self.query_text.is_empty() {
            self.set_query(String::new());
        } else if !self.filter.actors.is_empty() {
            self.filter.actors.clear();
            self.refresh();
        } else if self.filter.only.is_some() {
            self.toggle_marked_only();
        } else if !self.sidebar.filter.is_empty() {
            self.sidebar.filter.clear();
            self.rebuild_sidebar();
        } else {
            let quit = self.keymap.keys_of("quit", 1);
            self.status = Some(format!("nothing to clear; {quit} quits"));
        }
    }
}
