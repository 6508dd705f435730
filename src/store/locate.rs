//! Finds where things are in a store's text, so validation problems can name a line and
//! column although serde forgets positions after parsing.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::sync::OnceLock;

use super::Position;
use super::diagnostic::Lines;

/// Offsets of every `id: "..."` in a store's text, for placing problems. The text is only
/// searched once a problem needs placing, so a valid store loads without it.
pub struct Locator<'a> {
    text: &'a str,
    ids: OnceLock<Ids>,
    lines: OnceLock<Lines<'a>>,
}

struct Ids {
    /// Decoded id value to the offsets of its literals, in file order.
    offsets: HashMap<String, Vec<usize>>,
    /// All id offsets in file order, to bound the search for an item's fields.
    starts: Vec<usize>,
    /// Where the `sources`, `actors` and `events` lists start.
    sections: HashMap<&'static str, usize>,
}

/// What the scan finds in the code of a store, outside comments and strings.
enum Token<'t> {
    /// `name:`, and where its value starts.
    Key { name: &'t str, value: usize },
    /// A string literal (plain or raw) starting here.
    Str(usize),
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Walks the RON code in `text[from..to]` (`from` must be outside any comment or string),
/// handing every key and string literal to `found` until it breaks. Comments, strings and
/// character literals are stepped over, so a comment that mentions `id: "x"` is not an id.
fn scan<'t>(
    text: &'t str,
    from: usize,
    to: usize,
    mut found: impl FnMut(Token<'t>) -> ControlFlow<()>,
) {
    let bytes = text.as_bytes();
    let to = to.min(bytes.len());
    let mut i = from;
    while i < to {
        let next = bytes.get(i + 1).copied();
        let step = match bytes[i] {
            b'/' if next == Some(b'/') => {
                memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n)
            }
            b'/' if next == Some(b'*') => block_comment_end(bytes, i),
            b'"' => {
                if found(Token::Str(i)).is_break() {
                    return;
                }
                quoted_end(bytes, i, b'"')
            }
            b'\'' => quoted_end(bytes, i, b'\''),
            b'r' if matches!(next, Some(b'"' | b'#')) && (i == 0 || !is_ident(bytes[i - 1])) => {
                if found(Token::Str(i)).is_break() {
                    return;
                }
                string_literal(text, i).map_or(i + 1, |(_, end)| end)
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let end = i + bytes[i..].iter().take_while(|&&b| is_ident(b)).count();
                if let Some(value) = value_start(text, end)
                    && found(Token::Key {
                        name: &text[i..end],
                        value,
                    })
                    .is_break()
                {
                    return;
                }
                end
            }
            _ => i + 1,
        };
        i = step.max(i + 1);
    }
}

/// Just past the `quote`-delimited literal starting at `at`, with backslash escapes.
fn quoted_end(bytes: &[u8], at: usize, quote: u8) -> usize {
    let mut i = at + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Just past the (possibly nested) block comment starting at `at`.
fn block_comment_end(bytes: &[u8], at: usize) -> usize {
    let (mut depth, mut i) = (0usize, at);
    while i + 1 < bytes.len() {
        match (bytes[i], bytes[i + 1]) {
            (b'/', b'*') => (depth, i) = (depth + 1, i + 2),
            (b'*', b'/') => {
                (depth, i) = (depth - 1, i + 2);
                if depth == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The first key `name` in `text[from..to]`: where its value starts.
fn first_key(text: &str, from: usize, to: usize, name: &str) -> Option<usize> {
    let mut at = None;
    scan(text, from, to, |token| match token {
        Token::Key { name: key, value } if key == name => {
            at = Some(value);
            ControlFlow::Break(())
        }
        _ => ControlFlow::Continue(()),
    });
    at
}

/// The string literal (plain or raw) starting at `at`, decoded as RON decodes it, and the
/// offset just past it.
fn string_literal(text: &str, at: usize) -> Option<(String, usize)> {
    let rest = text.get(at..)?;
    let len = if let Some(raw) = rest.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let body = raw[hashes..].strip_prefix('"')?;
        let close = format!("\"{}", "#".repeat(hashes));
        1 + hashes + 1 + body.find(&close)? + close.len()
    } else {
        let body = rest.strip_prefix('"')?;
        let mut escaped = false;
        let end = body.char_indices().find_map(|(i, c)| {
            let closes = c == '"' && !escaped;
            escaped = c == '\\' && !escaped;
            closes.then_some(i)
        })?;
        end + 2
    };
    let literal = &rest[..len];
    let value = match literal.strip_prefix('"').and_then(|l| l.strip_suffix('"')) {
        Some(plain) if !plain.contains('\\') => plain.to_owned(),
        _ => ron::from_str::<String>(literal).ok()?,
    };
    Some((value, at + len))
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            ids: OnceLock::new(),
            lines: OnceLock::new(),
        }
    }

    fn ids(&self) -> &Ids {
        self.ids.get_or_init(|| {
            let mut ids = Ids {
                offsets: HashMap::new(),
                starts: Vec::new(),
                sections: HashMap::new(),
            };
            scan(self.text, 0, self.text.len(), |token| {
                if let Token::Key { name, value } = token {
                    if name == "id" {
                        if let Some((id, _)) = string_literal(self.text, value) {
                            ids.offsets.entry(id).or_default().push(value);
                            ids.starts.push(value);
                        }
                    } else if let Some(section) = ["sources", "actors", "events"]
                        .into_iter()
                        .find(|&s| s == name)
                    {
                        ids.sections.entry(section).or_insert(value);
                    }
                }
                ControlFlow::Continue(())
            });
            ids
        })
    }

    /// Where the `nth` item (0-based) with this id is defined; failing that, where its
    /// section (`sources`, `actors` or `events`) starts.
    pub fn item(&self, id: &str, nth: usize, section: &str) -> Option<usize> {
        let ids = self.ids();
        ids.offsets
            .get(id)
            .and_then(|all| all.get(nth).copied())
            .or_else(|| ids.sections.get(section).copied())
    }

    /// The value of `field` within the item starting at `item`, or the item itself.
    pub fn field(&self, item: Option<usize>, field: &str) -> Option<usize> {
        let item = item?;
        Some(first_key(self.text, item, self.item_end(item), field).unwrap_or(item))
    }

    /// The string `value` inside `field` of the item, or the field.
    pub fn value_in_field(&self, item: Option<usize>, field: &str, value: &str) -> Option<usize> {
        let at = self.field(item, field)?;
        let mut found = at;
        scan(self.text, at, self.item_end(at), |token| match token {
            Token::Str(start)
                if string_literal(self.text, start).is_some_and(|(v, _)| v == value) =>
            {
                found = start;
                ControlFlow::Break(())
            }
            _ => ControlFlow::Continue(()),
        });
        Some(found)
    }

    fn item_end(&self, from: usize) -> usize {
        let starts = &self.ids().starts;
        let next = starts.partition_point(|&s| s <= from);
        starts.get(next).copied().unwrap_or(self.text.len())
    }

    pub fn position(&self, offset: Option<usize>) -> Option<Position> {
        let lines = self.lines.get_or_init(|| Lines::new(self.text));
        offset.map(|o| lines.position(o))
    }
}

/// After a key ending at `after`: skips white space and `:`, returning where the value starts.
fn value_start(text: &str, after: usize) -> Option<usize> {
    let value = text[after..].trim_start().strip_prefix(':')?.trim_start();
    Some(text.len() - value.len())
}
