//! The loading screen: which store is opening, what opening it is doing and how far it has
//! got, drawn from the first moment, so a big store never leaves a blank terminal.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Gauge, Widget};

use crate::progress::Snapshot;
use crate::text::sanitize;
use crate::theme::Theme;

/// The loading screen of the store `name`.
pub struct Loading<'a> {
    pub name: &'a str,
    pub progress: Snapshot,
    /// Since the explorer started.
    pub elapsed: Duration,
    pub theme: &'a Theme,
}

impl Widget for Loading<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        use Constraint::{Fill, Length};
        let theme = self.theme;
        let [_, middle, _] = Layout::vertical([Fill(1), Length(7), Fill(1)]).areas(area);
        let [_, boxed, _] =
            Layout::horizontal([Fill(1), Length(area.width.min(64)), Fill(1)]).areas(middle);
        let block = Block::bordered()
            .border_style(theme.border)
            .title(Line::from(" evex ").centered());
        let inner = block.inner(boxed);
        block.render(boxed, buf);
        // Without room for the blank lines, the three that matter stay.
        let [name, _, gauge, _, hint] =
            Layout::vertical([Length(1), Fill(1), Length(1), Fill(1), Length(1)]).areas(inner);
        Line::from(format!("Opening {}", sanitize(self.name)))
            .style(theme.title)
            .render(name, buf);
        let Snapshot { done, total, .. } = self.progress;
        let ratio = if total > 0 {
            done as f64 / total as f64
        } else {
            0.0
        };
        Gauge::default()
            .ratio(ratio.clamp(0.0, 1.0))
            .label(label(self.progress))
            .gauge_style(theme.histogram)
            .use_unicode(true)
            .render(gauge, buf);
        Line::from(vec![
            Span::styled(format!("{:.1} s", self.elapsed.as_secs_f64()), theme.muted),
            Span::raw("   "),
            Span::styled("q", theme.key),
            Span::raw(" quits"),
        ])
        .render(hint, buf);
    }
}

/// "parsing 120 MB of 433 MB", "reading the cached copy: 30000 of 1000000 events".
fn label(progress: Snapshot) -> String {
    let Snapshot { stage, done, total } = progress;
    let doing = stage.doing();
    if stage.counts_bytes() {
        let mb = |n: u64| n.div_ceil(1_000_000);
        if total > 0 {
            format!("{doing} {} MB of {} MB", mb(done), mb(total))
        } else {
            format!("{doing} {} MB", mb(done))
        }
    } else if total > 0 {
        format!("{doing}: {done} of {total} events")
    } else {
        format!("{doing}…")
    }
}
