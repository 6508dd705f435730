//! Finds where things are in a store's text, so validation problems can name a line and
//! column although serde forgets positions after parsing.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Position;

/// Offsets of every `id: "..."` in a store's text, for placing problems. The text is only
/// searched once a problem needs placing, so a valid store loads without it.
pub struct Locator<'a> {
    text: &'a str,
    ids: OnceLock<Ids>,
}

struct Ids {
    /// Decoded id value to the offsets of its literals, in file order.
    offsets: HashMap<String, Vec<usize>>,
    /// All id offsets in file order, to bound the search for an item's fields.
    starts: Vec<usize>,
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Where the key `name` is followed by `:`, from `from` on: the offset where its value starts.
fn keys<'t>(text: &'t str, name: &'t str) -> impl Iterator<Item = usize> + 't {
    text.match_indices(name).filter_map(move |(at, _)| {
        let before_ok = at == 0 || !is_ident(text.as_bytes()[at - 1]);
        before_ok
            .then(|| value_start(text, at + name.len()))
            .flatten()
    })
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
        }
    }

    fn ids(&self) -> &Ids {
        self.ids.get_or_init(|| {
            let mut offsets: HashMap<String, Vec<usize>> = HashMap::new();
            let mut starts = Vec::new();
            for at in keys(self.text, "id") {
                if let Some((value, _)) = string_literal(self.text, at) {
                    offsets.entry(value).or_default().push(at);
                    starts.push(at);
                }
            }
            Ids { offsets, starts }
        })
    }

    /// Where the `nth` item (0-based) with this id is defined; failing that, where its
    /// section (`sources`, `actors` or `events`) starts.
    pub fn item(&self, id: &str, nth: usize, section: &str) -> Option<usize> {
        self.ids()
            .offsets
            .get(id)
            .and_then(|all| all.get(nth).copied())
            .or_else(|| keys(self.text, section).next())
    }

    /// The value of `field` within the item starting at `item`, or the item itself.
    pub fn field(&self, item: Option<usize>, field: &str) -> Option<usize> {
        let item = item?;
        let scope = &self.text[item..self.item_end(item)];
        Some(keys(scope, field).next().map_or(item, |at| item + at))
    }

    /// The string `value` inside `field` of the item, or the field.
    pub fn value_in_field(&self, item: Option<usize>, field: &str, value: &str) -> Option<usize> {
        let at = self.field(item, field)?;
        let end = self.item_end(at);
        let found = self.text[at..end]
            .char_indices()
            .filter(|&(_, c)| c == '"' || c == 'r')
            .find(|&(i, _)| string_literal(self.text, at + i).is_some_and(|(v, _)| v == value));
        Some(found.map_or(at, |(i, _)| at + i))
    }

    fn item_end(&self, from: usize) -> usize {
        let starts = &self.ids().starts;
        let next = starts.partition_point(|&s| s <= from);
        starts.get(next).copied().unwrap_or(self.text.len())
    }

    pub fn position(&self, offset: Option<usize>) -> Option<Position> {
        offset.map(|o| Position::of_offset(self.text, o))
    }
}

/// After a key ending at `after`: skips white space and `:`, returning where the value starts.
fn value_start(text: &str, after: usize) -> Option<usize> {
    let value = text[after..].trim_start().strip_prefix(':')?.trim_start();
    Some(text.len() - value.len())
}
