//! The platform clipboard (X11, Wayland, macOS, Windows) used beside OSC 52 when evex is
//! built with the `system-clipboard` feature; without it, or with no clipboard reachable
//! (no display, over SSH), copying goes through the terminal only.

/// The platform clipboard, opened when first used and kept open: on X11 the text is served
/// from this process, so it stays on the clipboard while evex runs (a clipboard manager
/// keeps it after).
#[derive(Default)]
pub struct SystemClipboard {
    #[cfg(feature = "system-clipboard")]
    opened: Option<arboard::Clipboard>,
    #[cfg(feature = "system-clipboard")]
    unreachable: bool,
}

impl SystemClipboard {
    /// Puts `text` on the platform clipboard; whether it could.
    #[cfg(feature = "system-clipboard")]
    pub fn copy(&mut self, text: &str) -> bool {
        if self.opened.is_none() && !self.unreachable {
            self.opened = arboard::Clipboard::new().ok();
            self.unreachable = self.opened.is_none();
        }
        self.opened
            .as_mut()
            .is_some_and(|clipboard| clipboard.set_text(text).is_ok())
    }

    /// Built without the `system-clipboard` feature: there is none.
    #[cfg(not(feature = "system-clipboard"))]
    pub fn copy(&mut self, _text: &str) -> bool {
        false
    }

    /// Where text sent with [`SystemClipboard::copy`] (and OSC 52) went, for the status line.
    pub fn said(on_system: bool) -> &'static str {
        if on_system {
            "; on the system clipboard and sent to the terminal's (OSC 52)"
        } else {
            "; sent to the terminal's clipboard (OSC 52)"
        }
    }
}

#[cfg(all(test, not(feature = "system-clipboard")))]
mod tests {
    use super::*;

    #[test]
    fn without_the_feature_text_goes_through_the_terminal_only() {
        assert!(!SystemClipboard::default().copy("text"));
        assert_eq!(
            SystemClipboard::said(false),
            "; sent to the terminal's clipboard (OSC 52)"
        );
    }
}
