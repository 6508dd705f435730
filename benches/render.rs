//! One full frame of the explorer at 200x50 on 1M synthetic events.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use evex::app::App;
use evex::store;
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

criterion_group!(benches, render);
criterion_main!(benches);
