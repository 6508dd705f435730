//! Find mode (`f`, Ctrl-F in the search prompt): the timeline keeps every event, the matches
//! are marked, `n`/`N` step through them (wrapping, also newest first), and the header says
//! `match 3/16`.

mod common;

use common::{app, ctrl, draw, key, typed};
use evex::app::App;
use evex::keymap::Mode;
use ratatui::crossterm::event::KeyCode;

/// The bundled store's events that mention Bakiyev, in timeline order (as filtering finds).
fn bakiyev_matches() -> Vec<usize> {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "bakiyev");
    app.matches.events.to_vec()
}

/// An app finding "bakiyev", the prompt closed with Enter, the first match selected.
fn finding() -> App {
    let mut app = app();
    key(&mut app, KeyCode::Char('f'));
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "bakiyev");
    key(&mut app, KeyCode::Enter);
    app
}

#[test]
fn f_switches_between_filtering_and_finding() {
    let mut app = app();
    let matches = bakiyev_matches();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "bakiyev");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.matches.events.len(), matches.len(), "filtering");
    key(&mut app, KeyCode::Char('f'));
    assert!(app.finding());
    assert_eq!(app.matches.events.len(), 60, "every event stays");
    assert_eq!(app.matching_events(), matches, "the same matches, marked");
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .starts_with("find: every event")
    );
    key(&mut app, KeyCode::Char('f'));
    assert!(!app.finding());
    assert_eq!(app.matches.events.to_vec(), matches);
    assert_eq!(app.matches.found, None);
    assert_eq!(
        app.status.as_deref(),
        Some("filter: only the matches are shown")
    );
}

#[test]
fn the_histogram_and_sidebar_count_the_matches_while_finding() {
    let mut filtering = app();
    key(&mut filtering, KeyCode::Char('/'));
    typed(&mut filtering, "bakiyev");
    let finding = finding();
    assert_eq!(finding.matches.counts, filtering.matches.counts);
    assert_eq!(finding.matches.facets, filtering.matches.facets);
}

#[test]
fn ctrl_f_in_the_prompt_switches_and_the_label_says_find() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "minsk");
    let filtered = app.matches.events.len();
    ctrl(&mut app, 'f');
    assert_eq!(app.mode, Mode::Prompt, "still typing");
    assert_eq!(app.prompt.as_ref().unwrap().label(), "find /");
    assert_eq!(app.matches.events.len(), 60);
    assert_eq!(app.matching_count(), filtered);
    ctrl(&mut app, 'f');
    assert_eq!(app.prompt.as_ref().unwrap().label(), "/");
    assert_eq!(app.matches.events.len(), filtered);
    // Other prompts do not switch.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y'));
    ctrl(&mut app, 'f');
    assert!(!app.finding());
}

#[test]
fn n_and_n_step_through_the_matches_and_wrap() {
    let mut app = finding();
    let found = app.matches.found.clone().unwrap();
    assert!(found.len() > 3);
    assert_eq!(app.timeline.selected, found[0]);
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.timeline.selected, found[1]);
    assert_eq!(app.status, None);
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.timeline.selected, found[2]);
    key(&mut app, KeyCode::Char('N'));
    key(&mut app, KeyCode::Char('N'));
    key(&mut app, KeyCode::Char('N'));
    assert_eq!(app.timeline.selected, *found.last().unwrap(), "wrapped");
    assert_eq!(app.status.as_deref(), Some("search wrapped to the bottom"));
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.timeline.selected, found[0]);
    assert_eq!(app.status.as_deref(), Some("search wrapped to the top"));
    // From between two matches, n goes to the next one.
    let gap = found.windows(2).position(|w| w[1] > w[0] + 1).unwrap();
    app.timeline.selected = found[gap] + 1;
    let between = app.timeline.selected;
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(
        app.timeline.selected,
        *found.iter().find(|&&p| p > between).unwrap()
    );
}

#[test]
fn newest_first_n_goes_down_the_screen_back_in_time() {
    let mut app = finding();
    let found = app.matches.found.clone().unwrap();
    key(&mut app, KeyCode::Char('O'));
    key(&mut app, KeyCode::Char('g'));
    // The top row is now the newest event.
    assert_eq!(app.timeline.selected, 59);
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(
        app.timeline.selected,
        *found.last().unwrap(),
        "the newest match"
    );
    assert_eq!(
        app.match_position().as_deref(),
        Some("match 1/17"),
        "counted down the screen"
    );
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.timeline.selected, found[found.len() - 2]);
    key(&mut app, KeyCode::Char('N'));
    key(&mut app, KeyCode::Char('N'));
    assert_eq!(app.timeline.selected, found[0], "wrapped to the oldest");
    assert_eq!(app.status.as_deref(), Some("search wrapped to the bottom"));
}

