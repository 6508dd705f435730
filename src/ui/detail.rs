//! The detail view: everything about one event, and its source quote as a scrollable,
//! wrapped quotation with the search terms highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Paragraph, StatefulWidget, Widget, Wrap};

use crate::query::Query;
use crate::store::{Event, Store};
use crate::text::{clip, sanitize};
use crate::theme::Theme;

/// Limits on what one frame lays out, so a huge field cannot freeze the screen.
const MAX_TITLE_CHARS: usize = 2_000;
const MAX_ACTORS: usize = 50;
const MAX_QUOTE_CHARS: usize = 20_000;

/// Scroll position of the event text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DetailState {
    pub scroll: usize,
    /// The furthest the text can scroll, as last drawn.
    pub max_scroll: usize,
    pub height: usize,
}

pub struct Detail<'a> {
    pub store: &'a Store,
    pub event: Option<&'a Event>,
    pub query: &'a Query,
    pub block: Block<'a>,
    pub theme: &'a Theme,
}

impl StatefulWidget for Detail<'_> {
    type State = DetailState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut DetailState) {
        let inner = self.block.inner(area);
        (&self.block).render(area, buf);
        let Some(event) = self.event else {
            Line::styled("no event selected", self.theme.muted).render(inner, buf);
            return;
        };
        // One scrollable text: the facts, then the quote under its heading, so every part of
        // an event can be reached however long its title or actor list is.
        let mut text = self.facts(event);
        text.push_line(Line::raw(""));
        text.push_line(Line::styled(
            "── Source quote ──",
            self.theme.border_focused,
        ));
        let (shown, cut) = clip(&event.quote, MAX_QUOTE_CHARS);
        text.push_line(Line::from(highlight(
            shown,
            self.query,
            self.theme.quote,
            self.theme.highlight,
        )));
        if cut {
            let total = event.quote.chars().count();
            text.push_line(Line::styled(
                format!("[cut at {MAX_QUOTE_CHARS} of {total} characters; `evex list -f json` prints it whole]"),
                self.theme.muted,
            ));
        }
        let paragraph = Paragraph::new(text).wrap(Wrap { trim: false });
        let lines = paragraph.line_count(inner.width);
        state.height = usize::from(inner.height);
        state.max_scroll = lines.saturating_sub(state.height);
        state.scroll = state.scroll.min(state.max_scroll);
        let scroll = u16::try_from(state.scroll).unwrap_or(u16::MAX);
        paragraph.scroll((scroll, 0)).render(inner, buf);
    }
}

impl Detail<'_> {
    fn facts(&self, event: &Event) -> Text<'static> {
        let theme = self.theme;
        let label = |name: &'static str| Span::styled(name, theme.muted);
        let mut lines = vec![
            Line::from(highlight(
                clip(&event.title, MAX_TITLE_CHARS).0,
                self.query,
                theme.title,
                theme.highlight,
            )),
            Line::from(vec![
                label("When   "),
                Span::raw(event.when.words()),
                Span::raw("  "),
                Span::styled(format!("{:?}", event.kind), theme.kind(event.kind)),
            ]),
        ];
        if let Some(place) = &event.place {
            lines.push(Line::from(vec![
                label("Where  "),
                Span::raw(sanitize(place).into_owned()),
            ]));
        }
        for (i, &a) in event.actors.iter().enumerate().take(MAX_ACTORS) {
            let actor = &self.store.actors[a];
            lines.push(Line::from(vec![
                label(if i == 0 { "Who    " } else { "       " }),
                Span::raw(sanitize(&actor.name).into_owned()),
            ]));
            if let Some(role) = &actor.role {
                lines.push(Line::from(vec![
                    label("         "),
                    Span::styled(sanitize(role).into_owned(), theme.muted),
                ]));
            }
        }
        if event.actors.len() > MAX_ACTORS {
            let more = event.actors.len() - MAX_ACTORS;
            lines.push(Line::from(vec![
                label("       "),
                Span::styled(format!("… and {more} more"), theme.muted),
            ]));
        }
        let source = &self.store.sources[event.source];
        let mut citation = format!(
            "{}, {}",
            sanitize(&source.title),
            sanitize(&source.publisher)
        );
        if let Some(author) = &source.author {
            citation += &format!(", by {}", sanitize(author));
        }
        if let Some(published) = &source.published {
            let words = published
                .parse::<crate::date::PartialDate>()
                .map_or_else(|_| published.clone(), |d| d.words());
            citation += &format!(", {words}");
        }
        lines.push(Line::from(vec![label("Source "), Span::raw(citation)]));
        if let Some(url) = &source.url {
            lines.push(Line::from(vec![
                label("       "),
                Span::styled(sanitize(url).into_owned(), theme.muted),
            ]));
        }
        if !event.tags.is_empty() {
            lines.push(Line::from(vec![
                label("Tags   "),
                Span::raw(sanitize(&event.tags.join(", ")).into_owned()),
            ]));
        }
        Text::from(lines)
    }
}

/// Splits `text` into spans, marking every occurrence of the query's words and phrases.
pub fn highlight(text: &str, query: &Query, base: Style, mark: Style) -> Vec<Span<'static>> {
    let text = sanitize(text);
    let lower = text.to_lowercase();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (needle, case_sensitive) in query.highlights() {
        let haystack = if case_sensitive { &*text } else { &lower };
        // Lower-casing can change byte lengths; then only case-sensitive marks are safe.
        if needle.is_empty() || (!case_sensitive && lower.len() != text.len()) {
            continue;
        }
        ranges.extend(
            haystack
                .match_indices(needle)
                .map(|(at, m)| (at, at + m.len())),
        );
    }
    ranges.sort_unstable();
    let mut spans = Vec::new();
    let mut at = 0;
    for (start, end) in ranges {
        if end <= at {
            continue;
        }
        let start = start.max(at);
        spans.push(Span::styled(text[at..start].to_owned(), base));
        spans.push(Span::styled(text[start..end].to_owned(), mark));
        at = end;
    }
    spans.push(Span::styled(text[at..].to_owned(), base));
    spans
}
