//! The explorer's behaviour, driven by key events as a person would press them.

mod common;

use common::{actor, app, ctrl, draw, ids, key, selected_id, typed};
use evex::filter::ActorMode;
use evex::keymap::{Focus, Keymap, Mode, Scope};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

#[test]
fn opens_on_the_whole_timeline_with_the_first_event_selected() {
    let app = app();
    assert_eq!(app.matches.events.len(), 60);
    assert_eq!(selected_id(&app), "drazdy-expulsion");
    assert_eq!((app.focus, app.mode), (Focus::Timeline, Mode::Browse));
}

#[test]
fn search_filters_live_and_enter_keeps_the_query() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    assert_eq!(app.mode, Mode::Prompt);
    typed(&mut app, "bakiy");
    assert_eq!(app.matches.events.len(), 17, "filters while typing");
    typed(&mut app, "ev");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        (app.mode, app.query_text.as_str()),
        (Mode::Browse, "bakiyev")
    );
    assert_eq!(app.matches.events.len(), 17);
    assert_eq!(app.describe_filters(), "search “bakiyev”");
}

#[test]
fn esc_in_the_prompt_restores_the_previous_query() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "minsk");
    key(&mut app, KeyCode::Enter);
    let kept = app.matches.events.len();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, " tractor");
    assert_eq!(app.matches.events.len(), 0);
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        (app.query_text.as_str(), app.matches.events.len()),
        ("minsk", kept)
    );
}

#[test]
fn smart_case_and_phrases() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "\"foreign agents law\"");
    assert_eq!(
        ids(&app),
        [
            "atambayev-rejects-agents-law",
            "russia-foreign-agents-law",
            "foreign-agents-law",
            "atambayev-pivot",
            "us-treaty-cancelled"
        ]
    );
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "West");
    let sensitive = app.matches.events.len();
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "west");
    assert!(
        app.matches.events.len() > sensitive,
        "lower case also finds “Western”… and more"
    );
}

#[test]
fn at_actor_matches_names_and_aliases_fuzzily() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "@lukash");
    let lukashenko = actor(&app, "lukashenko");
    assert_eq!(app.matches.events.len(), 8);
    assert!(
        app.matches
            .events
            .iter()
            .all(|&e| app.store.events[e].actors.contains(&lukashenko))
    );
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "@bakiev");
    let (kurmanbek, janysh) = (actor(&app, "bakiyev"), actor(&app, "janysh-bakiyev"));
    assert!(app.matches.events.iter().all(|&e| {
        let actors = &app.store.events[e].actors;
        actors.contains(&kurmanbek) || actors.contains(&janysh)
    }));
    assert_eq!(
        app.matches.events.len(),
        12,
        "10 of Kurmanbek, 3 of Janysh, 1 of both"
    );
}

#[test]
fn years_ranges_and_months_match_overlapping_dates() {
    let mut app = app();
    let count = |app: &mut evex::app::App, query: &str| {
        key(app, KeyCode::Char('/'));
        typed(app, query);
        key(app, KeyCode::Enter);
        let n = app.matches.events.len();
        key(app, KeyCode::Esc);
        n
    };
    assert_eq!(
        count(&mut app, "2013"),
        12,
        "three 2013 events, a bound just before 2014 and eight spans across 2013"
    );
    assert_eq!(count(&mut app, "2015-06"), 18);
    assert_eq!(count(&mut app, "2015-06-24"), 12);
    assert_eq!(count(&mut app, "1998..2005"), 5);
    assert_eq!(count(&mut app, "2014 @U.S."), 1);
}

