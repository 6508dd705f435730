//! Which actors a typed name means: the one matcher behind `@name` and `actor:` in searches,
//! `list -a`, the sidebar's own `/` and "did you mean". It forgives what people get wrong
//! about foreign names: accents and case (folded), dropped letters (subsequences), and a
//! wrong, extra or swapped letter (edit distance over name words), ranked so the closest
//! kind of match wins: exact, then prefix, then subsequence, then typo.

use std::collections::HashMap;

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
    /// Per actor: the distinct words of those names, as numbers in `vocabulary`.
    words: Vec<Vec<u32>>,
    /// Every distinct word of every actor's names, once: many actors share words (`Bakiyev`,
    /// `Republic`), so a keystroke compares each word once, not once per actor.
    vocabulary: Vec<Word>,
    /// Per actor: the letters of all its names. An exact, prefix or subsequence match needs
    /// every letter typed among them, which rules out most actors at the cost of one `and`.
    letters: Vec<u64>,
}

/// A word of an actor's names, with the set of its letters (hashed into 64 bits) that rules
/// out most words for a typo before an edit distance is worked out.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    letters: u64,
}

/// The letters of `word` as a set of 64 (letters that share a bit only make the set smaller,
/// so a difference between two sets is never larger than between the letters).
fn letters(word: &str) -> u64 {
    word.chars()
        .fold(0, |set, c| set | 1 << (u32::from(c) % 64))
}

impl ActorNames {
    pub fn new(actors: &[Actor]) -> Self {
        let names: Vec<Vec<String>> = actors
            .iter()
            .map(|a| {
                std::iter::once(a.id.as_str())
                    .chain(a.names())
                    .map(|n| fold(n, true))
                    .collect()
            })
            .collect();
        let mut numbers: HashMap<&str, u32> = HashMap::new();
        let mut vocabulary = Vec::new();
        let words = names
            .iter()
            .map(|names| {
                let mut words: Vec<u32> = names
                    .iter()
                    .flat_map(|n| n.split(|c: char| !c.is_alphanumeric()))
                    .filter(|w| !w.is_empty())
                    .map(|w| {
                        *numbers.entry(w).or_insert_with(|| {
                            vocabulary.push(Word {
                                text: w.to_owned(),
                                letters: letters(w),
                            });
                            u32::try_from(vocabulary.len() - 1).unwrap_or(u32::MAX)
                        })
                    })
                    .collect();
                words.sort_unstable();
                words.dedup();
                words
            })
            .collect();
        let letters = names
            .iter()
            .map(|names| names.iter().fold(0, |set, n| set | letters(n)))
            .collect();
        Self {
            names,
            words,
            vocabulary,
            letters,
        }
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
        let scores: Vec<f64> = (self.vocabulary.iter())
            .map(|w| strsim::jaro_winkler(&w.text, typed))
            .collect();
        let scores = &scores;
        self.words
            .iter()
            .enumerate()
            .flat_map(|(a, words)| words.iter().map(move |&w| (scores[w as usize], a)))
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
        let typed = Typed {
            letters: letters(&typed),
            text: typed,
            chars,
            matcher: SkimMatcherV2::default(),
        };
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
            let has_letters =
                |a: &usize| closeness == Closeness::Typo || typed.letters & !self.letters[*a] == 0;
            let words = self.word_scores(closeness, &typed);
            let mut found: Vec<(ActorId, i64)> = self
                .names
                .iter()
                .enumerate()
                .filter(|(a, _)| has_letters(a))
                .filter_map(|(a, names)| {
                    Some((a, score(closeness, names, &self.words[a], &words, &typed)?))
                })
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

impl ActorNames {
    /// Per word of the vocabulary, how well it matches for `closeness` (prefix: 1 when it
    /// starts with what was typed; typo: the edit distance, when close enough), or `None`.
    fn word_scores(&self, closeness: Closeness, typed: &Typed) -> Vec<Option<i64>> {
        let text = typed.text.as_str();
        let allowed = if typed.chars < 6 { 1 } else { 2 };
        // Each edit adds at most one letter the other lacks, and takes away at most one.
        let near = |w: &Word| {
            w.text.len().abs_diff(text.len()) <= allowed
                && (typed.letters & !w.letters).count_ones() as usize <= allowed
                && (w.letters & !typed.letters).count_ones() as usize <= allowed
        };
        let score = |w: &Word| match closeness {
            Closeness::Prefix => w.text.starts_with(text).then_some(1),
            Closeness::Typo if near(w) => {
                let distance = damerau_levenshtein(&w.text, text);
                (distance <= allowed).then_some(distance as i64)
            }
            _ => None,
        };
        match closeness {
            Closeness::Prefix | Closeness::Typo => self.vocabulary.iter().map(score).collect(),
            Closeness::Exact | Closeness::Subsequence => Vec::new(),
        }
    }
}

/// What was typed, folded, with what every actor's score needs of it.
struct Typed {
    text: String,
    chars: usize,
    letters: u64,
    matcher: SkimMatcherV2,
}

/// How well an actor's `names` (and their `words`, scored in `scores`) match in one kind of
/// match (lower is better), or `None`.
fn score(
    closeness: Closeness,
    names: &[String],
    words: &[u32],
    scores: &[Option<i64>],
    typed: &Typed,
) -> Option<i64> {
    let word = |w: &u32| scores[*w as usize];
    let (typed, matcher) = (typed.text.as_str(), &typed.matcher);
    match closeness {
        Closeness::Exact => names.iter().any(|n| n == typed).then_some(0),
        Closeness::Prefix => {
            if names.iter().any(|n| n.starts_with(typed)) {
                Some(0)
            } else {
                words.iter().find_map(word)
            }
        }
        Closeness::Subsequence => names
            .iter()
            .filter(|n| is_subsequence(typed, n))
            .filter_map(|n| matcher.fuzzy_match(n, typed))
            .max()
            .map(|s| -s),
        Closeness::Typo => words.iter().filter_map(word).min(),
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
