//! The one-line prompts: search, find an actor, go to a year. Line editing is tui-input's;
//! this adds what evex needs around it: the last query selected on opening, history, and a
//! window that scrolls sideways so the cursor is always in view.

use tui_input::{Input, InputRequest};
use unicode_width::UnicodeWidthChar;

use super::App;
use crate::action::Edit;
use crate::keymap::{Focus, Mode};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// Filters the timeline live as you type.
    Search,
    /// Filters the actor list; Enter toggles the first match.
    FindActor,
    /// Moves the selection to a year without filtering.
    Year,
    /// The path to export the matches or the marked events to.
    Export,
    /// Whether to replace the file an export would write: `y` does.
    Overwrite,
}

impl PromptKind {
    /// Whether `action`, bound in every prompt, does anything in this one: the history and
    /// find/filter are the search's, marked/all the export's.
    pub fn offers(self, action: crate::action::Action) -> bool {
        use crate::action::Action::{HistoryNext, HistoryPrev, SwitchExport, ToggleFind};
        match action {
            HistoryPrev | HistoryNext | ToggleFind => self == Self::Search,
            SwitchExport => self == Self::Export,
            _ => true,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Search => "/",
            Self::FindActor => "actor /",
            Self::Year => "year: ",
            Self::Export => "export to ",
            Self::Overwrite => "overwrite? (y/n) ",
        }
    }
}

/// A prompt being typed in, with what to restore on Esc.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub kind: PromptKind,
    input: Input,
    previous: String,
    /// The text is what was there before, selected: typing replaces it, a movement keeps it.
    pub selected: bool,
    /// While walking the history: the entry shown, and what was typed before the walk.
    walk: Option<(usize, String)>,
    /// What the footer shows before the text, when it says more than the kind's label.
    pub title: Option<String>,
}

/// What of a prompt fits in a width: the text around the cursor, and whether either end
/// is cut off.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Window {
    pub before: String,
    /// The character under the cursor; empty at the end of the text.
    pub under: String,
    pub after: String,
    pub cut_left: bool,
    pub cut_right: bool,
}

impl Prompt {
    pub fn new(kind: PromptKind, text: String) -> Self {
        Self {
            kind,
            selected: !text.is_empty(),
            input: Input::new(text.clone()),
            previous: text,
            walk: None,
            title: None,
        }
    }

    /// What the footer shows before the text.
    pub fn label(&self) -> &str {
        self.title.as_deref().unwrap_or(self.kind.label())
    }

    pub fn text(&self) -> &str {
        self.input.value()
    }

    /// The cursor as a byte offset into [`Prompt::text`].
    pub fn cursor(&self) -> usize {
        let text = self.text();
        text.char_indices()
            .nth(self.input.cursor())
            .map_or(text.len(), |(at, _)| at)
    }

    /// Types `c` at the cursor, replacing the text if it is selected.
    pub fn type_char(&mut self, c: char) {
        if std::mem::take(&mut self.selected) {
            self.input.reset();
        }
        self.input.handle(InputRequest::InsertChar(c));
    }

    pub fn edit(&mut self, edit: Edit) {
        let was_selected = std::mem::take(&mut self.selected);
        let request = match edit {
            Edit::Left => InputRequest::GoToPrevChar,
            Edit::Right => InputRequest::GoToNextChar,
            Edit::WordLeft => InputRequest::GoToPrevWord,
            Edit::WordRight => InputRequest::GoToNextWord,
            Edit::Home => InputRequest::GoToStart,
            Edit::End => InputRequest::GoToEnd,
            // Deleting a selection deletes all of it.
            Edit::DeleteBack | Edit::DeleteWord if was_selected => InputRequest::DeleteLine,
            Edit::DeleteBack => InputRequest::DeletePrevChar,
            Edit::DeleteForward => InputRequest::DeleteNextChar,
            Edit::DeleteWord => InputRequest::DeletePrevWord,
            Edit::DeleteToStart => InputRequest::DeleteFromStart,
            Edit::DeleteToEnd => InputRequest::DeleteTillEnd,
        };
        self.input.handle(request);
    }

    /// Shows the next older (`back`) or newer history entry that contains what was typed
    /// before the walk began; past the newest, that typed text again.
    pub fn recall(&mut self, entries: &[String], back: bool) {
        let (at, draft) = self
            .walk
            .take()
            .unwrap_or((entries.len(), self.text().to_owned()));
        let fits = |i: &usize| entries[*i].contains(draft.as_str()) && entries[*i] != draft;
        let next = if back {
            (0..at).rev().find(fits)
        } else {
            (at + 1..entries.len()).find(fits)
        };
        let (at, text) = match next {
            Some(i) => (i, entries[i].clone()),
            None if back => (at, self.text().to_owned()),
            None => (entries.len(), draft.clone()),
        };
        self.walk = (at < entries.len()).then_some((at, draft));
        self.selected = false;
        self.input = Input::new(text);
    }

