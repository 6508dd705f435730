use super::*;

/// A store of `n` events whose text holds everything the scan must step over: brackets,
/// commas and quotes in strings, escapes, raw strings, comments, non-ASCII letters.
fn store(n: usize, one_line: bool) -> String {
    let sep = if one_line { " " } else { "\n" };
    let comment = if one_line {
        "/* end ] */"
    } else {
        "// end ] ("
    };
    let events: Vec<String> = (0..n)
        .map(|i| {
            let title = match i % 4 {
                0 => format!("\"Talks {i}, [part] (one) {{x}} \\\"quoted\\\" ÿ\""),
                1 => format!("r#\"Raw \"{i}\" ], ) and // not a comment\"#"),
                2 => format!("\"Минск {i} /* not a comment */\""),
                _ => format!("\"Plain {i}\""),
            };
            format!(
                "Event(id: \"e{i}\", date: \"2001-0{}\", title: {title}, kind: Diplomacy, actors: [\"a\"], source: \"s\", quote: \"q, ( [\"), {comment}{sep}/* block /* nested */ ) */",
                1 + i % 9
            )
        })
        .collect();
    format!(
        "// A test store ( [\n#![enable(implicit_some)]\nStore(title: \"T\", sources: [Source(id: \"s\", title: \"S\", publisher: \"P\")],{sep}events: [{sep}{}{sep}], actors: [Actor(id: \"a\", name: \"A\", kind: Person)])\n",
        events.join(sep)
    )
}

fn whole(text: &str) -> Result<StoreFile, SpannedError> {
    ron::Options::default().from_str(text)
}

fn in_pieces(text: &str, piece_bytes: usize) -> Result<StoreFile, SpannedError> {
    parse(text, piece_bytes, &Progress::default())
}

#[test]
fn pieces_parse_to_what_the_whole_parses_to() {
    for one_line in [false, true] {
        let text = store(60, one_line);
        let expected = format!("{:?}", whole(&text).unwrap());
        for piece_bytes in [1, 100, 700, 5_000] {
            assert!(cut(&text, piece_bytes).is_some(), "the scan understands it");
            let got = format!("{:?}", in_pieces(&text, piece_bytes).unwrap());
            assert_eq!(
                got, expected,
                "pieces of {piece_bytes}, one line: {one_line}"
            );
        }
    }
}

#[test]
fn the_cut_is_at_entries_and_covers_the_list() {
    let text = store(40, false);
    let cut = cut(&text, 300).unwrap();
    assert!(cut.pieces.len() > 5, "{} pieces", cut.pieces.len());
    assert_eq!(cut.pieces.first().unwrap().start, cut.list.start);
    assert_eq!(cut.pieces.last().unwrap().end, cut.list.end);
    for pair in cut.pieces.windows(2) {
        assert_eq!(&text[pair[0].end..pair[1].start], ",");
    }
    assert!(text[cut.value_start..].starts_with("Store("));
}

/// Breaks event `at` of the store in `how`, in each of the ways a person could.
fn broken(one_line: bool, at: usize, how: usize) -> String {
    let text = store(60, one_line);
    let id = format!("id: \"e{at}\", date: ");
    let bad = match how {
        0 => format!("id: \"e{at}\", date: 2001, "),
        1 => format!("id: \"e{at}\", colour: \"red\", date: "),
        2 => format!("id: \"e{at}\" date: "),
        3 => format!("id: \"e{at}\", date: Some(\"x\"), kind: Law, date: "),
        _ => format!("id: \"e{at}\", ÿÿ: 1, date: "),
    };
    text.replacen(&id, &bad, 1)
}

#[test]
fn an_error_in_a_late_piece_is_placed_where_the_whole_parse_places_it() {
    for one_line in [false, true] {
        for at in [0, 1, 29, 58, 59] {
            for how in 0..5 {
                let text = broken(one_line, at, how);
                let expected = whole(&text).unwrap_err();
                for piece_bytes in [1, 250, 2_000] {
                    assert!(cut(&text, piece_bytes).is_some(), "parsed in pieces");
                    let got = in_pieces(&text, piece_bytes).unwrap_err();
                    assert_eq!(
                        got, expected,
                        "event {at} broken by {how}, pieces of {piece_bytes}, one line: {one_line}"
                    );
                }
            }
        }
    }
}

#[test]
fn what_the_scan_does_not_understand_is_left_to_the_whole_parse() {
    let text = store(20, false);
    let unclosed = text.replacen("title: \"Plain 3\"", "title: \"Plain 3", 1);
    let unbalanced = text.replacen("actors: [\"a\"]", "actors: [\"a\")", 1);
    let twice = text.replacen("actors: [Actor", "events: [], actors: [Actor", 1);
    let trailing = format!("{text} x");
    for bad in [&unclosed, &unbalanced, &twice, &trailing] {
        assert!(cut(bad, 100).is_none());
        assert_eq!(in_pieces(bad, 100).unwrap_err(), whole(bad).unwrap_err());
    }
}

#[test]
fn progress_counts_every_piece() {
    let text = store(60, false);
    let progress = Progress::default();
    parse(&text, 500, &progress).unwrap();
    let list = cut(&text, 500).unwrap().list;
    let done = progress.snapshot().done as usize;
    assert!(
        done + 100 > list.len() && done <= list.len(),
        "{done} of {}",
        list.len()
    );
}
