//! The store: one write path, history, undo, idempotence, durability, and refusing files that
//! are not ours.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveDate, TimeZone as _, Utc};
use huddle::model::{ActionStatus, Edit, EntryKind, Op, Origin};
use huddle::store::{Applied, EditError, Store, StoreError};
use serde_json::json;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn at(h: u32, m: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, h, m, 0).unwrap()
}

fn edit(
    store: &mut Store,
    section: &str,
    edit: Edit,
    who: &str,
    when: chrono::DateTime<Utc>,
) -> huddle::model::Change {
    let change = edit
        .into_change("team", section, who, Origin::Screen, when)
        .unwrap();
    assert_eq!(store.apply(&change).unwrap(), Applied::New);
    change
}

#[test]
fn a_change_becomes_a_record_with_who_and_when() {
    let mut store = Store::open_in_memory().unwrap();
    let c = edit(
        &mut store,
        "wait",
        Edit::SetValue {
            date: day(23),
            value: 17.0,
        },
        "Amélie R.",
        at(8, 52),
    );
    let records = store.records("team").unwrap();
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r.id, c.record);
    assert_eq!(r.kind, EntryKind::Value);
    assert_eq!(r.section, "wait");
    assert_eq!(r.fields["value"], json!(17.0));
    assert_eq!(r.updated_by, "Amélie R.");
    assert_eq!(r.updated_at, at(8, 52));
    assert!(store.records("other-board").unwrap().is_empty());
}

#[test]
fn a_second_value_for_the_same_day_replaces_the_first_and_history_keeps_both() {
    let mut store = Store::open_in_memory().unwrap();
    edit(
        &mut store,
        "wait",
        Edit::SetValue {
            date: day(23),
            value: 17.0,
        },
        "Amélie R.",
        at(8, 52),
    );
    edit(
        &mut store,
        "wait",
        Edit::SetValue {
            date: day(23),
            value: 18.0,
        },
        "Benoît T.",
        at(9, 5),
    );
    let records = store.records("team").unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].fields["value"], json!(18.0));
    assert_eq!(records[0].created_by, "Amélie R.");
    assert_eq!(records[0].updated_by, "Benoît T.");
    let history = store.history("team", 10).unwrap();
    assert_eq!(history.len(), 2);
    // Newest first, with what the record was before.
    assert_eq!(history[0].change.author, "Benoît T.");
    assert_eq!(history[0].before.as_ref().unwrap()["value"], json!(17.0));
    assert_eq!(history[1].before, None);
}

#[test]
fn applying_the_same_change_twice_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let c = edit(
        &mut store,
        "acts",
        Edit::AddAction {
            title: "Call the school".into(),
            owner: None,
            due: None,
        },
        "A",
        at(8, 0),
    );
    let version = store.version();
    assert_eq!(store.apply(&c).unwrap(), Applied::AlreadyThere);
    assert_eq!(store.version(), version);
    assert_eq!(store.history("team", 10).unwrap().len(), 1);
}

#[test]
fn undo_puts_the_record_back_and_is_itself_history() {
    let mut store = Store::open_in_memory().unwrap();
    let add = edit(
        &mut store,
        "acts",
        Edit::AddAction {
            title: "Call the school".into(),
            owner: Some("Chloé D.".into()),
            due: Some(day(30)),
        },
        "A",
        at(8, 0),
    );
    edit(
        &mut store,
        "acts",
        Edit::SetActionStatus {
            id: add.record.clone(),
            status: ActionStatus::Done,
        },
        "B",
        at(8, 5),
    );
    assert_eq!(
        store.records("team").unwrap()[0].fields["status"],
        json!("done")
    );

    let undo = store
        .undo_last("team", "C", Origin::Screen, at(8, 6))
        .unwrap()
        .unwrap();
    assert_eq!(
        store.records("team").unwrap()[0].fields["status"],
        json!("todo")
    );
    assert_eq!(undo.author, "C");

    // Undo again: the creation is undone, the action is gone from the board.
    store
        .undo_last("team", "C", Origin::Screen, at(8, 7))
        .unwrap()
        .unwrap();
    assert!(store.records("team").unwrap().is_empty());
    // Nothing left to undo.
    assert!(
        store
            .undo_last("team", "C", Origin::Screen, at(8, 8))
            .unwrap()
            .is_none()
    );

    let history = store.history("team", 10).unwrap();
    assert_eq!(history.len(), 4);
    assert!(history[0].change.undoes.is_some() && history[1].change.undoes.is_some());
    assert!(history[2].undone_by.is_some() && history[3].undone_by.is_some());
    assert_eq!(history[0].change.op, Op::Delete);
}

