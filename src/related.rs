//! What connects to an event or an actor, among the current matches: the actors that share
//! events with them (who acts with whom), and the nearest earlier and later events that share
//! an actor with an event. Pure functions of the store and the matches.

use roaring::MultiOps;

use crate::index::{EventSet, Index};
use crate::store::{ActorId, Store};

/// How far from the selected event the search for a related one looks, in matches, so a
/// million matches never stall a keystroke; past it the pane says none was found nearby.
pub const MAX_STEPS: usize = 200_000;

/// The actors sharing matching events with any of `with`, and in how many: most first, then
/// by name. The actors of `with` are left out. Only the events of `with` are read (their
/// posting lists, narrowed to the matches), so a busy actor among a million matches costs
/// its own events, not every match.
pub fn co_actors(
    store: &Store,
    index: &Index,
    matches: &EventSet,
    with: &[ActorId],
) -> Vec<(ActorId, usize)> {
    let events = with.iter().map(|&a| index.actor_events(a)).union() & matches;
    let mut counts = vec![0usize; store.actors.len()];
    for e in &events {
        for &a in index.cast(e as usize) {
            counts[a as usize] += 1;
        }
    }
    for &a in with {
        counts[a] = 0;
    }
    let mut out: Vec<(ActorId, usize)> = counts
        .into_iter()
        .enumerate()
        .filter(|&(_, n)| n > 0)
        .collect();
    out.sort_by(|(a, n), (b, m)| {
        m.cmp(n)
            .then_with(|| store.actors[*a].name.cmp(&store.actors[*b].name))
    });
    out
}

/// An event related to the selected one: its position among the matches, and the actor the
/// two share (the first of the selected event's actors that the other has).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub position: usize,
    pub actor: ActorId,
}

/// The nearest earlier and later matches sharing an actor with the match at `position`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Related {
    pub previous: Option<Link>,
    pub next: Option<Link>,
}

/// The related events of the match at `position` (a position in `events`), looking at most
/// [`MAX_STEPS`] matches each way.
pub fn related(store: &Store, events: &[usize], position: usize) -> Related {
    let Some(&selected) = events.get(position) else {
        return Related::default();
    };
    let actors: Vec<ActorId> = store.events.actors_of(selected).collect();
    let link = |p: usize| {
        let other = store.events.actors_of(events[p]);
        actors
            .iter()
            .find(|&&a| other.clone().any(|b| b == a))
            .map(|&actor| Link { position: p, actor })
    };
    let previous = (position.saturating_sub(MAX_STEPS)..position)
        .rev()
        .find_map(link);
    let next = (position + 1..events.len().min(position + 1 + MAX_STEPS)).find_map(link);
    Related { previous, next }
}

#[cfg(test)]
#[path = "related/tests.rs"]
mod tests;
