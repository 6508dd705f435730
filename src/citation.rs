//! Quoting an event with its citation, and handing text to the system clipboard through the
//! terminal (OSC 52), which works over SSH and in tmux with `set-clipboard on`.

use std::io::{self, Write};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::date::Bound;
use crate::date::When;
use crate::store::{Event, Store};

/// The quote with its citation, in evex's one documented style:
/// `“quote” (Author, “Title”, Publisher, date)`. Parts the source lacks are left out; the
/// date is the source's publication date, else the event's.
pub fn cite(store: &Store, event: &Event) -> String {
    let reference = reference(store, event);
    // An imported event may have no quote: then its title, not in quotation marks.
    let Some(quote) = &event.quote else {
        return format!("{} ({reference})", event.title);
    };
    let quote = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("“{quote}” ({reference})")
}

/// The citation alone, without the quote or parentheses: `Author, “Title”, Publisher, date`.
pub fn reference(store: &Store, event: &Event) -> String {
    let source = &store.sources[event.source];
    let mut parts = Vec::new();
    parts.extend(source.author.clone());
    parts.push(format!("“{}”", source.title));
    parts.push(source.publisher.clone());
    let date = source
        .published
        .as_deref()
        .and_then(|p| Bound::parse(p).ok())
        .map_or_else(
            || event.when.words(),
            |(bound, date)| {
                When {
                    bound,
                    ..When::on(date)
                }
                .words()
            },
        );
    parts.push(date);
    parts.join(", ")
}

/// Asks the terminal to put `text` on the system clipboard (OSC 52). The text travels as
/// base64, so nothing in it can act on the terminal.
pub fn write_osc52(out: &mut impl Write, text: &str) -> io::Result<()> {
    write!(out, "\x1b]52;c;{}\x07", STANDARD.encode(text))?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_the_text_as_base64() {
        let mut out = Vec::new();
        write_osc52(&mut out, "“hi” \x1b[2J").unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.starts_with("\x1b]52;c;") && out.ends_with('\x07'),
            "{out:?}"
        );
        let payload = &out["\x1b]52;c;".len()..out.len() - 1];
        assert_eq!(STANDARD.decode(payload).unwrap(), "“hi” \x1b[2J".as_bytes());
    }
}
