//! Where a query matched in a piece of text, as byte ranges of the text as stored. Every
//! pane highlights through this one function, so what is marked is what the engine matched,
//! and a range always starts and ends on a char boundary of the original, whatever folding
//! did to lengths (İ, ẞ, the Kelvin sign, accents that fold away).

use std::ops::Range;

use crate::fold::Folded;
use crate::query::Query;

/// The parts of `text` that the query's words and phrases match, sorted and merged.
pub fn ranges(query: &Query, text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut folded: [Option<Folded>; 2] = [None, None];
    for (needle, case_sensitive) in query.highlights() {
        if needle.is_empty() {
            continue;
        }
        let folded = folded[usize::from(case_sensitive)]
            .get_or_insert_with(|| Folded::new(text, !case_sensitive));
        found.extend(folded.text.match_indices(needle).map(|(at, m)| {
            let (from, to) = folded.original(at, at + m.len());
            from..to
        }));
    }
    merge(found)
}

/// Sorts ranges and joins those that overlap or touch.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_unstable_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// `text` cut into pieces, each with whether it is marked: what a pane draws.
pub fn pieces<'t>(text: &'t str, ranges: &[Range<usize>]) -> Vec<(&'t str, bool)> {
    let mut out = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for r in ranges {
        if r.start > at {
            out.push((&text[at..r.start], false));
        }
        out.push((&text[r.start..r.end], true));
        at = r.end;
    }
    if at < text.len() || out.is_empty() {
        out.push((&text[at..], false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(query: &str, text: &str) -> Vec<String> {
        ranges(&Query::parse(query), text)
            .into_iter()
            .map(|r| text[r].to_owned())
            .collect()
    }

    #[test]
    fn marks_the_original_text_across_folding() {
        assert_eq!(marked("stanbul", "İİstanbul"), ["stanbul"]);
        assert_eq!(marked("ik", "x\u{130}\u{212A}y"), ["\u{130}\u{212A}"]);
        assert_eq!(marked("belarus's", "Belarus’s talks"), ["Belarus’s"]);
        assert_eq!(marked("peter sparck", "Péter Spärck"), ["Péter", "Spärck"]);
        assert_eq!(
            marked("\"peter sparck\"", "Péter Spärck!"),
            ["Péter Spärck"]
        );
        assert_eq!(marked("Minsk minsk", "MINSK Minsk"), ["MINSK", "Minsk"]);
        assert_eq!(marked("Minsk", "MINSK Minsk"), ["Minsk"]);
    }

    #[test]
    fn pieces_cover_the_text() {
        let text = "a Minsk b";
        let r = ranges(&Query::parse("minsk"), text);
        assert_eq!(
            pieces(text, &r),
            [("a ", false), ("Minsk", true), (" b", false)]
        );
        assert_eq!(pieces("", &[]), [("", false)]);
    }

    /// Text mixing the chars whose folded length differs from their own with any others.
    fn hostile() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let tricky = proptest::sample::select(vec![
            'İ', 'ẞ', '\u{212A}', '\u{2126}', '\u{212B}', '\u{301}', 'é', 'ς', 'Σ', '’', '“', '—',
            '\u{a0}', '\u{3000}', 'k', 'i', 'a', ' ', 'ß', '한',
        ]);
        proptest::collection::vec(prop_oneof![tricky, any::<char>()], 0..24)
            .prop_map(|c| c.into_iter().collect())
    }

    proptest::proptest! {
        #[test]
        fn ranges_are_whole_chars_and_cover_every_match(text in hostile(), query in hostile()) {
            let query = Query::parse(&query);
            let found = ranges(&query, &text);
            for pair in found.windows(2) {
                proptest::prop_assert!(pair[0].end < pair[1].start);
            }
            for r in &found {
                proptest::prop_assert!(r.start < r.end && r.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            }
            let matched = query.highlights().any(|(needle, case_sensitive)| {
                !needle.is_empty() && crate::fold::fold(&text, !case_sensitive).contains(needle)
            });
            proptest::prop_assert_eq!(matched, !found.is_empty());
            let _ = pieces(&text, &found);
        }
    }
}
