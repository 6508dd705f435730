//! The sidebar's own `/`: the same actor matcher as `@` in a search, so a typo'd name finds
//! the actor meant (issue 12's list of typos), closest matches first.

mod common;

use common::{actor, app, key, typed};
use ratatui::crossterm::event::KeyCode;

/// The names the sidebar lists after `/` and `typed` in it.
fn sidebar_finds(typed_text: &str) -> Vec<String> {
    let mut app = app();
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, typed_text);
    app.sidebar
        .rows
        .iter()
        .map(|&a| app.store.actors[a].name.clone())
        .collect()
}

#[test]
fn the_sidebar_filter_forgives_the_typos_search_forgives() {
    for typo in ["lukashenka", "lukaschenko"] {
        assert_eq!(sidebar_finds(typo), ["Alexander Lukashenko"], "{typo}");
    }
    let mut bakijev = sidebar_finds("bakijev");
    bakijev.sort();
    assert_eq!(bakijev, ["Janysh Bakiyev", "Kurmanbek Bakiyev"]);
    assert_eq!(sidebar_finds("putim"), ["Vladimir Putin"]);
    assert_eq!(sidebar_finds("kirgiz")[0], "Kyrgyz Republic");
    // Prefixes rank above scattered letters: `ru` is Russia, not every r and u.
    let ru = sidebar_finds("ru");
    assert!(ru[0].starts_with("Russia"), "{ru:?}");
    assert!(ru.len() <= 3, "{ru:?}");
}

#[test]
fn enter_on_a_typo_in_the_sidebar_selects_the_actor_meant() {
    let mut app = app();
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "lukashenka");
    // The word it matched is highlighted, though no letter run of it was typed.
    let lukashenko = actor(&app, "lukashenko");
    assert_eq!(app.sidebar.matched[0], (10..20).collect::<Vec<_>>());
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.filter.actors.iter().copied().collect::<Vec<_>>(),
        [lukashenko]
    );
    assert_eq!(app.matches.events.len(), app.matches.facets[lukashenko]);
}
