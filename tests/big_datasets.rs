//! A dataset of many batches (rows are read a batch ahead and mapped on every core): rows
//! keep their file order, problems their exact lines, and the first row with an id keeps it.

use evex::store::formats::{self, Format, ImportError, Options};

/// 20,000 rows of one day; line 6 (row 5) is `r5`. Line 12,002 has a field too many,
/// line 15,002 repeats row 3's id and line 18,002 has no real date.
fn csv() -> String {
    let mut text = String::from("id,date,title\n");
    for row in 0..20_000 {
        let line = row + 2;
        let (id, date, tail) = match line {
            12_002 => (format!("r{row}"), "2020-05-01", ",oops"),
            15_002 => ("r3".to_owned(), "2020-05-01", ""),
            18_002 => (format!("r{row}"), "2020-02-30", ""),
            _ => (format!("r{row}"), "2020-05-01", ""),
        };
        text += &format!("{id},{date},Event {row}{tail}\n");
    }
    text
}

fn options(skip_bad_rows: bool) -> Options {
    Options {
        format: Some(Format::Csv),
        skip_bad_rows,
        ..Options::default()
    }
}

#[test]
fn problems_in_later_batches_name_their_own_lines() {
    let text = csv();
    let Err(ImportError::BadRows(problems)) =
        formats::read(text.as_bytes(), "big.csv", &options(false))
    else {
        panic!("the bad rows keep the file from opening");
    };
    let shown: Vec<String> = problems
        .iter()
        .map(|d| format!("{}: {}", d.position.unwrap().line, d.message))
        .collect();
    assert_eq!(
        shown,
        [
            "12002: the row has 4 fields but the header (or the first row) has 3; check for an unquoted delimiter or a cut line",
            "15002: id \"r3\" is also used on line 5: give every row its own id",
            "18002: date \"2020-02-30\": February 2020 has 29 days",
        ]
    );
}

#[test]
fn rows_of_every_batch_stay_in_file_order() {
    let text = csv();
    let imported = formats::read(text.as_bytes(), "big.csv", &options(true)).unwrap();
    assert_eq!(imported.skipped_rows, 3);
    let ids: Vec<&str> = imported
        .store
        .events
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    let expected: Vec<String> = (0..20_000)
        .filter(|row| ![12_000, 15_000, 18_000].contains(row))
        .map(|row| format!("r{row}"))
        .collect();
    assert_eq!(ids, expected, "one day's events keep the file's order");
    assert_eq!(imported.store.events[5].title, "Event 5");
}
