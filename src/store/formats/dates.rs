//! Dates as datasets write them, read into evex's partial dates. Only unambiguous forms are
//! accepted: `2023-03-12`, `2023-03`, `2023`, `20230312`, `12-03-2023` (ACLED's day first),
//! `12 March 2023`, `March 2023`, and ISO date-times (the day is kept). `03/12/2023` could be
//! either day or month first and is refused rather than guessed.

use crate::date::{DateError, PartialDate, When, days_in_month};

/// What datasets' dates look like, for messages.
pub const EXPECTED: &str =
    "not a date; expected YYYY-MM-DD, YYYY-MM, YYYY, DD-MM-YYYY or 12 March 2023";

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Parses a dataset's date, or says in a few words why it is not one.
pub fn parse(text: &str) -> Result<PartialDate, String> {
    let text = text.trim();
    if let Some(year) = bce_year(text) {
        return Err(bce(year));
    }
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    let mut rearranged = [0u8; 10];
    let iso = if bytes.len() > 10 && bytes[4] == b'-' && matches!(bytes[10], b'T' | b' ') {
        // An ISO date-time: the day is what evex keeps.
        &text[..10]
    } else if bytes.len() == 8 && digits(0..8) {
        // Compact YYYYMMDD (GDELT).
        rearranged[..4].copy_from_slice(&bytes[..4]);
        rearranged[5..7].copy_from_slice(&bytes[4..6]);
        rearranged[8..].copy_from_slice(&bytes[6..]);
        dashed(&mut rearranged)
    } else if bytes.len() == 10 && bytes[2] == b'-' && bytes[5] == b'-' && digits(6..10) {
        // Day first with dashes (DD-MM-YYYY), as some ACLED tools write.
        rearranged[..4].copy_from_slice(&bytes[6..]);
        rearranged[5..7].copy_from_slice(&bytes[3..5]);
        rearranged[8..].copy_from_slice(&bytes[..2]);
        dashed(&mut rearranged)
    } else {
        text
    };
    if iso.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return from_iso(iso);
    }
    words(iso).unwrap_or_else(|| from_iso(iso))
}

/// `YYYY?MM?DD` (ASCII) with its gaps made dashes.
fn dashed(date: &mut [u8; 10]) -> &str {
    date[4] = b'-';
    date[7] = b'-';
    std::str::from_utf8(date).unwrap_or_default()
}

fn from_iso(text: &str) -> Result<PartialDate, String> {
    text.parse::<PartialDate>().map_err(|e| match e {
        DateError::Malformed(_) => EXPECTED.to_owned(),
        DateError::Month { month, .. } => format!("there is no month {month}"),
        DateError::Day {
            month_name,
            year,
            max,
            ..
        } => format!("{month_name} {year} has {max} days"),
    })
}

/// `12 March 2023` or `March 2023` (month names in English, any case, or their first three
/// letters).
fn words(text: &str) -> Option<Result<PartialDate, String>> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let (day, month, year) = match parts.as_slice() {
        [day, month, year] => (Some(*day), *month, *year),
        [month, year] => (None, *month, *year),
        _ => return None,
    };
    let month = month.trim_end_matches(',').to_lowercase();
    let m = MONTHS
        .iter()
        .position(|name| *name == month || (month.len() == 3 && name.starts_with(&month)))?;
    let year = (year.len() == 4)
        .then(|| year.parse::<i32>().ok())
        .flatten()?;
    let month = u8::try_from(m + 1).ok()?;
    let Some(day) = day else {
        return Some(Ok(PartialDate {
            year,
            month: Some(month),
            day: None,
        }));
    };
    let day: u8 = day.parse().ok()?;
    let max = days_in_month(year, month);
    Some(if (1..=max).contains(&day) {
        Ok(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    } else {
        Err(format!("{} {year} has {max} days", capital(MONTHS[m])))
    })
}

fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The year of a date before year 0 (`-500`, `-0500-03`), which evex cannot hold.
fn bce_year(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-')?;
    let year = digits.split('-').next()?;
    year.parse::<i64>().ok().map(|y| -y)
}

/// Why a BCE date is refused.
pub fn bce(year: i64) -> String {
    format!(
        "year {year} is BCE; evex dates run from year 0000 to 9999 (BCE dates are not supported yet)"
    )
}

/// A date from separate parts (TimelineJS): a year alone is a year, a year and month a month.
pub fn from_parts(year: &str, month: &str, day: &str) -> Result<PartialDate, String> {
    let (year, month, day) = (year.trim(), month.trim(), day.trim());
    let year_number: i64 = year
        .parse()
        .map_err(|_| format!("year \"{year}\" is not a number"))?;
    if year_number < 0 {
        return Err(bce(year_number));
    }
    if year_number > 9999 {
        return Err(format!("year {year_number} is after 9999"));
    }
    let mut text = format!("{year_number:04}");
    for part in [month, day] {
        if part.is_empty() {
            break;
        }
        let n: u32 = part
            .parse()
            .map_err(|_| format!("\"{part}\" is not a number"))?;
        text += &format!("-{n:02}");
    }
    from_iso(&text)
}

/// ACLED's week precision: the coded day is the middle of the week, so the event spans the
/// three days either side.
pub fn week_around(day: PartialDate) -> When {
    When {
        date: add_days(day, -3),
        end: Some(add_days(day, 3)),
        circa: false,
        bound: None,
    }
}

/// `date` (a day) moved by `days` (at most a month either way).
fn add_days(date: PartialDate, days: i32) -> PartialDate {
    let (mut year, mut month) = (date.year, date.month.unwrap_or(1));
    let mut day = i32::from(date.day.unwrap_or(1)) + days;
    while day < 1 {
        (year, month) = if month == 1 {
            (year - 1, 12)
        } else {
            (year, month - 1)
        };
        day += i32::from(days_in_month(year, month));
    }
    while day > i32::from(days_in_month(year, month)) {
        day -= i32::from(days_in_month(year, month));
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    PartialDate {
        year,
        month: Some(month),
        day: Some(u8::try_from(day).unwrap_or(1)),
    }
}

/// A month-precise date from a day (ACLED's month precision).
pub fn month_of(day: PartialDate) -> PartialDate {
    PartialDate { day: None, ..day }
}

/// A single date.
pub fn on(date: PartialDate) -> When {
    When::on(date)
}
