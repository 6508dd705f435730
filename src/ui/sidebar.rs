//! The actor sidebar: every actor with its live count, a mark on selected ones, and a fuzzy
//! filter of its own.

use std::collections::BTreeSet;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, StatefulWidget, Widget};
use unicode_width::UnicodeWidthStr;

use crate::store::{ActorId, Store};
use crate::text::sanitize;
use crate::theme::Theme;

/// Rows, filter and cursor of the sidebar.
#[derive(Debug, Clone, Default)]
pub struct SidebarState {
    /// Actors in display order: most matching events first, then by name.
    pub rows: Vec<ActorId>,
    /// Per row: character positions of the name that match the filter.
    pub matched: Vec<Vec<usize>>,
    /// Per actor: matching events it is in.
    pub counts: Vec<usize>,
    /// Text typed after `/` in the sidebar.
    pub filter: String,
    pub selected: usize,
    pub offset: usize,
    pub height: usize,
}

impl SidebarState {
    /// Re-sorts actors by their live counts and applies the fuzzy filter, keeping the cursor
    /// on the same actor.
    pub fn rebuild(&mut self, store: &Store, counts: &[usize]) {
        let current = self.rows.get(self.selected).copied();
        let matcher = SkimMatcherV2::default().smart_case();
        let mut rows: Vec<(ActorId, Vec<usize>)> = (0..store.actors.len())
            .filter_map(|a| {
                if self.filter.is_empty() {
                    return Some((a, Vec::new()));
                }
                let on_name = matcher.fuzzy_indices(&store.actors[a].name, &self.filter);
                let on_other = store.actors[a]
                    .names()
                    .any(|n| matcher.fuzzy_match(n, &self.filter).is_some());
                on_name
                    .map(|(_, at)| (a, at))
                    .or_else(|| on_other.then(|| (a, Vec::new())))
            })
            .collect();
        rows.sort_by(|(a, _), (b, _)| {
            counts[*b]
                .cmp(&counts[*a])
                .then_with(|| store.actors[*a].name.cmp(&store.actors[*b].name))
        });
        (self.rows, self.matched) = rows.into_iter().unzip();
        self.counts = counts.to_vec();
        self.selected = current
            .and_then(|c| self.rows.iter().position(|&r| r == c))
            .unwrap_or(0);
    }

    fn follow_selection(&mut self) {
        let height = self.height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(height));
    }
}

pub struct Sidebar<'a> {
    pub store: &'a Store,
    pub selected_actors: &'a BTreeSet<ActorId>,
    pub block: Block<'a>,
    pub theme: &'a Theme,
    pub focused: bool,
}

impl StatefulWidget for Sidebar<'_> {
    type State = SidebarState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut SidebarState) {
        let inner = self.block.inner(area);
        (&self.block).render(area, buf);
        state.height = usize::from(inner.height);
        state.follow_selection();
        let width = usize::from(inner.width.saturating_sub(1));
        for (i, (&actor, matched)) in state
            .rows
            .iter()
            .zip(&state.matched)
            .enumerate()
            .skip(state.offset)
            .take(state.height)
        {
            let line_area = Rect {
                y: inner.y + u16::try_from(i - state.offset).unwrap_or(0),
                height: 1,
                ..inner
            };
            let line = self.actor_line(actor, matched, state.counts[actor], width);
            if i == state.selected {
                buf.set_style(
                    line_area,
                    if self.focused {
                        self.theme.selected
                    } else {
                        self.theme.selected_unfocused
                    },
                );
            }
            line.render(line_area, buf);
        }
        super::scrollbar(area, buf, state.rows.len(), state.height, state.offset);
    }
}

impl Sidebar<'_> {
    fn actor_line(
        &self,
        actor: ActorId,
        matched: &[usize],
        count: usize,
        width: usize,
    ) -> Line<'static> {
        let selected = self.selected_actors.contains(&actor);
        let mark = if selected {
            Span::styled("✓ ", self.theme.mark)
        } else {
            Span::raw("  ")
        };
        let count_text = format!(" {count}");
        let name_width = width.saturating_sub(2 + count_text.width());
        let name = sanitize(&self.store.actors[actor].name).into_owned();
        let mut spans = vec![mark];
        let mut used = 0;
        let too_long = name.width() > name_width;
        for (i, c) in name.chars().enumerate() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w + usize::from(too_long) > name_width {
                break;
            }
            used += w;
            let style = if matched.contains(&i) {
                self.theme.highlight
            } else if count == 0 {
                self.theme.muted
            } else {
                Default::default()
            };
            spans.push(Span::styled(c.to_string(), style));
        }
        if too_long && name_width > 0 {
            spans.push(Span::raw("…"));
            used += 1;
        }
        spans.push(Span::raw(" ".repeat(name_width.saturating_sub(used))));
        spans.push(Span::styled(count_text, self.theme.count));
        Line::from(spans)
    }
}
