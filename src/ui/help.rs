//! The `?` overlay: every key binding from the keymap table with where it applies, then the
//! search syntax and the mouse; it scrolls, and narrow terminals get one binding per two lines.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::keymap::{self, Keymap};
use crate::theme::Theme;

/// Scroll position of the help, and how far it can go as last drawn.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpState {
    pub scroll: usize,
    pub max_scroll: usize,
    pub height: usize,
}

/// The lines under the bindings: how to search and what the mouse does.
const NOTES: [&str; 6] = [
    "Search: words (smart case), \"a phrase\", @actor, 2012, 2012-08, 2010..2013, ..2012, 2012..",
    "Operators: -word or !word excludes; a | b either; kind:law source:x tag:x place:x actor:x year:x",
    "Find (f, Ctrl-F in the prompt): every event stays, matches marked ▸; n/N go to the next/previous, wrapping.",
    "Go to year (y): a year, month, day or range, found as search finds it.",
    "Mouse: the wheel scrolls the pane under it; a click selects a row or toggles an actor; a click on a year heading goes to that year.",
    "Keys and colours: config.ron (`evex config --path` says where) changes what it lists; `evex config --default` prints every binding and style.",
];

fn binding_lines(keymap: &Keymap, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let key_width = keymap
        .bindings()
        .iter()
        .map(|b| keymap::labels(b).width())
        .max()
        .unwrap_or(0)
        .min(18);
    let help_width = keymap
        .bindings()
        .iter()
        .map(|b| b.help.width())
        .max()
        .unwrap_or(0);
    let scope_width = keymap
        .bindings()
        .iter()
        .map(|b| b.scope.name().width())
        .max()
        .unwrap_or(0);
    let one_line = 1 + key_width + 2 + help_width + 2 + scope_width <= width;
    let mut lines = Vec::new();
    for b in keymap.bindings() {
        let keys = keymap::labels(b);
        let scope = Span::styled(b.scope.name(), theme.muted);
        if one_line {
            lines.push(Line::from(vec![
                Span::styled(format!(" {keys:<key_width$}  "), theme.key),
                Span::raw(format!("{:<help_width$}  ", b.help)),
                scope,
            ]));
        } else {
            lines.push(Line::styled(format!(" {keys}"), theme.key));
            lines.push(Line::from(vec![
                Span::raw(format!("    {} · ", b.help)),
                scope,
            ]));
        }
    }
    lines
}

/// Draws the help over `body`, centred, as tall as it needs or the body allows.
pub fn draw_help(
    frame: &mut Frame,
    state: &mut HelpState,
    keymap: &Keymap,
    theme: &Theme,
    body: Rect,
) {
    let width = body.width.min(84);
    let inner_width = usize::from(width.saturating_sub(2));
    let mut lines = binding_lines(keymap, inner_width, theme);
    lines.push(Line::raw(""));
    for note in NOTES {
        let note = [Span::styled(note, theme.muted)];
        lines.extend(super::wrap::wrap(vec![Span::raw(" ")], &note, inner_width));
    }
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = paragraph.line_count(width.saturating_sub(2));
    let height = u16::try_from(total + 2)
        .unwrap_or(u16::MAX)
        .min(body.height);
    let [area] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(body);
    let [area] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(area);
    state.height = usize::from(height.saturating_sub(2));
    state.max_scroll = total.saturating_sub(state.height);
    state.scroll = state.scroll.min(state.max_scroll);
    let title = if state.max_scroll > 0 {
        format!(
            " Keys · {}/{} scroll · {} closes ",
            keymap.keys_of("overlay_down", 1),
            keymap.keys_of("overlay_up", 1),
            keymap.keys_of("overlay_close", 1)
        )
    } else {
        format!(" Keys · {} closes ", keymap.keys_of("overlay_close", 2))
    };
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::from(title).style(theme.title));
    let scroll = u16::try_from(state.scroll).unwrap_or(u16::MAX);
    frame.render_widget(paragraph.block(block).scroll((scroll, 0)), area);
    super::scrollbar(area, frame.buffer_mut(), total, state.height, state.scroll);
}
