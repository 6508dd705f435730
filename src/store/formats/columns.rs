//! Columns by name: a table's header, the `--map` a person gives (`date=started,actors=who+whom`),
//! and what to say when a file's columns cannot be mapped.

use std::fmt::Write as _;

use super::ImportError;

/// A table's header, for finding columns by name.
#[derive(Debug, Clone)]
pub struct Header {
    pub names: Vec<String>,
}

impl Header {
    pub fn new(names: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self {
            names: names
                .into_iter()
                .map(|n| n.into().trim().trim_start_matches('\u{feff}').to_owned())
                .collect(),
        }
    }

    /// The index of the column called `name` (any case).
    pub fn find(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n.eq_ignore_ascii_case(name))
    }

    /// The columns of `names` the header has, in the order given.
    pub fn find_all(&self, names: &[&str]) -> Vec<usize> {
        names.iter().filter_map(|n| self.find(n)).collect()
    }
}

/// The fields of a header line (comma, tab or semicolon separated), for detection.
pub fn split_header(line: &str) -> Vec<String> {
    let line = line.trim_start_matches('\u{feff}').trim_end_matches('\r');
    let delimiter = [b'\t', b',', b';']
        .into_iter()
        .max_by_key(|&d| line.bytes().filter(|&b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .from_reader(line.as_bytes());
    reader
        .records()
        .next()
        .and_then(Result::ok)
        .map(|r| r.iter().map(|f| f.trim().to_owned()).collect())
        .unwrap_or_default()
}

/// A row's value, or `None` when it is blank or says `NA`.
pub fn value(text: &str) -> Option<&str> {
    let plain = |b: &u8| b.is_ascii() && !matches!(b, b' ' | b'\t'..=b'\r');
    // Most values have nothing to trim: only a value that starts or ends oddly is trimmed.
    let text = match (text.as_bytes().first(), text.as_bytes().last()) {
        (None, _) | (_, None) => return None,
        (Some(first), Some(last)) if plain(first) && plain(last) => text,
        _ => text.trim(),
    };
    (!text.is_empty() && text != "NA" && text != "N/A").then_some(text)
}

/// The fields `--map` can name.
pub const FIELDS: [&str; 14] = [
    "id", "date", "end", "title", "kind", "category", "actors", "place", "source", "url", "quote",
    "notes", "tags", "circa",
];

/// Which columns hold which field: `date=started,end=ended,actors=who+whom,place=city`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap {
    pub fields: Vec<(String, Vec<String>)>,
}

impl std::str::FromStr for ColumnMap {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let mut fields = Vec::new();
        for pair in text.split(',').filter(|p| !p.trim().is_empty()) {
            let Some((field, columns)) = pair.split_once('=') else {
                return Err(format!(
                    "`{pair}` is not FIELD=COLUMN; write e.g. date=started,title=headline,actors=who+whom"
                ));
            };
            let field = field.trim().to_lowercase();
            if !FIELDS.contains(&field.as_str()) {
                return Err(format!(
                    "`{field}` is not a field evex knows; fields: {}",
                    FIELDS.join(", ")
                ));
            }
            let columns = columns.split('+').map(|c| c.trim().to_owned()).collect();
            fields.push((field, columns));
        }
        Ok(Self { fields })
    }
}

impl ColumnMap {
    pub fn get(&self, field: &str) -> Option<&[String]> {
        self.fields
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, c)| c.as_slice())
    }
}

/// What to say about a file that is no format evex knows: what its start looks like and
/// how to map its columns.
pub fn unknown_format(head: &[u8]) -> ImportError {
    let text = String::from_utf8_lossy(head);
    let first = text.lines().next().unwrap_or("").trim();
    let shown: String = first.chars().take(80).collect();
    let columns = split_header(first);
    let mut message = "not a format evex knows".to_owned();
    if !shown.is_empty() {
        let _ = write!(message, " (it starts with \"{shown}\")");
    }
    let help = if columns.len() > 1 {
        format!(
            "its first line has the columns {}; say which hold what, e.g. --format csv --map date={},title={}",
            columns.join(", "),
            columns[0],
            columns[1]
        )
    } else {
        "evex opens RON stores, ACLED, GDELT, ICEWS, TimelineJS JSON and sheets, `evex list -f json` output, and CSV/TSV/JSON tables with --map; see the README".into()
    };
    ImportError::unreadable(message, help)
}
