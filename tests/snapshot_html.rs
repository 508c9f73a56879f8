//! Snapshot files end to end: a snapshot of an example board, with entries made through the
//! real store, written and read back; its JSON checked against the JSON Schema (the generated
//! one and the committed `docs/snapshot.schema.json`); files never overwritten; damaged, newer
//! and half-copied files refused or passed over; and the HTML page standing alone.
//!
//! `UPDATE_SCHEMA=1 cargo test --test snapshot_html` writes `docs/snapshot.schema.json` from
//! the code instead of comparing it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, TimeZone as _, Utc};
use huddle::model::{Board, Edit, Origin};
use huddle::snapshot::{self, HuddleSnapshot, Snapshot, SnapshotError};
use huddle::store::Store;

const BOARD: &str = "accueil-jeunesse";

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).expect("a date")
}

fn at(m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, m, d, h, 0, 0)
        .single()
        .expect("a time")
}

fn board() -> Board {
    let boards = Path::new(env!("CARGO_MANIFEST_DIR")).join("boards");
    huddle::layout::load_dir(&boards)
        .expect("the example boards")
        .into_iter()
        .filter_map(|report| report.board)
        .find(|b| b.id == BOARD)
        .expect("the intake board")
}

/// Applies `edit` to `section` of the intake board, made at `when`.
fn edit(store: &mut Store, section: &str, edit: Edit, when: DateTime<Utc>) {
    let change = edit
        .into_change(BOARD, section, "Chloé D.", Origin::Screen, when)
        .expect("a valid edit");
    store.apply(&change).expect("stored");
}

/// The intake board on Monday 23 November 2026, after four weeks of use: values, actions, an
/// escalation, mood votes and clients entered through the real store, and its last huddle.
fn realistic() -> Snapshot {
    let board = board();
    let mut store = Store::open_in_memory().expect("a store");
    // 20 working days of the waiting list, climbing above the median; weekly indicators.
    let waiting = [
        24.0, 22.0, 25.0, 23.0, 21.0, 24.0, 26.0, 25.0, 27.0, 29.0, 28.0, 31.0, 30.0, 32.0, 33.0,
        31.0, 34.0, 35.0, 33.0, 36.0,
    ];
    let mut date = day(10, 27);
    for value in waiting {
        edit(
            &mut store,
            "liste-attente",
            Edit::SetValue { date, value },
            at(10, 27, 7),
        );
        date = date.succ_opt().expect("a date");
        while chrono::Datelike::weekday(&date).num_days_from_monday() >= 5 {
            date = date.succ_opt().expect("a date");
        }
    }
    assert_eq!(date, day(11, 24), "20 working days up to the 23rd");
    for (week, (delay, contact)) in [(12.0, 84.5), (14.0, 82.0), (13.0, 81.5), (11.0, 78.5)]
        .into_iter()
        .enumerate()
    {
        let date = day(11, 2) + chrono::Days::new(7 * week as u64);
        let value = |value| Edit::SetValue { date, value };
        edit(&mut store, "delai-evaluation", value(delay), at(11, 2, 8));
        edit(&mut store, "premier-contact", value(contact), at(11, 2, 8));
    }
    edit(
        &mut store,
        "actions",
        Edit::AddAction {
            title: "Rappeler les familles en attente depuis plus de 30 jours".to_owned(),
            owner: Some("Amélie R.".to_owned()),
            due: Some(day(11, 18)),
        },
        at(11, 9, 9),
    );
    edit(
        &mut store,
        "actions",
        Edit::AddAction {
            title: "Revoir le tri des demandes <urgentes> & \"semi-urgentes\"".to_owned(),
            owner: None,
            due: Some(day(12, 2)),
        },
        at(11, 16, 9),
    );
    edit(
        &mut store,
        "escalades",
        Edit::RaiseEscalation {
            title: "Manque de places en évaluation".to_owned(),
            why: "La liste d'attente dépasse la cible depuis 3 semaines".to_owned(),
            to: Some("gestion-jeunesse".to_owned()),
            due: Some(day(11, 20)),
        },
        at(11, 13, 9),
    );
    for (d, faces) in [(16, [2, 3, 3, 4, 1]), (23, [3, 3, 4, 2, 3])] {
        for face in faces {
            edit(
                &mut store,
                "humeur",
                Edit::Vote {
                    date: day(11, d),
                    face,
                },
                at(11, d, 8),
            );
        }
    }
    for (code, stage, since) in [
        ("J-0412", "Réception", day(11, 2)),
        ("J-0418", "Réception", day(11, 12)),
        ("J-0420", "Analyse", day(11, 5)),
        ("J-0427", "Orientation", day(11, 19)),
    ] {
        edit(
            &mut store,
            "trajectoire",
            Edit::AddClient {
                code: code.to_owned(),
                stage: stage.to_owned(),
                since,
                next_step: "Appel".to_owned(),
                owner: None,
            },
            at(11, 20, 9),
        );
    }
    let records = store.board_records(BOARD).expect("records");
    let view = huddle::view::snapshot::view_as_of(&board, &records, day(11, 23));
    let mut snapshot = huddle::view::snapshot::build(
        &board,
        &view,
        day(11, 23),
        Utc.with_ymd_and_hms(2026, 11, 23, 14, 10, 33)
            .single()
            .expect("a time"),
        "kiosque-accueil",
    );
    snapshot.last_huddle = Some(HuddleSnapshot {
        date: day(11, 23),
        started: day(11, 23).and_hms_opt(8, 30, 0).expect("a time"),
        minutes: 14,
        attendees: 5,
        decisions: vec!["Prioriser les dossiers de plus de 30 jours".to_owned()],
        actions_created: vec!["Rappeler les familles en attente".to_owned()],
        escalations_raised: Vec::new(),
    });
    snapshot
}

