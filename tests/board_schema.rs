//! The board schema (`huddle schema`) as editors use it: every example board starts with the
//! `#:schema` line and validates against it with a real JSON Schema validator, read by another
//! TOML parser than the kiosk's (as an editor reads it); the committed
//! `boards/huddle-board.schema.json` is the generated schema; a wrong word and a key of another
//! kind of section fail, with a message that names them; the command prints or writes it; and
//! the schema file beside the boards is not read as a board.
//!
//! `UPDATE_SCHEMA=1 cargo test --test board_schema` writes `boards/huddle-board.schema.json`
//! from the code instead of comparing it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use huddle::layout::{SCHEMA_FILE, board_schema, load_dir, parse_board};

/// The first line of every example board.
const SCHEMA_LINE: &str = "#:schema ./huddle-board.schema.json";

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("boards")
}

fn example_boards() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(examples())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    files
}

/// A board file as the JSON an editor validates.
fn json_of(text: &str) -> serde_json::Value {
    toml::from_str(text).expect("TOML")
}

fn errors(schema: &serde_json::Value, board: &serde_json::Value) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).expect("a valid JSON Schema");
    validator
        .iter_errors(board)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

fn committed() -> String {
    std::fs::read_to_string(examples().join(SCHEMA_FILE))
        .expect("boards/huddle-board.schema.json (UPDATE_SCHEMA=1 cargo test --test board_schema)")
}

fn generated() -> String {
    serde_json::to_string_pretty(&board_schema()).expect("JSON") + "\n"
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    if std::env::var_os("UPDATE_SCHEMA").is_some_and(|v| v == "1") {
        std::fs::write(examples().join(SCHEMA_FILE), generated()).expect("schema written");
    }
    assert!(
        committed() == generated(),
        "boards/{SCHEMA_FILE} is not the schema of the code: run \
         UPDATE_SCHEMA=1 cargo test --test board_schema"
    );
}

#[test]
fn every_example_board_names_the_schema_and_validates_against_it() {
    let schema: serde_json::Value = serde_json::from_str(&committed()).expect("JSON");
    for file in example_boards() {
        let text = std::fs::read_to_string(&file).unwrap();
        assert_eq!(
            text.lines().next(),
            Some(SCHEMA_LINE),
            "{}: the first line names the schema beside it",
            file.display()
        );
        let board = json_of(&text);
        let found = errors(&schema, &board);
        assert!(found.is_empty(), "{}: {found:#?}", file.display());
        // And the kiosk reads it with that line.
        let report = parse_board(&file, &text);
        assert!(report.problems.is_empty(), "{:#?}", report.problems);
    }
}

/// The intake board with `from` written `to`: what the schema and `huddle check` say.
fn broken(from: &str, to: &str) -> (Vec<String>, Vec<String>) {
    let file = examples().join("accueil-jeunesse.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(from), "{from}");
    let text = text.replacen(from, to, 1);
    let schema = errors(&board_schema(), &json_of(&text));
    let check = parse_board(&file, &text)
        .problems
        .into_iter()
        .filter(|p| p.is_error())
        .map(|p| p.message)
        .collect();
    (schema, check)
}

#[test]
fn a_wrong_word_fails_with_a_message_naming_it() {
    let (schema, check) = broken("direction = \"lower\"", "direction = \"lowr\"");
    assert_eq!(schema.len(), 1, "{schema:#?}");
    assert!(schema[0].contains("\"lowr\""), "{schema:#?}");
    assert!(schema[0].contains("/direction"), "{schema:#?}");
    assert_eq!(check.len(), 1, "{check:#?}");
    assert!(check[0].contains("\"lowr\""), "{check:#?}");
}

#[test]
fn a_key_of_another_kind_fails_with_a_message_naming_it() {
    let (schema, check) = broken(
        "direction = \"lower\"",
        "direction = \"lower\"\nstages = [\"A\"]",
    );
    assert!(!schema.is_empty(), "{schema:#?}");
    assert!(
        schema.iter().all(|e| e.contains("\"stages\"")),
        "{schema:#?}"
    );
    assert_eq!(check.len(), 1, "{check:#?}");
    assert!(
        check[0].contains("`stages`") && check[0].contains("\"trajectory\""),
        "{check:#?}"
    );
}

#[test]
fn a_number_out_of_range_and_a_missing_key_fail() {
    let (schema, check) = broken("columns = 5", "columns = 13");
    assert!(
        schema
            .iter()
            .any(|e| e.contains("13") && e.contains("/board/columns")),
        "{schema:#?}"
    );
    assert!(!check.is_empty());
    let (schema, check) = broken("title = \"Accueil jeunesse — AAOR\"\n", "");
    assert!(
        schema.iter().any(|e| e.contains("\"title\"")),
        "{schema:#?}"
    );
    assert!(!check.is_empty());
}

fn huddle(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_huddle"))
        .args(args)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("HUDDLE_CONFIG", dir.join("no-config.toml"))
        .current_dir(dir)
        .output()
        .expect("huddle runs")
}

#[test]
fn huddle_schema_prints_or_writes_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let printed = huddle(&["schema"], dir.path());
    assert_eq!(printed.status.code(), Some(0));
    assert_eq!(String::from_utf8(printed.stdout).unwrap(), committed());

    let file = dir.path().join("board.schema.json");
    let written = huddle(&["schema", "--output", file.to_str().unwrap()], dir.path());
    assert_eq!(written.status.code(), Some(0));
    assert!(written.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), committed());

    let nowhere = dir.path().join("no-such-folder").join("board.schema.json");
    let refused = huddle(
        &["schema", "--output", nowhere.to_str().unwrap()],
        dir.path(),
    );
    assert_eq!(refused.status.code(), Some(1));
    let said = String::from_utf8(refused.stderr).unwrap();
    assert!(
        said.starts_with("huddle schema: cannot write ") && said.contains("no-such-folder"),
        "{said}"
    );
}

#[test]
fn the_schema_beside_the_boards_is_not_read_as_a_board() {
    let reports = load_dir(&examples()).unwrap();
    assert_eq!(reports.len(), example_boards().len());
    for report in &reports {
        assert!(report.problems.is_empty(), "{:#?}", report.problems);
    }
    assert!(!huddle::layout::is_board_file(Path::new(SCHEMA_FILE)));
    let checked = huddle(&["check", examples().to_str().unwrap()], Path::new("/"));
    assert_eq!(checked.status.code(), Some(0));
    assert!(
        String::from_utf8(checked.stdout)
            .unwrap()
            .contains(&format!(
                "{} board file(s) checked: all valid",
                reports.len()
            ))
    );
}
