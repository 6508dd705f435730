//! Delimited text files read with the csv crate: streamed one record at a time, mapped on
//! every core in batches, bad lines (not UTF-8, wrong number of fields) reported with their
//! line, and a row's unmapped columns kept.

use std::io::BufRead;
use std::sync::{Arc, mpsc};

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
        let mut bad = Vec::new();
        let at = read_into(
            &mut self.reader,
            &mut self.width,
            &mut self.record,
            &mut bad,
        );
        for (line, problem) in bad {
            builder.bad_line(line, problem);
        }
        Ok(at?.map(|at| (at, &self.record)))
    }

    /// Maps every good row with `map` and hands it to `builder` in file order. One thread
    /// reads batches of rows ahead while the last batch is mapped on every core and the one
    /// before it is added to the store.
    pub fn map_all(
        &mut self,
        builder: &mut Builder,
        map: impl Fn(&csv::StringRecord) -> Draft + Sync,
    ) -> Result<(), ImportError>
    where
        R: Send,
    {
        let (full, filled) = mpsc::sync_channel::<Result<Batch, ImportError>>(2);
        let (free, emptied) = mpsc::channel::<Batch>();
        let Self { reader, width, .. } = self;
        std::thread::scope(|scope| {
            scope.spawn(move || {
                loop {
                    let mut batch = emptied.try_recv().unwrap_or_default();
                    let result = batch.fill(reader, width);
                    let more = matches!(result, Ok(true));
                    // The mapping side stops listening only when it failed.
                    if full.send(result.map(|_| batch)).is_err() || !more {
                        return;
                    }
                }
            });
            // Two vectors of drafts, swapped each batch: fresh ones would be new pages.
            let mut drafts: [Vec<Draft>; 2] = Default::default();
            let mut pending: Option<Batch> = None;
            for batch in filled {
                let batch = batch?;
                if pending.is_none() {
                    builder.expect_rows(batch.filled, batch.bytes);
                }
                let [mapped, previous] = &mut drafts;
                rayon::join(
                    || mapped.par_extend(batch.rows().par_iter().map(|(_, r)| map(r))),
                    || {
                        if let Some(done) = pending.take() {
                            done.hand_over(builder, previous);
                            let _ = free.send(done);
                        }
                    },
                );
                drafts.swap(0, 1);
                pending = Some(batch);
            }
            if let Some(done) = pending {
                done.hand_over(builder, &mut drafts[1]);
            }
            Ok(())
        })
    }
}

/// Rows read ahead, handed from the reading thread to the mapping one and back for reuse.
#[derive(Default)]
struct Batch {
    /// Good records and their lines; only the first `filled` are this batch's.
    rows: Vec<(At, csv::StringRecord)>,
    filled: usize,
    /// Lines that are no good row, and why.
    bad: Vec<(At, String)>,
    /// How far into the file the batch ends, in bytes.
    bytes: u64,
}

impl Batch {
    /// Rows read at once.
    const ROWS: usize = 8_192;

    /// Reads the next rows; whether the batch filled up (so more may follow).
    fn fill<R: BufRead>(
        &mut self,
        reader: &mut csv::Reader<R>,
        width: &mut Option<usize>,
    ) -> Result<bool, ImportError> {
        self.filled = 0;
        self.bad.clear();
        while self.filled < Self::ROWS {
            if self.filled == self.rows.len() {
                self.rows.push((At::Line(0), csv::StringRecord::new()));
            }
            let (at, record) = &mut self.rows[self.filled];
            match read_into(reader, width, record, &mut self.bad)? {
                Some(line) => *at = line,
                None => break,
            }
            self.filled += 1;
        }
        self.bytes = reader.position().byte();
        Ok(self.filled == Self::ROWS)
    }

    fn rows(&self) -> &[(At, csv::StringRecord)] {
        &self.rows[..self.filled]
    }

    /// Gives the batch's bad lines and its rows' drafts to `builder`.
    fn hand_over(&self, builder: &mut Builder, drafts: &mut Vec<Draft>) {
        for (at, problem) in &self.bad {
            builder.bad_line(*at, problem.clone());
        }
        for ((at, _), draft) in self.rows().iter().zip(drafts.drain(..)) {
            builder.push(*at, draft);
        }
    }
}

/// Reads the next good record into `record`, and its line; lines that are not UTF-8 or have
/// the wrong number of fields go to `bad` and are passed over.
fn read_into<R: BufRead>(
    reader: &mut csv::Reader<R>,
    width: &mut Option<usize>,
    record: &mut csv::StringRecord,
    bad: &mut Vec<(At, String)>,
) -> Result<Option<At>, ImportError> {
    loop {
        match reader.read_record(record) {
            Ok(false) => return Ok(None),
            Ok(true) => {
                let line = record.position().map_or(0, csv::Position::line);
                let width = *width.get_or_insert(record.len());
                if record.len() == width {
                    return Ok(Some(At::Line(line)));
                }
                bad.push((At::Line(line), format!(
                    "the row has {} fields but the header (or the first row) has {width}; check for an unquoted delimiter or a cut line",
                    record.len()
                )));
            }
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                if let csv::ErrorKind::Io(_) = e.kind() {
                    return Err(ImportError::Io(e.into_kind_io()));
                }
                bad.push((At::Line(line), format!("{e}; save the file as UTF-8")));
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
        let bytes = self
            .columns
            .iter()
            .map(|&i| get(i).map_or(0, str::len))
            .sum();
        let values = self
            .columns
            .iter()
            .map(|&i| get(i).and_then(value).unwrap_or(""));
        Extra::of_columns(&self.names, values, bytes)
    }

    /// A record's kept values.
    pub fn of_record(&self, record: &csv::StringRecord) -> Extra {
        self.of(|i| record.get(i))
    }
}