#[test]
fn actors_toggle_and_combine_as_any_or_all() {
    let mut app = app();
    key(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Focus::Actors);
    let first = app.sidebar_actor().unwrap();
    assert_eq!(
        app.store.actors[first].id, "kyrgyzstan",
        "most events first"
    );
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(app.matches.events.len(), 21);
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.store.actors[app.sidebar_actor().unwrap()].id, "belarus");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.filter.actors.len(), 2);
    assert_eq!(app.matches.events.len(), 31, "any: Kyrgyzstan or Belarus");
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(app.filter.mode, ActorMode::All);
    assert_eq!(app.matches.events.len(), 9, "all: Kyrgyzstan and Belarus");
    assert_eq!(app.describe_filters(), "actors: all of Belarus, Kyrgyzstan");
    let lukashenko = actor(&app, "lukashenko");
    assert_eq!(
        app.matches.facets[lukashenko], 0,
        "counts follow the filter"
    );
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(app.matches.events.len(), 21, "untoggling Belarus");
}

#[test]
fn slash_in_the_sidebar_finds_an_actor_and_enter_toggles_it() {
    let mut app = app();
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "omural");
    assert_eq!(app.sidebar.rows.len(), 1);
    key(&mut app, KeyCode::Enter);
    assert_eq!(ids(&app), ["ambassador-returns", "omuraliev-credentials"]);
    assert!(app.sidebar.filter.is_empty(), "the list is whole again");
    assert_eq!(app.focus, Focus::Actors);
}

#[test]
fn movement_keys_move_the_selection() {
    let mut app = app();
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Down);
    assert_eq!(app.timeline.selected, 2);
    key(&mut app, KeyCode::Char('k'));
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Up);
    assert_eq!(app.timeline.selected, 0);
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(selected_id(&app), "speaker-trade-call");
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(app.timeline.selected, 0);
    key(&mut app, KeyCode::End);
    assert_eq!(app.timeline.selected, 59);
    key(&mut app, KeyCode::Home);
    draw(&mut app, 120, 40);
    let page = app.timeline.height - 1;
    key(&mut app, KeyCode::PageDown);
    assert_eq!(app.timeline.selected, page);
    ctrl(&mut app, 'd');
    assert_eq!(app.timeline.selected, 59.min(2 * page));
    key(&mut app, KeyCode::PageUp);
    ctrl(&mut app, 'u');
    assert_eq!(app.timeline.selected, 0);
}

#[test]
fn tab_cycles_actors_timeline_detail() {
    let mut app = app();
    draw(&mut app, 120, 40);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Detail);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Actors);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Timeline);
    key(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Focus::Actors);
}

#[test]
fn enter_opens_the_detail_full_screen_on_narrow_terminals_and_esc_returns() {
    let mut app = app();
    draw(&mut app, 120, 40);
    key(&mut app, KeyCode::Enter);
    assert_eq!((app.focus, app.zoomed), (Focus::Detail, false));
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(
        app.timeline.selected, 0,
        "j scrolls the detail, not the timeline"
    );
    let mut app = common::app();
    draw(&mut app, 60, 20);
    key(&mut app, KeyCode::Enter);
    assert_eq!((app.focus, app.zoomed), (Focus::Detail, true));
    key(&mut app, KeyCode::Esc);
    assert_eq!((app.focus, app.zoomed), (Focus::Timeline, false));
}

#[test]
fn brackets_step_through_years_with_events() {
    let mut app = app();
    key(&mut app, KeyCode::Char(']'));
    assert_eq!(selected_id(&app), "turnover-2005");
    key(&mut app, KeyCode::Char(']'));
    assert_eq!(selected_id(&app), "bakiyev-ousted");
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('['));
    assert_eq!(selected_id(&app), "turnover-2005");
    key(&mut app, KeyCode::Char('['));
    key(&mut app, KeyCode::Char('['));
    assert_eq!(selected_id(&app), "drazdy-expulsion");
    assert_eq!(app.status.as_deref(), Some("no earlier year with events"));
}

#[test]
fn esc_backs_out_one_level_at_a_time() {
    let mut app = app();
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "minsk");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode, Mode::Help);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Browse, "closes the help");
    assert_eq!(app.query_text, "minsk");
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        (app.query_text.as_str(), app.filter.actors.len()),
        ("", 1),
        "clears the search"
    );
    key(&mut app, KeyCode::Esc);
    assert!(app.filter.actors.is_empty(), "clears the actors");
    assert_eq!(app.matches.events.len(), 60);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.status.as_deref(), Some("nothing to clear; q quits"));
    assert!(!app.should_quit);
}

