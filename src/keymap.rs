//! The keymap: one table from keys to actions, read by the event loop, the footer's hints and
//! the `?` help, so the three can never disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;

mod key;

pub use key::{Key, label, labels};
use key::{ch, ctrl, key};

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
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    /// What it does, in the help and the footer.
    pub help: &'static str,
    /// Whether the footer shows it.
    pub hint: bool,
}

const fn bind(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        scope,
        keys,
        action,
        help,
        hint,
    }
}

use Scope::{Always, Browse, Pane, Prompt};

/// A binding while browsing, in every pane.
const fn browse(keys: &'static [Key], action: Action, help: &'static str, hint: bool) -> Binding {
    bind(Browse, keys, action, help, hint)
}

/// Every binding, in the order the help lists them.
pub const KEYMAP: &[Binding] = &[
    bind(Always, &[ctrl('c')], Action::Quit, "quit", false),
    bind(
        Always,
        &[ctrl('z')],
        Action::Suspend,
        "suspend (fg resumes)",
        false,
    ),
    bind(
        Browse,
        &[key(KeyCode::BackTab)],
        Action::FocusPrev,
        "previous pane",
        false,
    ),
    bind(
        Browse,
        &[ch('j'), key(KeyCode::Down)],
        Action::Down,
        "down",
        false,
    ),
    bind(
        Browse,
        &[ch('k'), key(KeyCode::Up)],
        Action::Up,
        "up",
        false,
    ),
    bind(
        Browse,
        &[ch('g'), key(KeyCode::Home)],
        Action::Top,
        "first",
        false,
    ),
    bind(
        Browse,
        &[ch('G'), key(KeyCode::End)],
        Action::Bottom,
        "last",
        false,
    ),
    bind(
        Browse,
        &[key(KeyCode::PageDown), ctrl('d')],
        Action::PageDown,
        "page down",
        false,
    ),
    bind(
        Browse,
        &[key(KeyCode::PageUp), ctrl('u')],
        Action::PageUp,
        "page up",
        false,
    ),
    bind(
        Pane(Focus::Timeline),
        &[key(KeyCode::Enter)],
        Action::Open,
        "read event",
        true,
    ),
    bind(
        Pane(Focus::Actors),
        &[key(KeyCode::Enter), ch(' ')],
        Action::ToggleActor,
        "toggle actor",
        true,
    ),
    bind(
        Pane(Focus::Actors),
        &[ch('m')],
        Action::ToggleActorMode,
        "any/all",
        true,
    ),
    bind(
        Pane(Focus::Actors),
        &[ch('/')],
        Action::Search,
        "find actor",
        true,
    ),
    bind(Browse, &[ch('/')], Action::Search, "search", true),
    bind(Browse, &[ch('s')], Action::ToggleSidebar, "actors", true),
    bind(Browse, &[key(KeyCode::Esc)], Action::Back, "back", true),
    bind(Browse, &[ch('?')], Action::ToggleHelp, "help", true),
    bind(Browse, &[ch('q')], Action::Quit, "quit", true),
    bind(
        Browse,
        &[key(KeyCode::Tab)],
        Action::FocusNext,
        "next pane",
        true,
    ),
    bind(Browse, &[ch('y')], Action::JumpToYear, "go to year", true),
    bind(
        Pane(Focus::Timeline),
        &[ch(' ')],
        Action::ToggleMark,
        "mark",
        false,
    ),
    bind(Browse, &[ch('.')], Action::NextMark, "next mark", false),
    bind(Browse, &[ch(',')], Action::PrevMark, "previous mark", false),
    bind(Browse, &[ch('c')], Action::CopyQuote, "copy quote", true),
    bind(Browse, &[ch('[')], Action::PrevYear, "previous year", false),
    bind(Browse, &[ch(']')], Action::NextYear, "next year", false),
    bind(
        Pane(Focus::Detail),
        &[ch('J')],
        Action::NextEvent,
        "next event",
        true,
    ),
    bind(
        Pane(Focus::Detail),
        &[ch('K')],
        Action::PrevEvent,
        "previous event",
        true,
    ),
    browse(&[ch('h')], Action::ToggleHistogram, "histogram", true),
    browse(&[ch('z')], Action::ZoomIn, "zoom in", false),
    browse(&[ch('Z')], Action::ZoomOut, "zoom out", false),
    browse(
        &[key(KeyCode::Left)],
        Action::PrevBucket,
        "earlier bucket",
        false,
    ),
    browse(
        &[key(KeyCode::Right)],
        Action::NextBucket,
        "later bucket",
        false,
    ),
    browse(&[ch('w')], Action::WithWhom, "with whom", true),
    browse(&[ch('<')], Action::PrevRelated, "earlier related", false),
    browse(&[ch('>')], Action::NextRelated, "later related", false),
    browse(&[ch('b')], Action::JumpBack, "back from a jump", false),
    browse(&[ch('p')], Action::ShowPassage, "quote in context", true),
    browse(&[ch('o')], Action::SortActors, "actors by name", false),
    browse(&[ch('r')], Action::ReverseTimeline, "newest first", false),
    bind(Prompt, &[key(KeyCode::Enter)], Action::Submit, "keep", true),
    bind(Prompt, &[key(KeyCode::Esc)], Action::Cancel, "cancel", true),
    bind(
        Prompt,
        &[key(KeyCode::Backspace)],
        Action::DeleteChar,
        "delete",
        false,
    ),
    bind(
        Prompt,
        &[ctrl('w')],
        Action::DeleteWord,
        "delete word",
        true,
    ),
    bind(
        Scope::WithWhom,
        &[key(KeyCode::Enter), ch(' ')],
        Action::AddCoActor,
        "select as filter",
        true,
    ),
    bind(
        Scope::Help,
        &[key(KeyCode::Esc), ch('?'), ch('q')],
        Action::ToggleHelp,
        "close",
        true,
    ),
    bind(
        Scope::Help,
        &[ch('j'), key(KeyCode::Down)],
        Action::Down,
        "scroll down",
        true,
    ),
    bind(
        Scope::Help,
        &[ch('k'), key(KeyCode::Up)],
        Action::Up,
        "scroll up",
        true,
    ),
    bind(
        Scope::Help,
        &[key(KeyCode::PageDown), ctrl('d')],
        Action::PageDown,
        "page down",
        false,
    ),
    bind(
        Scope::Help,
        &[key(KeyCode::PageUp), ctrl('u')],
        Action::PageUp,
        "page up",
        false,
    ),
    bind(
        Scope::Help,
        &[ch('g'), key(KeyCode::Home)],
        Action::Top,
        "top",
        false,
    ),
    bind(
        Scope::Help,
        &[ch('G'), key(KeyCode::End)],
        Action::Bottom,
        "bottom",
        false,
    ),
];

