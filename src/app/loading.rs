//! The loop while a store loads: the loading screen redrawn with the progress, until the
//! store is ready, the person quits (q, Esc, Ctrl-C) or a signal ends evex.

use std::io;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyModifiers};

use super::run::{enter, listen_for_signals, suspend};
use crate::progress::Progress;
use crate::theme::Theme;
use crate::ui::loading::Loading;

/// How often the loading screen is redrawn (and the store looked for).
const FRAME: Duration = Duration::from_millis(50);

/// How waiting for a store ended.
#[derive(Debug)]
pub enum Waited<T> {
    /// What the loading thread sent.
    Ready(T),
    /// The person quit before it was ready.
    Quit,
    /// A signal (its number) ended evex before it was ready.
    Ended(i32),
}

/// Shows the loading screen of the store `name` until `ready` has it. Started is when evex
/// started, for the elapsed time shown.
///
/// # Panics
/// If the loading thread ended without sending anything: it panicked, and that was shown.
pub fn wait_for<T>(
    terminal: &mut DefaultTerminal,
    name: &str,
    theme: &Theme,
    progress: &Progress,
    ready: &Receiver<T>,
    started: Instant,
) -> io::Result<Waited<T>> {
    let requests = listen_for_signals()?;
    loop {
        if let signal @ 1.. = requests.end.load(Ordering::Relaxed) {
            return Ok(Waited::Ended(signal));
        }
        if requests.stop.swap(false, Ordering::Relaxed) {
            suspend(terminal)?;
            requests.resumed.store(false, Ordering::Relaxed);
        }
        if requests.resumed.swap(false, Ordering::Relaxed) {
            enter(terminal)?;
        }
        match ready.try_recv() {
            Ok(value) => return Ok(Waited::Ready(value)),
            Err(TryRecvError::Disconnected) => panic!("the loading thread stopped"),
            Err(TryRecvError::Empty) => {}
        }
        terminal.draw(|frame| {
            frame.render_widget(
                Loading {
                    name,
                    progress: progress.snapshot(),
                    elapsed: started.elapsed(),
                    theme,
                },
                frame.area(),
            );
        })?;
        if event::poll(FRAME)?
            && let Event::Key(key) = event::read()?
            && key.is_press()
            && quits(key.code, key.modifiers)
        {
            return Ok(Waited::Quit);
        }
    }
}

/// The keys that quit the loading screen: those that quit or leave the explorer.
fn quits(code: KeyCode, modifiers: KeyModifiers) -> bool {
    match code {
        KeyCode::Char('c') => modifiers.contains(KeyModifiers::CONTROL),
        KeyCode::Char('q') | KeyCode::Esc => true,
        _ => false,
    }
}
