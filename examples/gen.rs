//! Writes a realistic synthetic event store, for benchmarks and for trying evex at scale:
//!
//! ```text
//! cargo run --release --example gen -- 1000000 --seed 7 > big.ron
//! cargo run --release --example gen -- 1000000 --format acled > big-acled.csv
//! ```
//!
//! `--format acled|gdelt|csv` writes the same events as an ACLED export, a GDELT 2.0 event
//! file or a plain CSV table.

use std::io::{self, BufWriter, Write};

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

#[path = "../benches/support/datasets.rs"]
mod datasets;

const USAGE: &str = "usage: gen N [--seed S] [--format ron|acled|gdelt|csv] > FILE";

fn main() {
    let mut args = std::env::args().skip(1);
    let n = args.next().and_then(|n| n.parse::<usize>().ok());
    let (mut seed, mut shape, mut ok) = (Some(1), None, n.is_some());
    while let Some(flag) = args.next() {
        let value = args.next();
        match (flag.as_str(), value.as_deref()) {
            ("--seed", Some(s)) => seed = s.parse().ok(),
            ("--format", Some("ron")) => shape = None,
            ("--format", Some(f)) => {
                shape = datasets::Shape::from_name(f);
                ok &= shape.is_some();
            }
            _ => ok = false,
        }
    }
    let (Some(n), Some(seed), true) = (n, seed, ok) else {
        eprintln!("{USAGE}");
        std::process::exit(2);
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
    let written = match shape {
        None => synthetic::write_store(&mut out, n, seed),
        Some(shape) => datasets::write(&mut out, shape, n, seed),
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            eprintln!("gen: {e}");
            std::process::exit(1);
        }
    }
}
