//! Writes a realistic synthetic event store, for benchmarks and for trying evex at scale:
//!
//! ```text
//! cargo run --release --example gen -- 1000000 --seed 7 > big.ron
//! ```

use std::io::{self, BufWriter, Write};

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

const USAGE: &str = "usage: gen N [--seed S] > store.ron";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (n, seed) = match args.as_slice() {
        [n] => (n.parse().ok(), Some(1)),
        [n, flag, seed] if flag == "--seed" => (n.parse().ok(), seed.parse().ok()),
        _ => (None, None),
    };
    let (Some(n), Some(seed)) = (n, seed) else {
        eprintln!("{USAGE}");
        std::process::exit(2);
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
    match synthetic::write_store(&mut out, n, seed).and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            eprintln!("gen: {e}");
            std::process::exit(1);
        }
    }
}