    /// The part of the text to show in `width` cells with the cursor in view, keeping room
    /// for a `…` at each end that is cut off.
    pub fn window(&self, width: usize) -> Window {
        let text = self.text();
        let cursor = self.cursor();
        let cells = |s: &str| s.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>();
        let mut start = 0;
        if cells(text) + 1 > width {
            // The cursor keeps room after it for its own cell and a `…`.
            let budget = width.saturating_sub(3);
            let mut lead = cells(&text[..cursor]);
            let mut chars = text[..cursor].char_indices();
            while lead > budget {
                let Some((_, c)) = chars.next() else { break };
                lead -= c.width().unwrap_or(0);
                start += c.len_utf8();
            }
        }
        let cut_left = start > 0;
        let mut room = width.saturating_sub(usize::from(cut_left));
        let mut end = start;
        for (at, c) in text[start..].char_indices() {
            let w = c.width().unwrap_or(0);
            let last = start + at + c.len_utf8() == text.len();
            // Keep a cell for the `…` unless this is the last char (and the cursor fits).
            let need = w + usize::from(!last || cursor == text.len());
            if need > room {
                break;
            }
            room -= w;
            end = start + at + c.len_utf8();
        }
        let under_end = text[cursor..]
            .chars()
            .next()
            .map_or(cursor, |c| cursor + c.len_utf8());
        let under_end = if under_end <= end { under_end } else { cursor };
        Window {
            before: text[start..cursor.max(start)].to_owned(),
            under: text[cursor.max(start)..under_end.max(start)].to_owned(),
            after: text[under_end.max(start)..end.max(under_end)].to_owned(),
            cut_left,
            cut_right: end < text.len(),
        }
    }
}

impl App {
    pub(super) fn open_prompt(&mut self, kind: PromptKind) {
        let previous = match kind {
            PromptKind::Search => self.query_text.clone(),
            PromptKind::FindActor => self.sidebar.filter.clone(),
            PromptKind::Year | PromptKind::Overwrite => String::new(),
            PromptKind::Export => self.export.path.clone(),
        };
        if kind == PromptKind::FindActor {
            self.focus = Focus::Actors;
        } else if self.focus == Focus::Actors && kind == PromptKind::Search {
            self.focus = Focus::Timeline;
        }
        let mut prompt = Prompt::new(kind, previous);
        if kind == PromptKind::Search {
            prompt.title = self.search_label();
        }
        self.prompt = Some(prompt);
        self.mode = Mode::Prompt;
    }

    /// Changes the prompt's text or cursor, applying the text if it changed.
    pub(super) fn edit_prompt(&mut self, edit: impl FnOnce(&mut Prompt, &[String])) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        let before = prompt.text().to_owned();
        // Only searches are kept in the history.
        let history: &[String] = match prompt.kind {
            PromptKind::Export | PromptKind::Overwrite => &[],
            _ => &self.history.entries,
        };
        edit(prompt, history);
        if prompt.text() != before {
            let (kind, input) = (prompt.kind, prompt.text().to_owned());
            self.apply_prompt(kind, input);
        }
    }

    /// Live effect of the prompt's text: search and actor filters follow every keystroke.
    fn apply_prompt(&mut self, kind: PromptKind, input: String) {
        match kind {
            PromptKind::Search => self.set_query(input),
            PromptKind::FindActor => {
                self.sidebar.filter = input;
                self.sidebar.selected = 0;
                self.rebuild_sidebar();
            }
            PromptKind::Overwrite => self.answer_overwrite(&input),
            PromptKind::Year | PromptKind::Export => {}
        }
    }

    pub(super) fn submit_prompt(&mut self) {
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        self.mode = Mode::Browse;
        let input = prompt.text().trim();
        match prompt.kind {
            PromptKind::Search => {
                self.history.push(input);
                self.status = self.filter.query.describe_problems();
                if self.status.is_none() {
                    self.ask_why_none();
                }
                self.find_from_here();
            }
            PromptKind::FindActor => {
                self.sidebar.selected = 0;
                self.toggle_actor();
                self.sidebar.filter.clear();
                self.rebuild_sidebar();
            }
            PromptKind::Year => self.go_to_date(input),
            PromptKind::Export => self.export_to(input.to_owned()),
            PromptKind::Overwrite => self.answer_overwrite(""),
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
