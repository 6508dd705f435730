//! The configuration file: a partial file changes only what it lists, a bad one says where it
//! is wrong and changes nothing, and the README's key table is the keymap's.

mod common;

use std::fs;

use assert_cmd::Command;
use common::{app, draw, key};
use evex::config::{self, Config, ConfigError, Patch};
use evex::keymap::{Keymap, Mode};
use evex::theme::{COLOR, MONO};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Style};
use tempfile::TempDir;

fn patch(text: &str) -> Patch {
    Patch::parse(text, "config.ron").unwrap()
}

#[test]
fn a_rebound_key_does_its_action_and_the_old_key_does_not() {
    let mut app = app();
    app.keymap = patch(r#"(keys: { "mark": ["x"], "quit": ["Q"] })"#).keymap();
    key(&mut app, KeyCode::Char(' '));
    assert!(app.marked.is_empty(), "Space no longer marks");
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(app.marked.len(), 1, "x marks");
    key(&mut app, KeyCode::Char('q'));
    assert!(!app.should_quit, "q no longer quits");
    app.handle_key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char('Q'),
        ratatui::crossterm::event::KeyModifiers::SHIFT,
    ));
    assert!(app.should_quit, "Q quits");
}

#[test]
fn a_partial_file_changes_only_what_it_lists() {
    let keymap = patch(r#"(keys: { "mark": ["x"] })"#).keymap();
    let defaults = Keymap::default();
    for (new, old) in keymap.bindings().iter().zip(defaults.bindings()) {
        if new.name == "mark" {
            assert_eq!(
                new.keys
                    .iter()
                    .map(|&k| evex::keymap::name(k))
                    .collect::<Vec<_>>(),
                ["x"]
            );
        } else {
            assert_eq!(new, old);
        }
    }
    assert_eq!(patch("()").keymap(), defaults);
    assert_eq!(patch("()").theme(false), COLOR);
}

#[test]
fn the_help_and_the_footer_show_the_keys_in_use() {
    let mut app = app();
    app.keymap = patch(r#"(keys: { "help": ["F1"], "search": ["ctrl-f"] })"#).keymap();
    let footer = draw(&mut app, 120, 40).backend().to_string();
    let footer = footer.lines().nth(39).unwrap().to_owned();
    assert!(footer.contains("Ctrl-f search"), "{footer}");
    assert!(footer.contains("F1 help"), "{footer}");
    app.handle_key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::F(1),
        ratatui::crossterm::event::KeyModifiers::NONE,
    ));
    assert_eq!(app.mode, Mode::Help);
    let help = draw(&mut app, 120, 60).backend().to_string();
    assert!(help.contains("Ctrl-f           search"), "{help}");
}

