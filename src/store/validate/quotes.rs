//! Quotes: every quote must appear in its source's text, when the store has that text.

use rustc_hash::FxHashMap;

use super::{Checker, Item, Subject};
use crate::store::{EventEntry, StoreFile};
use crate::text::squash_whitespace;

impl Checker<'_> {
    pub(super) fn quote_not_in_source(
        &mut self,
        item: Item,
        subject: &Subject,
        source: &str,
        miss: Miss,
    ) {
        let field = self.field(item, "quote");
        self.error(
            field,
            format!("{subject}: quote is not in the text of source \"{source}\""),
        )
        .help = Some(format!(
            "the first {} characters match; it differs from \"{}\". Copy quotes character for character (curly quotes and dashes included); only white space may differ",
            miss.matched, miss.differs
        ));
    }
}

/// How a quote fails to be in its source's text.
pub(super) struct Miss {
    /// How many of its characters (white space squashed) do match from the start.
    matched: usize,
    /// Up to 24 characters from where it stops matching.
    differs: String,
}

/// A source's text with white space squashed, for checking quotes. A text many quotes
/// cite gets a suffix table, so checking a million quotes stays fast.
enum SourceText {
    Plain(String),
    Table(suffix::SuffixTable<'static, 'static>),
}

impl SourceText {
    fn contains(&self, needle: &str) -> bool {
        match self {
            Self::Plain(text) => text.contains(needle),
            Self::Table(table) => table.contains(needle),
        }
    }
}

pub(super) struct SourceTexts {
    texts: Vec<Option<SourceText>>,
}

impl SourceTexts {
    pub(super) fn new(
        file: &StoreFile,
        entries: &[EventEntry],
        source_ids: &FxHashMap<&str, usize>,
    ) -> Self {
        let mut citations = vec![0usize; file.sources.len()];
        for entry in entries {
            if let Some(&s) = source_ids.get(entry.source.as_str()) {
                citations[s] += 1;
            }
        }
        let texts = file
            .sources
            .iter()
            .zip(citations)
            .map(|(source, cited)| {
                let text = squash_whitespace(source.text.as_deref()?);
                // A plain search costs about the text's length per quote.
                Some(if cited.saturating_mul(text.len()) > 1 << 24 {
                    SourceText::Table(suffix::SuffixTable::new(text))
                } else {
                    SourceText::Plain(text)
                })
            })
            .collect();
        Self { texts }
    }

    /// Whether `quote` is missing from the text of source `source`, and how.
    pub(super) fn misses(&self, source: usize, quote: &str) -> Option<Miss> {
        let text = self.texts[source].as_ref()?;
        let quote = squash_whitespace(quote);
        if text.contains(&quote) {
            return None;
        }
        let chars: Vec<(usize, char)> = quote.char_indices().collect();
        let matched = chars.partition_point(|&(i, c)| text.contains(&quote[..i + c.len_utf8()]));
        let differs = quote.chars().skip(matched).take(24).collect();
        Some(Miss { matched, differs })
    }
}
