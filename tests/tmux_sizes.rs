//! The explorer at small sizes in a real terminal: the help scrolls to its last line, the
//! footer keeps whole hints and names the way to the actors, and selected rows keep every
//! character readable in colour.

mod common;

use common::tmux::{Tmux, tmux_or_skip};

fn start(width: u16, height: u16) -> Option<Tmux> {
    let tmux = tmux_or_skip(width, height)?;
    tmux.wait_for("the shell prompt", |s| s.contains('$'));
    tmux.command(env!("CARGO_BIN_EXE_evex"));
    tmux.wait_for("the explorer", |s| s.contains("events"));
    Some(tmux)
}

#[test]
fn the_help_scrolls_to_its_end_at_80x24() {
    let Some(tmux) = start(80, 24) else {
        return;
    };
    tmux.keys(&["?"]);
    let first = tmux.wait_for("the help", |s| s.contains("Keys"));
    assert!(
        !first.contains("Mouse:"),
        "the help fits? then this test is moot:\n{first}"
    );
    tmux.keys(&["G"]);
    let last = tmux.wait_for("the end of the help", |s| s.contains("Mouse:"));
    assert!(last.contains("overlays"), "{last}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("the help to close", |s| !s.contains("Keys ·"));
    tmux.keys(&["q"]);
}

#[test]
fn the_narrow_footer_names_the_actors_and_s_shows_them() {
    let Some(tmux) = start(60, 20) else {
        return;
    };
    let screen = tmux.screen();
    let footer = screen.lines().rfind(|l| !l.trim().is_empty()).unwrap();
    assert!(footer.contains("s actors"), "{screen}");
    tmux.keys(&["s"]);
    let actors = tmux.wait_for("the actors", |s| s.contains("Actors"));
    assert!(actors.contains("Kyrgyz Republic"), "{actors}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("the timeline again", |s| !s.contains("Actors ·"));
    tmux.keys(&["q"]);
}

#[test]
fn selected_rows_are_readable_in_colour() {
    let Some(tmux) = start(120, 40) else {
        return;
    };
    // Colour codes of the selected timeline row: no span may set its foreground to the
    // selection's background (cyan, 46).
    let styled = tmux.screen_with_styles();
    let on_cyan = "48;5;6m";
    let row = styled
        .lines()
        .find(|l| {
            l.split(on_cyan)
                .nth(1)
                .is_some_and(|rest| rest.contains("DIP"))
        })
        .unwrap_or_else(|| panic!("no selected row:\n{styled}"));
    let selected = row.split(on_cyan).nth(1).unwrap();
    let mut selected = selected.split("49m").next().unwrap();
    // Codes after the last character of the row change the next cell, not the row.
    while let Some(at) = selected.rfind('\u{1b}') {
        if selected[at..]
            .trim_start_matches(|c: char| {
                c == '\u{1b}' || c == '[' || c == ';' || c.is_ascii_digit()
            })
            .len()
            > 1
        {
            break;
        }
        selected = &selected[..at];
    }
    assert!(
        !selected.contains("38;5;6m"),
        "cyan text on the cyan row: {selected:?}"
    );
    assert!(
        !selected.contains("38;5;8m"),
        "grey text on the row: {selected:?}"
    );
    tmux.keys(&["q"]);
}
