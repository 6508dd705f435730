//! The prompt as a person edits it: readline keys, the last query selected on opening,
//! history in a temporary state directory, and a window that keeps the cursor in view.

mod common;

use common::{app, ctrl, key, typed};
use evex::action::Edit;
use evex::app::{Prompt, PromptKind};
use evex::history::History;
use evex::keymap::Mode;
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn alt(app: &mut evex::app::App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::ALT));
}

fn text(app: &evex::app::App) -> (&str, usize) {
    let prompt = app.prompt.as_ref().unwrap();
    (prompt.text(), prompt.cursor())
}

#[test]
fn readline_keys_move_and_delete() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "minsk tractor law");
    ctrl(&mut app, 'a');
    assert_eq!(text(&app), ("minsk tractor law", 0));
    alt(&mut app, KeyCode::Char('f'));
    alt(&mut app, KeyCode::Char('f'));
    assert_eq!(text(&app).1, "minsk tractor ".len());
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Right);
    ctrl(&mut app, 'k');
    assert_eq!(text(&app), ("minsk tractor ", 14));
    assert_eq!(app.query_text, "minsk tractor ", "edits search live");
    alt(&mut app, KeyCode::Backspace);
    assert_eq!(text(&app), ("minsk ", 6));
    alt(&mut app, KeyCode::Char('b'));
    typed(&mut app, "in ");
    assert_eq!(text(&app), ("in minsk ", 3));
    ctrl(&mut app, 'e');
    ctrl(&mut app, 'w');
    assert_eq!(text(&app), ("in ", 3));
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Delete);
    assert_eq!(text(&app), ("n ", 0));
    key(&mut app, KeyCode::End);
    ctrl(&mut app, 'u');
    assert_eq!(text(&app), ("", 0));
}

#[test]
fn reopening_selects_the_last_query_so_typing_replaces_it_and_arrows_keep_it() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "minsk");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('/'));
    assert!(app.prompt.as_ref().unwrap().selected);
    typed(&mut app, "bakiyev");
    assert_eq!(
        app.query_text, "bakiyev",
        "the first key replaced the old query"
    );
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::End);
    typed(&mut app, " 2010");
    assert_eq!(app.query_text, "bakiyev 2010", "a movement keeps the query");
}

#[test]
fn history_walks_up_and_down_and_is_kept_in_the_state_dir() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evex").join("history");
    let mut app = app();
    app.history = History::load(Some(path.clone()));
    for query in ["minsk", "bakiyev", "tractor law"] {
        key(&mut app, KeyCode::Char('/'));
        typed(&mut app, query);
        key(&mut app, KeyCode::Enter);
    }
    let mut app = common::app();
    app.history = History::load(Some(path));
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Up);
    assert_eq!(text(&app).0, "tractor law");
    assert_eq!(app.query_text, "tractor law");
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Up);
    assert_eq!(text(&app).0, "minsk", "stops at the oldest");
    key(&mut app, KeyCode::Down);
    assert_eq!(text(&app).0, "bakiyev");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    assert_eq!(text(&app).0, "", "past the newest: what was typed");
    typed(&mut app, "ba");
    ctrl(&mut app, 'r');
    assert_eq!(
        text(&app).0,
        "bakiyev",
        "Ctrl-R finds what contains the typed text"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!((app.mode, app.query_text.as_str()), (Mode::Browse, ""));
}

#[test]
fn a_long_query_scrolls_sideways_with_the_cursor_in_view() {
    let mut prompt = Prompt::new(PromptKind::Search, String::new());
    for c in "a very long query about the foreign agents law in kyrgyzstan".chars() {
        prompt.type_char(c);
    }
    let window = prompt.window(20);
    assert!(window.cut_left && !window.cut_right);
    assert!(window.before.ends_with("kyrgyzstan"));
    prompt.edit(Edit::Home);
    let window = prompt.window(20);
    assert!(!window.cut_left && window.cut_right);
    assert_eq!(window.under, "a");
}

fn hostile() -> impl Strategy<Value = String> {
    let tricky = proptest::sample::select(vec![
        '\u{a0}', '\u{3000}', ' ', 'a', 'é', 'e', '\u{301}', '😀', '中', 'İ', '\u{200d}', '-',
    ]);
    proptest::collection::vec(prop_oneof![tricky, any::<char>()], 0..16)
        .prop_map(|c| c.into_iter().collect())
}

fn edit() -> impl Strategy<Value = Option<Edit>> {
    proptest::sample::select(vec![
        Edit::Left,
        Edit::Right,
        Edit::WordLeft,
        Edit::WordRight,
        Edit::Home,
        Edit::End,
        Edit::DeleteBack,
        Edit::DeleteForward,
        Edit::DeleteWord,
        Edit::DeleteToStart,
        Edit::DeleteToEnd,
    ])
    .prop_map(Some)
}

proptest! {
    #[test]
    fn every_edit_keeps_the_cursor_on_a_char_boundary(
        start in hostile(),
        steps in proptest::collection::vec((edit(), prop_oneof![Just(None), any::<char>().prop_map(Some)]), 0..24),
        width in 0usize..30,
    ) {
        let mut prompt = Prompt::new(PromptKind::Search, start);
        for (edit, typed) in steps {
            if let Some(edit) = edit { prompt.edit(edit); }
            if let Some(c) = typed { prompt.type_char(c); }
            prop_assert!(prompt.text().is_char_boundary(prompt.cursor()));
            let window = prompt.window(width);
            let shown = format!("{}{}{}", window.before, window.under, window.after);
            prop_assert!(prompt.text().contains(&shown));
        }
    }
}
