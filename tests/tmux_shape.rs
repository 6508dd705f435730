//! The histogram and related events in a real terminal: zoom, step through buckets, jump to
//! a related event and back.

mod common;

use common::tmux::tmux_or_skip;

/// The title of the histogram strip: `per month · 1998-01: 4 …`.
fn histogram_title(screen: &str) -> String {
    let line = screen.lines().find(|l| l.contains(" per ")).unwrap_or("");
    let start = line.find(" per ").unwrap_or(0);
    line[start..]
        .split(" ─")
        .next()
        .unwrap_or("")
        .trim()
        .to_owned()
}

#[test]
fn zoom_step_through_the_histogram_and_jump_to_a_related_event() {
    let Some(tmux) = tmux_or_skip(120, 40) else {
        return;
    };
    tmux.wait_for("the shell prompt", |s| s.contains('$'));
    tmux.type_text(&format!("{} ; echo exit=$?", env!("CARGO_BIN_EXE_evex")));
    tmux.keys(&["Enter"]);
    tmux.wait_for("the timeline", |s| s.contains("60/60 events"));

    tmux.keys(&["h"]);
    let shown = tmux.wait_for("the histogram by year", |s| s.contains("per year · 1998:"));
    assert!(shown.contains("▲1998"), "{shown}");

    tmux.keys(&["z"]);
    let months = tmux.wait_for("months", |s| s.contains("per month · 1998-"));
    let first = histogram_title(&months);
    tmux.keys(&["Right"]);
    let stepped = tmux.wait_for("the next month", |s| {
        s.contains("per month · ") && histogram_title(s) != first
    });
    let second = histogram_title(&stepped);
    assert!(second > first, "{first} then {second}");

    // The event pane names the later related event; > selects it, b comes back.
    let before = tmux.wait_for("the related events", |s| s.contains("── Related"));
    let related = before
        .lines()
        .find_map(|l| l.split("│> ").nth(1))
        .expect("a later related event")
        .split(" · ")
        .next()
        .unwrap()
        .trim()
        .to_owned();
    let title_start: String = related
        .split_whitespace()
        .skip(1)
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    tmux.keys(&[">"]);
    let jumped = tmux.wait_for("the related event", |s| {
        s.lines().any(|l| l.contains("Event")) && s.contains(&title_start) && s != before
    });
    assert_ne!(jumped, before);
    // The event it came from shares the actor too: it is now the earlier related one.
    assert!(jumped.contains("│< "), "{jumped}");
    tmux.keys(&["b"]);
    let back = tmux.wait_for("the event before the jump", |s| {
        histogram_title(s) == second
    });
    assert!(back.contains("── Related"), "{back}");

    tmux.keys(&["q"]);
    tmux.wait_for("the shell to come back", |s| s.contains("exit=0"));
}

#[test]
fn wide_terminals_show_a_sparkline_per_actor_that_follows_the_search() {
    let Some(tmux) = tmux_or_skip(200, 50) else {
        return;
    };
    tmux.open_evex("", "", "60/60 events");
    // Counted on the search thread after the first frame: each row fills in.
    let shown = tmux.wait_for("the sparklines", |s| {
        s.contains("Actors · match any · 1998–2015")
            && s.lines()
                .find(|l| l.contains("Alexander Lukashenko"))
                .is_some_and(|l| l.contains('█'))
    });
    let sidebar_rows: Vec<&str> = shown.lines().filter_map(|l| l.split("││").next()).collect();
    assert!(
        sidebar_rows.iter().all(|r| !r.contains('…')),
        "every row counted: {shown}"
    );
    tmux.keys(&["/"]);
    tmux.type_text("bakiyev");
    tmux.keys(&["Enter"]);
    // Bakiyev's events run from 2010 to 2015-08: the histogram fits them by month, and so
    // do the sparklines.
    let searched = tmux.wait_for("the search's sparklines", |s| {
        s.contains("search “bakiyev”") && s.contains("Actors · match any · 2010-01–2015-08")
    });
    assert!(searched.contains("Kurmanbek Bakiyev"), "{searched}");
    tmux.keys(&["q"]);
    tmux.wait_for("the shell to come back", |s| s.contains("exit=0"));
}
