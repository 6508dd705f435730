//! Searching in a real terminal: the prompt's editing keys and history as a person presses
//! them (history in a temporary state directory), and find mode with `n`/`N`.

mod common;

use common::tmux::{Tmux, tmux_or_skip};

/// The last line of the screen: the footer, with the prompt.
fn footer(screen: &str) -> &str {
    screen.lines().last().unwrap_or("")
}

/// The first line of the screen: the header.
fn header(screen: &str) -> &str {
    screen.lines().next().unwrap_or("")
}

/// Waits until the footer starts with `text`.
fn prompt_shows(tmux: &Tmux, text: &str) -> String {
    tmux.wait_for(&format!("the prompt to show {text:?}"), |s| {
        footer(s).starts_with(text)
    })
}

#[test]
fn the_prompt_edits_as_readline_does_and_walks_the_history() {
    let Some(tmux) = tmux_or_skip(120, 40) else {
        return;
    };
    let state = tempfile::tempdir().unwrap();
    let env = format!("NO_COLOR=1 XDG_STATE_HOME={}", state.path().display());
    tmux.open_evex(&env, "", "60/60 events");

    // A search kept with Enter goes into the history file.
    tmux.type_text("/bakiyev");
    tmux.keys(&["Enter"]);
    tmux.wait_for("the search", |s| header(s).contains("17/60 events"));
    let kept = state.path().join("evex").join("history");
    let history = std::fs::read_to_string(&kept).unwrap();
    assert_eq!(history, "bakiyev\n");

    // `/` opens with the last query selected: typing replaces it.
    tmux.type_text("/minsk belarus");
    prompt_shows(&tmux, "/minsk belarus ");
    // ← seven times puts the cursor before "belarus".
    tmux.keys(&["Left", "Left", "Left", "Left", "Left", "Left", "Left"]);
    tmux.type_text("in ");
    prompt_shows(&tmux, "/minsk in belarus ");
    // Ctrl-A: the start of the line.
    tmux.keys(&["C-a"]);
    tmux.type_text("2010 ");
    let screen = prompt_shows(&tmux, "/2010 minsk in belarus ");
    assert!(footer(&screen).contains("Ctrl-f find/filter"), "{screen}");
    // Ctrl-E, Alt-B (a word left), Ctrl-K (delete to the end).
    tmux.keys(&["C-e", "M-b", "C-k"]);
    prompt_shows(&tmux, "/2010 minsk in  ");
    // Ctrl-W deletes the word before the cursor.
    tmux.keys(&["C-w"]);
    let screen = prompt_shows(&tmux, "/2010 minsk  ");
    assert!(
        !footer(&screen).contains(" in "),
        "the word is gone: {screen}"
    );
    // Ctrl-U clears it; Up brings back the older search.
    tmux.keys(&["C-u", "Up"]);
    prompt_shows(&tmux, "/bakiyev ");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("the recalled search", |s| {
        header(s).contains("search “bakiyev”") && !footer(s).starts_with('/')
    });
    assert!(header(&screen).contains("17/60 events"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_for("evex to end", |s| s.contains("exit=0"));
    let history = std::fs::read_to_string(&kept).unwrap();
    assert_eq!(
        history, "bakiyev\n",
        "the recalled search is not kept twice"
    );
}

#[test]
fn find_mode_marks_the_matches_and_n_steps_through_them() {
    let Some(tmux) = tmux_or_skip(120, 40) else {
        return;
    };
    let state = tempfile::tempdir().unwrap();
    let env = format!("XDG_STATE_HOME={}", state.path().display());
    tmux.open_evex(&env, "", "60/60 events");
    tmux.keys(&["f"]);
    tmux.wait_for("find mode", |s| footer(s).starts_with("find: every event"));
    tmux.type_text("/bakiyev");
    prompt_shows(&tmux, "find /bakiyev");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("the first match", |s| {
        header(s).contains("find · match 1/17 · 60/60 events")
    });
    assert!(screen.contains("▸ 2010"), "matches are marked:\n{screen}");
    assert!(
        screen.contains("Lukashenko expels ambassadors"),
        "other events stay:\n{screen}"
    );
    tmux.keys(&["n"]);
    tmux.wait_for("the next match", |s| header(s).contains("match 2/17"));
    tmux.keys(&["N", "N"]);
    let screen = tmux.wait_for("the wrap", |s| header(s).contains("match 17/17"));
    assert!(
        footer(&screen).starts_with("search wrapped to the bottom"),
        "{screen}"
    );
    // The selected row is a match: its marker black on yellow, then the row's cyan.
    let styled = tmux.screen_with_styles();
    assert!(
        styled.contains("\u{1b}[38;5;0m\u{1b}[48;5;3m▸\u{1b}[48;5;6m "),
        "no selected match row marked on yellow:\n{styled}"
    );
    tmux.keys(&["f"]);
    tmux.wait_for("filtering again", |s| {
        header(s).contains("17/60 events") && !header(s).contains("find")
    });
    tmux.keys(&["q"]);
    tmux.wait_for("evex to end", |s| s.contains("exit=0"));
}
