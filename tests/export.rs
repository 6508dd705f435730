//! Export: the matches or the marked events as a RON store (`evex validate` clean), JSON, CSV
//! or a Markdown report, from the explorer (`e`) and from `evex list -o FILE`.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::{app, key, selected_id, typed};
use evex::export::{self, Format};
use evex::report;
use evex::store::{self, Extra, Store};
use ratatui::crossterm::event::KeyCode;

fn evex(data: &Path) -> Command {
    let mut evex = Command::new(env!("CARGO_BIN_EXE_evex"));
    evex.env("XDG_CACHE_HOME", data.join("cache"))
        .env("XDG_DATA_HOME", data.join("data"))
        .env("NO_COLOR", "1");
    evex
}

fn written(store: &Store, events: &[usize], format: Format) -> String {
    let mut out = Vec::new();
    export::write(&mut out, store, events, format).unwrap();
    String::from_utf8(out).unwrap()
}

/// Events of one actor: a few, spread over the store, whose actors are not all of them.
fn some_events(store: &Store) -> Vec<usize> {
    let bakiyev = store.actors.iter().position(|a| a.id == "bakiyev").unwrap();
    (0..store.events.len())
        .filter(|&e| store.events[e].actors.contains(&bakiyev))
        .collect()
}

#[test]
fn the_ron_export_is_a_valid_store_with_only_the_actors_it_needs() {
    let store = Store::bundled();
    let events = some_events(&store);
    let text = written(&store, &events, Format::Ron);
    let loaded =
        store::parse(&text).unwrap_or_else(|e| panic!("{e}: {:?}\n{text}", e.diagnostics()));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let ids = |s: &Store| s.events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
    let wanted: Vec<String> = events.iter().map(|&e| store.events[e].id.clone()).collect();
    assert_eq!(ids(&loaded.store), wanted);
    let needed: std::collections::BTreeSet<&str> = events
        .iter()
        .flat_map(|&e| {
            store.events[e]
                .actors
                .iter()
                .map(|&a| store.actors[a].id.as_str())
        })
        .collect();
    let kept: std::collections::BTreeSet<&str> =
        loaded.store.actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(kept, needed);
    assert!(kept.len() < store.actors.len());
    // Every event is the same event: dates, quotes, places.
    for (a, b) in loaded.store.events.iter().zip(&events) {
        let b = &store.events[*b];
        assert_eq!(
            (a.when, &a.quote, &a.place, &a.title),
            (b.when, &b.quote, &b.place, &b.title)
        );
    }
}

#[test]
fn json_and_csv_are_what_list_prints() {
    let store = Store::bundled();
    let events = some_events(&store);
    let mut json = Vec::new();
    report::json(&mut json, &store, &events).unwrap();
    assert_eq!(written(&store, &events, Format::Json).as_bytes(), json);
    let mut csv = Vec::new();
    report::csv(&mut csv, &store, &events, false).unwrap();
    assert_eq!(written(&store, &events, Format::Csv).as_bytes(), csv);
}

#[test]
fn the_markdown_report_quotes_with_citations_and_shows_a_dataset_events_fields() {
    let mut store = Store::bundled();
    let mut dataset = store.events[0].clone();
    dataset.id = "acled-1".into();
    dataset.title = "Protest in *Bishkek* [peaceful]".into();
    dataset.quote = None;
    dataset.notes = Some("About 200 people gathered\nin front of the White House.".into());
    dataset.category = Some("Protests: Peaceful protest".into());
    dataset.extra = Extra::from_iter([("fatalities", "0"), ("iso", "417"), ("empty", "")]);
    store.events.to_mut().push(dataset);
    let last = store.events.len() - 1;
    let report = written(&store, &[0, 1, last], Format::Markdown);
    insta::assert_snapshot!(report);
}

#[test]
fn formats_come_from_the_extension() {
    assert_eq!(Format::from_path(Path::new("a/b.RON")), Some(Format::Ron));
    assert_eq!(Format::from_path(Path::new("b.md")), Some(Format::Markdown));
    assert_eq!(Format::from_path(Path::new("b.csv")), Some(Format::Csv));
    assert_eq!(Format::from_path(Path::new("b.json")), Some(Format::Json));
    assert_eq!(Format::from_path(Path::new("b.txt")), None);
    assert_eq!(Format::from_path(Path::new("b")), None);
}

