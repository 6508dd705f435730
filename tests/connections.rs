//! Following connections in the explorer: related events and back, who acts with whom, and
//! the quote in its paragraph.

mod common;

use common::{actor, app, draw, key, selected_id, typed};
use evex::keymap::{Focus, Mode};
use ratatui::crossterm::event::KeyCode;

fn screen(app: &mut evex::app::App, w: u16, h: u16) -> String {
    draw(app, w, h).backend().to_string()
}

#[test]
fn angle_brackets_jump_to_related_events_and_b_comes_back() {
    let mut app = app();
    let start = selected_id(&app).to_owned();
    let next = app
        .related
        .next
        .expect("the first event has a later related one");
    let shared = app.store.events[app.matches.events[next.position]]
        .actors
        .contains(&next.actor);
    assert!(shared);
    let text = screen(&mut app, 120, 40);
    assert!(text.contains("── Related"), "{text}");
    key(&mut app, KeyCode::Char('>'));
    assert_eq!(app.timeline.selected, next.position);
    key(&mut app, KeyCode::Char('>'));
    key(&mut app, KeyCode::Char('<'));
    assert_eq!(app.jumps.len(), 3);
    typed(&mut app, "bbb");
    assert_eq!(selected_id(&app), start);
    key(&mut app, KeyCode::Char('b'));
    assert_eq!(
        app.status.as_deref(),
        Some("no jump to go back from; < and > jump to related events")
    );
    key(&mut app, KeyCode::Char('<'));
    assert_eq!(
        app.status.as_deref(),
        Some("no earlier match shares an actor with this event")
    );
}

#[test]
fn w_lists_co_actors_and_enter_selects_one_as_a_filter() {
    let mut app = app();
    key(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Focus::Actors);
    let bakiyev = actor(&app, "bakiyev");
    while app.sidebar_actor() != Some(bakiyev) {
        key(&mut app, KeyCode::Char('j'));
    }
    key(&mut app, KeyCode::Char('w'));
    assert_eq!(app.mode, Mode::WithWhom);
    assert_eq!(app.with_whom.subject, [bakiyev]);
    let (first, count) = app.with_whom.rows[0];
    assert!(app.with_whom.rows.windows(2).all(|w| w[0].1 >= w[1].1));
    let text = screen(&mut app, 120, 40);
    assert!(text.contains("With whom: K. Bakiyev"), "{text}");
    assert!(text.contains(&format!(" {count}")));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('k'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Browse);
    assert!(app.filter.actors.contains(&first));
    key(&mut app, KeyCode::Char('w'));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.mode, Mode::Browse);
}

#[test]
fn c_shows_the_quote_in_its_paragraph_and_scrolls() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "ambassador");
    key(&mut app, KeyCode::Enter);
    let with_text = (0..app.matches.events.len())
        .find(|&p| {
            let e = &app.store.events[app.matches.events[p]];
            app.store.sources[e.source].text.is_some()
        })
        .expect("a bundled source has its text");
    app.timeline.selected = with_text;
    key(&mut app, KeyCode::Char('p'));
    assert_eq!(app.mode, Mode::Passage);
    let (paragraph, quote) = app.passage.found.clone().expect("the quote is found");
    let event = &app.store.events[app.selected_event().unwrap()];
    let text = app.store.sources[event.source].text.as_deref().unwrap();
    let paragraph = &text[paragraph];
    assert!(
        paragraph[quote]
            .split_whitespace()
            .eq(event.quote.as_deref().unwrap().split_whitespace())
    );
    assert!(!paragraph.contains("\n\n"));
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Quote in context"), "{shown}");
    key(&mut app, KeyCode::Char('j'));
    assert!(app.passage.scroll <= app.passage.max_scroll);
    key(&mut app, KeyCode::Char('q'));
    assert_eq!(app.mode, Mode::Browse);
    assert!(!app.should_quit, "q closes the overlay, not evex");
}

#[test]
fn the_quote_in_context_opens_where_the_quote_is_even_on_a_small_screen() {
    let mut app = app();
    // The first event: "Lukashenko expels ambassadors …", its quote deep in a paragraph.
    key(&mut app, KeyCode::Char('p'));
    let shown = screen(&mut app, 40, 12);
    let quote = app.store.events[app.selected_event().unwrap()]
        .quote
        .clone()
        .unwrap();
    let first_word = quote.split_whitespace().next().unwrap();
    assert!(app.passage.scroll > 0, "scrolled to the quote:\n{shown}");
    assert!(
        shown.contains(first_word),
        "{first_word} on screen:\n{shown}"
    );
}

#[test]
fn a_source_without_text_says_so() {
    let mut store = evex::store::Store::bundled();
    for source in &mut store.sources {
        source.text = None;
    }
    let mut app = evex::app::App::new(store, evex::theme::MONO);
    key(&mut app, KeyCode::Char('p'));
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("this source has no text"), "{shown}");
}

#[test]
fn passage_and_with_whom_snapshots() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "ambassador");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('p'));
    insta::assert_snapshot!("passage_80x24", draw(&mut app, 80, 24).backend());
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('w'));
    insta::assert_snapshot!("with_whom_120x40", draw(&mut app, 120, 40).backend());
}