#[test]
fn q_quits_but_types_inside_a_prompt_and_ctrl_c_always_quits() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "iraq");
    assert!(!app.should_quit);
    assert_eq!(app.prompt.as_ref().unwrap().text(), "iraq");
    ctrl(&mut app, 'w');
    assert_eq!(app.prompt.as_ref().unwrap().text(), "");
    ctrl(&mut app, 'c');
    assert!(app.should_quit);
    let mut app = common::app();
    key(&mut app, KeyCode::Char('?'));
    key(&mut app, KeyCode::Char('q'));
    assert_eq!(app.mode, Mode::Browse, "q closes the help first");
    key(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit);
}

#[test]
fn every_keymap_binding_reaches_its_action() {
    let keymap = Keymap::default();
    for binding in keymap.bindings() {
        let (mode, focus) = match binding.scope {
            Scope::Always | Scope::Browse => (Mode::Browse, Focus::Timeline),
            Scope::Pane(pane) => (Mode::Browse, pane),
            Scope::Prompt => (Mode::Prompt, Focus::Timeline),
            Scope::Help => (Mode::Help, Focus::Timeline),
            Scope::WithWhom => (Mode::WithWhom, Focus::Timeline),
        };
        for k in binding.keys.iter() {
            let event = KeyEvent::new(k.code, k.modifiers);
            assert_eq!(
                keymap.action(mode, focus, event),
                Some(binding.action),
                "{:?}",
                k
            );
        }
    }
}

/// The explorer as the binary runs it: searches on their own thread.
fn threaded_app() -> evex::app::App {
    use std::sync::Arc;

    use evex::index::Index;
    use evex::searcher::Searcher;
    use evex::store::Store;

    let store = Arc::new(Store::bundled());
    let searcher = Searcher::spawn(Arc::clone(&store), Index::new);
    evex::app::App::with_searcher(store, searcher, evex::theme::MONO)
}

#[test]
fn on_the_search_thread_typing_goes_on_and_the_newest_answer_wins() {
    let mut app = threaded_app();
    assert_eq!(app.matches.events.len(), 60, "opens on every event at once");
    key(&mut app, KeyCode::Char('/'));
    // Each letter asks for a search; none waits for the one before.
    typed(&mut app, "bakiyev");
    assert_eq!(app.query_text, "bakiyev");
    app.wait_for_search();
    assert_eq!(app.matches.events.len(), 17);
    assert!(!app.searching);
    // Older answers that arrive late are dropped: the screen keeps the newest.
    ctrl(&mut app, 'w');
    typed(&mut app, "tractor");
    key(&mut app, KeyCode::Enter);
    app.wait_for_search();
    app.receive();
    assert_eq!(app.query_text, "tractor");
    assert_eq!(app.matches.events.len(), 0);
}

#[test]
fn on_the_search_thread_actor_toggles_and_facets_arrive_together() {
    let mut app = threaded_app();
    draw(&mut app, 120, 40);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Actors);
    let top = app.sidebar_actor().unwrap();
    key(&mut app, KeyCode::Char(' '));
    app.wait_for_search();
    assert!(app.filter.actors.contains(&top));
    let with_top = app.matches.events.len();
    assert!(with_top > 0 && with_top < 60);
    assert_eq!(app.matches.facets[top], with_top);
}

#[test]
fn a_dead_search_thread_stops_the_explorer_instead_of_searching_forever() {
    use std::sync::Arc;

    use evex::searcher::Searcher;
    use evex::store::Store;

    let store = Arc::new(Store::bundled());
    let searcher = Searcher::spawn(Arc::clone(&store), |_| panic!("a bug while indexing"));
    let mut app = evex::app::App::with_searcher(store, searcher, evex::theme::MONO);
    let stopped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        key(&mut app, KeyCode::Char('/'));
        typed(&mut app, "minsk");
        for _ in 0..500 {
            app.receive();
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }));
    assert!(stopped.is_err(), "receive panics once the thread is gone");
}
