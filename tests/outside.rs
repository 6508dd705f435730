//! Reading a source outside evex: `u` opens its URL with the browser, `t` its text in the
//! pager, and the explorer comes back as it was. The commands come from the environment, so
//! the tests give fake ones that write down what they were given.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use common::key;
use common::tmux::tmux_or_skip;
use evex::app::{App, Outside};
use evex::opener::Commands;
use evex::store::Store;
use evex::theme::MONO;
use ratatui::crossterm::event::KeyCode;
use tempfile::TempDir;

/// Two events: the first from a source with a URL and its text, the second from one with
/// neither.
const STORE: &str = r#"#![enable(implicit_some)]
Store(
    title: "Sources",
    sources: [
        Source(id: "web", title: "On the Web", publisher: "P", url: "https://example.org/a?b=c&d", text: "Before.\n\nThe minister resigned on Monday.\n\nAfter."),
        Source(id: "paper", title: "On Paper", publisher: "Q"),
    ],
    actors: [Actor(id: "m", name: "Minister", kind: Person)],
    events: [
        Event(id: "one", date: "2012", title: "The minister resigns", kind: Politics, actors: ["m"], source: "web", quote: "The minister resigned on Monday."),
        Event(id: "two", date: "2013", title: "Nothing online", kind: Politics, actors: ["m"], source: "paper", quote: "Nothing was put online."),
    ],
)
"#;

fn app() -> App {
    let store = evex::store::parse(STORE).unwrap().store;
    App::new(store, MONO)
}

#[test]
fn u_asks_for_the_browser_on_the_url_and_t_for_the_pager_on_the_text() {
    let mut app = app();
    app.commands = Commands::from_env(Some("my-browser --new-tab".into()), None);
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(
        app.outside,
        Some(Outside::Open(vec![
            "my-browser".into(),
            "--new-tab".into(),
            "https://example.org/a?b=c&d".into()
        ]))
    );
    app.outside = None;
    key(&mut app, KeyCode::Char('t'));
    let Some(Outside::Page { title, text }) = app.outside.take() else {
        panic!("t pages the text: {:?}", app.outside);
    };
    assert_eq!(title, "On the Web");
    assert_eq!(
        text,
        "On the Web\nP\nhttps://example.org/a?b=c&d\n\nBefore.\n\nThe minister resigned on Monday.\n\nAfter.\n"
    );
}

#[test]
fn without_a_url_or_a_text_the_status_line_says_so() {
    let mut app = app();
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.outside, None);
    assert_eq!(
        app.status.as_deref(),
        Some("the source “On Paper” has no URL")
    );
    key(&mut app, KeyCode::Char('t'));
    assert_eq!(app.outside, None);
    assert_eq!(
        app.status.as_deref(),
        Some("the store has no text for the source “On Paper”")
    );
    let mut bundled = App::new(Store::bundled(), MONO);
    key(&mut bundled, KeyCode::Char('u'));
    assert!(bundled.status.unwrap().ends_with("has no URL"));
}

/// Writes an executable shell script.
fn script(path: &Path, body: &str) {
    fs::write(path, format!("#!/bin/sh\n{body}\n")).unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
}

/// Waits for a file a detached program writes (a wait for the program, not a timing check).
fn wait_for_file(path: &Path) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Ok(text) = fs::read_to_string(path)
            && text.ends_with('\n')
        {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "{} was never written",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_browser_gets_the_url_and_the_pager_the_text_in_a_real_terminal() {
    let Some(tmux) = tmux_or_skip(100, 30) else {
        return;
    };
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("sources.ron");
    fs::write(&store, STORE).unwrap();
    let (browser, opened) = (dir.path().join("browser"), dir.path().join("opened"));
    script(
        &browser,
        &format!("printf '%s\\n' \"$@\" > {}", opened.display()),
    );
    let (pager, paged) = (dir.path().join("pager"), dir.path().join("paged"));
    script(
        &pager,
        &format!(
            "cp \"$1\" {}; echo fake pager on; read answer",
            paged.display()
        ),
    );
    tmux.open_evex(
        &format!("BROWSER={} PAGER={}", browser.display(), pager.display()),
        &store.display().to_string(),
        "2/2 events",
    );
    let before = tmux.screen();

    tmux.keys(&["u"]);
    assert_eq!(wait_for_file(&opened), "https://example.org/a?b=c&d\n");
    tmux.wait_for("the status line", |s| {
        s.contains("opened https://example.org/a?b=c&d with")
    });

    tmux.keys(&["t"]);
    let paging = tmux.wait_for("the pager", |s| s.contains("fake pager on"));
    assert!(
        !paging.contains("2/2 events"),
        "the explorer gave the screen up:\n{paging}"
    );
    assert_eq!(
        tmux.pane("#{alternate_on}"),
        "0",
        "the pager has the main screen"
    );
    assert_eq!(
        tmux.pane("#{mouse_any_flag}"),
        "0",
        "no mouse reporting for the pager"
    );
    // Asked from outside, as the pager holds the shell's side of the terminal.
    let stty = std::process::Command::new("stty")
        .args(["-a", "-F", &tmux.pane("#{pane_tty}")])
        .output()
        .unwrap();
    let stty = String::from_utf8_lossy(&stty.stdout).replace(';', " ");
    let modes: Vec<&str> = stty.split_whitespace().collect();
    assert!(
        modes.contains(&"icanon") && modes.contains(&"echo"),
        "the pager gets a cooked terminal: {stty}"
    );
    assert!(wait_for_file(&paged).contains("The minister resigned on Monday."));
    tmux.keys(&["Enter"]);
    let back = tmux.wait_for("the explorer to come back", |s| {
        s.contains("read “On the Web” in")
    });
    assert_eq!(tmux.pane("#{alternate_on}"), "1");
    // The same view: every line but the footer's status as before.
    let lines = |s: &str| s.lines().take(29).map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(lines(&back), lines(&before), "{back}");
    tmux.keys(&["j"]);
    tmux.wait_for("keys to work again", |s| {
        !s.contains("read “On the Web” in")
    });
    tmux.keys(&["q"]);
    tmux.wait_for("the shell", |s| s.contains("exit=0"));
    tmux.assert_restored("after the pager");
}
