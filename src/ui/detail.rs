//! The detail view: everything about one event, and its source quote as a scrollable,
//! wrapped quotation with the search terms highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, StatefulWidget, Widget};

use super::wrap::wrap;
use crate::date::{Bound, When};
use crate::query::Query;
use crate::related::{Link, Related};
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
    /// The selected event's related matches, by position in `events`.
    pub related: &'a Related,
    pub events: &'a [usize],
    /// Actors an `@` term found: their names are highlighted.
    pub found_actors: &'a std::collections::BTreeSet<usize>,
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
        // One scrollable text: the facts, then the quote, the dataset's notes and its other
        // columns under their headings, so every part of an event can be reached.
        let width = usize::from(inner.width);
        let mut lines = self.facts(event, width);
        lines.extend(self.related_lines(width));
        let sections = [
            ("── Source quote ──", event.quote.as_deref()),
            (
                "── Notes (the dataset's summary, not a quote) ──",
                event.notes.as_deref(),
            ),
        ];
        for (heading, body) in sections {
            let Some(body) = body else { continue };
            lines.push(Line::raw(""));
            // Wrapped, so a narrow pane still says that notes are not a quote.
            let heading = [Span::styled(heading, self.theme.border_focused)];
            lines.extend(wrap(Vec::new(), &heading, width));
            let (shown, cut) = clip(body, MAX_QUOTE_CHARS);
            let text = highlight(shown, self.query, self.theme.quote, self.theme.highlight);
            lines.extend(wrap(Vec::new(), &text, width));
            if cut {
                let total = body.chars().count();
                let note = format!(
                    "[cut at {MAX_QUOTE_CHARS} of {total} characters; `evex list -f json` prints it whole]"
                );
                lines.extend(wrap(
                    Vec::new(),
                    &[Span::styled(note, self.theme.muted)],
                    width,
                ));
            }
        }
        if !event.extra.is_empty() {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "── Other columns ──",
                self.theme.border_focused,
            ));
            for (name, value) in event.extra.iter() {
                let name = vec![Span::styled(format!("{}: ", shown(name)), self.theme.muted)];
                let value = highlight(
                    clip(value, MAX_FIELD_CHARS).0,
                    self.query,
                    Style::new(),
                    self.theme.highlight,
                );
                lines.extend(wrap(name, &value, width));
            }
        }
        state.height = usize::from(inner.height);
        state.max_scroll = super::scrolled(lines, area, inner, buf, &mut state.scroll);
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
    /// `< 2005 Regime turnover… · Bakiyev` for the nearest earlier and later matches sharing
    /// an actor, under a heading.
    fn related_lines(&self, width: usize) -> Vec<Line<'static>> {
        let links = [("< ", self.related.previous), ("> ", self.related.next)];
        if links.iter().all(|(_, l)| l.is_none()) {
            return Vec::new();
        }
        let mut lines = vec![
            Line::raw(""),
            Line::styled(
                "── Related (< > jump, b back) ──",
                self.theme.border_focused,
            ),
        ];
        for (key, link) in links {
            let Some(Link { position, actor }) = link else {
                continue;
            };
            let other = &self.store.events[self.events[position]];
            let text = [
                Span::raw(format!("{} ", other.when.short())),
                Span::raw(shown(&other.title)),
                Span::styled(
                    format!(" · {}", shown(self.store.actors[actor].short_name())),
                    self.theme.muted,
                ),
            ];
            lines.extend(wrap(vec![Span::styled(key, self.theme.key)], &text, width));
        }
        lines
    }

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
        if let Some(category) = &event.category {
            lines.extend(wrap(
                label("Type   "),
                &marked(category, Style::new()),
                width,
            ));
        }
        if let Some(place) = &event.place {
            lines.extend(wrap(label("Where  "), &marked(place, Style::new()), width));
        }
        for (i, &a) in event.actors.iter().enumerate().take(MAX_ACTORS) {
            let actor = &self.store.actors[a];
            let who = label(if i == 0 { "Who    " } else { "       " });
            let name = if self.found_actors.contains(&a) {
                vec![Span::styled(shown(&actor.name), theme.highlight)]
            } else {
                marked(&actor.name, Style::new())
            };
            lines.extend(wrap(who, &name, width));
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
        // Imported datasets often name a source only once: do not say it twice.
        let mut citation = shown(&source.title);
        if source.publisher != source.title {
            citation += &format!(", {}", shown(&source.publisher));
        }
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
