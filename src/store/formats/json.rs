//! JSON documents: which kind a file's start looks like, reading a top-level array or JSON
//! Lines one item at a time (never the whole array at once), and any array of objects
//! mapped like a table.

use std::cell::Cell;
use std::fmt;
use std::io::{self, BufRead, Read};
use std::rc::Rc;

use serde::de::{DeserializeSeed, SeqAccess, Visitor};
use serde_json::Value;

use super::build::At;
use super::columns::Header;
use super::table::Generic;
use super::{Builder, Format, ImportError, Options};
use crate::store::Position;

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

/// Calls `each` with every item of a top-level array, or every value of a JSON Lines file,
/// and where it starts.
pub fn for_each_item(
    mut input: impl BufRead,
    mut each: impl FnMut(At, Value),
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
    let (input, place) = Tracked::new(input);
    let mut deserializer = serde_json::Deserializer::from_reader(input);
    if starts_array {
        Items {
            each: &mut each,
            place: &place,
            n: 0,
        }
        .deserialize(&mut deserializer)
        .map_err(syntax)?;
        return deserializer.end().map_err(syntax);
    }
    let mut values = deserializer.into_iter::<Value>();
    for n in 1.. {
        place.mark();
        let Some(value) = values.next() else {
            return Ok(());
        };
        let value = value.map_err(syntax)?;
        each(place.item(n), value);
    }
    Ok(())
}

/// Says where a JSON document breaks its syntax, and what was expected there.
pub fn syntax(e: serde_json::Error) -> ImportError {
    let (line, column) = (e.line(), e.column());
    let message = e.to_string();
    let message = message
        .strip_suffix(&format!(" at line {line} column {column}"))
        .unwrap_or(&message);
    let help = if e.is_eof() {
        "the file ends early: check that every `{` and `[` is closed"
    } else {
        "check the file with a JSON validator; evex reads an array of objects or one object per line"
    };
    ImportError::unreadable_at(
        Position { line, col: column },
        format!("not valid JSON: {message}"),
        help,
    )
}

/// A reader that counts lines and columns as a JSON parser takes its bytes (one at a time,
/// as serde_json reads), so each item can be placed where it starts.
pub struct Tracked<R> {
    inner: R,
    place: Rc<Place>,
}

impl<R: Read> Tracked<R> {
    pub fn new(inner: R) -> (Self, Rc<Place>) {
        let place = Rc::new(Place::default());
        let tracked = Self {
            inner,
            place: Rc::clone(&place),
        };
        (tracked, place)
    }
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        buf[..n].iter().for_each(|&b| self.place.advance(b));
        Ok(n)
    }
}

/// Where a tracked reading is, and where the first value after a mark starts.
#[derive(Debug)]
pub struct Place {
    next: Cell<Position>,
    waiting: Cell<bool>,
    start: Cell<Position>,
}

impl Default for Place {
    fn default() -> Self {
        let start = Position { line: 1, col: 1 };
        Self {
            next: Cell::new(start),
            waiting: Cell::new(false),
            start: Cell::new(start),
        }
    }
}

impl Place {
    /// From here, notes where the next value (not white space or a comma) starts.
    pub fn mark(&self) {
        self.waiting.set(true);
    }

    /// The `n`-th item, which starts where the last mark found a value.
    pub fn item(&self, n: usize) -> At {
        At::Item {
            n,
            at: self.start.get(),
        }
    }

    fn advance(&self, byte: u8) {
        let mut next = self.next.get();
        if self.waiting.get() && !matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b',') {
            self.start.set(next);
            self.waiting.set(false);
        }
        if byte == b'\n' {
            next = Position {
                line: next.line + 1,
                col: 1,
            };
        } else if byte & 0xc0 != 0x80 {
            // A column is a character: continuation bytes of UTF-8 do not count.
            next.col += 1;
        }
        self.next.set(next);
    }
}

/// Deserializes a sequence, handing each item over as it comes, with where it starts.
pub struct Items<'f, F> {
    pub each: &'f mut F,
    pub place: &'f Place,
    /// How many items came before (the numbering goes on across sequences).
    pub n: usize,
}

impl<'de, F: FnMut(At, Value)> DeserializeSeed<'de> for Items<'_, F> {
    type Value = usize;
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, F: FnMut(At, Value)> Visitor<'de> for Items<'_, F> {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of objects")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let mut n = self.n;
        loop {
            self.place.mark();
            let Some(item) = seq.next_element::<Value>()? else {
                return Ok(n);
            };
            n += 1;
            (self.each)(self.place.item(n), item);
        }
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
    for_each_item(input, |at, item| {
        if failed.is_some() {
            return;
        }
        let Value::Object(object) = item else {
            let mut draft = super::build::Draft::default();
            draft.problems.push(format!(
                "the item is {}, not an object with named fields; evex reads an array of objects or one object per line",
                kind(&item)
            ));
            return builder.push(at, draft);
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
        builder.push(at, draft);
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
