//! A tmux server of its own for real-terminal tests, killed when dropped.

use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A tmux server of its own, killed when the test ends.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn start(width: u16, height: u16) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let tmux = Self {
            socket: format!("evex-test-{}-{n}", std::process::id()),
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

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux is needed for the real-terminal tests: apt-get install tmux")
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "evex"];
        args.extend(keys);
        assert!(self.run(&args).status.success());
    }

    pub fn type_text(&self, text: &str) {
        assert!(
            self.run(&["send-keys", "-t", "evex", "-l", text])
                .status
                .success()
        );
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "evex"]).stdout)
            .into_owned()
    }

    /// Waits until the screen satisfies `ready` (a wait for the program, not a timing check).
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
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

impl Tmux {
    /// Types a command line into the shell and presses Enter.
    pub fn command(&self, line: &str) {
        self.type_text(line);
        self.keys(&["Enter"]);
    }

    /// A tmux format value of the pane, such as `#{pane_title}` or `#{cursor_flag}`.
    pub fn pane(&self, format: &str) -> String {
        String::from_utf8_lossy(
            &self
                .run(&["display-message", "-p", "-t", "evex", format])
                .stdout,
        )
        .trim()
        .to_owned()
    }

    /// The screen with its colours and styles as escape sequences.
    pub fn screen_with_styles(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-e", "-t", "evex"]).stdout)
            .into_owned()
    }

    /// Asks the shell whether the terminal is back in cooked mode with echo on.
    pub fn assert_terminal_sane(&self) {
        self.command("stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '; echo =st''ty");
        let screen = self.wait_for("stty", |s| s.lines().any(|l| l.ends_with("=stty")));
        let line = screen.lines().find(|l| l.ends_with("=stty")).unwrap();
        assert_eq!(
            line, "icanon echo =stty",
            "the terminal is left raw:\n{screen}"
        );
    }
}
