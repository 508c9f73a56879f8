//! Sync through a shared folder, kiosk against kiosk, with the shared folder handled here as a
//! sync engine would handle it: files late, cut short, copied under conflict names, replaced,
//! missing for a moment, litter beside them, clocks that disagree, a folder that vanishes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;

use chrono::{DateTime, Duration, NaiveDate, TimeZone as _, Utc};
use huddle::model::{Edit, Origin};
use huddle::store::Store;
use huddle::sync::{Refusal, Report, Shared, SyncError};
use tempfile::TempDir;

const BOARD: &str = "team";

/// A kiosk: its data folder and its store on disk.
struct Kiosk {
    dir: TempDir,
    store: Store,
}

impl Kiosk {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        Self { dir, store }
    }

    /// A second machine running a copy of this kiosk's data folder.
    fn copy(&self) -> Self {
        let dir = tempfile::tempdir().unwrap();
        for name in ["huddle.sqlite3", "huddle.sqlite3-wal", "huddle.sqlite3-shm"] {
            let from = self.dir.path().join(name);
            if from.exists() {
                std::fs::copy(&from, dir.path().join(name)).unwrap();
            }
        }
        let store = Store::open(dir.path()).unwrap();
        Self { dir, store }
    }

    fn device(&self) -> String {
        self.store.device().to_owned()
    }

    /// Sets the day's value of the waiting list, as a tap would, at `at`.
    fn set(&mut self, day: u32, value: f64, at: DateTime<Utc>) -> String {
        let change = Edit::SetValue {
            date: date(day),
            value,
        }
        .into_change(BOARD, "wait", "Amélie", Origin::Screen, at)
        .unwrap();
        self.store.apply(&change).unwrap();
        change.record
    }

    fn remove(&mut self, record: &str, at: DateTime<Utc>) {
        let change = Edit::Remove {
            id: record.to_owned(),
            kind: huddle::model::EntryKind::Value,
        }
        .into_change(BOARD, "wait", "Amélie", Origin::Screen, at)
        .unwrap();
        self.store.apply(&change).unwrap();
    }

    fn sync(&mut self, shared: &Shared) -> Report {
        shared.sync_once(&mut self.store, now()).unwrap()
    }

    /// A sync at `t` by this kiosk's clock.
    fn sync_at(&mut self, shared: &Shared, t: DateTime<Utc>) -> Report {
        shared.sync_once(&mut self.store, t).unwrap()
    }

    fn try_sync(&mut self, shared: &Shared) -> Result<Report, SyncError> {
        shared.sync_once(&mut self.store, now())
    }

    /// The values on the board, by day.
    fn values(&self) -> Vec<(String, f64)> {
        let mut out: Vec<(String, f64)> = self
            .store
            .records(BOARD)
            .unwrap()
            .into_iter()
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

    fn state(&self) -> Vec<huddle::store::MergedRecord> {
        self.store.merged_state(BOARD).unwrap()
    }
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, h, m, s).unwrap()
}

fn now() -> DateTime<Utc> {
    at(12, 0, 0)
}

fn v(day: u32, value: f64) -> (String, f64) {
    (date(day).to_string(), value)
}

fn shared_folder() -> (TempDir, Shared) {
    let dir = tempfile::tempdir().unwrap();
    let shared = Shared {
        dir: dir.path().to_owned(),
        name: "test".into(),
    };
    (dir, shared)
}

fn device_dir(shared: &Shared, device: &str) -> PathBuf {
    shared.dir.join("huddle-sync/devices").join(device)
}

/// The segment files of a device, sorted.
fn segments(shared: &Shared, device: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(device_dir(shared, device))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_str().unwrap().starts_with("seg-"))
        .collect();
    out.sort();
    out
}

#[test]
fn a_change_reaches_the_other_kiosk_and_concurrent_edits_settle_the_same_on_both() {
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    let mut b = Kiosk::new();
    assert_ne!(a.device(), b.device(), "a device id per data folder");
    a.set(20, 12.0, at(8, 0, 0));
    assert_eq!(a.sync(&shared).published, 1);
    let report = b.sync(&shared);
    assert_eq!(report.ingested, 1);
    assert_eq!(b.values(), [v(20, 12.0)]);
    // Both edit the same day's value before hearing of each other: the later stamp wins on
    // both, whichever syncs first.
    a.set(23, 17.0, at(8, 41, 0));
    b.set(23, 19.0, at(8, 42, 0));
    b.sync(&shared);
    a.sync(&shared);
    b.sync(&shared);
    assert_eq!(a.values(), [v(20, 12.0), v(23, 19.0)]);
    assert_eq!(a.state(), b.state());
    // Syncing again changes nothing.
    let version = b.store.version();
    assert_eq!(b.sync(&shared), Report::default());
    assert_eq!(a.sync(&shared).ingested, 0);
    assert_eq!(b.store.version(), version);
    // Where the change came from stays with it.
    let history = a.store.history(BOARD, 10).unwrap();
    assert_eq!(history[0].device, b.device());
    assert_eq!(history[0].change.author, "Amélie");
}

