//! What a person sees of an imported event in the explorer: the dataset's category as
//! "Type", its notes under a heading that says they are not a quote, every other column, and
//! a search that finds an event by a kept column's value.

mod common;

use std::fs::File;
use std::io::BufReader;

use common::{draw, key, typed};
use evex::app::App;
use evex::store::formats;
use evex::theme::MONO;
use ratatui::crossterm::event::KeyCode;

fn acled() -> App {
    let path = "tests/fixtures/formats/acled.csv";
    let file = BufReader::new(File::open(path).unwrap());
    let imported = formats::read(file, path, &formats::Options::default()).unwrap();
    App::new(imported.store, MONO)
}

fn screen_at(app: &mut App, width: u16, height: u16) -> String {
    let terminal = draw(app, width, height);
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn screen(app: &mut App) -> String {
    screen_at(app, 200, 60)
}

#[test]
fn a_narrow_event_pane_still_says_notes_are_not_a_quote() {
    let mut app = acled();
    let screen = screen_at(&mut app, 120, 40);
    assert!(screen.contains("not a quote"), "{screen}");
}

#[test]
fn an_acled_event_shows_its_type_notes_and_other_columns() {
    let mut app = acled();
    let screen = screen(&mut app);
    assert!(
        screen.contains("Type   Violence against civilians: Attack"),
        "{screen}"
    );
    assert!(
        screen.contains("── Notes (the dataset's summary, not a quote) ──"),
        "{screen}"
    );
    assert!(
        !screen.contains("── Source quote ──"),
        "no quote, no quote heading"
    );
    assert!(screen.contains("── Other columns ──"), "{screen}");
    assert!(screen.contains("fatalities: 2"), "{screen}");
    assert!(
        screen.contains("Source acled.csv "),
        "the file names itself once: {screen}"
    );
}

#[test]
fn a_search_finds_an_event_by_a_kept_column_and_by_its_category() {
    let mut app = acled();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "Kharkivskyi");
    key(&mut app, KeyCode::Enter);
    let screen_text = screen(&mut app);
    assert!(screen_text.contains("1/4"), "{screen_text}");
    assert!(screen_text.contains("admin2: Kharkivskyi"), "{screen_text}");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "\"Armed clash\"");
    key(&mut app, KeyCode::Enter);
    assert!(screen(&mut app).contains("1/4"));
}
