//! The `keys` part of the configuration file: binding names to lists of keys, read so that
//! every problem is placed where ron stands when it finds it.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use crate::keymap::{self, Key, Keymap};

/// A key that is bound twice, to be reported where the file lists it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Flag<'a> {
    pub name: &'a str,
    pub key: Key,
    pub message: &'a str,
}

/// Reads `{ "name": ["key", ...], ... }`, checking names against the default keymap.
pub(super) struct KeysSeed<'a> {
    pub flag: Option<Flag<'a>>,
}

impl<'de> DeserializeSeed<'de> for KeysSeed<'_> {
    type Value = Vec<(String, Vec<Key>)>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for KeysSeed<'_> {
    type Value = Vec<(String, Vec<Key>)>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(r#"a map of binding names to lists of keys: { "quit": ["q"] }"#)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let defaults = Keymap::default();
        let mut patch: Vec<(String, Vec<Key>)> = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            if defaults.get(&name).is_none() {
                return Err(de::Error::custom(unknown_name(&defaults, &name)));
            }
            if patch.iter().any(|(n, _)| *n == name) {
                return Err(de::Error::custom(format!(
                    "the binding {name:?} is listed twice"
                )));
            }
            let flag = self.flag.filter(|f| f.name == name);
            let keys = map.next_value_seed(ListSeed { flag })?;
            patch.push((name, keys));
        }
        Ok(patch)
    }
}

/// The closest binding name, if one is close.
fn unknown_name(defaults: &Keymap, name: &str) -> String {
    let closest = defaults
        .bindings()
        .iter()
        .map(|b| (strsim::jaro_winkler(b.name, name), b.name))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(score, _)| *score > 0.8);
    let hint = closest.map_or(String::new(), |(_, n)| format!("; did you mean {n:?}?"));
    format!("unknown binding name {name:?}{hint} (`evex config --default` lists every name)")
}

/// One binding's list of keys.
struct ListSeed<'a> {
    flag: Option<Flag<'a>>,
}

impl<'de> DeserializeSeed<'de> for ListSeed<'_> {
    type Value = Vec<Key>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ListSeed<'_> {
    type Value = Vec<Key>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(r#"a list of keys: ["q", "ctrl-c"]"#)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut keys = Vec::new();
        while let Some(key) = seq.next_element_seed(KeySeed { flag: self.flag })? {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// One key, written as `keymap::parse` reads it.
struct KeySeed<'a> {
    flag: Option<Flag<'a>>,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Key;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed<'_> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(r#"a key in quotes: "q", "ctrl-d", "space""#)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Key, E> {
        let key = keymap::parse(text).map_err(E::custom)?;
        match self.flag {
            Some(flag) if flag.key == key => Err(E::custom(flag.message)),
            _ => Ok(key),
        }
    }
}
