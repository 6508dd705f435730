//! One full frame of the explorer at 200x50 on 1M synthetic events, and the bundled store
//! from its text to the first frame.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use evex::app::App;
use evex::searcher::Searcher;
use evex::store::{self, BUNDLED, Warnings};
use evex::theme::COLOR;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "support/synthetic.rs"]
mod synthetic;

/// The allocator the binary uses, so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn render(c: &mut Criterion) {
    let store = store::parse(&synthetic::store_text(1_000_000, 7))
        .unwrap()
        .store;
    let mut app = App::new(store, COLOR);
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    c.bench_function("frame 200x50 at 1M", |b| {
        b.iter(|| {
            terminal
                .draw(|frame| evex::ui::draw(frame, &mut app))
                .unwrap();
            black_box(terminal.backend());
        })
    });
}

/// The bundled store from its text to the first frame at 120x40, as `evex` opens it: parse,
/// check, lay out (the index is built on the search thread behind the first frame).
fn bundled_first_frame(c: &mut Criterion) {
    c.bench_function("bundled store to first frame", |b| {
        b.iter(|| {
            let store = Arc::new(store::parse_with(BUNDLED, Warnings::Counted).unwrap().store);
            let mut app = App::with_searcher(store, Searcher::inline(Arc::default()), COLOR);
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
            terminal
                .draw(|frame| evex::ui::draw(frame, &mut app))
                .unwrap();
            black_box(terminal.backend().buffer().area);
        })
    });
}

criterion_group!(benches, render, bundled_first_frame);
criterion_main!(benches);
