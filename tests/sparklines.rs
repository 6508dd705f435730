//! Who acts when: each actor's sparkline in the sidebar (wide terminals, or the sidebar over
//! the timeline), counted on the search thread; and the co-actors of `w`, counted there too.

mod common;

use std::sync::Arc;

use common::{actor, app, draw, key, typed};
use evex::app::App;
use evex::histogram::Unit;
use evex::index::Index;
use evex::searcher::Searcher;
use evex::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

/// Draws, lets the explorer ask for what the frame's layout needs (the sparklines), and
/// draws again with the answer, as the terminal loop does.
fn settled(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    draw(app, w, h);
    app.receive();
    app.wait_for_search();
    draw(app, w, h)
}

/// The sidebar row of an actor as drawn.
fn row_of(terminal: &Terminal<TestBackend>, name: &str) -> String {
    terminal
        .backend()
        .to_string()
        .lines()
        .find(|l| l.contains(name))
        .unwrap_or_else(|| panic!("{name} is not on the screen"))
        .to_owned()
}

#[test]
fn sparklines_with_the_histogram_at_200x60() {
    let mut app = app();
    key(&mut app, KeyCode::Char('h'));
    insta::assert_snapshot!(settled(&mut app, 200, 60).backend());
}

#[test]
fn no_sparklines_at_120x40_where_names_need_the_room() {
    let mut app = app();
    key(&mut app, KeyCode::Char('h'));
    let terminal = settled(&mut app, 120, 40);
    assert!(!app.areas.sparklines);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn sparklines_turn_on_from_150_columns() {
    let mut app = app();
    settled(&mut app, 149, 40);
    assert!(!app.areas.sparklines);
    assert!(
        !app.sparks.counted,
        "nothing is counted for sparklines not drawn"
    );
    let terminal = settled(&mut app, 150, 40);
    assert!(app.areas.sparklines);
    assert!(app.sparks.counted);
    assert!(row_of(&terminal, "Kyrgyz Republic").contains('█'));
}

#[test]
fn the_sidebar_over_the_timeline_shows_them_where_it_has_room() {
    let mut app = app();
    settled(&mut app, 60, 20);
    assert!(!app.areas.sparklines, "the timeline alone");
    key(&mut app, KeyCode::Char('s'));
    let terminal = settled(&mut app, 60, 20);
    assert!(app.areas.sparklines);
    assert!(row_of(&terminal, "Kyrgyz Republic").contains('█'));
}

#[test]
fn each_cell_counts_the_actors_matches_in_the_histograms_buckets() {
    let mut app = app();
    settled(&mut app, 200, 60);
    let sparks = &app.sparks;
    // 1998 to 2015, one year to a cell, as the histogram shows them.
    assert_eq!(sparks.unit, Unit::Year);
    assert_eq!(sparks.range(), (1998, 2015));
    assert_eq!(sparks.cells, 18);
    let lukashenko = actor(&app, "lukashenko");
    let per_year = |year: i32| {
        app.matches
            .events
            .iter()
            .filter(|&&e| {
                let event = &app.store.events[e];
                event.when.first_day().year == year && event.actors.contains(&lukashenko)
            })
            .count() as u32
    };
    let expected: Vec<u32> = (1998..=2015).map(per_year).collect();
    assert_eq!(sparks.of(lukashenko), Some(expected.as_slice()));
    assert_eq!(
        expected.iter().sum::<u32>() as usize,
        app.matches.facets[lukashenko]
    );
    let terminal = settled(&mut app, 200, 60);
    let row = row_of(&terminal, "Alexander Lukashenko");
    assert!(
        row.contains(&format!(" {} █", app.matches.facets[lukashenko])),
        "{row}"
    );
    assert!(
        terminal
            .backend()
            .to_string()
            .contains("Actors · match any · 1998–2015")
    );
}

#[test]
fn the_sidebar_over_the_timeline_shows_the_sparklines_of_a_search_made_while_it_was_away() {
    let mut app = app();
    key(&mut app, KeyCode::Char('s'));
    settled(&mut app, 60, 20);
    let everything = app.sparks.clone();
    key(&mut app, KeyCode::Esc);
    settled(&mut app, 60, 20);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "kind:law");
    key(&mut app, KeyCode::Enter);
    settled(&mut app, 60, 20);
    key(&mut app, KeyCode::Char('s'));
    settled(&mut app, 60, 20);
    assert!(app.areas.sparklines);
    assert_ne!(app.sparks, everything, "counted again for the new matches");
    let lukashenko = actor(&app, "lukashenko");
    let total: u32 = app.sparks.of(lukashenko).map_or(0, |s| s.iter().sum());
    assert_eq!(total as usize, app.matches.facets[lukashenko]);
}

