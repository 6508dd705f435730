//! GDELT 1.0 and 2.0 event exports: tab-separated, no header, 57 (1.0 before April 2013),
//! 58 (1.0) or 61 (2.0) columns. A row is one day's event between two (possibly blank)
//! actors, with a CAMEO code and the article's address; every other column is kept.

use std::io::BufRead;

use super::build::{Draft, SourceRef};
use super::columns::{Header, value};
use super::{Builder, ImportError, cameo, dates, rows};
use crate::store::ActorKind;

/// Whether a line is a GDELT event row: 57, 58 or 61 tab-separated fields, a numeric id and
/// an eight-digit day.
pub fn is_row(line: &str) -> bool {
    let fields: Vec<&str> = line.trim_end_matches(['\r', '\n']).split('\t').collect();
    [57, 58, 61].contains(&fields.len())
        && fields[0].bytes().all(|b| b.is_ascii_digit())
        && fields[1].len() == 8
        && fields[1].bytes().all(|b| b.is_ascii_digit())
}

/// The column names of a file with `width` columns.
pub fn names(width: usize) -> Vec<String> {
    let mut names: Vec<String> = [
        "GLOBALEVENTID",
        "SQLDATE",
        "MonthYear",
        "Year",
        "FractionDate",
    ]
    .map(String::from)
    .into();
    for actor in ["Actor1", "Actor2"] {
        for part in [
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        ] {
            names.push(format!("{actor}{part}"));
        }
    }
    names.extend(
        [
            "IsRootEvent",
            "EventCode",
            "EventBaseCode",
            "EventRootCode",
            "QuadClass",
            "GoldsteinScale",
            "NumMentions",
            "NumSources",
            "NumArticles",
            "AvgTone",
        ]
        .map(String::from),
    );
    for geo in ["Actor1Geo", "Actor2Geo", "ActionGeo"] {
        let mut parts = vec!["Type", "FullName", "CountryCode", "ADM1Code"];
        if width == 61 {
            parts.push("ADM2Code");
        }
        parts.extend(["Lat", "Long", "FeatureID"]);
        names.extend(parts.iter().map(|p| format!("{geo}_{p}")));
    }
    names.push("DATEADDED".into());
    if width > 57 {
        names.push("SOURCEURL".into());
    }
    names
}

struct Columns {
    actors: [(usize, usize, usize, usize); 2],
    code: usize,
    place: usize,
    url: Option<usize>,
    extra: rows::Kept,
}

pub fn read(mut input: impl BufRead + Send, builder: &mut Builder) -> Result<(), ImportError> {
    // The first row says which GDELT it is; every row must then have as many columns.
    let head = input.fill_buf()?;
    let first = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let width = first.iter().filter(|&&b| b == b'\t').count() + 1;
    if ![57, 58, 61].contains(&width) {
        return Err(ImportError::unreadable(
            format!("the first row has {width} tab-separated fields; GDELT rows have 57, 58 or 61"),
            "check that this is a GDELT event export, or name its format with --from",
        ));
    }
    let c = layout(width);
    let mut rows = rows::Rows::new(input, Some(b'\t'), false)?;
    rows.map_all(builder, |record| row(&c, record))
}

fn layout(width: usize) -> Columns {
    let header = Header::new(names(if [57, 58, 61].contains(&width) {
        width
    } else {
        58
    }));
    let f = |name: &str| header.find(name).unwrap_or(usize::MAX);
    let actor = |a: &str| {
        (
            f(&format!("{a}Name")),
            f(&format!("{a}Code")),
            f(&format!("{a}CountryCode")),
            f(&format!("{a}Type1Code")),
        )
    };
    let c = Columns {
        actors: [actor("Actor1"), actor("Actor2")],
        code: f("EventCode"),
        place: f("ActionGeo_FullName"),
        url: header.find("SOURCEURL"),
        extra: rows::Kept::new(&header, Vec::new()),
    };
    let mapped = [
        0,
        1,
        c.actors[0].0,
        c.actors[1].0,
        c.code,
        c.place,
        c.url.unwrap_or(usize::MAX),
    ];
    let kept = (0..header.names.len())
        .filter(|i| !mapped.contains(i))
        .collect();
    let extra = rows::Kept::new(&header, kept);
    Columns { extra, ..c }
}

fn row(c: &Columns, record: &csv::StringRecord) -> Draft {
    let get = |i: usize| record.get(i).and_then(value);
    let mut draft = Draft {
        id: get(0).map(str::to_owned),
        ..Draft::default()
    };
    let day = record.get(1).unwrap_or("");
    match dates::parse(day) {
        Ok(date) => draft.when = Some(dates::on(date)),
        Err(why) => draft.problem("SQLDATE", day, why),
    }
    let mut names = Vec::new();
    for &(name, code, country, type1) in &c.actors {
        let Some(name) = get(name) else { continue };
        let kind = get(type1)
            .and_then(cameo::actor_kind)
            .or_else(|| {
                (get(code).is_some() && get(code) == get(country)).then_some(ActorKind::State)
            })
            .unwrap_or(ActorKind::Other);
        draft.actors.push((name.to_owned(), kind));
        names.push(name);
    }
    let code = get(c.code).unwrap_or("");
    let root = cameo::root(code);
    draft.kind = root.map(|(_, kind)| kind);
    let label = root.map_or("Event", |(label, _)| label);
    // Texts made with `concat` are exactly as long as they need to be: a million rows.
    draft.category = (!code.is_empty()).then(|| ["CAMEO ", code, ": ", label].concat());
    draft.title = match names.as_slice() {
        [] => label.to_owned(),
        [one] => [one, ": ", label].concat(),
        [one, two, ..] => [one, ": ", label, " – ", two].concat(),
    };
    draft.place = get(c.place).map(str::to_owned);
    draft.source = c.url.and_then(get).map(|url| {
        let host = url
            .split("//")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or(url);
        SourceRef {
            title: host.to_owned(),
            publisher: host.to_owned(),
            url: Some(url.to_owned()),
        }
    });
    draft.extra = c.extra.of_record(record);
    draft
}
