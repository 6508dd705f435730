//! Moving around the explorer as a person expects: `y` agrees with search, the selection and
//! the sidebar cursor stay where they were, the wheel scrolls, Esc undoes Enter, Tab and `s`
//! reach the actors at every size, J/K step through events, the help scrolls.

mod common;

use common::{actor, app, draw, key, selected_id, typed};
use evex::action::Action;
use evex::app::App;
use evex::date::DayRange;
use evex::keymap::{Focus, Keymap, Mode};
use ratatui::crossterm::event::KeyCode;

fn go_to(app: &mut App, text: &str) {
    key(app, KeyCode::Char('y'));
    typed(app, text);
    key(app, KeyCode::Enter);
}

fn search(app: &mut App, text: &str) {
    key(app, KeyCode::Char('/'));
    typed(app, text);
    key(app, KeyCode::Enter);
}

#[test]
fn y_selects_the_first_event_that_search_finds_for_the_same_date() {
    for text in [
        "1998",
        "2005",
        "2010",
        "2011",
        "2012",
        "2013",
        "2014",
        "2015",
        "2015-06",
        "2012-08",
        "2010..2012",
    ] {
        let mut app = app();
        go_to(&mut app, text);
        assert_eq!(
            app.matches.events.len(),
            app.store.events.len(),
            "no filtering"
        );
        let spans_only = app.status.as_deref().unwrap_or("");
        assert!(
            app.status.is_none()
                || spans_only.starts_with(&format!(
                    "nothing starts in {text}; showing the first event that spans it"
                )),
            "{text}: {spans_only}"
        );
        let chosen = selected_id(&app).to_owned();
        let range = evex::query::parse_dates(text).unwrap();
        search(&mut app, text);
        let found: Vec<&evex::store::Event> = app
            .matches
            .events
            .iter()
            .map(|&e| &app.store.events[e])
            .collect();
        assert!(
            found.iter().any(|e| e.id == chosen),
            "y {text} chose what /{text} hides"
        );
        // The first that starts in the range, else the first that spans it.
        let expected = found
            .iter()
            .find(|e| e.when.first_day() >= range.first)
            .or(found.first())
            .unwrap();
        assert_eq!(chosen, expected.id, "y {text}");
    }
}

#[test]
fn y_says_when_nothing_is_there_and_why() {
    let mut app = app();
    go_to(&mut app, "2030");
    let status = app.status.clone().unwrap();
    assert!(
        status.starts_with("no events in 2030; showing the nearest, "),
        "{status}"
    );
    assert_eq!(
        app.timeline.selected,
        app.matches.events.len() - 1,
        "the latest"
    );
    go_to(&mut app, "1990");
    assert_eq!(app.timeline.selected, 0, "the earliest");
    let mut app = common::app();
    search(&mut app, "extradition");
    go_to(&mut app, "1998");
    let status = app.status.clone().unwrap();
    assert!(
        status.starts_with("no matching events in 1998: the search hides "),
        "{status}"
    );
    go_to(&mut app, "2015-13");
    assert_eq!(
        app.status.as_deref(),
        Some(
            "`2015-13` has month 13; months run from 01 to 12; try 2012, 2012-08, 2012-08-15 or 2010..2013"
        )
    );
}

#[test]
fn y_puts_the_year_at_the_top_of_the_view() {
    let mut app = app();
    draw(&mut app, 120, 40);
    go_to(&mut app, "2015");
    let text = draw(&mut app, 120, 40).backend().to_string();
    // The selected event is the top row, under its year heading when it is the year's first.
    let top = text.lines().nth(2).unwrap();
    let event = &app.store.events[app.selected_event().unwrap()];
    let heading = format!("── {} ", event.when.year());
    let row = if top.contains(&heading) {
        text.lines().nth(3).unwrap()
    } else {
        top
    };
    assert!(row.contains(&event.title[..20]), "{row}");
}

#[test]
fn the_selection_stays_on_its_event_or_the_nearest_in_time() {
    let mut app = app();
    go_to(&mut app, "2014");
    let chosen = selected_id(&app).to_owned();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, &chosen[..4]);
    key(&mut app, KeyCode::Esc);
    assert_eq!(selected_id(&app), chosen);
    // Filtering to one actor keeps the selection as near in time as the actor's events allow.
    let day = |app: &App| {
        app.store.events[app.selected_event().unwrap()]
            .when
            .first_day()
            .number()
    };
    let before = day(&app);
    app.filter.actors.insert(actor(&app, "lukashenko"));
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Char('m'));
    let nearest = app
        .matches
        .events
        .iter()
        .map(|&e| (app.store.events[e].when.first_day().number() - before).abs())
        .min()
        .unwrap();
    assert_eq!((day(&app) - before).abs(), nearest);
}

#[test]
fn the_sidebar_cursor_stays_on_its_actor_and_selected_actors_stay_in_view() {
    let mut app = app();
    key(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Focus::Actors);
    (0..5).for_each(|_| key(&mut app, KeyCode::Char('j')));
    let under = app.sidebar_actor().unwrap();
    key(&mut app, KeyCode::Tab);
    search(&mut app, "minsk");
    assert_eq!(app.sidebar_actor(), Some(under), "after a search");
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(app.sidebar_actor(), Some(under), "after any/all");
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(app.sidebar_actor(), Some(under), "after a toggle");
    // A selected actor that no longer matches is listed first, not sunk out of view.
    search(&mut app, "zzzz");
    assert_eq!(app.sidebar.rows[0], under);
}

