//! Reload: the explorer reads its file again when it changes (and on `r`), keeping the
//! search, the selected actors, the marks and the selected event; a file that does not load
//! leaves the last good store on screen and says where it went wrong.

mod common;

use std::fs;
use std::path::Path;
use std::time::Duration;

use common::tmux::tmux_or_skip;
use common::{actor, key, selected_id};
use evex::app::{App, StartView};
use evex::reload::{Reloader, load_quietly};
use evex::store::formats::Options;
use evex::store::{BUNDLED, Store};
use evex::theme::MONO;
use ratatui::crossterm::event::KeyCode;

const WAIT: Duration = Duration::from_secs(20);

/// Replaces the file at once, as editors save, so the watcher never reads half of it.
fn save(path: &Path, text: impl AsRef<[u8]>) {
    let mut temp = tempfile::NamedTempFile::new_in(path.parent().unwrap()).unwrap();
    std::io::Write::write_all(&mut temp, text.as_ref()).unwrap();
    temp.persist(path).unwrap();
}

/// The travel ban, removed from the bundled store's text.
fn without_travel_ban(text: &str) -> String {
    let start = text
        .find("        Event(\n            id: \"travel-ban\"")
        .unwrap();
    let end = start + text[start..].find("        ),\n").unwrap() + "        ),\n".len();
    format!("{}{}", &text[..start], &text[end..])
}

fn watched(path: &Path) -> App {
    let store = load_quietly(path, &Options::default()).unwrap();
    let mut app = App::new(store, MONO);
    let watched = path.to_owned();
    app.keep_reloading(Reloader::spawn(
        path.to_owned(),
        Duration::from_millis(20),
        move || load_quietly(&watched, &Options::default()),
    ));
    app
}

fn title_of(app: &App, id: &str) -> String {
    app.store
        .events
        .iter()
        .find(|e| e.id == id)
        .unwrap()
        .title
        .clone()
}

#[test]
fn a_changed_file_is_reloaded_keeping_the_view_and_a_broken_one_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.ron");
    fs::write(&path, BUNDLED).unwrap();
    let mut app = watched(&path);
    // A view: a search, an actor, two marks (one on an event about to go), a selection.
    app.start_at(&StartView {
        query: Some("1998".into()),
        actor: vec!["belarus".into()],
        ..StartView::default()
    })
    .unwrap();
    key(&mut app, KeyCode::Char('M'));
    assert_eq!(
        app.status.as_deref(),
        Some("no marks yet: Space on the timeline marks an event")
    );
    app.update(evex::action::Action::Top);
    while selected_id(&app) != "travel-ban" {
        key(&mut app, KeyCode::Char('j'));
    }
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char('k'));
    assert_eq!(selected_id(&app), "ruble-blame");
    key(&mut app, KeyCode::Char(' '));
    let before = common::ids(&app).len();

    // The file changes: a title is edited and the travel ban is gone.
    let edited = without_travel_ban(BUNDLED).replace(
        "Lukashenko blames the West for the collapse of the Belarusian ruble",
        "Lukashenko blames the West for the ruble's collapse",
    );
    save(&path, &edited);
    assert!(app.wait_for_reload(WAIT), "the change was seen");
    assert_eq!(
        title_of(&app, "ruble-blame"),
        "Lukashenko blames the West for the ruble's collapse"
    );
    assert_eq!(app.query_text, "1998", "the search is kept");
    assert_eq!(
        app.filter.actors,
        [actor(&app, "belarus")].into(),
        "the actor is kept"
    );
    assert_eq!(
        selected_id(&app),
        "ruble-blame",
        "the selection is kept by id"
    );
    let marked: Vec<&str> = app
        .marked
        .iter()
        .map(|&e| app.store.events[e].id.as_str())
        .collect();
    assert_eq!(
        marked,
        ["ruble-blame"],
        "the mark of an event that is gone is dropped"
    );
    assert_eq!(common::ids(&app).len(), before - 1);
    assert_eq!(
        app.status.as_deref(),
        Some("reloaded: 59 events (was 60), 1 mark dropped: their events are gone")
    );

    // The file breaks: the last good store stays, and the status says where.
    save(
        &path,
        edited.replacen("kind: Statement,", "kind: Statement", 1),
    );
    assert!(app.wait_for_reload(WAIT));
    let status = app.status.clone().unwrap();
    let name = evex::input::display_name(&path);
    assert!(
        status.starts_with(&format!(
            "not reloaded, still showing the last good store: {name}:"
        )),
        "{status}"
    );
    assert!(status.contains(": error: "), "{status}");
    let located = status.rsplit_once(&format!("{name}:")).unwrap().1;
    let (line, rest) = located.split_once(':').unwrap();
    let col = rest.split_once(':').unwrap().0;
    assert!(
        line.parse::<usize>().is_ok() && col.parse::<usize>().is_ok(),
        "{status}"
    );
    assert_eq!(app.store.events.len(), 59);
    assert_eq!(selected_id(&app), "ruble-blame");
    let screen = common::draw(&mut app, 120, 40).backend().to_string();
    assert!(screen.contains("not reloaded"), "{screen}");

    // Fixed again, and the selected event removed: the nearest by date is selected.
    let start = edited
        .find("        Event(\n            id: \"ruble-blame\"")
        .unwrap();
    let end = start + edited[start..].find("        ),\n").unwrap() + "        ),\n".len();
    save(&path, format!("{}{}", &edited[..start], &edited[end..]));
    assert!(app.wait_for_reload(WAIT));
    assert_eq!(app.store.events.len(), 58);
    let selected = &app.store.events[app.selected_event().unwrap()];
    assert_eq!(selected.when.first_day().year, 1998, "{}", selected.id);
}

#[test]
fn r_reloads_by_hand_and_says_so_without_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.ron");
    save(&path, BUNDLED);
    let mut app = watched(&path);
    key(&mut app, KeyCode::Char('r'));
    assert_eq!(app.status.as_deref(), Some("reloading…"));
    assert!(app.wait_for_reload(WAIT), "r reloads an unchanged file");
    assert_eq!(app.status.as_deref(), Some("reloaded: 60 events (was 60)"));
    let mut bundled = App::new(Store::bundled(), MONO);
    key(&mut bundled, KeyCode::Char('r'));
    assert_eq!(
        bundled.status.as_deref(),
        Some("nothing to reload: the bundled store and standard input do not change")
    );
}

#[test]
fn the_explorer_shows_a_changed_file_in_a_real_terminal() {
    let Some(tmux) = tmux_or_skip(120, 40) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.ron");
    save(&path, BUNDLED);
    tmux.wait_for("the shell prompt", |s| s.contains('$'));
    tmux.command(&format!(
        "XDG_DATA_HOME={0} XDG_STATE_HOME={0} {1} {2} --goto ruble-blame",
        dir.path().display(),
        env!("CARGO_BIN_EXE_evex"),
        path.display()
    ));
    tmux.wait_for("the explorer", |s| s.contains("60/60 events"));
    save(
        &path,
        BUNDLED.replace(
            "Lukashenko blames the West for the collapse",
            "Lukashenko faults the West for the collapse",
        ),
    );
    let screen = tmux.wait_for("the new title", |s| s.contains("faults the West"));
    assert!(screen.contains("reloaded: 60 events (was 60)"), "{screen}");
    save(&path, "Store(title: \"broken\",");
    let screen = tmux.wait_for("the error", |s| s.contains("not reloaded"));
    assert!(
        screen.contains("faults the West"),
        "the old data stays:\n{screen}"
    );
    tmux.keys(&["q"]);
}
