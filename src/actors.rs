//! Which actors a typed name means: the one matcher behind `@name` and `actor:` in searches,
//! `list -a`, the sidebar's own `/` and "did you mean". It forgives what people get wrong
//! about foreign names: accents and case (folded), dropped letters (subsequences), and a
//! wrong, extra or swapped letter (edit distance over name words), ranked so the closest
//! kind of match wins: exact, then prefix, then subsequence, then typo.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use strsim::damerau_levenshtein;

use crate::fold::{Folded, fold};
use crate::store::{Actor, ActorId};

/// How an actor matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Closeness {
    /// The id, name, short name or an alias, whole.
    Exact,
    /// The start of a name, or of a word of one.
    Prefix,
    /// Every letter in order, with others between.
    Subsequence,
    /// A word of a name with a letter or two wrong, missing, extra or swapped.
    Typo,
}

/// Actors' names folded once, so each keystroke only compares.
#[derive(Debug, Clone, Default)]
pub struct ActorNames {
    /// Per actor: its id and names, folded.
    names: Vec<Vec<String>>,
}

impl ActorNames {
    pub fn new(actors: &[Actor]) -> Self {
        let names = actors
            .iter()
            .map(|a| {
                std::iter::once(a.id.as_str())
                    .chain(a.names())
                    .map(|n| fold(n, true))
                    .collect()
            })
            .collect();
        Self { names }
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The actors `typed` means, closest first: only those of the closest kind of match
    /// (so `@ru` finds Russia, not every name with an r and a u), best scored first.
    pub fn matching(&self, typed: &str) -> Vec<ActorId> {
        self.ranked(typed)
            .map(|(_, found)| found.into_iter().map(|(a, _)| a).collect())
            .unwrap_or_default()
    }

    /// For a name that matches no one, the actor with the word closest to it (Jaro-Winkler),
    /// if any is at all close.
    pub fn suggest(&self, typed: &str) -> Option<ActorId> {
        let typed = &fold(typed.trim(), true);
        self.names
            .iter()
            .enumerate()
            .flat_map(|(a, names)| {
                names
                    .iter()
                    .flat_map(|n| n.split(|c: char| !c.is_alphanumeric()))
                    .map(move |w| (strsim::jaro_winkler(w, typed), a))
            })
            .filter(|&(score, _)| score >= 0.7)
            .max_by(|x, y| x.0.total_cmp(&y.0))
            .map(|(_, a)| a)
    }

    /// The closest kind of match and its actors with a score (lower is better).
    pub fn ranked(&self, typed: &str) -> Option<(Closeness, Vec<(ActorId, i64)>)> {
        let typed = fold(typed.trim(), true);
        let chars = typed.chars().count();
        if chars == 0 {
            return None;
        }
        let tiers: [(Closeness, usize); 4] = [
            (Closeness::Exact, 1),
            (Closeness::Prefix, 1),
            (Closeness::Subsequence, 3),
            (Closeness::Typo, 4),
        ];
        for (closeness, min_chars) in tiers {
            if chars < min_chars {
                continue;
            }
            let mut found: Vec<(ActorId, i64)> = self
                .names
                .iter()
                .enumerate()
                .filter_map(|(a, names)| Some((a, score(closeness, names, &typed, chars)?)))
                .collect();
            if found.is_empty() {
                continue;
            }
            let best = found.iter().map(|&(_, s)| s).min().unwrap_or(0);
            found.retain(|&(_, s)| keep(closeness, s, best));
            found.sort_by_key(|&(a, s)| (s, self.names[a][1].len(), a));
            return Some((closeness, found));
        }
        None
    }
}

/// How well `names` match in one kind of match (lower is better), or `None`.
fn score(closeness: Closeness, names: &[String], typed: &str, chars: usize) -> Option<i64> {
    let words = || {
        names
            .iter()
            .flat_map(|n| n.split(|c: char| !c.is_alphanumeric()))
    };
    match closeness {
        Closeness::Exact => names.iter().any(|n| n == typed).then_some(0),
        Closeness::Prefix => {
            if names.iter().any(|n| n.starts_with(typed)) {
                Some(0)
            } else {
                words().any(|w| w.starts_with(typed)).then_some(1)
            }
        }
        Closeness::Subsequence => {
            let matcher = SkimMatcherV2::default();
            names
                .iter()
                .filter(|n| is_subsequence(typed, n))
                .filter_map(|n| matcher.fuzzy_match(n, typed))
                .max()
                .map(|s| -s)
        }
        Closeness::Typo => {
            let allowed = if chars < 6 { 1 } else { 2 };
            words()
                .filter(|w| w.len().abs_diff(typed.len()) <= allowed)
                .map(|w| damerau_levenshtein(w, typed))
                .filter(|&d| d <= allowed)
                .min()
                .map(|d| d as i64)
        }
    }
}

/// Which matches of a kind stay beside the best one: subsequences scoring at least 80% of it
/// (so `@bakiev` finds both Bakiyevs but not the scattered letters of "Kubanychbek
/// Omuraliev"), typos as close as the closest, every exact or prefix match.
fn keep(closeness: Closeness, score: i64, best: i64) -> bool {
    match closeness {
        Closeness::Exact | Closeness::Prefix => true,
        Closeness::Subsequence => -score * 5 >= -best * 4,
        Closeness::Typo => score == best,
    }
}

/// Which characters of `name` to highlight for what was `typed`, by character index: where
/// the folded text holds it whole, else its letters in order, else the word of the name
/// closest to it (a typo). Empty when `typed` matched another of the actor's names.
pub fn marks(name: &str, typed: &str) -> Vec<usize> {
    let folded = Folded::new(name, true);
    let typed = fold(typed.trim(), true);
    if typed.is_empty() {
        return Vec::new();
    }
    let text = folded.text.as_str();
    let ranges: Vec<(usize, usize)> = if let Some(at) = text.find(&typed) {
        vec![(at, at + typed.len())]
    } else if is_subsequence(&typed, text) {
        let mut rest = text.char_indices();
        typed
            .chars()
            .filter_map(|c| {
                rest.find(|&(_, h)| h == c)
                    .map(|(at, h)| (at, at + h.len_utf8()))
            })
            .collect()
    } else {
        let mut at = 0;
        text.split(|c: char| !c.is_alphanumeric())
            .map(|w| {
                let start = at;
                at += w.len() + 1;
                (start, w)
            })
            .map(|(start, w)| (damerau_levenshtein(w, &typed), start, w.len()))
            .filter(|&(distance, _, len)| len > 0 && distance <= 2)
            .min()
            .map(|(_, start, len)| (start, start + len))
            .into_iter()
            .collect()
    };
    let bytes: Vec<(usize, usize)> = ranges
        .into_iter()
        .map(|(from, to)| folded.original(from, to))
        .collect();
    name.char_indices()
        .enumerate()
        .filter(|(_, (at, _))| bytes.iter().any(|(from, to)| (from..to).contains(&at)))
        .map(|(i, _)| i)
        .collect()
}

fn is_subsequence(needle: &str, haystack: &str) -> bool {
    let mut rest = haystack.chars();
    needle.chars().all(|c| rest.any(|h| h == c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn names(typed: &str) -> Vec<String> {
        let store = Store::bundled();
        ActorNames::new(&store.actors)
            .matching(typed)
            .into_iter()
            .map(|a| store.actors[a].name.clone())
            .collect()
    }

    #[test]
    fn typos_find_the_actor_people_meant() {
        for typed in ["lukashenka", "lukaschenko", "lukashanko", "Lukashenko"] {
            assert_eq!(names(typed), ["Alexander Lukashenko"], "{typed}");
        }
        for typed in ["bakijev", "bakiyef", "bakiev"] {
            let found = names(typed);
            assert!(
                found.contains(&"Kurmanbek Bakiyev".to_owned()),
                "{typed}: {found:?}"
            );
            assert!(
                found.contains(&"Janysh Bakiyev".to_owned()),
                "{typed}: {found:?}"
            );
            assert_eq!(found.len(), 2, "{typed}: {found:?}");
        }
        assert_eq!(names("putim"), ["Vladimir Putin"]);
        let kirgiz = names("kirgiz");
        assert_eq!(kirgiz[0], "Kyrgyz Republic", "{kirgiz:?}");
        assert!(!names("kirgiz").is_empty());
    }

    #[test]
    fn short_queries_match_few_actors_closest_first() {
        let found = names("ru");
        assert!(found[0].starts_with("Russia"), "{found:?}");
        assert!(found.len() <= 3, "{found:?}");
        assert!(names("zq").is_empty());
    }

    #[test]
    fn marks_show_what_matched_in_the_name() {
        assert_eq!(
            marks("Alexander Lukashenko", "luka"),
            (10..14).collect::<Vec<_>>()
        );
        assert_eq!(
            marks("Péter Szijjártó", "peter"),
            (0..5).collect::<Vec<_>>()
        );
        assert_eq!(marks("Kurmanbek Bakiyev", "kbak"), [0, 6, 11, 12]);
        // A typo marks the word it is closest to.
        assert_eq!(
            marks("Alexander Lukashenko", "lukashenka"),
            (10..20).collect::<Vec<_>>()
        );
        assert!(marks("Anyone", "").is_empty());
    }
}
