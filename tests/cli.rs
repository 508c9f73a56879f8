//! The command line as scripts use it: exit codes, text and JSON output.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn huddle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_huddle"))
        .args(args)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("huddle runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("boards")
}

fn broken_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(examples()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let file = dir.path().join("gestion-jeunesse.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("target = 35", "targte = 35").replace(
            "parent = \"direction-jeunesse\"",
            "parent = \"direction-jeunese\"",
        ),
    )
    .unwrap();
    dir
}

#[test]
fn check_passes_on_the_examples_by_default() {
    let o = huddle(&["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("all valid"));
}

#[test]
fn check_prints_every_problem_and_exits_1() {
    let dir = broken_copy();
    let o = huddle(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let file = dir.path().join("gestion-jeunesse.toml");
    let file = file.display();
    assert!(out.contains(&format!("{file}:10:11: a board's parent `direction-jeunese` is not a known board, did you mean `direction-jeunesse`?")), "{out}");
    assert!(
        out.contains(&format!(
            "{file}:46:1: unknown key `targte` in section `attente-totale`, did you mean `target`?"
        )),
        "{out}"
    );
}

#[test]
fn check_json_lists_the_same_problems() {
    let dir = broken_copy();
    let o = huddle(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(json["valid"], false);
    let problems = json["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 2);
    assert!(
        problems
            .iter()
            .all(|p| p["severity"] == "error" && p["line"].is_u64() && p["column"].is_u64())
    );
    assert!(problems.iter().any(|p| p["line"] == 46 && p["column"] == 1));
}

#[test]
fn check_of_a_missing_path_is_a_usage_error() {
    let o = huddle(&["check", "no/such/board.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("does not exist"));
}

#[test]
fn unknown_options_are_usage_errors() {
    let o = huddle(&["check", "--frmat", "json"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn boards_lists_ids_levels_parents_and_sections() {
    let o = huddle(&[
        "boards",
        "--format",
        "json",
        "--boards",
        examples().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let boards = json.as_array().unwrap();
    assert_eq!(boards.len(), 5);
    let team = boards
        .iter()
        .find(|b| b["id"] == "accueil-jeunesse")
        .unwrap();
    assert_eq!(team["level"], "team");
    assert_eq!(team["parent"], "gestion-jeunesse");
    assert!(
        team["file"]
            .as_str()
            .unwrap()
            .ends_with("accueil-jeunesse.toml")
    );
    let sections = team["sections"].as_array().unwrap();
    assert!(sections.iter().any(|s| s["id"] == "liste-attente"
        && s["kind"] == "indicator"
        && s["title"] == "Liste d'attente"));
    let text = stdout(&huddle(&["boards"]));
    assert!(text.contains("comite-trajectoire-jeunesse"));
}

#[test]
fn output_cut_short_by_a_pipe_is_not_an_error() {
    use std::io::Read as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_huddle"))
        .args(["boards"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read nothing and close the pipe, as `| head -0` would.
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(!err.contains("Broken pipe"), "{err}");
    assert!(status.success() || status.code().is_none());
}

#[test]
fn check_speaks_french_in_a_french_locale() {
    let dir = broken_copy();
    let o = Command::new(env!("CARGO_BIN_EXE_huddle"))
        .args(["check", dir.path().to_str().unwrap()])
        .env("LANG", "fr_CA.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let file = dir.path().join("gestion-jeunesse.toml");
    assert!(
        out.contains(&format!("{}:46:1 : clé inconnue `targte` dans la section `attente-totale` ; vouliez-vous dire `target` ?", file.display())),
        "{out}"
    );
    // Every line, the summary too.
    assert!(
        out.contains("fichier(s) de tableau vérifié(s) : 1 avec des erreurs"),
        "{out}"
    );
    assert!(!out.contains("checked"), "{out}");
    // JSON carries both languages.
    let o = huddle(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        json["problems"][0]["message_fr"]
            .as_str()
            .unwrap()
            .contains("vouliez-vous dire")
    );
}
