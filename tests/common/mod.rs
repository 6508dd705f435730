//! Helpers shared by the explorer tests: an app on the bundled store, keys, and drawing.

#![allow(dead_code)]

pub mod stores;
pub mod tmux;

use evex::app::App;
use evex::store::Store;
use evex::theme::MONO;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn app() -> App {
    App::new(Store::bundled(), MONO)
}

pub fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn ctrl(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

/// Types each character as a key press (upper-case letters with Shift, as terminals send).
pub fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        let modifiers = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        app.handle_key(KeyEvent::new(KeyCode::Char(c), modifiers));
    }
}

pub fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| evex::ui::draw(frame, app)).unwrap();
    terminal
}

/// The ids of the matching events, in timeline order.
pub fn ids(app: &App) -> Vec<&str> {
    app.matches
        .events
        .iter()
        .map(|&e| app.store.events[e].id.as_str())
        .collect()
}

pub fn selected_id(app: &App) -> &str {
    &app.store.events[app.selected_event().unwrap()].id
}

pub fn actor(app: &App, id: &str) -> usize {
    app.store.actors.iter().position(|a| a.id == id).unwrap()
}
