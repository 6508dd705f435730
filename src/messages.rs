//! Where `say!` writes: standard error, except while the explorer holds the terminal, when
//! lines wait and are written once it is given back (text written on the alternate screen
//! would garble the explorer and vanish with it).

use std::fmt;
use std::io::{self, Write};
use std::sync::Mutex;

/// The lines waiting while the terminal is held; `None` when they go straight out.
static HELD: Mutex<Option<Vec<String>>> = Mutex::new(None);

/// Writes a line on standard error, or keeps it until the terminal is given back. A closed
/// or hung-up stderr is ignored, where `eprintln!` would panic.
pub fn say(line: fmt::Arguments) {
    let mut held = HELD
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    match held.as_mut() {
        Some(lines) => lines.push(line.to_string()),
        None => {
            let _ = writeln!(io::stderr(), "{line}");
        }
    }
}

/// Whether lines are being kept (so progress is not drawn on standard error either).
pub fn held() -> bool {
    HELD.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .is_some()
}

/// Keeps what is said until the guard is dropped, then writes it in order.
#[must_use = "lines are written when the guard is dropped"]
pub struct Hold;

impl Hold {
    pub fn start() -> Self {
        let mut held = HELD
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        held.get_or_insert_with(Vec::new);
        Self
    }
}

impl Drop for Hold {
    fn drop(&mut self) {
        let lines = HELD
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
        let mut stderr = io::stderr().lock();
        for line in lines.into_iter().flatten() {
            let _ = writeln!(stderr, "{line}");
        }
    }
}
