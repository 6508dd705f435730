//! `e`: exporting the matches or the marked events to a file whose extension says the
//! format, asking before replacing one that exists.

use std::path::PathBuf;

use super::{App, Prompt, PromptKind};
use crate::export::{self, ExportError, Format};
use crate::keymap::Mode;
use crate::text::count;

/// What the export prompt remembers.
#[derive(Debug, Clone)]
pub struct ExportState {
    /// The path last typed, offered again the next time.
    pub path: String,
    /// Export the marked events rather than the matches (Tab in the prompt switches).
    pub marked: bool,
    /// The file that exists and the format to write it as, while `y`/`n` is asked.
    pub pending: Option<(PathBuf, Format)>,
}

impl Default for ExportState {
    fn default() -> Self {
        Self {
            path: "evex-export.md".into(),
            marked: false,
            pending: None,
        }
    }
}

impl App {
    /// `e`: asks where to export to.
    pub(super) fn open_export(&mut self) {
        self.export.marked &= !self.marked.is_empty();
        self.open_prompt(PromptKind::Export);
        self.title_export_prompt();
    }

    /// Tab in the export prompt: the marked events or the matches.
    pub(super) fn switch_export(&mut self) {
        if self
            .prompt
            .as_ref()
            .is_none_or(|p| p.kind != PromptKind::Export)
        {
            return;
        }
        if self.marked.is_empty() {
            self.status = Some("no marks yet: the matches are exported".into());
            return;
        }
        self.export.marked = !self.export.marked;
        self.title_export_prompt();
    }

    /// `export 34 matches (Tab: 3 marked) to `.
    fn title_export_prompt(&mut self) {
        let (matches, marked) = (self.matching_count(), self.marked.len());
        let noun = if matches == 1 { "match" } else { "matches" };
        let title = match (self.export.marked, marked) {
            (_, 0) => format!("export {matches} {noun} to "),
            (false, _) => format!("export {matches} {noun} (Tab: {marked} marked) to "),
            (true, _) => format!("export {marked} marked (Tab: {matches} {noun}) to "),
        };
        if let Some(prompt) = &mut self.prompt {
            prompt.title = Some(title);
        }
    }

    /// Enter in the export prompt: writes the file, or asks first if it exists.
    pub(super) fn export_to(&mut self, typed: String) {
        if typed.is_empty() {
            self.status = Some("nothing exported: no file given".into());
            return;
        }
        let path = expand_home(&typed);
        self.export.path = typed;
        let Some(format) = Format::from_path(&path) else {
            self.status = Some(format!(
                "nothing exported: name the file {} to say the format",
                Format::EXTENSIONS
            ));
            return;
        };
        self.write_export(path, format, false);
    }

    /// Writes the chosen events; an existing file opens the y/n question.
    fn write_export(&mut self, path: PathBuf, format: Format, overwrite: bool) {
        let events: Vec<usize> = if self.export.marked {
            self.marked.iter().copied().collect()
        } else {
            self.matching_events()
        };
        let name = crate::input::display_name(&path);
        match export::to_file(&path, &self.store, &events, format, overwrite) {
            Ok(()) => {
                self.status = Some(format!(
                    "wrote {} to {name} ({format})",
                    count(events.len(), "event")
                ));
            }
            Err(ExportError::Exists(_)) => {
                self.export.pending = Some((path, format));
                let mut prompt = Prompt::new(PromptKind::Overwrite, String::new());
                prompt.title = Some(format!("{name} exists: overwrite? (y/n) "));
                self.prompt = Some(prompt);
                self.mode = Mode::Prompt;
            }
            Err(e) => self.status = Some(format!("nothing exported: {e}")),
        }
    }

    /// The answer to "overwrite?": `y` writes, anything else leaves the file alone.
    pub(super) fn answer_overwrite(&mut self, answer: &str) {
        self.prompt = None;
        self.mode = Mode::Browse;
        let Some((path, format)) = self.export.pending.take() else {
            return;
        };
        if answer.eq_ignore_ascii_case("y") {
            self.write_export(path, format, true);
        } else {
            self.status = Some(format!(
                "nothing exported: {} left as it was",
                crate::input::display_name(&path)
            ));
        }
    }
}

/// `~/notes.md` in the home directory, as a shell would read it.
fn expand_home(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/"), dirs::home_dir()) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(typed),
    }
}
