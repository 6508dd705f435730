//! Drawing the explorer: a pure function of the app state (it only updates widget state such
//! as scroll offsets, and records where panes were drawn for the mouse).

pub mod bars;
pub mod detail;
pub mod help;
pub mod histogram;
mod layout;
pub mod loading;
pub mod passage;
pub mod sidebar;
pub mod timeline;
pub mod with_whom;
mod wrap;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget,
    Widget, Wrap,
};

use crate::app::{App, Areas};
use crate::filter::ActorMode;
use crate::keymap::{Focus, Mode};
use crate::text::sanitize;
use crate::theme::Theme;
use detail::Detail;
use histogram::Histogram;
use layout::{pane_frame, panes};
use sidebar::Sidebar;
use timeline::Timeline;

/// From this width the detail view goes beside the timeline, leaving titles room to read.
pub const DETAIL_BESIDE_MIN_WIDTH: u16 = 120;
/// Below this width the sidebar hides (`s` or Tab shows it over the timeline).
pub const SIDEBAR_MIN_WIDTH: u16 = 70;
/// From this body height the detail view goes under the timeline on narrow terminals; below
/// it the timeline has the body to itself and Enter shows the event full screen.
pub const DETAIL_UNDER_MIN_HEIGHT: u16 = 16;
/// Below this body height panes lose their borders, so every row shows events.
pub const BORDERED_MIN_HEIGHT: u16 = 8;
/// Below this body height the histogram strip is not drawn, even when shown.
pub const HISTOGRAM_MIN_HEIGHT: u16 = 12;
/// From this width the docked sidebar widens for each actor's sparkline (the sidebar over
/// the timeline shows them wherever it is [`sidebar::SPARKLINE_MIN_WIDTH`] wide).
pub const SPARKLINES_MIN_WIDTH: u16 = 150;
/// Below this size only a "too small" message is drawn.
pub const MIN_SIZE: (u16, u16) = (20, 6);

pub fn draw(frame: &mut Frame, app: &mut App) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        app.areas = Areas::default();
        let message = format!(
            "terminal too small: {}x{}, evex needs {}x{}",
            area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
        );
        frame.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), area);
        return;
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    bars::draw_header(frame, app, header);
    let panes = panes(app, body);
    let bordered = body.height >= BORDERED_MIN_HEIGHT;
    let inner = |area: Rect| pane_frame(bordered).inner(area);
    app.areas = Areas {
        sidebar: panes.sidebar.map(inner),
        timeline: panes.timeline.map(inner),
        detail: panes.detail.map(inner),
        histogram: panes.histogram.map(inner),
        detail_beside: panes.detail_beside,
        sidebar_docked: panes.sidebar_docked,
        bordered,
        sparklines: panes
            .sidebar
            .map(inner)
            .is_some_and(|a| a.width >= sidebar::SPARKLINE_MIN_WIDTH),
    };
    if let Some(columns) = panes.histogram_columns {
        app.histogram.width = usize::from(columns.saturating_sub(2 * u16::from(bordered)));
    }
    if let Some(area) = panes.histogram {
        draw_histogram(frame, app, area);
    }
    if let Some(area) = panes.timeline {
        draw_timeline(frame, app, area);
    }
    if let Some(area) = panes.detail {
        draw_detail(frame, app, area);
    }
    if let Some(area) = panes.sidebar {
        frame.render_widget(Clear, area);
        draw_sidebar(frame, app, area);
    }
    bars::draw_footer(frame, app, footer);
    match app.mode {
        Mode::Help => help::draw_help(frame, &mut app.help, &app.keymap, &app.theme, body),
        Mode::WithWhom | Mode::Passage => draw_overlay(frame, app, body),
        Mode::Browse | Mode::Prompt => {}
    }
}

fn pane_block<'a>(app: &App, pane: Focus, title: String) -> Block<'a> {
    let focused = app.focus == pane && app.mode != Mode::Help;
    let style = if focused {
        app.theme.border_focused
    } else {
        app.theme.border
    };
    if !app.areas.bordered {
        return Block::new();
    }
    Block::bordered()
        .border_style(style)
        .title(Line::from(title).style(if focused {
            app.theme.title
        } else {
            app.theme.muted
        }))
}

fn draw_timeline(frame: &mut Frame, app: &mut App, area: Rect) {
    let widget = Timeline {
        store: &app.store,
        events: &app.matches.events,
        block: pane_block(
            app,
            Focus::Timeline,
            if app.timeline.newest_first {
                " Timeline · newest first ".into()
            } else {
                " Timeline ".into()
            },
        ),
        theme: &app.theme,
        focused: app.focus == Focus::Timeline,
        marked: &app.marked,
        query: &app.filter.query,
        found_actors: &app.found_actors,
        found: app.matches.found.as_deref(),
    };
    frame.render_stateful_widget(widget, area, &mut app.timeline);
}

