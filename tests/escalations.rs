//! Catchball through a shared folder, with three data folders as three kiosks: the intake team
//! raises a problem, its manager sends it up, the director answers, and the answer comes back
//! down to the team; all through `huddle escalation …` and `huddle sync --once`, as scripts and
//! kiosks do it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

struct Kiosk {
    data: tempfile::TempDir,
}

impl Kiosk {
    fn new() -> Self {
        Self {
            data: tempfile::tempdir().unwrap(),
        }
    }

    fn run(&self, shared: &Path, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_huddle"))
            .args([
                "--boards",
                concat!(env!("CARGO_MANIFEST_DIR"), "/boards"),
                "--data-dir",
            ])
            .arg(self.data.path())
            .arg("--shared")
            .arg(shared)
            .args(args)
            .env("USER", "louise")
            .output()
            .unwrap()
    }

    fn ok(&self, shared: &Path, args: &[&str]) -> String {
        let o = self.run(shared, args);
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).trim().to_owned()
    }

    fn sync(&self, shared: &Path) {
        self.ok(shared, &["sync", "--once"]);
    }

    fn list(&self, shared: &Path, board: &str) -> Vec<serde_json::Value> {
        let out = self.ok(
            shared,
            &["escalation", "list", "--board", board, "--format", "json"],
        );
        serde_json::from_str(&out).unwrap()
    }
}

#[test]
fn an_escalation_goes_up_two_levels_and_its_answer_comes_back_down() {
    let shared = tempfile::tempdir().unwrap();
    let shared = shared.path();
    let (team, manager, director) = (Kiosk::new(), Kiosk::new(), Kiosk::new());

    // The intake team raises it; it goes to the team's parent board.
    let id = team.ok(
        shared,
        &[
            "escalation",
            "raise",
            "--board",
            "accueil-jeunesse",
            "--title",
            "Pas de local pour les groupes",
            "--why",
            "La salle est prise par une autre direction",
        ],
    );
    team.sync(shared);

    // The manager's kiosk receives it, from the team, waiting for it.
    manager.sync(shared);
    let received = manager.list(shared, "gestion-jeunesse");
    assert_eq!(received.len(), 1);
    let e = &received[0];
    assert_eq!(e["id"], id.as_str());
    assert_eq!(e["direction"], "received");
    assert_eq!(e["from"], "accueil-jeunesse");
    assert_eq!(e["held_here"], true);
    assert_eq!(e["status"], "open");
    assert_eq!(e["why"], "La salle est prise par une autre direction");
    assert!(e["due"].is_string(), "an answer delay: {e}");

    // The director cannot answer what is not with her yet.
    let early = director.run(
        shared,
        &[
            "escalation",
            "answer",
            "--board",
            "direction-jeunesse",
            "--id",
            &id,
            "--text",
            "x",
        ],
    );
    assert!(!early.status.success());

    // The manager takes it, then sends it up (a start of the id is enough).
    manager.ok(
        shared,
        &[
            "escalation",
            "take",
            "--board",
            "gestion-jeunesse",
            "--id",
            &id[..13],
        ],
    );
    manager.ok(
        shared,
        &[
            "escalation",
            "forward",
            "--board",
            "gestion-jeunesse",
            "--id",
            &id,
        ],
    );
    manager.sync(shared);

    // The director holds it now; the manager no longer can answer it.
    director.sync(shared);
    let at_director = director.list(shared, "direction-jeunesse");
    assert_eq!(at_director[0]["held_here"], true);
    assert_eq!(at_director[0]["status"], "open");
    assert_eq!(
        at_director[0]["route"],
        serde_json::json!(["gestion-jeunesse", "direction-jeunesse"])
    );
    let stale = manager.run(
        shared,
        &[
            "escalation",
            "answer",
            "--board",
            "gestion-jeunesse",
            "--id",
            &id,
            "--text",
            "x",
        ],
    );
    assert!(!stale.status.success());
    assert!(String::from_utf8_lossy(&stale.stderr).contains("direction-jeunesse"));

    director.ok(
        shared,
        &[
            "escalation",
            "answer",
            "--board",
            "direction-jeunesse",
            "--id",
            &id,
            "--text",
            "Salle B-204 réservée pour vous les mardis",
        ],
    );
    director.sync(shared);

    // Down again: the team and the manager see the answer, on one record, never a copy.
    for (kiosk, board) in [(&team, "accueil-jeunesse"), (&manager, "gestion-jeunesse")] {
        kiosk.sync(shared);
        let list = kiosk.list(shared, board);
        assert_eq!(list.len(), 1, "{board}: {list:?}");
        assert_eq!(list[0]["id"], id.as_str());
        assert_eq!(list[0]["status"], "answered");
        assert_eq!(list[0]["answer"]["by"], "direction-jeunesse");
        assert_eq!(
            list[0]["answer"]["text"],
            "Salle B-204 réservée pour vous les mardis"
        );
    }
    assert_eq!(
        team.list(shared, "accueil-jeunesse")[0]["direction"],
        "raised"
    );

    // The team closes it; that too reaches the levels above.
    team.ok(
        shared,
        &[
            "escalation",
            "close",
            "--board",
            "accueil-jeunesse",
            "--id",
            &id,
        ],
    );
    team.sync(shared);
    director.sync(shared);
    assert_eq!(
        director.list(shared, "direction-jeunesse")[0]["status"],
        "closed"
    );
}

#[test]
fn an_escalation_needs_a_why_and_a_board_that_takes_them() {
    let shared = tempfile::tempdir().unwrap();
    let k = Kiosk::new();
    let no_why = k.run(
        shared.path(),
        &[
            "escalation",
            "raise",
            "--board",
            "accueil-jeunesse",
            "--title",
            "Un problème",
            "--why",
            "  ",
        ],
    );
    assert!(!no_why.status.success());
    assert!(String::from_utf8_lossy(&no_why.stderr).contains("reason"));
    // No board to send it up to from the top of the chain.
    let top = k.run(
        shared.path(),
        &[
            "escalation",
            "forward",
            "--board",
            "comite-trajectoire-jeunesse",
            "--id",
            "nothing",
        ],
    );
    assert!(!top.status.success());
    assert!(k.list(shared.path(), "gestion-jeunesse").is_empty());
}