#[test]
fn a_change_made_after_seeing_another_wins_even_against_a_clock_a_day_ahead() {
    let (_d, shared) = shared_folder();
    let mut ahead = Kiosk::new();
    let mut here = Kiosk::new();
    // The kiosk whose clock is a day ahead enters 17 (and syncs by its clock).
    let day = Duration::days(1);
    ahead.set(23, 17.0, at(8, 0, 0) + day);
    ahead.sync_at(&shared, now() + day);
    here.sync(&shared);
    // Here, someone corrects it to 18 at 08:05 (real time): it wins, because it was made
    // after the 17 was seen.
    here.set(23, 18.0, at(8, 5, 0));
    here.sync(&shared);
    ahead.sync_at(&shared, now() + day);
    assert_eq!(ahead.values(), [v(23, 18.0)]);
    assert_eq!(ahead.state(), here.state());
    // The status says whose clock is wrong.
    let status = shared.status(&here.store, at(8, 6, 0));
    let peer = &status.peers[0];
    assert_eq!(peer.device, ahead.device());
    assert!(peer.ahead_ms.unwrap() > 23 * 3600 * 1000, "{peer:?}");
    assert_eq!(status.own_clock_ms, None);
    // On the kiosk that is wrong, it is its own clock that is named.
    let status = shared.status(&ahead.store, now() + day);
    assert!(status.peers[0].ahead_ms.is_none(), "{status:?}");
    assert!(
        status.own_clock_ms.unwrap() > 23 * 3600 * 1000,
        "{status:?}"
    );
    // A clock that goes back does not put this kiosk's next change behind its last one.
    let record = here.set(24, 1.0, at(9, 0, 0));
    here.set(24, 2.0, at(7, 0, 0));
    let history = here.store.history(BOARD, 1).unwrap();
    assert_eq!(history[0].change.record, record);
    assert_eq!(here.values()[1], v(24, 2.0));
}

#[test]
fn deletions_travel_as_tombstones_and_an_old_kiosk_cannot_bring_a_record_back() {
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    let mut b = Kiosk::new();
    let mut old = Kiosk::new();
    let record = a.set(20, 12.0, at(8, 0, 0));
    a.sync(&shared);
    b.sync(&shared);
    old.sync(&shared);
    // A kiosk offline for a while edits the value; meanwhile A removes it.
    old.set(20, 13.0, at(8, 1, 0));
    a.remove(&record, at(8, 2, 0));
    a.sync(&shared);
    b.sync(&shared);
    assert!(b.values().is_empty(), "the deletion arrived");
    // The old kiosk comes back with its edit made before the deletion: it stays deleted.
    old.sync(&shared);
    b.sync(&shared);
    a.sync(&shared);
    for k in [&a, &b, &old] {
        assert!(k.values().is_empty());
    }
    assert_eq!(a.state(), b.state());
    assert_eq!(a.state(), old.state());
    // Undo on A puts it back everywhere (a newer change than the deletion).
    a.store
        .undo_last(BOARD, "Amélie", Origin::Screen, at(8, 3, 0))
        .unwrap();
    a.sync(&shared);
    b.sync(&shared);
    old.sync(&shared);
    assert_eq!(b.values(), [v(20, 12.0)]);
    assert_eq!(old.values(), [v(20, 12.0)]);
    // Undo undoes what was done on this kiosk, not what another did.
    b.store
        .undo_last(BOARD, "Benoît", Origin::Screen, at(8, 4, 0))
        .unwrap();
    assert_eq!(b.values(), [v(20, 12.0)]);
}

#[test]
fn a_segment_cut_short_is_read_to_its_last_whole_line_and_the_rest_once_it_arrives() {
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    let mut b = Kiosk::new();
    for day in 16..=20 {
        a.set(day, f64::from(day), at(8, 0, day));
    }
    a.sync(&shared);
    let segment = segments(&shared, &a.device()).pop().unwrap();
    let whole = std::fs::read(&segment).unwrap();
    // As a sync engine delivering slowly, or a copy cut off: two lines and a half.
    let cut = whole
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(1)
        .unwrap()
        .0
        + 40;
    std::fs::write(&segment, &whole[..cut]).unwrap();
    assert_eq!(b.sync(&shared).ingested, 2);
    assert_eq!(b.values(), [v(16, 16.0), v(17, 17.0)]);
    // A damaged line (flipped byte) is not taken either.
    let mut damaged = whole.clone();
    let third_line = cut - 20;
    damaged[third_line] ^= 0x01;
    std::fs::write(&segment, &damaged).unwrap();
    let report = b.sync(&shared);
    assert_eq!(report.ingested, 2, "lines 4 and 5, not the damaged 3rd");
    assert_eq!(report.problems.len(), 1, "{report:?}");
    assert!(report.problems[0].contains("line 3"), "{report:?}");
    // The whole file arrives: the rest is read, and nothing twice.
    std::fs::write(&segment, &whole).unwrap();
    let report = b.sync(&shared);
    assert_eq!(report.ingested, 1);
    assert!(report.problems.is_empty());
    assert_eq!(b.values().len(), 5);
    assert_eq!(b.sync(&shared).ingested, 0);
}

