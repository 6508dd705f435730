//! Every dataset format, field by field, from the small fixtures under
//! `tests/fixtures/formats/` with their awkward cases (BOM, CRLF, quoted commas and
//! newlines, blank actors, `NA`, week and month precision, year-only and BCE dates, HTML).

use std::fs::File;
use std::io::BufReader;

use evex::date::{PartialDate, Precision, When};
use evex::store::formats::{self, ColumnMap, Format, ImportError, Options};
use evex::store::{ActorKind, Event, EventKind, Store};

fn read(name: &str, options: &Options) -> Result<formats::Imported, ImportError> {
    let path = format!("tests/fixtures/formats/{name}");
    let file = BufReader::new(File::open(&path).unwrap());
    formats::read(file, &path, options)
}

fn open_with(name: &str, options: &Options) -> Store {
    let imported = read(name, options).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    imported.store
}

fn open(name: &str) -> Store {
    open_with(name, &Options::default())
}

fn event<'s>(store: &'s Store, id: &str) -> &'s Event {
    store
        .events
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

fn extra<'e>(event: &'e Event, name: &str) -> Option<&'e str> {
    event.extra.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
}

fn cast(store: &Store, event: &Event) -> Vec<(String, ActorKind)> {
    event
        .actors
        .iter()
        .map(|&a| (store.actors[a].name.clone(), store.actors[a].kind))
        .collect()
}

fn date(text: &str) -> PartialDate {
    text.parse().unwrap()
}

#[test]
fn acled_with_a_byte_order_mark_and_crlf_keeps_every_field() {
    let store = open("acled.csv");
    let clash = event(&store, "UKR1001");
    assert_eq!(clash.when, When::on(date("2023-03-15")));
    assert_eq!(clash.kind, EventKind::Conflict);
    assert_eq!(clash.category.as_deref(), Some("Battles: Armed clash"));
    assert_eq!(
        cast(&store, clash),
        [
            ("Military Forces of Russia (2000-)".into(), ActorKind::State),
            ("Wagner Group".into(), ActorKind::Other),
            ("Military Forces of Belarus".into(), ActorKind::Other),
            (
                "Military Forces of Ukraine (2019-)".into(),
                ActorKind::State
            ),
        ]
    );
    assert_eq!(clash.place.as_deref(), Some("Bakhmut, Donetsk, Ukraine"));
    assert_eq!(
        store.sources[clash.source].title,
        "Ukrainska Pravda; Reuters"
    );
    assert_eq!(clash.quote, None, "ACLED notes are a summary, not a quote");
    assert!(
        clash
            .notes
            .as_deref()
            .unwrap()
            .contains("near Bakhmut, Donetsk. Casualties")
    );
    assert_eq!(extra(clash, "fatalities"), Some("0"));
    assert_eq!(extra(clash, "source_scale"), Some("National-International"));
    assert_eq!(extra(clash, "admin3"), Some("Bakhmut"));
    assert_eq!(extra(clash, "time_precision"), Some("1"));
    assert_eq!(extra(clash, "tags"), None, "blank columns are not kept");
}

#[test]
fn acled_week_precision_is_the_week_around_the_coded_day() {
    let store = open("acled.csv");
    let protest = event(&store, "UKR1002");
    assert_eq!(protest.when.date, date("2023-02-26"));
    assert_eq!(protest.when.end, Some(date("2023-03-04")));
    assert_eq!(protest.kind, EventKind::Politics);
    let notes = protest.notes.as_deref().unwrap();
    assert!(
        notes.contains("\"for the return of prisoners\".\nSize=around 200"),
        "{notes}"
    );
    assert_eq!(
        cast(&store, protest),
        [
            ("Protesters (Ukraine)".into(), ActorKind::Group),
            ("Women (Ukraine)".into(), ActorKind::Other),
        ],
        "blank actor2 adds no actor"
    );
    assert_eq!(extra(protest, "tags"), Some("crowd size=around 200"));
}

#[test]
fn acled_month_precision_is_the_month_and_a_row_may_have_no_actor() {
    let store = open("acled.csv");
    let agreement = event(&store, "UKR1003");
    assert_eq!(agreement.when.date, date("2023-02"));
    assert_eq!(agreement.when.date.precision(), Precision::Month);
    assert_eq!(agreement.kind, EventKind::Diplomacy);
    assert_eq!(
        cast(&store, agreement)[1].1,
        ActorKind::Organization,
        "inter 8"
    );
    let attack = event(&store, "UKR1004");
    assert!(attack.actors.is_empty());
    assert_eq!(attack.title, "Attack in Kharkiv");
    assert_eq!(
        store.sources[attack.source].title, "acled.csv",
        "no source: the file"
    );
    assert_eq!(extra(attack, "fatalities"), Some("2"));
    assert_eq!(store.actors.len(), 8, "actors are de-duplicated by name");
}

