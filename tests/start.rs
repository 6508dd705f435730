//! Start-up state: `evex --query Q --actor A --year Y --marked --goto EVENT` opens on a view,
//! and `:` shows the command line that opens the view on screen, quoted for a shell.

mod common;

use clap::Parser;
use common::tmux::tmux_or_skip;
use common::{actor, app, key, selected_id, typed};
use evex::app::{App, StartView};
use evex::filter::ActorMode;
use ratatui::crossterm::event::KeyCode;

/// The explorer's flags as `evex` reads them.
#[derive(Parser)]
struct Flags {
    file: Option<std::path::PathBuf>,
    #[command(flatten)]
    view: StartView,
}

fn view(line: &str) -> StartView {
    let words = shlex::split(line).expect("the command line splits as a shell splits it");
    Flags::try_parse_from(words).unwrap().view
}

/// What the person sees: the search, the actors and how they combine, only marked, the
/// matches and the selected event.
fn seen(
    app: &App,
) -> (
    String,
    Vec<usize>,
    ActorMode,
    bool,
    Vec<usize>,
    Option<usize>,
) {
    (
        app.query_text.trim().to_owned(),
        app.filter.actors.iter().copied().collect(),
        app.filter.mode,
        app.filter.only.is_some(),
        app.matches.events.to_vec(),
        app.selected_event(),
    )
}

#[test]
fn the_command_line_of_a_view_opens_the_same_view() {
    let mut app = app();
    // Marks, then a search with a phrase and quotes, two actors (any of), only marked.
    for _ in 0..30 {
        key(&mut app, KeyCode::Char(' '));
        key(&mut app, KeyCode::Char('j'));
    }
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "\"foreign agents\" -o'brien ..2015");
    key(&mut app, KeyCode::Enter);
    app.filter.actors = [actor(&app, "lukashenko"), actor(&app, "the-west")].into();
    key(&mut app, KeyCode::Char('M'));
    key(&mut app, KeyCode::Char('j'));
    assert!(app.matches.events.len() > 1, "a view worth sharing");
    key(&mut app, KeyCode::Char(':'));
    let line = app
        .clipboard
        .clone()
        .unwrap_or_else(|| panic!("{:?} {:?}", app.mode, app.status));
    assert_eq!(
        app.status.as_deref(),
        Some(format!("copied: {line}").as_str())
    );
    assert!(line.starts_with("evex --query "), "{line}");
    assert!(
        line.contains("--any-actor") && line.contains("--marked"),
        "{line}"
    );
    let mut again = common::app();
    again.marked = app.marked.clone();
    again.start_at(&view(&line)).unwrap();
    assert_eq!(seen(&again), seen(&app), "{line}");
}

#[test]
fn several_actors_mean_all_of_them_unless_any_actor() {
    let mut app = app();
    app.start_at(&view("evex -a lukashenko -a putin")).unwrap();
    assert_eq!(app.filter.mode, ActorMode::All);
    assert_eq!(app.filter.actors.len(), 2);
    let all = app.matches.events.len();
    let mut any = common::app();
    any.start_at(&view("evex -a lukashenko -a putin --any-actor"))
        .unwrap();
    assert!(any.matches.events.len() > all);
    assert_eq!(
        any.command_line(),
        format!(
            "evex --actor {} --actor {} --any-actor --goto {}",
            any.store.actors[*any.filter.actors.first().unwrap()].id,
            any.store.actors[*any.filter.actors.last().unwrap()].id,
            selected_id(&any)
        )
    );
}

#[test]
fn year_goes_into_the_search_and_goto_selects() {
    let mut app = app();
    app.start_at(&view(
        "evex --query kyrgyz --year 2015-06 --goto bakiyev-ousted",
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(app.query_text, "kyrgyz 2015-06");
    let selected = selected_id(&app).to_owned();
    // bakiyev-ousted is not in June 2015: the nearest match in time is selected.
    assert_ne!(selected, "bakiyev-ousted");
    let mut plain = common::app();
    plain.start_at(&view("evex --goto bakiyev-ousted")).unwrap();
    assert_eq!(selected_id(&plain), "bakiyev-ousted");
    assert_eq!(plain.command_line(), "evex --goto bakiyev-ousted");
}

#[test]
fn bad_values_name_what_was_typed_and_what_is_close() {
    let problem = |line: &str| common::app().start_at(&view(line)).unwrap_err();
    assert_eq!(
        problem("evex --goto bakiyev-oustd"),
        "--goto bakiyev-oustd: no event has this id; did you mean bakiyev-ousted?"
    );
    assert_eq!(
        problem("evex --goto zzzzzzzzzzzzzzz"),
        "--goto zzzzzzzzzzzzzzz: no event has this id; `evex list` shows every event's id"
    );
    assert_eq!(
        problem("evex --actor xqzzy"),
        "--actor xqzzy: no actor matches; the sidebar lists every actor"
    );
    assert_eq!(
        problem("evex --query 'a |'"),
        "--query: cannot understand the search: column 3: `|` needs a term on each side, as in `minsk | bishkek`"
    );
    assert_eq!(
        problem("evex --marked"),
        "--marked: no events are marked in this store"
    );
    let bad_year = Flags::try_parse_from(["evex", "--year", "2012-13"])
        .err()
        .unwrap();
    assert!(bad_year.to_string().contains("month 13"), "{bad_year}");
}

#[test]
fn the_explorer_opens_on_the_view_its_flags_give_and_colon_shows_it() {
    let Some(tmux) = tmux_or_skip(120, 40) else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    tmux.wait_for("the shell prompt", |s| s.contains('$'));
    tmux.command(&format!(
        "XDG_DATA_HOME={} {} --query 'ruble' --actor lukashenko --goto ruble-blame",
        data.path().display(),
        env!("CARGO_BIN_EXE_evex")
    ));
    let screen = tmux.wait_for("the explorer on the view", |s| s.contains("/60 events"));
    assert!(screen.contains("search “ruble”"), "{screen}");
    assert!(screen.contains("actors: any of Lukashenko"), "{screen}");
    assert!(
        screen.contains("│Lukashenko blames the West for the│"),
        "{screen}"
    );
    tmux.keys(&[":"]);
    let screen = tmux.wait_for("the command line", |s| s.contains("copied: evex"));
    assert!(
        screen.contains("copied: evex --query ruble --actor lukashenko --goto ruble-blame"),
        "{screen}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for("the shell again", |s| !s.contains("/60 events"));
    tmux.command(&format!(
        "{} --goto ruble-blam; echo rc=$?",
        env!("CARGO_BIN_EXE_evex")
    ));
    let screen = tmux.wait_for("the error", |s| s.contains("rc=2"));
    assert!(
        screen.contains("evex: --goto ruble-blam: no event has this id; did you mean ruble-blame?"),
        "{screen}"
    );
}
