//! A realistic synthetic event store, for benchmarks and for trying evex at scale (the `gen`
//! example writes one). About 2,000 actors of every kind with aliases, events from 1900 to 2025 with mixed
//! precision, spans and vague dates, titles and quotes of 40-300 characters drawn from a
//! large vocabulary with a natural (Zipf) spread, and a few sources with full texts that
//! their events quote verbatim. The same N and seed always give the same file.

use std::fmt::Write as _;
use std::io::{self, Write};

/// Common words, so searches for real words find real numbers of events.
const COMMON: &str = "the of and to in a is that for on was with as by at from it an be \
    are has had were this which but not have its after their his they been who new also more \
    two one first over than when into would other year years government president minister \
    talks agreement trade border security election party police court law state foreign \
    ambassador embassy capital visit meeting summit treaty sanctions protest opposition \
    parliament vote war ceasefire troops army military attack crisis oil gas pipeline bank \
    loan debt market tariff export import customs union economic council national republic \
    leader leaders officials spokesman statement report reports interview press agency \
    ministry relations cooperation dispute talks deal signed announced accused denied said \
    called demanded refused recalled expelled arrested released elected resigned ousted \
    fled returned opened closed moved met rejected approved launched ended began";

const SYLLABLES: [&str; 48] = [
    "ba", "ka", "ri", "lo", "mi", "tor", "zan", "bek", "ul", "an", "sha", "ko", "vel", "dra",
    "nik", "os", "tar", "gu", "mer", "li", "sta", "ven", "ob", "ch", "ia", "ru", "bel", "kir",
    "gyz", "min", "sk", "al", "ma", "zh", "en", "ko", "vich", "ova", "ye", "ev", "at", "ir", "do",
    "ne", "pa", "ter", "hol", "im",
];

const KINDS: [&str; 8] = [
    "Diplomacy",
    "Politics",
    "Law",
    "Economy",
    "Crime",
    "Conflict",
    "Statement",
    "Other",
];

struct Gen {
    rng: fastrand::Rng,
    words: Vec<String>,
    /// Cumulative Zipf weights over `words`.
    cumulative: Vec<f64>,
}

impl Gen {
    fn new(seed: u64) -> Self {
        let mut rng = fastrand::Rng::with_seed(seed);
        let mut words: Vec<String> = COMMON.split_whitespace().map(str::to_owned).collect();
        let mut seen: std::collections::HashSet<String> = words.iter().cloned().collect();
        while words.len() < 40_000 {
            let word = made_up_word(&mut rng, 1..5);
            if seen.insert(word.clone()) {
                words.push(word);
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += 1.0 / rank as f64;
                total
            })
            .collect();
        Self {
            rng,
            words,
            cumulative,
        }
    }

    fn word(&mut self) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let target = self.rng.f64() * total;
        let at = self.cumulative.partition_point(|&c| c < target);
        &self.words[at.min(self.words.len() - 1)]
    }

    /// Words up to about `len` characters, capitalised like a sentence.
    fn sentence(&mut self, min: usize, max: usize) -> String {
        let target = self.rng.usize(min..=max);
        let mut out = String::new();
        while out.len() < target {
            if !out.is_empty() {
                out.push(' ');
            }
            let word = self.word().to_owned();
            out.push_str(&word);
        }
        capitalise(&out)
    }
}

