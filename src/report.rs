//! What `evex list` and `evex stats` print: tables, JSON and CSV of events.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};
use unicode_width::UnicodeWidthStr;

use crate::histogram::{Bucket, Counts, Dates, Unit};
use crate::store::{EventKind, Store};
use crate::text::{count, is_unsafe, sanitize};

pub use crate::store::EventRecord;

pub fn json(out: &mut impl Write, store: &Store, events: &[usize]) -> io::Result<()> {
    let records: Vec<EventRecord> = events
        .iter()
        .map(|&i| EventRecord::new(store, &store.events[i]))
        .collect();
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut *out, SafeFormatter(PrettyFormatter::new()));
    records.serialize(&mut serializer)?;
    writeln!(out)
}

/// Pretty JSON that also escapes what serde_json leaves raw but a terminal would obey or
/// reorder: C1 controls (U+0080 to U+009F) and bidi overrides, written as `\uXXXX`.
struct SafeFormatter(PrettyFormatter<'static>);

/// Forwards layout calls to the pretty formatter.
macro_rules! forward {
    ($($name:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {
        $(fn $name<W: ?Sized + Write>(&mut self, writer: &mut W $(, $arg: $ty)*) -> io::Result<()> {
            self.0.$name(writer $(, $arg)*)
        })*
    };
}

impl Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices().filter(|&(_, c)| is_unsafe(c)) {
            writer.write_all(&fragment.as_bytes()[start..at])?;
            write!(writer, "\\u{:04x}", u32::from(c))?;
            start = at + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    forward!(
        begin_array(),
        end_array(),
        begin_array_value(first: bool),
        end_array_value(),
        begin_object(),
        end_object(),
        begin_object_key(first: bool),
        begin_object_value(),
        end_object_value(),
    );
}

/// Events as CSV. Every text field is quoted, dates included, so a spreadsheet keeps
/// `2015-06` as text and control characters in the data stay inside quotes; `circa` is a bare
/// `true`/`false`. On a terminal (`terminal`), quoting protects nothing: control characters
/// are made visible as the table shows them.
pub fn csv(
    out: &mut impl Write,
    store: &Store,
    events: &[usize],
    terminal: bool,
) -> io::Result<()> {
    let field = |out: &mut dyn Write, text: &str| -> io::Result<()> {
        let text = if terminal {
            sanitize(text)
        } else {
            text.into()
        };
        write!(out, "\"{}\"", text.replace('"', "\"\""))
    };
    writeln!(
        out,
        "id,date,end,circa,title,kind,actors,place,source,quote,tags"
    )?;
    for &i in events {
        let r = EventRecord::new(store, &store.events[i]);
        field(out, &r.id)?;
        write!(out, ",")?;
        field(out, &r.date)?;
        write!(out, ",")?;
        if let Some(end) = &r.end {
            field(out, end)?;
        }
        write!(out, ",{},", r.circa)?;
        let rest = [
            r.title,
            format!("{:?}", r.kind),
            r.actors.join("; "),
            r.place.unwrap_or_default(),
            r.source,
            r.quote.unwrap_or_default(),
            r.tags.join("; "),
        ];
        for (n, text) in rest.iter().enumerate() {
            if n > 0 {
                write!(out, ",")?;
            }
            field(out, text)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Cuts `text` to `width` terminal columns, ending with `…` when cut, padded to `width`.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return format!("{text}{}", " ".repeat(width - text.width()));
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
        used += 1;
    }
    out + &" ".repeat(width.saturating_sub(used))
}

/// A table of events that fits `width` columns: date, kind, title and actors' short names.
/// Narrower terminals drop the actors, then the kind, then cut the dates; no line is wider
/// than `width` from 20 columns up.
pub fn table(
    out: &mut impl Write,
    store: &Store,
    events: &[usize],
    width: usize,
    color: bool,
) -> io::Result<()> {
    let dates: Vec<String> = events
        .iter()
        .map(|&i| store.events.when(i).short())
        .collect();
    let natural = dates.iter().map(|d| d.width()).max().unwrap_or(4).max(4);
    let columns = Columns::new(natural, width);
    let (bold, dim, reset) = if color {
        ("\x1b[1m", "\x1b[2m", "\x1b[0m")
    } else {
        ("", "", "")
    };
    let header = fit("DATE", columns.date) + &columns.after_date("KND", "TITLE", "ACTORS");
    writeln!(out, "{bold}{}{reset}", header.trim_end())?;
    for (&i, date) in events.iter().zip(&dates) {
        let e = &store.events[i];
        let actors: Vec<&str> = e
            .actors
            .iter()
            .map(|&a| store.actors[a].short_name())
            .collect();
        let line = columns.after_date(
            e.kind.marker(),
            &sanitize(&e.title),
            &sanitize(&actors.join(", ")),
        );
        let date = fit(date, columns.date);
        writeln!(out, "{dim}{date}{reset}{}", line.trim_end())?;
    }
    Ok(())
}

/// The widths of the table's columns; a width of 0 leaves the column out.
struct Columns {
    date: usize,
    kind: usize,
    title: usize,
    actors: usize,
}

impl Columns {
    /// Titles get two thirds of what the date and kind leave, actors the rest when that is
    /// at least 8 columns. Below that the kind goes, and titles keep at least 10 columns by
    /// cutting the dates.
    fn new(natural_date: usize, width: usize) -> Self {
        let with_kind = width >= natural_date + 9 + 10;
        let fixed = if with_kind { 9 } else { 1 };
        let date = natural_date
            .min(width.saturating_sub(fixed + 10))
            .max(natural_date.min(4));
        let rest = width.saturating_sub(date + fixed);
        let title = rest * 2 / 3;
        let (title, actors) = if rest - title >= 8 {
            (title, rest - title)
        } else if with_kind {
            (rest + 2, 0)
        } else {
            (rest, 0)
        };
        Self {
            date,
            kind: if with_kind { 3 } else { 0 },
            title,
            actors,
        }
    }

    /// A row after its date: each shown column preceded by one space.
    fn after_date(&self, kind: &str, title: &str, actors: &str) -> String {
        let mut line = String::new();
        if self.kind > 0 {
            line = line + " " + &fit(kind, self.kind);
        }
        line = line + " " + &fit(title, self.title);
        if self.actors > 0 {
            line = line + " " + &fit(actors, self.actors);
        }
        line
    }
}

/// Events per year as the explorer's histogram counts them (the year of an event's first
/// day; every year from the first to the last, empty ones too), with how many of each year's
/// are less precise than a year (dates the text only bounds).
fn per_year(store: &Store, events: &[usize]) -> Vec<Bucket> {
    Counts::new(&Dates::new(store), events).all(Unit::Year)
}

/// The counts of `stats` as JSON: the store, the matches, and per year, actor and kind.
pub fn stats_json(out: &mut impl Write, store: &Store, events: &[usize]) -> io::Result<()> {
    let mut actors = vec![0usize; store.actors.len()];
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for e in events.iter().map(|&i| &store.events[i]) {
        *kinds.entry(format!("{:?}", e.kind)).or_default() += 1;
        e.distinct_actors().for_each(|a| actors[a] += 1);
    }
    let years: Vec<serde_json::Value> = per_year(store, events)
        .iter()
        .map(|b| serde_json::json!({"year": b.index, "events": b.total(), "less_precise": b.imprecise}))
        .collect();
    let mut by_actor: Vec<(usize, usize)> = actors
        .into_iter()
        .enumerate()
        .filter(|&(_, n)| n > 0)
        .collect();
    by_actor.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| store.actors[a.0].name.cmp(&store.actors[b.0].name))
    });
    let actors: Vec<serde_json::Value> = by_actor
        .iter()
        .map(|&(a, n)| serde_json::json!({"id": store.actors[a].id, "name": store.actors[a].name, "events": n}))
        .collect();
    let value = serde_json::json!({
        "title": store.title,
        "events": store.events.len(),
        "matching": events.len(),
        "per_year": years,
        "per_actor": actors,
        "per_kind": kinds,
    });
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

/// Events per year (by the year they begin, every year of the range shown, empty ones too),
/// per actor and per kind, over `events`.
pub fn stats(out: &mut impl Write, store: &Store, events: &[usize]) -> io::Result<()> {
    let mut kinds: BTreeMap<EventKind, usize> = BTreeMap::new();
    let mut actors = vec![0usize; store.actors.len()];
    for e in events.iter().map(|&i| &store.events[i]) {
        *kinds.entry(e.kind).or_default() += 1;
        e.actors.iter().for_each(|&a| actors[a] += 1);
    }
    let everything = events.len() == store.events.len();
    let matching = if everything {
        count(events.len(), "event")
    } else {
        format!("{} of {}", events.len(), count(store.events.len(), "event"))
    };
    writeln!(
        out,
        "{}: {matching}, {}, {}\n",
        sanitize(&store.title),
        count(store.actors.len(), "actor"),
        count(store.sources.len(), "source")
    )?;
    section(
        out,
        "Events per year",
        per_year(store, events)
            .into_iter()
            .map(|b| (b.index.to_string(), b.total() as usize)),
    )?;
    let mut by_actor: Vec<(String, usize)> = store
        .actors
        .iter()
        .zip(actors)
        .filter(|&(_, n)| everything || n > 0)
        .map(|(a, n)| (sanitize(&a.name).into_owned(), n))
        .collect();
    by_actor.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    section(out, "Events per actor", by_actor.into_iter())?;
    section(
        out,
        "Events per kind",
        kinds.iter().map(|(k, n)| (format!("{k:?}"), *n)),
    )
}

fn section(
    out: &mut impl Write,
    heading: &str,
    rows: impl Iterator<Item = (String, usize)>,
) -> io::Result<()> {
    let rows: Vec<(String, usize)> = rows.collect();
    let label_w = rows.iter().map(|(l, _)| l.width()).max().unwrap_or(0);
    let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1);
    writeln!(out, "{heading}")?;
    for (label, n) in rows {
        let bar = "█".repeat((n * 30).div_ceil(max));
        let row = format!("  {} {n:>5}  {bar}", fit(&label, label_w));
        writeln!(out, "{}", row.trim_end())?;
    }
    writeln!(out)
}
