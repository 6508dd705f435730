//! The timeline: matching events in order, under year headings, with a scrollbar.

use std::collections::BTreeSet;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, StatefulWidget, Widget};
use unicode_width::UnicodeWidthStr;

use crate::date::When;
use crate::report::fit;
use crate::store::Store;
use crate::text::{clip, sanitize};
use crate::theme::Theme;

/// A line of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Year(i32),
    /// The position of an event among the matches.
    Event(usize),
}

/// Rows, selection and scroll offset of the timeline.
#[derive(Debug, Clone, Default)]
pub struct TimelineState {
    pub rows: Vec<Row>,
    /// For each match position, its row.
    row_of: Vec<usize>,
    /// The selected match position.
    pub selected: usize,
    /// The first row on screen.
    pub offset: usize,
    /// Rows that fit, as last drawn.
    pub height: usize,
    /// Columns of the widest date in the store, so columns stay put while typing.
    date_width: usize,
    /// The store the date width was measured on, by its number of events.
    measured: Option<usize>,
    /// The newest events at the top (`r`).
    pub newest_first: bool,
}

impl TimelineState {
    /// Lays out rows for `events` (store indices in timeline order), a heading per start year;
    /// newest first when `newest_first` is set (`O`).
    pub fn rebuild(&mut self, store: &Store, events: &[usize]) {
        self.rows.clear();
        self.row_of.clear();
        self.row_of.resize(events.len(), 0);
        if self.measured != Some(store.events.len()) {
            self.date_width = widest_date(store);
            self.measured = Some(store.events.len());
        }
        let mut year = None;
        let order: Box<dyn Iterator<Item = (usize, &usize)>> = if self.newest_first {
            Box::new(events.iter().enumerate().rev())
        } else {
            Box::new(events.iter().enumerate())
        };
        for (position, &e) in order {
            let y = store.events.when(e).year();
            if year != Some(y) {
                self.rows.push(Row::Year(y));
                year = Some(y);
            }
            self.row_of[position] = self.rows.len();
            self.rows.push(Row::Event(position));
        }
    }

    /// Puts the year heading of match `position` at the top of the view.
    pub fn show_at_top(&mut self, position: usize) {
        if let Some(&row) = self.row_of.get(position) {
            self.offset = row.saturating_sub(usize::from(self.heading_above(row)));
        }
    }

    fn heading_above(&self, row: usize) -> bool {
        row > 0 && matches!(self.rows[row - 1], Row::Year(_))
    }

    /// Scrolls the view by `delta` rows; the selection moves only to stay in view.
    pub fn scroll_view(&mut self, delta: isize) {
        let height = self.height.max(1);
        let last_offset = self.rows.len().saturating_sub(height);
        self.offset = self.offset.saturating_add_signed(delta).min(last_offset);
        let Some(&row) = self.row_of.get(self.selected) else {
            return;
        };
        let (top, bottom) = (self.offset, self.offset + height);
        if row < top {
            self.selected = self.row_of.partition_point(|&r| r < top);
        } else if row >= bottom {
            self.selected = self
                .row_of
                .partition_point(|&r| r < bottom)
                .saturating_sub(1);
        }
    }

    /// The date column's width for a timeline `width` columns wide: whole dates where there
    /// is room, else spans shortened to their years.
    fn date_column(&self, width: usize) -> usize {
        if width < TITLE_ROOM {
            let tiny = if width < 28 {
                TINY_DATE_WIDTH
            } else {
                SHORT_DATE_WIDTH - 1
            };
            return self.date_width.min(tiny);
        }
        self.date_width
            .min(width.saturating_sub(TITLE_ROOM).max(SHORT_DATE_WIDTH))
    }
}

