//! Any CSV/TSV with a header (and JSON objects read like one), mapped by `--map` or by
//! obvious header names.

use std::io::BufRead;

use super::build::{Draft, SourceRef};
use super::columns::{ColumnMap, Header, value};
use super::rows::{Kept, Rows};
use super::{Builder, ImportError, Options, dates};
use crate::store::EventKind;

/// Header names that obviously hold a field, tried in order.
const OBVIOUS: [(&str, &[&str]); 14] = [
    (
        "id",
        &["id", "event_id", "eventid", "uid", "unique_id", "key"],
    ),
    (
        "date",
        &[
            "date",
            "start_date",
            "start",
            "started",
            "event_date",
            "when",
            "day",
            "begin",
            "from",
            "year",
        ],
    ),
    (
        "end",
        &["end_date", "end", "ended", "until", "finish", "to"],
    ),
    (
        "title",
        &[
            "title", "headline", "name", "event", "summary", "subject", "what",
        ],
    ),
    ("kind", &["kind"]),
    (
        "category",
        &["category", "type", "event_type", "group", "class"],
    ),
    (
        "actors",
        &[
            "actors",
            "actor",
            "actor1",
            "actor2",
            "who",
            "whom",
            "participants",
            "people",
            "parties",
        ],
    ),
    (
        "place",
        &["place", "location", "where", "city", "region", "country"],
    ),
    ("source", &["source", "publisher", "outlet"]),
    ("url", &["url", "link", "source_url", "href"]),
    ("quote", &["quote", "quotation"]),
    (
        "notes",
        &[
            "notes",
            "note",
            "description",
            "text",
            "details",
            "body",
            "comment",
        ],
    ),
    ("tags", &["tags", "keywords", "labels"]),
    ("circa", &["circa", "approximate"]),
];

/// Fields that take every matching column (joined); the others take the first.
const MANY: [&str; 3] = ["actors", "place", "tags"];

/// A table's columns resolved to fields.
pub struct Generic {
    fields: Vec<(&'static str, Vec<usize>)>,
    extra: Kept,
}

impl Generic {
    /// Resolves `--map`, or guesses from header names; says which columns there are when
    /// there is no date column.
    pub fn new(header: &Header, map: Option<&ColumnMap>, name: &str) -> Result<Self, ImportError> {
        // Columns the person named first; then obvious names for the fields left, from the
        // columns left.
        let mut fields: Vec<(&'static str, Option<Vec<usize>>)> = Vec::new();
        for (field, _) in OBVIOUS {
            let named = match map.and_then(|m| m.get(field)) {
                Some(wanted) => Some(
                    wanted
                        .iter()
                        .map(|w| header.find(w).ok_or_else(|| no_column(header, w)))
                        .collect::<Result<Vec<_>, _>>()?,
                ),
                None => None,
            };
            fields.push((field, named));
        }
        let mut used: Vec<usize> = fields
            .iter()
            .flat_map(|(_, c)| c.iter().flatten().copied())
            .collect();
        let fields: Vec<(&'static str, Vec<usize>)> = fields
            .into_iter()
            .zip(OBVIOUS)
            .map(|((field, named), (_, names))| {
                let columns = named.unwrap_or_else(|| {
                    let found = header
                        .find_all(names)
                        .into_iter()
                        .filter(|i| !used.contains(i));
                    let take = if MANY.contains(&field) { usize::MAX } else { 1 };
                    let found: Vec<usize> = found.take(take).collect();
                    used.extend(&found);
                    found
                });
                (field, columns)
            })
            .collect();
        if fields[1].1.is_empty() {
            return Err(ImportError::unreadable(
                format!("no column of {name} says when events happened"),
                format!(
                    "the columns are {}; say which is the date, e.g. --map date={},title={}",
                    header.names.join(", "),
                    header.names.first().map_or("DATE", String::as_str),
                    header.names.get(1).map_or("TITLE", String::as_str),
                ),
            ));
        }
        let kept = (0..header.names.len())
            .filter(|i| !used.contains(i))
            .collect();
        let extra = Kept::new(header, kept);
        Ok(Self { fields, extra })
    }

    fn columns(&self, field: &str) -> &[usize] {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(&[], |(_, c)| c.as_slice())
    }

    /// Maps one row, whose fields `get` gives by column.
    pub fn row<'r>(&self, header: &Header, get: impl Fn(usize) -> Option<&'r str>) -> Draft {
        let values = |field: &str| -> Vec<&str> {
            self.columns(field)
                .iter()
                .filter_map(|&i| get(i).and_then(value))
                .collect()
        };
        let first = |field: &str| values(field).first().map(|v| (*v).to_owned());
        let mut draft = Draft {
            id: first("id"),
            title: first("title").unwrap_or_default(),
            place: Some(values("place").join(", ")).filter(|p| !p.is_empty()),
            quote: first("quote"),
            notes: first("notes"),
            category: first("category"),
            ..Draft::default()
        };
        let date = |field: &str, draft: &mut Draft| {
            let &column = self.columns(field).first()?;
            let text = get(column).and_then(value)?;
            dates::parse(text)
                .map_err(|why| draft.problem(&header.names[column], text, why))
                .ok()
        };
        let start = date("date", &mut draft);
        let end = date("end", &mut draft);
        let circa = first("circa").is_some_and(|c| {
            matches!(
                c.to_lowercase().as_str(),
                "true" | "yes" | "1" | "~" | "circa"
            )
        });
        draft.when = start.map(|date| crate::date::When {
            end: end.filter(|e| *e != date),
            circa,
            ..crate::date::When::on(date)
        });
        for actor in values("actors").iter().flat_map(|a| a.split(';')) {
            if let Some(name) = value(actor) {
                draft
                    .actors
                    .push((name.to_owned(), crate::store::ActorKind::Other));
            }
        }
        draft.tags = values("tags")
            .iter()
            .flat_map(|t| t.split([';', ',']))
            .filter_map(value)
            .map(str::to_owned)
            .collect();
        if let Some(kind) = first("kind") {
            match EventKind::ALL
                .iter()
                .find(|k| format!("{k:?}").eq_ignore_ascii_case(&kind))
            {
                Some(&k) => draft.kind = Some(k),
                None => draft.category = draft.category.or(Some(kind)),
            }
        }
        let (source, url) = (first("source"), first("url"));
        if source.is_some() || url.is_some() {
            let title = source.clone().or_else(|| url.clone()).unwrap_or_default();
            draft.source = Some(SourceRef {
                publisher: title.clone(),
                title,
                url,
            });
        }
        draft.extra = self.extra.of(get);
        draft
    }
}

fn no_column(header: &Header, wanted: &str) -> ImportError {
    ImportError::unreadable(
        format!("--map names the column `{wanted}`, which the file does not have"),
        format!("the columns are {}", header.names.join(", ")),
    )
}

/// Any CSV or TSV with a header.
pub fn read_csv(
    input: impl BufRead + Send,
    builder: &mut Builder,
    options: &Options,
) -> Result<(), ImportError> {
    let mut rows = Rows::new(input, None, true)?;
    let header = rows.header();
    let generic = Generic::new(&header, options.map.as_ref(), &builder.name)?;
    rows.map_all(builder, |record| generic.row(&header, |i| record.get(i)))
}
