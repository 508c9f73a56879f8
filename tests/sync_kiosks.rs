//! Two kiosks on one shared folder, each with its own sync worker, as they run on the wall: a
//! value entered by touch on one shows on the other without a restart; the bottom bar says
//! where sync stands; a folder that goes away is "not synced since", then catches up; a
//! folder that looks re-created stops sync with a banner.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use huddle::app::KioskApp;
use huddle::store::Store;
use huddle::sync::worker::WatchMode;

const BOARD: &str = "accueil-jeunesse";

fn kiosk_on(data: &Path, shared: &Path, mode: WatchMode) -> Harness<'static, KioskApp> {
    let app = KioskApp::new(
        common::examples(),
        Some(BOARD.to_owned()),
        common::monday_morning(),
        Store::open(data),
    );
    let mut h = common::builder().build_ui_state(common::frame, app);
    h.state_mut().sync_with(data, shared, mode, || {});
    h.run();
    h
}

/// Runs frames until `done` holds; fails after 20 s (a bound for a slow CI machine, not a
/// speed target: the figures are in the benchmarks).
fn until(h: &mut Harness<'_, KioskApp>, what: &str, done: impl Fn(&Harness<'_, KioskApp>) -> bool) {
    let start = Instant::now();
    loop {
        h.run();
        if done(h) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}; sync status: {:?}",
            h.state().sync_status()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn enter_value(h: &mut Harness<'_, KioskApp>, value: &str) {
    h.get_by_label("Ajouter : Liste d'attente").click();
    h.run();
    for c in value.chars() {
        h.get_by_role_and_label(Role::Button, &c.to_string())
            .click();
        h.run();
    }
    h.get_by_label("✓  Enregistrer").click();
    h.run();
}

#[test]
fn a_value_entered_on_one_kiosk_shows_on_the_other_without_a_restart() {
    let shared = tempfile::tempdir().unwrap();
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut a = kiosk_on(da.path(), shared.path(), WatchMode::Native);
    let mut b = kiosk_on(db.path(), shared.path(), WatchMode::Native);
    until(&mut a, "A's first sync", |h| common::shows(h, "⇅ Synchro"));
    enter_value(&mut a, "17,5");
    a.get_by_label("✓ 17,5");
    until(&mut b, "A's value on B", |h| common::shows(h, "✓ 17,5"));
    // Who entered it and when travel with it; B's undo does not undo A's change.
    b.get_by_label("Liste d'attente — modifié par la borne à 08:25");
    assert!(b.get_by_label("↶ Défaire").accesskit_node().is_disabled());
    // And back: B corrects it, A shows the correction.
    enter_value(&mut b, "18");
    until(&mut a, "B's correction on A", |h| common::shows(h, "✓ 18"));
    assert!(!common::shows(&a, "✓ 17,5"));
    until(&mut a, "B seen on A's bottom bar", |h| {
        common::shows(h, "· 1 autre écran")
    });
    assert_eq!(
        a.state().sync_status().unwrap().peers[0].device,
        b.state().store().unwrap().device()
    );
}

#[test]
fn a_folder_that_goes_away_is_not_synced_since_and_then_catches_up() {
    let parent = tempfile::tempdir().unwrap();
    let shared = parent.path().join("share");
    std::fs::create_dir(&shared).unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut h = kiosk_on(data.path(), &shared, WatchMode::Poll);
    until(&mut h, "the first sync", |h| common::shows(h, "⇅ Synchro"));
    // The share is unmounted: the kiosk keeps working and says since when it has not synced.
    std::fs::rename(&shared, parent.path().join("away")).unwrap();
    enter_value(&mut h, "9");
    h.get_by_label("✓ 9");
    until(&mut h, "the warning", |h| {
        common::shows(h, "⚠ Pas synchronisé depuis")
    });
    assert_eq!(h.state().sync_status().unwrap().waiting, 1);
    // Back: the value entered meanwhile goes out.
    std::fs::rename(parent.path().join("away"), &shared).unwrap();
    until(&mut h, "the catch-up", |h| {
        h.state()
            .sync_status()
            .is_some_and(|s| s.error.is_none() && s.waiting == 0)
    });
    until(&mut h, "the status", |h| common::shows(h, "⇅ Synchro"));
}

#[test]
fn a_folder_that_looks_recreated_stops_sync_with_a_banner_and_the_board_keeps_working() {
    let shared = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut h = kiosk_on(data.path(), shared.path(), WatchMode::Poll);
    enter_value(&mut h, "9");
    // Published: the manifest, written last, lists the change. (A status saying "nothing
    // waiting" may come from a sync that began before the value was entered: a kiosk that has
    // not published yet rightly makes the folder again.)
    let device = h.state().store().unwrap().device().to_owned();
    let manifest = shared
        .path()
        .join("huddle-sync/devices")
        .join(&device)
        .join("manifest.json");
    until(&mut h, "the value published", |_| {
        std::fs::read(&manifest)
            .ok()
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            .is_some_and(|m| m["last_seq"] == 1)
    });
    // Emptied by someone (the worker may still be reading it: try until it is gone).
    while std::fs::remove_dir_all(shared.path().join("huddle-sync")).is_err() {
        std::thread::sleep(Duration::from_millis(20));
    }
    until(&mut h, "the banner", |h| {
        common::shows(
            h,
            "✕ Synchronisation arrêtée : le dossier partagé semble vide ou recréé",
        )
    });
    assert!(common::shows(&h, "huddle sync status"));
    assert!(
        !shared.path().join("huddle-sync").exists(),
        "nothing acted on"
    );
    enter_value(&mut h, "8");
    h.get_by_label("✓ 8");
}

#[test]
fn an_event_storm_in_the_shared_folder_does_not_make_the_worker_spin() {
    let shared = tempfile::tempdir().unwrap();
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut a = kiosk_on(da.path(), shared.path(), WatchMode::Native);
    enter_value(&mut a, "9");
    until(&mut a, "the value published", |h| {
        h.state()
            .sync_status()
            .is_some_and(|s| s.waiting == 0 && s.last_sync.is_some())
    });
    let mut b = kiosk_on(db.path(), shared.path(), WatchMode::Native);
    until(&mut b, "A's value on B", |h| common::shows(h, "✓ 9"));
    std::thread::sleep(Duration::from_secs(1));
    let before = b.state().sync_rounds();
    // 10,000 opens and reads of the shared files (another program, a virus scanner, our own
    // reads), and litter written and removed a thousand times.
    let files: Vec<_> = walk(shared.path());
    for i in 0..10_000 {
        let _ = std::fs::read(&files[i % files.len()]);
    }
    let litter = shared.path().join("huddle-sync/devices/.DS_Store");
    for _ in 0..1_000 {
        std::fs::write(&litter, "x").unwrap();
        std::fs::remove_file(&litter).unwrap();
    }
    std::thread::sleep(Duration::from_secs(2));
    b.run();
    let rounds = b.state().sync_rounds() - before;
    assert!(
        rounds <= 2,
        "{rounds} syncs for a storm of events that say nothing"
    );
    // A real change still wakes it at once (not at the next timed sync, 30 s away).
    enter_value(&mut a, "7");
    until(&mut b, "A's new value on B", |h| common::shows(h, "✓ 7"));
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn a_kiosk_at_rest_does_not_sync_in_a_loop() {
    let shared = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut h = kiosk_on(data.path(), shared.path(), WatchMode::Native);
    enter_value(&mut h, "9");
    until(&mut h, "the value published", |h| {
        h.state()
            .sync_status()
            .is_some_and(|s| s.waiting == 0 && s.last_sync.is_some())
    });
    std::thread::sleep(Duration::from_secs(1));
    let before = h.state().sync_rounds();
    // Frames as a screen would run them (each frame looks at the store): the worker's own
    // writes must not wake it again and again.
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) {
        h.run();
        std::thread::sleep(Duration::from_millis(20));
    }
    let rounds = h.state().sync_rounds() - before;
    assert!(rounds <= 1, "{rounds} syncs in 3 s with nothing to do");
}
