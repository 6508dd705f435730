//! Co-actors and related events against naive references on random casts.

use std::collections::BTreeSet;

use proptest::prelude::*;

use super::*;

/// The bundled store with random casts from a few actors (so they share often), and a
/// random subset of its events as the matches.
fn random_store(seed: u64) -> (Store, Vec<usize>) {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut store = Store::bundled();
    let pool = rng.usize(1..=6);
    for event in store.events.to_mut() {
        let size = rng.usize(0..=3);
        event.actors = (0..size).map(|_| rng.usize(0..pool)).collect();
    }
    let keep = rng.u8(0..=100);
    let events = (0..store.events.len())
        .filter(|_| rng.u8(0..100) < keep)
        .collect();
    (store, events)
}

fn reference_co_actors(store: &Store, events: &[usize], with: &[ActorId]) -> Vec<(ActorId, usize)> {
    let mut out = Vec::new();
    for b in 0..store.actors.len() {
        if with.contains(&b) {
            continue;
        }
        let n = events
            .iter()
            .map(|&e| &store.events[e].actors)
            .filter(|cast| cast.contains(&b) && with.iter().any(|a| cast.contains(a)))
            .count();
        if n > 0 {
            out.push((b, n));
        }
    }
    out.sort_by_key(|&(b, n)| (std::cmp::Reverse(n), store.actors[b].name.clone()));
    out
}

fn shares(store: &Store, events: &[usize], p: usize, q: usize) -> bool {
    let a: BTreeSet<_> = store.events[events[p]].actors.iter().collect();
    store.events[events[q]].actors.iter().any(|x| a.contains(x))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn co_actors_match_the_reference(seed in any::<u64>(), picks in proptest::collection::vec(0usize..6, 1..3)) {
        let (store, events) = random_store(seed);
        let index = Index::new(&store);
        let matches: EventSet = events.iter().map(|&e| e as u32).collect();
        prop_assert_eq!(co_actors(&store, &index, &matches, &picks), reference_co_actors(&store, &events, &picks));
    }

    #[test]
    fn related_events_are_the_nearest_sharing_an_actor(seed in any::<u64>()) {
        let (store, events) = random_store(seed);
        for position in 0..events.len() {
            let found = related(&store, &events, position);
            let previous = (0..position).filter(|&q| shares(&store, &events, position, q)).max();
            let next = (position + 1..events.len()).find(|&q| shares(&store, &events, position, q));
            prop_assert_eq!(found.previous.map(|l| l.position), previous);
            prop_assert_eq!(found.next.map(|l| l.position), next);
            for link in [found.previous, found.next].into_iter().flatten() {
                let cast = &store.events[events[link.position]].actors;
                prop_assert!(cast.contains(&link.actor));
                prop_assert!(store.events[events[position]].actors.contains(&link.actor));
            }
        }
        prop_assert_eq!(related(&store, &events, events.len()), Related::default());
    }
}