#[test]
fn temp_files_litter_and_odd_names_are_ignored() {
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    let mut b = Kiosk::new();
    a.set(20, 12.0, at(8, 0, 0));
    a.sync(&shared);
    let dir = device_dir(&shared, &a.device());
    let segment = segments(&shared, &a.device()).pop().unwrap();
    let bytes = std::fs::read(&segment).unwrap();
    // A sync engine's temp copy of a segment still arriving (holding another change).
    a.set(21, 13.0, at(8, 1, 0));
    a.sync(&shared);
    let second = segments(&shared, &a.device()).pop().unwrap();
    let second_bytes = std::fs::read(&second).unwrap();
    std::fs::remove_file(&second).unwrap();
    for temp in [
        ".syncthing.seg-000000000002-000000000002.jsonl.tmp",
        "~syncthing~seg-000000000002-000000000002.jsonl.tmp",
        ".syncthing.6f1ed002ab5595859014ebf0951522d9.tmp",
    ] {
        std::fs::write(dir.join(temp), &second_bytes).unwrap();
    }
    // OS and sync-engine litter, an empty file, a folder where a file goes, a name that is
    // not UTF-8, a case variant, a folder that is not a device's.
    std::fs::write(dir.join("desktop.ini"), "[.ShellClassInfo]").unwrap();
    std::fs::write(dir.join(".DS_Store"), [0u8, 1, 2]).unwrap();
    std::fs::write(dir.join("Thumbs.db"), [0u8; 64]).unwrap();
    std::fs::write(dir.join("seg-000000000009-000000000009.jsonl"), "").unwrap();
    std::fs::create_dir(dir.join("seg-000000000010-000000000010.jsonl")).unwrap();
    std::fs::write(dir.join("SEG-000000000001-000000000001.JSONL"), &bytes).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        let name = std::ffi::OsStr::from_bytes(b"seg-\xff\xfe.jsonl");
        std::fs::write(dir.join(name), b"not ours").unwrap();
    }
    let devices = shared.dir.join("huddle-sync/devices");
    std::fs::write(devices.join("desktop.ini"), "x").unwrap();
    std::fs::create_dir(devices.join("Not A Device")).unwrap();
    std::fs::write(shared.dir.join("huddle-sync/.DS_Store"), "x").unwrap();
    let report = b.sync(&shared);
    assert_eq!(report.ingested, 1, "{report:?}");
    assert_eq!(b.values(), [v(20, 12.0)]);
    // The temp file is renamed into place: now it is read.
    std::fs::rename(
        dir.join(".syncthing.seg-000000000002-000000000002.jsonl.tmp"),
        &second,
    )
    .unwrap();
    assert_eq!(b.sync(&shared).ingested, 1);
    assert_eq!(b.values(), [v(20, 12.0), v(21, 13.0)]);
    // The litter is still there: nothing deletes what it does not own.
    assert!(dir.join("desktop.ini").exists());
}

#[test]
fn conflict_copies_of_every_naming_form_are_read_as_data_and_add_nothing_twice() {
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    let mut b = Kiosk::new();
    for day in 16..=18 {
        a.set(day, f64::from(day), at(8, 0, day));
    }
    a.sync(&shared);
    let dir = device_dir(&shared, &a.device());
    let segment = segments(&shared, &a.device()).pop().unwrap();
    let whole = std::fs::read(&segment).unwrap();
    let name = segment.file_name().unwrap().to_str().unwrap().to_owned();
    let stem = name.trim_end_matches(".jsonl");
    // The copy with the older time lost the name and holds the newer (complete) bytes; the
    // file under the real name is cut short.
    let first_line = whole.iter().position(|b| *b == b'\n').unwrap() + 1;
    std::fs::write(&segment, &whole[..first_line]).unwrap();
    for copy in [
        format!("{stem}.sync-conflict-20261122-232838-WZ7LWQC.jsonl"),
        format!("{stem} (kiosk-2's conflicted copy 2026-11-22).jsonl"),
        format!("{stem}-KIOSK2.jsonl"),
        format!("{stem} (2).jsonl"),
    ] {
        std::fs::write(dir.join(copy), &whole).unwrap();
    }
    let report = b.sync(&shared);
    assert_eq!(report.ingested, 3);
    assert_eq!(b.values().len(), 3);
    // Authorship comes from the lines, not from the conflict copy's name.
    let history = b.store.history(BOARD, 10).unwrap();
    assert!(history.iter().all(|h| h.device == a.device()));
    assert_eq!(b.sync(&shared).ingested, 0);
}

#[test]
fn a_file_missing_for_a_moment_is_not_a_deletion() {
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    let mut b = Kiosk::new();
    a.set(20, 12.0, at(8, 0, 0));
    a.sync(&shared);
    b.sync(&shared);
    // Syncthing replaces a file by removing it, then renaming its temp file into place; a
    // OneDrive folder may show nothing for a while.
    let segment = segments(&shared, &a.device()).pop().unwrap();
    let bytes = std::fs::read(&segment).unwrap();
    std::fs::remove_file(&segment).unwrap();
    assert_eq!(b.sync(&shared), Report::default());
    assert_eq!(b.values(), [v(20, 12.0)]);
    std::fs::remove_dir_all(device_dir(&shared, &a.device())).unwrap();
    assert_eq!(b.sync(&shared), Report::default());
    assert_eq!(b.values(), [v(20, 12.0)]);
    // It comes back: nothing happens twice.
    std::fs::create_dir_all(device_dir(&shared, &a.device())).unwrap();
    std::fs::write(&segment, &bytes).unwrap();
    assert_eq!(b.sync(&shared).ingested, 0);
    assert_eq!(b.values(), [v(20, 12.0)]);
}

