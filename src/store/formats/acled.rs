//! ACLED's CSV export. The date keeps ACLED's `time_precision` (1 the day, 2 the week around
//! the coded day, 3 the month); actors are `actor1`, `assoc_actor_1` (split on `; `),
//! `actor2`, `assoc_actor_2`, with kinds from the `inter` codes; `notes` is ACLED's summary,
//! not a quote; every other column is kept.

use std::io::BufRead;

use super::build::{Draft, SourceRef};
use super::columns::{Header, value};
use super::{Builder, ImportError, dates, rows};
use crate::store::{ActorKind, EventKind};

/// Whether a header is ACLED's.
pub fn is_header(header: &[String]) -> bool {
    let has = |name: &str| header.iter().any(|h| h.eq_ignore_ascii_case(name));
    has("event_id_cnty") && has("event_date") && has("event_type")
}

/// Where the mapped columns are.
struct Columns {
    id: Option<usize>,
    date: usize,
    precision: Option<usize>,
    event_type: Option<usize>,
    sub_event_type: Option<usize>,
    actors: [(Option<usize>, Option<usize>, Option<usize>); 2],
    place: Vec<usize>,
    source: Option<usize>,
    notes: Option<usize>,
    /// Every column not mapped to a field, kept as extra.
    extra: rows::Kept,
}

impl Columns {
    fn new(header: &Header) -> Result<Self, ImportError> {
        let f = |name: &str| header.find(name);
        let date = f("event_date").ok_or_else(|| {
            ImportError::unreadable(
                "the ACLED file has no event_date column",
                format!("its columns are {}", header.names.join(", ")),
            )
        })?;
        let actor = |n: u8| {
            (
                f(&format!("actor{n}")),
                f(&format!("assoc_actor_{n}")),
                f(&format!("inter{n}")),
            )
        };
        let place = header.find_all(&["location", "admin1", "country"]);
        let mut columns = Self {
            id: f("event_id_cnty"),
            date,
            precision: f("time_precision"),
            event_type: f("event_type"),
            sub_event_type: f("sub_event_type"),
            actors: [actor(1), actor(2)],
            place,
            source: f("source"),
            notes: f("notes"),
            extra: rows::Kept::new(header, Vec::new()),
        };
        let mapped: Vec<usize> = [
            columns.id,
            Some(date),
            columns.event_type,
            columns.sub_event_type,
            columns.actors[0].0,
            columns.actors[0].1,
            columns.actors[1].0,
            columns.actors[1].1,
            columns.source,
            columns.notes,
        ]
        .into_iter()
        .flatten()
        .chain(columns.place.iter().copied())
        .collect();
        let kept = (0..header.names.len())
            .filter(|i| !mapped.contains(i))
            .collect();
        columns.extra = rows::Kept::new(header, kept);
        Ok(columns)
    }
}

pub fn read(input: impl BufRead + Send, builder: &mut Builder) -> Result<(), ImportError> {
    let mut rows = rows::Rows::new(input, None, true)?;
    let header = rows.header();
    let columns = Columns::new(&header)?;
    rows.map_all(builder, |record| row(&header, &columns, record))
}

