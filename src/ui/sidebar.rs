//! The actor sidebar: every actor with its live count, a mark on selected ones, and a filter
//! of its own (`/`) through the one actor matcher, which forgives typos.

use std::collections::BTreeSet;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, StatefulWidget, Widget};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::actors::{ActorNames, marks};
use crate::histogram::{SPARK_CELLS, Sparks};
use crate::store::{ActorId, Store};
use crate::text::{clip, sanitize};
use crate::theme::Theme;

/// Rows, filter and cursor of the sidebar.
#[derive(Debug, Clone, Default)]
pub struct SidebarState {
    /// Actors in display order: most matching events first, then by name (or by name alone).
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
    /// Sorted by name rather than by count (`o`).
    pub by_name: bool,
}

impl SidebarState {
    /// Re-sorts actors by their live counts and applies the filter, keeping the cursor on the
    /// same actor. Selected actors come first, so one whose count drops to zero stays in
    /// view; with a filter, the closest matches come next (`names` finds them: exact, prefix,
    /// subsequence, then typo, as `@` in a search does).
    pub fn rebuild<'n>(
        &mut self,
        store: &Store,
        counts: &[usize],
        selected: &BTreeSet<ActorId>,
        names: impl FnOnce() -> &'n ActorNames,
    ) {
        let current = self.rows.get(self.selected).copied();
        // Per actor its closeness to the filter, lower is closer; `None` if it does not match.
        let mut closeness: Vec<Option<i64>> = vec![Some(0); store.actors.len()];
        if !self.filter.is_empty() {
            closeness.fill(None);
            for (a, score) in names().ranked(&self.filter).map_or_else(Vec::new, |r| r.1) {
                closeness[a] = Some(score);
            }
        }
        let mut rows: Vec<(ActorId, Vec<usize>)> = (0..store.actors.len())
            .filter(|&a| closeness[a].is_some())
            .map(|a| {
                let matched = if self.filter.is_empty() {
                    Vec::new()
                } else {
                    marks(&store.actors[a].name, &self.filter)
                };
                (a, matched)
            })
            .collect();
        rows.sort_by(|(a, _), (b, _)| {
            selected
                .contains(b)
                .cmp(&selected.contains(a))
                .then_with(|| closeness[*a].cmp(&closeness[*b]))
                .then_with(|| {
                    if self.by_name {
                        std::cmp::Ordering::Equal
                    } else {
                        counts[*b].cmp(&counts[*a])
                    }
                })
                .then_with(|| store.actors[*a].name.cmp(&store.actors[*b].name))
        });
        (self.rows, self.matched) = rows.into_iter().unzip();
        self.counts = counts.to_vec();
        // The cursor stays on its actor, unless none of the matches has that actor: then
        // it goes to the top, where the actors that do are.
        self.selected = current
            .filter(|&c| counts.get(c).is_some_and(|&n| n > 0) || selected.contains(&c))
            .and_then(|c| self.rows.iter().position(|&r| r == c))
            .unwrap_or(0);
    }

    /// Scrolls the list by `delta` rows; the cursor moves only to stay in view.
    pub fn scroll_view(&mut self, delta: isize) {
        let height = self.height.max(1);
        self.offset = self
            .offset
            .saturating_add_signed(delta)
            .min(self.rows.len().saturating_sub(height));
        self.selected = self
            .selected
            .clamp(self.offset, (self.offset + height - 1).max(self.offset))
            .min(self.rows.len().saturating_sub(1));
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

/// The columns a sparkline takes: its cells and a space before them.
pub const SPARKLINE_COLUMNS: u16 = SPARK_CELLS as u16 + 1;
/// The narrowest sidebar (inside its borders) that shows sparklines: room for them and for
/// a name and count as wide as the narrowest sidebar has.
pub const SPARKLINE_MIN_WIDTH: u16 = 24 + SPARKLINE_COLUMNS;

/// Heights of a sparkline's cells, lowest first; an empty cell is a space.
const LEVELS: [&str; 8] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/// An actor's matches per cell as one row of block characters, each scaled to the row's
/// busiest cell (the shape says when; the count beside it says how many).
pub fn sparkline(counts: &[u32]) -> String {
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    counts
        .iter()
        .map(|&n| match n {
            0 => " ",
            n => LEVELS[((n * 8).div_ceil(max) as usize).clamp(1, 8) - 1],
        })
        .collect()
}

pub struct Sidebar<'a> {
    pub store: &'a Store,
    pub selected_actors: &'a BTreeSet<ActorId>,
    pub block: Block<'a>,
    pub theme: &'a Theme,
    pub focused: bool,
    /// Actors an `@` term found: their names are highlighted.
    pub found_actors: &'a BTreeSet<ActorId>,
    /// Every actor's sparkline, when the sidebar is wide enough to show them.
    pub sparks: Option<&'a Sparks>,
}

