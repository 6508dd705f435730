//! The quote in its paragraph: where an event's quote sits in its source's text, and the
//! paragraphs around it (split at blank lines), for reading a claim in its context.

use std::ops::Range;

/// The paragraphs holding a quote, and where the quote is in them (byte ranges).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage<'t> {
    pub text: &'t str,
    /// Where `text` starts in the whole text.
    pub start: usize,
    pub quote: Range<usize>,
}

/// The paragraph (or paragraphs) of `text` holding `quote`. Quotes are checked against their
/// source with white space squashed, so the search here ignores how white space differs.
pub fn around<'t>(text: &'t str, quote: &str) -> Option<Passage<'t>> {
    let found = find_loosely(text, quote)?;
    let start = blank_line_before(text, found.start);
    let end = blank_line_after(text, found.end);
    Some(Passage {
        text: &text[start..end],
        start,
        quote: found.start - start..found.end - start,
    })
}

/// Where `quote`'s words occur in `text` in order, separated by any white space.
fn find_loosely(text: &str, quote: &str) -> Option<Range<usize>> {
    let mut words = quote.split_whitespace();
    let first = words.next()?;
    let rest: Vec<&str> = words.collect();
    for (start, _) in text.match_indices(first) {
        let mut at = start + first.len();
        let whole = rest.iter().all(|word| {
            let after = &text[at..];
            let trimmed = after.trim_start();
            let gap = after.len() - trimmed.len();
            if gap > 0 && trimmed.starts_with(word) {
                at += gap + word.len();
                true
            } else {
                false
            }
        });
        if whole {
            return Some(start..at);
        }
    }
    None
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// The start of the paragraph holding byte `at`: just after the last blank line before it.
fn blank_line_before(text: &str, at: usize) -> usize {
    let mut start = 0;
    let mut line_start = 0;
    for line in text[..at].split_inclusive('\n') {
        line_start += line.len();
        if is_blank(line) {
            start = line_start;
        }
    }
    start.min(at)
}

/// The end of the paragraph holding byte `at`: the start of the first blank line after it.
fn blank_line_after(text: &str, at: usize) -> usize {
    let mut end = at;
    let mut first = true;
    for line in text[at..].split_inclusive('\n') {
        // The line the quote ends on belongs to the paragraph, blank or not.
        if !first && is_blank(line) {
            return end;
        }
        first = false;
        end += line.len();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Title\n\nFirst paragraph, about\nsomething else.\n\nIn late August 2012, Kyrgyzstan called\nits   Ambassador back. More here.\n\nLast one.";

    #[test]
    fn the_quote_comes_with_its_whole_paragraph() {
        let p = around(TEXT, "Kyrgyzstan called its Ambassador back").unwrap();
        assert_eq!(
            p.text,
            "In late August 2012, Kyrgyzstan called\nits   Ambassador back. More here.\n"
        );
        assert_eq!(
            &p.text[p.quote.clone()],
            "Kyrgyzstan called\nits   Ambassador back"
        );
    }

    #[test]
    fn a_quote_over_two_paragraphs_gets_both_and_a_missing_one_none() {
        let p = around(TEXT, "something else. In late").unwrap();
        assert!(p.text.starts_with("First paragraph"));
        assert!(p.text.ends_with("More here.\n"));
        assert_eq!(around(TEXT, "not in it"), None);
        assert_eq!(around(TEXT, "   "), None);
        let p = around(TEXT, "Title").unwrap();
        assert_eq!(p.text, "Title\n");
        let p = around(TEXT, "Last one.").unwrap();
        assert_eq!(p.text, "Last one.");
    }
}
