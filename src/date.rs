//! Partial dates (`2015`, `2015-06`, `2015-06-26`) and the spans events cover.
//!
//! An event's date is only as precise as its source. Ordering and filtering therefore work on
//! the range of days a date can mean: `2015-06` means 1 to 30 June 2015.

mod when;

pub use when::{Bound, DayRange, When};

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A calendar day, ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Day {
    /// Days since 1 March of year 0, so that two days' difference is the days between them.
    pub fn number(self) -> i64 {
        // Counting from March puts the leap day last in the year.
        let (year, month) = if self.month > 2 {
            (i64::from(self.year), i64::from(self.month) - 3)
        } else {
            (i64::from(self.year) - 1, i64::from(self.month) + 9)
        };
        let leap_days = year.div_euclid(4) - year.div_euclid(100) + year.div_euclid(400);
        year * 365 + leap_days + (153 * month + 2) / 5 + i64::from(self.day) - 1
    }

    /// The day before this one.
    pub fn pred(self) -> Self {
        match (self.month, self.day) {
            (1, 1) => Self {
                year: self.year - 1,
                month: 12,
                day: 31,
            },
            (m, 1) => Self {
                year: self.year,
                month: m - 1,
                day: days_in_month(self.year, m - 1),
            },
            (m, d) => Self {
                year: self.year,
                month: m,
                day: d - 1,
            },
        }
    }

    /// The day after this one.
    pub fn succ(self) -> Self {
        if self.day < days_in_month(self.year, self.month) {
            Self {
                day: self.day + 1,
                ..self
            }
        } else if self.month < 12 {
            Self {
                year: self.year,
                month: self.month + 1,
                day: 1,
            }
        } else {
            Self {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        }
    }
}

/// How much of a date the text gives. Less precise sorts first among dates that start the
/// same day, so "2015" comes before "2015-01" and "2015-01-01".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date as precise as its source: a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Why a date string is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (for example 2015-06-26)")]
    Malformed(String),
    #[error("`{text}` has month {month}; months run from 01 to 12")]
    Month { text: String, month: u32 },
    #[error("`{text}` has day {day}, but {month_name} {year} has {max} days")]
    Day {
        text: String,
        day: u32,
        month_name: &'static str,
        year: i32,
        max: u8,
    },
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1-12) of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn month_name(month: u8) -> &'static str {
    MONTH_NAMES[usize::from(month.clamp(1, 12) - 1)]
}

impl PartialDate {
    pub const fn year(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    /// The first day this date can mean.
    pub fn first_day(&self) -> Day {
        Day {
            year: self.year,
            month: self.month.unwrap_or(1),
            day: self.day.unwrap_or(1),
        }
    }

    /// The last day this date can mean.
    pub fn last_day(&self) -> Day {
        let month = self.month.unwrap_or(12);
        Day {
            year: self.year,
            month,
            day: self.day.unwrap_or_else(|| days_in_month(self.year, month)),
        }
    }

    /// The date in words: "2015", "June 2015", "26 June 2015".
    pub fn words(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", month_name(m), self.year),
            (Some(m), None) => format!("{} {}", month_name(m), self.year),
            _ => self.year.to_string(),
        }
    }
}

fn number(part: &str, digits: usize) -> Option<u32> {
    (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()))
        .then(|| part.parse().ok())
        .flatten()
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let malformed = || DateError::Malformed(text.to_owned());
        let mut parts = text.split('-');
        let year = parts
            .next()
            .and_then(|p| number(p, 4))
            .ok_or_else(malformed)?;
        let month = parts
            .next()
            .map(|p| number(p, 2).ok_or_else(malformed))
            .transpose()?;
        let day = parts
            .next()
            .map(|p| number(p, 2).ok_or_else(malformed))
            .transpose()?;
        if parts.next().is_some() {
            return Err(malformed());
        }
        let year = i32::try_from(year).map_err(|_| malformed())?;
        let month = month
            .map(|m| match u8::try_from(m) {
                Ok(m @ 1..=12) => Ok(m),
                _ => Err(DateError::Month {
                    text: text.to_owned(),
                    month: m,
                }),
            })
            .transpose()?;
        let day = match (month, day) {
            (Some(m), Some(d)) => {
                let max = days_in_month(year, m);
                match u8::try_from(d) {
                    Ok(d) if (1..=max).contains(&d) => Some(d),
                    _ => {
                        return Err(DateError::Day {
                            text: text.to_owned(),
                            day: d,
                            month_name: month_name(m),
                            year,
                            max,
                        });
                    }
                }
            }
            _ => None,
        };
        Ok(Self { year, month, day })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for text in ["2015", "2015-06", "2015-06-26", "2016-02-29", "0998"] {
            assert_eq!(d(text).to_string(), text);
        }
        assert_eq!(d("2015-06").precision(), Precision::Month);
    }

    #[test]
    fn rejects_impossible_dates_with_a_reason() {
        let err = |s: &str| s.parse::<PartialDate>().unwrap_err().to_string();
        assert_eq!(
            err("2015-13"),
            "`2015-13` has month 13; months run from 01 to 12"
        );
        assert_eq!(
            err("2015-02-30"),
            "`2015-02-30` has day 30, but February 2015 has 28 days"
        );
        assert_eq!(
            err("2015-00"),
            "`2015-00` has month 0; months run from 01 to 12"
        );
        for bad in [
            "",
            "15",
            "2015-6",
            "2015/06",
            "June 2015",
            "2015-06-26-01",
            "-2015",
            "２０１５",
        ] {
            assert!(
                matches!(bad.parse::<PartialDate>(), Err(DateError::Malformed(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_date_covers_the_days_it_can_mean() {
        assert_eq!(
            d("2016-02").last_day(),
            Day {
                year: 2016,
                month: 2,
                day: 29
            }
        );
        assert_eq!(
            d("2015").first_day(),
            Day {
                year: 2015,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            d("2015").last_day(),
            Day {
                year: 2015,
                month: 12,
                day: 31
            }
        );
    }

    #[test]
    fn day_numbers_count_days_across_months_years_and_leap_days() {
        let n = |y, m, d| {
            Day {
                year: y,
                month: m,
                day: d,
            }
            .number()
        };
        assert_eq!(n(2015, 3, 1) - n(2015, 2, 28), 1);
        assert_eq!(n(2016, 3, 1) - n(2016, 2, 28), 2);
        assert_eq!(n(2016, 1, 1) - n(2015, 12, 31), 1);
        assert_eq!(n(2016, 1, 1) - n(2015, 1, 1), 365);
        assert_eq!(n(2017, 1, 1) - n(2016, 1, 1), 366);
        assert_eq!(n(2001, 1, 1) - n(2000, 1, 1), 366);
        assert_eq!(n(1901, 1, 1) - n(1900, 1, 1), 365);
        let day = Day {
            year: 2015,
            month: 12,
            day: 31,
        };
        assert_eq!(day.succ().number() - day.number(), 1);
        assert_eq!(day.number() - day.pred().number(), 1);
    }
}
