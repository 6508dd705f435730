//! Unused items: actors and sources that no event refers to are warned about.

use super::{Checker, Item};
use crate::store::{Diagnostic, StoreFile};

/// Which sources and actors some event names, counting every event as written so a broken
/// event does not make its actors look unused.
pub(super) struct Used {
    pub(super) sources: Vec<bool>,
    pub(super) actors: Vec<bool>,
}

impl Used {
    pub(super) fn none(file: &StoreFile) -> Self {
        Self {
            sources: vec![false; file.sources.len()],
            actors: vec![false; file.actors.len()],
        }
    }

    pub(super) fn add(&mut self, other: &Self) {
        for (mine, theirs) in [
            (&mut self.sources, &other.sources),
            (&mut self.actors, &other.actors),
        ] {
            mine.iter_mut().zip(theirs).for_each(|(m, t)| *m |= t);
        }
    }
}

impl Checker<'_> {
    /// Warns of actors and sources no event refers to.
    pub(super) fn unused(
        &mut self,
        file: &StoreFile,
        used: &Used,
        sources: &[usize],
        actors: &[usize],
    ) {
        let actors = file.actors.iter().map(|a| a.id.as_str()).zip(actors);
        self.warn_unused("actors", actors, &used.actors, |id| {
            (
                format!("actor \"{id}\" is in no event"),
                "add it to an event's `actors`, or remove it",
            )
        });
        let sources = file.sources.iter().map(|s| s.id.as_str()).zip(sources);
        self.warn_unused("sources", sources, &used.sources, |id| {
            (
                format!("source \"{id}\" is cited by no event"),
                "cite it from an event's `source`, or remove it",
            )
        });
    }

    /// A warning, from `says`, for each item of `section` that is not `used`.
    fn warn_unused<'i>(
        &mut self,
        section: &'static str,
        items: impl Iterator<Item = (&'i str, &'i usize)>,
        used: &[bool],
        says: impl Fn(&str) -> (String, &'static str),
    ) {
        for ((id, &nth), _) in items.zip(used).filter(|(_, used)| !**used) {
            let position = self.warning_position(Item { section, id, nth });
            let (message, help) = says(id);
            self.problems
                .push(Diagnostic::warning(position, message).with_help(help));
        }
    }
}
