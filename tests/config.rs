//! `huddle.toml`, `huddle config` and `huddle doctor`, as IT uses them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

fn huddle(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_huddle"))
        .arg("--config")
        .arg(config)
        .args(args)
        .env_remove("HUDDLE_CONFIG")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn huddle_config_says_each_value_and_where_it_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huddle.toml");
    std::fs::write(
        &file,
        format!(
            "# Kiosk of the intake team, 2nd floor\nboards = \"{}\"\nshared = \"partage\"\n\
             device_name = \"Accueil — 2e étage\"\n\n[display]\non = \"07:00\"\noff = \"18:00\"\n",
            concat!(env!("CARGO_MANIFEST_DIR"), "/boards")
        ),
    )
    .unwrap();
    let o = huddle(
        &file,
        &["--data-dir", "/tmp/x", "config", "--format", "json"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let setting = |k: &str| json["settings"][k].clone();
    let at = |line: usize| format!("{}:{line}", file.display());
    // Relative to the file's folder.
    assert_eq!(
        setting("shared")["value"],
        dir.path().join("partage").display().to_string()
    );
    assert_eq!(setting("shared")["from"], at(3));
    assert_eq!(setting("device_name")["value"], "Accueil — 2e étage");
    assert_eq!(setting("data_dir")["from"], "--data-dir");
    assert_eq!(setting("watch")["from"], "default");
    assert_eq!(setting("display")["from"], at(6));
    assert_eq!(json["file_exists"], true);
    // In words, too.
    let text = stdout(&huddle(&file, &["config"]));
    let line = text
        .lines()
        .find(|l| l.starts_with("device_name "))
        .unwrap();
    assert!(
        line.ends_with(&format!("Accueil — 2e étage    ({})", at(4))),
        "{text}"
    );
}

#[test]
fn a_mistake_in_the_config_file_is_said_with_its_line_and_the_rest_still_applies() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huddle.toml");
    std::fs::write(
        &file,
        "shraed = \"/mnt/partage\"\ndevice_name = \"Borne 3\"\n",
    )
    .unwrap();
    let o = huddle(&file, &["config"]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(
        text.contains(&format!("{}:1:1: unknown key `shraed`", file.display())),
        "{text}"
    );
    assert!(text.contains("`shared`"), "a suggestion: {text}");
    let line = text
        .lines()
        .find(|l| l.starts_with("device_name "))
        .unwrap();
    assert!(line.contains("Borne 3"), "{text}");
    // Other commands say it on stderr and go on.
    let o = huddle(
        &file,
        &[
            "--boards",
            concat!(env!("CARGO_MANIFEST_DIR"), "/boards"),
            "boards",
        ],
    );
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown key `shraed`"));
}

#[test]
fn the_doctor_says_what_to_fix_when_the_shared_folder_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huddle.toml");
    let data = dir.path().join("data");
    std::fs::write(
        &file,
        format!(
            "boards = \"{}\"\ndata_dir = \"data\"\nshared = \"/nonexistent/partage\"\n",
            concat!(env!("CARGO_MANIFEST_DIR"), "/boards")
        ),
    )
    .unwrap();
    let o = huddle(&file, &["doctor"]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(text.contains("✓ boards: 5 board(s)"), "{text}");
    assert!(
        text.contains("✓ data folder:") && text.contains("database intact"),
        "{text}"
    );
    assert!(
        text.contains("✕ shared folder: /nonexistent/partage cannot be used"),
        "{text}"
    );
    assert!(
        text.contains(&format!("`shared` in {}:3", file.display())),
        "where to fix it: {text}"
    );
    assert!(text.contains("! display:"), "{text}");
    assert!(data.join("huddle.sqlite3").exists() || data.is_dir());

    // With the folder there, nothing to fix.
    std::fs::write(
        &file,
        format!(
            "boards = \"{}\"\ndata_dir = \"data\"\nshared = \"partage\"\n",
            concat!(env!("CARGO_MANIFEST_DIR"), "/boards")
        ),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("partage")).unwrap();
    let o = huddle(&file, &["doctor"]);
    let text = stdout(&o);
    assert!(o.status.success(), "{text}");
    assert!(text.contains("✓ shared folder:"), "{text}");
}

#[test]
fn huddle_pin_set_writes_only_an_argon2_hash_and_keeps_the_file_as_it_was() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huddle.toml");
    std::fs::write(&file, "# Set up by IT\ndevice_name = \"Accueil 2e\"\n").unwrap();
    // IT made it private: it stays so once the hash is in it.
    #[cfg(unix)]
    let mode = |path: &Path| {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let set = |pin: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_huddle"))
            .arg("--config")
            .arg(&file)
            .args(["pin", "set"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{pin}").unwrap();
        child.wait_with_output().unwrap()
    };
    let bad = set("12ab");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("4 to 8 digits"));
    let o = set("4821");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with("# Set up by IT\ndevice_name = \"Accueil 2e\"\n"),
        "{text}"
    );
    assert!(
        text.contains("[facilitator]\npin_hash = \"$argon2id$"),
        "{text}"
    );
    assert!(!text.contains("4821"));
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600, "the file keeps its mode");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temp file is left beside it");
    let loaded = huddle::config::load(&file);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let hash = loaded.file.pin_hash.unwrap().value;
    assert!(huddle::facilitator::pin_matches(&hash, "4821"));
    // `huddle config` says a PIN is set, never the hash.
    let shown = stdout(&huddle(&file, &["config"]));
    assert!(!shown.contains("argon2"), "{shown}");
    let o = huddle(&file, &["pin", "clear"]);
    assert!(o.status.success());
    assert!(huddle::config::load(&file).file.pin_hash.is_none());
}
