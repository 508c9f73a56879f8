//! The feeds folder through the real watcher: a CSV export dropped at
//! `<feeds>/<board>/<indicator>.csv` loads its values as coming from the feed, a bad row is
//! shown with its line while the good rows load, a corrected export clears it, and a file in
//! the wrong place says where it should go.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable as _;
use huddle::app::KioskApp;
use huddle::model::{EntryKind, Origin};

const BOARD: &str = "accueil-jeunesse";

fn values(app: &KioskApp) -> Vec<(String, f64)> {
    let store = app.store().unwrap();
    let mut out: Vec<(String, f64)> = store
        .records(BOARD)
        .unwrap()
        .into_iter()
        .filter(|r| r.kind == EntryKind::Value && r.section == "liste-attente")
        .map(|r| {
            (
                r.fields["date"].as_str().unwrap().to_owned(),
                r.fields["value"].as_f64().unwrap(),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Runs frames until `done` holds; fails after 10 s (a bound for a slow CI machine, not a
/// speed target: the debounce is half a second).
fn until(
    h: &mut egui_kittest::Harness<'_, KioskApp>,
    what: &str,
    done: impl Fn(&KioskApp) -> bool,
) {
    let start = Instant::now();
    loop {
        h.run();
        if done(h.state()) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    // As an export job does it: a temporary name, then a rename.
    let tmp = path.with_extension("csv.part");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn a_dropped_export_loads_and_its_bad_rows_are_shown_by_line() {
    let feeds = tempfile::tempdir().unwrap();
    let file = feeds.path().join(BOARD).join("liste-attente.csv");
    // Already there when the kiosk starts: read at start-up.
    write(&file, "Date;Valeur\n20/11/2026;24\n2026-11-21;vingt\n");
    let mut h = common::kiosk(&common::examples(), Some(BOARD));
    h.state_mut().watch_feeds(feeds.path(), || {});
    until(&mut h, "the first export", |app| !values(app).is_empty());
    assert_eq!(values(h.state()), [("2026-11-20".to_owned(), 24.0)]);
    let history = h.state().store().unwrap().history(BOARD, 10).unwrap();
    assert!(history.iter().all(|e| e.change.origin == Origin::Feed));
    assert_eq!(history[0].change.author, "feed (liste-attente.csv)");
    until(&mut h, "the bad row's banner", |app| {
        !app.feed_problems().is_empty()
    });
    h.get_by_label_contains("Flux de données");
    h.get_by_label_contains("liste-attente.csv: line 3: \"vingt\" is not a number");

    // Tonight's export, corrected and one day longer: the banner goes, the new day loads.
    write(
        &file,
        "Date;Valeur\n20/11/2026;24\n2026-11-21;22,5\n2026-11-23;21\n",
    );
    until(&mut h, "the corrected export", |app| values(app).len() == 3);
    assert_eq!(values(h.state())[1], ("2026-11-21".to_owned(), 22.5));
    until(&mut h, "the banner to clear", |app| {
        app.feed_problems().is_empty()
    });
    assert!(h.query_by_label_contains("Flux de données").is_none());

    // The same export again changes nothing.
    let version = h.state().store().unwrap().version();
    write(
        &file,
        "Date;Valeur\n20/11/2026;24\n2026-11-21;22,5\n2026-11-23;21\n",
    );
    std::thread::sleep(Duration::from_millis(1500));
    h.run();
    assert_eq!(h.state().store().unwrap().version(), version);
}

#[test]
fn a_file_for_an_unknown_indicator_says_what_to_name_it() {
    let feeds = tempfile::tempdir().unwrap();
    let mut h = common::kiosk(&common::examples(), Some(BOARD));
    h.state_mut().watch_feeds(feeds.path(), || {});
    write(
        &feeds.path().join(BOARD).join("liste-atente.csv"),
        "2026-11-20,24\n",
    );
    until(&mut h, "the problem", |app| !app.feed_problems().is_empty());
    let problem = h.state().feed_problems().values().next().unwrap().clone();
    assert!(
        problem.contains("has no indicator `liste-atente`, did you mean `liste-attente.csv`?"),
        "{problem}"
    );
    assert!(
        values(h.state()).is_empty(),
        "nothing is loaded anywhere else"
    );
    // Removed, the misnamed file takes its banner with it.
    std::fs::remove_file(feeds.path().join(BOARD).join("liste-atente.csv")).unwrap();
    until(&mut h, "the banner to go", |app| {
        app.feed_problems().is_empty()
    });
}

#[test]
fn a_large_export_goes_in_on_a_worker_while_the_screen_keeps_answering() {
    let data = tempfile::tempdir().unwrap();
    let feeds = tempfile::tempdir().unwrap();
    let app = KioskApp::new(
        common::examples(),
        Some(BOARD.to_owned()),
        common::monday_morning(),
        huddle::store::Store::open(data.path()),
    );
    let mut h = common::builder().build_ui_state(common::frame, app);
    // Another program holds the database's write lock for a moment: an import on the screen's
    // thread would hold the screen with it.
    let blocker = rusqlite::Connection::open(data.path().join("huddle.sqlite3")).unwrap();
    blocker.execute_batch("BEGIN IMMEDIATE").unwrap();
    h.state_mut().watch_feeds(feeds.path(), || {});
    let days = 3_000;
    let start = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let csv: String = (0..days)
        .map(|i| format!("{};{}\n", start + chrono::Days::new(i), i % 40))
        .collect();
    write(&feeds.path().join(BOARD).join("liste-attente.csv"), &csv);
    // The file is read and handed over; the screen answers a tap meanwhile.
    std::thread::sleep(Duration::from_millis(1200));
    h.run();
    h.get_by_label("Mode animateur").click();
    h.run();
    h.get_by_label("Ouvrir").click();
    h.run();
    assert!(h.state().facilitator_open(), "the taps were answered");
    assert!(values(h.state()).is_empty(), "nothing stored while locked");
    blocker.execute_batch("COMMIT").unwrap();
    until(&mut h, "the whole export", |app| {
        values(app).len() == usize::try_from(days).unwrap()
    });
    assert!(h.state().feed_problems().is_empty());
}