#[test]
fn list_o_writes_each_format_and_the_ron_store_validates() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["k.ron", "k.json", "k.csv", "k.md"] {
        let out = dir.path().join(name);
        let run = evex(dir.path())
            .args(["list", "-q", "@bakiyev", "-o"])
            .arg(&out)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(run.status.success(), "{name}: {stderr}");
        assert!(stderr.contains("wrote "), "{stderr}");
        assert!(run.stdout.is_empty(), "nothing on stdout with -o");
        assert!(fs::metadata(&out).unwrap().len() > 0);
    }
    let printed = evex(dir.path())
        .args(["list", "-q", "@bakiyev", "-f", "json"])
        .output()
        .unwrap();
    assert_eq!(fs::read(dir.path().join("k.json")).unwrap(), printed.stdout);
    let valid = evex(dir.path())
        .arg("validate")
        .arg(dir.path().join("k.ron"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&valid.stdout);
    assert!(
        valid.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&valid.stderr)
    );
    assert!(stdout.contains("no errors, 0 warnings"), "{stdout}");
    // --format overrides the extension.
    let forced = dir.path().join("report.txt");
    let run = evex(dir.path())
        .args(["list", "-f", "md", "-o"])
        .arg(&forced)
        .output()
        .unwrap();
    assert!(run.status.success());
    assert!(
        fs::read_to_string(&forced)
            .unwrap()
            .starts_with("# Belarus")
    );
}

#[test]
fn list_o_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("kept.md");
    fs::write(&out, "my notes").unwrap();
    let run = evex(dir.path())
        .args(["list", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&run.stderr),
        format!(
            "evex: {} exists; nothing was written (add --force to replace it)\n",
            out.display()
        )
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), "my notes");
    let run = evex(dir.path())
        .args(["list", "--force", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success());
    assert!(fs::read_to_string(&out).unwrap().starts_with("# Belarus"));
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".evex-export"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
    let run = evex(dir.path())
        .args(["list", "-o"])
        .arg(dir.path().join("x.txt"))
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&run.stderr)
            .contains("name it .ron, .json, .csv or .md or give --format")
    );
}

#[test]
fn list_marked_exports_the_events_marked_in_the_explorer() {
    let dir = tempfile::tempdir().unwrap();
    let run = evex(dir.path())
        .args(["list", "--marked"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("no events are marked"));
    let place = evex::marks::MarksPlace::new(&dir.path().join("data"), "bundled");
    place
        .save(&["travel-ban".to_owned(), "drazdy-expulsion".to_owned()].into())
        .unwrap();
    let run = evex(dir.path())
        .args(["list", "--marked", "-f", "json"])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let records: Vec<evex::report::EventRecord> = serde_json::from_slice(&run.stdout).unwrap();
    let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["drazdy-expulsion", "travel-ban"]);
    let run = evex(dir.path())
        .args(["list", "--marked", "-q", "travel", "-f", "json"])
        .output()
        .unwrap();
    let records: Vec<evex::report::EventRecord> = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(records.len(), 1, "--marked goes with the other filters");
}

#[test]
fn e_exports_the_matches_and_asks_before_overwriting() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("found.ron");
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    typed(&mut app, "@bakiyev");
    key(&mut app, KeyCode::Enter);
    let matches = app.matches.events.len();
    key(&mut app, KeyCode::Char('e'));
    assert_eq!(
        app.prompt.as_ref().unwrap().label(),
        format!("export {matches} matches to ")
    );
    typed(&mut app, out.to_str().unwrap());
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.status.as_deref(),
        Some(format!("wrote {matches} events to {} (RON store)", out.display()).as_str())
    );
    let first = fs::read_to_string(&out).unwrap();
    assert_eq!(store::parse(&first).unwrap().store.events.len(), matches);
    // Again, with fewer matches: the path is offered again, and the file exists.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('e'));
    assert_eq!(app.prompt.as_ref().unwrap().text(), out.to_str().unwrap());
    key(&mut app, KeyCode::Enter);
    let asked = app.prompt.as_ref().unwrap().label().to_owned();
    assert_eq!(
        asked,
        format!("{} exists: overwrite? (y/n) ", out.display())
    );
    key(&mut app, KeyCode::Char('n'));
    assert!(app.prompt.is_none());
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .starts_with("nothing exported")
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), first);
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('y'));
    let all = app.store.events.len();
    assert_eq!(
        app.status.as_deref(),
        Some(format!("wrote {all} events to {} (RON store)", out.display()).as_str())
    );
    assert_eq!(
        store::parse(&fs::read_to_string(&out).unwrap())
            .unwrap()
            .store
            .events
            .len(),
        all
    );
}

#[test]
fn tab_in_the_export_prompt_exports_the_marked_events() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("marked.json");
    let mut app = app();
    key(&mut app, KeyCode::Char(' '));
    let marked = selected_id(&app).to_owned();
    key(&mut app, KeyCode::Char('e'));
    let all = app.store.events.len();
    assert_eq!(
        app.prompt.as_ref().unwrap().label(),
        format!("export {all} matches (Tab: 1 marked) to ")
    );
    key(&mut app, KeyCode::Tab);
    assert_eq!(
        app.prompt.as_ref().unwrap().label(),
        format!("export 1 marked (Tab: {all} matches) to ")
    );
    typed(&mut app, out.to_str().unwrap());
    key(&mut app, KeyCode::Enter);
    let records: Vec<evex::report::EventRecord> =
        serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].id, marked);
    // A name that says no format writes nothing and says why.
    key(&mut app, KeyCode::Char('e'));
    typed(&mut app, "notes.txt");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.status.as_deref(),
        Some("nothing exported: name the file .ron, .json, .csv or .md to say the format")
    );
}
