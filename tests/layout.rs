//! What each size of terminal shows: the count in the header, whole hints in the footer,
//! events at the smallest size, actors that can be told apart, dates whole where there is
//! room, and a date the text only bounds.

mod common;

use std::collections::HashSet;

use common::{app, draw, key};
use evex::app::App;
use evex::keymap::{self, Mode};
use evex::store;
use evex::theme::MONO;
use ratatui::crossterm::event::KeyCode;

const WIDTHS: [u16; 9] = [200, 160, 120, 100, 80, 60, 40, 30, 20];

fn lines(app: &mut App, w: u16, h: u16) -> Vec<String> {
    let text = draw(app, w, h).backend().to_string();
    text.lines()
        .map(|l| l.trim_matches('"').to_owned())
        .collect()
}

#[test]
fn the_match_count_shows_at_every_width() {
    for w in WIDTHS {
        let mut app = app();
        key(&mut app, KeyCode::Char('/'));
        common::typed(&mut app, "bakiyev minsk");
        key(&mut app, KeyCode::Enter);
        let count = format!("{}/{}", app.matches.events.len(), app.store.events.len());
        let header = &lines(&mut app, w, 12)[0];
        assert!(header.contains(&count), "{w}: {header:?}");
        if header.contains("search") && !header.contains("“bakiyev minsk”") {
            assert!(
                header.trim_end().ends_with('…'),
                "{w}: cut without …: {header:?}"
            );
        }
    }
}

#[test]
fn footer_hints_are_whole_or_absent() {
    let all: Vec<String> = keymap::Keymap::default()
        .bindings()
        .iter()
        .map(|b| format!("{} {}", keymap::labels(b), b.help))
        .collect();
    for w in WIDTHS {
        for tabs in 0..3 {
            let mut app = app();
            (0..tabs).for_each(|_| key(&mut app, KeyCode::Tab));
            let footer = lines(&mut app, w, 12).pop().unwrap();
            for hint in footer.split("  ").map(str::trim).filter(|h| !h.is_empty()) {
                assert!(
                    all.iter().any(|a| a == hint),
                    "{w}: cut hint {hint:?} in {footer:?}"
                );
            }
        }
    }
}

#[test]
fn the_smallest_size_shows_events() {
    let mut app = app();
    let screen = lines(&mut app, 20, 6);
    let first = &app.store.events[0];
    assert!(
        screen.iter().any(|l| l.contains(&first.when.short())),
        "{screen:#?}"
    );
}

#[test]
fn no_two_actor_rows_read_the_same() {
    for w in WIDTHS {
        let mut app = app();
        key(&mut app, KeyCode::Char('s'));
        let screen = lines(&mut app, w, 40);
        let Some(area) = app.areas.sidebar else {
            continue;
        };
        let rows: Vec<String> = screen[usize::from(area.y)..usize::from(area.bottom())]
            .iter()
            .map(|l| {
                let row: String = l
                    .chars()
                    .skip(usize::from(area.x))
                    .take(usize::from(area.width))
                    .collect();
                // The name, without the count at the end of the row.
                row.trim_end_matches(|c: char| c.is_ascii_digit() || " │▲▼█║".contains(c))
                    .to_owned()
            })
            .filter(|r| !r.trim().is_empty())
            .collect();
        let distinct: HashSet<&String> = rows.iter().collect();
        assert_eq!(distinct.len(), rows.len(), "{w}: {rows:#?}");
    }
}

#[test]
fn span_dates_are_whole_where_there_is_room_and_keep_their_end_elsewhere() {
    for w in WIDTHS {
        let mut app = app();
        let screen = lines(&mut app, w, 60).join("\n");
        assert!(
            !screen.contains("–…"),
            "{w}: a span cut to nothing:\n{screen}"
        );
        if w >= 160 {
            let span = app
                .store
                .events
                .iter()
                .find(|e| e.when.end.is_some())
                .unwrap();
            assert!(
                screen.contains(&span.when.short()),
                "{w}: {}",
                span.when.short()
            );
        }
    }
}

#[test]
fn a_bounded_date_reads_honestly_in_the_timeline_and_the_event() {
    let text = std::fs::read_to_string("tests/fixtures/valid/bounded.ron").unwrap();
    let mut app = App::new(store::parse(&text).unwrap().store, MONO);
    (0..3).for_each(|_| key(&mut app, KeyCode::Char('j')));
    assert_eq!(app.mode, Mode::Browse);
    insta::assert_snapshot!(draw(&mut app, 120, 16).backend());
}
