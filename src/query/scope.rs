//! Field scopes in a query: `kind:`, `source:`, `tag:`, `place:`, `actor:` and `year:`.

use super::{Field, Term, parse_dates};
use crate::fold::fold;
use crate::store::EventKind;

/// `field:value`, if `field` is one evex knows.
pub(super) fn scoped(field: &str, value: &str) -> Option<Result<Term, String>> {
    let field = field.to_ascii_lowercase();
    let known = ["kind", "source", "tag", "place", "actor", "year"];
    if !known.contains(&field.as_str()) {
        return None;
    }
    if value.is_empty() {
        return Some(Err(format!(
            "`{field}:` needs a value, as in `{field}:{}`",
            example(&field)
        )));
    }
    let folded = fold(value, true);
    Some(Ok(match field.as_str() {
        "kind" => {
            let kinds: Vec<EventKind> = EventKind::ALL
                .into_iter()
                .filter(|k| fold(&format!("{k:?}"), true).starts_with(&folded))
                .collect();
            if kinds.is_empty() {
                let all: Vec<String> = EventKind::ALL
                    .iter()
                    .map(|k| fold(&format!("{k:?}"), true))
                    .collect();
                return Some(Err(format!(
                    "no kind `{value}`; kinds are {}",
                    all.join(", ")
                )));
            }
            Term::Kind(kinds)
        }
        "source" => Term::In(Field::Source, folded),
        "tag" => Term::In(Field::Tag, folded),
        "place" => Term::In(Field::Place, folded),
        "actor" => Term::Actor(value.to_owned()),
        _ => return Some(parse_dates(value).map(Term::Dates)),
    }))
}

fn example(field: &str) -> &'static str {
    match field {
        "kind" => "law",
        "source" => "diplomat",
        "tag" => "extradition",
        "place" => "minsk",
        "actor" => "lukashenko",
        _ => "2010..2013",
    }
}
