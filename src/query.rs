//! Search queries: what a person types after `/` (or `list -q`), parsed into terms that all
//! must match.
//!
//! - a plain word matches as a substring of the title, place, tags, actor names, kind,
//!   source or quote, folded (see [`crate::fold`]) and ignoring case unless it has an
//!   upper-case letter (smart case);
//! - `"two words"` matches as one phrase;
//! - `@name` (or `actor:name`) matches actors, forgiving typos (see [`crate::actors`]);
//! - `2012`, `2012-08`, `2012-08-05`, `2010..2013`, `..2012` and `2012..` (or `year:...`)
//!   match events whose dates overlap;
//! - `kind:law`, `source:diplomat`, `tag:extradition`, `place:minsk` look in one field;
//! - `-word` or `!word` excludes; `a | b` matches either.
//!
//! What cannot be understood becomes a [`Problem`] that says what is wrong and where.

mod scope;

use scope::scoped;

use crate::date::{Day, DayRange, PartialDate};
use crate::fold::fold;
use crate::store::EventKind;

/// A field that `name:` scopes a word to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Source,
    Tag,
    Place,
}

/// One condition of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A word or phrase, folded; `case_sensitive` when it has an upper-case letter.
    Text {
        needle: String,
        case_sensitive: bool,
    },
    /// `@name`: events with an actor the name means.
    Actor(String),
    /// A year, month, day or range.
    Dates(DayRange),
    /// `kind:law`: events of one of these kinds.
    Kind(Vec<EventKind>),
    /// `source:`, `tag:` or `place:` with a folded, lower-case needle.
    In(Field, String),
    /// `-term`: events the term does not match.
    Not(Box<Term>),
    /// `a | b`: events either term matches.
    Either(Vec<Term>),
}

impl Term {
    /// Whether this term or one inside it is an `@name`.
    pub fn names_actors(&self) -> bool {
        match self {
            Self::Actor(_) => true,
            Self::Not(inner) => inner.names_actors(),
            Self::Either(terms) => terms.iter().any(Self::names_actors),
            _ => false,
        }
    }
}

/// Something in a query that could not be understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where it starts, in characters from the start of the query.
    pub column: usize,
    pub message: String,
}

/// A parsed query: every term must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
    /// What could not be understood (left out of `terms`).
    pub problems: Vec<Problem>,
}

impl Query {
    pub fn parse(input: &str) -> Self {
        let mut query = Self::default();
        let mut joining: Option<usize> = None;
        for (token, quoted, column) in tokens(input) {
            if !quoted && token == "|" {
                if query.terms.is_empty() || joining.is_some() {
                    query.problem(
                        column,
                        "`|` needs a term on each side, as in `minsk | bishkek`",
                    );
                }
                joining = Some(column);
                continue;
            }
            let term = match term(&token, quoted) {
                Ok(Some(term)) => term,
                Ok(None) => continue,
                Err(message) => {
                    query.problem(column, &message);
                    continue;
                }
            };
            match (joining.take(), query.terms.pop()) {
                (Some(_), Some(Term::Either(mut either))) => {
                    either.push(term);
                    query.terms.push(Term::Either(either));
                }
                (Some(_), Some(left)) => query.terms.push(Term::Either(vec![left, term])),
                (_, last) => query.terms.extend(last.into_iter().chain([term])),
            }
        }
        if let Some(column) = joining {
            query.problem(
                column,
                "`|` needs a term on each side, as in `minsk | bishkek`",
            );
        }
        query
    }