#[test]
fn the_sidebar_cursor_goes_to_the_top_when_no_match_has_its_actor() {
    let mut app = app();
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Char('G'));
    let under = app.sidebar_actor().unwrap();
    key(&mut app, KeyCode::Tab);
    search(&mut app, "@putim");
    assert_eq!(
        app.matches.facets[under], 0,
        "a search none of whose events has it"
    );
    assert_eq!(app.sidebar.selected, 0);
    let top = app.sidebar_actor().unwrap();
    assert!(
        app.matches.facets[top] > 0,
        "the top row is an actor of the matches"
    );
}

#[test]
fn the_wheel_scrolls_the_view_and_the_selection_follows_only_to_stay_in_it() {
    let mut app = app();
    draw(&mut app, 120, 40);
    let timeline = app.areas.timeline.unwrap();
    let wheel = |app: &mut App, down| {
        app.update(Action::Scroll {
            column: timeline.x + 5,
            row: timeline.y,
            down,
        });
        draw(app, 120, 40);
    };
    wheel(&mut app, true);
    assert_eq!(app.timeline.offset, 3);
    let selected = app.timeline.selected;
    assert!(
        selected > 0,
        "the first event left the view, so the selection moved"
    );
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    let selected = app.timeline.selected;
    wheel(&mut app, true);
    assert_eq!(app.timeline.selected, selected, "still in view: it stays");
    // A click on a year heading selects the first event under it.
    draw(&mut app, 120, 40);
    let heading = (0..timeline.height)
        .find(|&r| {
            app.timeline
                .event_at_row(app.timeline.offset + usize::from(r))
                .is_none()
        })
        .unwrap();
    app.update(Action::Click {
        column: timeline.x + 5,
        row: timeline.y + heading,
    });
    assert_eq!(
        app.timeline
            .event_at_row(app.timeline.offset + usize::from(heading) + 1),
        Some(app.timeline.selected)
    );
}

#[test]
fn esc_undoes_enter_on_wide_terminals() {
    let mut app = app();
    draw(&mut app, 160, 40);
    key(&mut app, KeyCode::Enter);
    assert_eq!((app.focus, app.zoomed), (Focus::Detail, false));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Focus::Timeline);
    assert_eq!(app.status, None);
}

#[test]
fn j_and_k_in_capitals_step_through_events_in_the_event_view() {
    let mut app = app();
    draw(&mut app, 80, 24);
    key(&mut app, KeyCode::Enter);
    assert!(app.zoomed);
    let first = app.timeline.selected;
    typed(&mut app, "J");
    assert_eq!(app.timeline.selected, first + 1);
    assert!(app.zoomed, "still reading");
    typed(&mut app, "K");
    assert_eq!(app.timeline.selected, first);
}

#[test]
fn tab_and_s_reach_the_actors_at_every_size() {
    for width in [200, 120, 80, 60, 40, 20] {
        let mut app = app();
        draw(&mut app, width, 24);
        key(&mut app, KeyCode::Tab);
        key(&mut app, KeyCode::Tab);
        assert_eq!(app.focus, Focus::Actors, "{width} columns");
        let text = draw(&mut app, width, 24).backend().to_string();
        assert!(app.areas.sidebar.is_some(), "{width}: actors shown\n{text}");
        key(&mut app, KeyCode::Tab);
        draw(&mut app, width, 24);
        if width < 70 {
            assert!(app.areas.sidebar.is_none(), "{width}: put away again");
        }
    }
    let mut app = app();
    let text = draw(&mut app, 60, 20).backend().to_string();
    assert!(text.lines().last().unwrap().contains("s actors"), "{text}");
    key(&mut app, KeyCode::Char('s'));
    draw(&mut app, 60, 20);
    assert_eq!(
        (app.focus, app.areas.sidebar.is_some()),
        (Focus::Actors, true)
    );
}

#[test]
fn the_help_scrolls_to_every_binding_at_small_sizes() {
    for (w, h) in [(80, 24), (60, 20), (40, 12)] {
        let mut app = app();
        key(&mut app, KeyCode::Char('?'));
        let mut seen = String::new();
        // Down to the end: until a key no longer scrolls.
        loop {
            seen += &draw(&mut app, w, h).backend().to_string();
            let before = app.help.scroll;
            key(&mut app, KeyCode::Char('j'));
            if app.help.scroll == before {
                break;
            }
        }
        assert_eq!(app.mode, Mode::Help);
        for binding in Keymap::default().bindings() {
            assert!(
                seen.contains(binding.help),
                "{w}x{h}: never shows {:?}",
                binding.help
            );
        }
        for scope in ["anywhere", "any pane", "timeline", "prompt", "overlays"] {
            assert!(seen.contains(scope), "{w}x{h}: the scope {scope} is cut");
        }
        assert!(seen.contains("Mouse:"), "{w}x{h}");
        key(&mut app, KeyCode::Char('g'));
        assert_eq!(app.help.scroll, 0);
        key(&mut app, KeyCode::Esc);
        assert_eq!(app.mode, Mode::Browse);
    }
}

#[test]
fn dates_in_a_range_are_found_the_same_way_by_every_part() {
    // The rule y, search and list share: an event is in a range if any day of it is.
    let app = app();
    let range = evex::query::parse_dates("2011").unwrap();
    let covering = app
        .store
        .events
        .iter()
        .filter(|e| e.when.overlaps(range))
        .count();
    assert!(covering > 0, "spans cover 2011");
    let _: DayRange = range;
}
