//! What the explorer draws, as text, at the sizes people use, and that it draws at any size.

mod common;

use common::{app, draw, key, typed};
use ratatui::crossterm::event::KeyCode;

#[test]
fn wide_terminal_shows_sidebar_timeline_and_detail() {
    let mut app = app();
    insta::assert_snapshot!(draw(&mut app, 120, 40).backend());
}

#[test]
fn wide_terminal_after_searching_and_selecting_an_actor() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "bakiyev");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('j'));
    insta::assert_snapshot!(draw(&mut app, 120, 40).backend());
}

#[test]
fn medium_terminal_puts_the_detail_under_the_timeline() {
    let mut app = app();
    key(&mut app, KeyCode::Char('y'));
    typed(&mut app, "2015");
    key(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn small_terminal_hides_the_sidebar() {
    let mut app = app();
    insta::assert_snapshot!(draw(&mut app, 40, 12).backend());
    key(&mut app, KeyCode::Char('s'));
    insta::assert_snapshot!(
        "small_with_sidebar_overlay",
        draw(&mut app, 40, 12).backend()
    );
}

#[test]
fn help_overlay_lists_every_binding() {
    let mut app = app();
    key(&mut app, KeyCode::Char('?'));
    // Tall enough for most of it; the rest is on the pages the help scrolls through.
    let text = draw(&mut app, 120, 60).backend().to_string();
    let mut pages = text.clone();
    while app.help.scroll < app.help.max_scroll {
        key(&mut app, KeyCode::PageDown);
        pages += &draw(&mut app, 120, 60).backend().to_string();
    }
    for binding in evex::keymap::Keymap::default().bindings() {
        assert!(pages.contains(binding.help), "help lacks {}", binding.help);
    }
    insta::assert_snapshot!(text);
}

#[test]
fn prompt_shows_in_the_footer() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "@lukash 2010");
    let text = draw(&mut app, 120, 40).backend().to_string();
    let footer = text.lines().nth(39).unwrap();
    assert!(
        footer.starts_with("\"/@lukash 2010    Enter keep  Esc cancel"),
        "{footer}"
    );
    assert!(
        text.contains("3/60 events"),
        "Lukashenko in 2010, spans included"
    );
}

#[test]
fn too_small_says_so() {
    let mut app = app();
    let text = draw(&mut app, 19, 6).backend().to_string();
    assert!(text.contains("terminal too"), "{text}");
}

#[test]
fn every_size_up_to_30x10_renders_without_panic() {
    let mut app = app();
    for width in 1..=30 {
        for height in 1..=10 {
            draw(&mut app, width, height);
        }
    }
}

/// A small deterministic generator, so a failing case can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(self.0 >> 33).unwrap() % below
    }
}

#[test]
fn a_grid_of_sizes_up_to_300x100_with_random_keys_never_panics() {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    let keys = [
        KeyCode::Char('/'),
        KeyCode::Char('a'),
        KeyCode::Char('@'),
        KeyCode::Char('2'),
        KeyCode::Char('0'),
        KeyCode::Char('1'),
        KeyCode::Char('.'),
        KeyCode::Char('"'),
        KeyCode::Char(' '),
        KeyCode::Char('j'),
        KeyCode::Char('k'),
        KeyCode::Char('G'),
        KeyCode::Char('g'),
        KeyCode::Char('y'),
        KeyCode::Char('['),
        KeyCode::Char(']'),
        KeyCode::Char('m'),
        KeyCode::Char('s'),
        KeyCode::Char('?'),
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::PageDown,
        KeyCode::PageUp,
        KeyCode::Backspace,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Up,
        KeyCode::Down,
    ];
    let mut rng = Lcg(42);
    let mut app = app();
    for width in (1..=300).step_by(23).chain([300]) {
        for height in (1..=100).step_by(13).chain([100]) {
            for _ in 0..2 {
                let code = keys[rng.next(keys.len())];
                app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
                let (column, row) = (
                    u16::try_from(rng.next(usize::from(width))).unwrap(),
                    u16::try_from(rng.next(usize::from(height))).unwrap(),
                );
                app.update(evex::action::Action::Click { column, row });
                app.update(evex::action::Action::Scroll {
                    column,
                    row,
                    down: rng.next(2) == 0,
                });
                assert!(!app.should_quit);
                draw(&mut app, width, height);
            }
        }
    }
}

#[test]
fn huge_fields_render_at_every_size() {
    let tiny = std::fs::read_to_string("tests/fixtures/valid/tiny.ron").unwrap();
    let long = "Long ".repeat(200_000);
    let actors: String = (0..2_000)
        .map(|i| {
            format!(
                "        Actor(id: \"a{i}\", name: \"Actor {i}\", role: \"Role\", kind: Group),\n"
            )
        })
        .collect();
    let ids: Vec<String> = (0..2_000).map(|i| format!("\"a{i}\"")).collect();
    let text = tiny
        .replace("The minister meets the deputy", &long)
        .replace("    actors: [\n", &format!("    actors: [\n{actors}"))
        .replace(
            "actors: [\"minister\"]",
            &format!("actors: [\"minister\", {}]", ids.join(", ")),
        );
    let store = evex::store::parse(&text).unwrap().store;
    let mut app = evex::app::App::new(store, evex::theme::MONO);
    for (width, height) in [(1, 1), (20, 6), (40, 12), (80, 24), (120, 40), (300, 100)] {
        draw(&mut app, width, height);
        key(&mut app, KeyCode::Tab);
        key(&mut app, KeyCode::PageDown);
        draw(&mut app, width, height);
    }
    let mut app = evex::app::App::new(evex::store::Store::clone(&app.store), evex::theme::MONO);
    draw(&mut app, 120, 40);
    key(&mut app, KeyCode::Enter);
    for _ in 0..300 {
        key(&mut app, KeyCode::PageDown);
    }
    let screen = draw(&mut app, 120, 40).backend().to_string();
    assert!(
        screen.contains("… and 1951 more"),
        "the end of the event is reachable:\n{screen}"
    );
    assert!(screen.contains("── Source quote ──"), "{screen}");
}

#[test]
fn the_header_says_when_a_search_or_the_index_is_slow() {
    let header = |app: &mut evex::app::App| {
        let terminal = draw(app, 120, 40);
        let buffer = terminal.backend().buffer();
        (0..120)
            .map(|x| buffer[(x, 0)].symbol())
            .collect::<String>()
    };
    let mut app = app();
    assert!(!header(&mut app).contains('…'));
    app.searching = true;
    assert!(header(&mut app).contains("60/60 events · searching…"));
    app.indexing = true;
    assert!(header(&mut app).contains("60/60 events · indexing…"));
}
