//! Who acts when: per actor, its matches over the histogram's time range, a few buckets to a
//! cell, for the sparklines in the sidebar. Counted on the search thread with the matches, in
//! one pass over them for every actor, so scrolling the sidebar never waits for a count.
//!
//! An event counts as the histogram counts it: once, in the bucket of its first day, for each
//! of its actors (an actor named twice in an event counts once).

use super::{Counts, Dates, Unit, pack};
use crate::index::{EventSet, Index};

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

/// The cells of a sparkline: `cells` runs of `per` buckets of `unit` from bucket `first`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Grid {
    unit: Unit,
    first: i64,
    per: i64,
    cells: usize,
    /// The first packed date of each cell, and the one after the last cell.
    starts: Vec<u32>,
}

impl Grid {
    /// The grid over the range `counts` span at the unit `spec` gives, if there are matches.
    fn new(counts: &Counts, spec: SparkSpec) -> Option<Self> {
        let unit = spec.unit(counts);
        let (first, last) = counts.span(unit)?;
        let len = usize::try_from(last - first + 1).unwrap_or(1);
        let per = len.div_ceil(SPARK_CELLS);
        let cells = len.div_ceil(per);
        let per = i64::try_from(per).unwrap_or(1);
        let starts = (0..=cells)
            .map(|c| pack(unit.start(first + per * c as i64), None))
            .collect();
        Some(Self {
            unit,
            first,
            per,
            cells,
            starts,
        })
    }

    /// `events` (in timeline order) counted per cell and actor, cell by cell (one cell's
    /// counters stay in the processor's nearest cache); events outside the grid are left out.
    fn count(
        &self,
        dates: &Dates,
        index: &Index,
        events: impl IntoIterator<Item = u32>,
    ) -> Vec<u32> {
        let actors = index.actors();
        let mut table = vec![0u32; actors * self.cells];
        let mut cell = 0;
        for e in events {
            let e = e as usize;
            let packed = dates.packed[e];
            if packed < self.starts[0] {
                continue;
            }
            while cell < self.cells && packed >= self.starts[cell + 1] {
                cell += 1;
            }
            if cell == self.cells {
                break;
            }
            let row = &mut table[cell * actors..(cell + 1) * actors];
            for &a in index.cast(e) {
                row[a as usize] += 1;
            }
        }
        table
    }
}

/// Counts sparklines, keeping every event's counts for the last grid: a set of most events
/// is counted as every event less the few it leaves out.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    whole: Option<(Grid, Vec<u32>)>,
}

impl Tally {
    /// The sparklines of `set`, whose histogram is `counts`, for `spec`.
    pub fn sparks(
        &mut self,
        dates: &Dates,
        counts: &Counts,
        index: &Index,
        set: &EventSet,
        spec: SparkSpec,
    ) -> Sparks {
        let Some(grid) = Grid::new(counts, spec) else {
            return Sparks {
                spec,
                counted: true,
                unit: spec.unit(counts),
                ..Sparks::default()
            };
        };
        let table = if set.len() > u64::from(index.len() / 2) {
            if self.whole.as_ref().is_none_or(|(g, _)| *g != grid) {
                let every = grid.count(dates, index, 0..index.len());
                self.whole = Some((grid.clone(), every));
            }
            let left_out = grid.count(dates, index, &(index.all() - set));
            let (_, every) = self.whole.as_ref().expect("counted above");
            every
                .iter()
                .zip(left_out)
                .map(|(all, out)| all - out)
                .collect()
        } else {
            grid.count(dates, index, set)
        };
        Sparks::new(spec, &grid, &table, index.actors())
    }
}

impl Sparks {
    /// Sparks from a cell-major `table` of `actors` actors, turned actor-major so each
    /// actor's cells are one slice.
    fn new(spec: SparkSpec, grid: &Grid, table: &[u32], actors: usize) -> Self {
        let cells = grid.cells;
        let mut counts = vec![0u32; actors * cells];
        for (cell, row) in table.chunks(actors.max(1)).enumerate() {
            for (a, &n) in row.iter().enumerate() {
                counts[a * cells + cell] = n;
            }
        }
        Self {
            spec,
            counted: true,
            unit: grid.unit,
            first: grid.first,
            per: grid.per,
            cells,
            counts,
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
            let bucket = sparks.unit.index(store.events.when(e).first_day());
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
                let set: EventSet = events.iter().map(|&e| e as u32).collect();
                // Twice: the second may take every event's counts kept from the first.
                let mut tally = Tally::default();
                let sparks = tally.sparks(&dates, &counts, &index, &set, spec);
                assert_eq!(tally.sparks(&dates, &counts, &index, &set, spec), sparks);
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
