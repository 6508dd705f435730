//! How many matching events fall in each decade, year, month or day: the histogram above the
//! timeline and the `stats` bars, counted once per search on the search thread.
//!
//! The rule for dates that are not days: an event counts once, in the bucket of its first
//! day (the day it sorts on), never spread over the buckets it may cover. Where an event is
//! less precise than the bucket (a year-precise event in a month histogram, a month-precise
//! one in a day histogram) it counts apart, as *imprecise*, in the bucket of its first day,
//! so the bars can show it differently. A span counts at its start, as precise as its start
//! date. A date the text only bounds (`before 2015-07`) is imprecise at every zoom: it lies
//! somewhere on one side of its bound.

use std::fmt::Write as _;

use crate::date::{Bound, Day, Precision, When};
use crate::store::Store;

/// The size of a bucket, coarsest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Unit {
    Decade,
    #[default]
    Year,
    Month,
    Day,
}

impl Unit {
    pub const ALL: [Self; 4] = [Self::Decade, Self::Year, Self::Month, Self::Day];

    /// The bucket holding `day`, as a number that counts buckets: consecutive buckets
    /// differ by one.
    pub fn index(self, day: Day) -> i64 {
        let year = i64::from(day.year);
        match self {
            Self::Decade => year.div_euclid(10),
            Self::Year => year,
            Self::Month => year * 12 + i64::from(day.month) - 1,
            Self::Day => day.number(),
        }
    }

    /// The first day of bucket `index`.
    pub fn start(self, index: i64) -> Day {
        let year = |y: i64| i32::try_from(y).unwrap_or(if y < 0 { i32::MIN } else { i32::MAX });
        match self {
            Self::Decade => Day {
                year: year(index * 10),
                month: 1,
                day: 1,
            },
            Self::Year => Day {
                year: year(index),
                month: 1,
                day: 1,
            },
            Self::Month => Day {
                year: year(index.div_euclid(12)),
                month: u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1),
                day: 1,
            },
            Self::Day => day_from_number(index),
        }
    }

    /// Bucket `index` in words: `1990s`, `2012`, `2012-08`, `2012-08-15`.
    pub fn label(self, index: i64) -> String {
        let day = self.start(index);
        let mut text = String::new();
        let _ = match self {
            Self::Decade => write!(text, "{:04}s", day.year),
            Self::Year => write!(text, "{:04}", day.year),
            Self::Month => write!(text, "{:04}-{:02}", day.year, day.month),
            Self::Day => write!(text, "{:04}-{:02}-{:02}", day.year, day.month, day.day),
        };
        text
    }

    /// The unit's name, for titles: "decade", "year", "month", "day".
    pub fn name(self) -> &'static str {
        match self {
            Self::Decade => "decade",
            Self::Year => "year",
            Self::Month => "month",
            Self::Day => "day",
        }
    }

    /// One step finer (`z`), if there is one.
    pub fn finer(self) -> Option<Self> {
        Self::ALL.get(self as usize + 1).copied()
    }

    /// One step coarser (`Z`), if there is one.
    pub fn coarser(self) -> Option<Self> {
        (self as usize).checked_sub(1).map(|i| Self::ALL[i])
    }
}

/// The day numbered `number` by [`Day::number`] (days since 1 March of year 0).
fn day_from_number(number: i64) -> Day {
    let era = number.div_euclid(146_097);
    let of_era = number.rem_euclid(146_097);
    let year_of_era = (of_era - of_era / 1_460 + of_era / 36_524 - of_era / 146_096) / 365;
    let of_year = of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * of_year + 2) / 153;
    let day = of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    Day {
        year: i32::try_from(year).unwrap_or(i32::MAX),
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).unwrap_or(1),
    }
}

/// How precise an event's date is for bucketing: `None` for a date the text only bounds.
pub fn precision(when: &When) -> Option<Precision> {
    match when.bound {
        Some(Bound::Before | Bound::After) => None,
        None => Some(when.date.precision()),
    }
}

/// Matching events in one bucket: those placed in it, and those less precise than it whose
/// first day falls in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bucket {
    pub index: i64,
    pub exact: u32,
    pub imprecise: u32,
}

impl Bucket {
    pub fn total(&self) -> u32 {
        self.exact + self.imprecise
    }
}

/// Each event's first day and precision packed in one number, in timeline order, so counting
/// a million matches reads 4 MB in order rather than every event.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dates {
    packed: Vec<u32>,
}

/// Years are stored from this one, so dates before the common era pack too.
const YEAR_ZERO: i32 = -50_000;

