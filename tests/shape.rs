//! The shape of the story: the histogram strip (keys, zoom, snapshots at 120x40 and 80x24).

mod common;

use common::{app, draw, key, typed};
use evex::histogram::Unit;
use ratatui::crossterm::event::KeyCode;

#[test]
fn histogram_at_120x40() {
    let mut app = app();
    key(&mut app, KeyCode::Char('h'));
    insta::assert_snapshot!(draw(&mut app, 120, 40).backend());
}

#[test]
fn histogram_at_80x24_zoomed_to_months() {
    let mut app = app();
    key(&mut app, KeyCode::Char('h'));
    draw(&mut app, 80, 24);
    key(&mut app, KeyCode::Char('z'));
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn h_shows_and_hides_the_histogram() {
    let mut app = app();
    assert!(!app.histogram.shown);
    draw(&mut app, 120, 40);
    assert_eq!(app.areas.histogram, None);
    key(&mut app, KeyCode::Char('h'));
    assert!(app.histogram.shown);
    draw(&mut app, 120, 40);
    assert!(app.areas.histogram.is_some());
    key(&mut app, KeyCode::Char('h'));
    draw(&mut app, 120, 40);
    assert_eq!(app.areas.histogram, None);
}

#[test]
fn arrows_step_the_timeline_from_bucket_to_bucket() {
    let mut app = app();
    key(&mut app, KeyCode::Char('h'));
    draw(&mut app, 120, 40);
    assert_eq!(app.histogram.unit, Unit::Year);
    let year = |app: &evex::app::App| app.store.events[app.selected_event().unwrap()].when.year();
    assert_eq!(year(&app), 1998);
    key(&mut app, KeyCode::Right);
    assert_eq!(year(&app), 2005);
    key(&mut app, KeyCode::Right);
    assert_eq!(year(&app), 2010);
    // The first event of 2010, not the one after the 2005 event.
    assert_eq!(
        app.timeline.selected,
        app.matches
            .events
            .iter()
            .position(|&e| app.store.events[e].when.year() == 2010)
            .unwrap()
    );
    key(&mut app, KeyCode::Left);
    assert_eq!(year(&app), 2005);
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Left);
    assert_eq!(year(&app), 1998);
    assert_eq!(app.status.as_deref(), Some("no earlier year with events"));
}

#[test]
fn z_and_shift_z_zoom_through_the_units() {
    let mut app = app();
    key(&mut app, KeyCode::Char('z'));
    assert!(app.histogram.shown, "z shows the histogram");
    draw(&mut app, 120, 40);
    assert_eq!(app.histogram.unit, Unit::Month);
    key(&mut app, KeyCode::Char('z'));
    draw(&mut app, 120, 40);
    assert_eq!(app.histogram.unit, Unit::Day);
    key(&mut app, KeyCode::Char('z'));
    assert_eq!(
        app.status.as_deref(),
        Some("the histogram is already by day; Z zooms out")
    );
    typed(&mut app, "ZZZ");
    draw(&mut app, 120, 40);
    assert_eq!(app.histogram.unit, Unit::Decade);
    // Months: the arrows step by month.
    key(&mut app, KeyCode::Char('z'));
    key(&mut app, KeyCode::Char('z'));
    draw(&mut app, 120, 40);
    let month = |app: &evex::app::App, p: usize| {
        Unit::Month.index(app.store.events[app.matches.events[p]].when.first_day())
    };
    let before = month(&app, app.timeline.selected);
    key(&mut app, KeyCode::Right);
    let at = app.timeline.selected;
    // The first event of the next month with events.
    assert!(month(&app, at) > before);
    assert!(month(&app, at - 1) <= before);
}

#[test]
fn the_counts_follow_the_search_and_the_actors() {
    let mut app = app();
    let total = |app: &evex::app::App| {
        app.matches
            .counts
            .buckets(Unit::Year)
            .iter()
            .map(|b| b.total() as usize)
            .sum::<usize>()
    };
    assert_eq!(total(&app), app.store.events.len());
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "lukashenko");
    key(&mut app, KeyCode::Enter);
    assert!(app.matches.events.len() < app.store.events.len());
    assert_eq!(total(&app), app.matches.events.len());
    key(&mut app, KeyCode::Char('h'));
    key(&mut app, KeyCode::Char('y'));
    typed(&mut app, "2010");
    key(&mut app, KeyCode::Enter);
    let screen = format!("{:?}", draw(&mut app, 120, 40).backend());
    let year = app.store.events[app.selected_event().unwrap()].when.year();
    let in_year = |events: &[usize]| {
        events
            .iter()
            .filter(|&&e| app.store.events[e].when.year() == year)
            .count()
    };
    let matching = in_year(&app.matches.events);
    assert!(matching < in_year(&(0..app.store.events.len()).collect::<Vec<_>>()));
    let title = format!("per year · {year}: {matching} ");
    assert!(screen.contains(&title), "{title} in {screen}");
}

#[test]
fn o_sorts_the_actors_by_name_and_back_keeping_the_cursor() {
    let mut app = app();
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Char('j'));
    let under = app.sidebar_actor();
    let by_count = app.sidebar.rows.clone();
    key(&mut app, KeyCode::Char('o'));
    let names: Vec<&str> = app
        .sidebar
        .rows
        .iter()
        .map(|&a| app.store.actors[a].name.as_str())
        .collect();
    assert!(names.is_sorted(), "{names:?}");
    assert_eq!(app.sidebar_actor(), under);
    let screen = format!("{:?}", draw(&mut app, 120, 40).backend());
    assert!(screen.contains("Actors · match any · a–z"), "{screen}");
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(app.sidebar.rows, by_count);
}

