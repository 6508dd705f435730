//! Reading an event's source outside evex: its URL in the browser, its whole text in the
//! pager. The state side: what to run is worked out here, the terminal loop runs it.

use super::App;

/// What the terminal loop is asked to run outside the explorer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outside {
    /// Start this command line detached from the terminal (the browser) and say so.
    Open(Vec<String>),
    /// Hand the terminal to the pager on this text, and take it back when the pager ends.
    Page {
        /// The source's title, for the status line afterwards.
        title: String,
        text: String,
    },
}

impl App {
    /// The selected event's source, or why there is none (in the status line).
    fn selected_source(&mut self) -> Option<usize> {
        let Some(e) = self.selected_event() else {
            self.status = Some("no event selected".into());
            return None;
        };
        Some(self.store.events[e].source)
    }

    /// `u`: asks for the source's URL to be opened with the system opener.
    pub(super) fn open_url(&mut self) {
        let Some(source) = self.selected_source() else {
            return;
        };
        let source = &self.store.sources[source];
        let Some(url) = source.url.as_deref().filter(|u| !u.trim().is_empty()) else {
            self.status = Some(format!("the source “{}” has no URL", source.title));
            return;
        };
        match self.commands.open(url) {
            Ok(command) => self.outside = Some(Outside::Open(command)),
            Err(problem) => self.status = Some(problem),
        }
    }

    /// `t`: asks for the source's whole text to be shown in the pager, under its citation.
    pub(super) fn read_source(&mut self) {
        let Some(source) = self.selected_source() else {
            return;
        };
        let source = &self.store.sources[source];
        let Some(text) = source.text.as_deref().filter(|t| !t.trim().is_empty()) else {
            self.status = Some(format!(
                "the store has no text for the source “{}”",
                source.title
            ));
            return;
        };
        let mut head = vec![source.title.clone()];
        head.extend(source.author.clone());
        head.push(source.publisher.clone());
        head.extend(source.published.clone());
        head.extend(source.url.clone());
        let page = format!("{}\n\n{}\n", head.join("\n"), text.trim_end());
        self.outside = Some(Outside::Page {
            title: source.title.clone(),
            text: page,
        });
    }
}
