//! Delimited text files read with the csv crate: streamed one record at a time, mapped on
//! every core in batches, bad lines (not UTF-8, wrong number of fields) reported with their
//! line, and a row's unmapped columns kept.

use std::io::BufRead;
use std::sync::Arc;

use rayon::prelude::*;

use super::build::{At, Draft};
use super::columns::{Header, value};
use super::{Builder, ImportError};
use crate::store::Extra;

/// The rows of a delimited file, one record at a time.
pub struct Rows<R: BufRead> {
    reader: csv::Reader<R>,
    record: csv::StringRecord,
    /// How many fields every row must have: the header's, or the first row's.
    width: Option<usize>,
}

impl<R: BufRead> Rows<R> {
    /// Rows split on `delimiter`, or on whichever of tab, comma and semicolon the first line
    /// has most of. Tab-separated files are read without quoting, as GDELT and ICEWS write
    /// them.
    pub fn new(
        mut input: R,
        delimiter: Option<u8>,
        has_headers: bool,
    ) -> Result<Self, ImportError> {
        let delimiter = match delimiter {
            Some(d) => d,
            None => sniff(input.fill_buf()?),
        };
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(has_headers)
            .flexible(true)
            .quoting(delimiter != b'\t')
            .from_reader(input);
        Ok(Self {
            reader,
            record: csv::StringRecord::new(),
            width: None,
        })
    }

    pub fn header(&mut self) -> Header {
        let header = self
            .reader
            .headers()
            .map(|h| Header::new(h.iter()))
            .unwrap_or_else(|_| Header::new(Vec::<String>::new()));
        self.width = Some(header.names.len());
        header
    }

    /// The next good record and its line; rows that are not UTF-8 or have the wrong number of
    /// fields are reported to `builder` and passed over.
    pub fn next_record(
        &mut self,
        builder: &mut Builder,
    ) -> Result<Option<(At, &csv::StringRecord)>, ImportError> {
        let mut record = std::mem::take(&mut self.record);
        let at = self.read_into(&mut record, builder);
        self.record = record;
        Ok(at?.map(|at| (at, &self.record)))
    }

    /// Maps every good row with `map`, a batch of rows at a time on every core; the rows
    /// reach `builder` in file order.
    pub fn map_all(
        &mut self,
        builder: &mut Builder,
        map: impl Fn(&csv::StringRecord) -> Draft + Sync,
    ) -> Result<(), ImportError> {
        const BATCH: usize = 8_192;
        let mut batch: Vec<(At, csv::StringRecord)> = Vec::new();
        let mut drafts: Vec<Draft> = Vec::with_capacity(BATCH);
        loop {
            let mut filled = 0;
            while filled < BATCH {
                if filled == batch.len() {
                    batch.push((At::Line(0), csv::StringRecord::new()));
                }
                let (at, record) = &mut batch[filled];
                match self.read_into(record, builder)? {
                    Some(line) => *at = line,
                    None => break,
                }
                filled += 1;
            }
            // One vector for every batch's drafts: a fresh one each time would be new pages.
            drafts.par_extend(batch[..filled].par_iter().map(|(_, r)| map(r)));
            for ((at, _), draft) in batch.iter().zip(drafts.drain(..)) {
                builder.push(*at, draft);
            }
            if filled < BATCH {
                return Ok(());
            }
        }
    }

    fn read_into(
        &mut self,
        record: &mut csv::StringRecord,
        builder: &mut Builder,
    ) -> Result<Option<At>, ImportError> {
        loop {
            match self.reader.read_record(record) {
                Ok(false) => return Ok(None),
                Ok(true) => {
                    let line = record.position().map_or(0, csv::Position::line);
                    let width = *self.width.get_or_insert(record.len());
                    if record.len() == width {
                        return Ok(Some(At::Line(line)));
                    }
                    let mut draft = Draft::default();
                    draft.problems.push(format!(
                        "the row has {} fields but the header (or the first row) has {width}; check for an unquoted delimiter or a cut line",
                        record.len()
                    ));
                    builder.push(At::Line(line), draft);
                }
                Err(e) => {
                    let line = e.position().map_or(0, csv::Position::line);
                    if let csv::ErrorKind::Io(_) = e.kind() {
                        return Err(ImportError::Io(e.into_kind_io()));
                    }
                    let mut draft = Draft::default();
                    draft.problems.push(format!("{e}; save the file as UTF-8"));
                    builder.push(At::Line(line), draft);
                }
            }
        }
    }
}

trait IntoIo {
    fn into_kind_io(self) -> std::io::Error;
}

impl IntoIo for csv::Error {
    fn into_kind_io(self) -> std::io::Error {
        match self.into_kind() {
            csv::ErrorKind::Io(e) => e,
            other => std::io::Error::other(format!("{other:?}")),
        }
    }
}

/// The delimiter a file's first line has most of.
pub fn sniff(head: &[u8]) -> u8 {
    let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    [b'\t', b',', b';']
        .into_iter()
        .max_by_key(|&d| line.iter().filter(|&&b| b == d).count())
        .unwrap_or(b',')
}

/// The columns a table keeps as extra, and their names, which every row's [`Extra`] shares.
pub struct Kept {
    columns: Vec<usize>,
    names: Arc<Vec<Box<str>>>,
}

impl Kept {
    pub fn new(header: &Header, columns: Vec<usize>) -> Self {
        let names = columns
            .iter()
            .map(|&i| Box::from(header.names[i].as_str()))
            .collect();
        Self {
            columns,
            names: Arc::new(names),
        }
    }

    /// A row's kept values, which `get` gives by column; blanks and `NA` are left out.
    pub fn of<'r>(&self, get: impl Fn(usize) -> Option<&'r str>) -> Extra {
        let values = self
            .columns
            .iter()
            .map(|&i| get(i).and_then(value).unwrap_or(""));
        Extra::of_columns(&self.names, values)
    }

    /// A record's kept values.
    pub fn of_record(&self, record: &csv::StringRecord) -> Extra {
        self.of(|i| record.get(i))
    }
}
