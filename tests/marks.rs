//! Keeping what you found: marks (Space, `.`/`,`), kept per store across sessions, and the
//! quote copied with its citation (`c`), sent to the clipboard through OSC 52.

mod common;

use common::tmux::tmux_or_skip;
use common::{app, key, selected_id};
use evex::citation;
use evex::marks::MarksPlace;
use evex::store::Store;
use ratatui::crossterm::event::KeyCode;

#[test]
fn space_marks_and_dot_and_comma_step_between_marks() {
    let mut app = app();
    key(&mut app, KeyCode::Char(' '));
    let first = selected_id(&app).to_owned();
    (0..5).for_each(|_| key(&mut app, KeyCode::Char('j')));
    key(&mut app, KeyCode::Char(' '));
    let second = selected_id(&app).to_owned();
    assert_eq!(app.marked.len(), 2);
    key(&mut app, KeyCode::Char('g'));
    key(&mut app, KeyCode::Char('.'));
    assert_eq!(
        selected_id(&app),
        second,
        "the next mark after the first event"
    );
    key(&mut app, KeyCode::Char(','));
    assert_eq!(selected_id(&app), first);
    key(&mut app, KeyCode::Char(','));
    assert_eq!(
        app.status.as_deref(),
        Some("no marked event before this one")
    );
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(app.marked.len(), 1, "Space again unmarks");
    let text = common::draw(&mut app, 120, 40).backend().to_string();
    assert!(text.contains("│•"), "a marked row shows its mark:\n{text}");
}

#[test]
fn marks_are_kept_per_store_and_missing_events_are_dropped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let place = MarksPlace::new(dir.path(), "bundled");
    let mut app = app();
    app.keep_marks_in(place.clone());
    (0..3).for_each(|_| key(&mut app, KeyCode::Char('j')));
    key(&mut app, KeyCode::Char(' '));
    let marked = selected_id(&app).to_owned();
    let mut again = common::app();
    again.keep_marks_in(place.clone());
    let ids: Vec<&str> = again
        .marked
        .iter()
        .map(|&e| again.store.events[e].id.as_str())
        .collect();
    assert_eq!(ids, [marked.as_str()]);
    let mut ids = place.load().unwrap();
    ids.insert("an-event-that-is-gone".into());
    place.save(&ids).unwrap();
    let mut third = common::app();
    third.keep_marks_in(place);
    assert_eq!(third.marked.len(), 1);
    assert_eq!(
        third.status.as_deref(),
        Some("1 mark dropped: the store no longer has their events")
    );
}

#[test]
fn c_copies_the_quote_with_its_citation() {
    let mut app = app();
    key(&mut app, KeyCode::Char('c'));
    let copied = app.clipboard.clone().unwrap();
    let store = Store::bundled();
    let event = &store.events[app.selected_event().unwrap()];
    assert_eq!(copied, citation::cite(&store, event));
    assert!(copied.starts_with('“'), "{copied}");
    assert!(copied.ends_with(", The Diplomat, 2015)"), "{copied}");
    assert!(
        copied.contains("(Samuel Ramani, “Belarus and Kyrgyzstan"),
        "{copied}"
    );
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .starts_with("copied the quote with its citation")
    );
    let mut osc = Vec::new();
    citation::write_osc52(&mut osc, &copied).unwrap();
    assert!(osc.starts_with(b"\x1b]52;c;"));
}

#[test]
fn c_puts_the_quote_on_the_clipboard_in_a_real_terminal() {
    let Some(tmux) = tmux_or_skip(120, 40) else {
        return;
    };
    tmux.run(&["set-option", "-g", "set-clipboard", "on"]);
    tmux.wait_for("the shell prompt", |s| s.contains('$'));
    tmux.command(env!("CARGO_BIN_EXE_evex"));
    tmux.wait_for("the explorer", |s| s.contains("events"));
    tmux.keys(&["c"]);
    tmux.wait_for("the status", |s| s.contains("copied the quote"));
    let buffer = String::from_utf8_lossy(&tmux.run(&["show-buffer"]).stdout).into_owned();
    assert!(buffer.contains("The Diplomat"), "tmux got {buffer:?}");
    tmux.keys(&["q"]);
}

