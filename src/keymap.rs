//! The keymap: one table from keys to actions, read by the event loop, the footer's hints and
//! the `?` help, so the three can never disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::{Action, Edit};

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
    /// While the help overlay is open.
    Help,
    /// Always, whatever the mode.
    Always,
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    with_ctrl(KeyCode::Char(c))
}

const fn with_ctrl(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::CONTROL,
    }
}

const fn alt(c: char) -> Key {
    with_alt(KeyCode::Char(c))
}

const fn with_alt(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::ALT,
    }
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
    bind(Browse, &[key(KeyCode::Esc)], Action::Back, "back", true),
    bind(Prompt, &[key(KeyCode::Enter)], Action::Submit, "keep", true),
    bind(Prompt, &[key(KeyCode::Esc)], Action::Cancel, "cancel", true),
    bind(
        Prompt,
        &[key(KeyCode::Up), ctrl('r')],
        Action::HistoryPrev,
        "older search",
        true,
    ),
    bind(
        Prompt,
        &[key(KeyCode::Down)],
        Action::HistoryNext,
        "newer search",
        false,
    ),
    bind(
        Prompt,
        &[key(KeyCode::Left)],
        Action::Edit(Edit::Left),
        "cursor left",
        false,
    ),
    bind(
        Prompt,
        &[key(KeyCode::Right)],
        Action::Edit(Edit::Right),
        "cursor right",
        false,
    ),
    bind(
        Prompt,
        &[alt('b'), with_ctrl(KeyCode::Left)],
        Action::Edit(Edit::WordLeft),
        "word left",
        false,
    ),
    bind(
        Prompt,
        &[alt('f'), with_ctrl(KeyCode::Right)],
        Action::Edit(Edit::WordRight),
        "word right",
        false,
    ),
    bind(
        Prompt,
        &[key(KeyCode::Home), ctrl('a')],
        Action::Edit(Edit::Home),
        "start of line",
        false,
    ),
    bind(
        Prompt,
        &[key(KeyCode::End), ctrl('e')],
        Action::Edit(Edit::End),
        "end of line",
        false,
    ),
    bind(
        Prompt,
        &[key(KeyCode::Backspace)],
        Action::Edit(Edit::DeleteBack),
        "delete",
        false,
    ),
    bind(
        Prompt,
        &[key(KeyCode::Delete)],
        Action::Edit(Edit::DeleteForward),
        "delete under cursor",
        false,
    ),
    bind(
        Prompt,
        &[ctrl('w'), with_alt(KeyCode::Backspace)],
        Action::Edit(Edit::DeleteWord),
        "delete word",
        true,
    ),
    bind(
        Prompt,
        &[ctrl('u')],
        Action::Edit(Edit::DeleteToStart),
        "delete to start",
        false,
    ),
    bind(
        Prompt,
        &[ctrl('k')],
        Action::Edit(Edit::DeleteToEnd),
        "delete to end",
        false,
    ),
    bind(
        Scope::Help,
        &[key(KeyCode::Esc), ch('?'), ch('q')],
        Action::ToggleHelp,
        "close help",
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
            Scope::Help => mode == Mode::Help,
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

/// How a key is written in hints: `q`, `Ctrl-c`, `Tab`, `↓`.
pub fn label(key: Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace if key.modifiers.is_empty() => "Backspace".into(),
        KeyCode::Backspace => "Bksp".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        other => format!("{other:?}"),
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else if key.modifiers.contains(KeyModifiers::ALT) {
        format!("Alt-{name}")
    } else {
        name
    }
}

/// All keys of a binding: `j/↓`.
pub fn labels(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(|&k| label(k))
        .collect::<Vec<_>>()
        .join("/")
}
