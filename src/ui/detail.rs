//! The detail view: everything about one event, and its source quote as a scrollable,
//! wrapped quotation with the search terms highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Padding, Paragraph, StatefulWidget, Widget, Wrap};

use crate::query::Query;
use crate::store::{Event, Store};
use crate::text::sanitize;
use crate::theme::Theme;

/// Scroll position of the quote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DetailState {
    pub scroll: usize,
    /// The furthest the quote can scroll, as last drawn.
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
        let facts = Paragraph::new(self.facts(event)).wrap(Wrap { trim: false });
        let facts_height = u16::try_from(facts.line_count(inner.width))
            .unwrap_or(u16::MAX)
            .min(inner.height / 2 + 1);
        let [facts_area, quote_area] =
            Layout::vertical([Constraint::Length(facts_height), Constraint::Fill(1)]).areas(inner);
        facts.render(facts_area, buf);

        let quote_block = Block::new()
            .borders(Borders::LEFT)
            .border_style(self.theme.border_focused)
            .padding(Padding::left(1))
            .title(Line::styled("Source quote", self.theme.muted));
        let quote_inner = quote_block.inner(quote_area);
        let quote = Paragraph::new(Line::from(highlight(
            &event.quote,
            self.query,
            self.theme.quote,
            self.theme.highlight,
        )))
        .wrap(Wrap { trim: true });
        let lines = quote.line_count(quote_inner.width);
        state.height = usize::from(quote_inner.height);
        state.max_scroll = lines.saturating_sub(state.height);
        state.scroll = state.scroll.min(state.max_scroll);
        let scroll = u16::try_from(state.scroll).unwrap_or(u16::MAX);
        quote
            .block(quote_block)
            .scroll((scroll, 0))
            .render(quote_area, buf);
    }
}

impl Detail<'_> {
    fn facts(&self, event: &Event) -> Text<'static> {
        let theme = self.theme;
        let label = |name: &'static str| Span::styled(name, theme.muted);
        let mut lines = vec![
            Line::from(highlight(
                &event.title,
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
        for (i, &a) in event.actors.iter().enumerate() {
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
