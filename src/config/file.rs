//! Reading a whole configuration file with ron, so every problem carries ron's line and
//! column. A key bound twice is found after reading, then placed by reading the file again
//! with that key flagged, so ron stops right at it.

use std::fmt;

use ron::extensions::Extensions;
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, MapAccess, Visitor};

use super::keys::{Flag, KeysSeed};
use super::style::{StyleSpec, is_style};
use super::{ConfigError, Patch};
use crate::keymap::name;

pub(super) fn parse(text: &str, file: &str) -> Result<Patch, ConfigError> {
    let patch = read(text, file, None)?;
    let keymap = patch.keymap();
    let listed = |n: &str| patch.keys.iter().position(|(l, _)| l == n);
    let Some(conflict) = keymap.conflicts().into_iter().next() else {
        return Ok(patch);
    };
    // The binding the file lists (the later one, when it lists both) is the one to change.
    let culprit = match (listed(conflict.first), listed(conflict.second)) {
        (Some(a), Some(b)) if a > b => conflict.first,
        (Some(_), None) => conflict.first,
        _ => conflict.second,
    };
    let scope = |n: &str| keymap.get(n).map_or("", |b| b.scope.name());
    let message = format!(
        "the key {:?} is bound to both {:?} ({}) and {:?} ({}); give one of them other keys",
        name(conflict.key),
        conflict.first,
        scope(conflict.first),
        conflict.second,
        scope(conflict.second),
    );
    let flag = Flag {
        name: culprit,
        key: conflict.key,
        message: &message,
    };
    read(text, file, Some(flag))?;
    // Not reached: the flagged key is in the file. Said at its start all the same.
    Err(ConfigError::Invalid {
        file: file.to_owned(),
        line: 1,
        col: 1,
        message,
    })
}

fn read(text: &str, file: &str, flag: Option<Flag>) -> Result<Patch, ConfigError> {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .from_str_seed(text, FileSeed { flag })
        .map_err(|e| ConfigError::Invalid {
            file: file.to_owned(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        })
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Field {
    Keys,
    Theme,
}

const FIELDS: &[&str] = &["keys", "theme"];

struct FileSeed<'a> {
    flag: Option<Flag<'a>>,
}

impl<'de> DeserializeSeed<'de> for FileSeed<'_> {
    type Value = Patch;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Patch, D::Error> {
        d.deserialize_struct("Config", FIELDS, self)
    }
}

impl<'de> Visitor<'de> for FileSeed<'_> {
    type Value = Patch;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the configuration: (keys: { .. }, theme: { .. })")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Patch, A::Error> {
        let mut patch = Patch::default();
        let mut seen = Vec::new();
        while let Some(field) = map.next_key::<Field>()? {
            let name = match field {
                Field::Keys => "keys",
                Field::Theme => "theme",
            };
            if seen.contains(&name) {
                return Err(de::Error::duplicate_field(name));
            }
            seen.push(name);
            match field {
                Field::Keys => patch.keys = map.next_value_seed(KeysSeed { flag: self.flag })?,
                Field::Theme => patch.theme = map.next_value_seed(ThemeSeed)?,
            }
        }
        Ok(patch)
    }
}

/// Reads `{ "style name": (fg: .., bg: .., modifiers: [..]), .. }`.
struct ThemeSeed;

impl<'de> DeserializeSeed<'de> for ThemeSeed {
    type Value = Vec<(String, ratatui::style::Style)>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ThemeSeed {
    type Value = Vec<(String, ratatui::style::Style)>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(
            r#"a map of style names to styles: { "selected": (fg: "black", bg: "yellow") }"#,
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut styles: Vec<(String, ratatui::style::Style)> = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            if !is_style(&name) {
                return Err(de::Error::custom(format!(
                    "unknown style name {name:?} (`evex config --default` lists every name)"
                )));
            }
            if styles.iter().any(|(n, _)| *n == name) {
                return Err(de::Error::custom(format!(
                    "the style {name:?} is listed twice"
                )));
            }
            let spec: StyleSpec = map.next_value()?;
            styles.push((name, spec.style()));
        }
        Ok(styles)
    }
}