impl Binding {
    fn applies(&self, mode: Mode, focus: Focus) -> bool {
        match self.scope {
            Always => true,
            Browse => mode == Mode::Browse,
            Pane(pane) => mode == Mode::Browse && pane == focus,
            Prompt => mode == Mode::Prompt,
            Scope::Help => mode.is_overlay(),
            Scope::WithWhom => mode == Mode::WithWhom,
        }
    }
}

/// The action for a key press, if any. Pane bindings win over general ones; in a prompt,
/// printable characters are typed.
pub fn action(mode: Mode, focus: Focus, event: KeyEvent) -> Option<Action> {
    let pressed = Key {
        code: event.code,
        modifiers: event.modifiers - KeyModifiers::SHIFT,
    };
    let found = KEYMAP
        .iter()
        .filter(|b| matches!(b.scope, Pane(_) | Always))
        .chain(KEYMAP)
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

/// The bindings the footer shows for a mode and pane: the pane's own first, then the general
/// ones that a pane binding does not shadow.
pub fn hints(mode: Mode, focus: Focus) -> impl Iterator<Item = &'static Binding> {
    let is_pane = |b: &Binding| matches!(b.scope, Pane(_));
    let pane = KEYMAP
        .iter()
        .filter(move |b| is_pane(b) && b.applies(mode, focus));
    let pane_keys = pane.clone();
    let shadowed = move |b: &Binding| {
        pane_keys
            .clone()
            .any(|p| p.keys.iter().any(|k| b.keys.contains(k)))
    };
    let general = KEYMAP
        .iter()
        .filter(move |b| !is_pane(b) && b.applies(mode, focus) && !shadowed(b));
    pane.chain(general).filter(|b| b.hint)
}
