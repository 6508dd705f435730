//! When an event happened: a date, a span between two dates, or a fact the text places only
//! before or after a date.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::{DateError, Day, PartialDate, Precision};

/// A side of a date that a fact is known to lie on, when the text gives no more: an
/// "infamous" statement reported in 2015 was made before that report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Bound {
    Before,
    After,
}

impl Bound {
    /// Reads a date as a store writes it: `2015-07`, `before 2015-07` or `after 2012-08`.
    pub fn parse(text: &str) -> Result<(Option<Self>, PartialDate), DateError> {
        let (bound, date) = [("before ", Self::Before), ("after ", Self::After)]
            .into_iter()
            .find_map(|(word, bound)| text.strip_prefix(word).map(|rest| (Some(bound), rest)))
            .unwrap_or((None, text));
        Ok((bound, date.trim_start().parse()?))
    }

    /// The word a store and the detail view use.
    pub fn word(self) -> &'static str {
        match self {
            Self::Before => "before",
            Self::After => "after",
        }
    }

    /// The sign the timeline and tables use: `<2015-07`, `>2012-08`.
    pub fn sign(self) -> &'static str {
        match self {
            Self::Before => "<",
            Self::After => ">",
        }
    }
}

/// When an event happened: a date, an optional end for spans, whether the text is vague, and
/// for facts known only to lie before or after a date, that bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct When {
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub circa: bool,
    /// With a bound, `date` is the date the fact lies before or after, and there is no end.
    pub bound: Option<Bound>,
}

impl When {
    /// A single date, exactly as precise as given.
    pub const fn on(date: PartialDate) -> Self {
        Self {
            date,
            end: None,
            circa: false,
            bound: None,
        }
    }

    /// The first day the event can mean. A bounded date stands for one day: the last day
    /// before its date (`before 2015-07`: 30 June 2015) or the first day after it (`after
    /// 2012-08`: 1 September 2012). That is where it sorts and what date searches find.
    pub fn first_day(&self) -> Day {
        match self.bound {
            Some(Bound::Before) => self.date.first_day().pred(),
            Some(Bound::After) => self.date.last_day().succ(),
            None => self.date.first_day(),
        }
    }

    /// The last day the event can mean.
    pub fn last_day(&self) -> Day {
        match self.bound {
            Some(_) => self.first_day(),
            None => self.end.unwrap_or(self.date).last_day(),
        }
    }

    /// The year the timeline files the event under: the year of its first day.
    pub fn year(&self) -> i32 {
        self.first_day().year
    }

    /// Timeline order: by the first day, then `after` dates (which open their day), then
    /// less precise first, then `before` dates (which close their day). Equal keys keep file
    /// order because the store sorts stably.
    pub fn sort_key(&self) -> (Day, u8) {
        let rank = match (self.bound, self.date.precision()) {
            (Some(Bound::After), _) => 0,
            (None, Precision::Year) => 1,
            (None, Precision::Month) => 2,
            (None, Precision::Day) => 3,
            (Some(Bound::Before), _) => 4,
        };
        (self.first_day(), rank)
    }

    pub fn timeline_cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }

    /// Whether any day of this event falls in `range`.
    pub fn overlaps(&self, range: DayRange) -> bool {
        self.first_day() <= range.last && range.first <= self.last_day()
    }

    /// The `date` field as a store writes it: `2015-06` or `before 2015-07`.
    pub fn date_text(&self) -> String {
        match self.bound {
            Some(bound) => format!("{} {}", bound.word(), self.date),
            None => self.date.to_string(),
        }
    }

    /// The compact form the timeline and tables show: `2012-08`, `~2015-03`, `2010–2015-02`,
    /// `<2015-07` (before July 2015), `>2012-08` (after August 2012).
    pub fn short(&self) -> String {
        let circa = if self.circa { "~" } else { "" };
        let bound = self.bound.map_or("", Bound::sign);
        match self.end {
            Some(end) => format!("{circa}{bound}{}–{end}", self.date),
            None => format!("{circa}{bound}{}", self.date),
        }
    }

    /// The compact form in at most `width` columns, shortened so it keeps its meaning: a
    /// span's end drops to its year, then its start does (`~2015-06-26–2015` becomes
    /// `~2015–2015`); never a bare ellipsis.
    pub fn short_within(&self, width: usize) -> String {
        let full = self.short();
        if full.chars().count() <= width {
            return full;
        }
        let year = |d: PartialDate| PartialDate::year(d.year);
        let month = |d: PartialDate| PartialDate { day: None, ..d };
        let Some(end) = self.end else {
            // A date less precise, never wrong: `2015-06-04` becomes `2015`.
            return Self {
                date: year(self.date),
                ..*self
            }
            .short();
        };
        // Precision goes from the start first, then from the end: the span only ever widens,
        // and by as little as the width allows.
        let forms = [
            (month(self.date), end),
            (year(self.date), end),
            (year(self.date), month(end)),
            (year(self.date), year(end)),
        ];
        for (date, end) in forms {
            let form = Self {
                date,
                end: Some(end),
                ..*self
            }
            .short();
            if form.chars().count() <= width {
                return form;
            }
        }
        // The start year, and a dash that says the span goes on.
        let circa = if self.circa { "~" } else { "" };
        format!("{circa}{}–", self.date.year)
    }

    /// The date in words: "August 2012", "circa March 2015", "2010 to February 2015",
    /// "some time between 26 June 2015 and the end of 2015", "before July 2015".
    pub fn words(&self) -> String {
        if let Some(bound) = self.bound {
            return format!("{} {}", bound.word(), self.date.words());
        }
        let Some(end) = self.end else {
            let circa = if self.circa { "circa " } else { "" };
            return format!("{circa}{}", self.date.words());
        };
        let end_words = match end.precision() {
            Precision::Year | Precision::Month => format!("the end of {}", end.words()),
            Precision::Day => end.words(),
        };
        if self.circa {
            format!("some time between {} and {end_words}", self.date.words())
        } else {
            format!("{} to {end_words}", self.date.words())
        }
    }
}

