//! The terminal loop: draw, wait for input or a signal, apply it. The only place that talks
//! to the terminal besides `ratatui::run`, which restores it on exit and on panic.

use std::io::{self, stdout};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::thread;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::{Handle, Signals};

use super::{App, Outside};
use crate::action::Action;
use crate::clipboard::SystemClipboard;
use crate::text::is_unsafe;
use crate::ui;

/// How long the loop has to restore the terminal after a signal that ends evex.
const SIGNAL_GRACE: Duration = Duration::from_secs(2);
/// How long to wait for input before checking for signals.
const TICK: Duration = Duration::from_millis(200);
/// How long to wait for input while a search runs, before looking for its answer.
const SEARCH_TICK: Duration = Duration::from_millis(10);
/// How long to wait for more of a burst of input before drawing. crossterm's `/dev/tty`
/// source does not look at what it has already read when asked to wait for no time at all.
const BURST_TICK: Duration = Duration::from_millis(1);
/// Most events applied before a frame is drawn, so a long burst still shows progress.
const BURST_EVENTS: usize = 4_096;

/// Mouse reporting and bracketed paste, switched off again when dropped and when evex
/// panics, so the shell never receives mouse codes or paste marks after evex exits.
struct Modes;

impl Modes {
    fn enable() -> io::Result<Self> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
            previous(info);
        }));
        execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)?;
        Ok(Self)
    }
}

impl Drop for Modes {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    }
}

/// What signals have asked of the loop, set by the signal thread.
#[derive(Default)]
pub(super) struct Requests {
    /// The signal that ends evex (SIGTERM, SIGHUP, SIGINT, SIGQUIT), or 0.
    pub(super) end: AtomicI32,
    /// SIGTSTP from outside (`kill -TSTP`): hand the terminal back and stop.
    pub(super) stop: AtomicBool,
    /// The pager has the terminal: Ctrl-C and Ctrl-\ are meant for it, and Ctrl-Z stops
    /// evex with it, so the shell gets the terminal back.
    pub(super) paging: AtomicBool,
    /// SIGCONT: the process was stopped (perhaps by SIGSTOP, which cannot be caught) and the
    /// shell may have reset the terminal: take it again.
    pub(super) resumed: AtomicBool,
}

impl App {
    /// Runs the explorer until the person quits or a signal ends it. Returns the signal that
    /// ended it, if one did, so the process can exit with 128 + its number as shells expect.
    pub fn run(mut self, terminal: &mut DefaultTerminal) -> io::Result<Option<i32>> {
        let requests = listen_for_signals()?;
        let modes = Modes::enable()?;
        let mut system_clipboard = SystemClipboard::default();
        let mut ended = None;
        while !self.should_quit {
            if let signal @ 1.. = requests.end.load(Ordering::Relaxed) {
                ended = Some(signal);
                break;
            }
            if requests.stop.swap(false, Ordering::Relaxed) {
                self.suspend_requested = true;
            }
            if std::mem::take(&mut self.suspend_requested) {
                suspend(terminal)?;
                requests.resumed.store(false, Ordering::Relaxed);
            }
            if requests.resumed.swap(false, Ordering::Relaxed) {
                enter(terminal)?;
            }
            self.receive();
            terminal.draw(|frame| ui::draw(frame, &mut self))?;
            if let Some(drawn) = self.first_frame.take() {
                let _ = drawn.send(());
            }
            // The frame may have changed what the sparklines follow (a resize).
            self.ask_for_sparks();
            if let Some(text) = self.clipboard.take() {
                crate::citation::write_osc52(terminal.backend_mut(), &text)?;
                let said = SystemClipboard::said(system_clipboard.copy(&text));
                if let Some(status) = &mut self.status {
                    status.push_str(said);
                }
                // Drawn again at once, so the status says where the text went.
                continue;
            }
            if let Some(outside) = self.outside.take() {
                self.status = Some(self.run_outside(terminal, outside, &requests)?);
                continue;
            }
            let tick = if self.searcher.waiting_since().is_some() {
                SEARCH_TICK
            } else {
                TICK
            };
            if event::poll(tick)? {
                self.read_burst()?;
            }
        }
        drop(modes);
        Ok(ended)
    }

    /// Applies the event that is ready and every one that follows at once (a paste, a held
    /// key), so a burst costs one frame, not one per key.
    fn read_burst(&mut self) -> io::Result<()> {
        for _ in 0..BURST_EVENTS {
            self.apply(event::read()?);
            if self.should_quit || self.suspend_requested || !event::poll(BURST_TICK)? {
                break;
            }
        }
        Ok(())
    }