#[test]
fn a_theme_patch_changes_one_style_only() {
    let theme =
        patch(r##"(theme: { "selected": (fg: "black", bg: "#ffaa00", modifiers: ["bold"]) })"##)
            .theme(false);
    let wanted = Style::new()
        .fg(Color::Black)
        .bg(Color::Rgb(0xff, 0xaa, 0x00))
        .add_modifier(ratatui::style::Modifier::BOLD);
    assert_eq!(theme.selected, wanted);
    let mut expected = COLOR;
    expected.selected = wanted;
    assert_eq!(theme, expected);
}

#[test]
fn no_color_wins_over_the_theme() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("config.ron");
    fs::write(
        &file,
        r#"(theme: { "selected": (fg: "red") }, keys: { "mark": ["x"] })"#,
    )
    .unwrap();
    let (config, problem) = Config::load(Some(&file), true);
    assert_eq!(problem, None);
    assert_eq!(config.theme, MONO);
    assert_eq!(
        config.keymap,
        patch(r#"(keys: { "mark": ["x"] })"#).keymap()
    );
}

#[test]
fn no_file_is_the_defaults_and_a_bad_one_too_with_why() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("config.ron");
    assert_eq!(
        Config::load(Some(&missing), false),
        (Config::defaults(false), None)
    );
    fs::write(&missing, r#"(keys: { "mark": ["x"], "nope": [] })"#).unwrap();
    let (config, problem) = Config::load(Some(&missing), false);
    assert_eq!(config, Config::defaults(false));
    assert!(
        matches!(problem, Some(ConfigError::Invalid { line: 1, .. })),
        "{problem:?}"
    );
}

#[test]
fn the_file_is_under_xdg_config_home_else_dot_config() {
    let path = |xdg: Option<&str>, home: Option<&str>| {
        config::path(xdg.map(Into::into), home.map(Into::into))
    };
    assert_eq!(
        path(Some("/x"), Some("/h")),
        Some("/x/evex/config.ron".into())
    );
    assert_eq!(
        path(None, Some("/h")),
        Some("/h/.config/evex/config.ron".into())
    );
    assert_eq!(
        path(Some("relative"), Some("/h")),
        Some("/h/.config/evex/config.ron".into())
    );
    assert_eq!(path(None, None), None);
}

/// Every bad file under tests/fixtures/config, with the exact message a person sees.
const BAD: &[(&str, &str)] = &[
    ("syntax.ron", "syntax.ron:5:5: Expected string"),
    (
        "unknown_binding.ron",
        r#"unknown_binding.ron:4:10: unknown binding name "quitt"; did you mean "quit"? (`evex config --default` lists every name)"#,
    ),
    (
        "unknown_key.ron",
        r#"unknown_key.ron:3:24: unknown key "hyper-q"; keys are written like "q", "G", "ctrl-d", "alt-b", "space", "enter", "pagedown", "f5""#,
    ),
    (
        "unknown_colour.ron",
        r##"unknown_colour.ron:3:40: unknown colour "blurple"; colours are black, red, green, yellow, blue, magenta, cyan, gray, dark gray, light red (and the other light ones), white, reset, "#rrggbb" or a number 0-255"##,
    ),
    (
        "unknown_modifier.ron",
        r#"unknown_modifier.ron:3:39: unknown modifier "blinking"; modifiers are bold, dim, italic, underlined, slow_blink, rapid_blink, reversed, hidden, crossed_out"#,
    ),
    (
        "unknown_style.ron",
        r#"unknown_style.ron:3:10: unknown style name "selection" (`evex config --default` lists every name)"#,
    ),
    (
        "unknown_section.ron",
        "unknown_section.ron:3:5: Unexpected field named `colours` in `Config`, expected either `keys` or `theme` instead",
    ),
    (
        "bound_twice.ron",
        r#"bound_twice.ron:5:24: the key "c" is bound to both "quit" (any pane) and "copy_quote" (any pane); give one of them other keys"#,
    ),
];

#[test]
fn every_bad_file_gets_a_located_message() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/config");
    let mut listed: Vec<&str> = BAD.iter().map(|(f, _)| *f).collect();
    let mut found: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    listed.sort_unstable();
    found.sort_unstable();
    assert_eq!(listed, found, "every fixture has its message here");
    for (file, message) in BAD {
        let text = fs::read_to_string(format!("{dir}/{file}")).unwrap();
        assert_eq!(Patch::parse(&text, file).unwrap_err().to_string(), *message);
    }
}

#[test]
fn config_check_names_the_file_line_and_column() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/config");
    Command::cargo_bin("evex")
        .unwrap()
        .current_dir(dir)
        .args(["config", "--check", "bound_twice.ron"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!("{}\n", BAD.last().unwrap().1));
}

