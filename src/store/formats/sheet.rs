//! The TimelineJS Google-sheet template saved as CSV: `Year, Month, Day, Time, End Year, …,
//! Headline, Text, Media, Media Credit, …, Type, Group, Background`. Mapped as TimelineJS
//! JSON is: a row of type `title` titles the store, `era` rows are events of category Era.

use std::io::BufRead;

use super::build::{Draft, SourceRef};
use super::columns::value;
use super::{Builder, ImportError, dates, html, rows};
use crate::date::When;
use crate::store::EventKind;

pub fn is_header(header: &[String]) -> bool {
    let has = |name: &str| header.iter().any(|h| h.eq_ignore_ascii_case(name));
    has("Year") && has("Headline") && has("End Year")
}

pub fn read(input: impl BufRead + Send, builder: &mut Builder) -> Result<(), ImportError> {
    let mut rows = rows::Rows::new(input, None, true)?;
    let header = rows.header();
    let f = |name: &str| header.find(name);
    let mapped = [
        "Year",
        "Month",
        "Day",
        "End Year",
        "End Month",
        "End Day",
        "Headline",
        "Text",
        "Media Credit",
        "Media",
        "Type",
        "Group",
    ];
    let extra = (0..header.names.len())
        .filter(|&i| {
            !mapped
                .iter()
                .any(|m| header.names[i].eq_ignore_ascii_case(m))
        })
        .collect();
    let extra = rows::Kept::new(&header, extra);
    while let Some((at, record)) = rows.next_record(builder)? {
        let get = |name: &str| f(name).and_then(|i| record.get(i)).and_then(value);
        let kind = get("Type").unwrap_or("").to_lowercase();
        if kind == "title" {
            builder.title = get("Headline").map(html::to_text);
            continue;
        }
        let mut draft = Draft::default();
        let date = |prefix: &str, draft: &mut Draft| {
            let part = |p: &str| get(&format!("{prefix}{p}")).unwrap_or("");
            let (year, month, day) = (part("Year"), part("Month"), part("Day"));
            if year.is_empty() {
                return None;
            }
            dates::from_parts(year, month, day)
                .map_err(|why| {
                    let shown = [year, month, day].into_iter().filter(|p| !p.is_empty());
                    let shown = shown.collect::<Vec<_>>().join("-");
                    draft.problem(&format!("{prefix}Year"), &shown, why);
                })
                .ok()
        };
        let start = date("", &mut draft);
        let end = date("End ", &mut draft);
        if start.is_none() && draft.problems.is_empty() {
            draft
                .problems
                .push("Year is empty: every row but the title needs one".into());
        }
        draft.when = start.map(|date| When {
            end,
            ..When::on(date)
        });
        draft.title = get("Headline").map(html::to_text).unwrap_or_default();
        draft.notes = get("Text").map(html::to_text).filter(|t| !t.is_empty());
        let group = get("Group").map(str::to_owned);
        draft.kind = group.as_deref().and_then(|g| {
            EventKind::ALL
                .into_iter()
                .find(|k| format!("{k:?}").eq_ignore_ascii_case(g))
        });
        draft.category = if kind == "era" {
            Some("Era".into())
        } else {
            group
        };
        let (credit, url) = (get("Media Credit").map(html::to_text), get("Media"));
        if let Some(title) = credit.or_else(|| url.map(str::to_owned)) {
            draft.source = Some(SourceRef {
                publisher: title.clone(),
                title,
                url: url.map(str::to_owned),
            });
        }
        draft.extra = extra.of_record(record);
        builder.push(at, draft);
    }
    Ok(())
}
