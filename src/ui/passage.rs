//! The quote in its paragraph: an overlay with the source text around an event's quote, the
//! quote marked and the search terms highlighted, scrollable.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, StatefulWidget, Widget};

use super::detail::highlight;
use super::wrap::wrap;
use crate::query::Query;
use crate::store::Store;
use crate::text::{clip, sanitize};
use crate::theme::Theme;

/// More of a passage than one frame lays out.
const MAX_PASSAGE_CHARS: usize = 50_000;

/// Which event's quote, where its paragraph and the quote are in the source text (found
/// when the overlay opened), and the scroll position.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassageState {
    pub event: usize,
    /// The paragraph's byte range in the source text, and the quote's within the paragraph.
    pub found: Option<(Range<usize>, Range<usize>)>,
    /// Whether the source has a text at all.
    pub has_text: bool,
    /// Set when the overlay opens: the next frame scrolls to where the quote starts.
    pub to_quote: bool,
    pub scroll: usize,
    pub max_scroll: usize,
    pub height: usize,
}

pub struct Passage<'a> {
    pub store: &'a Store,
    pub query: &'a Query,
    pub block: Block<'a>,
    pub theme: &'a Theme,
}

impl StatefulWidget for Passage<'_> {
    type State = PassageState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut PassageState) {
        Clear.render(area, buf);
        let Some(event) = self.store.events.get(state.event) else {
            return;
        };
        let source = &self.store.sources[event.source];
        let title = format!(
            " Quote in context · {} ",
            sanitize(clip(&source.title, 200).0)
        );
        let block = self.block.clone().title(Line::from(title));
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width);
        let lines = match (&state.found, &source.text) {
            (Some((paragraph, quote)), Some(text)) => {
                let (lines, quote_row) = self.lines(&text[paragraph.clone()], quote.clone(), width);
                if std::mem::take(&mut state.to_quote) {
                    // The quote's first line, with the line before it for context.
                    state.scroll = quote_row.saturating_sub(1);
                }
                lines
            }
            (_, None) => self.note("this source has no text; only the quote is stored", width),
            (None, Some(_)) if event.quote.is_none() => {
                self.note("this event has no quote to find in its source", width)
            }
            (None, Some(_)) => self.note("the quote was not found in the source's text", width),
        };
        state.height = usize::from(inner.height);
        state.max_scroll = super::scrolled(lines, area, inner, buf, &mut state.scroll);
    }
}

impl Passage<'_> {
    /// The paragraph in lines: the text before and after the quote plain, the quote marked,
    /// search terms highlighted in both; line breaks of the source kept. With the lines, the
    /// one the quote starts on.
    fn lines(
        &self,
        paragraph: &str,
        quote: Range<usize>,
        width: usize,
    ) -> (Vec<Line<'static>>, usize) {
        let (before, rest) = paragraph.split_at(quote.start);
        let (quoted, after) = rest.split_at(quote.end - quote.start);
        let mark = self.theme.highlight;
        let parts = [
            (before, Style::new()),
            (quoted, self.theme.passage_quote),
            (after, Style::new()),
        ];
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut out = Vec::new();
        let mut quote_row = 0;
        for (part, (text, style)) in parts.into_iter().enumerate() {
            if part == 1 && !spans.is_empty() {
                // The quote goes on from the last row of the text before it on its line.
                quote_row = out.len() + wrap(Vec::new(), &spans, width).len().saturating_sub(1);
            } else if part == 1 {
                quote_row = out.len();
            }
            let text = clip(text, MAX_PASSAGE_CHARS).0;
            for (i, piece) in text.split('\n').enumerate() {
                if i > 0 {
                    out.extend(wrap(Vec::new(), &std::mem::take(&mut spans), width));
                }
                spans.extend(highlight(piece, self.query, style, mark));
            }
        }
        out.extend(wrap(Vec::new(), &spans, width));
        (out, quote_row)
    }

    fn note(&self, text: &str, width: usize) -> Vec<Line<'static>> {
        wrap(
            Vec::new(),
            &[Span::styled(text.to_owned(), self.theme.muted)],
            width,
        )
    }
}
