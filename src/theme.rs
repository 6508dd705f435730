//! Every colour and style evex draws with, in one place. `NO_COLOR` gets a monochrome theme
//! that keeps selection and emphasis readable through bold and reverse video.

use ratatui::style::{Color, Modifier, Style};

use crate::store::EventKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub header: Style,
    pub title: Style,
    pub muted: Style,
    pub border: Style,
    pub border_focused: Style,
    pub year: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub mark: Style,
    pub count: Style,
    pub highlight: Style,
    pub quote: Style,
    pub key: Style,
    pub prompt: Style,
    pub warning: Style,
    /// Histogram bars, the selected event's bar, and the shaded share of imprecise events.
    pub histogram: Style,
    pub histogram_marked: Style,
    pub histogram_imprecise: Style,
    /// The quote within its paragraph of the source text.
    pub passage_quote: Style,
    pub kinds: [Style; 8],
}

const fn fg(color: Color) -> Style {
    Style::new().fg(color)
}

pub const COLOR: Theme = Theme {
    header: Style::new().fg(Color::Black).bg(Color::Cyan),
    title: Style::new().add_modifier(Modifier::BOLD),
    muted: fg(Color::DarkGray),
    border: fg(Color::DarkGray),
    border_focused: fg(Color::Cyan),
    year: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    selected: Style::new().fg(Color::Black).bg(Color::Cyan),
    selected_unfocused: Style::new().fg(Color::White).bg(Color::DarkGray),
    mark: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
    count: fg(Color::DarkGray),
    highlight: Style::new().fg(Color::Black).bg(Color::Yellow),
    quote: Style::new().add_modifier(Modifier::ITALIC),
    key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    prompt: Style::new().fg(Color::Yellow),
    warning: fg(Color::Red),
    histogram: fg(Color::Cyan),
    histogram_marked: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    histogram_imprecise: fg(Color::Magenta),
    passage_quote: Style::new()
        .fg(Color::Green)
        .add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    kinds: [
        fg(Color::Cyan),
        fg(Color::Magenta),
        fg(Color::Blue),
        fg(Color::Green),
        fg(Color::Red),
        fg(Color::LightRed),
        fg(Color::Yellow),
        fg(Color::Gray),
    ],
};

pub const MONO: Theme = Theme {
    header: Style::new().add_modifier(Modifier::REVERSED),
    title: Style::new().add_modifier(Modifier::BOLD),
    muted: Style::new(),
    border: Style::new(),
    border_focused: Style::new().add_modifier(Modifier::BOLD),
    year: Style::new().add_modifier(Modifier::BOLD),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
    mark: Style::new().add_modifier(Modifier::BOLD),
    count: Style::new(),
    highlight: Style::new().add_modifier(Modifier::REVERSED),
    quote: Style::new(),
    key: Style::new().add_modifier(Modifier::BOLD),
    prompt: Style::new().add_modifier(Modifier::BOLD),
    warning: Style::new().add_modifier(Modifier::BOLD),
    histogram: Style::new(),
    histogram_marked: Style::new().add_modifier(Modifier::BOLD),
    histogram_imprecise: Style::new(),
    passage_quote: Style::new().add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    kinds: [Style::new(); 8],
};

/// How many styles a theme has, each with a name in the configuration file.
pub const STYLES: usize = 27;

impl Theme {
    /// Every style with the name the configuration file gives it, in the order
    /// `evex config --default` lists them.
    pub fn named_styles(&mut self) -> [(&'static str, &mut Style); STYLES] {
        let [
            diplomacy,
            politics,
            law,
            economy,
            crime,
            conflict,
            statement,
            other,
        ] = &mut self.kinds;
        [
            ("header", &mut self.header),
            ("title", &mut self.title),
            ("muted", &mut self.muted),
            ("border", &mut self.border),
            ("border_focused", &mut self.border_focused),
            ("year", &mut self.year),
            ("selected", &mut self.selected),
            ("selected_unfocused", &mut self.selected_unfocused),
            ("mark", &mut self.mark),
            ("count", &mut self.count),
            ("highlight", &mut self.highlight),
            ("quote", &mut self.quote),
            ("key", &mut self.key),
            ("prompt", &mut self.prompt),
            ("warning", &mut self.warning),
            ("histogram", &mut self.histogram),
            ("histogram_marked", &mut self.histogram_marked),
            ("histogram_imprecise", &mut self.histogram_imprecise),
            ("passage_quote", &mut self.passage_quote),
            ("kind_diplomacy", diplomacy),
            ("kind_politics", politics),
            ("kind_law", law),
            ("kind_economy", economy),
            ("kind_crime", crime),
            ("kind_conflict", conflict),
            ("kind_statement", statement),
            ("kind_other", other),
        ]
    }

    /// The theme for an environment: monochrome when `NO_COLOR` is set to anything.
    pub fn from_no_color(no_color: Option<&std::ffi::OsStr>) -> Self {
        if no_color.is_some_and(|v| !v.is_empty()) {
            MONO
        } else {
            COLOR
        }
    }

    /// The style of the selected row: strong in the focused pane, quieter elsewhere.
    pub fn selection(&self, focused: bool) -> Style {
        if focused {
            self.selected
        } else {
            self.selected_unfocused
        }
    }

    /// A piece of text on a selected row. The row's colours win over the text's own, so no
    /// text is drawn in the row's background colour (a cyan kind marker on a cyan row);
    /// text with a background of its own (a search highlight) keeps it.
    pub fn on_selection(style: Style, selection: Style) -> Style {
        if style.bg.is_some() {
            style
        } else {
            Style {
                fg: selection.fg.or(style.fg),
                bg: selection.bg,
                ..style
            }
            .add_modifier(selection.add_modifier)
        }
    }

    pub fn kind(&self, kind: EventKind) -> Style {
        let i = EventKind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
        self.kinds[i]
    }
}
