//! The default key bindings, in the order the help lists them: the table the configuration
//! file patches. Each row has a stable name, which the configuration file uses.

mod moving;
mod reading;
mod typing;

use super::Binding;

/// Every default binding, in the order the help lists them (and the keymap looks them up).
pub fn defaults() -> Vec<Binding> {
    [moving::MOVING, reading::READING, typing::TYPING].concat()
}
