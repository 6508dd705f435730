//! The detail view: everything about one event, and its source quote as a scrollable,
//! wrapped quotation with the search terms highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, StatefulWidget, Widget};

use super::wrap::wrap;
use crate::date::{Bound, When};
use crate::query::Query;
use crate::store::{Event, Store};
use crate::text::{clip, sanitize};
use crate::theme::Theme;

/// Limits on what one frame lays out, so a huge field cannot freeze the screen.
const MAX_ACTORS: usize = 50;
const MAX_QUOTE_CHARS: usize = 20_000;
/// Every other field (place, names, roles, the citation, tags) shows at most this much.
const MAX_FIELD_CHARS: usize = 2_000;

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
        let width = usize::from(inner.width);
        let mut lines = self.facts(event, width);
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "── Source quote ──",
            self.theme.border_focused,
        ));
        let (shown, cut) = clip(&event.quote, MAX_QUOTE_CHARS);
        let quote = highlight(shown, self.query, self.theme.quote, self.theme.highlight);
        lines.extend(wrap(Vec::new(), &quote, width));
        if cut {
            let total = event.quote.chars().count();
            let note = format!(
                "[cut at {MAX_QUOTE_CHARS} of {total} characters; `evex list -f json` prints it whole]"
            );
            lines.extend(wrap(
                Vec::new(),
                &[Span::styled(note, self.theme.muted)],
                width,
            ));
        }
        state.height = usize::from(inner.height);
        state.max_scroll = lines.len().saturating_sub(state.height);
        state.scroll = state.scroll.min(state.max_scroll);
        let shown: Vec<Line> = lines
            .drain(..)
            .skip(state.scroll)
            .take(state.height)
            .collect();
        Paragraph::new(shown).render(inner, buf);
        super::scrollbar(
            area,
            buf,
            state.height + state.max_scroll,
            state.height,
            state.scroll,
        );
        // Below the last line shown, say that there is more (the quote often is below).
        if state.scroll < state.max_scroll && area.height > inner.height && inner.width > 8 {
            let more = Line::styled(" ↓ more ", self.theme.key);
            let at = Rect {
                x: inner.right().saturating_sub(9),
                y: area.bottom() - 1,
                width: 8,
                height: 1,
            };
            more.render(at, buf);
        }
    }
}

/// Store text fit to show: control characters made visible, and no more than a frame needs.
fn shown(text: &str) -> String {
    sanitize(clip(text, MAX_FIELD_CHARS).0).into_owned()
}

impl Detail<'_> {
    fn facts(&self, event: &Event, width: usize) -> Vec<Line<'static>> {
        let theme = self.theme;
        let label = |name: &'static str| vec![Span::styled(name, theme.muted)];
        let marked = |text: &str, base| {
            highlight(
                clip(text, MAX_FIELD_CHARS).0,
                self.query,
                base,
                theme.highlight,
            )
        };
        let mut lines = wrap(Vec::new(), &marked(&event.title, theme.title), width);
        let when = [
            Span::raw(event.when.words()),
            Span::raw("  "),
            Span::styled(format!("{:?}", event.kind), theme.kind(event.kind)),
        ];
        lines.extend(wrap(label("When   "), &when, width));
        if let Some(place) = &event.place {
            lines.extend(wrap(label("Where  "), &marked(place, Style::new()), width));
        }
        for (i, &a) in event.actors.iter().enumerate().take(MAX_ACTORS) {
            let actor = &self.store.actors[a];
            let who = label(if i == 0 { "Who    " } else { "       " });
            lines.extend(wrap(who, &marked(&actor.name, Style::new()), width));
            if let Some(role) = &actor.role {
                let role = [Span::styled(shown(role), theme.muted)];
                lines.extend(wrap(label("         "), &role, width));
            }
        }
        if event.actors.len() > MAX_ACTORS {
            let more = event.actors.len() - MAX_ACTORS;
            let more = [Span::styled(format!("… and {more} more"), theme.muted)];
            lines.extend(wrap(label("       "), &more, width));
        }
        let source = &self.store.sources[event.source];
        let mut citation = format!("{}, {}", shown(&source.title), shown(&source.publisher));
        if let Some(author) = &source.author {
            citation += &format!(", by {}", shown(author));
        }
        if let Some(published) = &source.published {
            let words = Bound::parse(published).map_or_else(
                |_| shown(published),
                |(bound, date)| {
                    When {
                        bound,
                        ..When::on(date)
                    }
                    .words()
                },
            );
            citation += &format!(", {words}");
        }
        lines.extend(wrap(label("Source "), &[Span::raw(citation)], width));
        if let Some(url) = &source.url {
            let url = [Span::styled(shown(url), theme.muted)];
            lines.extend(wrap(label("       "), &url, width));
        }
        if !event.tags.is_empty() {
            let tags = event.tags.join(", ");
            lines.extend(wrap(label("Tags   "), &marked(&tags, Style::new()), width));
        }
        lines
    }
}

/// Splits `text` into spans, marking every match of the query's words and phrases.
pub fn highlight(text: &str, query: &Query, base: Style, mark: Style) -> Vec<Span<'static>> {
    let ranges = crate::highlight::ranges(query, text);
    crate::highlight::pieces(text, &ranges)
        .into_iter()
        .map(|(piece, marked)| {
            Span::styled(
                sanitize(piece).into_owned(),
                if marked { mark } else { base },
            )
        })
        .collect()
}
