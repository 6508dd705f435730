//! Where each pane goes for a terminal size: the sidebar docked, over the timeline or hidden;
//! the histogram strip; the event beside or under the timeline, or full screen.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Block;
use unicode_width::UnicodeWidthStr;

use super::sidebar::SPARKLINE_COLUMNS;
use super::{
    DETAIL_BESIDE_MIN_WIDTH, DETAIL_UNDER_MIN_HEIGHT, HISTOGRAM_MIN_HEIGHT, SIDEBAR_MIN_WIDTH,
    SPARKLINES_MIN_WIDTH,
};
use crate::app::App;

pub(super) struct Panes {
    pub(super) sidebar: Option<Rect>,
    pub(super) histogram: Option<Rect>,
    pub(super) timeline: Option<Rect>,
    pub(super) detail: Option<Rect>,
    pub(super) detail_beside: bool,
    pub(super) sidebar_docked: bool,
    /// The columns the histogram strip has (or would have, hidden), borders included.
    pub(super) histogram_columns: Option<u16>,
}

/// A pane's frame: bordered, or bare on terminals too short to spare the rows.
pub(super) fn pane_frame<'a>(bordered: bool) -> Block<'a> {
    if bordered {
        Block::bordered()
    } else {
        Block::new()
    }
}

/// The sidebar's width: its longest name and count where the terminal has room (a quarter
/// of it, at most 44 columns), never less than 26; from [`SPARKLINES_MIN_WIDTH`] columns,
/// room for the sparklines besides.
fn sidebar_width(app: &App, body: Rect) -> u16 {
    let sparklines = if body.width >= SPARKLINES_MIN_WIDTH {
        SPARKLINE_COLUMNS
    } else {
        0
    };
    let longest = app
        .store
        .actors
        .iter()
        .take(10_000)
        .map(|a| a.name.width().min(60))
        .max()
        .unwrap_or(0);
    let count = app.store.events.len().to_string().len();
    let wanted = u16::try_from(longest + count + 6).unwrap_or(u16::MAX);
    wanted.clamp(26, (body.width / 4).clamp(26, 44)) + sparklines
}

/// Where each pane goes for this size: three columns, detail under the timeline, or the
/// timeline alone; the sidebar docked, over the timeline or hidden; a zoomed detail view
/// takes the whole body.
pub(super) fn panes(app: &App, body: Rect) -> Panes {
    let detail_beside = body.width >= DETAIL_BESIDE_MIN_WIDTH;
    if app.zoomed {
        return Panes {
            sidebar: None,
            histogram: None,
            timeline: None,
            detail: Some(body),
            detail_beside,
            sidebar_docked: false,
            histogram_columns: None,
        };
    }
    let wide = body.width >= SIDEBAR_MIN_WIDTH;
    let sidebar_docked = wide && !app.sidebar_hidden;
    let (sidebar, main) = if sidebar_docked {
        let [sidebar, main] = Layout::horizontal([
            Constraint::Length(sidebar_width(app, body)),
            Constraint::Fill(1),
        ])
        .areas(body);
        (Some(sidebar), main)
    } else if app.sidebar_overlay {
        let [overlay, _] =
            Layout::horizontal([Constraint::Length(body.width), Constraint::Fill(1)]).areas(body);
        (Some(overlay), body)
    } else {
        (None, body)
    };
    let (histogram, rest) = split_histogram(app, body, main);
    let (timeline, detail) = if detail_beside {
        let detail_width = (rest.width * 2 / 5).clamp(34, 72);
        let [timeline, detail] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(detail_width)]).areas(rest);
        (timeline, Some(detail))
    } else if body.height >= DETAIL_UNDER_MIN_HEIGHT {
        let [timeline, detail] =
            Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(rest);
        (timeline, Some(detail))
    } else {
        (rest, None)
    };
    Panes {
        sidebar,
        histogram,
        timeline: Some(timeline),
        detail,
        detail_beside,
        sidebar_docked,
        histogram_columns: Some(main.width),
    }
}

/// The histogram strip's rows (borders and the axis line included) for a body this tall:
/// none below [`HISTOGRAM_MIN_HEIGHT`], so events keep the room.
fn histogram_height(body: Rect) -> u16 {
    match body.height {
        h if h >= 30 => 9,
        h if h >= 20 => 7,
        h if h >= HISTOGRAM_MIN_HEIGHT => 4,
        _ => 0,
    }
}

/// The histogram strip at the top of `main`, when it is shown and the body has room.
fn split_histogram(app: &App, body: Rect, main: Rect) -> (Option<Rect>, Rect) {
    let height = histogram_height(body);
    if !app.histogram.shown || height == 0 {
        return (None, main);
    }
    let [strip, rest] =
        Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(main);
    (Some(strip), rest)
}
