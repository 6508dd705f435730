//! Looking for text in events: a needle in their fields, through the word index where it
//! can, and the fields `source:`, `tag:` and `place:` read.

use memchr::memmem;

use crate::fold::{fold, fold_into};
use crate::index::{EventSet, Index, fields, tokens};
use crate::query::Field;
use crate::store::{Event, Store};

/// The text of one field of an event, as `source:`, `tag:` and `place:` search it.
pub fn in_field<'e>(store: &'e Store, event: &'e Event, field: Field) -> Vec<&'e str> {
    match field {
        Field::Place => event.place.as_deref().into_iter().collect(),
        Field::Tag => event.tags.iter().map(String::as_str).collect(),
        Field::Source => store.sources.get(event.source).map_or_else(Vec::new, |s| {
            [s.title.as_str(), s.publisher.as_str()]
                .into_iter()
                .chain(s.author.as_deref())
                .collect()
        }),
    }
}

/// The events of `set` whose text contains `needle`. Letters and digits alone are looked up
/// in the word index; anything else (phrases, punctuation, case) narrows through the index
/// and is then checked in the text of what is left.
pub(super) fn text_matches(
    store: &Store,
    index: &Index,
    mut set: EventSet,
    needle: &str,
    case_sensitive: bool,
    use_index: bool,
) -> EventSet {
    if use_index {
        let lower = if case_sensitive {
            fold(needle, true)
        } else {
            needle.to_owned()
        };
        for part in tokens(&lower) {
            set &= index.words.containing(part);
        }
        let whole_word = tokens(&lower).next() == Some(lower.as_str());
        if whole_word && !case_sensitive {
            return set;
        }
    }
    let mut text = TextCheck::new(needle, case_sensitive);
    set.into_iter()
        .filter(|&e| text.found_in(store, &store.events[e as usize]))
        .collect()
}

/// Looks for one needle in events' text: a precompiled substring search, and a buffer for
/// folding fields so checking thousands of events allocates nothing.
struct TextCheck<'n> {
    finder: memmem::Finder<'n>,
    /// The needle is folded ignoring case, and text must be folded so too to compare.
    ignore_case: bool,
    folded: String,
}

impl<'n> TextCheck<'n> {
    /// `needle` is folded, ignoring case unless `case_sensitive`.
    fn new(needle: &'n str, case_sensitive: bool) -> Self {
        Self {
            finder: memmem::Finder::new(needle),
            ignore_case: !case_sensitive,
            folded: String::new(),
        }
    }

    fn found_in(&mut self, store: &Store, event: &Event) -> bool {
        fields(event, &store.actors, &store.sources).any(|field| {
            fold_into(field, self.ignore_case, &mut self.folded);
            self.finder.find(self.folded.as_bytes()).is_some()
        })
    }
}
