//! Finds where things are in a store's text, so validation problems can name a line and
//! column although serde forgets positions after parsing.

use std::collections::HashMap;

use super::Position;

/// Offsets of every `id: "..."` in a store's text, for placing problems.
pub struct Locator<'a> {
    text: &'a str,
    ids: HashMap<&'a str, Vec<usize>>,
    /// All id offsets in file order, to bound the search for an item's fields.
    starts: Vec<usize>,
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut ids: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut starts = Vec::new();
        let bytes = text.as_bytes();
        for (at, _) in text.match_indices("id") {
            if at > 0 && is_ident(bytes[at - 1]) {
                continue;
            }
            if let Some(quote) = value_start(text, at + 2)
                && bytes.get(quote) == Some(&b'"')
                && let Some(len) = text[quote + 1..].find('"')
            {
                ids.entry(&text[quote + 1..quote + 1 + len])
                    .or_default()
                    .push(quote);
                starts.push(quote);
            }
        }
        Self { text, ids, starts }
    }

    /// Where the `nth` item (0-based) with this id is defined.
    pub fn item(&self, id: &str, nth: usize) -> Option<usize> {
        self.ids.get(id)?.get(nth).copied()
    }

    /// The value of `field` within the item starting at `item`, or the item itself.
    pub fn field(&self, item: Option<usize>, field: &str) -> Option<usize> {
        let item = item?;
        let end = self.item_end(item);
        let scope = &self.text[item..end];
        let found = scope.match_indices(field).find_map(|(at, _)| {
            let before_ok = at == 0 || !is_ident(scope.as_bytes()[at - 1]);
            before_ok
                .then(|| value_start(scope, at + field.len()))
                .flatten()
        });
        Some(found.map_or(item, |at| item + at))
    }

    /// The quoted string `value` inside `field` of the item, or the field.
    pub fn value_in_field(&self, item: Option<usize>, field: &str, value: &str) -> Option<usize> {
        let at = self.field(item, field)?;
        let end = self.item_end(at);
        let needle = format!("\"{value}\"");
        Some(self.text[at..end].find(&needle).map_or(at, |i| at + i))
    }

    fn item_end(&self, from: usize) -> usize {
        let next = self.starts.partition_point(|&s| s <= from);
        self.starts.get(next).copied().unwrap_or(self.text.len())
    }

    pub fn position(&self, offset: Option<usize>) -> Option<Position> {
        offset.map(|o| Position::of_offset(self.text, o))
    }
}

/// After a key ending at `after`: skips white space and `:`, returning where the value starts.
fn value_start(text: &str, after: usize) -> Option<usize> {
    let rest = &text[after..];
    let trimmed = rest.trim_start();
    let colon = trimmed.strip_prefix(':')?;
    let value = colon.trim_start();
    Some(text.len() - value.len())
}