/// The snapshot as JSON, as [`snapshot::write`] writes it.
fn json_of(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).expect("the file")).expect("JSON")
}

fn schema_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/snapshot.schema.json")
}

/// Every error of `instance` against `schema`, as text.
fn schema_errors(schema: &serde_json::Value, instance: &serde_json::Value) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).expect("a valid JSON Schema");
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_snapshot_holds_what_the_board_shows() {
    let s = realistic();
    assert_eq!((s.format.as_str(), s.version), ("huddle-snapshot", 1));
    assert_eq!(s.board.language, "fr");
    let waiting = &s.indicators[0];
    assert_eq!(waiting.section, "liste-attente");
    assert_eq!(waiting.values.len(), 20);
    assert_eq!(waiting.latest.map(|p| p.value), Some(36.0));
    assert!(!waiting.signals.is_empty(), "a shift above the median");
    assert_eq!((s.actions.open, s.actions.overdue), (2, 1));
    assert_eq!(s.escalations.len(), 1);
    assert!(s.escalations[0].late);
    assert_eq!(
        s.mood.as_ref().map(|m| m.today.iter().sum::<u32>()),
        Some(5)
    );
    assert_eq!(s.trajectories[0].stages[0].clients, 2);
    assert_eq!(s.trajectories[0].longest_waits[0].code, "J-0412");
}

#[test]
fn written_files_read_back_and_match_the_schema() {
    let s = realistic();
    let dir = tempfile::tempdir().expect("a folder");
    let written = snapshot::write(&s, dir.path()).expect("written");
    assert_eq!(
        written.json.file_name().and_then(|n| n.to_str()),
        Some("accueil-jeunesse-20261123T141033Z.json")
    );
    assert_eq!(snapshot::read(&written.json).expect("readable"), s);

    let json = json_of(&written.json);
    let generated = snapshot::schema();
    let errors = schema_errors(&generated, &json);
    assert!(
        errors.is_empty(),
        "against the generated schema: {errors:#?}"
    );

    // The committed schema is the generated one (UPDATE_SCHEMA=1 writes it).
    let text = serde_json::to_string_pretty(&generated).expect("JSON") + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some_and(|v| v == "1") {
        std::fs::write(schema_file(), &text).expect("schema written");
    }
    let committed = std::fs::read_to_string(schema_file())
        .expect("docs/snapshot.schema.json (UPDATE_SCHEMA=1 cargo test --test snapshot_html)");
    assert!(
        committed == text,
        "docs/snapshot.schema.json is not the schema of the code: run \
         UPDATE_SCHEMA=1 cargo test --test snapshot_html"
    );
    let committed: serde_json::Value = serde_json::from_str(&committed).expect("JSON");
    let errors = schema_errors(&committed, &json);
    assert!(
        errors.is_empty(),
        "against the committed schema: {errors:#?}"
    );

    // The schema is strict enough to catch a damaged file.
    let mut broken = json.clone();
    broken["indicators"][0]["values"][0]["value"] = serde_json::json!("beaucoup");
    broken["board"]
        .as_object_mut()
        .expect("an object")
        .remove("title");
    assert!(schema_errors(&committed, &broken).len() >= 2);
}

