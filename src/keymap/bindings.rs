//! The table of every key binding, in the order the help lists them.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::{Binding, Focus, Key, Scope, bind};
use crate::action::{Action, Edit};

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
