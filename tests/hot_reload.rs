//! Hot reload through the real watcher: a valid edit shows, a broken edit keeps the last good
//! board with a notice, a deleted file keeps its board, and an editor's save-by-rename works.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use huddle::app::{Clock, KioskApp};
use huddle::layout::Notice;

const BOARD: &str = r#"[board]
id = "team"
title = "Before"
columns = 2
rows = 1

[[section]]
id = "notes"
kind = "notes"
title = "Notes"
column = 1
row = 1
"#;

/// An app watching a fresh folder with one board, and a counter of wake-ups.
fn watched() -> (tempfile::TempDir, KioskApp, Arc<AtomicUsize>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("team.toml"), BOARD).unwrap();
    let mut app = KioskApp::new(
        dir.path().to_owned(),
        None,
        Clock::System,
        huddle::store::Store::open_in_memory(),
    );
    let wakes = Arc::new(AtomicUsize::new(0));
    let counter = wakes.clone();
    app.watch_boards(move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    assert_eq!(
        app.live().board("team").map(|b| b.title.as_str()),
        Some("Before")
    );
    (dir, app, wakes)
}

/// Runs the app's logic until `done` holds; fails after 10 s (a generous bound for a slow CI
/// machine, not a speed target: the debounce is a quarter of a second).
fn until(app: &mut KioskApp, what: &str, done: impl Fn(&KioskApp) -> bool) {
    let start = Instant::now();
    loop {
        app.logic();
        if done(app) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn title(app: &KioskApp) -> Option<String> {
    app.live().board("team").map(|b| b.title.clone())
}

#[test]
fn a_valid_edit_shows() {
    let (dir, mut app, wakes) = watched();
    std::fs::write(
        dir.path().join("team.toml"),
        BOARD.replace("Before", "After"),
    )
    .unwrap();
    until(&mut app, "the new title", |a| {
        title(a).as_deref() == Some("After")
    });
    assert!(app.live().notices().is_empty());
    assert!(wakes.load(Ordering::SeqCst) >= 1, "the UI is woken up");
}

#[test]
fn a_broken_edit_keeps_the_last_good_board_with_a_notice() {
    let (dir, mut app, _) = watched();
    let file = dir.path().join("team.toml");
    std::fs::write(&file, BOARD.replace("columns = 2", "colums = 2")).unwrap();
    until(&mut app, "a notice", |a| !a.live().notices().is_empty());
    assert_eq!(title(&app).as_deref(), Some("Before"));
    let Notice::Broken(problem) = &app.live().notices()[0] else {
        panic!("{:?}", app.live().notices())
    };
    assert_eq!(problem.file, file);
    assert_eq!((problem.line, problem.column), (4, 1));
    assert_eq!(
        problem.message,
        "unknown key `colums` in [board], did you mean `columns`?"
    );
    // Fixing the file clears the notice.
    std::fs::write(&file, BOARD.replace("Before", "Fixed")).unwrap();
    until(&mut app, "the fix", |a| {
        title(a).as_deref() == Some("Fixed")
    });
    assert!(app.live().notices().is_empty());
}

#[test]
fn a_deleted_file_keeps_its_board() {
    let (dir, mut app, _) = watched();
    let file = dir.path().join("team.toml");
    std::fs::remove_file(&file).unwrap();
    until(&mut app, "a notice", |a| !a.live().notices().is_empty());
    assert_eq!(app.live().notices(), [Notice::Missing(file)]);
    assert_eq!(title(&app).as_deref(), Some("Before"));
    assert_eq!(app.current_board(), Some("team"));
}

#[test]
fn a_save_by_rename_is_seen() {
    let (dir, mut app, _) = watched();
    // What vim, VS Code and most editors do: write a temporary file, then rename it over.
    let tmp = dir.path().join(".team.toml.swp");
    std::fs::write(&tmp, BOARD.replace("Before", "Renamed")).unwrap();
    std::fs::rename(&tmp, dir.path().join("team.toml")).unwrap();
    until(&mut app, "the renamed save", |a| {
        title(a).as_deref() == Some("Renamed")
    });
    // And the watch survives it: a second save is seen too.
    std::fs::write(
        dir.path().join("team.toml"),
        BOARD.replace("Before", "Again"),
    )
    .unwrap();
    until(&mut app, "a second save", |a| {
        title(a).as_deref() == Some("Again")
    });
}

#[test]
fn a_new_board_file_appears() {
    let (dir, mut app, _) = watched();
    let other = BOARD
        .replace("id = \"team\"", "id = \"other\"")
        .replace("Before", "Other team");
    std::fs::write(dir.path().join("other.toml"), other).unwrap();
    until(&mut app, "the new board", |a| {
        a.live().board("other").is_some()
    });
    assert_eq!(app.live().boards().len(), 2);
}

#[test]
fn litter_in_the_folder_is_ignored() {
    let (dir, mut app, _) = watched();
    let version = app.live().version();
    std::fs::write(
        dir.path()
            .join("team.sync-conflict-20261123-080000-XYZ.toml"),
        "broken [",
    )
    .unwrap();
    std::fs::write(dir.path().join("readme.txt"), "hello").unwrap();
    // Then a real change, so that we know the watcher has had its chance.
    std::fs::write(
        dir.path().join("team.toml"),
        BOARD.replace("Before", "Later"),
    )
    .unwrap();
    until(&mut app, "the real change", |a| {
        title(a).as_deref() == Some("Later")
    });
    assert!(app.live().version() > version);
    assert!(
        app.live().notices().is_empty(),
        "{:?}",
        app.live().notices()
    );
}

#[test]
fn a_schema_file_and_the_schema_line_are_left_alone() {
    let (dir, mut app, _) = watched();
    let version = app.live().version();
    let schema = serde_json::to_string_pretty(&huddle::layout::board_schema()).unwrap();
    std::fs::write(dir.path().join(huddle::layout::SCHEMA_FILE), schema).unwrap();
    // Then a real change, with the line editors read, so that we know the watcher has had
    // its chance.
    std::fs::write(
        dir.path().join("team.toml"),
        format!(
            "#:schema ./{}\n{}",
            huddle::layout::SCHEMA_FILE,
            BOARD.replace("Before", "Later")
        ),
    )
    .unwrap();
    until(&mut app, "the real change", |a| {
        title(a).as_deref() == Some("Later")
    });
    assert!(app.live().version() > version);
    assert!(
        app.live().notices().is_empty(),
        "{:?}",
        app.live().notices()
    );
    assert_eq!(app.live().boards().len(), 1);
}