#[test]
fn the_default_file_checks_clean_and_changes_nothing() {
    let out = Command::cargo_bin("evex")
        .unwrap()
        .args(["config", "--default"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let read = patch(&text);
    assert_eq!(read.keymap(), Keymap::default());
    assert_eq!(read.theme(false), COLOR);
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("config.ron");
    fs::write(&file, &text).unwrap();
    Command::cargo_bin("evex")
        .unwrap()
        .args(["config", "--check"])
        .arg(&file)
        .assert()
        .success()
        .stdout(format!(
            "{}: ok, 74 bindings and 27 styles changed\n",
            file.display()
        ));
}

#[test]
fn config_path_follows_xdg_config_home() {
    Command::cargo_bin("evex")
        .unwrap()
        .args(["config", "--path"])
        .env("XDG_CONFIG_HOME", "/somewhere")
        .assert()
        .success()
        .stdout("/somewhere/evex/config.ron\n");
}

/// With `EVEX_UPDATE_README` set, writes the table into the README instead of failing.
#[test]
fn the_readme_lists_every_binding_as_the_keymap_has_it() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = fs::read_to_string(path).unwrap();
    let start = "<!-- keymap: made by `Keymap::markdown`, checked by tests/config.rs -->\n";
    let (before, rest) = readme
        .split_once(start)
        .expect("the README has the start marker");
    let (table, after) = rest
        .split_once("<!-- keymap end -->")
        .expect("the README has the end marker");
    let wanted = Keymap::default().markdown();
    if std::env::var_os("EVEX_UPDATE_README").is_some() {
        fs::write(
            path,
            format!("{before}{start}{wanted}<!-- keymap end -->{after}"),
        )
        .unwrap();
        return;
    }
    assert_eq!(
        table, wanted,
        "the README's key table is out of date: EVEX_UPDATE_README=1 cargo test --test config"
    );
}

#[test]
fn a_bad_file_starts_the_explorer_with_the_defaults_and_says_where_in_a_real_terminal() {
    let Some(tmux) = common::tmux::tmux_or_skip(160, 30) else {
        return;
    };
    let dir = tmux.home().join("config").join("evex");
    fs::create_dir_all(&dir).unwrap();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/config/bound_twice.ron"
    );
    fs::copy(fixture, dir.join("config.ron")).unwrap();
    let file = dir.join("config.ron").display().to_string();
    let said = format!(
        "{file}:5:24: the key \"c\" is bound to both \"quit\" (any pane) and \"copy_quote\" (any pane)"
    );
    tmux.open_evex("", "", "60/60 events");
    let first = tmux.wait_for("the status line", |s| s.contains("config: "));
    assert!(first.contains(&format!("config: {said}")), "{first}");
    // The defaults: x does not mark, Space does, and c copies rather than quits.
    tmux.keys(&["x", "Space", "c"]);
    tmux.wait_for("the copy", |s| s.contains("copied the quote"));
    tmux.keys(&["q"]);
    let after = tmux.wait_for("the shell", |s| s.contains("exit=0"));
    assert!(
        after.replace('\n', "").contains(&format!("evex: {said}")),
        "said again on standard error:\n{after}"
    );
}

#[test]
fn a_good_file_rebinds_and_recolours_in_a_real_terminal() {
    let Some(tmux) = common::tmux::tmux_or_skip(120, 30) else {
        return;
    };
    let dir = tmux.home().join("config").join("evex");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("config.ron"),
        r#"(keys: { "quit": ["Q"] }, theme: { "selected": (fg: "black", bg: "yellow") })"#,
    )
    .unwrap();
    tmux.open_evex("", "", "60/60 events");
    let styled = tmux.screen_with_styles();
    assert!(
        styled.contains("\x1b[30m\x1b[43m") || styled.contains("\x1b[38;5;0m\x1b[48;5;3m"),
        "the selection is black on yellow:\n{styled}"
    );
    // q does nothing now: the help still opens after it.
    tmux.keys(&["q", "?"]);
    let help = tmux.wait_for("the help", |s| s.contains("Keys ·"));
    assert!(help.contains("Q                quit"), "{help}");
    // Apart: Esc with a key straight after it reads as Alt and the key.
    tmux.keys(&["Escape"]);
    tmux.wait_for("the help to close", |s| !s.contains("Keys ·"));
    tmux.keys(&["Q"]);
    tmux.wait_for("Q to quit", |s| s.contains("exit=0"));
}

#[test]
fn an_empty_list_unbinds_and_the_footer_drops_the_hint() {
    let mut app = app();
    app.keymap = patch(r#"(keys: { "help": [] })"#).keymap();
    key(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode, Mode::Browse);
    let screen = draw(&mut app, 120, 40).backend().to_string();
    let footer = screen.lines().nth(39).unwrap();
    assert!(!footer.contains(" help "), "{footer}");
    assert_eq!(
        evex::keymap::labels(app.keymap.get("help").unwrap()),
        "(unbound)"
    );
}
