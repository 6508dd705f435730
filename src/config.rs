//! The configuration file, `$XDG_CONFIG_HOME/evex/config.ron` (else `~/.config/evex/`):
//! key bindings and theme styles, each a patch over the defaults in code, so only what the
//! file lists changes. A bad file is reported with its line and column and changes nothing:
//! evex starts with the defaults.

mod file;
mod keys;
mod style;
mod written;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use ratatui::style::Style;

use crate::keymap::{Key, Keymap};
use crate::theme::{self, Theme};

pub use written::default_text;

/// What a configuration file asks to change, in the order it lists it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Patch {
    /// Binding names and the keys that replace theirs.
    pub keys: Vec<(String, Vec<Key>)>,
    /// Style names and the styles that replace them.
    pub theme: Vec<(String, Style)>,
}

/// What is wrong with a configuration file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("{file}: cannot read it: {error}")]
    Read { file: String, error: String },
    #[error("{file}:{line}:{col}: {message}")]
    Invalid {
        file: String,
        line: usize,
        col: usize,
        message: String,
    },
}

/// The keymap and theme evex runs with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
}

/// Where the configuration file is: under `$XDG_CONFIG_HOME` when it is set to an absolute
/// path (as the XDG spec says), else under `$HOME/.config`.
pub fn path(xdg_config_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let base = xdg_config_home
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            home.map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .map(|home| home.join(".config"))
        })?;
    Some(base.join("evex").join("config.ron"))
}

impl Patch {
    /// Reads a configuration file's text; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Self, ConfigError> {
        file::parse(text, file)
    }

    /// The default keymap with the listed bindings' keys replaced.
    pub fn keymap(&self) -> Keymap {
        let mut keymap = Keymap::default();
        for (name, keys) in &self.keys {
            keymap.rebind(name, keys.clone());
        }
        keymap
    }

    /// The theme for the environment with the listed styles replaced. Under `NO_COLOR` the
    /// monochrome theme is used as it is: the file's colours would defeat it.
    pub fn theme(&self, no_color: bool) -> Theme {
        if no_color {
            theme::MONO
        } else {
            style::patch(theme::COLOR, &self.theme)
        }
    }
}

impl Config {
    /// The defaults in code, for the environment.
    pub fn defaults(no_color: bool) -> Self {
        Patch::default().apply(no_color)
    }

    /// Reads the file at `path`; with no file there, the defaults. A file that cannot be read
    /// or is wrong gives the defaults and says why.
    pub fn load(path: Option<&Path>, no_color: bool) -> (Self, Option<ConfigError>) {
        let Some(path) = path else {
            return (Self::defaults(no_color), None);
        };
        let file = path.display().to_string();
        let patch = match std::fs::read_to_string(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Patch::default()),
            Err(e) => Err(ConfigError::Read {
                file,
                error: e.to_string(),
            }),
            Ok(text) => Patch::parse(&text, &file),
        };
        match patch {
            Ok(patch) => (patch.apply(no_color), None),
            Err(e) => (Self::defaults(no_color), Some(e)),
        }
    }
}

impl Patch {
    fn apply(&self, no_color: bool) -> Config {
        Config {
            keymap: self.keymap(),
            theme: self.theme(no_color),
        }
    }
}
