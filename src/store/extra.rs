//! A row's columns that map to no field: named values in the dataset's order, written as a
//! map (`{"fatalities": "3", "iso": "804"}`).

use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// Named values in a fixed order. Packed into one string (values between separator
/// characters), so a million rows with thirty extra columns each cost a million allocations,
/// not sixty million. The rows of one table share its column names and keep only their
/// values, one per column (blank ones empty); other extras carry each name with its value.
#[derive(Clone, Default)]
pub struct Extra {
    /// The names of the columns whose values `text` holds in turn, shared by a table's rows.
    columns: Option<Arc<Vec<Box<str>>>>,
    text: String,
}

/// Between one name and its value, and between pairs: characters no text shows.
const NAME_END: char = '\u{1f}';
const PAIR_END: char = '\u{1e}';

impl Extra {
    /// One value per column of `columns`, in their order; blank values are left out of
    /// [`Extra::iter`]. `bytes` is about how long the values are together.
    pub fn of_columns<'v>(
        columns: &Arc<Vec<Box<str>>>,
        values: impl Iterator<Item = &'v str>,
        bytes: usize,
    ) -> Self {
        let mut text = String::with_capacity(bytes + columns.len());
        for value in values {
            push_clean(&mut text, value);
            text.push(PAIR_END);
        }
        Self {
            columns: Some(Arc::clone(columns)),
            text,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }

    pub fn push(&mut self, name: &str, value: &str) {
        if self.columns.is_some() {
            // Rows of a table that add a name of their own carry every name.
            *self = self.iter().collect();
        }
        self.text.reserve(name.len() + value.len() + 2);
        push_clean(&mut self.text, name);
        self.text.push(NAME_END);
        push_clean(&mut self.text, value);
        self.text.push(PAIR_END);
    }

    pub fn with_capacity(bytes: usize) -> Self {
        Self {
            columns: None,
            text: String::with_capacity(bytes),
        }
    }

    /// The (name, value) pairs, blank values left out.
    pub fn iter(&self) -> Pairs<'_> {
        Pairs {
            names: self.columns.as_deref().map(|c| c.iter()),
            rest: &self.text,
        }
    }
}

/// `text` with the separator characters (which no text shows) made spaces.
fn push_clean(out: &mut String, text: &str) {
    if memchr::memchr2(NAME_END as u8, PAIR_END as u8, text.as_bytes()).is_none() {
        out.push_str(text);
    } else {
        out.extend(text.chars().map(|c| {
            if c == NAME_END || c == PAIR_END {
                ' '
            } else {
                c
            }
        }));
    }
}

/// The pairs of an [`Extra`].
pub struct Pairs<'e> {
    names: Option<std::slice::Iter<'e, Box<str>>>,
    rest: &'e str,
}

impl<'e> Iterator for Pairs<'e> {
    type Item = (&'e str, &'e str);

    fn next(&mut self) -> Option<Self::Item> {
        while !self.rest.is_empty() {
            let (item, rest) = self.rest.split_once(PAIR_END).unwrap_or((self.rest, ""));
            self.rest = rest;
            match &mut self.names {
                Some(names) => {
                    let name = names.next()?;
                    if !item.is_empty() {
                        return Some((name, item));
                    }
                }
                None => return Some(item.split_once(NAME_END).unwrap_or((item, ""))),
            }
        }
        None
    }
}

impl PartialEq for Extra {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Extra {}

impl Hash for Extra {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for pair in self.iter() {
            pair.hash(state);
        }
    }
}

impl fmt::Debug for Extra {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<N: AsRef<str>, V: AsRef<str>> FromIterator<(N, V)> for Extra {
    fn from_iter<I: IntoIterator<Item = (N, V)>>(pairs: I) -> Self {
        let mut extra = Self::default();
        for (name, value) in pairs {
            extra.push(name.as_ref(), value.as_ref());
        }
        extra
    }
}

impl Serialize for Extra {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.iter().count()))?;
        for (name, value) in self.iter() {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Extra {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Extra;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of column names to text")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Extra, A::Error> {
                let mut extra = Extra::default();
                while let Some((name, value)) = map.next_entry::<String, String>()? {
                    extra.push(&name, &value);
                }
                Ok(extra)
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tables_rows_share_its_names_and_leave_out_blanks() {
        let columns = Arc::new(["iso", "notes", "fatalities"].map(Box::from).to_vec());
        let extra = Extra::of_columns(&columns, ["804", "", "3"].into_iter(), 4);
        assert_eq!(
            extra.iter().collect::<Vec<_>>(),
            [("iso", "804"), ("fatalities", "3")]
        );
        let named: Extra = [("iso", "804"), ("fatalities", "3")].into_iter().collect();
        assert_eq!(extra, named, "the same pairs are the same extra");
        let blank = Extra::of_columns(&columns, ["", "", ""].into_iter(), 0);
        assert!(blank.is_empty());
    }

    #[test]
    fn a_name_added_to_a_tables_row_keeps_the_others() {
        let columns = Arc::new(["a", "b"].map(Box::from).to_vec());
        let mut extra = Extra::of_columns(&columns, ["1", "x\u{1e}y"].into_iter(), 4);
        extra.push("c", "3");
        assert_eq!(
            extra.iter().collect::<Vec<_>>(),
            [("a", "1"), ("b", "x y"), ("c", "3")]
        );
    }
}