#[test]
fn a_gap_in_a_kiosks_changes_is_reported_until_it_is_filled() {
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    let mut b = Kiosk::new();
    // Three segments: changes 1, 2 and 3, each synced on its own.
    for day in 18..=20 {
        a.set(day, f64::from(day), at(8, 0, day));
        a.sync(&shared);
    }
    let files = segments(&shared, &a.device());
    assert_eq!(files.len(), 3);
    // The middle one has not arrived yet.
    let middle = std::fs::read(&files[1]).unwrap();
    std::fs::remove_file(&files[1]).unwrap();
    assert_eq!(b.sync(&shared).ingested, 2);
    assert_eq!(b.values(), [v(18, 18.0), v(20, 20.0)]);
    let status = shared.status(&b.store, now());
    assert_eq!(status.peers[0].published_changes, 3);
    assert_eq!(status.peers[0].missing(), 1);
    std::fs::write(&files[1], &middle).unwrap();
    assert_eq!(b.sync(&shared).ingested, 1);
    assert_eq!(shared.status(&b.store, now()).peers[0].missing(), 0);
}

#[test]
fn a_file_replaced_by_one_with_an_older_time_is_read_again() {
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    let mut b = Kiosk::new();
    a.set(19, 1.0, at(8, 0, 0));
    a.set(20, 2.0, at(8, 0, 1));
    a.sync(&shared);
    let segment = segments(&shared, &a.device()).pop().unwrap();
    let whole = std::fs::read(&segment).unwrap();
    let first_line = whole.iter().position(|b| *b == b'\n').unwrap() + 1;
    std::fs::write(&segment, &whole[..first_line]).unwrap();
    assert_eq!(b.sync(&shared).ingested, 1);
    // The whole file arrives with the sender's time, an hour in the past.
    std::fs::write(&segment, &whole).unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&segment)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    assert_eq!(b.sync(&shared).ingested, 1);
    assert_eq!(b.values().len(), 2);
}

#[test]
fn an_absent_folder_is_normal_and_the_kiosk_catches_up_when_it_returns() {
    let parent = tempfile::tempdir().unwrap();
    let shared = Shared {
        dir: parent.path().join("share"),
        name: "test".into(),
    };
    let mut a = Kiosk::new();
    let mut b = Kiosk::new();
    // Never there yet: a kiosk keeps working and says so.
    a.set(20, 12.0, at(8, 0, 0));
    let err = a.try_sync(&shared).unwrap_err();
    assert!(matches!(err, SyncError::Unreachable { .. }), "{err}");
    assert!(err.refusal().is_none());
    let status = shared.status(&a.store, now());
    assert_eq!(status.waiting, 1);
    assert!(status.error.unwrap().contains("cannot be reached"));
    // The share is mounted: it catches up.
    std::fs::create_dir(&shared.dir).unwrap();
    assert_eq!(a.sync(&shared).published, 1);
    b.sync(&shared);
    // Unmounted again (the mount point is there, empty): this is not an empty shared
    // folder to act on.
    let moved = parent.path().join("away");
    std::fs::rename(&shared.dir, &moved).unwrap();
    a.set(21, 13.0, at(8, 1, 0));
    assert!(matches!(
        a.try_sync(&shared).unwrap_err(),
        SyncError::Unreachable { .. }
    ));
    std::fs::create_dir(&shared.dir).unwrap();
    let err = a.try_sync(&shared).unwrap_err();
    assert_eq!(err.refusal(), Some(Refusal::FolderReset), "{err}");
    assert!(err.to_string().contains("huddle sync --republish"));
    assert_eq!(
        shared.status(&a.store, now()).refused,
        Some(Refusal::FolderReset)
    );
    assert!(
        std::fs::read_dir(&shared.dir).unwrap().next().is_none(),
        "nothing written into the empty folder"
    );
    // Mounted again: the change made meanwhile goes out.
    std::fs::remove_dir(&shared.dir).unwrap();
    std::fs::rename(&moved, &shared.dir).unwrap();
    assert_eq!(a.sync(&shared).published, 1);
    b.sync(&shared);
    assert_eq!(b.values(), [v(20, 12.0), v(21, 13.0)]);
}

#[test]
fn a_recreated_folder_is_refused_until_republish_and_then_nothing_is_lost() {
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    a.set(20, 12.0, at(8, 0, 0));
    a.sync(&shared);
    // Someone empties the folder (or Syncthing re-created it).
    std::fs::remove_dir_all(shared.dir.join("huddle-sync")).unwrap();
    std::fs::create_dir_all(shared.dir.join("huddle-sync/devices")).unwrap();
    std::fs::write(shared.dir.join("huddle-sync/FORMAT"), "huddle-sync 1\n").unwrap();
    let err = a.try_sync(&shared).unwrap_err();
    assert_eq!(err.refusal(), Some(Refusal::FolderReset));
    assert!(err.to_string().contains("is missing"), "{err}");
    // IT confirms it is a new folder.
    shared.republish(&mut a.store).unwrap();
    assert_eq!(a.sync(&shared).published, 1);
    let mut b = Kiosk::new();
    b.sync(&shared);
    assert_eq!(b.values(), [v(20, 12.0)]);
}

