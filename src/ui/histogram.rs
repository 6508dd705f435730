//! The histogram strip above the timeline: matching events per decade, year, month or day,
//! one column per bucket, the selected event's bucket marked, imprecise events shaded, a `•`
//! under buckets with marked events.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Sparkline, SparklineBar, StatefulWidget, Widget};

use crate::date::Day;
use crate::histogram::{Bucket, Counts, Unit};
use crate::theme::Theme;

/// Whether the strip shows, its zoom, and what was last drawn (for the keys that move in it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HistogramState {
    pub shown: bool,
    /// The unit `z`/`Z` chose; `None` fits the matches to the width.
    pub zoom: Option<Unit>,
    /// The unit last drawn.
    pub unit: Unit,
    /// The first bucket last drawn, kept while the selection stays in view.
    pub first: i64,
    /// Its columns, as last laid out (also while it is hidden): the sparklines follow them.
    pub width: usize,
}

/// The widest a bucket's bar gets when there are few buckets.
const MAX_BAR_WIDTH: usize = 6;

pub struct Histogram<'a> {
    pub counts: &'a Counts,
    /// The selected event's first day: its bucket is marked.
    pub selected: Option<Day>,
    /// The first days of the marked events that match: their buckets get a `•` under them.
    pub marks: &'a [Day],
    pub block: Block<'a>,
    pub theme: &'a Theme,
}

impl StatefulWidget for Histogram<'_> {
    type State = HistogramState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut HistogramState) {
        let width = usize::from(self.block.inner(area).width);
        let unit = state.zoom.unwrap_or_else(|| self.counts.fit(width));
        state.unit = unit;
        let Some((start, end)) = self.counts.span(unit) else {
            let inner = self.block.inner(area);
            self.block.render(area, buf);
            Line::styled("no matches to count", self.theme.muted).render(inner, buf);
            return;
        };
        let marked = self.selected.map(|d| unit.index(d));
        let columns = i64::try_from(width).unwrap_or(1).max(1);
        state.first = if end - start < columns {
            start
        } else {
            let at = marked.unwrap_or(state.first);
            // Scroll only as far as it takes to keep the mark in view, within the matches.
            let first = state.first.clamp(at - columns + 1, at);
            first.clamp(start, end - columns + 1)
        };
        let shown = usize::try_from((end - state.first + 1).min(columns)).unwrap_or(1);
        let buckets = self.counts.window(unit, state.first, shown);
        // Few buckets get wide bars, up to MAX_BAR_WIDTH columns with a gap between them.
        let per = (width / shown.max(1)).clamp(1, MAX_BAR_WIDTH);
        let title = self.title(unit, &buckets, marked);
        let block = self.block.clone().title(title);
        let inner = block.inner(area);
        block.render(area, buf);
        let [bars, axis] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
        self.bars(&buckets, marked, per, bars, buf);
        self.axis(unit, &buckets, marked, per, axis, buf);
    }
}