/// The widest date of a store. A date's width follows from its shape (vague or not, bounded
/// or not, precision of date and end), so a million events need only a few dates written out.
fn widest_date(store: &Store) -> usize {
    let shape = |w: &When| {
        ((usize::from(w.circa) * 3 + w.date.precision() as usize) * 4
            + w.end.map_or(0, |end| end.precision() as usize + 1))
            * 2
            + usize::from(w.bound.is_some())
    };
    let mut widths = [None; 48];
    store
        .events
        .whens()
        .map(|when| *widths[shape(when)].get_or_insert_with(|| when.short().width()))
        .max()
        .unwrap_or(0)
}

impl TimelineState {
    /// The match position on a row, if the row is an event.
    pub fn event_at_row(&self, row: usize) -> Option<usize> {
        match self.rows.get(row)? {
            Row::Event(position) => Some(*position),
            Row::Year(_) => None,
        }
    }

    /// Scrolls so the selected row, and its year heading when possible, are on screen.
    fn follow_selection(&mut self) {
        let Some(&row) = self.row_of.get(self.selected) else {
            self.offset = 0;
            return;
        };
        let height = self.height.max(1);
        let heading = row.saturating_sub(usize::from(
            self.rows
                .get(row.wrapping_sub(1))
                .is_some_and(|r| matches!(r, Row::Year(_))),
        ));
        if heading < self.offset {
            self.offset = heading;
        } else if row >= self.offset + height {
            self.offset = row + 1 - height;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(height));
    }
}

/// More characters than any row can show, so huge titles cost nothing per frame.
const MAX_ROW_CHARS: usize = 1_000;
/// More actors than any row can name.
const MAX_ROW_ACTORS: usize = 40;

/// The date column on narrow timelines; longer spans show their ends as years.
const SHORT_DATE_WIDTH: usize = 13;
/// The date column on tiny timelines: a year, circa, and a dash for spans.
const TINY_DATE_WIDTH: usize = 6;
/// From this many columns for title and actors, actors get a column of their own.
const ACTORS_COLUMN_FROM: usize = 70;
/// Columns a timeline keeps for the kind and title before it widens the date column.
const TITLE_ROOM: usize = 40;

/// The timeline widget, borrowing what it shows.
pub struct Timeline<'a> {
    pub store: &'a Store,
    pub events: &'a [usize],
    pub block: Block<'a>,
    pub theme: &'a Theme,
    pub focused: bool,
    /// Marked events, as store indices.
    pub marked: &'a BTreeSet<usize>,
    /// The search, whose matches are highlighted in titles.
    pub query: &'a crate::query::Query,
    /// Actors an `@` term found, highlighted among the actors.
    pub found_actors: &'a BTreeSet<usize>,
    /// In find mode with a search: the match positions, marked with [`FOUND_MARKER`] in a
    /// column of their own.
    pub found: Option<&'a [usize]>,
}

/// What marks a match in find mode, at the start of its row.
pub const FOUND_MARKER: &str = "▸";

impl StatefulWidget for Timeline<'_> {
    type State = TimelineState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut TimelineState) {
        let inner = self.block.inner(area);
        (&self.block).render(area, buf);
        state.height = usize::from(inner.height);
        state.follow_selection();
        let date_width = state.date_column(usize::from(inner.width));
        if state.rows.is_empty() && inner.height > 0 {
            Line::styled("no events match; Esc clears the search", self.theme.muted)
                .render(inner, buf);
        }
        let width = usize::from(inner.width.saturating_sub(1));
        for (i, row) in state
            .rows
            .iter()
            .skip(state.offset)
            .take(state.height)
            .enumerate()
        {
            let line_area = Rect {
                y: inner.y + u16::try_from(i).unwrap_or(0),
                height: 1,
                ..inner
            };
            let line = match *row {
                Row::Year(year) => year_line(year, width, self.theme),
                Row::Event(position) => {
                    let selected = position == state.selected;
                    let line = self.row_line(position, width, date_width);
                    if selected {
                        let selection = self.theme.selection(self.focused);
                        super::select_row(line, line_area, buf, selection)
                    } else {
                        line
                    }
                }
            };
            line.render(line_area, buf);
        }
        super::scrollbar(area, buf, state.rows.len(), state.height, state.offset);
    }
}

