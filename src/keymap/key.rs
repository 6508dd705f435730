//! Keys: how the keymap table writes them, and how hints and the help show them (`q`,
//! `Ctrl-c`, `Tab`, `↓`).

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::Binding;

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

pub(super) const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

pub(super) const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

pub(super) const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

pub(super) const fn with_ctrl(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::CONTROL,
    }
}

pub(super) const fn alt(c: char) -> Key {
    with_alt(KeyCode::Char(c))
}

pub(super) const fn with_alt(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::ALT,
    }
}

/// How a key is written in hints: `q`, `Ctrl-c`, `Tab`, `↓`.
pub fn label(key: Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace if key.modifiers.is_empty() => "Backspace".into(),
        KeyCode::Backspace => "Bksp".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Insert => "Ins".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else if key.modifiers.contains(KeyModifiers::ALT) {
        format!("Alt-{name}")
    } else {
        name
    }
}

/// All keys of a binding: `j/↓`; with the `/` key among them, `/ Ctrl-f`; `(unbound)` when
/// the configuration took them all away.
pub fn labels(binding: &Binding) -> String {
    if binding.keys.is_empty() {
        return "(unbound)".into();
    }
    let slash = binding.keys.contains(&ch('/'));
    binding
        .keys
        .iter()
        .map(|&k| label(k))
        .collect::<Vec<_>>()
        .join(if slash { " " } else { "/" })
}

/// Named keys as the configuration file writes them, beside single characters.
const NAMED: &[(&str, KeyCode)] = &[
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("shift-tab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
];

/// How the configuration file writes a key: `q`, `G`, `ctrl-d`, `alt-backspace`, `space`,
/// `pagedown`, `f5`. [`parse`] reads it back.
pub fn name(key: Key) -> String {
    let base = match key.code {
        KeyCode::F(n) => format!("f{n}"),
        code => NAMED.iter().find(|(_, c)| *c == code).map_or_else(
            || match code {
                KeyCode::Char(c) => c.to_string(),
                other => format!("{other:?}").to_lowercase(),
            },
            |(name, _)| (*name).to_owned(),
        ),
    };
    let mut out = String::new();
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        out.push_str("ctrl-");
    }
    if key.modifiers.contains(KeyModifiers::ALT) {
        out.push_str("alt-");
    }
    out + &base
}

/// Reads a key as [`name`] writes it; modifiers and names in any case (`Ctrl-D`, `PageDown`).
/// A single character stands for itself, so `G` is shift-g and `-` is the minus key.
pub fn parse(text: &str) -> Result<Key, String> {
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = text;
    loop {
        let lower = rest.to_ascii_lowercase();
        let (prefix, modifier) = if lower.starts_with("ctrl-") {
            ("ctrl-", KeyModifiers::CONTROL)
        } else if lower.starts_with("alt-") {
            ("alt-", KeyModifiers::ALT)
        } else {
            break;
        };
        if rest.len() == prefix.len() {
            break;
        }
        modifiers |= modifier;
        rest = &rest[prefix.len()..];
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        // Terminals send Ctrl-D as Ctrl with `d`, whatever the shift key.
        (Some(c), None) if modifiers.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        (Some(c), None) => KeyCode::Char(c),
        _ => {
            let lower = rest.to_ascii_lowercase();
            let function = lower
                .strip_prefix('f')
                .and_then(|n| n.parse::<u8>().ok())
                .filter(|n| (1..=12).contains(n));
            match (NAMED.iter().find(|(n, _)| *n == lower), function) {
                (Some((_, code)), _) => *code,
                (None, Some(n)) => KeyCode::F(n),
                (None, None) => {
                    return Err(format!(
                        "unknown key {text:?}; keys are written like \"q\", \"G\", \"ctrl-d\", \"alt-b\", \"space\", \"enter\", \"pagedown\", \"f5\""
                    ));
                }
            }
        }
    };
    Ok(Key { code, modifiers })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for text in [
            "q",
            "G",
            "-",
            "ctrl-d",
            "alt-backspace",
            "space",
            "shift-tab",
            "f5",
            "ctrl--",
            "pagedown",
        ] {
            let key = parse(text).unwrap();
            assert_eq!(name(key), text);
            assert_eq!(parse(&name(key)), Ok(key));
        }
        assert_eq!(parse("Ctrl-D"), Ok(ctrl('d')));
        assert_eq!(parse("PageDown"), Ok(key(KeyCode::PageDown)));
        assert!(parse("hyper-x").is_err());
        assert!(parse("").is_err());
    }
}
