//! Styled text laid out in lines of a given width, in terminal cells, with a hanging indent:
//! a wrapped field continues under its value, not under its label.

use std::borrow::Cow;
use std::ops::Range;

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The byte ranges of `text` that make its lines at `width` cells: broken at spaces, words
/// wider than a line broken inside, widths measured in cells (a CJK character takes two).
fn line_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    let options = textwrap::Options::new(width.max(1))
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .break_words(true);
    let mut ranges = Vec::new();
    let mut at = 0;
    for line in textwrap::wrap(text, options) {
        let start = match &line {
            Cow::Borrowed(piece) => piece.as_ptr() as usize - text.as_ptr() as usize,
            Cow::Owned(piece) => text[at..].find(piece.as_str()).map_or(at, |i| at + i),
        };
        let end = start + line.len();
        ranges.push(start..end);
        at = end;
    }
    ranges
}

/// `spans` (one text in pieces of style) in lines of at most `width` cells. The first line
/// starts with `label`; later lines with as many spaces as the label is wide.
pub fn wrap(
    label: Vec<Span<'static>>,
    spans: &[Span<'static>],
    width: usize,
) -> Vec<Line<'static>> {
    let indent: usize = label.iter().map(|s| s.content.width()).sum();
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    let mut starts = Vec::with_capacity(spans.len());
    let mut at = 0;
    for span in spans {
        starts.push(at);
        at += span.content.len();
    }
    let room = width.saturating_sub(indent).max(1);
    let mut label = Some(label);
    let mut lines = Vec::new();
    for range in line_ranges(&text, room) {
        let mut line = label
            .take()
            .unwrap_or_else(|| vec![Span::raw(" ".repeat(indent))]);
        for (span, &start) in spans.iter().zip(&starts) {
            let end = start + span.content.len();
            let (from, to) = (range.start.max(start), range.end.min(end));
            if from < to {
                line.push(Span::styled(text[from..to].to_owned(), span.style));
            }
        }
        lines.push(Line::from(line));
    }
    if let Some(label) = label {
        lines.push(Line::from(label));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn wrapped_values_continue_under_their_label() {
        let lines = wrap(
            vec![Span::raw("Role   ")],
            &[Span::raw("Ousted President of Kyrgyzstan")],
            22,
        );
        assert_eq!(
            plain(&lines),
            ["Role   Ousted", "       President of", "       Kyrgyzstan"]
        );
    }

    #[test]
    fn styles_split_where_lines_break_and_widths_are_cells() {
        let spans = [Span::raw("一二三四五六"), Span::raw("七八")];
        let lines = wrap(Vec::new(), &spans, 5);
        for line in &lines {
            assert!(line.width() <= 5, "{line}");
        }
        assert_eq!(plain(&lines).concat(), "一二三四五六七八");
    }

    #[test]
    fn empty_text_keeps_its_label_and_tiny_widths_never_panic() {
        assert_eq!(plain(&wrap(vec![Span::raw("Tags ")], &[], 20)), ["Tags "]);
        for width in 0..4 {
            let lines = wrap(vec![Span::raw("Who ")], &[Span::raw("Ab cd ef")], width);
            assert!(!lines.is_empty());
        }
    }
}
