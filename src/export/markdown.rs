//! Events as a Markdown report to read: per event its date, title, actors and place, then the
//! quote as a block quote with its citation, or a dataset's notes and fields when it has none.

use std::io::{self, Write};

use crate::citation;
use crate::store::{Event, Store};
use crate::text::{count, sanitize};

/// Writes the report of `events` (store indices, in timeline order).
pub fn markdown(out: &mut impl Write, store: &Store, events: &[usize]) -> io::Result<()> {
    writeln!(out, "# {}\n", text(&store.title))?;
    writeln!(out, "{}, exported by evex.", count(events.len(), "event"))?;
    for &e in events {
        writeln!(out)?;
        event(out, store, &store.events[e])?;
    }
    Ok(())
}

fn event(out: &mut impl Write, store: &Store, event: &Event) -> io::Result<()> {
    writeln!(
        out,
        "## {} · {}\n",
        text(&event.when.words()),
        text(&event.title)
    )?;
    let mut facts = vec![format!("**Kind:** {:?}", event.kind)];
    let actors = store.actor_names(event);
    if !actors.is_empty() {
        facts.push(format!("**Actors:** {}", text(&actors.join(", "))));
    }
    if let Some(place) = &event.place {
        facts.push(format!("**Place:** {}", text(place)));
    }
    if !event.tags.is_empty() {
        facts.push(format!("**Tags:** {}", text(&event.tags.join(", "))));
    }
    writeln!(
        out,
        "{}  \n`{}`\n",
        facts.join(" · "),
        event.id.replace('`', "'")
    )?;
    if let Some(quote) = &event.quote {
        let quote = quote.split_whitespace().collect::<Vec<_>>().join(" ");
        writeln!(out, "> “{}”", text(&quote))?;
        writeln!(out, ">")?;
        writeln!(out, "> — {}", text(&citation::reference(store, event)))?;
        return Ok(());
    }
    // A dataset's event: its own words and fields, and where it comes from.
    if let Some(category) = &event.category {
        writeln!(out, "**Category:** {}\n", text(category))?;
    }
    if let Some(notes) = &event.notes {
        writeln!(out, "{}\n", text(notes))?;
    }
    for (name, value) in event.extra.iter().filter(|(_, v)| !v.is_empty()) {
        writeln!(out, "- **{}:** {}", text(name), text(value))?;
    }
    if !event.extra.is_empty() {
        writeln!(out)?;
    }
    writeln!(out, "Source: {}", text(&citation::reference(store, event)))
}

/// Store text as Markdown shows it literally: on one line, control characters made visible,
/// and the characters Markdown would read as formatting escaped.
fn text(raw: &str) -> String {
    let flat = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(flat.len());
    for c in sanitize(&flat).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
