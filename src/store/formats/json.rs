//! JSON documents: which kind a file's start looks like, reading a top-level array or JSON
//! Lines one item at a time (never the whole array at once), and any array of objects
//! mapped like a table.

use std::fmt;
use std::io::BufRead;

use serde::de::{DeserializeSeed, SeqAccess, Visitor};
use serde_json::Value;

use super::build::At;
use super::columns::Header;
use super::table::Generic;
use super::{Builder, Format, ImportError, Options};

/// TimelineJS, evex's own `list -f json`, or any other JSON.
pub fn detect(start: &str) -> Format {
    let has = |key: &str| start.contains(&format!("\"{key}\""));
    if start.starts_with('{') && has("events") && (has("start_date") || has("text")) {
        Format::Timelinejs
    } else if start.starts_with('[')
        && ["id", "date", "circa", "kind", "actors", "source"]
            .iter()
            .all(|k| has(k))
    {
        Format::Evex
    } else {
        Format::Json
    }
}

/// Calls `each` with every item of a top-level array, or every value of a JSON Lines file.
pub fn for_each_item(
    mut input: impl BufRead,
    mut each: impl FnMut(usize, Value),
) -> Result<(), ImportError> {
    let head = input.fill_buf()?;
    let head = head
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .map_or(0, |_| 3);
    input.consume(head);
    let starts_array = input
        .fill_buf()?
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'[');
    let mut deserializer = serde_json::Deserializer::from_reader(input);
    if starts_array {
        Items(&mut each)
            .deserialize(&mut deserializer)
            .map_err(syntax)?;
        return deserializer.end().map_err(syntax);
    }
    for (n, value) in deserializer.into_iter::<Value>().enumerate() {
        each(n + 1, value.map_err(syntax)?);
    }
    Ok(())
}

fn syntax(e: serde_json::Error) -> ImportError {
    ImportError::unreadable(
        format!(
            "not valid JSON at line {}, column {}: {e}",
            e.line(),
            e.column()
        ),
        "check the file with a JSON validator; evex reads an array of objects or one object per line",
    )
}

/// Deserializes a sequence, handing each item over as it comes.
struct Items<'f, F>(&'f mut F);

impl<'de, F: FnMut(usize, Value)> DeserializeSeed<'de> for Items<'_, F> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, F: FnMut(usize, Value)> Visitor<'de> for Items<'_, F> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of objects")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut n = 0;
        while let Some(item) = seq.next_element::<Value>()? {
            n += 1;
            (self.0)(n, item);
        }
        Ok(())
    }
}

/// A JSON value as the text of a table cell.
pub fn text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(|i| !i.is_object() && !i.is_array()) => {
            items.iter().map(text).collect::<Vec<_>>().join("; ")
        }
        other => other.to_string(),
    }
}

/// Any JSON array of objects (or JSON Lines), mapped like a table whose header is the first
/// object's keys; keys that later objects add are kept as extra columns.
pub fn read(
    input: impl BufRead + Send,
    builder: &mut Builder,
    options: &Options,
) -> Result<(), ImportError> {
    let mut table: Option<(Header, Generic)> = None;
    let mut failed = None;
    for_each_item(input, |n, item| {
        if failed.is_some() {
            return;
        }
        let Value::Object(object) = item else {
            let mut draft = super::build::Draft::default();
            draft.problems.push(format!(
                "is {}, not an object with named fields",
                kind(&item)
            ));
            return builder.push(At::Item(n), draft);
        };
        if table.is_none() {
            let header = Header::new(object.keys().cloned());
            match Generic::new(&header, options.map.as_ref(), &builder.name) {
                Ok(generic) => table = Some((header, generic)),
                Err(e) => return failed = Some(e),
            }
        }
        let (header, generic) = table.as_ref().expect("set above");
        let cells: Vec<String> = header
            .names
            .iter()
            .map(|name| object.get(name).map(text).unwrap_or_default())
            .collect();
        let mut draft = generic.row(header, |i| cells.get(i).map(String::as_str));
        for (key, value) in object.iter().filter(|(k, _)| header.find(k).is_none()) {
            let value = text(value);
            if !value.is_empty() {
                draft.extra.push(key, &value);
            }
        }
        builder.push(At::Item(n), draft);
    })?;
    failed.map_or(Ok(()), Err)
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
