//! Who acts with whom: an overlay listing the actors that share matching events with an
//! actor (or with an event's actors), most shared first; Enter selects one as a filter.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, StatefulWidget, Widget};

use crate::report::fit;
use crate::store::{ActorId, Store};
use crate::text::sanitize;
use crate::theme::Theme;

/// The actors looked at, their co-actors with counts, and the cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WithWhomState {
    pub subject: Vec<ActorId>,
    pub rows: Vec<(ActorId, usize)>,
    /// The search thread is still counting the rows.
    pub counting: bool,
    pub selected: usize,
    pub offset: usize,
    pub height: usize,
}

pub struct WithWhom<'a> {
    pub store: &'a Store,
    pub block: Block<'a>,
    pub theme: &'a Theme,
}

impl StatefulWidget for WithWhom<'_> {
    type State = WithWhomState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut WithWhomState) {
        Clear.render(area, buf);
        let names: Vec<&str> = state
            .subject
            .iter()
            .map(|&a| self.store.actors[a].short_name())
            .collect();
        let title = format!(" With whom: {} ", sanitize(&names.join(", ")));
        let block = self.block.title(Line::from(title));
        let inner = block.inner(area);
        block.render(area, buf);
        state.height = usize::from(inner.height);
        if state.counting {
            Line::styled("…", self.theme.muted).render(inner, buf);
            return;
        }
        if state.rows.is_empty() {
            Line::styled("shares no matching event with anyone", self.theme.muted)
                .render(inner, buf);
            return;
        }
        let height = state.height.max(1);
        if state.selected < state.offset {
            state.offset = state.selected;
        } else if state.selected >= state.offset + height {
            state.offset = state.selected + 1 - height;
        }
        let width = usize::from(inner.width);
        for (row, &(actor, count)) in state
            .rows
            .iter()
            .enumerate()
            .skip(state.offset)
            .take(height)
        {
            let count = format!(" {count}");
            let name = fit(
                &sanitize(&self.store.actors[actor].name),
                width.saturating_sub(count.len()),
            );
            let line = Line::from(vec![Span::raw(name), Span::styled(count, self.theme.count)]);
            let at = Rect {
                y: inner.y + u16::try_from(row - state.offset).unwrap_or(0),
                height: 1,
                ..inner
            };
            let line = if row == state.selected {
                super::select_row(line, at, buf, self.theme.selected)
            } else {
                line
            };
            line.render(at, buf);
        }
        super::scrollbar(area, buf, state.rows.len(), height, state.offset);
    }
}
