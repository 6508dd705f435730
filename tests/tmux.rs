//! The explorer in a real terminal: tmux runs the built binary from a shell, keys are sent as
//! a person types them, and the screen is read back. Needs tmux (`.ci/run` installs it); it
//! fails, never skips, when tmux is missing.

use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A tmux server of its own, killed when the test ends.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(width: u16, height: u16) -> Self {
        let tmux = Self {
            socket: format!("evex-test-{}-{width}x{height}", std::process::id()),
        };
        let started = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "evex",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "env PS1='$ ' bash --norc --noprofile",
        ]);
        assert!(
            started.status.success(),
            "tmux could not start; install it (apt-get install tmux): {}",
            String::from_utf8_lossy(&started.stderr)
        );
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux is needed for the real-terminal tests: apt-get install tmux")
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "evex"];
        args.extend(keys);
        assert!(self.run(&args).status.success());
    }

    fn type_text(&self, text: &str) {
        assert!(
            self.run(&["send-keys", "-t", "evex", "-l", text])
                .status
                .success()
        );
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "evex"]).stdout)
            .into_owned()
    }

    /// Waits until the screen satisfies `ready` (a wait for the program, not a timing check).
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; the screen:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

#[test]
fn search_select_an_actor_and_quit_in_a_real_terminal() {
    let tmux = Tmux::start(120, 40);
    tmux.wait_for("the shell prompt", |s| s.contains('$'));
    tmux.type_text(&format!("{} ; echo exit=$?", env!("CARGO_BIN_EXE_evex")));
    tmux.keys(&["Enter"]);
    let first = tmux.wait_for("the timeline", |s| {
        s.contains("49/49 events") && s.contains("── 1998 ")
    });
    assert!(first.contains("Lukashenko expels ambassadors"), "{first}");

    tmux.type_text("/bakiyev");
    tmux.keys(&["Enter"]);
    let searched = tmux.wait_for("the search to apply", |s| {
        s.contains("search “bakiyev”") && !s.contains('█')
    });
    assert!(searched.contains("16/49 events"), "{searched}");
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
    tmux.keys(&["Space"]);
    let selected = tmux.wait_for("the actor filter", |s| {
        s.contains("actors: any of K. Bakiyev")
    });
    assert!(selected.contains("11/49 events"), "{selected}");
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