impl Histogram<'_> {
    /// `per year · 2012: 34 (3 imprecise)`: the unit and the marked bucket's count.
    fn title(&self, unit: Unit, buckets: &[Bucket], marked: Option<i64>) -> Line<'static> {
        let mut text = format!(" per {} ", unit.name());
        let bucket = marked.and_then(|m| buckets.iter().find(|b| b.index == m));
        if let Some(b) = bucket {
            text += &format!("· {}: {} ", unit.label(b.index), b.total());
            if b.imprecise > 0 {
                text += &format!("({} less precise) ", b.imprecise);
            }
            let marked = self.marks.iter().filter(|&&d| unit.index(d) == b.index);
            match marked.count() {
                0 => {}
                n => text += &format!("· {n} marked "),
            }
        }
        Line::from(text)
    }

    /// One column per bucket, scaled to the fullest. The marked bucket is drawn in its own
    /// style; the share of events less precise than a bucket is shaded at the top of its bar.
    fn bars(
        &self,
        buckets: &[Bucket],
        marked: Option<i64>,
        per: usize,
        area: Rect,
        buf: &mut Buffer,
    ) {
        if area.is_empty() {
            return;
        }
        let max = buckets.iter().map(Bucket::total).max().unwrap_or(0).max(1);
        let gap = usize::from(per >= 3);
        // The least a bucket with events is drawn as: one eighth of a cell, so a bucket of
        // one event beside one of hundreds still shows.
        let least = u64::from(max).div_ceil(u64::from(area.height) * 8);
        let data: Vec<SparklineBar> = buckets
            .iter()
            .flat_map(|b| {
                let style = if Some(b.index) == marked {
                    self.theme.histogram_marked
                } else {
                    self.theme.histogram
                };
                let height = match u64::from(b.total()) {
                    0 => 0,
                    total => total.max(least),
                };
                let bar = SparklineBar::from(height).style(Some(style));
                let space = SparklineBar::from(0);
                std::iter::repeat_n(bar, per - gap).chain(std::iter::repeat_n(space, gap))
            })
            .collect();
        Sparkline::default()
            .data(data)
            .max(u64::from(max))
            .render(area, buf);
        // The top of a bar for its imprecise share, at least one cell if any: whole cells are
        // shaded, the part-filled top cell keeps its height and takes the shade's colour.
        let rows = u32::from(area.height);
        let columns = (area.left()..area.right()).step_by(per);
        for ((x, b), dx) in columns
            .zip(buckets)
            .flat_map(|(x, b)| (0..per - gap).map(move |dx| ((x, b), dx)))
        {
            let x = x + u16::try_from(dx).unwrap_or(0);
            if b.imprecise == 0 || x >= area.right() {
                continue;
            }
            let bar = (b.total() * rows * 8).div_ceil(max * 8).min(rows);
            let shaded = (b.imprecise * rows).div_ceil(max).clamp(1, bar.max(1));
            for row in 0..shaded {
                let y = area.bottom() - u16::try_from(bar.max(1) - row).unwrap_or(1);
                let cell = &mut buf[(x, y)];
                if cell.symbol() == "█" {
                    cell.set_symbol("░");
                }
                cell.set_style(self.theme.histogram_imprecise);
            }
        }
    }

    /// Under the bars: the first and last bucket's labels, and a `▲` under the marked one
    /// with its label beside it.
    fn axis(
        &self,
        unit: Unit,
        buckets: &[Bucket],
        marked: Option<i64>,
        per: usize,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let width = usize::from(area.width);
        let mut cells: Vec<Span<'static>> = vec![Span::raw(" "); width];
        let mut put = |at: usize, text: &str, style: Style| {
            for (i, c) in text.chars().enumerate() {
                if let Some(cell) = cells.get_mut(at + i) {
                    *cell = Span::styled(c.to_string(), style);
                }
            }
        };
        let (Some(first), Some(last)) = (buckets.first(), buckets.last()) else {
            return;
        };
        let first_label = unit.label(first.index);
        let last_label = unit.label(last.index);
        let mark = marked
            .map(|m| m - first.index)
            .and_then(|m| usize::try_from(m).ok())
            .filter(|&m| m < buckets.len())
            .map(|at| {
                let label = unit.label(first.index + at as i64);
                let at = at * per;
                let len = label.chars().count() + 1;
                if at + len <= width {
                    (at, format!("▲{label}"))
                } else {
                    ((at + 1).saturating_sub(len), format!("{label}▲"))
                }
            });
        // A `•` under each bucket with a marked event, where no label is.
        for day in self.marks {
            let at = usize::try_from(unit.index(*day) - first.index).ok();
            if let Some(at) = at.filter(|&at| at < buckets.len()) {
                put(at * per, "•", self.theme.mark);
            }
        }
        // The first and last labels give way to the mark's where they would touch it.
        let clear = |from: usize, len: usize| {
            mark.as_ref().is_none_or(|(left, text)| {
                from + len < *left || *left + text.chars().count() < from
            })
        };
        if clear(0, first_label.len()) {
            put(0, &first_label, self.theme.muted);
        }
        // The last label ends under the last bar.
        let end = (buckets.len() * per - usize::from(per >= 3)).min(width);
        let last_at = end.saturating_sub(last_label.len());
        if last.index != first.index && clear(last_at, last_label.len()) {
            put(last_at, &last_label, self.theme.muted);
        }
        if let Some((left, text)) = &mark {
            put(*left, text, self.theme.key);
        }
        Line::from(cells).render(area, buf);
    }
}