#[test]
fn a_copied_data_folder_on_a_second_machine_is_refused_as_a_duplicate() {
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    a.set(19, 1.0, at(8, 0, 0));
    a.sync(&shared);
    let mut clone = a.copy();
    assert_eq!(clone.device(), a.device());
    a.set(20, 2.0, at(8, 1, 0));
    clone.set(20, 3.0, at(8, 2, 0));
    a.sync(&shared);
    // The clone's change 2 is not the one published as number 2.
    let err = clone.try_sync(&shared).unwrap_err();
    assert_eq!(err.refusal(), Some(Refusal::DuplicateDevice), "{err}");
    assert!(err.to_string().contains("--new-device-id"));
    // Nothing of A's was overwritten.
    let mut b = Kiosk::new();
    b.sync(&shared);
    assert_eq!(b.values(), [v(19, 1.0), v(20, 2.0)]);
    // A new id for the clone: its changes go out under it, the old ones stay A's.
    clone.store.new_device_id().unwrap();
    shared.republish(&mut clone.store).unwrap();
    clone.set(21, 4.0, at(8, 3, 0));
    clone.sync(&shared);
    b.sync(&shared);
    assert_eq!(b.values(), [v(19, 1.0), v(20, 2.0), v(21, 4.0)]);
}

#[test]
fn a_sync_engines_copy_of_our_own_segment_is_litter_but_one_with_a_change_we_never_made_stops_sync()
{
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    let mut b = Kiosk::new();
    a.set(20, 1.0, at(8, 0, 0));
    a.sync(&shared);
    let segment = segments(&shared, &a.device()).pop().unwrap();
    let copy_named = |tag: &str| {
        segment.with_file_name(format!(
            "{}.sync-conflict-20261123-080000-{tag}.jsonl",
            segment.file_stem().unwrap().to_str().unwrap()
        ))
    };
    // Byte for byte ours: removed, and sync goes on.
    let copy = copy_named("ABCDEFG");
    std::fs::copy(&segment, &copy).unwrap();
    a.set(21, 2.0, at(8, 1, 0));
    a.sync(&shared);
    assert!(!copy.exists(), "an identical copy is removed");
    b.sync(&shared);
    assert_eq!(b.values(), [v(20, 1.0), v(21, 2.0)]);
    // A copy holding a change under our number that we never made: two writers.
    let mut forged = a.store.outbox(0, 1).unwrap();
    forged[0].change.id = "0190f3a2-0000-7000-8000-000000000000".into();
    let line = huddle::sync::files::encode_line(&forged[0]).unwrap();
    std::fs::write(copy_named("HIJKLMN"), line).unwrap();
    let err = a.try_sync(&shared).unwrap_err();
    assert_eq!(err.refusal(), Some(Refusal::DuplicateDevice));
    assert!(err.to_string().contains("did not make"), "{err}");
}

#[test]
fn our_newest_segment_cut_short_by_a_sync_engine_is_published_again_and_said_once() {
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    let mut b = Kiosk::new();
    a.set(20, 1.0, at(8, 0, 0));
    a.set(21, 2.0, at(8, 0, 1));
    a.set(22, 3.0, at(8, 0, 2));
    a.sync(&shared);
    let segment = segments(&shared, &a.device()).pop().unwrap();
    let whole = std::fs::read(&segment).unwrap();
    // A bad copy replicated back: the first line and half of the second.
    let first_end = whole.iter().position(|&b| b == b'\n').unwrap() + 1;
    std::fs::write(&segment, &whole[..first_end + 20]).unwrap();
    let report = a.sync(&shared);
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert!(report.problems[0].contains("published again"));
    assert_eq!(std::fs::read(&segment).unwrap(), whole);
    assert!(a.sync(&shared).problems.is_empty(), "said once");
    b.sync(&shared);
    assert_eq!(b.values(), [v(20, 1.0), v(21, 2.0), v(22, 3.0)]);
}

