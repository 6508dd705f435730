//! TimelineJS JSON: `{"title": slide, "events": [slide…], "eras": [slide…]}`. Blank date
//! parts make a year or a month; headline and text are HTML, shown as plain text; the group
//! is the category; the media credit is the source; everything else is kept.

use std::io::BufRead;

use serde::Deserialize;
use serde_json::{Map, Value};

use super::build::{At, Draft, SourceRef};
use super::json::text;
use super::{Builder, ImportError, dates, html};
use crate::date::When;
use crate::store::{EventKind, Extra};

#[derive(Deserialize)]
struct Timeline {
    #[serde(default)]
    title: Option<Value>,
    #[serde(default)]
    events: Vec<Value>,
    #[serde(default)]
    eras: Vec<Value>,
}

#[derive(Deserialize, Default)]
struct Slide {
    start_date: Option<Map<String, Value>>,
    end_date: Option<Map<String, Value>>,
    #[serde(default)]
    text: Option<SlideText>,
    #[serde(default)]
    media: Option<Map<String, Value>>,
    group: Option<Value>,
    unique_id: Option<Value>,
    /// Everything else on the slide (background, autolink, display_date…), kept as extra.
    #[serde(flatten)]
    other: Map<String, Value>,
}

#[derive(Deserialize, Default)]
struct SlideText {
    headline: Option<String>,
    text: Option<String>,
}

pub fn read(input: impl BufRead + Send, builder: &mut Builder) -> Result<(), ImportError> {
    let timeline: Timeline = serde_json::from_reader(input).map_err(|e| {
        ImportError::unreadable(
            format!("not a TimelineJS timeline (line {}, column {}): {e}", e.line(), e.column()),
            "a timeline is {\"title\": {..}, \"events\": [{\"start_date\": {\"year\": ..}, \"text\": {\"headline\": ..}}]}",
        )
    })?;
    if let Some(title) = timeline
        .title
        .and_then(|t| serde_json::from_value::<Slide>(t).ok())
    {
        builder.title = title
            .text
            .and_then(|t| t.headline)
            .map(|h| html::to_text(&h))
            .filter(|h| !h.is_empty());
    }
    let eras = timeline.eras.into_iter().map(|era| (era, true));
    for (n, (slide, era)) in timeline
        .events
        .into_iter()
        .map(|s| (s, false))
        .chain(eras)
        .enumerate()
    {
        let draft = match serde_json::from_value::<Slide>(slide) {
            Ok(slide) => row(slide, era),
            Err(e) => {
                let mut draft = Draft::default();
                draft.problems.push(format!("not a TimelineJS slide: {e}"));
                draft
            }
        };
        builder.push(At::Item(n + 1), draft);
    }
    Ok(())
}

fn row(slide: Slide, era: bool) -> Draft {
    let mut draft = Draft {
        id: slide
            .unique_id
            .as_ref()
            .map(text)
            .filter(|id| !id.is_empty()),
        ..Draft::default()
    };
    let mut extra = Extra::default();
    let start = match &slide.start_date {
        Some(parts) => date("start_date", parts, &mut draft, &mut extra),
        None => {
            let missing = "start_date is missing: every slide but the title needs one";
            draft.problems.push(missing.into());
            None
        }
    };
    let end = slide
        .end_date
        .as_ref()
        .and_then(|parts| date("end_date", parts, &mut draft, &mut extra));
    draft.when = start.map(|date| When {
        end,
        ..When::on(date)
    });
    let slide_text = slide.text.unwrap_or_default();
    draft.title = slide_text
        .headline
        .map(|h| html::to_text(&h))
        .unwrap_or_default();
    draft.notes = slide_text
        .text
        .map(|t| html::to_text(&t))
        .filter(|t| !t.is_empty());
    let group = slide.group.as_ref().map(text).filter(|g| !g.is_empty());
    draft.kind = group.as_deref().and_then(|g| {
        EventKind::ALL
            .into_iter()
            .find(|k| format!("{k:?}").eq_ignore_ascii_case(g))
    });
    draft.category = if era { Some("Era".into()) } else { group };
    if let Some(media) = &slide.media {
        let get = |key: &str| media.get(key).map(text).filter(|v| !v.is_empty());
        let (credit, url) = (get("credit").map(|c| html::to_text(&c)), get("url"));
        if let Some(title) = credit.clone().or_else(|| url.clone()) {
            draft.source = Some(SourceRef {
                publisher: title.clone(),
                title,
                url: url.clone(),
            });
        }
        for (key, value) in media.iter().filter(|(k, _)| *k != "credit") {
            let value = text(value);
            if !value.is_empty() {
                extra.push(&format!("media {key}"), &html::to_text(&value));
            }
        }
    }
    for (key, value) in &slide.other {
        let value = text(value);
        if !value.is_empty() {
            extra.push(key, &value);
        }
    }
    draft.extra = extra;
    draft
}

/// A date from a slide's parts; the time and display text go to `extra`.
fn date(
    field: &str,
    parts: &Map<String, Value>,
    draft: &mut Draft,
    extra: &mut Extra,
) -> Option<crate::date::PartialDate> {
    let part = |key: &str| parts.get(key).map(text).unwrap_or_default();
    let time: Vec<String> = ["hour", "minute", "second", "millisecond"]
        .iter()
        .map(|k| part(k))
        .take_while(|p| !p.is_empty())
        .collect();
    if !time.is_empty() {
        extra.push(&format!("{field} time"), &time.join(":"));
    }
    let display = part("display_date");
    if !display.is_empty() {
        extra.push(&format!("{field} display_date"), &display);
    }
    let (year, month, day) = (part("year"), part("month"), part("day"));
    dates::from_parts(&year, &month, &day)
        .map_err(|why| {
            let shown = [year.as_str(), month.as_str(), day.as_str()]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            draft.problem(field, &shown, why);
        })
        .ok()
}