    fn problem(&mut self, column: usize, message: &str) {
        self.problems.push(Problem {
            column,
            message: message.to_owned(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The words and phrases to highlight where they match (not those excluded).
    pub fn highlights(&self) -> impl Iterator<Item = (&str, bool)> {
        fn texts<'q>(term: &'q Term, out: &mut Vec<(&'q str, bool)>) {
            match term {
                Term::Text {
                    needle,
                    case_sensitive,
                } => out.push((needle, *case_sensitive)),
                Term::In(_, needle) => out.push((needle, false)),
                Term::Either(terms) => terms.iter().for_each(|t| texts(t, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        self.terms.iter().for_each(|t| texts(t, &mut out));
        out.into_iter()
    }

    /// The problems in words: `column 3: ...`.
    pub fn describe_problems(&self) -> Option<String> {
        let all: Vec<String> = self
            .problems
            .iter()
            .map(|p| format!("column {}: {}", p.column + 1, p.message))
            .collect();
        (!all.is_empty()).then(|| all.join("; "))
    }
}

/// Splits on white space, keeping `"quoted phrases"` whole (an unclosed quote runs to the
/// end); each token with whether it was quoted and the column it starts at.
fn tokens(input: &str) -> Vec<(String, bool, usize)> {
    let mut out = Vec::new();
    let mut rest = input;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return out;
        }
        let column = input[..input.len() - rest.len()].chars().count();
        if let Some(inner) = rest.strip_prefix('"') {
            let end = inner.find('"').unwrap_or(inner.len());
            out.push((inner[..end].to_owned(), true, column));
            rest = inner.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            out.push((rest[..end].to_owned(), false, column));
            rest = &rest[end..];
        }
    }
}

fn term(token: &str, quoted: bool) -> Result<Option<Term>, String> {
    if token.trim().is_empty() {
        return Ok(None);
    }
    if quoted {
        return Ok(Some(text(
            &token.split_whitespace().collect::<Vec<_>>().join(" "),
        )));
    }
    if let Some(rest) = token.strip_prefix(['-', '!'])
        && !rest.is_empty()
        && !rest.starts_with(['-', '!'])
    {
        let inner = term(rest, false)?.ok_or("nothing to exclude")?;
        return Ok(Some(Term::Not(Box::new(inner))));
    }
    if let Some(name) = token.strip_prefix('@') {
        return Ok((!name.is_empty()).then(|| Term::Actor(name.to_owned())));
    }
    if let Some((field, value)) = token.split_once(':')
        && let Some(scoped) = scoped(field, value)
    {
        return scoped.map(Some);
    }
    if looks_like_a_date(token) {
        return parse_dates(token).map(|r| Some(Term::Dates(r)));
    }
    Ok(Some(text(token)))
}

fn text(needle: &str) -> Term {
    let case_sensitive = needle.chars().any(char::is_uppercase);
    Term::Text {
        needle: fold(needle, !case_sensitive),
        case_sensitive,
    }
}

/// Four digits first (or `..` and a digit), and only digits, dashes and dots: meant as a date.
fn looks_like_a_date(token: &str) -> bool {
    let starts = token
        .get(..4)
        .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
        || token
            .strip_prefix("..")
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    starts
        && token
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'-' || b == b'.')
}

/// The first and last days any date can mean.
const EARLIEST: Day = Day {
    year: 0,
    month: 1,
    day: 1,
};
const LATEST: Day = Day {
    year: 9999,
    month: 12,
    day: 31,
};

/// `2012`, `2012-08`, `2012-08-05`, `FROM..TO`, `..TO` or `FROM..` as the days they cover,
/// or what is wrong with it.
pub fn parse_dates(text: &str) -> Result<DayRange, String> {
    let date = |t: &str| t.parse::<PartialDate>().map_err(|e| e.to_string());
    match text.split_once("..") {
        Some(("", "")) => Err("`..` needs a date on at least one side, as in `..2012`".into()),
        Some((from, to)) => {
            let first = if from.is_empty() {
                EARLIEST
            } else {
                date(from)?.first_day()
            };
            let last = if to.is_empty() {
                LATEST
            } else {
                date(to)?.last_day()
            };
            if first > last {
                return Err(format!(
                    "`{text}` is a reversed range; write `{to}..{from}`"
                ));
            }
            Ok(DayRange { first, last })
        }
        None => date(text).map(|d| DayRange::between(d, d)),
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
    fn operators_and_scopes() {
        let q = Query::parse(
            "-minsk !Tractor kind:law source:Diplomat tag:x place:minsk actor:putin year:2012..",
        );
        assert_eq!(q.terms[0], Term::Not(Box::new(text("minsk", false))));
        assert_eq!(q.terms[1], Term::Not(Box::new(text("Tractor", true))));
        assert_eq!(q.terms[2], Term::Kind(vec![EventKind::Law]));
        assert_eq!(q.terms[3], Term::In(Field::Source, "diplomat".into()));
        assert_eq!(q.terms[6], Term::Actor("putin".into()));
        assert!(q.problems.is_empty());
        let q = Query::parse("minsk | bishkek | osh 2012");
        assert_eq!(q.terms.len(), 2);
        assert_eq!(
            q.terms[0],
            Term::Either(vec![
                text("minsk", false),
                text("bishkek", false),
                text("osh", false)
            ])
        );
        assert_eq!(Query::parse("co-op - x").terms.len(), 3);
    }

    #[test]
    fn what_cannot_be_understood_says_what_and_where() {
        let problem = |q: &str| Query::parse(q).describe_problems().unwrap_or_default();
        assert_eq!(
            problem("minsk 2013..2010"),
            "column 7: `2013..2010` is a reversed range; write `2010..2013`"
        );
        assert!(
            problem("2015-13").contains("month 13"),
            "{}",
            problem("2015-13")
        );
        assert_eq!(
            problem("| minsk"),
            "column 1: `|` needs a term on each side, as in `minsk | bishkek`"
        );
        assert!(
            problem("kind:weather").starts_with("column 1: no kind `weather`; kinds are diplomacy")
        );
        assert_eq!(problem(".."), "");
        assert!(Query::parse("..2012").problems.is_empty());
        assert!(Query::parse("2012..").problems.is_empty());
    }

    #[test]
    fn odd_input_becomes_words_not_errors() {
        assert_eq!(Query::parse("@").terms, []);
        assert_eq!(
            Query::parse("\"unclosed phrase").terms,
            [text("unclosed phrase", false)]
        );
        assert_eq!(Query::parse("\"\"").terms, []);
        assert!(Query::parse("   ").is_empty());
    }
}