#[test]
fn a_snapshot_without_entries_matches_the_schema_too() {
    let board = board();
    let view = huddle::view::build(&board, &[], day(11, 23));
    let s = huddle::view::snapshot::build(&board, &view, day(11, 23), at(11, 23, 14), "k");
    let value = serde_json::to_value(&s).expect("JSON");
    let errors = schema_errors(&snapshot::schema(), &value);
    assert!(errors.is_empty(), "{errors:#?}");
    let page = snapshot::html::render(&s);
    assert!(page.contains("Aucune valeur"));
    assert!(page.contains("Aucune action ouverte"));
}

#[test]
fn a_second_snapshot_in_the_same_second_never_overwrites_the_first() {
    let s = realistic();
    let dir = tempfile::tempdir().expect("a folder");
    let first = snapshot::write(&s, dir.path()).expect("written");
    let before = std::fs::read(&first.json).expect("the file");
    let mut later = s.clone();
    later.taken_by = "un autre kiosque".to_owned();
    let second = snapshot::write(&later, dir.path()).expect("written");
    assert_eq!(
        second.json.file_name().and_then(|n| n.to_str()),
        Some("accueil-jeunesse-20261123T141033Z-2.json")
    );
    assert_eq!(
        second.html.file_name().and_then(|n| n.to_str()),
        Some("accueil-jeunesse-20261123T141033Z-2.html")
    );
    assert_eq!(std::fs::read(&first.json).expect("the file"), before);
    assert_eq!(snapshot::read(&second.json).expect("readable"), later);
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("the folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 4, "{names:?}");
}

#[test]
fn newer_and_damaged_files_are_refused() {
    let s = realistic();
    let dir = tempfile::tempdir().expect("a folder");
    let written = snapshot::write(&s, dir.path()).expect("written");
    let text = std::fs::read_to_string(&written.json).expect("the file");

    let mut newer = json_of(&written.json);
    newer["version"] = serde_json::json!(2);
    newer["something_new"] = serde_json::json!({ "a": 1 });
    let path = dir.path().join("newer.json");
    std::fs::write(&path, serde_json::to_vec(&newer).expect("JSON")).expect("written");
    assert!(
        matches!(
            snapshot::read(&path),
            Err(SnapshotError::TooNew { found: 2, .. })
        ),
        "{:?}",
        snapshot::read(&path)
    );

    let path = dir.path().join("truncated.json");
    std::fs::write(&path, &text[..text.len() / 2]).expect("written");
    assert!(
        matches!(snapshot::read(&path), Err(SnapshotError::Invalid { .. })),
        "{:?}",
        snapshot::read(&path)
    );

    // Fields a reader does not know are ignored.
    let mut extended = json_of(&written.json);
    extended["something_new"] = serde_json::json!([1, 2, 3]);
    extended["board"]["colour"] = serde_json::json!("blue");
    let path = dir.path().join("extended.json");
    std::fs::write(&path, serde_json::to_vec(&extended).expect("JSON")).expect("written");
    assert_eq!(snapshot::read(&path).expect("readable"), s);
}

#[test]
fn latest_passes_over_a_half_written_file() {
    let s = realistic();
    let shared = tempfile::tempdir().expect("a folder");
    let dir = shared.path().join(BOARD);
    let good = snapshot::write(&s, &dir).expect("written");
    // A newer file still being copied in: half of its bytes.
    let text = std::fs::read_to_string(&good.json).expect("the file");
    let newer = dir.join("accueil-jeunesse-20261123T160000Z.json");
    std::fs::write(&newer, &text[..text.len() / 3]).expect("written");
    assert_eq!(snapshot::files_of(shared.path(), BOARD)[0], newer);

    let (found, problems) = snapshot::latest(shared.path(), BOARD);
    let (path, found) = found.expect("the older good one");
    assert_eq!(path, good.json);
    assert_eq!(found, s);
    assert_eq!(problems.len(), 1);
    assert!(matches!(&problems[0], SnapshotError::Invalid { path, .. } if *path == newer));
}

#[test]
fn the_page_stands_alone_in_the_board_language() {
    let s = realistic();
    let page = snapshot::html::render(&s);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<html lang=\"fr\">"));
    for text in [
        "Accueil jeunesse — AAOR",
        "Liste d'attente",
        "lun. 23 nov. 2026",
        "Plan d'action",
        "Rappeler les familles en attente depuis plus de 30 jours",
        "Revoir le tri des demandes &lt;urgentes&gt; &amp; &quot;semi-urgentes&quot;",
        "Manque de places en évaluation",
        "J-0412",
        "Prioriser les dossiers de plus de 30 jours",
        "huddle-snapshot 1",
        "78,5",
    ] {
        assert!(page.contains(text), "the page lacks {text:?}");
    }
    assert_eq!(
        page.matches("<svg class=\"chart\"").count(),
        s.indicators.iter().filter(|i| !i.values.is_empty()).count()
    );
    assert!(!page.contains("http://") && !page.contains("https://"));
    assert!(!page.contains("<script") && !page.contains("<link"));
    assert!(page.len() < 100_000, "{} bytes", page.len());

    let mut english = s;
    english.board.language = "en".to_owned();
    let page = snapshot::html::render(&english);
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains("Mon 23 Nov 2026"));
    assert!(page.contains("78.5"));
    assert!(page.contains("Action plan"));
}

