//! evex's own `list -f json` output, so exported events open again: actors come back by
//! name (their kinds are not in the export, so they are `Other`), sources by title and
//! address.

use std::io::BufRead;

use super::build::{Draft, SourceRef};
use super::json::for_each_item;
use super::{Builder, ImportError};
use crate::date::{Bound, PartialDate, When};
use crate::store::ActorKind;
use crate::store::EventRecord;

pub fn read(input: impl BufRead + Send, builder: &mut Builder) -> Result<(), ImportError> {
    for_each_item(input, |at, item| {
        let draft = match serde_json::from_value::<EventRecord>(item) {
            Ok(record) => row(record),
            Err(e) => {
                let mut draft = Draft::default();
                draft.problems.push(format!(
                    "not an event as `evex list -f json` writes it: {e}"
                ));
                draft
            }
        };
        builder.push(at, draft);
    })
}

fn row(r: EventRecord) -> Draft {
    let mut draft = Draft::default();
    // The date as `list -f json` writes it: `2015-07`, or `before 2015-07` for a bound.
    let start = Bound::parse(&r.date)
        .map_err(|e| draft.problems.push(format!("date {e}")))
        .ok();
    let end = match &r.end {
        Some(end) => end
            .parse::<PartialDate>()
            .map_err(|e| draft.problems.push(format!("end {e}")))
            .ok()
            .map(Some),
        None => Some(None),
    };
    draft.when = start.zip(end).map(|((bound, date), end)| When {
        date,
        end,
        circa: r.circa,
        bound,
    });
    draft.id = Some(r.id);
    draft.title = r.title;
    draft.kind = Some(r.kind);
    draft.actors = r
        .actors
        .into_iter()
        .map(|a| (a, ActorKind::Other))
        .collect();
    draft.place = r.place;
    draft.source = Some(SourceRef {
        publisher: r.source.clone(),
        title: r.source,
        url: r.url,
    });
    draft.quote = r.quote;
    draft.tags = r.tags;
    draft.notes = r.notes;
    draft.category = r.category;
    draft.extra = r.extra;
    draft
}