fn made_up_word(rng: &mut fastrand::Rng, syllables: std::ops::Range<usize>) -> String {
    (0..rng.usize(syllables))
        .map(|_| SYLLABLES[rng.usize(..SYLLABLES.len())])
        .collect()
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

struct Actor {
    id: String,
    name: String,
    short: Option<String>,
    kind: &'static str,
    aliases: Vec<String>,
}

fn actors(g: &mut Gen, count: usize) -> Vec<Actor> {
    (0..count)
        .map(|i| {
            let root = capitalise(&made_up_word(&mut g.rng, 2..4));
            let (kind, name, short) = match g.rng.usize(..10) {
                0..=5 => {
                    let first = capitalise(&made_up_word(&mut g.rng, 2..4));
                    ("Person", format!("{first} {root}"), Some(root.clone()))
                }
                6 => ("State", root.clone(), None),
                7 => (
                    "Organization",
                    format!("{root} {}", ["Union", "Council", "Bank", "Agency"][i % 4]),
                    None,
                ),
                8 => ("Group", format!("{root} Movement"), None),
                _ => ("Media", format!("{root} News"), None),
            };
            let aliases = (0..g.rng.usize(..3))
                .map(|_| format!("{root}{}", made_up_word(&mut g.rng, 1..2)))
                .collect();
            Actor {
                id: format!("{}-{i}", root.to_lowercase()),
                name,
                short,
                kind,
                aliases,
            }
        })
        .collect()
}

/// A date from 1900 to 2025 as precise as a source might give it, maybe a span.
fn when(rng: &mut fastrand::Rng) -> String {
    let year = rng.i32(1900..=2025);
    let month = rng.u8(1..=12);
    let day = rng.u8(1..=28);
    let date = match rng.usize(..10) {
        0..=1 => format!("{year:04}"),
        2..=4 => format!("{year:04}-{month:02}"),
        _ => format!("{year:04}-{month:02}-{day:02}"),
    };
    let mut out = format!("date: {date:?},");
    if rng.usize(..20) == 0 {
        let end = (year + rng.i32(1..=20)).min(2025).max(year + 1);
        write!(out, " end: \"{end:04}\",").unwrap();
    }
    if rng.usize(..20) == 0 {
        out.push_str(" circa: true,");
    }
    out
}

/// Zipf-like pick of an index below `n`: low indices are chosen far more often.
fn popular(rng: &mut fastrand::Rng, n: usize) -> usize {
    let x = rng.f64();
    ((n as f64).powf(x) - 1.0) as usize % n
}

struct Source {
    id: String,
    text: Option<String>,
    /// Char-boundary-safe sentence starts in `text`, for quotes.
    sentences: Vec<(usize, usize)>,
}

fn sources(g: &mut Gen) -> Vec<Source> {
    (0..8)
        .map(|i| {
            let with_text = i < 3;
            let mut text = String::new();
            let mut sentences = Vec::new();
            if with_text {
                for _ in 0..400 {
                    let start = text.len();
                    text.push_str(&g.sentence(40, 280));
                    text.push('.');
                    sentences.push((start, text.len()));
                    text.push(if g.rng.usize(..6) == 0 { '\n' } else { ' ' });
                }
            }
            Source {
                id: format!("source-{i}"),
                text: with_text.then_some(text),
                sentences,
            }
        })
        .collect()
}

/// Writes a store of `n` events; the same `n` and `seed` always give the same bytes.
pub fn write_store(out: &mut impl Write, n: usize, seed: u64) -> io::Result<()> {
    let mut g = Gen::new(seed);
    let actors = actors(&mut g, 2_000);
    let sources = sources(&mut g);
    let places: Vec<String> = (0..300)
        .map(|_| capitalise(&made_up_word(&mut g.rng, 2..4)))
        .collect();
    let tags: Vec<String> = (0..100).map(|_| g.sentence(4, 14).to_lowercase()).collect();

    writeln!(out, "#![enable(implicit_some)]")?;
    writeln!(
        out,
        "// Synthetic store: {n} events, seed {seed}. Written by `cargo run --example gen`."
    )?;
    writeln!(
        out,
        "Store(\n    title: \"Synthetic events ({n}, seed {seed})\","
    )?;
    writeln!(out, "    sources: [")?;
    for (i, s) in sources.iter().enumerate() {
        write!(
            out,
            "        Source(id: {:?}, title: \"Archive {i}\", publisher: \"Synthetic Press\", published: \"2020\"",
            s.id
        )?;
        if let Some(text) = &s.text {
            write!(out, ", text: {text:?}")?;
        }
        writeln!(out, "),")?;
    }
    writeln!(out, "    ],\n    actors: [")?;
    for a in &actors {
        write!(
            out,
            "        Actor(id: {:?}, name: {:?}, kind: {}",
            a.id, a.name, a.kind
        )?;
        if let Some(short) = &a.short {
            write!(out, ", short: {short:?}")?;
        }
        if !a.aliases.is_empty() {
            write!(out, ", aliases: {:?}", a.aliases)?;
        }
        writeln!(out, "),")?;
    }
    writeln!(out, "    ],\n    events: [")?;
    for i in 0..n {
        write_event(out, &mut g, i, &actors, &sources, &places, &tags)?;
    }
    writeln!(out, "    ],\n)")
}

fn write_event(
    out: &mut impl Write,
    g: &mut Gen,
    i: usize,
    actors: &[Actor],
    sources: &[Source],
    places: &[String],
    tags: &[String],
) -> io::Result<()> {
    let when = when(&mut g.rng);
    let title = g.sentence(40, 120);
    let mut cast: Vec<&str> = (0..g.rng.usize(1..=4))
        .map(|_| actors[popular(&mut g.rng, actors.len())].id.as_str())
        .collect();
    cast.dedup();
    let source = &sources[g.rng.usize(..sources.len())];
    let quote = match &source.text {
        // Events citing a source with a text quote one of its sentences verbatim.
        Some(text) => {
            let (start, end) = source.sentences[g.rng.usize(..source.sentences.len())];
            text[start..end].to_owned()
        }
        None => format!("{}.", g.sentence(40, 300)),
    };
    write!(
        out,
        "        Event(id: \"e{i}\", {when} title: {title:?}, kind: {}, actors: {cast:?}, ",
        KINDS[g.rng.usize(..KINDS.len())]
    )?;
    if g.rng.bool() {
        write!(out, "place: {:?}, ", places[g.rng.usize(..places.len())])?;
    }
    write!(out, "source: {:?}, quote: {quote:?}", source.id)?;
    let tag_count = g.rng.usize(..3);
    if tag_count > 0 {
        let chosen: Vec<&String> = (0..tag_count)
            .map(|_| &tags[g.rng.usize(..tags.len())])
            .collect();
        write!(out, ", tags: {chosen:?}")?;
    }
    writeln!(out, "),")
}

/// A store of `n` events as RON text.
#[allow(dead_code)]
pub fn store_text(n: usize, seed: u64) -> String {
    let mut out = Vec::new();
    write_store(&mut out, n, seed).expect("writing to memory");
    String::from_utf8(out).expect("the generator writes UTF-8")
}