/// Writes a segment into a kiosk's folder of the shared folder, as a hostile or broken kiosk
/// would: `changes` as they are, with valid CRCs.
fn plant(shared: &Shared, folder: &str, name: &str, changes: &[huddle::model::Stamped]) {
    let dir = device_dir(shared, folder);
    std::fs::create_dir_all(&dir).unwrap();
    let mut bytes = String::new();
    for change in changes {
        bytes.push_str(&huddle::sync::files::encode_line(change).unwrap());
    }
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// A change made on kiosk `maker` (its own first change), stamped `ms`.
fn stamped(maker: &mut Kiosk, day: u32, ms: u64) -> huddle::model::Stamped {
    maker.set(day, 9.0, at(8, 0, 0));
    let mut change = maker.store.outbox(0, 1).unwrap().remove(0);
    change.stamp.ms = ms;
    change
}

#[test]
fn a_peer_cannot_speak_as_this_kiosk_or_another_nor_stamp_the_end_of_time() {
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    a.set(19, 1.0, at(7, 0, 0));
    a.sync(&shared);
    let ms = u64::try_from(at(8, 0, 0).timestamp_millis()).unwrap();
    let peer = "00000000000000aa";
    // A change claiming to be ours, found in another kiosk's folder.
    let mut as_us = stamped(&mut Kiosk::new(), 20, ms);
    as_us.stamp.device = a.device();
    as_us.seq = 1000;
    // A change of a third kiosk, found in the peer's folder.
    let third = stamped(&mut Kiosk::new(), 21, ms);
    // A change of the peer stamped at the end of time.
    let mut forever = stamped(&mut Kiosk::new(), 22, 999_999_999_999_999_999);
    forever.stamp.device = peer.into();
    // A change of the peer with a 20 MB title.
    let mut huge = stamped(&mut Kiosk::new(), 23, ms);
    huge.stamp.device = peer.into();
    if let huddle::model::Op::Put(fields) = &mut huge.change.op {
        fields.insert("note".into(), serde_json::json!("x".repeat(20 << 20)));
    }
    // And one longer than an entry holds, on a line that is not too long.
    let mut long = stamped(&mut Kiosk::new(), 26, ms);
    long.stamp.device = peer.into();
    if let huddle::model::Op::Put(fields) = &mut long.change.op {
        fields.insert("note".into(), serde_json::json!("x".repeat(5_000)));
    }
    // And one good change of the peer.
    let mut good = stamped(&mut Kiosk::new(), 24, ms);
    good.stamp.device = peer.into();
    plant(
        &shared,
        peer,
        "seg-000000000001-000000000005.jsonl",
        &[as_us, third, forever, huge, long, good],
    );
    let report = a.sync(&shared);
    assert_eq!(report.ingested, 1, "only the good change is stored");
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    let said = &report.problems[0];
    assert!(said.contains("line 4 holds 20 MB"), "{said}");
    assert!(
        said.contains("it is in kiosk 00000000000000aa's folder"),
        "{said}"
    );
    assert!(said.contains("(and 2 more changes refused)"), "{said}");
    assert!(
        said.len() < 1000,
        "the problem is short: {} bytes",
        said.len()
    );
    assert_eq!(a.values(), [v(19, 1.0), v(24, 9.0)]);
    // Said once: the file is not read again until it changes.
    assert!(a.sync(&shared).problems.is_empty());
    // Our own numbering and what we publish are untouched.
    assert_eq!(a.store.last_own_seq().unwrap(), 1);
    a.set(25, 2.0, at(8, 5, 0));
    assert_eq!(a.store.last_own_seq().unwrap(), 2);
    let next = a.store.outbox(1, 10).unwrap();
    assert!(next[0].stamp.ms < 999_999_999_999_999_999);
    assert_eq!(next[0].stamp.to_string().len(), 18 + 1 + 6 + 1 + 16);
    a.sync(&shared);
    let mut b = Kiosk::new();
    b.sync(&shared);
    assert_eq!(b.values(), [v(19, 1.0), v(24, 9.0), v(25, 2.0)]);
}

#[cfg(unix)]
#[test]
fn named_pipes_links_and_huge_files_in_the_shared_folder_are_refused_without_blocking() {
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    let mut b = Kiosk::new();
    b.set(20, 2.0, at(8, 0, 0));
    b.sync(&shared);
    let dir = device_dir(&shared, &b.device());
    common::mkfifo(&dir.join("seg-000000000002-000000000002.jsonl"));
    // A link to a file of ours: never read through.
    std::os::unix::fs::symlink(
        a.dir.path().join("huddle.sqlite3"),
        dir.join("seg-000000000003-000000000003.jsonl"),
    )
    .unwrap();
    // A file larger than a segment may be (sparse: no disk used).
    let huge = std::fs::File::create(dir.join("seg-000000000004-000000000004.jsonl")).unwrap();
    huge.set_len(huddle::sync::files::SEGMENT_BYTES_MAX + 1)
        .unwrap();
    let report = a.sync(&shared);
    assert_eq!(a.values(), [v(20, 2.0)]);
    let said = report.problems.join("\n");
    assert!(said.contains("named pipe"), "{said}");
    assert!(said.contains("symbolic link"), "{said}");
    assert!(said.contains("where at most 64 MB are read"), "{said}");
    assert!(a.sync(&shared).problems.is_empty(), "said once");
}

#[cfg(unix)]
#[test]
fn a_link_planted_as_our_own_folder_is_never_written_through_and_old_temp_files_go() {
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    a.set(20, 1.0, at(8, 0, 0));
    a.sync(&shared);
    let own = device_dir(&shared, &a.device());
    // A killed sync's temp file, an hour old, and one being written now.
    let old = own.join(".huddle-0190f3a2b5c47d8e9f0a1b2c3d4e5f60.tmp");
    let young = own.join(".huddle-0190f3a2b5c47d8e9f0a1b2c3d4e5f61.tmp");
    for path in [&old, &young] {
        std::fs::write(path, "half").unwrap();
    }
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    a.set(21, 2.0, at(8, 1, 0));
    a.sync(&shared);
    assert!(!old.exists() && young.exists());
    // Our folder replaced by a link to somewhere else.
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::rename(&own, elsewhere.path().join("moved")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), &own).unwrap();
    a.set(22, 3.0, at(8, 2, 0));
    let report = a.try_sync(&shared);
    let written: Vec<_> = std::fs::read_dir(elsewhere.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        written,
        ["moved"],
        "nothing written through the link: {report:?}"
    );
}

#[test]
fn the_database_never_goes_into_the_shared_folder() {
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    a.set(20, 1.0, at(8, 0, 0));
    a.sync(&shared);
    let mut found = Vec::new();
    let mut stack = vec![shared.dir.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path);
            }
        }
    }
    assert!(
        found
            .iter()
            .all(|p| !p.to_string_lossy().contains("sqlite"))
    );
    assert!(
        found
            .iter()
            .all(|p| std::fs::read(p).unwrap().get(..6) != Some(b"SQLite"))
    );
    // A data folder put inside the shared folder is refused.
    let inside = shared.dir.join("data");
    let mut store = Store::open(&inside).unwrap();
    let err = shared.sync_once(&mut store, now()).unwrap_err();
    assert_eq!(err.refusal(), Some(Refusal::DatabaseInShare), "{err}");
}

