//! Readability over the rendered cells: no visible character is ever drawn in its own
//! background colour, in any pane (the sidebar's sparklines too), focus state, size or
//! theme, and selected rows stay distinguishable without colour.

mod common;

use common::{draw, key, typed};
use evex::app::App;
use evex::store::Store;
use evex::theme::{COLOR, MONO, Theme};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 7] = [
    (200, 60),
    (120, 40),
    (100, 30),
    (80, 24),
    (60, 20),
    (40, 12),
    (20, 6),
];

/// The states a person passes through: each focus, a search with highlights, a selected
/// actor, the sidebar over the timeline, an open prompt and the help.
fn states(theme: Theme) -> Vec<(&'static str, App)> {
    let fresh = || App::new(Store::bundled(), theme);
    let mut out = Vec::new();
    out.push(("start", fresh()));
    for tabs in 1..=3 {
        let mut app = fresh();
        (0..tabs).for_each(|_| key(&mut app, KeyCode::Tab));
        out.push(("tabbed", app));
    }
    let mut app = fresh();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "minsk");
    out.push(("typing", app));
    let mut app = fresh();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "minsk");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('j'));
    out.push(("searched", app));
    let mut app = fresh();
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char('j'));
    out.push(("actor selected", app));
    let mut app = fresh();
    key(&mut app, KeyCode::Char('?'));
    out.push(("help", app));
    let mut app = fresh();
    key(&mut app, KeyCode::Char('h'));
    key(&mut app, KeyCode::Right);
    out.push(("histogram", app));
    let mut app = fresh();
    // By month: the year-precise events are shaded as less precise, and one is marked.
    key(&mut app, KeyCode::Char('Z'));
    key(&mut app, KeyCode::Char('z'));
    key(&mut app, KeyCode::Char('z'));
    out.push(("histogram by month", app));
    let mut app = fresh();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "ambassador");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('p'));
    out.push(("quote in context", app));
    let mut app = fresh();
    key(&mut app, KeyCode::Char('w'));
    out.push(("with whom", app));
    // Find mode: matches marked on every row, the selection on one of them and then not.
    let mut app = fresh();
    key(&mut app, KeyCode::Char('f'));
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "bakiyev");
    key(&mut app, KeyCode::Enter);
    out.push(("finding, on a match", app));
    let mut app = fresh();
    key(&mut app, KeyCode::Char('f'));
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "bakiyev");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('k'));
    key(&mut app, KeyCode::Tab);
    out.push(("finding, between matches, unfocused", app));
    out
}

/// The colours a cell is seen in, after reverse video.
fn seen(cell: &ratatui::buffer::Cell) -> (Color, Color) {
    if cell.modifier.contains(Modifier::REVERSED) {
        (cell.bg, cell.fg)
    } else {
        (cell.fg, cell.bg)
    }
}

fn invisible(buffer: &Buffer) -> Vec<(u16, u16, String)> {
    let area = buffer.area;
    let mut bad = Vec::new();
    for y in 0..area.height {
        for x in 0..area.width {
            let cell = &buffer[(x, y)];
            let (fg, bg) = seen(cell);
            if !cell.symbol().trim().is_empty() && fg == bg && fg != Color::Reset {
                bad.push((x, y, cell.symbol().to_owned()));
            }
        }
    }
    bad
}

#[test]
fn no_text_is_drawn_in_its_own_background_colour() {
    let mut failures = Vec::new();
    for (theme_name, theme) in [("colour", COLOR), ("NO_COLOR", MONO)] {
        for (state, mut app) in states(theme) {
            for (w, h) in SIZES {
                // Drawn twice, with what the first frame asked for in between: the sidebar's
                // sparklines (wide terminals, the sidebar over the timeline), also on the
                // selected row.
                draw(&mut app, w, h);
                app.receive();
                let terminal = draw(&mut app, w, h);
                let bad = invisible(terminal.backend().buffer());
                if let Some((x, y, symbol)) = bad.first() {
                    failures.push(format!(
                        "{theme_name} {w}x{h} {state}: {} invisible, first {symbol:?} at {x},{y}",
                        bad.len()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn without_colour_the_selected_row_stands_out() {
    for (w, h) in SIZES {
        let mut app = App::new(Store::bundled(), MONO);
        let terminal = draw(&mut app, w, h);
        let buffer = terminal.backend().buffer();
        let Some(area) = app.areas.timeline else {
            continue;
        };
        let marked = (area.top()..area.bottom()).any(|y| {
            (area.left()..area.right()).all(|x| {
                let m = buffer[(x, y)].modifier;
                m.intersects(Modifier::REVERSED | Modifier::UNDERLINED)
            })
        });
        assert!(marked, "{w}x{h}: no row is marked as selected");
    }
}

#[test]
fn the_find_marker_stands_out_on_the_selected_row() {
    for (name, theme) in [("colour", COLOR), ("NO_COLOR", MONO)] {
        for focused in [true, false] {
            let mut app = App::new(Store::bundled(), theme);
            key(&mut app, KeyCode::Char('f'));
            key(&mut app, KeyCode::Char('/'));
            typed(&mut app, "bakiyev");
            key(&mut app, KeyCode::Enter);
            if !focused {
                key(&mut app, KeyCode::Tab);
            }
            let terminal = draw(&mut app, 120, 40);
            let buffer = terminal.backend().buffer();
            let area = app.areas.timeline.unwrap();
            let selection = theme.selection(focused);
            let row = (area.top()..area.bottom())
                .find(|&y| {
                    buffer[(area.left() + 3, y)].bg == selection.bg.unwrap_or_default()
                        && buffer[(area.left() + 3, y)]
                            .modifier
                            .contains(selection.add_modifier)
                })
                .unwrap_or_else(|| panic!("{name}: no selected row"));
            let marker = &buffer[(area.left(), row)];
            assert_eq!(marker.symbol(), "▸", "{name}: the selected match is marked");
            // Without colour the glyph itself is the mark, in the row's own reverse video.
            let (fg, bg) = seen(marker);
            assert!(
                fg != bg || fg == Color::Reset,
                "{name} focused={focused}: the marker is readable"
            );
            if theme == COLOR {
                assert_ne!(
                    marker.bg,
                    selection.bg.unwrap(),
                    "{name}: the marker keeps a colour of its own on the selected row"
                );
            }
            // Rows that do not match have no marker.
            let unmarked = (area.top()..area.bottom())
                .filter(|&y| buffer[(area.left() + 2, y)].symbol() != "─")
                .any(|y| buffer[(area.left(), y)].symbol() == " ");
            assert!(unmarked, "{name}: some rows are not matches");
        }
    }
}