impl StatefulWidget for Sidebar<'_> {
    type State = SidebarState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut SidebarState) {
        let inner = self.block.inner(area);
        (&self.block).render(area, buf);
        state.height = usize::from(inner.height);
        state.follow_selection();
        let spark_columns = if self.sparks.is_some() {
            SPARKLINE_COLUMNS
        } else {
            0
        };
        let width = usize::from(inner.width.saturating_sub(1 + spark_columns));
        let end = (state.offset + state.height).min(state.rows.len());
        let visible = &state.rows[state.offset.min(end)..end];
        let names = self.names(visible, &state.counts, width);
        for ((i, (&actor, matched)), name) in state
            .rows
            .iter()
            .zip(&state.matched)
            .enumerate()
            .skip(state.offset)
            .take(state.height)
            .zip(names)
        {
            let line_area = Rect {
                y: inner.y + u16::try_from(i - state.offset).unwrap_or(0),
                height: 1,
                ..inner
            };
            let mut line = self.actor_line(actor, name, matched, state.counts[actor], width);
            if let Some(sparks) = self.sparks {
                // Counted on the search thread; "…" until the first count arrives.
                let cells = match sparks.of(actor) {
                    Some(counts) => sparkline(counts),
                    None if sparks.counted => String::new(),
                    None => "…".to_owned(),
                };
                let pad = SPARK_CELLS.saturating_sub(cells.chars().count());
                line.spans.push(Span::raw(" "));
                line.spans.push(Span::styled(cells, self.theme.histogram));
                line.spans.push(Span::raw(" ".repeat(pad)));
            }
            if i == state.selected {
                line = super::select_row(line, line_area, buf, self.theme.selection(self.focused));
            }
            line.render(line_area, buf);
        }
        super::scrollbar(area, buf, state.rows.len(), state.height, state.offset);
    }
}

impl Sidebar<'_> {
    /// The names the visible rows show: the full name where it fits, else the short name
    /// where that fits, else the name cut in the middle; rows that would read the same
    /// show their names cut in the middle, which keeps both ends.
    fn names(&self, actors: &[ActorId], counts: &[usize], width: usize) -> Vec<(String, bool)> {
        let room = |a: ActorId| width.saturating_sub(3 + counts[a].to_string().len());
        let full =
            |a: ActorId| sanitize(clip(&self.store.actors[a].name, MAX_NAME_CHARS).0).into_owned();
        let mut names: Vec<(String, bool)> = actors
            .iter()
            .map(|&a| {
                let name = full(a);
                let short = sanitize(clip(self.store.actors[a].short_name(), MAX_NAME_CHARS).0);
                if name.width() > room(a) && short.width() <= room(a) {
                    (short.into_owned(), false)
                } else {
                    (name, true)
                }
            })
            .collect();
        for i in 0..names.len() {
            let same = (0..names.len()).any(|j| {
                j != i && shown(&names[j].0, room(actors[j])) == shown(&names[i].0, room(actors[i]))
            });
            if same && !names[i].1 {
                names[i] = (full(actors[i]), true);
            }
        }
        names
    }

    fn actor_line(
        &self,
        actor: ActorId,
        (name, is_full): (String, bool),
        matched: &[usize],
        count: usize,
        width: usize,
    ) -> Line<'static> {
        let matched = if is_full { matched } else { &[] };
        let selected = self.selected_actors.contains(&actor);
        let mark = if selected {
            Span::styled("✓ ", self.theme.mark)
        } else {
            Span::raw("  ")
        };
        let count_text = format!(" {count}");
        let name_width = width.saturating_sub(2 + count_text.width());
        let base = if self.found_actors.contains(&actor) {
            self.theme.highlight
        } else if count == 0 {
            self.theme.muted
        } else {
            Style::new()
        };
        let mut spans = vec![mark];
        let mut used = 0;
        for piece in middle_cut(&name, name_width) {
            let (text, style) = match piece {
                Piece::Text { text, first_char } => {
                    let chars = first_char..first_char + text.chars().count();
                    let marked = matched.iter().any(|i| chars.contains(i));
                    (text, if marked { self.theme.highlight } else { base })
                }
                Piece::Cut => ("…", base),
            };
            used += text.width();
            spans.push(Span::styled(text.to_owned(), style));
        }
        spans.push(Span::raw(" ".repeat(name_width.saturating_sub(used))));
        spans.push(Span::styled(count_text, self.theme.count));
        Line::from(spans)
    }
}

