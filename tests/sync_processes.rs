//! Two `huddle` processes syncing one local folder, as two machines would, with the command
//! line writing beside each of them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BOARD: &str = "accueil-jeunesse";

fn huddle(data: &Path, shared: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_huddle"));
    cmd.arg("--boards")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("boards"))
        .arg("--data-dir")
        .arg(data)
        .arg("--shared")
        .arg(shared)
        .env("LANG", "C");
    cmd
}

/// Kills the process when the test ends, passed or failed.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn values(data: &Path, shared: &Path) -> String {
    let out = huddle(data, shared)
        .args([
            "value",
            "list",
            "--board",
            BOARD,
            "--indicator",
            "liste-attente",
        ])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn set(data: &Path, shared: &Path, date: &str, value: &str) {
    let status = huddle(data, shared)
        .args([
            "value",
            "set",
            "--board",
            BOARD,
            "--indicator",
            "liste-attente",
        ])
        .args(["--date", date, value])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

fn until(what: &str, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn two_processes_on_one_folder_exchange_their_changes() {
    let shared = tempfile::tempdir().unwrap();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let spawn = |data: &Path| {
        Running(
            huddle(data, shared.path())
                .args(["--watch", "native", "sync"])
                .stdout(Stdio::null())
                .spawn()
                .unwrap(),
        )
    };
    let _pa = spawn(a.path());
    let _pb = spawn(b.path());
    set(a.path(), shared.path(), "2026-11-20", "12");
    set(b.path(), shared.path(), "2026-11-21", "13");
    until("both values on A", || {
        values(a.path(), shared.path()).lines().count() == 2
    });
    until("both values on B", || {
        values(b.path(), shared.path()).lines().count() == 2
    });
    // Both correct the same day: one value wins, the same on both.
    set(a.path(), shared.path(), "2026-11-20", "14");
    set(b.path(), shared.path(), "2026-11-20", "15");
    until("the same values on both", || {
        let (va, vb) = (
            values(a.path(), shared.path()),
            values(b.path(), shared.path()),
        );
        va == vb && va.contains("15")
    });
    // What the status command prints.
    let out = huddle(a.path(), shared.path())
        .args(["sync", "status"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{text}");
    assert!(text.contains("kiosks seen:    1"), "{text}");
    assert!(text.contains("all here"), "{text}");
}

#[test]
fn sync_once_and_status_for_scripts() {
    let parent = tempfile::tempdir().unwrap();
    let shared = parent.path().join("share");
    let data = tempfile::tempdir().unwrap();
    set(data.path(), &shared, "2026-11-20", "12");
    // No folder: exit 1 with a message, and the change waits.
    let out = huddle(data.path(), &shared)
        .args(["sync", "--once"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("cannot be reached"), "{err}");
    let out = huddle(data.path(), &shared)
        .args(["sync", "status", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["waiting"], 1);
    std::fs::create_dir(&shared).unwrap();
    let out = huddle(data.path(), &shared)
        .args(["sync", "--once"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("published 1 change(s)"), "{text}");
    // Without --shared: a clear message.
    let out = Command::new(env!("CARGO_BIN_EXE_huddle"))
        .args(["--data-dir"])
        .arg(data.path())
        .args(["sync", "--once"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("--shared DIR")
    );
}