#[test]
fn r_puts_the_newest_events_first_and_down_goes_back_in_time() {
    let mut app = app();
    let last = app.matches.events.len() - 1;
    key(&mut app, KeyCode::Char('O'));
    assert!(app.timeline.newest_first);
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(
        app.timeline.selected, last,
        "g: the top row, the newest event"
    );
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.timeline.selected, last - 1);
    let screen = draw(&mut app, 120, 40).backend().to_string();
    let first_heading = screen
        .lines()
        .find(|l| l.contains("── 20") || l.contains("── 19"))
        .unwrap();
    assert!(first_heading.contains("── 2015"), "{first_heading}");
    assert!(screen.contains("Timeline · newest first"));
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(app.timeline.selected, 0);
    key(&mut app, KeyCode::Char('O'));
    key(&mut app, KeyCode::Char('g'));
    assert_eq!(app.timeline.selected, 0);
}

#[test]
fn the_first_label_gives_way_to_the_mark_beside_it() {
    use evex::histogram::{Counts, Dates};
    use evex::ui::histogram::{Histogram, HistogramState};
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::{Block, StatefulWidget};

    let mut store = evex::store::Store::bundled();
    store.events.to_mut().truncate(3);
    for (event, year) in store.events.to_mut().iter_mut().zip([2000, 2001, 2079]) {
        event.when = evex::date::When::on(evex::date::PartialDate::year(year));
    }
    let counts = Counts::new(&Dates::new(&store), &[0, 1, 2]);
    let area = Rect::new(0, 0, 82, 5);
    let mut buf = Buffer::empty(area);
    let widget = Histogram {
        counts: &counts,
        selected: Some(store.events[1].when.first_day()),
        marks: &[],
        block: Block::bordered(),
        theme: &evex::theme::MONO,
    };
    widget.render(area, &mut buf, &mut HistogramState::default());
    let axis: String = (0..82).map(|x| buf[(x, 3)].symbol().to_owned()).collect();
    assert_eq!(
        axis.trim_end_matches('│').trim(),
        "│ ▲2001                                                                      2079"
    );
}

/// The year of the selected event, and its row on the screen's timeline.
fn year_and_row(app: &evex::app::App) -> (i32, usize) {
    let year = app.store.events[app.selected_event().unwrap()].when.year();
    let row = app
        .timeline
        .rows
        .iter()
        .position(|r| *r == evex::ui::timeline::Row::Event(app.timeline.selected))
        .unwrap();
    (year, row)
}

#[test]
fn newest_first_brackets_go_up_and_down_the_screen_as_k_and_j_do() {
    let mut app = app();
    key(&mut app, KeyCode::Char('O'));
    key(&mut app, KeyCode::Char('g'));
    let (top_year, top_row) = year_and_row(&app);
    assert_eq!(top_year, 2015);
    // `]` goes down: to the year below, 2014, at the top row of its block (its latest event).
    key(&mut app, KeyCode::Char(']'));
    let (year, row) = year_and_row(&app);
    assert_eq!(year, 2014);
    assert!(row > top_row);
    assert_eq!(
        app.timeline.rows[row - 1],
        evex::ui::timeline::Row::Year(2014),
        "the first row under the heading"
    );
    let latest_of_2014 = app
        .matches
        .events
        .iter()
        .rposition(|&e| app.store.events[e].when.year() == 2014)
        .unwrap();
    assert_eq!(app.timeline.selected, latest_of_2014);
    key(&mut app, KeyCode::Char(']'));
    assert!(year_and_row(&app).0 < 2014);
    // `[` comes back up, block by block, to the top.
    key(&mut app, KeyCode::Char('['));
    assert_eq!(year_and_row(&app), (2014, row));
    key(&mut app, KeyCode::Char('['));
    assert_eq!(year_and_row(&app), (2015, top_row));
    key(&mut app, KeyCode::Char('['));
    assert_eq!(app.status.as_deref(), Some("no later year with events"));
    // At the bottom, `]` has nowhere to go.
    key(&mut app, KeyCode::Char('G'));
    key(&mut app, KeyCode::Char(']'));
    assert_eq!(app.status.as_deref(), Some("no earlier year with events"));
}

#[test]
fn oldest_first_brackets_still_go_to_the_first_event_of_the_next_year() {
    let mut app = app();
    assert_eq!(year_and_row(&app).0, 1998);
    key(&mut app, KeyCode::Char(']'));
    assert_eq!(year_and_row(&app).0, 2005);
    key(&mut app, KeyCode::Char(']'));
    let first_of_2010 = app
        .matches
        .events
        .iter()
        .position(|&e| app.store.events[e].when.year() == 2010)
        .unwrap();
    assert_eq!(app.timeline.selected, first_of_2010);
    key(&mut app, KeyCode::Char('['));
    key(&mut app, KeyCode::Char('['));
    assert_eq!(year_and_row(&app).0, 1998);
    key(&mut app, KeyCode::Char('['));
    assert_eq!(app.status.as_deref(), Some("no earlier year with events"));
}
