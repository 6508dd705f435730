//! The header (store, match count, filters) and the footer (prompt or status, then key hints),
//! each fitted to the width by giving way in order of importance.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::keymap;
use crate::report::fit;
use crate::text::{clip, sanitize};

/// More of a store title than any header shows.
const MAX_TITLE_CHARS: usize = 500;
/// The fewest columns the header's filters are shown in, unless they fit whole in fewer.
const MIN_FILTERS_ROOM: usize = 8;

/// The header: ` evex · title   N/M events · searching…   filters`, in find mode
/// ` evex · title   find · match 3/16 · N/M events   filters`. The count is what matters
/// most, so it always shows; the title and then the filters give way, cut with "…".
pub fn draw_header(frame: &mut Frame, app: &App, area: Rect) {
    let width = usize::from(area.width);
    let count = count(app, width);
    let title = format!(
        "evex · {}",
        sanitize(clip(&app.store.title, MAX_TITLE_CHARS).0)
    );
    let filters = sanitize(&app.describe_filters()).into_owned();
    // What is left beside the count goes to the filters first (they say why the count is
    // what it is), then to the title.
    let room = width.saturating_sub(count.width() + 2);
    let filters_room = if filters.is_empty() {
        0
    } else {
        // The filters win over the title: what the view shows matters more than its name.
        filters.width().min(room.saturating_sub(3))
    };
    // A few letters of the filters say nothing ("s…"): then the count has the line.
    let filters_room = if filters_room < filters.width().min(MIN_FILTERS_ROOM) {
        0
    } else {
        filters_room
    };
    let title_room = room.saturating_sub(filters_room + if filters_room > 0 { 6 } else { 3 });
    let mut text = String::from(" ");
    if title_room >= 6 {
        text += fit(&title, title_room.min(title.width())).as_str();
        text += "   ";
    }
    text += &count;
    if filters_room > 0 {
        text += "   ";
        text += fit(&filters, filters_room).trim_end();
    }
    frame.render_widget(
        Paragraph::new(Line::raw(text)).style(app.theme.header),
        area,
    );
}

/// The count of events shown, and in find mode where the selection is among the matches,
/// shortened until it fits in `width` less a margin.
fn count(app: &App, width: usize) -> String {
    let (shown, total) = (app.matches.events.len(), app.store.events.len());
    let busy = if app.indexing {
        " · indexing…"
    } else if app.searching {
        " · searching…"
    } else {
        ""
    };
    let position = app.match_position();
    let find = match &position {
        Some(position) => format!("find · {position} · "),
        None if app.finding() => "find · ".into(),
        None => String::new(),
    };
    let tries = [
        format!("{find}{shown}/{total} events{busy}"),
        format!("{find}{shown}/{total}{busy}"),
        format!("{find}{shown}/{total}"),
    ];
    let shortest = position.unwrap_or_else(|| format!("{shown}/{total}"));
    tries
        .into_iter()
        .find(|c| c.width() + 2 <= width)
        .unwrap_or(shortest)
}

/// The footer: the prompt being typed, or the last status message, then as many whole key
/// hints as fit, most important first.
pub fn draw_footer(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.theme;
    let width = usize::from(area.width);
    let mut spans = Vec::new();
    if let Some(prompt) = &app.prompt {
        spans.push(Span::styled(prompt.label(), theme.prompt));
        let window = prompt.window(width.saturating_sub(prompt.label().width() + 3));
        let text = if prompt.selected {
            theme.highlight
        } else {
            Style::new()
        };
        if window.cut_left {
            spans.push(Span::styled("…", theme.muted));
        }
        spans.push(Span::styled(sanitize(&window.before).into_owned(), text));
        let under = match window.under.as_str() {
            "" => " ".into(),
            under => sanitize(under).into_owned(),
        };
        spans.push(Span::styled(under, theme.prompt.reversed()));
        spans.push(Span::styled(sanitize(&window.after).into_owned(), text));
        if window.cut_right {
            spans.push(Span::styled("…", theme.muted));
        }
        spans.push(Span::raw("   "));
    } else if let Some(status) = &app.status {
        let status = fit(&sanitize(status), width).trim_end().to_owned();
        spans.push(Span::styled(status + "   ", theme.warning));
    }
    let mut used: usize = spans.iter().map(|s| s.content.width()).sum();
    let offered =
        |b: &&keymap::Binding| app.prompt.as_ref().is_none_or(|p| p.kind.offers(b.action));
    for binding in app.keymap.hints(app.mode, app.focus).filter(offered) {
        let key = keymap::labels(binding);
        let help = format!(" {}  ", binding.help);
        // A hint shows whole or not at all; its trailing gap may fall off the edge.
        if used + key.width() + help.trim_end().width() > width {
            break;
        }
        used += key.width() + help.width();
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(help, theme.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
