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
        if let Some(bound) = bound
            && (end.is_some() || entry.circa)
        {
            let field = if end.is_some() { "end" } else { "circa" };
            let at = self.field(item, field);
            self.error(
                at,
                format!("{subject}: a date {} {date} cannot also have `{field}`", bound.word()),
            )
            .help = Some(
                "a bound is already vague and open: remove `end` and `circa`, or give the span as `date` and `end`"
                    .into(),
            );
        }
        if let Some(end) = end
            && end.last_day() < when.date.first_day()
        {
            let field = self.field(item, "end");
            self.error(
                field,
                format!("{subject}: end {end} is before date {}", when.date),
            )
            .help = Some("`end` is the last date of a span; swap the two or remove `end`".into());
        }
        Some(when)
    }
}
