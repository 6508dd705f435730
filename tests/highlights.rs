//! Every match the query made is highlighted wherever the matched text is shown: titles in the
//! timeline, the event pane, and the names of the actors an `@` term found, in the sidebar,
//! the timeline's actors column and the event pane.

mod common;

use common::{draw, key, typed};
use evex::app::App;
use evex::store::Store;
use evex::theme::COLOR;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;

fn searched(query: &str) -> App {
    let mut app = App::new(Store::bundled(), COLOR);
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, query);
    key(&mut app, KeyCode::Enter);
    app
}

/// The highlighted text of each row inside `area`, joined.
fn marked(buffer: &Buffer, area: ratatui::layout::Rect) -> Vec<String> {
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .filter(|&x| buffer[(x, y)].bg == COLOR.highlight.bg.unwrap())
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .filter(|row| !row.trim().is_empty())
        .collect()
}

#[test]
fn words_are_highlighted_in_timeline_rows() {
    let mut app = searched("minsk");
    let terminal = draw(&mut app, 200, 60);
    let rows = marked(terminal.backend().buffer(), app.areas.timeline.unwrap());
    assert!(!rows.is_empty(), "no timeline row highlights “minsk”");
    assert!(
        rows.iter().all(|r| r.eq_ignore_ascii_case("minsk")),
        "{rows:?}"
    );
}

#[test]
fn actors_found_by_at_are_highlighted_in_every_pane() {
    let mut app = searched("@bakiev");
    let terminal = draw(&mut app, 200, 60);
    let buffer = terminal.backend().buffer();
    let sidebar = marked(buffer, app.areas.sidebar.unwrap()).join("|");
    assert!(sidebar.contains("Kurmanbek Bakiyev"), "{sidebar}");
    assert!(sidebar.contains("Janysh Bakiyev"), "{sidebar}");
    let timeline = marked(buffer, app.areas.timeline.unwrap()).join("|");
    assert!(timeline.contains("K. Bakiyev"), "{timeline}");
    let detail = marked(buffer, app.areas.detail.unwrap()).join("|");
    assert!(detail.contains("Kurmanbek Bakiyev"), "{detail}");
}
