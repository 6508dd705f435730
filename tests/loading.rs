//! The loading screen: drawn at once while a store opens, with what is being done and how
//! far it has got; q, Esc, Ctrl-C or a signal end evex from it with the terminal restored,
//! and a store that fails says why after the terminal is given back.

mod common;

use std::fs;
use std::time::Duration;

use common::stores::talks;
use common::tmux::{Tmux, tmux_or_skip};
use evex::progress::{Progress, Stage};
use evex::theme::MONO;
use evex::ui::loading::Loading;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn draw(progress: &Progress, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            frame.render_widget(
                Loading {
                    name: "big-1m.ron",
                    progress: progress.snapshot(),
                    elapsed: Duration::from_millis(2_430),
                    theme: &MONO,
                },
                frame.area(),
            );
        })
        .unwrap();
    terminal
}

#[test]
fn the_loading_screen_says_what_it_does_and_how_far_it_got() {
    let progress = Progress::default();
    progress.start(Stage::Parsing, 433_000_000);
    progress.advance(130_000_000);
    insta::assert_snapshot!(draw(&progress, 80, 24).backend());
    progress.start(Stage::Cached, 1_000_000);
    progress.advance(250_000);
    insta::assert_snapshot!(draw(&progress, 80, 24).backend());
    progress.start(Stage::Checking, 0);
    insta::assert_snapshot!(draw(&progress, 24, 6).backend());
}

/// A store big enough to be slow to open in a test (with `EVEX_TEST_SLOW_MS`) in a temp dir.
fn open_slowly(tmux: &Tmux, dir: &std::path::Path, slow_ms: u32) {
    let path = dir.join("talks.ron");
    fs::write(&path, talks(4_500)).unwrap();
    tmux.open_evex(
        &format!(
            "XDG_CACHE_HOME={} EVEX_TEST_SLOW_MS={slow_ms}",
            dir.join("xdg").display()
        ),
        &path.display().to_string(),
        "q quits",
    );
}

fn exit_line(tmux: &Tmux) -> String {
    let shell = tmux.wait_for("evex to end", |s| s.lines().any(|l| l.starts_with("exit=")));
    shell
        .lines()
        .find(|l| l.starts_with("exit="))
        .unwrap()
        .to_owned()
}

#[test]
fn the_loading_screen_shows_then_the_explorer() {
    let Some(tmux) = tmux_or_skip(100, 30) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    open_slowly(&tmux, dir.path(), 1_500);
    let screen = tmux.screen();
    assert!(
        screen.contains("Opening") && screen.contains("talks.ron"),
        "{screen}"
    );
    assert_eq!(tmux.pane("#{alternate_on}"), "1", "in the alternate screen");
    tmux.wait_for("the explorer", |s| s.contains("4500/4500 events"));
    tmux.keys(&["q"]);
    assert_eq!(exit_line(&tmux), "exit=0");
    tmux.assert_restored("after quitting");
}

#[test]
fn q_esc_and_ctrl_c_quit_while_loading() {
    for key in ["q", "Escape", "C-c"] {
        let Some(tmux) = tmux_or_skip(100, 30) else {
            return;
        };
        let dir = tempfile::tempdir().unwrap();
        open_slowly(&tmux, dir.path(), 60_000);
        tmux.keys(&[key]);
        assert_eq!(exit_line(&tmux), "exit=0", "{key}");
        tmux.assert_restored(key);
    }
}

#[test]
fn a_signal_while_loading_restores_the_terminal_and_exits_128_plus_it() {
    let Some(tmux) = tmux_or_skip(100, 30) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    open_slowly(&tmux, dir.path(), 60_000);
    tmux.signal_evex("TERM");
    assert_eq!(exit_line(&tmux), "exit=143");
    tmux.assert_restored("SIGTERM while loading");
}

#[test]
fn a_store_that_fails_says_why_after_the_terminal_is_given_back() {
    let Some(tmux) = tmux_or_skip(120, 30) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    fs::write(&path, "Store(title: \"x\", events: [Event(id: 3)])").unwrap();
    tmux.open_evex("", &path.display().to_string(), "exit=");
    assert_eq!(exit_line(&tmux), "exit=2");
    let screen = tmux.screen();
    assert!(screen.contains("bad.ron:1:"), "{screen}");
    assert!(screen.contains("could not be loaded"), "{screen}");
    tmux.assert_restored("after a store that fails");
}
