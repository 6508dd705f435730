//! The explorer in a real terminal: tmux runs the built binary from a shell, keys are sent as
//! a person types them, and the screen is read back. Needs tmux (`.ci/run` installs it); it
//! fails, never skips, when tmux is missing.

mod common;

use std::process::Command;

use common::tmux::Tmux;

#[test]
fn search_select_an_actor_and_quit_in_a_real_terminal() {
    let tmux = Tmux::start(120, 40);
    tmux.wait_for("the shell prompt", |s| s.contains('$'));
    tmux.type_text(&format!("{} ; echo exit=$?", env!("CARGO_BIN_EXE_evex")));
    tmux.keys(&["Enter"]);
    let first = tmux.wait_for("the timeline", |s| {
        s.contains("60/60 events") && s.contains("── 1998 ")
    });
    assert!(first.contains("Lukashenko expels ambassadors"), "{first}");

    tmux.type_text("/bakiyev");
    tmux.keys(&["Enter"]);
    let searched = tmux.wait_for("the search to apply", |s| {
        s.contains("search “bakiyev”") && !s.contains('█')
    });
    assert!(searched.contains("17/60 events"), "{searched}");
    assert!(
        searched.contains("Bakiyev is chased from power"),
        "{searched}"
    );
    assert!(
        !searched.contains("Drazdy complex"),
        "rows that do not match are gone:\n{searched}"
    );

    tmux.keys(&["Tab", "Tab"]);
    tmux.wait_for("the sidebar to take focus", |s| s.contains("toggle actor"));
    // The cursor stayed on its actor through the search; the top row has the most matches.
    tmux.keys(&["g", "Space"]);
    let selected = tmux.wait_for("the actor filter", |s| {
        s.contains("actors: any of K. Bakiyev") && s.contains("10/60 events")
    });
    assert!(selected.contains("10/60 events"), "{selected}");
    assert!(selected.contains("✓ Kurmanbek Bakiyev"), "{selected}");

    tmux.keys(&["q"]);
    let shell = tmux.wait_for("the shell to come back", |s| s.contains("exit=0"));
    assert!(
        !shell.contains("Timeline"),
        "the explorer's screen is gone:\n{shell}"
    );
    assert!(
        shell.contains("echo exit=$?"),
        "the screen from before evex is back:\n{shell}"
    );
}

#[test]
fn not_a_terminal_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_evex")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "evex: the explorer needs a terminal; try `evex list`\n"
    );
}

fn evex_bin() -> &'static str {
    env!("CARGO_BIN_EXE_evex")
}

/// Starts the explorer on `args` from the shell in tmux, waiting for its first screen.
fn open(tmux: &Tmux, env: &str, args: &str, ready: &str) {
    tmux.wait_for("the shell prompt", |s| s.contains('$'));
    tmux.command(&format!(
        "{env} bash -c 'echo $$ > {pidfile}; exec {} {args}'; echo exit=$?",
        evex_bin(),
        pidfile = pidfile(tmux)
    ));
    tmux.wait_for("the explorer", |s| s.contains(ready));
}

fn pidfile(tmux: &Tmux) -> String {
    std::env::temp_dir()
        .join(format!(
            "{}.pid",
            tmux.pane("#{socket_path}").replace('/', "_")
        ))
        .display()
        .to_string()
}