#[test]
fn older_acled_exports_with_day_first_and_month_name_dates() {
    let store = open("acled_old.csv");
    assert_eq!(event(&store, "KGZ301").when.date, date("2010-04-07"));
    assert_eq!(event(&store, "KGZ302").when.date, date("2010-06-13"));
    assert_eq!(extra(event(&store, "KGZ302"), "data_id"), Some("7002"));
}

#[test]
fn gdelt_2_rows_map_actors_cameo_and_the_source_url() {
    let store = open("gdelt2.export.CSV");
    let consult = event(&store, "410000001");
    assert_eq!(consult.when.date, date("2015-06-26"));
    assert_eq!(consult.title, "BELARUS: Consult – KYRGYZSTAN");
    assert_eq!(consult.category.as_deref(), Some("CAMEO 040: Consult"));
    assert_eq!(consult.kind, EventKind::Diplomacy);
    assert_eq!(
        cast(&store, consult),
        [
            ("BELARUS".into(), ActorKind::State),
            ("KYRGYZSTAN".into(), ActorKind::State)
        ]
    );
    assert_eq!(
        consult.place.as_deref(),
        Some("Minsk, Horad Minsk, Belarus")
    );
    let source = &store.sources[consult.source];
    assert_eq!(
        source.url.as_deref(),
        Some("https://www.example.org/news/belarus-kyrgyz-410000001.html")
    );
    assert_eq!(source.title, "www.example.org");
    assert_eq!(extra(consult, "GoldsteinScale"), Some("1.0"));
    assert_eq!(extra(consult, "ActionGeo_ADM2Code"), None, "blank");
    assert_eq!(extra(consult, "DATEADDED"), Some("20150626120000"));
    let fight = event(&store, "410000002");
    assert_eq!(fight.kind, EventKind::Conflict);
    assert_eq!(fight.actors.len(), 1, "a blank Actor2 adds no actor");
    assert_eq!(extra(fight, "QuadClass"), Some("4"));
}

#[test]
fn gdelt_1_rows_have_58_columns() {
    let store = open("gdelt1.export.CSV");
    let consult = event(&store, "300000001");
    assert_eq!(extra(consult, "DATEADDED"), Some("20150626"));
    assert_eq!(extra(consult, "ActionGeo_FeatureID"), Some("-2960561"));
}

#[test]
fn historic_gdelt_1_rows_have_57_columns_and_no_url() {
    let store = open("gdelt1_historic.export.CSV");
    let consult = event(&store, "200000001");
    assert_eq!(extra(consult, "DATEADDED"), Some("20150626"));
    assert_eq!(
        store.sources[consult.source].title,
        "gdelt1_historic.export.CSV"
    );
}

#[test]
fn icews_na_is_missing_and_repeated_ids_are_told_apart_by_date() {
    let store = open("icews.tab");
    let consult = event(&store, "926685");
    assert_eq!(
        consult.title,
        "Foreign Affairs (Belarus): Consult – Kyrgyzstan"
    );
    assert_eq!(consult.category.as_deref(), Some("CAMEO 040: Consult"));
    assert_eq!(consult.place.as_deref(), Some("Minsk, Belarus"));
    assert_eq!(
        store.sources[consult.source].title,
        "Belarusian Telegraph Agency"
    );
    assert_eq!(cast(&store, consult)[0].1, ActorKind::State);
    let statement = event(&store, "926685@2015-06-27");
    assert_eq!(statement.kind, EventKind::Statement);
    assert_eq!(statement.actors.len(), 1, "target NA");
    assert_eq!(statement.place.as_deref(), Some("Kyrgyzstan"));
    assert_eq!(extra(statement, "Latitude"), None);
    let arrest = event(&store, "926690");
    assert_eq!(arrest.kind, EventKind::Law);
    assert_eq!(cast(&store, arrest)[1].1, ActorKind::Group);
    assert_eq!(extra(arrest, "Intensity"), Some("-5.0"));
}

#[test]
fn timelinejs_blank_parts_html_media_and_eras() {
    let store = open("timeline_ok.json");
    assert_eq!(store.title, "Belarus & Kyrgyzstan");
    let visit = event(&store, "visit-2015");
    assert_eq!(visit.title, "Atambayev “visits” Minsk");
    assert_eq!(
        visit.notes.as_deref(),
        Some("Talks in Minsk & a dinner — 2 days. Second line 'quoted'")
    );
    assert_eq!(
        (visit.kind, visit.category.as_deref()),
        (EventKind::Diplomacy, Some("Diplomacy"))
    );
    let source = &store.sources[visit.source];
    assert_eq!(source.title, "Photo: Press Office");
    assert_eq!(source.url.as_deref(), Some("https://example.org/photo.jpg"));
    assert_eq!(extra(visit, "start_date time"), Some("10:30"));
    assert_eq!(extra(visit, "media caption"), Some("The meeting"));
    let distance = store
        .events
        .iter()
        .find(|e| e.title == "Years of distance")
        .unwrap();
    assert_eq!(distance.when.date, PartialDate::year(1998));
    assert_eq!(distance.when.end, Some(date("2001-03")));
    assert_eq!(
        (distance.kind, distance.category.as_deref()),
        (EventKind::Other, Some("Relations"))
    );
    assert_eq!(extra(distance, "background"), Some("{\"color\":\"#123\"}"));
    let recalled = store
        .events
        .iter()
        .find(|e| e.title == "Ambassador recalled")
        .unwrap();
    assert_eq!(extra(recalled, "display_date"), Some("Summer 2012"));
    let era = store
        .events
        .iter()
        .find(|e| e.title == "The cold years")
        .unwrap();
    assert_eq!(era.category.as_deref(), Some("Era"));
}