fn year_line(year: i32, width: usize, theme: &Theme) -> Line<'static> {
    let label = format!("── {year} ");
    let rule = "─".repeat(width.saturating_sub(label.width()));
    Line::styled(format!("{label}{rule}"), theme.year)
}

impl Timeline<'_> {
    /// An event's row; in find mode after a column saying whether it matches.
    fn row_line(&self, position: usize, width: usize, date_width: usize) -> Line<'static> {
        let event = self.events[position];
        let Some(found) = self.found else {
            return self.event_line(event, width, date_width);
        };
        let marker = if found.binary_search(&position).is_ok() {
            Span::styled(FOUND_MARKER, self.theme.highlight)
        } else {
            Span::raw(" ")
        };
        let mut line = self.event_line(event, width.saturating_sub(1), date_width);
        line.spans.insert(0, marker);
        line
    }

    fn event_line(&self, index: usize, width: usize, date_width: usize) -> Line<'static> {
        let event = &self.store.events[index];
        let date = fit(&event.when.short_within(date_width), date_width.min(width));
        let rest = width.saturating_sub(date_width + 6);
        let actors: Vec<&str> = event
            .actors
            .iter()
            .take(MAX_ROW_ACTORS)
            .map(|&a| clip(self.store.actors[a].short_name(), MAX_ROW_CHARS).0)
            .collect();
        let actors = sanitize(clip(&actors.join(", "), MAX_ROW_CHARS).0).into_owned();
        let title = sanitize(clip(&event.title, MAX_ROW_CHARS).0).into_owned();
        // Actors get a column of their own on wide timelines, and otherwise whatever the
        // whole title leaves when that is at least 12 columns.
        let (title, actors) = if rest >= ACTORS_COLUMN_FROM {
            let column = (rest / 4).min(30);
            (fit(&title, rest - column - 2), fit(&actors, column))
        } else {
            let actors_width = rest.saturating_sub(title.width() + 2).min(actors.width());
            if actors_width >= 12 || actors_width == actors.width() && !actors.is_empty() {
                (
                    fit(&title, rest - actors_width - 2),
                    fit(&actors, actors_width),
                )
            } else {
                (fit(&title, rest), String::new())
            }
        };
        let mark = if self.marked.contains(&index) {
            Span::styled("•", self.theme.mark)
        } else {
            Span::raw(" ")
        };
        let mut spans = vec![
            mark,
            Span::styled(date, self.theme.muted),
            Span::raw(" "),
            Span::styled(event.kind.marker(), self.theme.kind(event.kind)),
            Span::raw(" "),
        ];
        let mark = self.theme.highlight;
        spans.extend(super::detail::highlight(
            &title,
            self.query,
            Style::new(),
            mark,
        ));
        if !actors.is_empty() {
            spans.push(Span::raw("  "));
            spans.extend(self.found_in(&actors, event));
        }
        Line::from(spans)
    }

    /// The actors column with the names an `@` term found highlighted.
    fn found_in(&self, actors: &str, event: &crate::store::Event) -> Vec<Span<'static>> {
        let mut ranges: Vec<std::ops::Range<usize>> = event
            .actors
            .iter()
            .filter(|a| self.found_actors.contains(a))
            .filter_map(|&a| {
                let name = self.store.actors[a].short_name();
                actors.find(name).map(|at| at..at + name.len())
            })
            .collect();
        ranges.sort_by_key(|r| r.start);
        crate::highlight::pieces(actors, &ranges)
            .into_iter()
            .map(|(piece, found)| {
                let style = if found {
                    self.theme.highlight
                } else {
                    self.theme.muted
                };
                Span::styled(piece.to_owned(), style)
            })
            .collect()
    }
}