fn draw_histogram(frame: &mut Frame, app: &mut App, area: Rect) {
    let selected = app
        .selected_event()
        .map(|e| app.store.events.when(e).first_day());
    let block = if app.areas.bordered {
        Block::bordered().border_style(app.theme.border)
    } else {
        Block::new()
    };
    let widget = Histogram {
        counts: &app.matches.counts,
        selected,
        marks: &app.marked_days(),
        block: block.title_style(app.theme.muted),
        theme: &app.theme,
    };
    frame.render_stateful_widget(widget, area, &mut app.histogram);
}

/// The co-actors list or the quote in its paragraph, centred over the panes.
fn draw_overlay(frame: &mut Frame, app: &mut App, body: Rect) {
    let width = body
        .width
        .min(if app.mode == Mode::Passage { 90 } else { 50 });
    let height = body
        .height
        .min(if app.mode == Mode::Passage { 30 } else { 20 });
    let [area] = Layout::horizontal([Constraint::Length(width)])
        .flex(ratatui::layout::Flex::Center)
        .areas(body);
    let [area] = Layout::vertical([Constraint::Length(height)])
        .flex(ratatui::layout::Flex::Center)
        .areas(area);
    let block = Block::bordered()
        .border_style(app.theme.border_focused)
        .title_style(app.theme.title);
    if app.mode == Mode::Passage {
        let widget = passage::Passage {
            store: &app.store,
            query: &app.filter.query,
            block,
            theme: &app.theme,
        };
        frame.render_stateful_widget(widget, area, &mut app.passage);
    } else {
        let widget = with_whom::WithWhom {
            store: &app.store,
            block,
            theme: &app.theme,
        };
        frame.render_stateful_widget(widget, area, &mut app.with_whom);
    }
}

fn draw_sidebar(frame: &mut Frame, app: &mut App, area: Rect) {
    let mode = match app.filter.mode {
        ActorMode::Any => "any",
        ActorMode::All => "all",
    };
    let order = if app.sidebar.by_name { " · a–z" } else { "" };
    let mut title = format!(" Actors · match {mode}{order} ");
    if !app.sidebar.filter.is_empty() {
        title += &format!("/{} ", sanitize(&app.sidebar.filter));
    }
    let sparks = app.areas.sparklines.then_some(&app.sparks);
    if let Some(sparks) = sparks.filter(|s| s.cells > 0) {
        let (first, last) = sparks.range();
        let unit = sparks.unit;
        title += &format!("· {}–{} ", unit.label(first), unit.label(last));
    }
    let widget = Sidebar {
        store: &app.store,
        selected_actors: &app.filter.actors,
        block: pane_block(app, Focus::Actors, title),
        theme: &app.theme,
        focused: app.focus == Focus::Actors,
        found_actors: &app.found_actors,
        sparks,
    };
    frame.render_stateful_widget(widget, area, &mut app.sidebar);
}

fn draw_detail(frame: &mut Frame, app: &mut App, area: Rect) {
    let widget = Detail {
        store: &app.store,
        event: app.selected_event().map(|e| &app.store.events[e]),
        query: &app.filter.query,
        related: &app.related,
        events: &app.matches.events,
        found_actors: &app.found_actors,
        block: pane_block(app, Focus::Detail, " Event ".into()),
        theme: &app.theme,
    };
    frame.render_stateful_widget(widget, area, &mut app.detail);
}

/// A row drawn as selected: the whole row in the selection's colours, and every piece of its
/// text readable on them (see [`Theme::on_selection`]).
fn select_row(
    line: Line<'static>,
    area: Rect,
    buf: &mut Buffer,
    selection: Style,
) -> Line<'static> {
    buf.set_style(area, selection);
    let spans: Vec<Span> = line
        .spans
        .into_iter()
        .map(|span| {
            let style = Theme::on_selection(span.style, selection);
            span.style(style)
        })
        .collect();
    Line::from(spans)
}

/// Draws `lines` in `inner` from line `scroll` on (clamped to the end), with a scrollbar on
/// `area`'s border; returns the furthest the text can scroll.
fn scrolled(
    lines: Vec<Line<'static>>,
    area: Rect,
    inner: Rect,
    buf: &mut Buffer,
    scroll: &mut usize,
) -> usize {
    let height = usize::from(inner.height);
    let max = lines.len().saturating_sub(height);
    *scroll = (*scroll).min(max);
    let shown: Vec<Line> = lines.into_iter().skip(*scroll).take(height).collect();
    Paragraph::new(shown).render(inner, buf);
    scrollbar(area, buf, height + max, height, *scroll);
    max
}

/// A scrollbar on the right border of a pane, when its rows do not all fit.
fn scrollbar(area: Rect, buf: &mut Buffer, rows: usize, height: usize, offset: usize) {
    if rows <= height || height < 3 {
        return;
    }
    let mut state = ScrollbarState::new(rows - height + 1)
        .position(offset)
        .viewport_content_length(height);
    // On the border when there is one (the pane is taller than the rows it shows), else
    // beside the rows.
    let border = u16::from(usize::from(area.height) > height);
    let track = area.inner(Margin {
        vertical: border,
        horizontal: 0,
    });
    Scrollbar::new(ScrollbarOrientation::VerticalRight).render(track, buf, &mut state);
}
