//! Search queries: what a person types after `/`, parsed into terms that all must match.
//!
//! - a plain word matches as a substring of the title, place, tags, actor names or quote,
//!   ignoring case unless it has an upper-case letter (smart case);
//! - `"two words"` matches as one phrase;
//! - `@name` matches actors fuzzily by name or alias;
//! - `2012`, `2012-08`, `2012-08-05` and `2010..2013` match events whose dates overlap.

use crate::date::{DayRange, PartialDate};
use crate::fold::fold;

/// One condition of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A word or phrase; `case_sensitive` when it has an upper-case letter.
    Text {
        needle: String,
        case_sensitive: bool,
    },
    /// `@name`: events with an actor whose name or alias fuzzily matches.
    Actor(String),
    /// A year, month, day or range of years.
    Dates(DayRange),
}

/// A parsed query: every term must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
}

impl Query {
    pub fn parse(input: &str) -> Self {
        let terms = tokens(input)
            .into_iter()
            .filter_map(|(token, quoted)| term(&token, quoted))
            .collect();
        Self { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The words and phrases to highlight where they match.
    pub fn highlights(&self) -> impl Iterator<Item = (&str, bool)> {
        self.terms.iter().filter_map(|t| match t {
            Term::Text {
                needle,
                case_sensitive,
            } => Some((needle.as_str(), *case_sensitive)),
            _ => None,
        })
    }
}

/// Splits on white space, keeping `"quoted phrases"` whole (an unclosed quote runs to the end).
fn tokens(input: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut rest = input;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return out;
        }
        if let Some(inner) = rest.strip_prefix('"') {
            let end = inner.find('"').unwrap_or(inner.len());
            out.push((inner[..end].to_owned(), true));
            rest = inner.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            out.push((rest[..end].to_owned(), false));
            rest = &rest[end..];
        }
    }
}

fn term(token: &str, quoted: bool) -> Option<Term> {
    if token.trim().is_empty() {
        return None;
    }
    if !quoted {
        if let Some(name) = token.strip_prefix('@') {
            return (!name.is_empty()).then(|| Term::Actor(name.to_owned()));
        }
        if let Some(range) = parse_dates(token) {
            return Some(Term::Dates(range));
        }
    }
    let needle = if quoted {
        token.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        token.to_owned()
    };
    let case_sensitive = needle.chars().any(char::is_uppercase);
    let needle = fold(&needle, !case_sensitive);
    Some(Term::Text {
        needle,
        case_sensitive,
    })
}

/// `2012`, `2012-08`, `2012-08-05` or `FROM..TO` (years or finer) as the days they cover.
pub fn parse_dates(text: &str) -> Option<DayRange> {
    match text.split_once("..") {
        Some((from, to)) => {
            let (from, to) = (
                from.parse::<PartialDate>().ok()?,
                to.parse::<PartialDate>().ok()?,
            );
            let range = DayRange::between(from, to);
            (range.first <= range.last).then_some(range)
        }
        None => text
            .parse::<PartialDate>()
            .ok()
            .map(|d| DayRange::between(d, d)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(needle: &str, case_sensitive: bool) -> Term {
        Term::Text {
            needle: needle.into(),
            case_sensitive,
        }
    }

    #[test]
    fn words_phrases_actors_and_dates() {
        let q =
            Query::parse(r#"  Minsk "foreign   agents" @lukash 2012 2010..2013 2012-08 tractor "#);
        assert_eq!(q.terms[0], text("Minsk", true));
        assert_eq!(q.terms[1], text("foreign agents", false));
        assert_eq!(q.terms[2], Term::Actor("lukash".into()));
        assert_eq!(q.terms[3], Term::Dates(parse_dates("2012").unwrap()));
        assert_eq!(q.terms[4], Term::Dates(parse_dates("2010..2013").unwrap()));
        assert_eq!(q.terms[5], Term::Dates(parse_dates("2012-08").unwrap()));
        assert_eq!(q.terms[6], text("tractor", false));
    }

    #[test]
    fn odd_input_becomes_words_not_errors() {
        assert_eq!(Query::parse("2015-13").terms, [text("2015-13", false)]);
        assert_eq!(
            Query::parse("2013..2010").terms,
            [text("2013..2010", false)]
        );
        assert_eq!(Query::parse("@").terms, []);
        assert_eq!(
            Query::parse("\"unclosed phrase").terms,
            [text("unclosed phrase", false)]
        );
        assert_eq!(Query::parse("\"\"").terms, []);
        assert!(Query::parse("   ").is_empty());
    }
}
