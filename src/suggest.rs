//! What to say when nothing matches: each word of the query that no event has, with the
//! nearest words of the index's vocabulary, and each `@name` that no actor answers to, with
//! the actor matcher's nearest actor. `list` prints it on stderr; the explorer's status
//! line shows it after Enter.

use crate::actors::ActorNames;
use crate::fold::fold;
use crate::index::{Index, tokens};
use crate::query::{Query, Term};
use crate::store::Store;

/// Words "did you mean" offers for one unknown word.
const NEAREST_WORDS: usize = 3;

/// Why `query` may match nothing, in words: `no event has “minks” (did you mean minsk?)`,
/// `no actor is “zzyzx”`, joined with `; `. Empty when every word and name is known (the
/// terms just match no event together).
pub fn did_you_mean(store: &Store, index: &Index, names: &ActorNames, query: &Query) -> String {
    let mut said = Vec::new();
    for term in &query.terms {
        unknown(store, index, names, term, &mut said);
    }
    said.dedup();
    said.join("; ")
}

/// What is unknown in `term`; an exclusion cannot be why nothing matches, so it is left out.
fn unknown(store: &Store, index: &Index, names: &ActorNames, term: &Term, said: &mut Vec<String>) {
    match term {
        Term::Text { needle, .. } => {
            let folded = fold(needle, true);
            for word in tokens(&folded) {
                if !index.words.containing(word).is_empty() {
                    continue;
                }
                let near = index.words.nearest(word, NEAREST_WORDS);
                said.push(format!("no event has “{word}”{}", offer(&near)));
            }
        }
        Term::Actor(typed) if names.matching(typed).is_empty() => {
            let near = names.suggest(typed).map(|a| store.actors[a].name.as_str());
            let near: Vec<&str> = near.into_iter().collect();
            said.push(format!("no actor is “{}”{}", typed.trim(), offer(&near)));
        }
        Term::Either(terms) => {
            for term in terms {
                unknown(store, index, names, term, said);
            }
        }
        _ => {}
    }
}

fn offer(near: &[&str]) -> String {
    if near.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", near.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(text: &str) -> String {
        let store = Store::bundled();
        let index = Index::new(&store);
        let names = ActorNames::new(&store.actors);
        did_you_mean(&store, &index, &names, &Query::parse(text))
    }

    #[test]
    fn unknown_words_and_actors_are_named_with_the_nearest() {
        assert_eq!(
            said("minks"),
            "no event has “minks” (did you mean minsk, links?)",
            "the nearest, then the commonest"
        );
        assert_eq!(said("minsk"), "", "known");
        assert_eq!(said("-minks"), "", "an exclusion is never why");
        assert_eq!(said("qqqqqqq"), "no event has “qqqqqqq”");
        assert!(
            said("@zzyzx").starts_with("no actor is “zzyzx”"),
            "{}",
            said("@zzyzx")
        );
        assert_eq!(
            said("bishkekk | minks"),
            "no event has “bishkekk” (did you mean bishkek?); \
             no event has “minks” (did you mean minsk, links?)"
        );
    }
}
