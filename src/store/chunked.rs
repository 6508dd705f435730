//! Parsing a big store on every core: a quick scan cuts the events list at top-level entries
//! (stepping over strings, raw strings, characters and comments), ron parses each piece on
//! its own, and an error in a piece is placed where it is in the whole file. The scan is
//! strict: anything it does not understand (unbalanced brackets, an unclosed string, a second
//! `events`, text after the store) leaves the file to ron's single parse, which then says
//! what is wrong exactly as it always has.

use std::ops::Range;

use rayon::prelude::*;
use ron::error::{Position, Span, SpannedError};

use super::{EventEntry, StoreFile};
use crate::progress::Progress;

/// Pieces of about this many bytes: enough of them to keep every core busy to the end and
/// to show progress, few enough that each costs little to set up.
pub const PIECE_BYTES: usize = 1 << 22;

/// Parses a store file's text, in pieces of about `piece_bytes` on every core when it is
/// bigger than one piece. Errors are ron's, placed in `text`.
pub fn parse(
    text: &str,
    piece_bytes: usize,
    progress: &Progress,
) -> Result<StoreFile, SpannedError> {
    let whole = || ron::Options::default().from_str::<StoreFile>(text);
    if text.len() <= piece_bytes {
        return whole();
    }
    let Some(cut) = cut(text, piece_bytes) else {
        return whole();
    };
    // The store with an empty events list; any problem there is left to the whole parse,
    // which finds it (or one before it) where it is.
    let head = [&text[..cut.list.start], &text[cut.list.end..]].concat();
    let Ok(mut file) = ron::Options::default().from_str::<StoreFile>(&head) else {
        return whole();
    };
    // The file's `#![enable(..)]` attributes (and comments) before each piece, so every
    // piece is read with the same extensions.
    let prelude = &text[..cut.value_start];
    let parsed: Vec<Result<Vec<EventEntry>, SpannedError>> = cut
        .pieces
        .into_par_iter()
        .map(|piece| {
            let source = [prelude, "[", &text[piece.clone()], "]"].concat();
            let entries = ron::Options::default()
                .from_str::<Vec<EventEntry>>(&source)
                .map_err(|e| in_file(e, text, prelude, piece.start));
            progress.advance(piece.len() as u64);
            entries
        })
        .collect();
    let total = parsed.iter().flatten().map(Vec::len).sum();
    let mut events = Vec::with_capacity(total);
    for piece in parsed {
        // Pieces are in file order, so the first error is the one the whole parse meets.
        events.extend(piece?);
    }
    file.events = events;
    Ok(file)
}

/// Moves an error in a piece (`prelude`, `[`, then the file from `start`) to the file.
fn in_file(mut error: SpannedError, text: &str, prelude: &str, start: usize) -> SpannedError {
    let before = &text[..start];
    let line = 1 + memchr::memchr_iter(b'\n', before.as_bytes()).count();
    let col = 1 + before
        .rfind('\n')
        .map_or(before, |n| &before[n + 1..])
        .chars()
        .count();
    let prelude_lines = memchr::memchr_iter(b'\n', prelude.as_bytes()).count();
    let prelude_tail = prelude.rfind('\n').map_or(prelude, |n| &prelude[n + 1..]);
    // Where the file's text starts in the piece: after the prelude and the `[`.
    let piece_line = 1 + prelude_lines;
    let piece_col = 1 + prelude_tail.chars().count() + 1;
    let place = |at: Position| {
        if at.line == piece_line {
            Position {
                line,
                col: col + at.col.saturating_sub(piece_col),
            }
        } else {
            Position {
                line: line + at.line.saturating_sub(piece_line),
                col: at.col,
            }
        }
    };
    error.span = Span {
        start: place(error.span.start),
        end: place(error.span.end),
    };
    error
}

