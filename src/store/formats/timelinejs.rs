//! TimelineJS JSON: `{"title": slide, "events": [slide…], "eras": [slide…]}`. Blank date
//! parts make a year or a month; headline and text are HTML, shown as plain text; the group
//! is the category; the media credit is the source; everything else is kept.

use std::io::BufRead;

use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer as _, IgnoredAny, MapAccess, Visitor};
use serde_json::{Map, Value};

use super::build::{At, Draft, SourceRef};
use super::json::{Items, Place, Tracked, syntax, text};
use super::{Builder, ImportError, dates, html};
use crate::date::When;
use crate::store::{EventKind, Extra, Position};

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
    let (input, place) = Tracked::new(input);
    let mut deserializer = serde_json::Deserializer::from_reader(input);
    let mut timeline = Timeline {
        place: &place,
        title: None,
        slides: Vec::new(),
    };
    deserializer
        .deserialize_map(&mut timeline)
        .and_then(|()| deserializer.end())
        .map_err(|e| match syntax(e) {
            ImportError::Unreadable { at, message, .. } => ImportError::Unreadable {
                at,
                message: message.replace("not valid JSON", "not a TimelineJS timeline"),
                help: "a timeline is {\"title\": {..}, \"events\": [{\"start_date\": {\"year\": ..}, \"text\": {\"headline\": ..}}]}".into(),
            },
            other => other,
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
    // Events first, then eras, wherever they are in the file.
    timeline.slides.sort_by_key(|(era, _, _)| *era);
    for (n, (era, at, slide)) in timeline.slides.into_iter().enumerate() {
        let draft = match serde_json::from_value::<Slide>(slide) {
            Ok(slide) => row(slide, era),
            Err(e) => {
                let mut draft = Draft::default();
                draft.problems.push(format!("not a TimelineJS slide: {e}"));
                draft
            }
        };
        builder.push(At::Item { n: n + 1, at }, draft);
    }
    Ok(())
}

/// A timeline's title slide and its slides as they come, each with whether it is an era and
/// where it starts; other keys are passed over.
struct Timeline<'p> {
    place: &'p Place,
    title: Option<Value>,
    slides: Vec<(bool, Position, Value)>,
}

impl<'de> Visitor<'de> for &mut Timeline<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a TimelineJS timeline (an object with `events`)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            let era = match key.as_str() {
                "title" => {
                    self.title = Some(map.next_value()?);
                    continue;
                }
                "events" => false,
                "eras" => true,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            let slides = &mut self.slides;
            let mut each = |at: At, slide| {
                if let At::Item { at, .. } = at {
                    slides.push((era, at, slide));
                }
            };
            map.next_value_seed(Items {
                each: &mut each,
                place: self.place,
                n: 0,
            })?;
        }
        Ok(())
    }
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
