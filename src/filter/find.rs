//! Find mode: the timeline keeps every event the sidebar's actors (and `M`) let through, and
//! the query's matches are positions among them, stepped through with `n` and `N`.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::{ActorMode, Filter, select};
use crate::index::{EventSet, Index};
use crate::store::ActorId;

/// What find mode's timeline depends on: everything in a filter but the query.
type Key = (BTreeSet<ActorId>, ActorMode, Option<EventSet>);

/// Find mode's timeline, made again only when the actors or `only` change, so typing a
/// query sends back the very same events and the explorer need not lay them out again.
#[derive(Debug, Default)]
pub(super) struct FindTimeline {
    last: Option<(Key, Arc<Vec<usize>>)>,
}

impl FindTimeline {
    pub(super) fn timeline(&mut self, index: &Index, filter: &Filter) -> Arc<Vec<usize>> {
        let key = (filter.actors.clone(), filter.mode, filter.only.clone());
        if let Some((last, events)) = &self.last
            && *last == key
        {
            return Arc::clone(events);
        }
        let every = filter.only.clone().unwrap_or_else(|| index.all());
        let events: Arc<Vec<usize>> = Arc::new(
            select(index, &every, filter)
                .iter()
                .map(|e| e as usize)
                .collect(),
        );
        self.last = Some((key, Arc::clone(&events)));
        events
    }
}

/// The positions in `timeline` of `found` (both ascending store indices, `found` within
/// `timeline`). Each is galloped to from the last, doubling the stride until past it and
/// then searching the last stride, so a million dense matches cost a walk and a few sparse
/// ones a few binary searches.
pub(super) fn positions(timeline: &[usize], found: &[usize]) -> Vec<usize> {
    let mut at = 0;
    found
        .iter()
        .map(|&event| {
            let rest = &timeline[at..];
            let mut bound = 1;
            while bound < rest.len() && rest[bound] < event {
                bound *= 2;
            }
            let low = bound / 2;
            let high = bound.min(rest.len());
            at += low + rest[low..high].partition_point(|&e| e < event);
            at
        })
        .collect()
}

/// Where `n` (`later`) or `N` goes from match position `selected`: the nearest match after
/// it (or before it), wrapping round past the last (or first); `None` without matches. The
/// flag says it wrapped.
pub fn step(found: &[usize], selected: usize, later: bool) -> Option<(usize, bool)> {
    let (&first, &last) = (found.first()?, found.last()?);
    if later {
        let next = found.partition_point(|&p| p <= selected);
        Some(found.get(next).map_or((first, true), |&p| (p, false)))
    } else {
        let before = found.partition_point(|&p| p < selected);
        Some(
            before
                .checked_sub(1)
                .map_or((last, true), |i| (found[i], false)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_where_the_found_events_sit() {
        assert_eq!(positions(&[1, 4, 5, 9, 12], &[4, 9, 12]), vec![1, 3, 4]);
        assert_eq!(positions(&[1, 4], &[]), Vec::<usize>::new());
        // Against a search of the whole timeline for each, dense and sparse alike.
        let timeline: Vec<usize> = (0..500).map(|i| i * 8 + i % 7).collect();
        for every in [1, 2, 3, 10, 77, 499] {
            let found: Vec<usize> = timeline.iter().copied().step_by(every).collect();
            let expected: Vec<usize> = found
                .iter()
                .map(|f| timeline.binary_search(f).unwrap())
                .collect();
            assert_eq!(positions(&timeline, &found), expected, "every {every}");
        }
    }

    #[test]
    fn steps_wrap_round_both_ways() {
        let found = [2, 5, 9];
        assert_eq!(step(&found, 0, true), Some((2, false)));
        assert_eq!(step(&found, 2, true), Some((5, false)));
        assert_eq!(step(&found, 9, true), Some((2, true)));
        assert_eq!(step(&found, 6, false), Some((5, false)));
        assert_eq!(step(&found, 2, false), Some((9, true)));
        assert_eq!(step(&[], 2, false), None);
    }
}