/// Where a store's events list is and how it is cut.
#[derive(Debug, PartialEq)]
struct Cut {
    /// Where the top-level value (`Store(..)`) starts, after attributes and comments.
    value_start: usize,
    /// The inside of the events list, between its brackets.
    list: Range<usize>,
    /// Runs of whole entries, each without the comma that ends it.
    pieces: Vec<Range<usize>>,
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Finds the events list of a store and cuts it into pieces of about `piece_bytes` at the
/// commas between its entries. `None` for anything it does not fully understand.
fn cut(text: &str, piece_bytes: usize) -> Option<Cut> {
    let bytes = text.as_bytes();
    let mut open: Vec<u8> = Vec::new();
    let (mut value_start, mut list_start, mut list) = (None, None, None);
    // The last key seen in the store's own fields, and whether its `:` followed.
    let (mut key, mut colon) = (None::<&str>, false);
    let mut pieces = Vec::new();
    let mut piece_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let depth = open.len();
        if depth == 0 && !b.is_ascii_whitespace() && b != b'/' && b != b'#' {
            // The store itself: `Store(` or `(`, once.
            if value_start.is_some() {
                return None;
            }
            value_start = Some(i);
            let name = bytes[i..].iter().take_while(|&&b| is_ident(b)).count();
            i += name;
            i += bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
            if bytes.get(i) != Some(&b'(') {
                return None;
            }
            open.push(b'(');
            i += 1;
            continue;
        }
        i = match b {
            b'/' => comment_end(bytes, i)?,
            b'#' if depth == 0 => attribute_end(bytes, i)?,
            b'"' => {
                key = None;
                string_end(bytes, i)?
            }
            b'\'' => char_end(bytes, i)?,
            b'(' | b'[' | b'{' => {
                if depth == 1 && b == b'[' && colon && key == Some("events") {
                    if list_start.is_some() {
                        return None;
                    }
                    list_start = Some(i + 1);
                    piece_start = i + 1;
                }
                key = None;
                open.push(b);
                i + 1
            }
            b')' | b']' | b'}' => {
                let opener = open.pop()?;
                if (opener, b) != (b'(', b')')
                    && (opener, b) != (b'[', b']')
                    && (opener, b) != (b'{', b'}')
                {
                    return None;
                }
                if depth == 2 && list.is_none() && list_start.is_some() {
                    list = Some(list_start?..i);
                    pieces.push(piece_start..i);
                }
                i + 1
            }
            b',' => {
                if depth == 2
                    && list_start.is_some()
                    && list.is_none()
                    && i - piece_start >= piece_bytes
                {
                    pieces.push(piece_start..i);
                    piece_start = i + 1;
                }
                if depth == 1 {
                    key = None;
                    colon = false;
                }
                i + 1
            }
            b':' => {
                colon = depth == 1 && key.is_some();
                i + 1
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let end = i + bytes[i..].iter().take_while(|&&b| is_ident(b)).count();
                let word = &text[i..end];
                if matches!(word, "r" | "br") && matches!(bytes.get(end), Some(b'"' | b'#')) {
                    raw_string_end(bytes, end)?
                } else {
                    if depth == 1 {
                        (key, colon) = (Some(word), false);
                    }
                    end
                }
            }
            _ => i + 1,
        };
    }
    if !open.is_empty() {
        return None;
    }
    Some(Cut {
        value_start: value_start?,
        list: list?,
        pieces,
    })
}

/// Just past the comment starting at `at` (`//` to the end of the line, or a nested `/*`).
fn comment_end(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at + 1) {
        Some(b'/') => Some(memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n)),
        Some(b'*') => {
            let (mut depth, mut i) = (0usize, at);
            while i + 1 < bytes.len() {
                match (bytes[i], bytes[i + 1]) {
                    (b'/', b'*') => (depth, i) = (depth + 1, i + 2),
                    (b'*', b'/') => {
                        (depth, i) = (depth - 1, i + 2);
                        if depth == 0 {
                            return Some(i);
                        }
                    }
                    _ => i += 1,
                }
            }
            None
        }
        _ => None,
    }
}

/// Just past a `#![..]` attribute starting at `at`.
fn attribute_end(bytes: &[u8], at: usize) -> Option<usize> {
    if !bytes[at..].starts_with(b"#![") {
        return None;
    }
    memchr::memchr(b']', &bytes[at..]).map(|n| at + n + 1)
}

/// Just past the string starting with the quote at `at`.
fn string_end(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    loop {
        i += memchr::memchr2(b'"', b'\\', &bytes[i..])?;
        if bytes[i] == b'"' {
            return Some(i + 1);
        }
        i += 2;
    }
}

/// Just past the character literal starting at `at`: `'a'`, `'\''`, `'\u{1F600}'`.
fn char_end(bytes: &[u8], at: usize) -> Option<usize> {
    let from = if bytes.get(at + 1) == Some(&b'\\') {
        at + 3
    } else {
        at + 2
    };
    memchr::memchr(b'\'', bytes.get(from..)?).map(|n| from + n + 1)
}

/// Just past the raw string whose hashes or quote start at `at` (after its `r`).
fn raw_string_end(bytes: &[u8], at: usize) -> Option<usize> {
    let hashes = bytes[at..].iter().take_while(|&&b| b == b'#').count();
    let body = at + hashes;
    if bytes.get(body) != Some(&b'"') {
        return None;
    }
    let mut i = body + 1;
    loop {
        i += memchr::memchr(b'"', &bytes[i..])?;
        let closed = bytes[i + 1..]
            .iter()
            .take(hashes)
            .take_while(|&&b| b == b'#')
            .count();
        if closed == hashes {
            return Some(i + 1 + hashes);
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests;