#[test]
fn timelinejs_bce_years_are_refused_clearly() {
    let Err(ImportError::BadRows(problems)) = read("timeline.json", &Options::default()) else {
        panic!("a BCE year is a bad row");
    };
    let messages: Vec<(usize, usize, &str)> = problems
        .iter()
        .map(|d| {
            let at = d.position.expect("placed where the slide starts");
            (at.line, at.col, d.message.as_str())
        })
        .collect();
    assert_eq!(
        messages,
        [(
            45,
            5,
            "start_date \"-500\": year -500 is BCE; evex dates run from year 0000 to 9999 (BCE dates are not supported yet)"
        )]
    );
    let options = Options {
        skip_bad_rows: true,
        ..Options::default()
    };
    let imported = read("timeline.json", &options).unwrap();
    assert_eq!((imported.skipped_rows, imported.store.events.len()), (1, 4));
}

#[test]
fn timelinejs_sheet_rows() {
    let store = open("timeline_sheet.csv");
    assert_eq!(
        store.title, "Belarus & Kyrgyzstan",
        "the title row titles the store"
    );
    assert_eq!(store.events.len(), 3);
    let visit = store
        .events
        .iter()
        .find(|e| e.title == "Visit to Minsk")
        .unwrap();
    assert_eq!(visit.notes.as_deref(), Some("Talks, then dinner & music"));
    assert_eq!(extra(visit, "Time"), Some("10:30"));
    assert_eq!(extra(visit, "Media Caption"), Some("A caption"));
    let distance = store
        .events
        .iter()
        .find(|e| e.title == "Years of distance")
        .unwrap();
    assert_eq!(
        (distance.when.date, distance.when.end),
        (PartialDate::year(1998), Some(date("2001-03")))
    );
    assert_eq!(extra(distance, "Display Date"), Some("Late 1990s"));
}

#[test]
fn generic_csv_with_a_column_map() {
    let map: ColumnMap =
        "date=started,end=ended,title=headline,actors=who+whom,place=city,source=outlet,url=link"
            .parse()
            .unwrap();
    let options = Options {
        format: Some(Format::Csv),
        map: Some(map),
        ..Options::default()
    };
    let store = open_with("generic.csv", &options);
    let summit = store
        .events
        .iter()
        .find(|e| e.title == "Summit, in Minsk")
        .unwrap();
    assert_eq!(
        (summit.when.date, summit.when.end),
        (date("2015-06-26"), Some(date("2015-06-27")))
    );
    assert_eq!(cast(&store, summit).len(), 2);
    assert_eq!(
        store.sources[summit.source].url.as_deref(),
        Some("https://example.org/a")
    );
    assert_eq!(extra(summit, "casualties"), Some("0"));
    let recalled = store
        .events
        .iter()
        .find(|e| e.title == "Ambassador recalled")
        .unwrap();
    assert_eq!(extra(recalled, "casualties"), None, "NA is missing");
    assert_eq!(store.events[0].when.date, PartialDate::year(2010));
}

#[test]
fn obvious_headers_need_no_map() {
    let store = open("obvious.tsv");
    let summit = event(&store, "a1");
    assert_eq!(
        summit.when.date,
        date("2015-06-26"),
        "the day of a date-time"
    );
    assert_eq!(cast(&store, summit).len(), 2, "actors split on ;");
    assert_eq!(summit.notes.as_deref(), Some("Two leaders met."));
    assert_eq!(summit.category.as_deref(), Some("meeting"));
    assert_eq!(extra(summit, "severity"), Some("low"));
    assert_eq!(event(&store, "a2").when.date, date("2015-03"));
}

#[test]
fn json_arrays_and_json_lines_map_like_tables() {
    for name in ["events.json", "events.jsonl"] {
        let store = open(name);
        let summit = store.events.iter().find(|e| e.title == "Summit").unwrap();
        assert_eq!(cast(&store, summit).len(), 2, "{name}: an array of names");
        assert_eq!(extra(summit, "score"), Some("1.5"));
        assert_eq!(extra(summit, "flag"), Some("true"));
        let later = store
            .events
            .iter()
            .find(|e| e.title == "Ambassador recalled")
            .unwrap();
        assert_eq!(extra(later, "extra_key"), Some("later key"), "{name}");
    }
}
