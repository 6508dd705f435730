//! Text folding: what a person types on any keyboard matches what the source printed.
//! Curly quotes become straight ones, every dash a hyphen, every space a plain space,
//! letters lose their accents (Péter = Peter, Spärck = Sparck) and, ignoring case, become
//! lower-case. The index, the engine and the query all fold with this one function; stored
//! text is never changed, and [`Folded`] maps positions back to it for highlighting.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Appends `c` folded to `out`: nothing for a combining mark, one or more chars otherwise.
pub fn fold_char(c: char, ignore_case: bool, out: &mut String) {
    match c {
        '\'' | '`' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{B4}' => {
            out.push('\'');
        }
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{AB}'
        | '\u{BB}' => out.push('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
            out.push('-');
        }
        c if c.is_ascii_whitespace() => out.push(' '),
        c if c.is_ascii() => out.push(if ignore_case {
            c.to_ascii_lowercase()
        } else {
            c
        }),
        c if c.is_whitespace() => out.push(' '),
        // Hangul syllables would decompose into jamo; they carry no accents to drop.
        '\u{AC00}'..='\u{D7A3}' => out.push(c),
        c => decompose_canonical(c, |d| push_letter(d, ignore_case, out)),
    }
}

/// One char of a canonical decomposition: marks dropped, lower-cased if asked.
fn push_letter(d: char, ignore_case: bool, out: &mut String) {
    if is_combining_mark(d) {
        return;
    }
    if !ignore_case {
        out.push(d);
        return;
    }
    if d == 'ς' {
        // The final sigma is a sigma wherever it stands.
        out.push('σ');
        return;
    }
    for l in d.to_lowercase().filter(|&l| !is_combining_mark(l)) {
        out.push(l);
    }
}

/// Replaces `out` with `text` folded.
pub fn fold_into(text: &str, ignore_case: bool, out: &mut String) {
    out.clear();
    if text.is_ascii() && !text.bytes().any(|b| b == b'`' || b.is_ascii_whitespace()) {
        out.push_str(text);
        if ignore_case {
            out.make_ascii_lowercase();
        }
        return;
    }
    for c in text.chars() {
        fold_char(c, ignore_case, out);
    }
}

/// `text` folded.
pub fn fold(text: &str, ignore_case: bool) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, ignore_case, &mut out);
    out
}

/// A text folded, with where each of its chars came from.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    /// Per char of the original: (its start in the original, its start in `text`).
    starts: Vec<(usize, usize)>,
    original_len: usize,
}

impl Folded {
    pub fn new(original: &str, ignore_case: bool) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut starts = Vec::with_capacity(original.len());
        for (at, c) in original.char_indices() {
            starts.push((at, text.len()));
            fold_char(c, ignore_case, &mut text);
        }
        Self {
            text,
            starts,
            original_len: original.len(),
        }
    }

    /// The range of the original text that the folded range `from..to` (non-empty, within
    /// `text`) came from: whole chars, with the marks that folded away after its end.
    pub fn original(&self, from: usize, to: usize) -> (usize, usize) {
        // The char whose folded text holds `from`: the last one starting at or before it.
        let first = self.starts.partition_point(|&(_, f)| f <= from) - 1;
        let mut last = self.starts.partition_point(|&(_, f)| f < to);
        // Marks that folded to nothing belong to the char before them.
        while self.starts.get(last).is_some_and(|&(_, f)| {
            let next = self
                .starts
                .get(last + 1)
                .map_or(self.text.len(), |&(_, n)| n);
            f == next
        }) {
            last += 1;
        }
        let end = self.starts.get(last).map_or(self.original_len, |&(o, _)| o);
        (self.starts[first].0, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_dashes_accents_and_case_fold() {
        assert_eq!(
            fold("Belarus’s “Péter” – Spärck", true),
            "belarus's \"peter\" - sparck"
        );
        assert_eq!(fold("Belarus’s Péter", false), "Belarus's Peter");
        assert_eq!(fold("İK\u{212A}\u{2126}\u{212B}ẞ", true), "ikkωaß");
        assert_eq!(fold("ΟΔΟΣ οδος", true), "οδοσ οδοσ");
        assert_eq!(fold("a\u{a0}b\u{3000}c\td", true), "a b c d");
        assert_eq!(fold("한국어", true), "한국어");
    }

    #[test]
    fn folded_ranges_map_to_whole_original_chars() {
        let text = "xİKe\u{301}y";
        let folded = Folded::new(text, true);
        assert_eq!(folded.text, "xikey");
        let find = |needle: &str| {
            let at = folded.text.find(needle).unwrap();
            let (from, to) = folded.original(at, at + needle.len());
            &text[from..to]
        };
        assert_eq!(find("ik"), "İK");
        assert_eq!(find("e"), "e\u{301}");
        assert_eq!(find("y"), "y");
    }
}
