//! The synthetic events of `synthetic.rs` written as an ACLED CSV export, a GDELT 2.0 event
//! file (61 tab-separated columns, no header) or a plain CSV table, for trying evex on
//! datasets at scale and for the load benchmark. The same N and seed give the same events
//! as the RON store.

// The benchmark uses only some shapes; the generator uses them all.
#![allow(dead_code)]

use std::io::{self, Write};

use crate::synthetic::{Drawn, World};

/// The dataset shapes the generator writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Acled,
    Gdelt,
    Csv,
}

impl Shape {
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "acled" => Some(Self::Acled),
            "gdelt" => Some(Self::Gdelt),
            "csv" => Some(Self::Csv),
            _ => None,
        }
    }
}

const ACLED_HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

/// ACLED's event and sub-event type for each synthetic kind.
fn acled_type(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "Conflict" => ("Battles", "Armed clash"),
        "Crime" => ("Violence against civilians", "Attack"),
        "Politics" => ("Protests", "Peaceful protest"),
        "Diplomacy" => ("Strategic developments", "Agreement"),
        "Law" => ("Strategic developments", "Arrests"),
        _ => ("Strategic developments", "Other"),
    }
}

/// A day for formats that only have days, and ACLED's precision for it: the middle of the
/// month (3) or of the year's middle month (3) when the synthetic date is less precise.
fn day_of(date: &str) -> (String, u8) {
    match date.len() {
        10 => (date.to_owned(), 1),
        7 => (format!("{date}-15"), 3),
        _ => (format!("{date}-07-15"), 3),
    }
}

fn inter(kind: &str) -> u8 {
    match kind {
        "State" => 1,
        "Group" => 3,
        "Person" => 7,
        _ => 8,
    }
}

/// Quotes a CSV field when it needs it.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn write_acled(out: &mut impl Write, e: &Drawn, w: &World) -> io::Result<()> {
    let (date, precision) = day_of(&e.date);
    let (event_type, sub) = acled_type(e.kind);
    let name = |i: Option<&usize>| i.map_or("", |&a| w.actors[a].name.as_str());
    let kind = |i: Option<&usize>| i.map_or(0, |&a| inter(w.actors[a].kind));
    let assoc: Vec<&str> = e
        .cast
        .iter()
        .skip(2)
        .map(|&a| w.actors[a].name.as_str())
        .collect();
    let place = e.place.map_or("Capital", |p| w.places[p].as_str());
    writeln!(
        out,
        "SYN{},{date},{},{precision},Political violence,{event_type},{sub},{},{},{},{},,{},{}{},,999,Synthetic,Synthetica,{place} Province,{place} District,,{place},{}.{:04},{}.{:04},1,Archive {},National,{},{},{},{}",
        e.id,
        &date[..4],
        field(name(e.cast.first())),
        field(&assoc.join("; ")),
        kind(e.cast.first()),
        field(name(e.cast.get(1))),
        kind(e.cast.get(1)),
        kind(e.cast.first()),
        kind(e.cast.get(1)),
        40 + e.id % 20,
        e.id % 10_000,
        20 + e.id % 30,
        (e.id * 7) % 10_000,
        e.source,
        field(&e.quote),
        e.id % 5,
        field(
            &e.tags
                .iter()
                .map(|&t| w.tags[t].as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ),
        1_600_000_000 + e.id,
    )
}

/// CAMEO codes for each synthetic kind.
fn cameo(kind: &str) -> (&'static str, &'static str, u8) {
    match kind {
        "Diplomacy" => ("040", "04", 1),
        "Economy" => ("061", "06", 2),
        "Conflict" => ("190", "19", 4),
        "Crime" => ("180", "18", 4),
        "Law" => ("173", "17", 4),
        "Statement" => ("010", "01", 1),
        "Politics" => ("141", "14", 3),
        _ => ("020", "02", 1),
    }
}

fn write_gdelt(out: &mut impl Write, e: &Drawn, w: &World) -> io::Result<()> {
    let (date, _) = day_of(&e.date);
    let sqldate = date.replace('-', "");
    let mut row: Vec<String> = vec![
        (100_000_000 + e.id).to_string(),
        sqldate.clone(),
        sqldate[..6].to_owned(),
        sqldate[..4].to_owned(),
        format!("{}.{:04}", &sqldate[..4], e.id % 10_000),
    ];
    for slot in 0..2 {
        match e.cast.get(slot) {
            Some(&a) => {
                let actor = &w.actors[a];
                let code = if actor.kind == "State" { "GOV" } else { "" };
                row.extend([
                    format!("SYN{code}"),
                    actor.name.to_uppercase(),
                    "SYN".into(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    code.into(),
                    String::new(),
                    String::new(),
                ]);
            }
            None => row.extend(std::iter::repeat_n(String::new(), 10)),
        }
    }
    let (code, root, quad) = cameo(e.kind);
    row.extend([
        "1".into(),
        code.into(),
        code.into(),
        root.into(),
        quad.to_string(),
        format!("{}.0", (e.id % 20) as i32 - 10),
        (e.id % 50).to_string(),
        "1".into(),
        (e.id % 50).to_string(),
        format!("{}.5", (e.id % 10) as i32 - 5),
    ]);
    let place = e.place.map_or("Capital", |p| w.places[p].as_str());
    for _ in 0..3 {
        row.extend([
            "4".into(),
            format!("{place}, Synthetica"),
            "SY".into(),
            "SY01".into(),
            String::new(),
            format!("{}.{:04}", 40 + e.id % 20, e.id % 10_000),
            format!("{}.{:04}", 20 + e.id % 30, e.id % 10_000),
            (e.id % 100_000).to_string(),
        ]);
    }
    row.push(format!("{sqldate}120000"));
    row.push(format!(
        "https://archive{}.example.org/{}/{}.html",
        e.source,
        &sqldate[..4],
        e.id / 3
    ));
    writeln!(out, "{}", row.join("\t"))
}

fn write_csv(out: &mut impl Write, e: &Drawn, w: &World) -> io::Result<()> {
    let actors: Vec<&str> = e.cast.iter().map(|&a| w.actors[a].name.as_str()).collect();
    let tags: Vec<&str> = e.tags.iter().map(|&t| w.tags[t].as_str()).collect();
    writeln!(
        out,
        "e{},{},{},{},{},{},{},{},Archive {},{},{}",
        e.id,
        e.date,
        e.end.as_deref().unwrap_or(""),
        e.circa,
        field(&e.title),
        e.kind,
        field(&actors.join("; ")),
        e.place.map_or("", |p| w.places[p].as_str()),
        e.source,
        field(&e.quote),
        field(&tags.join("; ")),
    )
}

/// Writes `n` synthetic events in `shape`.
pub fn write(out: &mut impl Write, shape: Shape, n: usize, seed: u64) -> io::Result<()> {
    let mut world = World::new(seed);
    match shape {
        Shape::Acled => writeln!(out, "{ACLED_HEADER}")?,
        Shape::Csv => writeln!(
            out,
            "id,date,end,circa,title,kind,actors,place,source,quote,tags"
        )?,
        Shape::Gdelt => {}
    }
    for _ in 0..n {
        let e = world.event();
        match shape {
            Shape::Acled => write_acled(out, &e, &world)?,
            Shape::Gdelt => write_gdelt(out, &e, &world)?,
            Shape::Csv => write_csv(out, &e, &world)?,
        }
    }
    Ok(())
}
