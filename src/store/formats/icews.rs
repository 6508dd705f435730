//! ICEWS event files: tab-separated with a header; `NA` or a blank field is missing. An
//! event is a source actor doing a CAMEO action to a target actor; `Event ID` alone may
//! repeat across files, so a repeated id is told apart by its date.

use std::io::BufRead;

use super::build::{Draft, SourceRef};
use super::columns::{Header, value};
use super::{Builder, ImportError, cameo, dates, rows};
use crate::store::ActorKind;

pub fn is_header(header: &[String]) -> bool {
    let has = |name: &str| header.iter().any(|h| h.eq_ignore_ascii_case(name));
    has("Event ID") && has("Event Date") && has("CAMEO Code")
}

struct Columns {
    id: Option<usize>,
    date: usize,
    /// (name, sectors, country) of the source and the target.
    actors: [(Option<usize>, Option<usize>, Option<usize>); 2],
    text: Option<usize>,
    code: Option<usize>,
    place: Vec<usize>,
    publisher: Option<usize>,
    extra: rows::Kept,
}

pub fn read(input: impl BufRead + Send, builder: &mut Builder) -> Result<(), ImportError> {
    builder.ids_repeat_by_date = true;
    let mut rows = rows::Rows::new(input, None, true)?;
    let header = rows.header();
    let f = |name: &str| header.find(name);
    let date = f("Event Date").ok_or_else(|| {
        ImportError::unreadable(
            "the ICEWS file has no `Event Date` column",
            format!("its columns are {}", header.names.join(", ")),
        )
    })?;
    let actor = |who: &str| {
        (
            f(&format!("{who} Name")),
            f(&format!("{who} Sectors")),
            f(&format!("{who} Country")),
        )
    };
    let mut c = Columns {
        id: f("Event ID"),
        date,
        actors: [actor("Source"), actor("Target")],
        text: f("Event Text"),
        code: f("CAMEO Code"),
        place: header.find_all(&["City", "Province", "Country"]),
        publisher: f("Publisher"),
        extra: rows::Kept::new(&header, Vec::new()),
    };
    let mapped: Vec<usize> = [
        c.id,
        Some(date),
        c.actors[0].0,
        c.actors[1].0,
        c.text,
        c.code,
        c.publisher,
    ]
    .into_iter()
    .flatten()
    .chain(c.place.iter().copied())
    .collect();
    let kept = (0..header.names.len())
        .filter(|i| !mapped.contains(i))
        .collect();
    c.extra = rows::Kept::new(&header, kept);
    rows.map_all(builder, |record| row(&header, &c, record))
}

fn row(header: &Header, c: &Columns, record: &csv::StringRecord) -> Draft {
    let get = |i: Option<usize>| i.and_then(|i| record.get(i)).and_then(value);
    let mut draft = Draft {
        id: get(c.id).map(str::to_owned),
        ..Draft::default()
    };
    let day = record.get(c.date).unwrap_or("");
    match dates::parse(day) {
        Ok(date) => draft.when = Some(dates::on(date)),
        Err(why) => draft.problem(&header.names[c.date], day, why),
    }
    let mut names = Vec::new();
    for &(name, sectors, country) in &c.actors {
        let Some(name) = get(name) else { continue };
        let kind = get(sectors)
            .and_then(cameo::sector_kind)
            .or_else(|| (get(country) == Some(name)).then_some(ActorKind::State))
            .unwrap_or(ActorKind::Other);
        draft.actors.push((name.to_owned(), kind));
        names.push(name);
    }
    let code = get(c.code).unwrap_or("");
    let root = cameo::root(code);
    draft.kind = root.map(|(_, kind)| kind);
    let action = get(c.text)
        .or(root.map(|(label, _)| label))
        .unwrap_or("Event");
    draft.category = (!code.is_empty()).then(|| format!("CAMEO {code}: {action}"));
    draft.title = match names.as_slice() {
        [] => action.to_owned(),
        [one] => format!("{one}: {action}"),
        [one, two, ..] => format!("{one}: {action} – {two}"),
    };
    let mut place: Vec<&str> = Vec::new();
    for part in c.place.iter().filter_map(|&i| get(Some(i))) {
        if !place.contains(&part) {
            place.push(part);
        }
    }
    draft.place = (!place.is_empty()).then(|| place.join(", "));
    draft.source = get(c.publisher).map(|p| SourceRef {
        title: p.to_owned(),
        publisher: p.to_owned(),
        url: None,
    });
    draft.extra = c.extra.of_record(record);
    draft
}
