//! Which programs open a source outside evex: the system opener for its URL (`$BROWSER`,
//! else `xdg-open`, or `open` on macOS) and `$PAGER` (else `less`) for its text. Read from the
//! environment once at start-up and handed to the explorer, so tests can give their own.

use std::ffi::OsString;

/// The commands, as the environment names them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Commands {
    /// `$BROWSER`: one or more commands separated by `:`; the first is used. `%s` in it
    /// stands for the URL, else the URL is its last argument.
    pub browser: Option<String>,
    /// `$PAGER`: a command line; the file to read is its last argument.
    pub pager: Option<String>,
}

impl Commands {
    /// The commands from these environment values (`BROWSER`, `PAGER`); empty ones are unset.
    pub fn from_env(browser: Option<OsString>, pager: Option<OsString>) -> Self {
        let set = |v: Option<OsString>| {
            v.and_then(|v| v.into_string().ok())
                .filter(|v| !v.trim().is_empty())
        };
        Self {
            browser: set(browser),
            pager: set(pager),
        }
    }

    /// The command line that opens `url`.
    pub fn open(&self, url: &str) -> Result<Vec<String>, String> {
        let Some(browser) = &self.browser else {
            let opener = if cfg!(target_os = "macos") {
                "open"
            } else {
                "xdg-open"
            };
            return Ok(vec![opener.to_owned(), url.to_owned()]);
        };
        let first = browser.split(':').find(|c| !c.trim().is_empty());
        let mut words = first.and_then(shlex::split).unwrap_or_default();
        if words.is_empty() {
            return Err(format!("cannot read $BROWSER ({browser:?}) as a command"));
        }
        if words.iter().any(|w| w.contains("%s")) {
            words.iter_mut().for_each(|w| *w = w.replace("%s", url));
        } else {
            words.push(url.to_owned());
        }
        Ok(words)
    }

    /// The command line that shows the file at `path`.
    pub fn page(&self, path: &str) -> Result<Vec<String>, String> {
        let pager = self.pager.as_deref().unwrap_or("less");
        let mut words = shlex::split(pager).unwrap_or_default();
        if words.is_empty() {
            return Err(format!("cannot read $PAGER ({pager:?}) as a command"));
        }
        words.push(path.to_owned());
        Ok(words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commands(browser: Option<&str>, pager: Option<&str>) -> Commands {
        Commands::from_env(browser.map(Into::into), pager.map(Into::into))
    }

    #[test]
    fn the_browser_gets_the_url() {
        let url = "https://example.org/a b";
        let default = commands(None, None).open(url).unwrap();
        assert_eq!(default[1], url);
        assert_eq!(
            commands(Some("firefox --new-tab"), None).open(url),
            Ok(vec!["firefox".into(), "--new-tab".into(), url.into()])
        );
        assert_eq!(
            commands(Some("w3m '%s' -o x:lynx"), None).open(url),
            Ok(vec!["w3m".into(), url.into(), "-o".into(), "x".into()])
        );
        assert_eq!(commands(Some("  "), None), commands(None, None));
        assert!(commands(Some("'unclosed"), None).open(url).is_err());
    }

    #[test]
    fn the_pager_gets_the_file() {
        assert_eq!(
            commands(None, None).page("/tmp/t"),
            Ok(vec!["less".into(), "/tmp/t".into()])
        );
        assert_eq!(
            commands(None, Some("less -R")).page("/tmp/t"),
            Ok(vec!["less".into(), "-R".into(), "/tmp/t".into()])
        );
    }
}
