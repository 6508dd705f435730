//! The `theme` part of the configuration file: style names to `(fg: .., bg: .., modifiers:
//! [..])`. A listed style replaces that style whole; colours are named as ratatui reads them.

use std::fmt;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use serde::de::{self, Visitor};

use crate::theme::{COLOR, Theme};

/// A style as the file writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StyleSpec {
    #[serde(default)]
    fg: Option<ColorName>,
    #[serde(default)]
    bg: Option<ColorName>,
    #[serde(default)]
    modifiers: Vec<ModifierName>,
}

impl StyleSpec {
    pub(super) fn style(&self) -> Style {
        let mut style = Style::new();
        style.fg = self.fg.map(|c| c.0);
        style.bg = self.bg.map(|c| c.0);
        self.modifiers
            .iter()
            .fold(style, |style, m| style.add_modifier(m.0))
    }
}

/// A style written as the file writes it: `(fg: "Black", bg: "Cyan", modifiers: ["bold"])`.
pub(super) fn write(style: Style) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = style.fg {
        parts.push(format!("fg: \"{fg}\""));
    }
    if let Some(bg) = style.bg {
        parts.push(format!("bg: \"{bg}\""));
    }
    let modifiers: Vec<String> = style
        .add_modifier
        .iter_names()
        .map(|(name, _)| format!("\"{}\"", name.to_lowercase()))
        .collect();
    if !modifiers.is_empty() {
        parts.push(format!("modifiers: [{}]", modifiers.join(", ")));
    }
    format!("({})", parts.join(", "))
}

/// Whether `name` names a style of the theme.
pub(super) fn is_style(name: &str) -> bool {
    let mut theme = COLOR;
    theme.named_styles().iter().any(|(n, _)| *n == name)
}

/// The theme with the listed styles replaced.
pub(super) fn patch(mut theme: Theme, styles: &[(String, Style)]) -> Theme {
    for (name, new) in styles {
        if let Some((_, style)) = theme.named_styles().into_iter().find(|(n, _)| n == name) {
            *style = *new;
        }
    }
    theme
}

#[derive(Debug, Clone, Copy)]
struct ColorName(Color);

impl<'de> Deserialize<'de> for ColorName {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(Named("a colour in quotes: \"black\", \"light red\", \"#ff8800\", \"208\""))
            .and_then(|text| {
                Color::from_str(&text).map(ColorName).map_err(|_| {
                    de::Error::custom(format!(
                        "unknown colour {text:?}; colours are black, red, green, yellow, blue, magenta, cyan, gray, dark gray, light red (and the other light ones), white, reset, \"#rrggbb\" or a number 0-255"
                    ))
                })
            })
    }
}

#[derive(Debug, Clone, Copy)]
struct ModifierName(Modifier);

impl<'de> Deserialize<'de> for ModifierName {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(Named("a modifier in quotes: \"bold\", \"italic\""))
            .and_then(|text| {
                Modifier::from_name(&text.to_uppercase())
                    .map(ModifierName)
                    .ok_or_else(|| {
                        de::Error::custom(format!(
                            "unknown modifier {text:?}; modifiers are bold, dim, italic, underlined, slow_blink, rapid_blink, reversed, hidden, crossed_out"
                        ))
                    })
            })
    }
}

/// Reads a string, saying what it stands for when something else is there.
struct Named(&'static str);

impl Visitor<'_> for Named {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<String, E> {
        Ok(text.to_owned())
    }
}
