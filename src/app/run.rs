//! The terminal loop: draw, wait for input or a signal, apply it. The only place that talks
//! to the terminal besides `ratatui::run`, which restores it on exit and on panic.

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use signal_hook::consts::{SIGHUP, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use super::App;
use crate::action::Action;
use crate::ui;

/// How long the loop has to restore the terminal after SIGTERM or SIGHUP.
const SIGNAL_GRACE: Duration = Duration::from_secs(2);
/// How long to wait for input before checking for signals.
const TICK: Duration = Duration::from_millis(200);
/// How long to wait for input while a search runs, before looking for its answer.
const SEARCH_TICK: Duration = Duration::from_millis(10);

/// Mouse reporting, switched off again when dropped and when evex panics, so the shell
/// never receives mouse codes after evex exits.
struct MouseCapture;

impl MouseCapture {
    fn enable() -> io::Result<Self> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(stdout(), DisableMouseCapture);
            previous(info);
        }));
        execute!(stdout(), EnableMouseCapture)?;
        Ok(Self)
    }
}

impl Drop for MouseCapture {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
}

impl App {
    /// Runs the explorer until the person quits or SIGTERM/SIGHUP arrives.
    pub fn run(mut self, terminal: &mut DefaultTerminal) -> io::Result<()> {
        let stop = stop_on_signals()?;
        let mouse = MouseCapture::enable()?;
        while !self.should_quit && !stop.load(Ordering::Relaxed) {
            self.receive();
            terminal.draw(|frame| ui::draw(frame, &mut self))?;
            if let Some(text) = self.clipboard.take() {
                crate::citation::write_osc52(terminal.backend_mut(), &text)?;
            }
            let tick = if self.searcher.waiting_since().is_some() {
                SEARCH_TICK
            } else {
                TICK
            };
            if !event::poll(tick)? {
                continue;
            }
            match event::read()? {
                Event::Key(key) if key.is_press() => self.handle_key(key),
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
            if std::mem::take(&mut self.suspend_requested) {
                suspend(terminal)?;
            }
        }
        drop(mouse);
        Ok(())
    }
}

/// A flag raised by SIGTERM or SIGHUP, which the loop checks to restore the terminal and
/// quit. If the loop has not quit soon after, the process exits: when the terminal has hung
/// up, crossterm's input poll can spin forever on it and never give the loop a turn.
fn stop_on_signals() -> io::Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    let mut signals = Signals::new([SIGTERM, SIGHUP])?;
    let raised = Arc::clone(&stop);
    thread::Builder::new()
        .name("evex-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                raised.store(true, Ordering::Relaxed);
                thread::sleep(SIGNAL_GRACE);
                std::process::exit(128 + signal);
            }
        })?;
    Ok(stop)
}

/// Hands the terminal back to the shell, stops until `fg`, then takes it again.
fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    execute!(stdout(), DisableMouseCapture)?;
    ratatui::restore();
    signal_hook::low_level::raise(SIGTSTP)?;
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    terminal.clear()
}
