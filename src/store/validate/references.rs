//! References: an event naming an actor or source the store does not have, with a suggestion.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::{Checker, Item, Subject};

impl Checker<'_> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn unknown<'n>(
        &mut self,
        item: Item,
        field: &str,
        subject: &Subject,
        kind: &str,
        name: &str,
        known: impl Iterator<Item = (&'n str, &'n str)>,
    ) {
        let offset = self.at.value_in_field(self.place(item), field, name);
        let help = match suggest(name, known) {
            Some(best) => format!("did you mean \"{best}\"?"),
            None => format!("no {kind} has that id: add one to `{kind}s`, or use an existing id"),
        };
        self.error(offset, format!("{subject}: unknown {kind} \"{name}\""))
            .help = Some(help);
    }
}

/// The known id closest to `name`: a fuzzy match on the id or display name first (for
/// abbreviations like "lukash"), else the closest spelling (for typos like "lukashenka").
fn suggest<'n>(name: &str, known: impl Iterator<Item = (&'n str, &'n str)>) -> Option<&'n str> {
    let matcher = SkimMatcherV2::default();
    let known: Vec<(&str, &str)> = known.collect();
    let fuzzy = known
        .iter()
        .filter_map(|&(id, label)| {
            let score = matcher
                .fuzzy_match(id, name)
                .max(matcher.fuzzy_match(label, name))?;
            Some((score, id))
        })
        .max_by_key(|&(score, _)| score);
    fuzzy.map(|(_, id)| id).or_else(|| {
        known
            .iter()
            .map(|&(id, _)| (strsim::normalized_damerau_levenshtein(id, name), id))
            .filter(|&(similarity, _)| similarity >= 0.5)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, id)| id)
    })
}
