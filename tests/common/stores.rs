//! Stores written for the tests that need a big one: big enough (over 1 MiB at 4,500 events)
//! for the binary to cache, with words, actors and dates to search.

/// A store of `n` events about border talks between three actors, 1990-2019.
pub fn talks(n: usize) -> String {
    let events: String = (0..n)
        .map(|i| {
            format!(
                "Event(id: \"e{i}\", date: \"{}-{:02}\", title: \"Talks number {i} on the border treaty\", kind: Diplomacy, actors: [\"{}\"], source: \"s\", quote: \"The ministers met for the {i}th time and talked at length about the border, the customs union, oil and gas.\"),\n",
                1990 + i % 30,
                1 + i % 12,
                ["a", "b", "c"][i % 3],
            )
        })
        .collect();
    format!(
        "Store(title: \"Talks\", sources: [Source(id: \"s\", title: \"S\", publisher: \"P\")], actors: [Actor(id: \"a\", name: \"Alpha Minister\", kind: Person), Actor(id: \"b\", name: \"Beta State\", kind: State), Actor(id: \"c\", name: \"Gamma Union\", kind: Organization)], events: [\n{events}])\n"
    )
}