#[test]
fn sparklines_follow_the_search_and_the_zoom() {
    let mut app = app();
    settled(&mut app, 200, 60);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "2010");
    key(&mut app, KeyCode::Enter);
    settled(&mut app, 200, 60);
    // The sparklines take the unit the histogram fits the matches to.
    assert_eq!(app.sparks.unit, app.histogram.unit);
    let bakiyev = actor(&app, "bakiyev");
    let total: u32 = app.sparks.of(bakiyev).unwrap().iter().sum();
    assert_eq!(total as usize, app.matches.facets[bakiyev]);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('z'));
    settled(&mut app, 200, 60);
    assert_eq!(app.sparks.unit, Unit::Month);
    assert_eq!(app.sparks.per, 11, "216 months in 20 cells or fewer");
    key(&mut app, KeyCode::Char('Z'));
    key(&mut app, KeyCode::Char('Z'));
    settled(&mut app, 200, 60);
    assert_eq!(app.sparks.unit, Unit::Decade);
    assert_eq!(app.sparks.range(), (199, 201));
}

/// The explorer as the binary runs it: searches on their own thread.
fn threaded_app() -> App {
    let store = Arc::new(Store::bundled());
    let searcher = Searcher::spawn(Arc::clone(&store), Index::new);
    App::with_searcher(store, searcher, evex::theme::MONO)
}

#[test]
fn on_the_search_thread_rows_wait_with_a_placeholder_then_fill_in() {
    let mut app = threaded_app();
    let first = draw(&mut app, 200, 60);
    assert!(app.areas.sparklines);
    let row = row_of(&first, "Kyrgyz Republic");
    assert!(row.contains(" …"), "before the first count: {row}");
    app.receive();
    app.wait_for_search();
    let row = row_of(&draw(&mut app, 200, 60), "Kyrgyz Republic");
    assert!(!row.contains('…') && row.contains('█'), "{row}");
    // A search brings its sparklines with its matches.
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "minsk");
    app.wait_for_search();
    let belarus = actor(&app, "belarus");
    let total: u32 = app.sparks.of(belarus).unwrap().iter().sum();
    assert_eq!(total as usize, app.matches.facets[belarus]);
}

#[test]
fn on_the_search_thread_with_whom_shows_a_placeholder_until_counted() {
    let mut app = threaded_app();
    draw(&mut app, 120, 40);
    key(&mut app, KeyCode::Char('w'));
    // Until the thread answers (it may already have), the list says it is counting.
    let screen = draw(&mut app, 120, 40).backend().to_string();
    if app.with_whom.counting {
        assert!(screen.contains("│…"), "{screen}");
    }
    app.wait_for_search();
    assert!(!app.with_whom.counting);
    let inline = {
        let mut app = app_inline_with_whom();
        std::mem::take(&mut app.with_whom.rows)
    };
    assert_eq!(app.with_whom.rows, inline);
    assert!(!inline.is_empty());
}

#[test]
fn the_with_whom_list_says_it_is_counting() {
    use evex::ui::with_whom::{WithWhom, WithWhomState};
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::{Block, StatefulWidget};

    let store = Store::bundled();
    let mut state = WithWhomState {
        subject: vec![0],
        counting: true,
        ..WithWhomState::default()
    };
    let area = Rect::new(0, 0, 40, 5);
    let mut buf = Buffer::empty(area);
    let widget = WithWhom {
        store: &store,
        block: Block::bordered(),
        theme: &evex::theme::MONO,
    };
    widget.render(area, &mut buf, &mut state);
    assert_eq!(buf[(1, 1)].symbol(), "…");
}

fn app_inline_with_whom() -> App {
    let mut app = app();
    key(&mut app, KeyCode::Char('w'));
    assert!(
        !app.with_whom.counting,
        "inline, the rows are there at once"
    );
    app
}
