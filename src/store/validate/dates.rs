//! Dates: every date field parsed as a partial date, and spans checked to run forward.

use super::{Checker, Item, Subject};
use crate::date::{Bound, DateError, PartialDate, When};
use crate::store::EventEntry;

impl Checker<'_> {
    pub(super) fn date(
        &mut self,
        item: Item,
        field: &str,
        subject: &Subject,
        text: &str,
    ) -> Option<PartialDate> {
        text.parse::<PartialDate>()
            .map_err(|e| {
                let at = self.field(item, field);
                self.error(at, format!("{subject}: {field} {e}"));
            })
            .ok()
    }

    pub(super) fn when(
        &mut self,
        entry: &EventEntry,
        item: Item,
        subject: &Subject,
    ) -> Option<When> {
        let date = Bound::parse(&entry.date)
            .map_err(|e| {
                let at = self.field(item, "date");
                let malformed = matches!(e, DateError::Malformed(_));
                self.error(at, format!("{subject}: date {e}")).help = malformed.then(|| {
                    "a date the text only bounds is written `before 2015-07` or `after 2012-08`"
                        .into()
                });
            })
            .ok();
        let end = match &entry.end {
            Some(end) => Some(self.date(item, "end", subject, end)?),
            None => None,
        };
        let (bound, date) = date?;
        let when = When {
            date,
            end,
            circa: entry.circa,
            bound,
        };
        if let Some(wrong) = span_problem(&when) {
            let at = self.field(item, wrong.field);
            self.error(at, format!("{subject}: {}", wrong.message)).help = Some(wrong.help.into());
        }
        Some(when)
    }
}

/// What is wrong with a date's parts taken together.
pub struct SpanProblem {
    /// The field to fix.
    pub field: &'static str,
    pub message: String,
    pub help: &'static str,
}

/// Whether a date's parts contradict each other: a bound that also has an end or circa, or
/// an end before the start. Stores and datasets are held to the same rule here.
pub fn span_problem(when: &When) -> Option<SpanProblem> {
    if let Some(bound) = when.bound
        && (when.end.is_some() || when.circa)
    {
        let field = if when.end.is_some() { "end" } else { "circa" };
        return Some(SpanProblem {
            field,
            message: format!(
                "a date {} {} cannot also have `{field}`",
                bound.word(),
                when.date
            ),
            help: "a bound is already vague and open: remove `end` and `circa`, or give the span as `date` and `end`",
        });
    }
    let end = when.end?;
    (end.last_day() < when.date.first_day()).then(|| SpanProblem {
        field: "end",
        message: format!("end {end} is before date {}", when.date),
        help: "`end` is the last date of a span; swap the two or remove `end`",
    })
}