#[test]
fn a_folder_that_cannot_be_written_still_brings_the_others_changes() {
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    let mut b = Kiosk::new();
    a.set(20, 1.0, at(8, 0, 0));
    a.sync(&shared);
    b.set(21, 2.0, at(8, 0, 1));
    // B's segment cannot be written (as on a read-only or full share; a folder stands in
    // the way, which even root cannot write through).
    let in_the_way = device_dir(&shared, &b.device()).join("seg-000000000001-000000000001.jsonl");
    std::fs::create_dir_all(&in_the_way).unwrap();
    let report = b.sync(&shared);
    assert!(report.publish_error.is_some(), "{report:?}");
    assert_eq!(report.ingested, 1);
    assert_eq!(shared.status(&b.store, now()).waiting, 1);
    // Writable again: the change that waited goes out.
    std::fs::remove_dir(&in_the_way).unwrap();
    assert_eq!(b.sync(&shared).published, 1);
    a.sync(&shared);
    assert_eq!(a.values(), [v(20, 1.0), v(21, 2.0)]);
}

#[test]
fn a_crash_between_writing_and_renaming_leaves_nothing_twice() {
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    let mut b = Kiosk::new();
    a.set(20, 1.0, at(8, 0, 0));
    a.sync(&shared);
    b.sync(&shared);
    // A crash left a temp file behind, and the store never heard that segment 1 went out.
    let segment = segments(&shared, &a.device()).pop().unwrap();
    let bytes = std::fs::read(&segment).unwrap();
    std::fs::write(
        segment.with_file_name(".huddle-999-seg-000000000002-000000000002.jsonl.tmp"),
        &bytes[..bytes.len() / 2],
    )
    .unwrap();
    shared.republish(&mut a.store).unwrap();
    a.set(21, 2.0, at(8, 1, 0));
    a.sync(&shared);
    // The segment of change 1 was written again under its name with its bytes.
    assert_eq!(b.sync(&shared).ingested, 1);
    assert_eq!(b.values(), [v(20, 1.0), v(21, 2.0)]);
    // A file read again from the start (a lost read mark) adds nothing.
    for file in segments(&shared, &a.device()) {
        let bytes = std::fs::read(&file).unwrap();
        std::fs::write(&file, bytes).unwrap();
    }
    assert_eq!(b.sync(&shared).ingested, 0);
    assert_eq!(a.state(), b.state());
}

#[test]
fn a_long_offline_backlog_of_five_kiosks_is_ingested_whole() {
    let (_d, shared) = shared_folder();
    let mut peers: Vec<Kiosk> = (0..5).map(|_| Kiosk::new()).collect();
    for (n, peer) in peers.iter_mut().enumerate() {
        for i in 0..1_200u32 {
            let day = 1 + (i % 28);
            let t = at(6, 0, 0) + Duration::seconds(i64::from(i) * 7 + n as i64);
            peer.set(day, f64::from(i), t);
        }
        peer.sync(&shared);
    }
    let mut late = Kiosk::new();
    let report = late.sync(&shared);
    assert_eq!(report.ingested, 6_000);
    let mut reference = Kiosk::new();
    for peer in peers.iter_mut().rev() {
        peer.sync(&shared);
    }
    reference.sync(&shared);
    assert_eq!(late.state(), reference.state());
    assert_eq!(late.state(), peers[0].state());
    // Many small segments were merged: a few files per kiosk, not one per sync.
    let (_d2, shared2) = shared_folder();
    let mut busy = Kiosk::new();
    for i in 0..120u32 {
        busy.set(
            1 + i % 28,
            f64::from(i),
            at(6, 0, 0) + Duration::seconds(i64::from(i)),
        );
        busy.sync(&shared2);
    }
    let files = segments(&shared2, &busy.device());
    assert!(files.len() <= 49, "{} segments", files.len());
    let mut reader = Kiosk::new();
    assert_eq!(reader.sync(&shared2).ingested, 120);
    assert_eq!(reader.state(), busy.state());
}

#[test]
fn small_segments_are_merged_after_a_full_one_too() {
    let (_d, shared) = shared_folder();
    let mut busy = Kiosk::new();
    // A first sync after a long time offline: one full segment of 5,000 changes.
    for i in 0..5_000u32 {
        busy.set(
            1 + i % 28,
            f64::from(i),
            at(6, 0, 0) + Duration::milliseconds(i64::from(i)),
        );
    }
    busy.sync(&shared);
    // Then a sync after each change, for weeks.
    for i in 0..60u32 {
        busy.set(
            1,
            f64::from(i),
            at(7, 0, 0) + Duration::seconds(i64::from(i)),
        );
        busy.sync(&shared);
    }
    let files = segments(&shared, &busy.device());
    assert!(files.len() <= 49, "{} segments: {files:?}", files.len());
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(names.contains(&"seg-000000000001-000000005000.jsonl".to_owned()));
    assert!(
        names.iter().any(|n| n.starts_with("seg-000000005001-")),
        "the small segments after the full one were merged: {names:?}"
    );
    let mut reader = Kiosk::new();
    assert_eq!(reader.sync(&shared).ingested, 5_060);
    assert_eq!(reader.state(), busy.state());
}

