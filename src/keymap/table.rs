//! Changing the keymap by name, as the configuration file does: rebinding a row, finding keys
//! bound twice, and the table of every binding that the README shows.

use super::{Binding, Key, Keymap, name};

/// A key bound twice where both bindings apply at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub key: Key,
    /// The binding listed first in the table, and the other one.
    pub first: &'static str,
    pub second: &'static str,
}

impl Keymap {
    /// The binding with this name.
    pub fn get(&self, name: &str) -> Option<&Binding> {
        self.bindings.iter().find(|b| b.name == name)
    }

    /// Gives the binding named `name` these keys instead of its own; false if there is none.
    pub fn rebind(&mut self, name: &str, keys: Vec<Key>) -> bool {
        match self.bindings.iter_mut().find(|b| b.name == name) {
            Some(binding) => {
                binding.keys = keys.into();
                true
            }
            None => false,
        }
    }

    /// Every key bound twice where both bindings apply, in table order.
    pub fn conflicts(&self) -> Vec<Conflict> {
        let mut found = Vec::new();
        for (i, a) in self.bindings.iter().enumerate() {
            for b in &self.bindings[i + 1..] {
                if !a.scope.overlaps(b.scope) {
                    continue;
                }
                for &key in a.keys.iter().filter(|k| b.keys.contains(k)) {
                    found.push(Conflict {
                        key,
                        first: a.name,
                        second: b.name,
                    });
                }
            }
        }
        found
    }

    /// The Markdown table of every binding: its name in the configuration file, its keys as
    /// the file writes them, where it applies and what it does.
    pub fn markdown(&self) -> String {
        let mut out = String::from("| name | keys | where | does |\n|---|---|---|---|\n");
        for b in &self.bindings {
            let keys: Vec<String> = b.keys.iter().map(|&k| format!("`{}`", name(k))).collect();
            let help = b.help.replace('|', "\\|");
            out += &format!(
                "| `{}` | {} | {} | {help} |\n",
                b.name,
                keys.join(" "),
                b.scope.name()
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_bind_no_key_twice_and_names_are_unique() {
        let keymap = Keymap::default();
        assert_eq!(keymap.conflicts(), []);
        let mut names: Vec<_> = keymap.bindings().iter().map(|b| b.name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before);
    }
}
