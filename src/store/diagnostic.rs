//! Problems found in a store, each placed at a line and column and shown with the line it
//! is on, the way compilers show errors.

use std::fmt;

use crate::text::sanitize;

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl Position {
    /// The position of byte `offset` in `text`.
    pub fn of_offset(text: &str, offset: usize) -> Self {
        let before = &text[..offset.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Self {
            line,
            col: before[line_start..].chars().count() + 1,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem with a store, ready to show to the person who wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub position: Option<Position>,
    pub message: String,
    /// What to do about it, shown under the source line.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(position: Option<Position>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            position,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(position: Option<Position>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(position, message)
        }
    }

    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Binds the diagnostic to its file so it can print the offending line.
    pub fn in_file<'a>(&'a self, file: &'a str, text: &'a str) -> Located<'a> {
        Located {
            diagnostic: self,
            file,
            text,
        }
    }
}

/// A diagnostic together with its file name and text, printed as
/// `file:line:col: error: message`, the line, a caret and the help.
pub struct Located<'a> {
    diagnostic: &'a Diagnostic,
    file: &'a str,
    text: &'a str,
}

impl fmt::Display for Located<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.diagnostic;
        let severity = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match d.position {
            Some(p) => write!(f, "{}:{}:{}: ", self.file, p.line, p.col)?,
            None => write!(f, "{}: ", self.file)?,
        }
        write!(f, "{severity}: {}", sanitize(&d.message))?;
        if let Some(p) = d.position
            && let Some(line) = self.text.lines().nth(p.line - 1)
        {
            let gutter = p.line.to_string().len();
            let shown: String = sanitize(line.trim_end_matches('\r'))
                .chars()
                .take(200)
                .collect();
            let pad = shown.chars().take(p.col.saturating_sub(1)).count();
            write!(
                f,
                "\n {} |\n {} | {}\n {} | {}^",
                " ".repeat(gutter),
                p.line,
                shown,
                " ".repeat(gutter),
                " ".repeat(pad)
            )?;
        }
        if let Some(help) = &d.help {
            write!(f, "\n  = help: {}", sanitize(help))?;
        }
        Ok(())
    }
}
