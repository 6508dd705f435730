//! Any bytes as a store file: loading and validation never panic, and every problem is placed
//! inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(error) = evex::store::parse(text) {
        let lines = text.lines().count().max(1);
        let table = evex::store::Lines::new(text);
        for d in error.diagnostics() {
            if let Some(p) = d.position {
                assert!(p.line >= 1 && p.line <= lines + 1, "line {} outside {} lines", p.line, lines);
            }
            let _ = d.in_file("fuzz.ron", &table).to_string();
        }
    }
});
