//! Drawing the explorer: a pure function of the app state (it only updates widget state such
//! as scroll offsets, and records where panes were drawn for the mouse).

pub mod detail;
pub mod sidebar;
pub mod timeline;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Wrap,
};

use crate::app::{App, Areas};
use crate::filter::ActorMode;
use crate::keymap::{self, Focus, KEYMAP, Mode, Scope};
use crate::text::sanitize;
use detail::Detail;
use sidebar::Sidebar;
use timeline::Timeline;

/// Below this width the detail view goes under the timeline.
pub const DETAIL_BESIDE_MIN_WIDTH: u16 = 100;
/// Below this width the sidebar hides (`s` shows it over the timeline).
pub const SIDEBAR_MIN_WIDTH: u16 = 70;
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
    draw_header(frame, app, header);
    let panes = panes(app, body);
    app.areas = Areas {
        sidebar: panes.sidebar.map(inner),
        timeline: panes.timeline.map(inner),
        detail: panes.detail.map(inner),
        detail_beside: body.width >= DETAIL_BESIDE_MIN_WIDTH,
    };
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
    draw_footer(frame, app, footer);
    if app.mode == Mode::Help {
        draw_help(frame, app, body);
    }
}

struct Panes {
    sidebar: Option<Rect>,
    timeline: Option<Rect>,
    detail: Option<Rect>,
}

fn inner(area: Rect) -> Rect {
    Block::bordered().inner(area)
}

/// Where each pane goes for this width: three columns, detail under the timeline, or the
/// sidebar hidden; a zoomed detail view takes the whole body.
fn panes(app: &App, body: Rect) -> Panes {
    if app.zoomed {
        return Panes {
            sidebar: None,
            timeline: None,
            detail: Some(body),
        };
    }
    let sidebar_width = Constraint::Length(26);
    let (sidebar, main) = if body.width >= SIDEBAR_MIN_WIDTH {
        let [sidebar, main] = Layout::horizontal([sidebar_width, Constraint::Fill(1)]).areas(body);
        (Some(sidebar), main)
    } else if app.sidebar_overlay {
        let [overlay, _] =
            Layout::horizontal([Constraint::Length(body.width.min(34)), Constraint::Fill(1)])
                .areas(body);
        (Some(overlay), body)
    } else {
        (None, body)
    };
    let [timeline, detail] = if body.width >= DETAIL_BESIDE_MIN_WIDTH {
        let detail_width = (main.width * 2 / 5).clamp(34, 72);
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(detail_width)]).areas(main)
    } else {
        Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(main)
    };
    Panes {
        sidebar,
        timeline: Some(timeline),
        detail: Some(detail),
    }
}

fn pane_block<'a>(app: &App, pane: Focus, title: String) -> Block<'a> {
    let focused = app.focus == pane && app.mode != Mode::Help;
    let style = if focused {
        app.theme.border_focused
    } else {
        app.theme.border
    };
    Block::bordered()
        .border_style(style)
        .title(Line::from(title).style(if focused {
            app.theme.title
        } else {
            app.theme.muted
        }))
}

fn draw_header(frame: &mut Frame, app: &App, area: Rect) {
    let count = format!(
        "{}/{} events",
        app.matches.events.len(),
        app.store.events.len()
    );
    let filters = app.describe_filters();
    let mut spans = vec![
        Span::raw(" evex · "),
        Span::raw(sanitize(&app.store.title).into_owned()),
        Span::raw("   "),
        Span::raw(count),
    ];
    if app.indexing {
        spans.push(Span::raw(" · indexing…"));
    } else if app.searching {
        spans.push(Span::raw(" · searching…"));
    }
    if !filters.is_empty() {
        spans.push(Span::raw("   "));
        spans.push(Span::raw(sanitize(&filters).into_owned()));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(app.theme.header),
        area,
    );
}