#[test]
fn a_client_name_stored_before_names_were_refused_never_goes_up() {
    let board = board();
    let dir = tempfile::tempdir().expect("a folder");
    let mut store = Store::open(dir.path()).expect("a store");
    edit(
        &mut store,
        "trajectoire",
        Edit::AddClient {
            code: "J-0001".to_owned(),
            stage: "Réception".to_owned(),
            since: day(10, 1),
            next_step: String::new(),
            owner: None,
        },
        at(10, 1, 9),
    );
    // Names are refused on every path today: one typed before that is written in the file as
    // an older version left it.
    drop(store);
    let db =
        rusqlite::Connection::open(dir.path().join(huddle::store::FILE_NAME)).expect("the file");
    let renamed = db
        .execute(
            "UPDATE records SET fields = json_set(fields, '$.code', 'Jean Tremblay')
             WHERE kind = 'client'",
            [],
        )
        .expect("written");
    assert_eq!(renamed, 1);
    drop(db);
    let mut store = Store::open(dir.path()).expect("the store again");
    edit(
        &mut store,
        "trajectoire",
        Edit::AddClient {
            code: "J-0412".to_owned(),
            stage: "Réception".to_owned(),
            since: day(11, 2),
            next_step: String::new(),
            owner: None,
        },
        at(11, 2, 9),
    );
    let records = store.board_records(BOARD).expect("records");
    let view = huddle::view::snapshot::view_as_of(&board, &records, day(11, 23));
    let s = huddle::view::snapshot::build(&board, &view, day(11, 23), at(11, 23, 14), "k");
    let trajectory = &s.trajectories[0];
    assert_eq!(trajectory.stages[0].clients, 2, "counted in its stage");
    let named: Vec<&str> = trajectory
        .longest_waits
        .iter()
        .map(|w| w.code.as_str())
        .collect();
    assert_eq!(named, ["J-0412"], "never named");
    assert!(!snapshot::html::render(&s).contains("Tremblay"));
}

/// The programme's two readings travel in the snapshot: in the JSON for a script and the
/// units table, and on the page as icons named in words and a summary table.
#[test]
fn an_xmr_indicator_carries_its_variation_and_assurance() {
    let s = realistic();
    let delay = s
        .indicators
        .iter()
        .find(|i| i.section == "delai-evaluation")
        .expect("the delay");
    // Four weeks (12, 14, 13, 11) after the change of 5 October: one phase, mean 12.5; the
    // latest week is common cause, and the target of 12 lies between the limits.
    assert_eq!(delay.variation, Some(huddle::spc::PointType::CommonCause));
    assert_eq!(delay.assurance, Some(huddle::spc::Assurance::Inconsistent));
    let x = delay.xmr.as_ref().expect("its chart");
    assert_eq!(x.phases.len(), 1);
    assert!((x.phases[0].mean - 12.5).abs() < 1e-9);
    assert!(!x.phases[0].reliable);
    assert_eq!(x.points.len(), 4);
    // A run-chart indicator has neither.
    let waiting = &s.indicators[0];
    assert_eq!((waiting.variation, waiting.assurance), (None, None));
    let dir = tempfile::tempdir().expect("a folder");
    let written = snapshot::write(&s, dir.path()).expect("written");
    let json = json_of(&written.json);
    let delay = json["indicators"]
        .as_array()
        .and_then(|all| all.iter().find(|i| i["section"] == "delai-evaluation"))
        .expect("in the JSON");
    assert_eq!(delay["variation"], "common_cause");
    assert_eq!(delay["assurance"], "inconsistent");
    assert!(json["indicators"][0].get("variation").is_none());
    let page = snapshot::html::render(&s);
    assert!(
        page.contains("<table class=\"summary\">"),
        "the summary table"
    );
    assert!(page.contains("aria-label=\"Variation\u{a0}: variation ordinaire\""));
    assert!(page.contains(
        "aria-label=\"Atteinte de la cible\u{a0}: la cible sera tantôt atteinte, tantôt manquée\""
    ));
    assert!(page.contains("Dernier point"));
    assert!(page.contains("ses limites ne sont pas encore fiables"));
}