fn row(header: &Header, c: &Columns, record: &csv::StringRecord) -> Draft {
    let get = |i: Option<usize>| i.and_then(|i| record.get(i)).and_then(value);
    let mut draft = Draft {
        id: get(c.id).map(str::to_owned),
        ..Draft::default()
    };
    let date_text = record.get(c.date).unwrap_or("");
    let precision = get(c.precision).unwrap_or("1");
    let day = dates::parse(date_text)
        .map_err(|why| draft.problem(&header.names[c.date], date_text, why))
        .ok();
    let precision = match precision {
        "1" | "2" | "3" => Some(precision),
        other => {
            draft.problem(
                "time_precision",
                other,
                "expected 1 (day), 2 (week) or 3 (month)",
            );
            None
        }
    };
    draft.when = day.zip(precision).map(|(day, precision)| match precision {
        "2" => dates::week_around(day),
        "3" => dates::on(dates::month_of(day)),
        _ => dates::on(day),
    });
    let (event_type, sub_event_type) = (get(c.event_type), get(c.sub_event_type));
    draft.kind = Some(kind(event_type.unwrap_or(""), sub_event_type.unwrap_or("")));
    draft.category = match (event_type, sub_event_type) {
        (Some(t), Some(s)) => Some([t, ": ", s].concat()),
        (t, s) => t.or(s).map(str::to_owned),
    };
    for &(actor, assoc, inter) in &c.actors {
        if let Some(name) = get(actor) {
            let kind = get(inter).and_then(inter_kind).unwrap_or(ActorKind::Other);
            draft.actors.push((name.to_owned(), kind));
        }
        for name in get(assoc).into_iter().flat_map(|a| a.split(';')) {
            if let Some(name) = value(name) {
                draft.actors.push((name.to_owned(), ActorKind::Other));
            }
        }
    }
    let mut place: Vec<&str> = Vec::new();
    for part in c.place.iter().filter_map(|&i| get(Some(i))) {
        if !place.contains(&part) {
            place.push(part);
        }
    }
    draft.place = (!place.is_empty()).then(|| place.join(", "));
    draft.title = title(sub_event_type.or(event_type), &draft.actors, c, record);
    draft.source = get(c.source).map(|s| SourceRef {
        title: s.to_owned(),
        publisher: s.to_owned(),
        url: None,
    });
    draft.notes = get(c.notes).map(str::to_owned);
    draft.extra = c.extra.of_record(record);
    draft
}

/// "Peaceful protest: Protesters (Ukraine) in Kyiv", made at its exact length.
fn title(
    what: Option<&str>,
    actors: &[(String, ActorKind)],
    c: &Columns,
    record: &csv::StringRecord,
) -> String {
    let mut parts = vec![what.unwrap_or("Event")];
    let main = c
        .actors
        .iter()
        .filter_map(|&(a, _, _)| a.and_then(|i| record.get(i)).and_then(value));
    for (n, name) in main.enumerate() {
        parts.extend([if n == 0 { ": " } else { " and " }, name]);
    }
    if parts.len() == 1
        && let Some((name, _)) = actors.first()
    {
        parts.extend([": ", name.as_str()]);
    }
    if let Some(location) = c.place.first().and_then(|&i| record.get(i)).and_then(value) {
        parts.extend([" in ", location]);
    }
    parts.concat()
}

/// ACLED's event types to evex kinds (strategic developments by sub-event type).
pub const KINDS: [(&str, EventKind); 6] = [
    ("Battles", EventKind::Conflict),
    ("Explosions/Remote violence", EventKind::Conflict),
    ("Violence against civilians", EventKind::Conflict),
    ("Protests", EventKind::Politics),
    ("Riots", EventKind::Politics),
    ("Strategic developments", EventKind::Other),
];

fn kind(event_type: &str, sub_event_type: &str) -> EventKind {
    if event_type.eq_ignore_ascii_case("Strategic developments") {
        return match sub_event_type.to_lowercase().as_str() {
            "agreement" => EventKind::Diplomacy,
            "arrests" => EventKind::Law,
            "change to group/activity" => EventKind::Politics,
            "looting/property destruction" => EventKind::Crime,
            "headquarters or base established" | "non-violent transfer of territory" => {
                EventKind::Conflict
            }
            _ => EventKind::Other,
        };
    }
    KINDS
        .iter()
        .find(|(t, _)| t.eq_ignore_ascii_case(event_type))
        .map_or(EventKind::Other, |&(_, k)| k)
}

/// An actor's kind from ACLED's `inter` code (a number in older exports, words in newer).
fn inter_kind(inter: &str) -> Option<ActorKind> {
    Some(match inter.to_lowercase().as_str() {
        "1" | "state forces" => ActorKind::State,
        "2" | "rebel group" | "rebel groups" | "3" | "political militia" | "political militias"
        | "4" | "identity militia" | "identity militias" | "5" | "rioters" | "6" | "protesters"
        | "7" | "civilians" => ActorKind::Group,
        "8" | "external/other forces" => ActorKind::Organization,
        _ => return None,
    })
}
