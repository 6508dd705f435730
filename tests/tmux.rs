//! The explorer in a real terminal: tmux runs the built binary from a shell, keys are sent as
//! a person types them, and the screen is read back. Needs tmux (`.ci/run` installs it): under
//! CI these fail without it; elsewhere they say loudly that they did not run.

mod common;

use std::process::Command;

use common::tmux::tmux_or_skip;

#[test]
fn search_select_an_actor_and_quit_in_a_real_terminal() {
    let Some(tmux) = tmux_or_skip(120, 40) else {
        return;
    };
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

#[test]
fn escapes_in_the_store_never_reach_the_terminal() {
    let Some(tmux) = tmux_or_skip(120, 40) else {
        return;
    };
    let title_before = tmux.pane("#{pane_title}");
    tmux.open_evex(
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
fn a_panic_restores_the_terminal_and_says_what_to_do() {
    let Some(tmux) = tmux_or_skip(120, 40) else {
        return;
    };
    tmux.wait_for("the shell prompt", |s| s.contains('$'));
    tmux.command(&format!(
        "RUST_BACKTRACE=0 EVEX_TEST_PANIC=1 {}; echo exit=$?",
        env!("CARGO_BIN_EXE_evex")
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
    let Some(tmux) = tmux_or_skip(100, 30) else {
        return;
    };
    tmux.open_evex("", "", "60/60 events");
    let pid = tmux.evex_pid();
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

/// A query padded to 2 KB with spaces: the search applies only if every byte was read.
fn padded_query() -> String {
    format!("{}bakiyev", " ".repeat(2_048))
}

#[test]
fn a_2_kb_paste_into_search_is_read_whole_plain_or_bracketed() {
    for bracketed in [false, true] {
        let Some(tmux) = tmux_or_skip(120, 40) else {
            return;
        };
        tmux.open_evex("", "", "60/60 events");
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), padded_query()).unwrap();
        assert!(
            tmux.run(&["load-buffer", file.path().to_str().unwrap()])
                .status
                .success()
        );
        tmux.type_text("/");
        let mut paste = vec!["paste-buffer", "-t", "evex"];
        if bracketed {
            paste.push("-p");
        }
        assert!(tmux.run(&paste).status.success());
        let screen = tmux.wait_for("the pasted search to apply", |s| s.contains("17/60 events"));
        assert!(
            screen.contains("Bakiyev"),
            "bracketed {bracketed}:\n{screen}"
        );
        tmux.keys(&["Enter"]);
        tmux.keys(&["q"]);
        tmux.wait_for("the shell", |s| s.lines().any(|l| l == "exit=0"));
    }
}

#[test]
fn three_thousand_keys_at_once_are_all_read() {
    let Some(tmux) = tmux_or_skip(120, 40) else {
        return;
    };
    tmux.open_evex("", "", "60/60 events");
    // One write of 3,000 `j`, then a search typed in the same burst.
    tmux.type_text(&format!("{}/bakiyev", "j".repeat(3_000)));
    tmux.wait_for("the search at the end of the burst", |s| {
        s.contains("17/60 events")
    });
    tmux.keys(&["Enter"]);
    tmux.keys(&["q"]);
    tmux.wait_for("the shell", |s| s.lines().any(|l| l == "exit=0"));
}

#[test]
fn csv_on_a_terminal_shows_escapes_instead_of_obeying_them() {
    let Some(tmux) = tmux_or_skip(200, 40) else {
        return;
    };
    tmux.wait_for("the shell prompt", |s| s.contains('$'));
    let title_before = tmux.pane("#{pane_title}");
    tmux.command(&format!(
        "{} list -f csv tests/fixtures/hostile/escapes.ron; echo done=$?",
        env!("CARGO_BIN_EXE_evex")
    ));
    let screen = tmux.wait_for("the CSV", |s| s.lines().any(|l| l == "done=0"));
    assert!(
        screen.contains("list -f csv"),
        "the screen was not cleared:\n{screen}"
    );
    assert!(
        screen.contains("\"Title ␛]0;owned␇ ␛[2J ␛[31m \\u{202e}esrever\""),
        "{screen}"
    );
    assert_eq!(
        tmux.pane("#{pane_title}"),
        title_before,
        "the title did not change"
    );
    let styled = tmux.screen_with_styles();
    assert!(
        !styled.contains("\x1b[31m"),
        "no red from the data:\n{styled}"
    );
}

#[test]
fn list_on_a_25_column_terminal_does_not_wrap() {
    let Some(tmux) = tmux_or_skip(25, 60) else {
        return;
    };
    tmux.wait_for("the shell prompt", |s| s.contains('$'));
    tmux.command(&format!(
        "clear; {} list -y 2015; echo done",
        env!("CARGO_BIN_EXE_evex")
    ));
    tmux.wait_for("the table", |s| s.lines().any(|l| l == "done"));
    // -J joins lines the terminal wrapped, so a wrapped row shows as one long line.
    let joined = tmux.run(&["capture-pane", "-p", "-J", "-t", "evex"]).stdout;
    let joined = String::from_utf8_lossy(&joined);
    let rows: Vec<&str> = joined
        .lines()
        .skip_while(|l| !l.starts_with("DATE"))
        .take_while(|l| *l != "done")
        .collect();
    assert!(rows.len() > 20, "{joined}");
    for row in rows {
        assert!(
            unicode_width::UnicodeWidthStr::width(row) <= 25,
            "a row wrapped: {row:?}\n{joined}"
        );
    }
}