/// An inclusive range of days, used by year and month filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    pub first: Day,
    pub last: Day,
}

impl DayRange {
    /// Every day from the start of `from` to the end of `to`.
    pub fn between(from: PartialDate, to: PartialDate) -> Self {
        Self {
            first: from.first_day(),
            last: to.last_day(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    fn when(s: &str) -> When {
        let (bound, date) = Bound::parse(s).unwrap();
        When {
            bound,
            ..When::on(date)
        }
    }

    fn day(year: i32, month: u8, day: u8) -> Day {
        Day { year, month, day }
    }

    #[test]
    fn order_is_first_day_then_less_precise_first_with_bounds_at_the_edges() {
        let mut dates = [
            when("2015-01-01"),
            when("before 2015-01-02"),
            when("2015-01"),
            when("2014-12-31"),
            when("after 2014"),
            when("2015"),
            when("before 2015"),
        ];
        dates.sort_by(When::timeline_cmp);
        let shown: Vec<String> = dates.iter().map(When::short).collect();
        assert_eq!(
            shown,
            [
                "2014-12-31",
                "<2015",
                ">2014",
                "2015",
                "2015-01",
                "2015-01-01",
                "<2015-01-02"
            ]
        );
    }

    #[test]
    fn spans_overlap_ranges_and_read_in_words() {
        let span = When {
            end: Some(d("2015-02")),
            circa: true,
            ..when("2010")
        };
        assert!(span.overlaps(DayRange::between(d("2012"), d("2012"))));
        assert!(span.overlaps(DayRange::between(d("2015-02"), d("2015-02"))));
        assert!(!span.overlaps(DayRange::between(d("2015-03"), d("2015-03"))));
        assert_eq!(span.short(), "~2010–2015-02");
        assert_eq!(
            span.words(),
            "some time between 2010 and the end of February 2015"
        );
        let plain = When {
            circa: false,
            end: Some(d("2015")),
            ..span
        };
        assert_eq!(plain.words(), "2010 to the end of 2015");
    }

    #[test]
    fn bounds_parse_and_refuse_what_is_not_a_date() {
        assert_eq!(
            Bound::parse("before 2015-07").unwrap(),
            (Some(Bound::Before), d("2015-07"))
        );
        assert_eq!(
            Bound::parse("after 2012").unwrap(),
            (Some(Bound::After), d("2012"))
        );
        assert_eq!(Bound::parse("2012-08").unwrap(), (None, d("2012-08")));
        assert_eq!(
            Bound::parse("before 2015-13").unwrap_err().to_string(),
            "`2015-13` has month 13; months run from 01 to 12"
        );
        for bad in [
            "before",
            "before ",
            "Before 2015",
            "until 2015",
            "before2015",
            "after after 2015",
        ] {
            assert!(Bound::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_bound_stands_for_the_day_next_to_its_date() {
        let before = when("before 2015-07");
        assert_eq!(
            (before.first_day(), before.last_day()),
            (day(2015, 6, 30), day(2015, 6, 30))
        );
        assert_eq!(when("before 2015").first_day(), day(2014, 12, 31));
        assert_eq!(when("after 2012-08").first_day(), day(2012, 9, 1));
        assert_eq!(when("after 2012-12-31").first_day(), day(2013, 1, 1));
        assert_eq!(when("after 2016-02-28").first_day(), day(2016, 2, 29));
        assert_eq!(when("before 2015").year(), 2014);
        let month = |s: &str| DayRange::between(d(s), d(s));
        assert!(before.overlaps(month("2015")));
        assert!(before.overlaps(month("2015-06")));
        assert!(!before.overlaps(month("2015-07")));
        assert!(!before.overlaps(month("2014")));
        assert!(when("after 2012-08").overlaps(month("2012-09")));
        assert!(!when("after 2012-08").overlaps(month("2012-08")));
    }

    #[test]
    fn bounds_read_in_words_and_as_written() {
        assert_eq!(when("before 2015-07").words(), "before July 2015");
        assert_eq!(when("after 2012-08-31").words(), "after 31 August 2012");
        assert_eq!(when("before 2015-07").date_text(), "before 2015-07");
        assert_eq!(when("after 2012").short(), ">2012");
        assert_eq!(when("2012").date_text(), "2012");
    }

    #[test]
    fn long_spans_shorten_without_losing_their_end() {
        let span = When {
            end: Some(d("2015-12-31")),
            circa: true,
            ..when("2015-06-26")
        };
        assert_eq!(span.short_within(30), "~2015-06-26–2015-12-31");
        assert_eq!(span.short_within(20), "~2015-06–2015-12-31");
        assert_eq!(span.short_within(16), "~2015–2015-12-31");
        assert_eq!(span.short_within(14), "~2015–2015-12");
        assert_eq!(span.short_within(10), "~2015–2015");
        assert_eq!(span.short_within(6), "~2015–");
        assert_eq!(when("2015-06-04").short_within(6), "2015");
        assert_eq!(when("before 2015-07").short_within(6), "<2015");
    }
}
