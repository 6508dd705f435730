//! The keymap: one table from keys to actions, read by the event loop, the footer's hints and
//! the `?` help, so the three can never disagree.

use std::borrow::Cow;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;

mod key;

pub use key::{Key, label, labels, name, parse};

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    Actors,
    #[default]
    Timeline,
    Detail,
}

/// What the keyboard is doing: browsing, typing into a prompt, or reading the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Browse,
    Prompt,
    Help,
    /// Reading the co-actors of an actor or event (`w`), or the quote in its paragraph (`p`).
    WithWhom,
    Passage,
}

impl Mode {
    /// Whether an overlay is open (help, co-actors, passage): they share scroll/close keys.
    pub fn is_overlay(self) -> bool {
        matches!(self, Self::Help | Self::WithWhom | Self::Passage)
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// While browsing, in every pane.
    Browse,
    /// While browsing, in one pane; these come before `Browse` bindings.
    Pane(Focus),
    /// While typing in a prompt.
    Prompt,
    /// While an overlay is open (the help, co-actors, the passage).
    Help,
    /// While the co-actors list is open.
    WithWhom,
    /// Always, whatever the mode.
    Always,
}

/// One row of the keymap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// The stable name the configuration file rebinds it by: `quit`, `mark`, `page_down`.
    pub name: &'static str,
    pub scope: Scope,
    pub keys: Cow<'static, [Key]>,
    pub action: Action,
    /// What it does, in the help and the footer.
    pub help: &'static str,
    /// Whether the footer shows it.
    pub hint: bool,
}

const fn bind(
    name: &'static str,
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        name,
        scope,
        keys: Cow::Borrowed(keys),
        action,
        help,
        hint,
    }
}

use Scope::{Always, Pane, Prompt};

mod bindings;
mod table;

pub use table::Conflict;

impl Scope {
    /// Where it applies, in the help and the README.
    pub fn name(self) -> &'static str {
        match self {
            Scope::Always => "anywhere",
            Scope::Browse => "any pane",
            Scope::Pane(Focus::Actors) => "actors",
            Scope::Pane(Focus::Timeline) => "timeline",
            Scope::Pane(Focus::Detail) => "event",
            Scope::Prompt => "prompt",
            Scope::Help => "overlays",
            Scope::WithWhom => "with whom",
        }
    }

    /// Whether a key in both scopes would be ambiguous. A pane's bindings shadow the
    /// general ones on purpose; `Always` is everywhere, and the co-actors list is an overlay.
    fn overlaps(self, other: Scope) -> bool {
        use Scope::{Help, WithWhom};
        self == other
            || matches!((self, other), (Always, _) | (_, Always))
            || matches!((self, other), (Help, WithWhom) | (WithWhom, Help))
    }
}

impl Binding {
    fn applies(&self, mode: Mode, focus: Focus) -> bool {
        match self.scope {
            Always => true,
            Scope::Browse => mode == Mode::Browse,
            Pane(pane) => mode == Mode::Browse && pane == focus,
            Prompt => mode == Mode::Prompt,
            Scope::Help => mode.is_overlay(),
            Scope::WithWhom => mode == Mode::WithWhom,
        }
    }
}

/// The keymap in use: the defaults in code, patched by the configuration file at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            bindings: bindings::defaults(),
        }
    }
}

impl Keymap {
    /// Every binding, in the order the help lists them.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The action for a key press, if any. Pane bindings win over general ones; in a prompt,
    /// printable characters are typed.
    pub fn action(&self, mode: Mode, focus: Focus, event: KeyEvent) -> Option<Action> {
        let pressed = Key {
            code: event.code,
            modifiers: event.modifiers - KeyModifiers::SHIFT,
        };
        let found = self
            .bindings
            .iter()
            .filter(|b| matches!(b.scope, Pane(_) | Always))
            .chain(&self.bindings)
            .find(|b| b.applies(mode, focus) && b.keys.contains(&pressed));
        if let Some(binding) = found {
            return Some(binding.action);
        }
        match (mode, event.code) {
            (Mode::Prompt, KeyCode::Char(c))
                if !event
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::Type(c))
            }
            _ => None,
        }
    }

    /// The bindings the footer shows for a mode and pane: the pane's own first, then the
    /// general ones that a pane binding does not shadow.
    pub fn hints(&self, mode: Mode, focus: Focus) -> impl Iterator<Item = &Binding> {
        let is_pane = |b: &Binding| matches!(b.scope, Pane(_));
        let pane = self
            .bindings
            .iter()
            .filter(move |b| is_pane(b) && b.applies(mode, focus));
        let pane_keys = pane.clone();
        let shadowed = move |b: &Binding| {
            pane_keys
                .clone()
                .any(|p| p.keys.iter().any(|k| b.keys.contains(k)))
        };
        let general = self
            .bindings
            .iter()
            .filter(move |b| !is_pane(b) && b.applies(mode, focus) && !shadowed(b));
        pane.chain(general).filter(|b| b.hint && !b.keys.is_empty())
    }

    /// The first `n` keys of the binding named `name` as hints write them, joined with " or "
    /// (`Esc or ?`), for messages that name a key; `(unbound)` when it has none.
    pub fn keys_of(&self, name: &str, n: usize) -> String {
        let keys: Vec<String> = self
            .bindings
            .iter()
            .find(|b| b.name == name)
            .map(|b| b.keys.iter().take(n).map(|&k| label(k)).collect())
            .unwrap_or_default();
        if keys.is_empty() {
            "(unbound)".into()
        } else {
            keys.join(" or ")
        }
    }
}
