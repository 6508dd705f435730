//! The one-line prompts: search, find an actor, go to a year.

use super::App;
use crate::keymap::{Focus, Mode};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// Filters the timeline live as you type.
    Search,
    /// Filters the actor list; Enter toggles the first match.
    FindActor,
    /// Moves the selection to a year without filtering.
    Year,
}

impl PromptKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Search => "/",
            Self::FindActor => "actor /",
            Self::Year => "year: ",
        }
    }
}

/// A prompt being typed in, with what to restore on Esc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: String,
    previous: String,
}

/// Deletes the word before the end, and the white space after it.
pub fn delete_word(input: &mut String) {
    let trimmed = input.trim_end().len();
    let start = input[..trimmed]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1);
    input.truncate(start);
}

impl App {
    pub(super) fn open_prompt(&mut self, kind: PromptKind) {
        let previous = match kind {
            PromptKind::Search => self.query_text.clone(),
            PromptKind::FindActor => self.sidebar.filter.clone(),
            PromptKind::Year => String::new(),
        };
        if kind == PromptKind::FindActor {
            self.focus = Focus::Actors;
        } else if self.focus == Focus::Actors && kind == PromptKind::Search {
            self.focus = Focus::Timeline;
        }
        self.prompt = Some(Prompt {
            kind,
            input: previous.clone(),
            previous,
        });
        self.mode = Mode::Prompt;
    }

    pub(super) fn edit_prompt(&mut self, edit: impl FnOnce(&mut String)) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        edit(&mut prompt.input);
        let (kind, input) = (prompt.kind, prompt.input.clone());
        self.apply_prompt(kind, input);
    }

    /// Live effect of the prompt's text: search and actor filters follow every keystroke.
    fn apply_prompt(&mut self, kind: PromptKind, input: String) {
        match kind {
            PromptKind::Search => self.set_query(input),
            PromptKind::FindActor => {
                self.sidebar.filter = input;
                self.sidebar.selected = 0;
                self.sidebar
                    .rebuild(&self.store, &self.matches.facets, &self.filter.actors);
            }
            PromptKind::Year => {}
        }
    }

    pub(super) fn submit_prompt(&mut self) {
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        self.mode = Mode::Browse;
        match prompt.kind {
            PromptKind::Search => {}
            PromptKind::FindActor => {
                self.sidebar.selected = 0;
                self.toggle_actor();
                self.sidebar.filter.clear();
                self.sidebar
                    .rebuild(&self.store, &self.matches.facets, &self.filter.actors);
            }
            PromptKind::Year => self.go_to_date(prompt.input.trim()),
        }
    }

    pub(super) fn cancel_prompt(&mut self) {
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        self.mode = Mode::Browse;
        self.apply_prompt(prompt.kind, prompt.previous);
    }
}