#[test]
fn a_correction_changes_only_the_fields_corrected_and_undo_puts_them_back() {
    use huddle::model::{ActionEntry, Entry as _};
    let mut store = Store::open_in_memory().unwrap();
    let add = edit(
        &mut store,
        "acts",
        Edit::AddAction {
            title: "Call the scool".into(),
            owner: Some("Chloé D.".into()),
            due: None,
        },
        "A",
        at(8, 0),
    );
    edit(
        &mut store,
        "acts",
        Edit::SetActionStatus {
            id: add.record.clone(),
            status: ActionStatus::Doing,
        },
        "B",
        at(8, 1),
    );
    // As the form shows it: what a person types, not the status.
    let before = ActionEntry {
        title: Some("Call the scool".into()),
        owner: Some("Chloé D.".into()),
        due: None,
        status: None,
    };
    let after = ActionEntry {
        title: Some("Call the school".into()),
        owner: None,
        due: Some(day(30)),
        status: None,
    };
    let correction = Edit::correct(&add.record, &before, &after);
    let Edit::Correct { fields, .. } = &correction else {
        panic!("a correction: {correction:?}");
    };
    let mut names: Vec<&str> = fields.keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(names, ["due", "owner", "title"]);
    let change = edit(&mut store, "acts", correction, "C", at(8, 2));
    assert_eq!(change.record, add.record, "the same entry, not a new one");

    let records = store.records("team").unwrap();
    assert_eq!(records.len(), 1);
    let now = ActionEntry::from_fields(&records[0].fields);
    assert_eq!(now.title.as_deref(), Some("Call the school"));
    assert_eq!(now.owner, None);
    assert_eq!(now.due, Some(day(30)));
    assert_eq!(now.status, Some(ActionStatus::Doing), "the status stands");
    let history = store.history("team", 10).unwrap();
    assert_eq!(history.len(), 3, "the entry's history goes on");

    // Undo puts the three fields back as they were, the due date cleared again.
    store
        .undo_last("team", "C", Origin::Screen, at(8, 3))
        .unwrap()
        .unwrap();
    let back = ActionEntry::from_fields(&store.records("team").unwrap()[0].fields);
    assert_eq!(back.title.as_deref(), Some("Call the scool"));
    assert_eq!(back.owner.as_deref(), Some("Chloé D."));
    assert_eq!(back.due, None);
    assert_eq!(back.status, Some(ActionStatus::Doing));

    // Nothing changed: nothing to store. An emptied title is refused.
    assert!(Edit::correct(&add.record, &before, &before).changes_nothing());
    let emptied = ActionEntry {
        title: Some("  ".into()),
        ..before.clone()
    };
    assert_eq!(
        Edit::correct(&add.record, &before, &emptied)
            .into_change("team", "acts", "C", Origin::Screen, at(8, 4))
            .err(),
        Some(huddle::model::InputError::Empty("action"))
    );
}

#[test]
fn bad_input_is_refused_before_the_store() {
    let e = Edit::AddAction {
        title: " ".into(),
        owner: None,
        due: None,
    }
    .into_change("team", "acts", "A", Origin::Cli, at(8, 0));
    assert!(e.is_err());
    assert!(huddle::model::parse_number("douze").is_err());
    assert!(huddle::model::parse_date("2026-13-01").is_err());
}

#[test]
fn an_edit_is_made_and_stored_in_one_call_and_a_refused_one_stores_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let refused = store.apply_edit(
        Edit::AddAction {
            title: " ".into(),
            owner: None,
            due: None,
        },
        ("team", "acts"),
        ("A", Origin::Screen),
        at(8, 0),
    );
    assert!(matches!(refused, Err(EditError::Input(_))), "{refused:?}");
    assert!(store.records("team").unwrap().is_empty());
    let change = store
        .apply_edit(
            Edit::AddAction {
                title: "Rappeler la pharmacie".into(),
                owner: Some("Farid".into()),
                due: None,
            },
            ("team", "acts"),
            ("A", Origin::Screen),
            at(8, 1),
        )
        .unwrap();
    let records = store.records("team").unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].id, change.record);
    assert_eq!(records[0].fields["title"], json!("Rappeler la pharmacie"));
    assert_eq!(records[0].created_by, "A");
}

