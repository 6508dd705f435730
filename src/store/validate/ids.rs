//! Ids: each item's id numbered by occurrence (to find it in the text) and duplicates reported.

use rustc_hash::FxHashMap;

use super::{Checker, Item};

/// The items seen with one id: how many of any kind, and the first of each kind.
#[derive(Default)]
pub(super) struct Seen {
    count: usize,
    first_of_kind: [Option<usize>; 3],
}

impl Checker<'_> {
    /// Numbers each item's id occurrence and reports duplicate ids of one kind. `seen`
    /// holds per id how many items of any kind had it so far (the next one is that
    /// occurrence of `id: ".."` in the text) and which occurrence was the first of each kind.
    pub(super) fn ids<'f>(
        &mut self,
        seen: &mut FxHashMap<&'f str, Seen>,
        kind: &'static str,
        ids: impl Iterator<Item = &'f str>,
    ) -> Vec<usize> {
        let (section, slot) = match kind {
            "source" => ("sources", 0),
            "actor" => ("actors", 1),
            _ => ("events", 2),
        };
        let mut nths = Vec::new();
        for id in ids {
            let seen = seen.entry(id).or_default();
            let nth = seen.count;
            seen.count += 1;
            let first = *seen.first_of_kind[slot].get_or_insert(nth);
            let item = Item { section, id, nth };
            if first != nth {
                let line = self
                    .at
                    .position(self.place(Item { nth: first, ..item }))
                    .map_or_else(String::new, |p| {
                        format!(" (first defined on line {})", p.line)
                    });
                let offset = self.place(item);
                self.error(offset, format!("duplicate {kind} id \"{id}\"{line}"))
                    .help = Some(format!("give every {kind} its own id"));
            }
            if id.trim().is_empty() {
                let offset = self.place(item);
                self.error(offset, format!("{kind} has an empty id"));
            }
            nths.push(nth);
        }
        nths
    }
}

pub(super) fn index_of<'a>(ids: impl Iterator<Item = &'a str>) -> FxHashMap<&'a str, usize> {
    let mut map = FxHashMap::default();
    for (i, id) in ids.enumerate() {
        map.entry(id).or_insert(i);
    }
    map
}