fn draw_timeline(frame: &mut Frame, app: &mut App, area: Rect) {
    let widget = Timeline {
        store: &app.store,
        events: &app.matches.events,
        block: pane_block(app, Focus::Timeline, " Timeline ".into()),
        theme: &app.theme,
        focused: app.focus == Focus::Timeline,
    };
    frame.render_stateful_widget(widget, area, &mut app.timeline);
}

fn draw_sidebar(frame: &mut Frame, app: &mut App, area: Rect) {
    let mode = match app.filter.mode {
        ActorMode::Any => "any",
        ActorMode::All => "all",
    };
    let mut title = format!(" Actors · match {mode} ");
    if !app.sidebar.filter.is_empty() {
        title += &format!("/{} ", sanitize(&app.sidebar.filter));
    }
    let widget = Sidebar {
        store: &app.store,
        selected_actors: &app.filter.actors,
        block: pane_block(app, Focus::Actors, title),
        theme: &app.theme,
        focused: app.focus == Focus::Actors,
    };
    frame.render_stateful_widget(widget, area, &mut app.sidebar);
}

fn draw_detail(frame: &mut Frame, app: &mut App, area: Rect) {
    let widget = Detail {
        store: &app.store,
        event: app.selected_event().map(|e| &app.store.events[e]),
        query: &app.filter.query,
        block: pane_block(app, Focus::Detail, " Event ".into()),
        theme: &app.theme,
    };
    frame.render_stateful_widget(widget, area, &mut app.detail);
}

fn draw_footer(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.theme;
    let mut spans = Vec::new();
    if let Some(prompt) = &app.prompt {
        spans.push(Span::styled(prompt.kind.label(), theme.prompt));
        spans.push(Span::raw(sanitize(&prompt.input).into_owned()));
        spans.push(Span::styled("█", theme.prompt));
        spans.push(Span::raw("   "));
    } else if let Some(status) = &app.status {
        spans.push(Span::styled(
            format!("{}   ", sanitize(status)),
            theme.warning,
        ));
    }
    for binding in keymap::hints(app.mode, app.focus) {
        spans.push(Span::styled(keymap::labels(binding), theme.key));
        spans.push(Span::styled(format!(" {}  ", binding.help), theme.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A scrollbar on the right border of a pane, when its rows do not all fit.
fn scrollbar(area: Rect, buf: &mut Buffer, rows: usize, height: usize, offset: usize) {
    if rows <= height || area.height <= 4 {
        return;
    }
    let mut state = ScrollbarState::new(rows - height + 1)
        .position(offset)
        .viewport_content_length(height);
    let track = area.inner(Margin {
        vertical: 1,
        horizontal: 0,
    });
    Scrollbar::new(ScrollbarOrientation::VerticalRight).render(track, buf, &mut state);
}

fn scope_name(scope: Scope) -> &'static str {
    match scope {
        Scope::Always => "anywhere",
        Scope::Browse => "browsing",
        Scope::Pane(Focus::Actors) => "actors",
        Scope::Pane(Focus::Timeline) => "timeline",
        Scope::Pane(Focus::Detail) => "detail",
        Scope::Prompt => "prompt",
        Scope::Help => "this help",
    }
}

fn draw_help(frame: &mut Frame, app: &App, body: Rect) {
    let theme = &app.theme;
    let lines: Vec<Line> = KEYMAP
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!(" {:<16}", keymap::labels(b)), theme.key),
                Span::raw(format!("{:<24}", b.help)),
                Span::styled(scope_name(b.scope), theme.muted),
            ])
        })
        .chain([
            Line::raw(""),
            Line::styled(
                " Search: words (smart case), \"a phrase\", @actor, 2012, 2010..2013, 2012-08",
                theme.muted,
            ),
            Line::styled(
                " Mouse: wheel scrolls the pane under it; click selects or toggles",
                theme.muted,
            ),
        ])
        .collect();
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(body.height);
    let [area] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(body);
    let [area] = Layout::horizontal([Constraint::Length(body.width.min(84))])
        .flex(Flex::Center)
        .areas(area);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::from(" Keys · Esc or ? closes ").style(theme.title));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
