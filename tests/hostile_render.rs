//! Hostile stores in the explorer: every laid-out field can be huge, text can be any script,
//! and the screen stays whole: borders unbroken, the count in view.

mod common;

use common::{draw, key};
use evex::app::App;
use evex::store;
use evex::theme::MONO;
use ratatui::crossterm::event::KeyCode;

fn tiny_with(replacements: &[(&str, &str)]) -> App {
    let mut text = std::fs::read_to_string("tests/fixtures/valid/tiny.ron").unwrap();
    for (from, to) in replacements {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    App::new(store::parse(&text).unwrap().store, MONO)
}

/// Ten megabytes in every field the explorer lays out (place, tag, actor name, short name,
/// alias and role, source title, publisher, author and URL, store title). Before each field was
/// bounded this took seconds a frame; it now draws these frames at once.
#[test]
fn ten_megabyte_fields_in_every_pane_draw_like_small_ones() {
    let huge = "x".repeat(10_000_000);
    let huge = huge.as_str();
    let mut app = tiny_with(&[
        ("title: \"Tiny\"", &format!("title: \"{huge}\"")),
        ("\"The Capital\"", &format!("\"{huge}\"")),
        (
            "\"meeting\", \"deputy\"",
            &format!("\"{huge}\", \"deputy\""),
        ),
        ("name: \"The Minister\"", &format!("name: \"{huge}\"")),
        ("short: \"Minister\"", &format!("short: \"{huge}\"")),
        ("role: \"Foreign Minister\"", &format!("role: \"{huge}\"")),
        ("title: \"An Article\"", &format!("title: \"{huge}\"")),
        (
            "publisher: \"The Paper\"",
            &format!("publisher: \"{huge}\""),
        ),
        ("author: \"A. Writer\"", &format!("author: \"{huge}\"")),
        (
            "url: \"https://example.org/article\"",
            &format!("url: \"{huge}\""),
        ),
    ]);
    for (w, h) in [(200, 60), (120, 40), (80, 24), (40, 12), (20, 6)] {
        for code in [
            KeyCode::Tab,
            KeyCode::Char('j'),
            KeyCode::PageDown,
            KeyCode::Tab,
        ] {
            key(&mut app, code);
            let screen = draw(&mut app, w, h).backend().to_string();
            assert!(
                screen.contains("1/1"),
                "{w}x{h}: the count gives way to nothing"
            );
        }
    }
}

#[test]
fn wide_characters_never_break_the_event_pane_border() {
    let title = "中华人民共和国外交部发言人表示双方将继续推进合作，吉尔吉斯斯坦与白俄罗斯关系持续改善，两国将举行会谈";
    let mut app = tiny_with(&[("The minister meets the deputy", title)]);
    for (w, h) in [(120, 40), (80, 24), (200, 60), (60, 20)] {
        let terminal = draw(&mut app, w, h);
        let Some(area) = app.areas.detail else {
            continue;
        };
        let buffer = terminal.backend().buffer();
        let border = area.right();
        for y in area.top()..area.bottom() {
            let symbol = buffer[(border, y)].symbol();
            assert!(
                ["│", "▲", "▼", "█", "║"].contains(&symbol),
                "{w}x{h}: row {y} overruns the border with {symbol:?}"
            );
        }
    }
}

#[test]
fn combining_marks_and_syllables_stay_whole_in_the_sidebar() {
    for name in ["กินข้าว", "नमस्ते", "Pe\u{301}ter Spa\u{308}rck", "한국어"]
    {
        let mut app = tiny_with(&[("name: \"The Minister\"", &format!("name: \"{name}\""))]);
        let screen = draw(&mut app, 120, 40).backend().to_string();
        assert!(screen.contains(name), "{name} lost marks:\n{screen}");
    }
}