/// Packing: `((year - YEAR_ZERO) * 16 + month) * 32 + day`, times 4 plus the precision, so
/// packed days order like days.
fn pack(day: Day, precision: Option<Precision>) -> u32 {
    let year = u32::try_from((day.year.clamp(YEAR_ZERO, -YEAR_ZERO - 1)) - YEAR_ZERO).unwrap_or(0);
    let rank = match precision {
        None => 0,
        Some(Precision::Year) => 1,
        Some(Precision::Month) => 2,
        Some(Precision::Day) => 3,
    };
    ((year * 16 + u32::from(day.month)) * 32 + u32::from(day.day)) * 4 + rank
}

fn unpack(packed: u32) -> (Day, Option<Precision>) {
    let precision = match packed % 4 {
        0 => None,
        1 => Some(Precision::Year),
        2 => Some(Precision::Month),
        _ => Some(Precision::Day),
    };
    let rest = packed / 4;
    let day = Day {
        year: i32::try_from(rest / 512).unwrap_or(0) + YEAR_ZERO,
        month: u8::try_from(rest / 32 % 16).unwrap_or(1),
        day: u8::try_from(rest % 32).unwrap_or(1),
    };
    (day, precision)
}

impl Dates {
    pub fn new(store: &Store) -> Self {
        let packed = store
            .events
            .whens()
            .map(|when| pack(when.first_day(), precision(when)))
            .collect();
        Self { packed }
    }

    /// Whether these are the dates of a store with `events` events.
    pub fn fits(&self, events: usize) -> bool {
        self.packed.len() == events
    }
}

/// The histogram of a set of matches at every unit: per unit, its non-empty buckets in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    levels: [Vec<Bucket>; 4],
}

impl Counts {
    /// Counts `events` (store indices in timeline order, so their first days never go back).
    /// Each event costs one comparison and one addition: matches are first counted per
    /// first day and precision, and only those days are put in buckets.
    pub fn new(dates: &Dates, events: &[usize]) -> Self {
        let mut days: Vec<(u32, [u32; 4])> = Vec::new();
        for &e in events {
            let packed = dates.packed[e];
            let rank = (packed % 4) as usize;
            match days.last_mut() {
                Some((day, ranks)) if *day == packed / 4 => ranks[rank] += 1,
                _ => {
                    let mut ranks = [0; 4];
                    ranks[rank] = 1;
                    days.push((packed / 4, ranks));
                }
            }
        }
        let mut levels: [Vec<Bucket>; 4] = Default::default();
        for (day, ranks) in days {
            let (day, _) = unpack(day * 4);
            for (unit, level) in Unit::ALL.into_iter().zip(levels.iter_mut()) {
                // Ranks: 0 bounded, 1 year, 2 month, 3 day; a unit places from its own up.
                let needed = (unit as usize).max(1);
                let exact: u32 = ranks[needed..].iter().sum();
                let imprecise: u32 = ranks[..needed].iter().sum();
                let index = unit.index(day);
                match level.last_mut() {
                    Some(bucket) if bucket.index == index => {
                        bucket.exact += exact;
                        bucket.imprecise += imprecise;
                    }
                    _ => level.push(Bucket {
                        index,
                        exact,
                        imprecise,
                    }),
                }
            }
        }
        Self { levels }
    }

    /// The non-empty buckets of `unit`, in order.
    pub fn buckets(&self, unit: Unit) -> &[Bucket] {
        &self.levels[unit as usize]
    }

    /// The first and last non-empty bucket of `unit`.
    pub fn span(&self, unit: Unit) -> Option<(i64, i64)> {
        let level = self.buckets(unit);
        Some((level.first()?.index, level.last()?.index))
    }

    /// The finest unit whose buckets from the first match to the last fit in `width` columns
    /// (decades if none does).
    pub fn fit(&self, width: usize) -> Unit {
        let width = i64::try_from(width).unwrap_or(i64::MAX);
        Unit::ALL
            .into_iter()
            .rev()
            .find(|&u| self.span(u).is_none_or(|(a, b)| b - a < width))
            .unwrap_or(Unit::Decade)
    }

    /// `len` consecutive buckets of `unit` from bucket `from`, empty ones included.
    pub fn window(&self, unit: Unit, from: i64, len: usize) -> Vec<Bucket> {
        let level = self.buckets(unit);
        let mut at = level.partition_point(|b| b.index < from);
        (from..)
            .take(len)
            .map(|index| match level.get(at) {
                Some(b) if b.index == index => {
                    at += 1;
                    *b
                }
                _ => Bucket {
                    index,
                    ..Bucket::default()
                },
            })
            .collect()
    }

    /// Every bucket of `unit` from the first match to the last, empty ones included (the
    /// text histogram of `evex stats`).
    pub fn all(&self, unit: Unit) -> Vec<Bucket> {
        self.span(unit).map_or_else(Vec::new, |(first, last)| {
            self.window(unit, first, usize::try_from(last - first + 1).unwrap_or(0))
        })
    }
}

mod sparks;

pub use sparks::{SPARK_CELLS, SparkSpec, Sparks, Tally};

#[cfg(test)]
#[path = "histogram/tests.rs"]
mod tests;
