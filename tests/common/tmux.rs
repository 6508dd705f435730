//! A tmux server of its own for real-terminal tests, killed when dropped.
//!
//! Start one with `let Some(tmux) = tmux_or_skip(width, height) else { return };`: without
//! tmux installed such a test says loudly that it did not run and how to run it, except under
//! CI (`CI` set), where it fails.

use std::io::Write;
use std::process::{Command, Output};
use std::sync::Once;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A tmux server for a real-terminal test, or `None` when tmux is not installed outside CI.
pub fn tmux_or_skip(width: u16, height: u16) -> Option<Tmux> {
    let installed = Command::new("tmux").arg("-V").output().is_ok();
    if installed || std::env::var_os("CI").is_some() {
        return Some(Tmux::start(width, height));
    }
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Straight to the terminal: the test harness hides what passing tests print.
        let _ = writeln!(
            std::io::stderr().lock(),
            "\n\x1b[1;33m!!! tmux is not installed: the real-terminal tests did NOT run.\n!!! \
             Install it (apt-get install tmux) and run `cargo test` again; under CI (CI set) \
             they fail instead.\x1b[0m\n"
        );
    });
    None
}

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
        // The user's configuration, marks and history stay out of the tests: the shell
        // points evex at directories of this server's own, removed when it is dropped.
        let home = tmux.home().display().to_string();
        let shell = format!(
            "env PS1='$ ' XDG_CONFIG_HOME={home}/config XDG_DATA_HOME={home}/data XDG_STATE_HOME={home}/state bash --norc --noprofile"
        );
        let started = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "evex",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            &shell,
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

impl Tmux {
    /// Where this server's evex keeps its configuration, marks and history.
    pub fn home(&self) -> std::path::PathBuf {
        std::env::temp_dir().join(&self.socket)
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(self.home());
        // Not `run`: a panic here, while a failed start unwinds, would abort the tests.
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
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

impl Tmux {
    /// Starts evex with `args` (and `env` assignments before it) from the shell, waits for
    /// `ready` on its first screen. The shell prints `exit=N` when evex ends.
    pub fn open_evex(&self, env: &str, args: &str, ready: &str) {
        self.wait_for("the shell prompt", |s| s.contains('$'));
        self.command(&format!(
            "{env} bash -c 'echo $$ > {pidfile}; exec {} {args}'; echo exit=$?",
            env!("CARGO_BIN_EXE_evex"),
            pidfile = self.pidfile()
        ));
        self.wait_for("the explorer", |s| s.contains(ready));
    }

    /// The process id of the evex started by `open_evex`.
    pub fn evex_pid(&self) -> String {
        std::fs::read_to_string(self.pidfile())
            .unwrap()
            .trim()
            .to_owned()
    }

    fn pidfile(&self) -> String {
        std::env::temp_dir()
            .join(format!(
                "{}.pid",
                self.pane("#{socket_path}").replace('/', "_")
            ))
            .display()
            .to_string()
    }

    /// Sends `signal` (`TERM`, `INT`, ...) to the evex started by `open_evex`.
    pub fn signal_evex(&self, signal: &str) {
        let sent = Command::new("kill")
            .args([&format!("-{signal}"), &self.evex_pid()])
            .status()
            .unwrap();
        assert!(sent.success(), "kill -{signal}");
    }

    /// Asserts that the terminal is as the shell left it: main screen, cursor shown, no mouse
    /// reporting, no bracketed paste, cooked mode with echo.
    pub fn assert_restored(&self, what: &str) {
        // The screen can read like the shell's a moment before evex has finished leaving.
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.pane("#{alternate_on}") != "0" && Instant::now() < deadline {
            sleep(Duration::from_millis(50));
        }
        assert_eq!(
            self.pane("#{alternate_on}"),
            "0",
            "{what}: left the alternate screen"
        );
        assert_eq!(
            self.pane("#{cursor_flag}"),
            "1",
            "{what}: the cursor is visible"
        );
        assert_eq!(
            self.pane("#{mouse_any_flag}"),
            "0",
            "{what}: mouse reporting is off"
        );
        // tmux before 3.4 does not report it (an empty value).
        assert_ne!(
            self.pane("#{bracketed_paste_flag}"),
            "1",
            "{what}: bracketed paste is off"
        );
        self.assert_terminal_sane();
    }
}