#[test]
fn a_fifo_in_place_of_the_marks_file_is_an_error_not_a_wait() {
    let dir = tempfile::tempdir().unwrap();
    let place = MarksPlace::new(dir.path(), "/stores/a.ron");
    let hash = xxhash_rust::xxh3::xxh3_64(b"/stores/a.ron");
    let marks_dir = dir.path().join("evex").join("marks");
    std::fs::create_dir_all(&marks_dir).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(marks_dir.join(format!("{hash:016x}.ron")))
        .status()
        .unwrap();
    assert!(made.success());
    let (done, loaded) = std::sync::mpsc::channel();
    std::thread::spawn(move || done.send(place.load().is_err()));
    let refused = loaded.recv_timeout(std::time::Duration::from_secs(10));
    assert_eq!(
        refused,
        Ok(true),
        "the explorer would wait for a writer forever"
    );
}

#[test]
fn capital_m_shows_only_the_marked_events_with_the_other_filters() {
    let mut app = app();
    key(&mut app, KeyCode::Char('M'));
    assert_eq!(
        app.status.as_deref(),
        Some("no marks yet: Space on the timeline marks an event")
    );
    key(&mut app, KeyCode::Char(' '));
    let first = selected_id(&app).to_owned();
    (0..10).for_each(|_| key(&mut app, KeyCode::Char('j')));
    key(&mut app, KeyCode::Char(' '));
    let second = selected_id(&app).to_owned();
    key(&mut app, KeyCode::Char('M'));
    assert_eq!(common::ids(&app), [first.as_str(), second.as_str()]);
    assert!(app.describe_filters().contains("only marked (2)"));
    let header = common::draw(&mut app, 120, 40).backend().to_string();
    assert!(header.contains("2/"), "{header}");
    // With a search that only the second matches, only it is left.
    let title = app.store.events[app.selected_event().unwrap()]
        .title
        .clone();
    let word = title.split_whitespace().max_by_key(|w| w.len()).unwrap();
    key(&mut app, KeyCode::Char('/'));
    common::typed(&mut app, word);
    key(&mut app, KeyCode::Enter);
    assert!(common::ids(&app).contains(&second.as_str()));
    assert!(
        common::ids(&app)
            .iter()
            .all(|id| [&first, &second].contains(&&id.to_string()))
    );
    // Unmarking while only marked events show takes it off the list.
    key(&mut app, KeyCode::Esc);
    assert_eq!(common::ids(&app).len(), 2, "Esc cleared the search first");
    key(&mut app, KeyCode::Char('g'));
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(common::ids(&app), [second.as_str()]);
    key(&mut app, KeyCode::Char('M'));
    assert_eq!(
        common::ids(&app).len(),
        app.store.events.len(),
        "M again shows all"
    );
    assert!(!app.describe_filters().contains("marked"));
}

#[test]
fn the_histogram_shows_a_dot_under_buckets_with_marks() {
    let mut app = app();
    key(&mut app, KeyCode::Char('h'));
    let axis = |app: &mut evex::app::App| {
        let terminal = common::draw(app, 120, 40);
        let area = app.areas.histogram.unwrap();
        let buf = terminal.backend().buffer().clone();
        let row = area.bottom() - 1;
        (area.left()..area.right())
            .map(|x| buf[(x, row)].symbol().to_owned())
            .collect::<String>()
    };
    assert!(!axis(&mut app).contains('•'));
    // An event in the middle: the first and last buckets carry the axis labels.
    key(&mut app, KeyCode::Char('y'));
    common::typed(&mut app, "2005");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char('g'));
    let line = axis(&mut app);
    assert_eq!(line.matches('•').count(), 1, "{line}");
    let screen = common::draw(&mut app, 120, 40).backend().to_string();
    assert!(
        !screen.contains("1 marked"),
        "the selected bucket has no mark:\n{screen}"
    );
    key(&mut app, KeyCode::Char('.'));
    let screen = common::draw(&mut app, 120, 40).backend().to_string();
    assert!(
        screen.contains("· 1 marked"),
        "the title counts the selected bucket's marks:\n{screen}"
    );
}
