//! Who acts when: per actor, its matches over the histogram's time range, a few buckets to a
//! cell, for the sparklines in the sidebar. Counted on the search thread with the matches, in
//! one pass over them for every actor, so scrolling the sidebar never waits for a count.
//!
//! An event counts as the histogram counts it: once, in the bucket of its first day, for each
//! of its actors (an actor named twice in an event counts once).

use super::{Counts, Dates, Unit, pack};
use crate::index::Index;

/// The most cells a sparkline has: a range of more buckets puts several in each cell.
pub const SPARK_CELLS: usize = 20;

/// What the sparklines follow: the histogram's zoom and width, from which its unit follows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SparkSpec {
    /// The unit `z`/`Z` chose; `None` fits the matches to `width`, as the histogram does.
    pub zoom: Option<Unit>,
    /// The histogram's columns (as it would be drawn when it is hidden).
    pub width: usize,
}

impl SparkSpec {
    /// The unit the histogram shows `counts` in.
    pub fn unit(self, counts: &Counts) -> Unit {
        self.zoom.unwrap_or_else(|| counts.fit(self.width))
    }
}

/// Every actor's matches per cell, over the matches' whole range at the histogram's unit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sparks {
    /// What they were counted for.
    pub spec: SparkSpec,
    /// Whether they were counted at all (the default is not).
    pub counted: bool,
    pub unit: Unit,
    /// The first bucket of the first cell.
    pub first: i64,
    /// Buckets in each cell.
    pub per: i64,
    pub cells: usize,
    /// Per actor, `cells` counts.
    counts: Vec<u32>,
}

impl Sparks {
    /// Counts `events` (store indices in timeline order) per actor and cell; `counts` is
    /// their histogram, which gives the range.
    pub fn new(
        dates: &Dates,
        counts: &Counts,
        index: &Index,
        events: impl IntoIterator<Item = usize>,
        spec: SparkSpec,
    ) -> Self {
        let unit = spec.unit(counts);
        let Some((first, last)) = counts.span(unit) else {
            return Self {
                spec,
                counted: true,
                unit,
                ..Self::default()
            };
        };
        let len = usize::try_from(last - first + 1).unwrap_or(1);
        let per = len.div_ceil(SPARK_CELLS);
        let cells = len.div_ceil(per);
        let per = i64::try_from(per).unwrap_or(1);
        // The first packed date of each cell after the first.
        let starts: Vec<u32> = (1..cells)
            .map(|c| pack(unit.start(first + per * c as i64), None))
            .collect();
        let mut table = vec![0u32; index.actors() * cells];
        let mut cell = 0;
        for e in events {
            let packed = dates.packed[e];
            while cell < starts.len() && packed >= starts[cell] {
                cell += 1;
            }
            for &a in index.cast(e) {
                table[a as usize * cells + cell] += 1;
            }
        }
        Self {
            spec,
            counted: true,
            unit,
            first,
            per,
            cells,
            counts: table,
        }
    }

    /// An actor's counts per cell, if there are cells (there are none without matches).
    pub fn of(&self, actor: usize) -> Option<&[u32]> {
        if self.cells == 0 {
            return None;
        }
        self.counts
            .get(actor * self.cells..(actor + 1) * self.cells)
    }

    /// The first and last bucket the cells cover.
    pub fn range(&self) -> (i64, i64) {
        (self.first, self.first + self.per * self.cells as i64 - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::histogram::tests::random_store;

    /// The reference: each event's actors, one by one, in the cell its bucket falls in.
    fn reference(store: &crate::store::Store, events: &[usize], sparks: &Sparks) -> Vec<Vec<u32>> {
        let mut table = vec![vec![0; sparks.cells]; store.actors.len()];
        for &e in events {
            let bucket = sparks.unit.index(store.events[e].when.first_day());
            let cell = usize::try_from((bucket - sparks.first) / sparks.per).unwrap();
            for a in store.events[e].distinct_actors() {
                table[a][cell] += 1;
            }
        }
        table
    }

    #[test]
    fn every_actor_counts_as_the_reference_at_every_unit_and_width() {
        for seed in 0..200 {
            let (store, events) = random_store(seed);
            let dates = Dates::new(&store);
            let counts = Counts::new(&dates, &events);
            let index = Index::new(&store);
            for zoom in [
                None,
                Some(Unit::Decade),
                Some(Unit::Year),
                Some(Unit::Month),
                Some(Unit::Day),
            ] {
                let spec = SparkSpec { zoom, width: 90 };
                let sparks = Sparks::new(&dates, &counts, &index, events.iter().copied(), spec);
                if events.is_empty() {
                    assert_eq!(sparks.cells, 0);
                    assert_eq!(sparks.of(0), None);
                    continue;
                }
                assert_eq!(sparks.unit, spec.unit(&counts));
                assert!(sparks.cells <= SPARK_CELLS && sparks.cells > 0);
                let (from, to) = sparks.range();
                let (first, last) = counts.span(sparks.unit).unwrap();
                assert!(
                    from == first && to >= last && to - last < sparks.per,
                    "seed {seed}"
                );
                let expected = reference(&store, &events, &sparks);
                for (a, row) in expected.iter().enumerate() {
                    assert_eq!(sparks.of(a), Some(row.as_slice()), "seed {seed} actor {a}");
                }
            }
        }
    }
}
