//! The command line for every kind of entry, as IT scripts and a migration from a paper board
//! use it: actions moved and corrected, ideas, notices, clients, the safety cross and the
//! mood of a day, on a French board and an English one.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Output;

use serde_json::{Value, json};

mod common;

use common::Cli as Kiosk;

/// What the tests of every kind ask of a command.
trait Script {
    /// Runs a command that must succeed; its first line of output.
    fn ok(&self, args: &[&str]) -> String;
    /// Runs a command that must fail with exit 1; what it said.
    fn refused(&self, args: &[&str]) -> String;
    /// Runs a listing with `--format json`; what it printed.
    fn listed(&self, args: &[&str]) -> Value;
    /// The changes kept, newest first.
    fn history(&self, board: &str) -> Vec<Value>;
}

impl Script for Kiosk {
    fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    }

    fn refused(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stdout(&o));
        stderr(&o)
    }

    fn listed(&self, args: &[&str]) -> Value {
        let mut args = args.to_vec();
        args.extend(["--format", "json"]);
        self.json(&args)
    }

    fn history(&self, board: &str) -> Vec<Value> {
        match self.listed(&["history", "--board", board]) {
            Value::Array(list) => list,
            other => panic!("{other}"),
        }
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const EN: &str = "youth-follow-up";
const FR: &str = "accueil-jeunesse";

#[test]
fn an_action_moves_and_is_corrected_keeping_its_id_and_history() {
    let k = Kiosk::new();
    let id = k.ok(&[
        "action",
        "add",
        "--board",
        EN,
        "--title",
        "Book the rom",
        "--owner",
        "Sam",
    ]);
    // A unique start of the id is enough, as for escalations.
    k.ok(&[
        "action",
        "move",
        "--board",
        EN,
        "--id",
        &id[..13],
        "--to",
        "doing",
    ]);
    k.ok(&[
        "action",
        "edit",
        "--board",
        EN,
        "--id",
        &id,
        "--title",
        "Book the room",
        "--owner",
        "",
        "--due",
        "30/11/2026",
    ]);
    let list = k.listed(&["action", "list", "--board", EN]);
    assert_eq!(list.as_array().unwrap().len(), 1, "corrected, not added");
    let a = &list[0];
    assert_eq!(a["id"], json!(id));
    assert_eq!(a["title"], json!("Book the room"));
    assert_eq!(a["owner"], Value::Null, "an empty --owner clears it");
    assert_eq!(a["due"], json!("2026-11-30"));
    assert_eq!(a["status"], json!("doing"), "the status stands");
    let history = k.history(EN);
    assert_eq!(history.len(), 3);
    assert!(history.iter().all(|h| h["record"] == json!(id)));
    assert_eq!(history[0]["by"], json!("it-admin (cli)"));

    // The French names of a status are understood too.
    k.ok(&["action", "move", "--board", EN, "--id", &id, "--to", "fait"]);
    assert_eq!(
        k.listed(&["action", "list", "--board", EN])[0]["status"],
        json!("done")
    );
    // Nothing to change, a wrong id, a wrong status, an emptied title: refused, nothing kept.
    let said = k.refused(&["action", "edit", "--board", EN, "--id", &id]);
    assert!(said.contains("--title, --owner or --due"), "{said}");
    let said = k.refused(&[
        "action", "move", "--board", EN, "--id", "nope", "--to", "done",
    ]);
    assert!(said.contains("no action `nope`"), "{said}");
    let o = k.run(&[
        "action", "move", "--board", EN, "--id", &id, "--to", "finished",
    ]);
    assert_eq!(o.status.code(), Some(2), "clap lists the statuses");
    assert!(
        stderr(&o).contains("todo, doing, done, cancelled"),
        "{}",
        stderr(&o)
    );
    let said = k.refused(&["action", "edit", "--board", EN, "--id", &id, "--title", " "]);
    assert!(said.contains("empty"), "{said}");
    assert_eq!(k.history(EN).len(), 4);
}

#[test]
fn ideas_are_added_listed_and_moved_by_their_column_names() {
    let k = Kiosk::new();
    let id = k.ok(&[
        "idea",
        "add",
        "--board",
        FR,
        "--title",
        "Tableau des absences",
        "--by",
        "Élise M.",
    ]);
    let list = k.listed(&["idea", "list", "--board", FR]);
    assert_eq!(list[0]["column"], json!("Proposée"), "the first column");
    assert_eq!(list[0]["by"], json!("Élise M."));
    // Typed without the accent, as on a keyboard with no French layout.
    let moved = k.ok(&[
        "idea",
        "move",
        "--board",
        FR,
        "--id",
        &id,
        "--to",
        "a l'essai",
    ]);
    assert_eq!(moved, format!("{id} À l'essai"));
    assert_eq!(
        k.listed(&["idea", "list", "--board", FR])[0]["column"],
        json!("À l'essai")
    );
    let said = k.refused(&[
        "idea", "move", "--board", FR, "--id", &id, "--to", "Adoptés",
    ]);
    assert!(said.contains("did you mean \"Adoptée\"?"), "{said}");
    assert!(said.contains("Proposée, À l'essai, Adoptée"), "{said}");
    // An English board, its own column named.
    k.ok(&[
        "idea",
        "add",
        "--board",
        EN,
        "--title",
        "Walk-in hour",
        "--column",
        "trying",
    ]);
    assert_eq!(
        k.listed(&["idea", "list", "--board", EN])[0]["column"],
        json!("Trying")
    );
    let said = k.refused(&["idea", "add", "--board", "acceuil-jeunesse", "--title", "x"]);
    assert!(said.contains("did you mean `accueil-jeunesse`?"), "{said}");
}

#[test]
fn notices_are_added_and_listed_while_they_are_shown() {
    let k = Kiosk::new();
    k.ok(&[
        "note",
        "add",
        "--board",
        FR,
        "--text",
        "Bravo à Farid pour la formation",
        "--recognition",
    ]);
    k.ok(&[
        "note",
        "add",
        "--board",
        FR,
        "--text",
        "Vieille annonce",
        "--until",
        "2020-01-01",
    ]);
    let list = k.listed(&["note", "list", "--board", FR]);
    assert_eq!(
        list.as_array().unwrap().len(),
        1,
        "an expired notice is not shown"
    );
    assert_eq!(list[0]["recognition"], json!(true));
    assert!(list[0]["until"].is_string(), "shown a week by default");
    let said = k.refused(&["note", "add", "--board", EN, "--text", "x"]);
    assert!(said.contains("has no notes section"), "{said}");
    let said = k.refused(&[
        "note", "add", "--board", FR, "--text", "x", "--until", "demain",
    ]);
    assert!(said.contains("demain"), "{said}");
}

#[test]
fn clients_are_added_moved_on_by_code_and_listed_and_names_are_refused() {
    let k = Kiosk::new();
    let said = k.refused(&["client", "add", "--board", FR, "--code", "Jean Tremblay"]);
    assert!(said.contains("looks like a name"), "{said}");
    assert!(k.history(FR).is_empty(), "a name is never stored");

    k.ok(&[
        "client",
        "add",
        "--board",
        FR,
        "--code",
        "J-2026-114",
        "--since",
        "16/11/2026",
        "--next-step",
        "Appel aux parents",
    ]);
    // Moved on by its code: to the next stage, then to a stage named.
    let moved = k.ok(&["client", "move", "--board", FR, "--id", "J-2026-114"]);
    assert!(moved.contains(" Analyse "), "{moved}");
    k.ok(&[
        "client",
        "move",
        "--board",
        FR,
        "--id",
        "J-2026-114",
        "--to",
        "référé au suivi",
    ]);
    let list = k.listed(&["client", "list", "--board", FR]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["code"], json!("J-2026-114"));
    assert_eq!(list[0]["stage"], json!("Référé au suivi"));
    assert_eq!(list[0]["next_step"], json!("Appel aux parents"));
    let said = k.refused(&["client", "move", "--board", FR, "--id", "J-2026-114"]);
    assert!(said.contains("last stage"), "{said}");
    let said = k.refused(&[
        "client",
        "add",
        "--board",
        EN,
        "--code",
        "W-1",
        "--stage",
        "Plan sign",
    ]);
    assert!(said.contains("did you mean \"Plan signed\"?"), "{said}");
}

#[test]
fn a_day_of_the_safety_cross_is_set_in_either_language() {
    let k = Kiosk::new();
    let out = k.ok(&[
        "safety",
        "set",
        "--board",
        FR,
        "--date",
        "20/11/2026",
        "mineur",
        "--note",
        "Chute",
    ]);
    assert_eq!(out, "accueil-jeunesse 2026-11-20 minor");
    k.ok(&[
        "safety",
        "set",
        "--board",
        EN,
        "--date",
        "2026-11-20",
        "none",
    ]);
    let history = k.history(FR);
    assert_eq!(history[0]["kind"], json!("safety"));
    assert_eq!(history[0]["op"]["put"]["level"], json!("minor"));
    assert_eq!(history[0]["op"]["put"]["note"], json!("Chute"));
    let said = k.refused(&[
        "safety",
        "set",
        "--board",
        FR,
        "--date",
        "2999-01-01",
        "none",
    ]);
    assert!(said.contains("still to come"), "{said}");
    let said = k.refused(&["safety", "set", "--board", "gestion-jeunesse", "none"]);
    assert!(said.contains("has no safety section"), "{said}");
}

#[test]
fn the_mood_of_a_day_is_counted_by_face_never_by_person() {
    use huddle::model::{Edit, Origin};
    let k = Kiosk::new();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    {
        let mut store = huddle::store::Store::open(k.data.path()).unwrap();
        for face in [4, 4, 2] {
            store
                .apply_edit(
                    Edit::Vote { date: day, face },
                    (FR, "humeur"),
                    ("—", Origin::Screen),
                    chrono::Utc::now(),
                )
                .unwrap();
        }
    }
    let mood = k.listed(&["mood", "list", "--board", FR, "--date", "23/11/2026"]);
    assert_eq!(mood["votes"], json!(3));
    assert_eq!(mood["faces"][4]["votes"], json!(2));
    assert_eq!(mood["faces"][2]["votes"], json!(1));
    assert_eq!(mood["faces"][4]["name"], json!("Très bien"));
    let text = k.ok(&["mood", "list", "--board", FR, "--date", "2026-11-24"]);
    assert_eq!(text, "accueil-jeunesse 2026-11-24: 0 vote(s)");
}

#[test]
fn the_readme_documents_every_command() {
    use clap::CommandFactory as _;
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    fn leaves(command: &clap::Command, path: String, out: &mut Vec<String>) {
        let subcommands: Vec<&clap::Command> = command
            .get_subcommands()
            .filter(|c| !c.is_hide_set() && c.get_name() != "help")
            .collect();
        if subcommands.is_empty() {
            out.push(path.clone());
        }
        for sub in subcommands {
            leaves(sub, format!("{path} {}", sub.get_name()), out);
        }
    }
    let mut commands = Vec::new();
    leaves(
        &huddle::cli::Cli::command(),
        "huddle".to_owned(),
        &mut commands,
    );
    assert!(commands.len() > 30, "{commands:?}");
    let missing: Vec<&String> = commands
        .iter()
        .filter(|c| !readme.contains(&format!("`{c}")))
        .collect();
    assert!(missing.is_empty(), "not in the README: {missing:?}");
}