#[test]
fn a_merged_segment_is_not_read_by_a_kiosk_that_read_the_small_ones() {
    let (_d, shared) = shared_folder();
    let mut busy = Kiosk::new();
    let mut reader = Kiosk::new();
    let mut merged = None;
    for i in 0..60u32 {
        busy.set(
            1 + i % 28,
            f64::from(i),
            at(6, 0, 0) + Duration::seconds(i64::from(i)),
        );
        let before = if i == 0 {
            0
        } else {
            segments(&shared, &busy.device()).len()
        };
        busy.sync(&shared);
        let after = segments(&shared, &busy.device());
        if after.len() < before {
            // The kiosk has just merged its small segments. Its merged file is spoiled here,
            // so that reading it would show.
            let first = after[0].clone();
            std::fs::write(&first, "not a segment\n").unwrap();
            merged = Some(first);
        }
        let report = reader.sync(&shared);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
    let merged = merged.expect("the kiosk merged its segments");
    assert_eq!(reader.state(), busy.state());
    // The kiosk put its spoiled file right at its next sync; spoiled again, a kiosk that never
    // saw the small ones reads the merged file, and says it is damaged.
    assert_ne!(std::fs::read(&merged).unwrap(), b"not a segment\n");
    std::fs::write(&merged, "not a segment\n").unwrap();
    let mut newcomer = Kiosk::new();
    let report = newcomer.sync(&shared);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains(&*merged.file_name().unwrap().to_string_lossy())),
        "{:?}",
        report.problems
    );
}

#[test]
fn the_clock_diagnosis_names_the_kiosk_whose_clock_is_wrong() {
    for off in [Duration::hours(2), -Duration::hours(2)] {
        let (_d, shared) = shared_folder();
        let mut wrong = Kiosk::new();
        let mut b = Kiosk::new();
        let mut c = Kiosk::new();
        // Each syncs by its own clock every few seconds for a minute, making changes.
        for step in 0..12u32 {
            let t = now() + Duration::seconds(i64::from(step) * 5);
            wrong.set(20 + step % 3, f64::from(step), t + off);
            wrong.sync_at(&shared, t + off);
            b.set(23 + step % 3, f64::from(step), t);
            b.sync_at(&shared, t);
            c.sync_at(&shared, t);
        }
        let end = now() + Duration::minutes(1);
        let on_wrong = shared.status(&wrong.store, end + off);
        let own = on_wrong.own_clock_ms.expect("the wrong kiosk names itself");
        assert!(
            (own - off.num_milliseconds()).abs() < 60_000,
            "{off:?}: {on_wrong:?}"
        );
        assert!(on_wrong.peers.iter().all(|p| p.ahead_ms.is_none()));
        for right in [&b, &c] {
            let status = shared.status(&right.store, end);
            assert_eq!(status.own_clock_ms, None, "{off:?}: {status:?}");
            let named: Vec<&str> = status
                .peers
                .iter()
                .filter(|p| p.ahead_ms.is_some())
                .map(|p| p.device.as_str())
                .collect();
            if off > Duration::zero() {
                assert_eq!(named, [wrong.device()], "{status:?}");
            } else {
                assert!(named.is_empty(), "{status:?}");
            }
        }
    }
}

#[test]
fn sync_status_says_what_waits_and_who_was_seen() {
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    let mut b = Kiosk::new();
    a.set(20, 1.0, at(8, 0, 0));
    a.set(21, 1.0, at(8, 0, 1));
    let status = shared.status(&a.store, now());
    assert_eq!(status.waiting, 2);
    assert!(status.last_sync.is_none());
    a.sync(&shared);
    b.sync(&shared);
    let status = shared.status(&b.store, now());
    assert_eq!(status.last_sync, Some(now()));
    assert_eq!(status.waiting, 0);
    assert_eq!(status.peers.len(), 1);
    assert_eq!(status.peers[0].name, "test");
    assert_eq!(status.peers[0].received, 2);
    assert!(status.error.is_none());
}

#[test]
fn a_client_name_is_refused_when_typed_and_when_it_arrives() {
    let client = |code: &str| Edit::AddClient {
        code: code.into(),
        stage: "Réception".into(),
        since: date(20),
        next_step: String::new(),
        owner: None,
    };
    // Typed here (screen or command line): refused before the store.
    let refused =
        client("Jean Tremblay").into_change(BOARD, "clients", "Amélie", Origin::Cli, now());
    assert!(
        matches!(refused, Err(huddle::model::InputError::LooksLikeAName(_))),
        "{refused:?}"
    );
    // Written by a kiosk that does not check (an older or a broken one): refused on arrival.
    let (_d, shared) = shared_folder();
    let mut a = Kiosk::new();
    let mut other = Kiosk::new();
    let change = client("J-2026-114")
        .into_change(BOARD, "clients", "Amélie", Origin::Screen, now())
        .unwrap();
    // This store refuses it on its one write path, whoever hands it over.
    let mut named = change.clone();
    if let huddle::model::Op::Put(fields) = &mut named.op {
        fields.insert("code".into(), serde_json::json!("Marie-Ève Roy"));
    }
    let refused = other.store.apply(&named);
    assert!(
        matches!(
            refused,
            Err(huddle::store::StoreError::Refused(
                huddle::model::Refused::ClientName(_)
            ))
        ),
        "{refused:?}"
    );
    other.store.apply(&change).unwrap();
    let mut shipped = other.store.outbox(0, 1).unwrap();
    shipped[0].change = named;
    plant(
        &shared,
        &other.device(),
        "seg-000000000001-000000000001.jsonl",
        &shipped,
    );
    let report = a.sync(&shared);
    assert_eq!(report.ingested, 0);
    assert!(
        report
            .problems
            .join("\n")
            .contains("looks like a person's name"),
        "{:?}",
        report.problems
    );
    assert!(a.store.records(BOARD).unwrap().is_empty());
}
