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

pub struct Actor {
    pub id: String,
    pub name: String,
    short: Option<String>,
    pub kind: &'static str,
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
fn when(rng: &mut fastrand::Rng) -> (String, Option<String>, bool) {
    let year = rng.i32(1900..=2025);
    let month = rng.u8(1..=12);
    let day = rng.u8(1..=28);
    let date = match rng.usize(..10) {
        0..=1 => format!("{year:04}"),
        2..=4 => format!("{year:04}-{month:02}"),
        _ => format!("{year:04}-{month:02}-{day:02}"),
    };
    let end = (rng.usize(..20) == 0).then(|| {
        let end = (year + rng.i32(1..=20)).min(2025).max(year + 1);
        format!("{end:04}")
    });
    (date, end, rng.usize(..20) == 0)
}

/// Zipf-like pick of an index below `n`: low indices are chosen far more often.
fn popular(rng: &mut fastrand::Rng, n: usize) -> usize {
    let x = rng.f64();
    ((n as f64).powf(x) - 1.0) as usize % n
}

pub struct Source {
    pub id: String,
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

/// One synthetic event, with actors, source, place and tags by index into its [`World`].
pub struct Drawn {
    pub id: usize,
    pub date: String,
    pub end: Option<String>,
    pub circa: bool,
    pub title: String,
    pub kind: &'static str,
    pub cast: Vec<usize>,
    pub source: usize,
    pub quote: String,
    pub place: Option<usize>,
    pub tags: Vec<usize>,
}

/// The actors, sources, places and tags events are drawn from, and the draw itself: the same
/// seed always gives the same events, whatever shape they are written in.
pub struct World {
    g: Gen,
    pub actors: Vec<Actor>,
    pub sources: Vec<Source>,
    pub places: Vec<String>,
    pub tags: Vec<String>,
    next: usize,
}

impl World {
    pub fn new(seed: u64) -> Self {
        let mut g = Gen::new(seed);
        let actors = actors(&mut g, 2_000);
        let sources = sources(&mut g);
        let places = (0..300)
            .map(|_| capitalise(&made_up_word(&mut g.rng, 2..4)))
            .collect();
        let tags = (0..100).map(|_| g.sentence(4, 14).to_lowercase()).collect();
        Self {
            g,
            actors,
            sources,
            places,
            tags,
            next: 0,
        }
    }

    /// The next event.
    pub fn event(&mut self) -> Drawn {
        let g = &mut self.g;
        let (date, end, circa) = when(&mut g.rng);
        let title = g.sentence(40, 120);
        let mut cast: Vec<usize> = (0..g.rng.usize(1..=4))
            .map(|_| popular(&mut g.rng, self.actors.len()))
            .collect();
        cast.dedup();
        let source = g.rng.usize(..self.sources.len());
        let quote = match &self.sources[source].text {
            // Events citing a source with a text quote one of its sentences verbatim.
            Some(text) => {
                let sentences = &self.sources[source].sentences;
                let (start, end) = sentences[g.rng.usize(..sentences.len())];
                text[start..end].to_owned()
            }
            None => format!("{}.", g.sentence(40, 300)),
        };
        let kind = KINDS[g.rng.usize(..KINDS.len())];
        let place = g.rng.bool().then(|| g.rng.usize(..self.places.len()));
        let tags = (0..g.rng.usize(..3))
            .map(|_| g.rng.usize(..self.tags.len()))
            .collect();
        self.next += 1;
        Drawn {
            id: self.next - 1,
            date,
            end,
            circa,
            title,
            kind,
            cast,
            source,
            quote,
            place,
            tags,
        }
    }
}

/// Writes a store of `n` events; the same `n` and `seed` always give the same bytes.
pub fn write_store(out: &mut impl Write, n: usize, seed: u64) -> io::Result<()> {
    let mut world = World::new(seed);
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
    for (i, s) in world.sources.iter().enumerate() {
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
    for a in &world.actors {
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
    for _ in 0..n {
        let e = world.event();
        write_event(out, &e, &world)?;
    }
    writeln!(out, "    ],\n)")
}

fn write_event(out: &mut impl Write, e: &Drawn, world: &World) -> io::Result<()> {
    let mut when = format!("date: {:?},", e.date);
    if let Some(end) = &e.end {
        write!(when, " end: \"{end}\",").unwrap();
    }
    if e.circa {
        when.push_str(" circa: true,");
    }
    let cast: Vec<&str> = e
        .cast
        .iter()
        .map(|&a| world.actors[a].id.as_str())
        .collect();
    write!(
        out,
        "        Event(id: \"e{}\", {when} title: {:?}, kind: {}, actors: {cast:?}, ",
        e.id, e.title, e.kind
    )?;
    if let Some(place) = e.place {
        write!(out, "place: {:?}, ", world.places[place])?;
    }
    write!(
        out,
        "source: {:?}, quote: {:?}",
        world.sources[e.source].id, e.quote
    )?;
    if !e.tags.is_empty() {
        let chosen: Vec<&String> = e.tags.iter().map(|&t| &world.tags[t]).collect();
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