/// More of a name than any sidebar shows.
const MAX_NAME_CHARS: usize = 300;

/// A piece of a name as the sidebar shows it: whole grapheme clusters, or the cut.
#[derive(Debug, PartialEq, Eq)]
enum Piece<'a> {
    /// A run of one grapheme cluster, with the index of its first character in the name.
    Text {
        text: &'a str,
        first_char: usize,
    },
    Cut,
}

/// `name` as [`middle_cut`] shows it in `width` columns.
fn shown(name: &str, width: usize) -> String {
    middle_cut(name, width)
        .iter()
        .map(|p| match p {
            Piece::Text { text, .. } => *text,
            Piece::Cut => "…",
        })
        .collect()
}

/// `name` in at most `width` columns. A name too long loses its middle, not its end, so
/// "Kyrgyz Ministry of Foreign Affairs" and "Kyrgyz Ministry of Interior" still differ;
/// grapheme clusters (a letter and its combining marks, a Hangul syllable) stay whole.
fn middle_cut(name: &str, width: usize) -> Vec<Piece<'_>> {
    let mut graphemes = Vec::new();
    let mut first_char = 0;
    for text in name.graphemes(true) {
        graphemes.push(Piece::Text { text, first_char });
        first_char += text.chars().count();
    }
    let cells = |p: &Piece| match p {
        Piece::Text { text, .. } => text.width(),
        Piece::Cut => 1,
    };
    if graphemes.iter().map(cells).sum::<usize>() <= width {
        return graphemes;
    }
    if width == 0 {
        return Vec::new();
    }
    let room = width - 1;
    let (mut head, mut tail) = (0, 0);
    let (mut head_cells, mut tail_cells) = (0, 0);
    // The head gets the larger half: names are read from the start.
    while head < graphemes.len() && head_cells + cells(&graphemes[head]) <= room.div_ceil(2) {
        head_cells += cells(&graphemes[head]);
        head += 1;
    }
    while tail < graphemes.len() - head
        && head_cells + tail_cells + cells(&graphemes[graphemes.len() - 1 - tail]) <= room
    {
        tail_cells += cells(&graphemes[graphemes.len() - 1 - tail]);
        tail += 1;
    }
    let tail_start = graphemes.len() - tail;
    let mut out: Vec<Piece> = graphemes.drain(tail_start..).collect();
    graphemes.truncate(head);
    graphemes.push(Piece::Cut);
    graphemes.append(&mut out);
    graphemes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_lose_their_middle_and_stay_apart() {
        let a = shown("Kyrgyz Ministry of Foreign Affairs", 19);
        let b = shown("Kyrgyz Ministry of Interior", 19);
        assert_eq!(a, "Kyrgyz Mi…n Affairs");
        assert_eq!(b, "Kyrgyz Mi… Interior");
        assert_eq!(shown("Short", 19), "Short");
        assert_eq!(shown("Anything", 0), "");
        assert_eq!(shown("Anything", 1), "…");
    }

    #[test]
    fn grapheme_clusters_stay_whole_and_widths_are_cells() {
        // Thai with a combining vowel, NFD Latin, and wide CJK.
        assert_eq!(shown("กิน", 5), "กิน");
        assert_eq!(shown("Pe\u{301}ter", 5), "Pe\u{301}ter");
        let cjk = shown("中华人民共和国外交部", 9);
        assert!(cjk.width() <= 9, "{cjk}");
        assert!(cjk.contains('…'));
        for width in 0..12 {
            assert!(shown("Ñandú Pe\u{301}ter 中华 กิน", width).width() <= width);
        }
    }
}