    fn apply(&mut self, event: Event) {
        match event {
            Event::Key(key) if key.is_press() => self.handle_key(key),
            Event::Paste(text) => self.paste(&text),
            Event::Mouse(mouse) => {
                let (column, row) = (mouse.column, mouse.row);
                match mouse.kind {
                    MouseEventKind::ScrollDown => self.update(Action::Scroll {
                        column,
                        row,
                        down: true,
                    }),
                    MouseEventKind::ScrollUp => self.update(Action::Scroll {
                        column,
                        row,
                        down: false,
                    }),
                    MouseEventKind::Down(MouseButton::Left) => {
                        self.update(Action::Click { column, row })
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// Pasted text goes into the open prompt as typed text, line breaks and other control
    /// characters as spaces; without a prompt it is ignored, so a paste never runs commands.
    fn paste(&mut self, text: &str) {
        let text: String = text
            .chars()
            .map(|c| if is_unsafe(c) { ' ' } else { c })
            .collect();
        self.edit_prompt(|prompt, _| text.chars().for_each(|c| prompt.type_char(c)));
    }
}

/// Handles every signal a terminal program gets on a thread of its own. Ending signals set
/// `end`, which the loop checks to restore the terminal and quit; if it has not quit soon
/// after, the process exits anyway (when the terminal has hung up, input polling can spin
/// and never give the loop a turn).
pub(super) fn listen_for_signals() -> io::Result<Listening> {
    let requests = Arc::new(Requests::default());
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    let handle = signals.handle();
    let raised = Arc::clone(&requests);
    thread::Builder::new()
        .name("evex-signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                let paging = raised.paging.load(Ordering::Relaxed);
                match signal {
                    SIGINT | SIGQUIT if paging => {}
                    SIGTSTP if paging => {
                        let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                    }
                    SIGTSTP => raised.stop.store(true, Ordering::Relaxed),
                    SIGCONT => raised.resumed.store(true, Ordering::Relaxed),
                    _ => {
                        raised.end.store(signal, Ordering::Relaxed);
                        thread::sleep(SIGNAL_GRACE);
                        // The loop did not get a turn: give the terminal back from here.
                        let _ =
                            execute!(stdout(), DisableMouseCapture, DisableBracketedPaste, Show);
                        let _ = ratatui::try_restore();
                        std::process::exit(128 + signal);
                    }
                }
            }
        })?;
    Ok(Listening { requests, handle })
}

/// Signals being listened for, until dropped: the loading screen and the explorer each
/// listen while they hold the terminal, never both.
pub(super) struct Listening {
    requests: Arc<Requests>,
    handle: Handle,
}

impl std::ops::Deref for Listening {
    type Target = Requests;

    fn deref(&self) -> &Requests {
        &self.requests
    }
}

impl Drop for Listening {
    fn drop(&mut self) {
        self.handle.close();
    }
}

impl App {
    /// Runs the browser (detached, so evex goes on at once) or the pager (in the foreground,
    /// the terminal handed to it as to the shell on Ctrl-Z). Returns what to say about it.
    fn run_outside(
        &self,
        terminal: &mut DefaultTerminal,
        outside: Outside,
        requests: &Requests,
    ) -> io::Result<String> {
        let (title, text) = match outside {
            Outside::Open(command) => return Ok(open_detached(&command)),
            Outside::Page { title, text } => (title, text),
        };
        let mut file = tempfile::Builder::new()
            .prefix("evex-source-")
            .suffix(".txt")
            .tempfile()?;
        io::Write::write_all(&mut file, text.as_bytes())?;
        let command = match self.commands.page(&file.path().display().to_string()) {
            Ok(command) => command,
            Err(problem) => return Ok(problem),
        };
        execute!(stdout(), DisableMouseCapture, DisableBracketedPaste, Show)?;
        ratatui::try_restore()?;
        requests.paging.store(true, Ordering::Relaxed);
        let ran = Command::new(&command[0]).args(&command[1..]).status();
        requests.paging.store(false, Ordering::Relaxed);
        enter(terminal)?;
        Ok(match ran {
            Ok(status) if status.success() => format!("read “{title}” in {}", command[0]),
            Ok(status) => format!("{} ended with {status}", command[0]),
            Err(e) => format!("could not run the pager {}: {e}", command[0]),
        })
    }
}

/// Starts `command` with no terminal (its own process group, no input or output), so a
/// browser neither blocks evex nor writes over its screen; a thread waits for it to end.
fn open_detached(command: &[String]) -> String {
    let started = Command::new(&command[0])
        .args(&command[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn();
    match started {
        Ok(mut child) => {
            let _ = thread::Builder::new()
                .name("evex-opener".into())
                .spawn(move || child.wait());
            let url = command.last().map_or("", String::as_str);
            format!("opened {url} with {}", command[0])
        }
        Err(e) => format!("could not run {}: {e}", command[0]),
    }
}

/// Hands the terminal back to the shell as it was (main screen, cooked mode, cursor shown, no
/// mouse reporting), stops until `fg`, then takes it again.
pub(super) fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    execute!(stdout(), DisableMouseCapture, DisableBracketedPaste, Show)?;
    ratatui::try_restore()?;
    // SIGTSTP is caught (to get here), so stopping is done as its default action would.
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    enter(terminal)
}

/// Takes the terminal for the explorer (again) and draws the whole screen on the next frame.
/// `Terminal::clear` is not used: it asks the terminal where the cursor is, and the answer
/// can be lost while a shell hands the terminal over.
pub(super) fn enter(terminal: &mut DefaultTerminal) -> io::Result<()> {
    // After SIGSTOP crossterm still believes raw mode is on and would not set it again,
    // though the shell has put the terminal back in cooked mode.
    disable_raw_mode()?;
    enable_raw_mode()?;
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        Clear(ClearType::All)
    )?;
    // The next frame is compared with a blank one, so every cell is drawn.
    terminal.current_buffer_mut().reset();
    terminal.swap_buffers();
    Ok(())
}
