//! Bucketing against a naive reference on random dates: every event's bucket and precision
//! worked out from its `When` alone, with no packing and no order.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::date::PartialDate;

/// A random date of any precision, sometimes a span, sometimes bounded.
fn random_when(rng: &mut fastrand::Rng) -> When {
    let year = rng.i32(-30..=2030);
    let month = rng.bool().then(|| rng.u8(1..=12));
    let day = month
        .filter(|_| rng.bool())
        .map(|m| rng.u8(1..=28.min(crate::date::days_in_month(year, m))));
    let date = PartialDate { year, month, day };
    let mut when = When::on(date);
    match rng.u8(0..6) {
        0 => when.bound = Some(Bound::Before),
        1 => when.bound = Some(Bound::After),
        2 => when.end = Some(PartialDate::year(year + rng.i32(0..5))),
        3 => when.circa = true,
        _ => {}
    }
    when
}

/// The bundled store with random dates, re-sorted, and a random subset of it as matches.
pub(super) fn random_store(seed: u64) -> (Store, Vec<usize>) {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut store = Store::bundled();
    let spread = rng.i32(0..4);
    for event in store.events.to_mut() {
        event.when = random_when(&mut rng);
        if spread == 0 {
            // Crowd the dates, so many share a bucket.
            event.when.date.year = 2000 + event.when.date.year.rem_euclid(3);
            event.when.end = None;
        }
    }
    store
        .events
        .to_mut()
        .sort_by(|a, b| a.when.timeline_cmp(&b.when));
    let keep = rng.u8(0..=100);
    let events = (0..store.events.len())
        .filter(|_| rng.u8(0..100) < keep)
        .collect();
    (store, events)
}

/// The reference: per unit, a map from bucket to (exact, imprecise), event by event.
fn reference(store: &Store, events: &[usize], unit: Unit) -> Vec<Bucket> {
    let mut map: BTreeMap<i64, (u32, u32)> = BTreeMap::new();
    for &e in events {
        let when = &store.events.when(e);
        let first = when.first_day();
        let index = match unit {
            Unit::Decade => i64::from(first.year.div_euclid(10)),
            Unit::Year => i64::from(first.year),
            Unit::Month => i64::from(first.year) * 12 + i64::from(first.month) - 1,
            Unit::Day => first.number(),
        };
        let precise = when.bound.is_none()
            && match unit {
                Unit::Decade | Unit::Year => true,
                Unit::Month => when.date.month.is_some(),
                Unit::Day => when.date.day.is_some(),
            };
        let entry = map.entry(index).or_default();
        if precise {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
    }
    map.into_iter()
        .map(|(index, (exact, imprecise))| Bucket {
            index,
            exact,
            imprecise,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn counts_match_the_reference_at_every_unit(seed in any::<u64>()) {
        let (store, events) = random_store(seed);
        let counts = Counts::new(&Dates::new(&store), &events);
        for unit in Unit::ALL {
            let expected = reference(&store, &events, unit);
            prop_assert_eq!(counts.buckets(unit), expected.as_slice(), "{:?}", unit);
            let all = counts.all(unit);
            let total: u32 = all.iter().map(Bucket::total).sum();
            prop_assert_eq!(total as usize, events.len());
            // Empty buckets are there, and consecutive.
            prop_assert!(all.windows(2).all(|w| w[1].index == w[0].index + 1));
        }
    }

    #[test]
    fn a_bucket_starts_on_its_first_day(number in -800_000i64..800_000) {
        let day = day_from_number(number);
        prop_assert_eq!(day.number(), number);
        for unit in Unit::ALL {
            let index = unit.index(day);
            prop_assert!(unit.start(index) <= day);
            prop_assert_eq!(unit.index(unit.start(index)), index);
            prop_assert!(unit.index(unit.start(index + 1)) == index + 1);
        }
    }
}

fn day(year: i32, month: u8, day: u8) -> Day {
    Day { year, month, day }
}

fn when(text: &str) -> When {
    let (bound, date) = Bound::parse(text).unwrap();
    When {
        bound,
        ..When::on(date)
    }
}

#[test]
fn a_year_precise_event_is_imprecise_in_months_and_counted_once() {
    let mut store = Store::bundled();
    store.events.to_mut().truncate(4);
    store.events.to_mut()[0].when = when("2012");
    store.events.to_mut()[1].when = When {
        end: Some("2015".parse().unwrap()),
        ..when("2012-03")
    };
    store.events.to_mut()[2].when = when("before 2012-07");
    store.events.to_mut()[3].when = when("2012-08-15");
    let counts = Counts::new(&Dates::new(&store), &[0, 1, 2, 3]);
    let years = counts.buckets(Unit::Year);
    assert_eq!(
        years,
        [Bucket {
            index: 2012,
            exact: 3,
            imprecise: 1
        }]
    );
    let months: Vec<(String, u32, u32)> = counts
        .buckets(Unit::Month)
        .iter()
        .map(|b| (Unit::Month.label(b.index), b.exact, b.imprecise))
        .collect();
    assert_eq!(
        months,
        [
            ("2012-01".to_owned(), 0, 1),
            ("2012-03".to_owned(), 1, 0),
            ("2012-06".to_owned(), 0, 1),
            ("2012-08".to_owned(), 1, 0),
        ]
    );
    assert_eq!(counts.fit(250), Unit::Day);
    assert_eq!(counts.fit(200), Unit::Month);
    assert_eq!(counts.fit(8), Unit::Month);
    assert_eq!(counts.fit(1), Unit::Year);
}

#[test]
fn the_fitting_unit_shows_every_match_in_the_width() {
    let mut store = Store::bundled();
    store.events.to_mut().truncate(2);
    store.events.to_mut()[0].when = when("1905");
    store.events.to_mut()[1].when = when("2024-05-01");
    let counts = Counts::new(&Dates::new(&store), &[0, 1]);
    assert_eq!(counts.fit(120), Unit::Year);
    assert_eq!(counts.fit(119), Unit::Decade);
    assert_eq!(counts.fit(5), Unit::Decade);
    assert_eq!(counts.all(Unit::Decade).len(), 13);
    assert_eq!(Counts::default().fit(10), Unit::Day);
    assert!(Counts::default().all(Unit::Year).is_empty());
}

#[test]
fn labels_and_zoom_steps() {
    assert_eq!(
        Unit::Decade.label(Unit::Decade.index(day(1994, 3, 2))),
        "1990s"
    );
    assert_eq!(
        Unit::Month.label(Unit::Month.index(day(2012, 8, 15))),
        "2012-08"
    );
    assert_eq!(
        Unit::Day.label(Unit::Day.index(day(2016, 2, 29))),
        "2016-02-29"
    );
    assert_eq!(Unit::Year.finer(), Some(Unit::Month));
    assert_eq!(Unit::Day.finer(), None);
    assert_eq!(Unit::Decade.coarser(), None);
    assert_eq!(Unit::Decade.index(day(-5, 1, 1)), -1);
}