#[test]
fn the_store_survives_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    edit(
        &mut store,
        "wait",
        Edit::SetValue {
            date: day(23),
            value: 17.0,
        },
        "A",
        at(8, 0),
    );
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.records("team").unwrap().len(), 1);
    assert_eq!(
        store.path(),
        Some(dir.path().join("huddle.sqlite3").as_path())
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huddle.sqlite3");
    std::fs::write(&file, "these are my notes, not a database\n".repeat(100)).unwrap();
    let before = std::fs::read(&file).unwrap();
    let err = Store::open(dir.path()).err().expect("refused");
    assert!(matches!(err, StoreError::NotHuddle(_)), "{err}");
    assert!(err.to_string().contains("is not a Huddle database"));
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn another_applications_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huddle.sqlite3");
    let conn = rusqlite::Connection::open(&file).unwrap();
    conn.execute_batch("CREATE TABLE patients (name TEXT); INSERT INTO patients VALUES ('x');")
        .unwrap();
    drop(conn);
    let before = std::fs::read(&file).unwrap();
    let err = Store::open(dir.path()).err().expect("refused");
    assert!(matches!(err, StoreError::NotHuddle(_)), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn a_database_from_a_newer_huddle_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let file = dir.path().join("huddle.sqlite3");
    let conn = rusqlite::Connection::open(&file).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let before = std::fs::read(&file).unwrap();
    let err = Store::open(dir.path()).err().expect("refused");
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
    assert!(err.to_string().contains("newer version of Huddle"));
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn a_data_folder_that_cannot_be_made_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let err = Store::open(&file.join("data")).err().expect("refused");
    assert!(err.to_string().starts_with("the data folder"), "{err}");
}

/// The durability test: a child process applies a change, says so, and is killed with SIGKILL
/// at once; the change is there when the store is opened again.
#[test]
fn a_confirmed_change_survives_sigkill() {
    use std::io::BufRead as _;
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "sigkill_child",
            "--nocapture",
            "--include-ignored",
        ])
        .env("HUDDLE_SIGKILL_DIR", dir.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = std::io::BufReader::new(stdout).lines();
    let confirmed = lines
        .by_ref()
        .map_while(Result::ok)
        .find(|l| l.starts_with("confirmed "));
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    let record = confirmed
        .expect("the child confirmed a change")
        .trim_start_matches("confirmed ")
        .to_owned();
    let store = Store::open(dir.path()).unwrap();
    let records = store.records("team").unwrap();
    assert!(records.iter().any(|r| r.id == record), "{record} is lost");
}

/// Runs only as the child of the test above.
#[test]
#[ignore = "child process of a_confirmed_change_survives_sigkill"]
fn sigkill_child() {
    let Some(dir) = std::env::var_os("HUDDLE_SIGKILL_DIR") else {
        return;
    };
    let mut store = Store::open(std::path::Path::new(&dir)).unwrap();
    let c = Edit::AddAction {
        title: "Survive".into(),
        owner: None,
        due: None,
    }
    .into_change("team", "acts", "A", Origin::Screen, Utc::now())
    .unwrap();
    store.apply(&c).unwrap();
    println!("confirmed {}", c.record);
    std::thread::sleep(std::time::Duration::from_secs(60));
}

#[test]
fn several_processes_opening_a_new_data_folder_at_once_all_get_it() {
    // The kiosk, its sync worker and the command line can open a new data folder together.
    for _ in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let opened: Vec<_> = (0..4)
            .map(|_| {
                let path = dir.path().to_owned();
                std::thread::Builder::new()
                    .name("opener".into())
                    .spawn(move || Store::open(&path).map(|s| s.device().to_owned()))
                    .unwrap()
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        let ids: Vec<String> = opened.into_iter().map(|r| r.unwrap()).collect();
        assert!(
            ids.windows(2).all(|w| w[0] == w[1]),
            "one device id: {ids:?}"
        );
    }
}

#[test]
fn a_database_of_the_first_schema_is_brought_up_to_date_with_its_entries() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(huddle::store::FILE_NAME);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("fixtures/schema-v1.sql"))
            .unwrap();
    }
    let mut store = Store::open(dir.path()).unwrap();
    let records = store.records("team").unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].fields["value"], json!(18.0));
    // Its history is this kiosk's, numbered, and goes on from there.
    assert_eq!(store.last_own_seq().unwrap(), 2);
    assert_eq!(store.outbox(0, 10).unwrap().len(), 2);
    edit(
        &mut store,
        "wait",
        Edit::SetValue {
            date: day(23),
            value: 19.0,
        },
        "Benoît T.",
        at(9, 30),
    );
    assert_eq!(
        store.records("team").unwrap()[0].fields["value"],
        json!(19.0)
    );
    let undone = store
        .undo_last("team", "Benoît T.", Origin::Screen, at(9, 31))
        .unwrap();
    assert!(undone.is_some());
    assert_eq!(
        store.records("team").unwrap()[0].fields["value"],
        json!(18.0)
    );
}

