//! The timeline: matching events in order, under year headings, with a scrollbar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
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
    /// Columns of the widest date among the rows.
    date_width: usize,
}

impl TimelineState {
    /// Lays out rows for `events` (store indices in timeline order), a heading per start year.
    pub fn rebuild(&mut self, store: &Store, events: &[usize]) {
        self.rows.clear();
        self.row_of.clear();
        // A date's width follows from its shape (vague or not, precision of date and end),
        // so a million events need only a few dates written out.
        let shape = |w: &When| {
            ((usize::from(w.circa) * 3 + w.date.precision() as usize) * 4
                + w.end.map_or(0, |end| end.precision() as usize + 1))
                * 2
                + usize::from(w.bound.is_some())
        };
        let mut widths = [None; 48];
        self.date_width = events
            .iter()
            .map(|&e| {
                let when = &store.events[e].when;
                *widths[shape(when)].get_or_insert_with(|| short_date(when).width())
            })
            .max()
            .unwrap_or(0);
        let mut year = None;
        for (position, &e) in events.iter().enumerate() {
            let y = store.events[e].when.year();
            if year != Some(y) {
                self.rows.push(Row::Year(y));
                year = Some(y);
            }
            self.row_of.push(self.rows.len());
            self.rows.push(Row::Event(position));
        }
    }

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

/// The widest date column; longer spans show their start and `–…` (the detail view has all).
const MAX_DATE_WIDTH: usize = 14;

fn short_date(when: &When) -> String {
    when.short_within(MAX_DATE_WIDTH)
}

/// The timeline widget, borrowing what it shows.
pub struct Timeline<'a> {
    pub store: &'a Store,
    pub events: &'a [usize],
    pub block: Block<'a>,
    pub theme: &'a Theme,
    pub focused: bool,
}

impl StatefulWidget for Timeline<'_> {
    type State = TimelineState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut TimelineState) {
        let inner = self.block.inner(area);
        (&self.block).render(area, buf);
        state.height = usize::from(inner.height);
        state.follow_selection();
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
                    let line = self.event_line(self.events[position], width, state.date_width);
                    if selected {
                        let style = if self.focused {
                            self.theme.selected
                        } else {
                            self.theme.selected_unfocused
                        };
                        buf.set_style(line_area, style);
                    }
                    line
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
    fn event_line(&self, index: usize, width: usize, date_width: usize) -> Line<'static> {
        let event = &self.store.events[index];
        let date = fit(&short_date(&event.when), date_width.min(width));
        let rest = width.saturating_sub(date_width + 7);
        let actors: Vec<&str> = event
            .actors
            .iter()
            .map(|&a| self.store.actors[a].short_name())
            .collect();
        let actors = sanitize(clip(&actors.join(", "), MAX_ROW_CHARS).0).into_owned();
        let title = sanitize(clip(&event.title, MAX_ROW_CHARS).0).into_owned();
        // Actors are shown when at least 12 columns are left beside the full title.
        let actors_width = rest.saturating_sub(title.width() + 2).min(actors.width());
        let (title, actors) =
            if actors_width >= 12 || actors_width == actors.width() && !actors.is_empty() {
                (
                    fit(&title, rest - actors_width - 2),
                    fit(&actors, actors_width),
                )
            } else {
                (fit(&title, rest), String::new())
            };
        Line::from(vec![
            Span::raw(" "),
            Span::styled(date, self.theme.muted),
            Span::raw(" "),
            Span::styled(event.kind.marker(), self.theme.kind(event.kind)),
            Span::raw(" "),
            Span::raw(title),
            Span::raw("  "),
            Span::styled(actors, self.theme.muted),
        ])
    }
}