#[test]
fn enter_while_finding_goes_to_the_first_match_from_the_selection() {
    let mut app = app();
    key(&mut app, KeyCode::Char('f'));
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "bakiyev");
    key(&mut app, KeyCode::Enter);
    let found = app.matches.found.clone().unwrap();
    assert_eq!(app.timeline.selected, found[0]);
    assert_eq!(app.match_position().as_deref(), Some("match 1/17"));
    // Already on a match, Enter stays.
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.timeline.selected, found[1]);
}

#[test]
fn the_header_says_where_the_selection_is_among_the_matches() {
    let mut app = finding();
    assert_eq!(app.match_position().as_deref(), Some("match 1/17"));
    (0..2).for_each(|_| key(&mut app, KeyCode::Char('n')));
    assert_eq!(app.match_position().as_deref(), Some("match 3/17"));
    let header = draw(&mut app, 120, 40).backend().to_string();
    let header = header.lines().next().unwrap();
    assert!(
        header.contains("find · match 3/17 · 60/60 events"),
        "{header}"
    );
    let found = app.matches.found.clone().unwrap();
    let gap = found.windows(2).position(|w| w[1] > w[0] + 1).unwrap();
    app.timeline.selected = found[gap] + 1;
    assert_eq!(
        app.match_position().as_deref(),
        Some("17 matches"),
        "between matches"
    );
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "zzzz");
    assert_eq!(app.match_position().as_deref(), Some("no matches"));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.match_position(), None, "no search, nothing to find");
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(
        app.status.as_deref(),
        Some("nothing to find yet: / types a search")
    );
}

#[test]
fn n_while_filtering_says_where_find_mode_is() {
    let mut app = app();
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(
        app.status.as_deref(),
        Some("the timeline shows only matches; f finds them among every event")
    );
}

#[test]
fn the_sidebar_actors_still_narrow_the_timeline_while_finding() {
    let mut app = finding();
    let belarus = common::actor(&app, "belarus");
    key(&mut app, KeyCode::Char('s'));
    let at = app.sidebar.rows.iter().position(|&a| a == belarus).unwrap();
    app.sidebar.selected = at;
    key(&mut app, KeyCode::Char(' '));
    let with_belarus = app
        .store
        .events
        .iter()
        .filter(|e| e.actors.contains(&belarus))
        .count();
    assert_eq!(app.matches.events.len(), with_belarus);
    let found = app.matching_events();
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|&e| app.store.events[e].actors.contains(&belarus))
    );
}

#[test]
fn find_mode_marks_matching_rows_and_shows_the_count() {
    let mut app = finding();
    (0..2).for_each(|_| key(&mut app, KeyCode::Char('n')));
    insta::assert_snapshot!("find_120x40", draw(&mut app, 120, 40).backend());
    insta::assert_snapshot!("find_80x24", draw(&mut app, 80, 24).backend());
    insta::assert_snapshot!("find_40x12", draw(&mut app, 40, 12).backend());
}

/// The explorer as the binary runs it: searches on their own thread.
fn threaded_app() -> App {
    use std::sync::Arc;

    use evex::index::Index;
    use evex::searcher::Searcher;
    use evex::store::Store;

    let store = Arc::new(Store::bundled());
    let searcher = Searcher::spawn(Arc::clone(&store), Index::new);
    App::with_searcher(store, searcher, evex::theme::MONO)
}

#[test]
fn on_the_search_thread_the_timeline_is_kept_and_enter_waits_for_the_matches() {
    use std::sync::Arc;

    let mut app = threaded_app();
    key(&mut app, KeyCode::Char('f'));
    app.wait_for_search();
    let timeline = Arc::clone(&app.matches.events);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "bakiyev");
    key(&mut app, KeyCode::Enter);
    app.wait_for_search();
    assert!(
        Arc::ptr_eq(&timeline, &app.matches.events),
        "typing sends back the same timeline, not laid out again"
    );
    assert_eq!(app.match_position().as_deref(), Some("match 1/17"));
    let first = app.matches.found.as_ref().unwrap()[0];
    assert_eq!(
        app.timeline.selected, first,
        "Enter went to the first match"
    );
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "minks");
    key(&mut app, KeyCode::Enter);
    app.wait_for_search();
    assert_eq!(
        app.timeline.selected, first,
        "no match: the selection stays"
    );
    assert_eq!(
        app.status.as_deref(),
        Some("no events match: no event has “minks” (did you mean minsk, links?)")
    );
}
