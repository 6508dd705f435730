//! Signals from outside, in a real terminal: every one that ends evex gives the terminal back
//! as it was and exits with 128 + its number; SIGTSTP stops evex with the terminal restored
//! and `fg` brings it back, redrawn and reading keys. Needs tmux, as `tests/tmux.rs`.

mod common;

use common::tmux::tmux_or_skip;

/// Quits an explorer brought back with `fg` (the shell has already moved on past its
/// command line, so there is no `exit=` to wait for) and checks the terminal.
fn quit_resumed(tmux: &common::tmux::Tmux) {
    tmux.keys(&["Escape"]);
    tmux.wait_for("the search to close", |s| !s.contains("/minsk"));
    tmux.keys(&["q"]);
    tmux.wait_for("the shell", |s| !s.contains("Timeline"));
    tmux.assert_restored("after quitting");
}

#[test]
fn ending_signals_restore_the_terminal_and_exit_with_128_plus_the_signal() {
    for (signal, code) in [("INT", 130), ("QUIT", 131), ("TERM", 143), ("HUP", 129)] {
        let Some(tmux) = tmux_or_skip(100, 30) else {
            return;
        };
        tmux.open_evex("", "", "60/60 events");
        tmux.signal_evex(signal);
        let shell = tmux.wait_for("the shell after the signal", |s| {
            s.lines().any(|l| l.starts_with("exit="))
        });
        assert!(
            shell.contains(&format!("exit={code}")),
            "SIG{signal} exits {code}:\n{shell}"
        );
        assert!(
            !shell.contains("Timeline"),
            "SIG{signal}: the explorer's screen is gone:\n{shell}"
        );
        tmux.assert_restored(&format!("SIG{signal}"));
    }
}

#[test]
fn sigtstp_from_outside_restores_the_terminal_and_fg_resumes_reading_keys() {
    let Some(tmux) = tmux_or_skip(100, 30) else {
        return;
    };
    tmux.open_evex("", "", "60/60 events");
    tmux.signal_evex("TSTP");
    tmux.wait_for("the job to stop", |s| s.contains("Stopped"));
    tmux.assert_restored("stopped by SIGTSTP");
    tmux.command("fg");
    tmux.wait_for("the explorer to come back", |s| {
        s.contains("60/60 events") && s.contains("Timeline") && !s.contains("=stty")
    });
    assert_eq!(
        tmux.pane("#{alternate_on}"),
        "1",
        "back on the alternate screen"
    );
    assert_eq!(
        tmux.pane("#{mouse_any_flag}"),
        "1",
        "mouse reporting is back"
    );
    // Keys are read one by one again (raw mode), without waiting for Enter.
    tmux.type_text("/minsk");
    tmux.wait_for("the search, typed without Enter", |s| {
        s.contains("minsk") && !s.contains("60/60 events")
    });
    quit_resumed(&tmux);
}

#[test]
fn ctrl_z_suspends_and_fg_resumes() {
    let Some(tmux) = tmux_or_skip(100, 30) else {
        return;
    };
    tmux.open_evex("", "", "60/60 events");
    tmux.type_text("/minsk");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the search", |s| s.contains("search “minsk”"));
    tmux.keys(&["C-z"]);
    tmux.wait_for("the job to stop", |s| s.contains("Stopped"));
    tmux.assert_restored("suspended with Ctrl-Z");
    tmux.command("fg");
    let back = tmux.wait_for("the explorer to come back", |s| {
        s.contains("search “minsk”") && s.contains("Timeline")
    });
    assert!(
        !back.contains("=stty"),
        "the explorer's screen is redrawn whole:\n{back}"
    );
    quit_resumed(&tmux);
}

#[test]
fn sigstop_then_fg_takes_the_terminal_again() {
    let Some(tmux) = tmux_or_skip(100, 30) else {
        return;
    };
    tmux.open_evex("", "", "60/60 events");
    // SIGSTOP cannot be caught: the shell takes the terminal back as evex left it.
    tmux.signal_evex("STOP");
    tmux.wait_for("the job to stop", |s| s.contains("Stopped"));
    tmux.command("fg");
    tmux.wait_for("the explorer to come back", |s| {
        s.contains("60/60 events") && s.contains("Timeline") && !s.contains("fg")
    });
    tmux.type_text("/minsk");
    tmux.wait_for("the search, typed without Enter", |s| {
        s.contains("minsk") && !s.contains("60/60 events")
    });
    quit_resumed(&tmux);
}

#[test]
fn ctrl_c_while_a_command_reads_ends_it_with_130() {
    let Some(tmux) = tmux_or_skip(100, 30) else {
        return;
    };
    for command in ["list -", "stats -", "validate -"] {
        tmux.wait_for("the shell prompt", |s| s.contains('$'));
        tmux.command(&format!("clear; {} {command}", env!("CARGO_BIN_EXE_evex")));
        // It waits for the store on standard input (the terminal) until Ctrl-C.
        std::thread::sleep(std::time::Duration::from_millis(300));
        tmux.keys(&["C-c"]);
        tmux.command("echo status=$?");
        let screen = tmux.wait_for("the status", |s| s.contains("status="));
        assert!(screen.contains("status=130"), "{command}:\n{screen}");
        tmux.assert_terminal_sane();
    }
}

#[test]
fn ctrl_c_while_the_explorer_loads_quits_as_in_the_explorer_with_the_terminal_as_it_was() {
    let Some(tmux) = tmux_or_skip(100, 30) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    // Loading waits a minute first (EVEX_TEST_SLOW_MS), so Ctrl-C comes while it loads.
    let events: String = (0..60_000)
        .map(|i| {
            format!(
                "Event(id: \"e{i}\", date: \"2015-06\", title: \"Talks number {i}\", kind: Diplomacy, actors: [\"a\"], source: \"s\", quote: \"The ministers met.\"),\n"
            )
        })
        .collect();
    let store = format!(
        "#![enable(implicit_some)]\nStore(title: \"Talks\", sources: [Source(id: \"s\", title: \"S\", publisher: \"P\", text: \"The ministers met.\")], actors: [Actor(id: \"a\", name: \"Alpha\", kind: Person)], events: [\n{events}])\n"
    );
    std::fs::write(&path, store).unwrap();
    tmux.wait_for("the shell prompt", |s| s.contains('$'));
    tmux.command(&format!(
        "XDG_CACHE_HOME={} EVEX_TEST_SLOW_MS=60000 {} {}",
        dir.path().display(),
        env!("CARGO_BIN_EXE_evex"),
        path.display()
    ));
    tmux.wait_for("the loading screen", |s| s.contains("q quits"));
    tmux.keys(&["C-c"]);
    tmux.command("echo status=$?");
    let screen = tmux.wait_for("the status", |s| {
        s.lines().any(|l| l.starts_with("status="))
    });
    // The loading screen reads Ctrl-C as a key, as the explorer does: it quits.
    assert!(screen.contains("status=0"), "{screen}");
    assert!(
        !screen.contains("q quits"),
        "the loading screen is gone:\n{screen}"
    );
    tmux.assert_restored("Ctrl-C while loading");
}