#[test]
fn a_daily_copy_opens_on_its_own_and_only_the_newest_are_kept() {
    use huddle::store::backup;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    for d in 1..=10u32 {
        let change = Edit::SetValue {
            date: day(d),
            value: f64::from(d),
        }
        .into_change(
            "accueil-jeunesse",
            "liste-attente",
            "test",
            Origin::Cli,
            chrono::Utc::now(),
        )
        .unwrap();
        store.apply(&change).unwrap();
        let made = backup::daily(&store, dir.path(), day(d), 3).unwrap();
        assert!(made.is_some(), "day {d}");
    }
    // Once a day: a second call the same day makes nothing.
    assert!(
        backup::daily(&store, dir.path(), day(10), 3)
            .unwrap()
            .is_none()
    );
    let copies = backup::copies(&dir.path().join(backup::DIR));
    let names: Vec<String> = copies
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "huddle-2026-11-10.sqlite3",
            "huddle-2026-11-09.sqlite3",
            "huddle-2026-11-08.sqlite3"
        ]
    );
    // The newest copy is a whole database with the ten values; no temporary file is left.
    let restored = tempfile::tempdir().unwrap();
    std::fs::copy(&copies[0], restored.path().join(huddle::store::FILE_NAME)).unwrap();
    let copy = Store::open(restored.path()).unwrap();
    assert_eq!(copy.records("accueil-jeunesse").unwrap().len(), 10);
    assert!(copy.integrity_check().unwrap().is_empty());
    let litter = std::fs::read_dir(dir.path().join(backup::DIR))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(litter, 0);
}

#[test]
fn undo_finds_this_kiosks_last_change_behind_any_number_of_other_kiosks_changes() {
    let mut here = Store::open_in_memory().unwrap();
    let mut other = Store::open_in_memory().unwrap();
    let mine = edit(
        &mut here,
        "plan",
        Edit::AddAction {
            title: "Réserver la salle".into(),
            owner: None,
            due: None,
        },
        "Élise",
        at(8, 0),
    );
    // A busy second screen: more changes than any window of recent history.
    for n in 0..1_500 {
        edit(
            &mut other,
            "wait",
            Edit::SetValue {
                date: day(1 + n % 28),
                value: f64::from(n),
            },
            "Farid",
            at(9, 0),
        );
    }
    let shipped = other.outbox(0, usize::MAX).unwrap();
    here.ingest(&shipped, &[]).unwrap();
    let last = here
        .last_undoable("team")
        .unwrap()
        .expect("this kiosk's change");
    assert_eq!(last.change.id, mine.id);
    let undo = here
        .undo_last("team", "Élise", Origin::Screen, at(10, 0))
        .unwrap()
        .expect("an undo");
    assert_eq!(undo.undoes.as_deref(), Some(mine.id.as_str()));
    assert!(
        here.last_undoable("team").unwrap().is_none(),
        "nothing more of this kiosk to undo"
    );
}

