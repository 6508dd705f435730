//! `evex config --default`: the whole default configuration, written so that it reads back
//! to exactly the defaults, with what each binding does beside it.

use std::fmt::Write;

use super::style;
use crate::keymap::{Keymap, name};
use crate::theme::COLOR;

const HEAD: &str = r##"// evex configuration. Save as ~/.config/evex/config.ron (or under $XDG_CONFIG_HOME) and
// keep only what you change: each entry replaces one default, and what is left out stays.
//
// keys: a binding's name and its keys, which replace its default keys. Keys are written
// "q", "G" (shift-g), "ctrl-d", "alt-b", "space", "enter", "esc", "tab", "shift-tab",
// "backspace", "delete", "insert", "left", "right", "up", "down", "home", "end", "pageup",
// "pagedown", "f1".."f12". A key may not be bound twice where both bindings apply (a
// pane's own keys shadow the keys for any pane). [] unbinds.
//
// theme: a style's name and the style that replaces it whole: fg and bg colours ("black",
// "red", "light red", "dark gray", "#ff8800", "208", "reset") and modifiers ("bold",
// "dim", "italic", "underlined", "reversed", "crossed_out"). With NO_COLOR set evex draws
// in monochrome whatever this says.
(
"##;

/// The default configuration file, every binding and style listed.
pub fn default_text() -> String {
    let mut out = String::from(HEAD);
    out += "    keys: {\n";
    for b in Keymap::default().bindings() {
        let keys: Vec<String> = b.keys.iter().map(|&k| format!("{:?}", name(k))).collect();
        let entry = format!("{:?}: [{}],", b.name, keys.join(", "));
        let _ = writeln!(
            out,
            "        {entry:<48} // {} ({})",
            b.help,
            b.scope.name()
        );
    }
    out += "    },\n    theme: {\n";
    let mut theme = COLOR;
    for (name, style) in theme.named_styles() {
        let _ = writeln!(
            out,
            "        {:<22} {},",
            format!("{name:?}:"),
            style::write(*style)
        );
    }
    out += "    },\n)\n";
    out
}

#[cfg(test)]
mod tests {
    use super::super::Patch;
    use super::*;

    #[test]
    fn the_default_file_reads_back_to_the_defaults() {
        let patch = Patch::parse(&default_text(), "default").unwrap();
        assert_eq!(patch.keymap(), Keymap::default());
        assert_eq!(patch.theme(false), COLOR);
        assert_eq!(patch.keys.len(), Keymap::default().bindings().len());
        assert_eq!(patch.theme.len(), crate::theme::STYLES);
    }
}
