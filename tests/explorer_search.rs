//! Searching in the explorer as a person types: typo'd actor names, what `@` resolved to,
//! and long queries in the header.

mod common;

use common::{actor, app, draw, key, typed};
use ratatui::crossterm::event::KeyCode;

#[test]
fn the_header_cuts_a_long_query_with_an_ellipsis() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, &"minsk ".repeat(20));
    key(&mut app, KeyCode::Enter);
    let described = app.describe_filters();
    assert_eq!(described, format!("search “{}mins…”", "minsk ".repeat(6)));
}

#[test]
fn on_a_narrow_terminal_the_title_gives_way_to_what_the_search_found() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "@bakiev");
    key(&mut app, KeyCode::Enter);
    let terminal = draw(&mut app, 60, 20);
    let header = terminal.backend().to_string();
    let header = header.lines().next().unwrap();
    assert!(header.contains("@bakiev → Kurmanbek"), "{header}");
    assert!(!header.contains("Belarus"), "{header}");
}

#[test]
fn typed_actor_names_find_the_actor_and_the_header_says_whom() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "@lukashenka");
    let lukashenko = actor(&app, "lukashenko");
    assert!(!app.matches.events.is_empty());
    assert!(
        app.matches
            .events
            .iter()
            .all(|&e| app.store.events[e].actors.contains(&lukashenko))
    );
    assert_eq!(
        app.describe_filters(),
        "search “@lukashenka” · @lukashenka → Alexander Lukashenko"
    );
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "@bakiev");
    let bakiyevs = (app.store.events.iter())
        .filter(|e| {
            e.actors
                .iter()
                .any(|&a| app.store.actors[a].name.ends_with("Bakiyev"))
        })
        .count();
    assert_eq!(app.matches.events.len(), bakiyevs, "both Bakiyevs");
    assert!(
        app.describe_filters()
            .ends_with("@bakiev → Kurmanbek Bakiyev, Janysh Bakiyev"),
        "{}",
        app.describe_filters()
    );
}

#[test]
fn enter_on_a_search_that_matches_nothing_says_why_with_the_nearest_words() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "minks");
    assert_eq!(app.status, None, "not while typing");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.status.as_deref(),
        Some("no events match: no event has “minks” (did you mean minsk, links?)")
    );
    // In find mode too, where every event stays.
    key(&mut app, KeyCode::Char('f'));
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.matches.events.len(), 60);
    assert_eq!(
        app.status.as_deref(),
        Some("no events match: no event has “minks” (did you mean minsk, links?)")
    );
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "@zzyzx");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.status.as_deref(),
        Some("no events match: no actor is “zzyzx”")
    );
}

#[test]
fn each_prompt_hints_only_the_keys_that_work_in_it() {
    let footer = |app: &mut evex::app::App| {
        let terminal = draw(app, 160, 30);
        let text = terminal.backend().to_string();
        text.lines().last().unwrap().to_owned()
    };
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    let search = footer(&mut app);
    assert!(
        search.contains("older search") && search.contains("find/filter"),
        "{search}"
    );
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y'));
    let year = footer(&mut app);
    assert!(year.contains("keep") && year.contains("cancel"), "{year}");
    assert!(
        !year.contains("older search") && !year.contains("find/filter"),
        "{year}"
    );
    assert!(!year.contains("marked/all"), "{year}");
}