#[test]
fn what_each_other_kiosks_changes_come_to_is_kept_as_they_arrive_and_after_an_upgrade() {
    let mut kiosks: Vec<Store> = (0..2).map(|_| Store::open_in_memory().unwrap()).collect();
    for (n, kiosk) in kiosks.iter_mut().enumerate() {
        for d in 1..=(3 - n as u32) {
            edit(
                kiosk,
                "wait",
                Edit::SetValue {
                    date: day(d),
                    value: f64::from(d),
                },
                "Amélie",
                at(8, d),
            );
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    edit(
        &mut store,
        "wait",
        Edit::SetValue {
            date: day(9),
            value: 9.0,
        },
        "Benoît T.",
        at(9, 0),
    );
    for kiosk in &kiosks {
        let changes = kiosk.outbox(0, 10).unwrap();
        store.ingest(&changes, &[]).unwrap();
        // Arriving twice (a conflict copy, a second folder) counts once.
        store.ingest(&changes, &[]).unwrap();
    }
    let expected = |store: &Store| {
        let mut want: Vec<(String, u64, u64, String)> = kiosks
            .iter()
            .map(|k| {
                let last = k.outbox(0, 10).unwrap().pop().unwrap();
                (
                    k.device().to_owned(),
                    last.seq,
                    last.seq,
                    last.stamp.to_string(),
                )
            })
            .collect();
        want.sort();
        let got: Vec<(String, u64, u64, String)> = store
            .peers()
            .unwrap()
            .into_iter()
            .map(|p| {
                (
                    p.device,
                    p.count,
                    p.last_seq,
                    p.last_stamp.unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(got, want);
    };
    expected(&store);
    assert_eq!(
        store.peers().unwrap()[0].count + store.peers().unwrap()[1].count,
        5
    );
    drop(store);
    // A database of the schema before: the figures are made from its changes.
    {
        let conn = rusqlite::Connection::open(dir.path().join(huddle::store::FILE_NAME)).unwrap();
        conn.execute_batch("DROP TABLE device_changes; PRAGMA user_version = 2;")
            .unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    expected(&store);
}

#[cfg(unix)]
#[test]
fn data_at_rest_is_private_whatever_the_umask_and_however_old_the_files() {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // A folder and a log left world-readable by an older version.
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut store = Store::open(&data).unwrap();
    edit(
        &mut store,
        "wait",
        Edit::SetValue {
            date: day(20),
            value: 1.0,
        },
        "Amélie",
        at(8, 0),
    );
    assert_eq!(mode(&data), 0o700);
    for file in ["huddle.sqlite3", "huddle.sqlite3-wal", "huddle.sqlite3-shm"] {
        assert_eq!(mode(&data.join(file)), 0o600, "{file}");
    }
    let made = huddle::store::backup::daily(&store, &data, day(20), 7)
        .unwrap()
        .unwrap();
    assert_eq!(mode(&made), 0o600);
    assert_eq!(mode(made.parent().unwrap()), 0o700);
    let logs = data.join("logs");
    std::fs::create_dir(&logs).unwrap();
    std::fs::write(logs.join("huddle.log.1"), "old\n").unwrap();
    std::fs::set_permissions(
        logs.join("huddle.log.1"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    let log = huddle::logging::RotatingFile::open(&logs).unwrap();
    drop(log);
    assert_eq!(mode(&logs), 0o700);
    assert_eq!(mode(&logs.join("huddle.log")), 0o600);
    assert_eq!(mode(&logs.join("huddle.log.1")), 0o600);
    // An older database, 0644, is made private when opened.
    drop(store);
    std::fs::set_permissions(
        data.join("huddle.sqlite3"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    let _store = Store::open(&data).unwrap();
    assert_eq!(mode(&data.join("huddle.sqlite3")), 0o600);
}

#[test]
fn a_foreign_database_moved_over_ours_while_open_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut store = Store::open(&data).unwrap();
    let value = |v: f64| Edit::SetValue {
        date: day(20),
        value: v,
    };
    edit(&mut store, "wait", value(1.0), "Amélie", at(8, 0));
    // Another application's database, put in its place (a restore gone wrong, a script).
    let foreign = dir.path().join("other.sqlite3");
    let conn = rusqlite::Connection::open(&foreign).unwrap();
    conn.execute_batch(
        "PRAGMA application_id = 1234; CREATE TABLE patients (name TEXT); INSERT INTO patients VALUES ('x');",
    )
    .unwrap();
    drop(conn);
    let before = std::fs::read(&foreign).unwrap();
    std::fs::rename(&foreign, data.join("huddle.sqlite3")).unwrap();
    let change = value(2.0)
        .into_change("team", "wait", "Amélie", Origin::Screen, at(8, 1))
        .unwrap();
    let err = store.apply(&change).unwrap_err();
    assert!(matches!(err, StoreError::Replaced { .. }), "{err}");
    assert!(
        err.to_string()
            .contains("another file was moved to its place"),
        "{err}"
    );
    assert!(store.set_meta("x", "y").is_err());
    assert!(store.ingest(&[], &[]).is_err());
    assert_eq!(std::fs::read(data.join("huddle.sqlite3")).unwrap(), before);
    // Copied over in place (same file, new bytes): its header gives it away.
    let mut again = Store::open(&dir.path().join("data2")).unwrap();
    let other = rusqlite::Connection::open(dir.path().join("data2/huddle.sqlite3")).unwrap();
    drop(other);
    std::fs::write(dir.path().join("data2/huddle.sqlite3"), &before).unwrap();
    let err = again.apply(&change).unwrap_err();
    assert!(err.to_string().contains("not Huddle"), "{err}");
}