#[test]
fn escapes_in_the_store_never_reach_the_terminal() {
    let tmux = Tmux::start(120, 40);
    let title_before = tmux.pane("#{pane_title}");
    open(
        &tmux,
        "NO_COLOR=1",
        "tests/fixtures/hostile/escapes.ron",
        "Hostile",
    );
    let screen = tmux.screen();
    assert!(screen.contains("Hostile ␛]0;owned␇ store"), "{screen}");
    assert!(
        screen.contains("Title ␛]0;owned␇ ␛[2J ␛[31m \\u{202e}esre"),
        "{screen}"
    );
    assert!(screen.contains("Actor ␛[31mRed␛[0m"), "{screen}");
    assert!(screen.contains("Quote with ␛]0;owned␇"), "{screen}");
    assert_eq!(
        tmux.pane("#{pane_title}"),
        title_before,
        "the pane title did not change"
    );
    let styled = tmux.screen_with_styles();
    assert!(
        !styled.contains("\x1b[31m") && !styled.contains("\x1b[38;5;1m"),
        "no red from the data:\n{styled}"
    );
    assert!(styled.contains("␛[31m"), "the escape is shown as text");
    tmux.keys(&["q"]);
    tmux.wait_for("the shell", |s| s.contains("exit=0"));
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in ["TERM", "HUP"] {
        let tmux = Tmux::start(100, 30);
        open(&tmux, "", "", "60/60 events");
        let pid = std::fs::read_to_string(pidfile(&tmux)).unwrap();
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), pid.trim()])
            .status()
            .unwrap();
        assert!(killed.success());
        let shell = tmux.wait_for("the shell after the signal", |s| s.contains("exit="));
        assert!(
            !shell.contains("Timeline"),
            "SIG{signal}: the explorer's screen is gone:\n{shell}"
        );
        tmux.assert_terminal_sane();
        let styled = tmux.screen_with_styles();
        assert!(!styled.contains("\x1b[?1000h"), "mouse reporting is off");
        assert_eq!(
            tmux.pane("#{cursor_flag}"),
            "1",
            "SIG{signal}: the cursor is visible"
        );
        assert_eq!(
            tmux.pane("#{mouse_any_flag}"),
            "0",
            "SIG{signal}: mouse reporting is off"
        );
    }
}

#[test]
fn ctrl_z_suspends_and_fg_resumes() {
    let tmux = Tmux::start(100, 30);
    open(&tmux, "", "", "60/60 events");
    tmux.type_text("/minsk");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the search", |s| s.contains("search “minsk”"));
    tmux.keys(&["C-z"]);
    tmux.wait_for("the job to stop", |s| s.contains("Stopped"));
    tmux.assert_terminal_sane();
    tmux.command("fg");
    let back = tmux.wait_for("the explorer to come back", |s| {
        s.contains("search “minsk”") && s.contains("Timeline")
    });
    assert!(
        !back.contains("=stty"),
        "the explorer's screen is redrawn whole:\n{back}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for("the shell", |s| {
        !s.contains("Timeline") && s.contains("=stty")
    });
    tmux.assert_terminal_sane();
}

#[test]
fn a_panic_restores_the_terminal_and_says_what_to_do() {
    let tmux = Tmux::start(120, 40);
    tmux.wait_for("the shell prompt", |s| s.contains('$'));
    tmux.command(&format!(
        "RUST_BACKTRACE=0 EVEX_TEST_PANIC=1 {}; echo exit=$?",
        evex_bin()
    ));
    let screen = tmux.wait_for("the crash report", |s| s.contains("exit=101"));
    assert!(
        screen.contains("EVEX_TEST_PANIC is set: evex panics on purpose"),
        "{screen}"
    );
    assert!(
        screen.contains("evex crashed: this is a bug in evex"),
        "{screen}"
    );
    assert!(
        screen.contains("Please report it to the evex maintainers"),
        "{screen}"
    );
    assert_eq!(
        tmux.pane("#{alternate_on}"),
        "0",
        "left the alternate screen"
    );
    assert_eq!(tmux.pane("#{cursor_flag}"), "1", "the cursor is visible");
    assert_eq!(
        tmux.pane("#{mouse_any_flag}"),
        "0",
        "mouse reporting is off"
    );
    tmux.assert_terminal_sane();
}

#[test]
fn closing_the_terminal_ends_evex() {
    let tmux = Tmux::start(100, 30);
    open(&tmux, "", "", "60/60 events");
    let pid = std::fs::read_to_string(pidfile(&tmux)).unwrap();
    let proc = std::path::PathBuf::from(format!("/proc/{}", pid.trim()));
    assert!(proc.exists());
    // The window closes: the terminal hangs up under evex.
    tmux.run(&["kill-server"]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while proc.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(
        !proc.exists(),
        "evex is still running after its terminal closed"
    );
}
