//! What the explorer draws, as text, at the sizes people use, and that it draws at any size.

mod common;

use common::{app, draw, key, typed};
use ratatui::crossterm::event::KeyCode;

#[test]
fn wide_terminal_shows_sidebar_timeline_and_detail() {
    let mut app = app();
    insta::assert_snapshot!(draw(&mut app, 120, 40).backend());
}

#[test]
fn wide_terminal_after_searching_and_selecting_an_actor() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "bakiyev");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('j'));
    insta::assert_snapshot!(draw(&mut app, 120, 40).backend());
}

#[test]
fn medium_terminal_puts_the_detail_under_the_timeline() {
    let mut app = app();
    key(&mut app, KeyCode::Char('y'));
    typed(&mut app, "2015");
    key(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn small_terminal_hides_the_sidebar() {
    let mut app = app();
    insta::assert_snapshot!(draw(&mut app, 40, 12).backend());
    key(&mut app, KeyCode::Char('s'));
    insta::assert_snapshot!(
        "small_with_sidebar_overlay",
        draw(&mut app, 40, 12).backend()
    );
}

#[test]
fn help_overlay_lists_every_binding() {
    let mut app = app();
    key(&mut app, KeyCode::Char('?'));
    let text = draw(&mut app, 120, 40).backend().to_string();
    for binding in evex::keymap::KEYMAP {
        assert!(text.contains(binding.help), "help lacks {}", binding.help);
    }
    insta::assert_snapshot!(text);
}

#[test]
fn prompt_shows_in_the_footer() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "@lukash 2010");
    let text = draw(&mut app, 120, 40).backend().to_string();
    let footer = text.lines().nth(39).unwrap();
    assert!(
        footer.starts_with("\"/@lukash 2010█   Enter keep  Esc cancel"),
        "{footer}"
    );
    assert!(
        text.contains("3/49 events"),
        "Lukashenko in 2010, spans included"
    );
}

#[test]
fn too_small_says_so() {
    let mut app = app();
    let text = draw(&mut app, 19, 6).backend().to_string();
    assert!(text.contains("terminal too"), "{text}");
}

#[test]
fn every_size_up_to_30x10_renders_without_panic() {
    let mut app = app();
    for width in 1..=30 {
        for height in 1..=10 {
            draw(&mut app, width, height);
        }
    }
}
