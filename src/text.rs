//! Text as evex shows and searches it.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` could change the terminal or the direction of text if printed raw.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Makes store text safe to print: control characters become visible symbols (ESC as `␛`,
/// other C0 controls as their Control Pictures, C1 controls and bidi overrides as `\u{..}`),
/// so data can never drive the terminal. Newlines and tabs become spaces.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(' '),
            '\u{7f}' => out.push('␡'),
            c if u32::from(c) < 0x20 => {
                out.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('�'));
            }
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The first `max` characters of `text`, and whether it was cut. Keeps per-frame work bounded
/// when a store holds a huge title or quote.
pub fn clip(text: &str, max: usize) -> (&str, bool) {
    match text.char_indices().nth(max) {
        Some((at, _)) => (&text[..at], true),
        None => (text, false),
    }
}

/// "1 warning", "0 warnings", "3 errors": a count with its noun in the right number.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Collapses every run of white space to one space, for whitespace-insensitive comparison.
pub fn squash_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(sanitize("\x1b]0;owned\x07"), "␛]0;owned␇");
        assert_eq!(sanitize("a\x1b[2Jb"), "a␛[2Jb");
        assert_eq!(sanitize("\u{202E}evil\u{9b}"), "\\u{202e}evil\\u{9b}");
        assert_eq!(sanitize("line\nnext\r"), "line next␍");
        assert!(matches!(sanitize("plain – “text”"), Cow::Borrowed(_)));
    }

    #[test]
    fn counts_agree_with_their_noun() {
        assert_eq!(count(0, "warning"), "0 warnings");
        assert_eq!(count(1, "warning"), "1 warning");
        assert_eq!(count(2, "error"), "2 errors");
    }

    #[test]
    fn whitespace_runs_collapse() {
        assert_eq!(squash_whitespace(" a \u{a0}b\n\nc "), "a b c");
    }
}
