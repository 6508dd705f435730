//! Problems found in a store, each placed at a line and column and shown with the line it
//! is on, the way compilers show errors.

use std::fmt;

use crate::text::sanitize;

/// Bytes between the marks that let a column be counted without scanning its whole line.
const CHAR_MARK: usize = 4096;

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

/// Where every line of a text starts, found in one pass, so placing a problem and showing its
/// line cost a binary search instead of a scan from the start of the file: 50,000 problems
/// take as long to place as one pass over the text.
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// How many characters come before every `CHAR_MARK`-th byte, so a column on a very long
    /// line (a store written on one line) is counted from the nearest mark.
    chars_before: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1))
            .collect();
        let mut chars_before = vec![0];
        let mut chars = 0;
        for chunk in bytes.chunks(CHAR_MARK) {
            chars += count_chars(chunk);
            chars_before.push(chars);
        }
        Self {
            text,
            starts,
            chars_before,
        }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The position of byte `offset` (clamped to the end of the text).
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        Position {
            line,
            col: self.chars_to(offset) - self.chars_to(start) + 1,
        }
    }

    /// Line `n` (1-based) without its line break.
    pub fn line(&self, n: usize) -> Option<&'a str> {
        let start = *self.starts.get(n.checked_sub(1)?)?;
        let end = self.starts.get(n).map_or(self.text.len(), |next| next - 1);
        self.text.get(start..end)
    }

    fn chars_to(&self, offset: usize) -> usize {
        let mark = offset / CHAR_MARK;
        self.chars_before[mark] + count_chars(&self.text.as_bytes()[mark * CHAR_MARK..offset])
    }
}

/// Characters in UTF-8 bytes: every byte that does not continue a character starts one.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
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
    pub fn in_file<'a>(&'a self, file: &'a str, lines: &'a Lines<'a>) -> Located<'a> {
        Located {
            diagnostic: self,
            file,
            lines,
        }
    }
}

/// A diagnostic together with its file name and text, printed as
/// `file:line:col: error: message`, the line, a caret and the help. Everything in it is
/// sanitized, the file name included.
pub struct Located<'a> {
    diagnostic: &'a Diagnostic,
    file: &'a str,
    lines: &'a Lines<'a>,
}

impl fmt::Display for Located<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.diagnostic;
        let severity = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let file = sanitize(self.file);
        match d.position {
            Some(p) => write!(f, "{file}:{}:{}: ", p.line, p.col)?,
            None => write!(f, "{file}: ")?,
        }
        write!(f, "{severity}: {}", sanitize(&d.message))?;
        if let Some(p) = d.position
            && let Some(line) = self.lines.line(p.line)
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
