//! `huddle doctor`: checks what a kiosk needs and says, in plain words, what to fix.

use std::path::Path;
use std::process::ExitCode;

use chrono::Utc;

use crate::config::{Effective, Loaded, Source};
use crate::store::Store;
use crate::sync::Shared;

/// Below this much free space in the data folder, the doctor warns.
const LOW_SPACE: u64 = 500 * 1024 * 1024;

/// How a check went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    Ok,
    Warn,
    Fail,
}

struct Finding {
    verdict: Verdict,
    what: &'static str,
    said: String,
    fix: Option<String>,
}

fn found(verdict: Verdict, what: &'static str, said: String, fix: Option<String>) -> Finding {
    Finding {
        verdict,
        what,
        said,
        fix,
    }
}

/// Where a setting was given, for "fix it there".
fn where_set(source: &Source, key: &str) -> String {
    match source {
        Source::Flag(flag) => format!("the {flag} option"),
        Source::File { path, line } => format!("`{key}` in {}:{line}", path.display()),
        Source::Default => format!("`{key}` in the config file (huddle config shows it)"),
    }
}

/// Runs every check, prints them, and returns 1 if something must be fixed.
pub fn run(settings: &Effective, loaded: &Loaded) -> ExitCode {
    let mut findings = vec![config(loaded), boards(settings)];
    let (data, store) = data_dir(settings);
    findings.push(data);
    findings.push(shared(settings, store.as_ref()));
    findings.push(display());
    for f in &findings {
        let mark = match f.verdict {
            Verdict::Ok => "✓",
            Verdict::Warn => "!",
            Verdict::Fail => "✕",
        };
        println!("{mark} {}: {}", f.what, f.said);
        if let Some(fix) = &f.fix {
            println!("    → {fix}");
        }
    }
    let fails = findings
        .iter()
        .filter(|f| f.verdict == Verdict::Fail)
        .count();
    let warns = findings
        .iter()
        .filter(|f| f.verdict == Verdict::Warn)
        .count();
    match (fails, warns) {
        (0, 0) => println!("all good"),
        (0, w) => println!("{w} thing(s) to look at, nothing broken"),
        (f, _) => println!("{f} thing(s) to fix"),
    }
    if fails > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn config(loaded: &Loaded) -> Finding {
    if !loaded.exists {
        return found(
            Verdict::Ok,
            "config",
            format!(
                "{} not found; the defaults and options apply",
                loaded.path.display()
            ),
            None,
        );
    }
    let errors: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(ToString::to_string)
        .collect();
    if errors.is_empty() {
        found(
            Verdict::Ok,
            "config",
            format!("{} is valid", loaded.path.display()),
            None,
        )
    } else {
        found(
            Verdict::Fail,
            "config",
            format!(
                "{} has {} mistake(s); those settings are ignored",
                loaded.path.display(),
                errors.len()
            ),
            Some(errors.join("\n      ")),
        )
    }
}

fn boards(settings: &Effective) -> Finding {
    let dir = &settings.boards.value;
    match crate::layout::load_dir(dir) {
        Err(e) => found(
            Verdict::Fail,
            "boards",
            format!("{} cannot be read: {e}", dir.display()),
            Some(format!(
                "point {} to the folder of board files",
                where_set(&settings.boards.source, "boards")
            )),
        ),
        Ok(reports) => {
            let good = reports.iter().filter(|r| r.board.is_some()).count();
            let bad = reports.len() - good;
            match (good, bad) {
                (0, 0) => found(
                    Verdict::Fail,
                    "boards",
                    format!("no board file in {}", dir.display()),
                    Some(format!(
                        "put board files (*.toml) there, or point {} elsewhere",
                        where_set(&settings.boards.source, "boards")
                    )),
                ),
                (_, 0) => found(
                    Verdict::Ok,
                    "boards",
                    format!("{good} board(s) in {}, all valid", dir.display()),
                    None,
                ),
                (_, bad) => found(
                    Verdict::Fail,
                    "boards",
                    format!(
                        "{bad} board file(s) in {} have mistakes (the kiosk shows their last good version)",
                        dir.display()
                    ),
                    Some(format!(
                        "huddle check {} says what to fix, line by line",
                        dir.display()
                    )),
                ),
            }
        }
    }
}

fn data_dir(settings: &Effective) -> (Finding, Option<Store>) {
    let dir = &settings.data_dir.value;
    let fix_place = where_set(&settings.data_dir.source, "data_dir");
    if let Err(e) = std::fs::create_dir_all(dir) {
        return (
            found(
                Verdict::Fail,
                "data folder",
                format!("{} cannot be made: {e}", dir.display()),
                Some(format!(
                    "give the kiosk's user a folder it can write, in {fix_place}"
                )),
            ),
            None,
        );
    }
    let free = fs4::available_space(dir).ok();
    if let Err(e) = writable(dir)
        && (e.kind() == std::io::ErrorKind::StorageFull || crate::store::disk_is_full(dir))
    {
        return (
            found(
                Verdict::Fail,
                "data folder",
                format!(
                    "the disk holding {} is full ({} free)",
                    dir.display(),
                    free.map_or_else(|| "nothing".to_owned(), crate::disk::bytes)
                ),
                Some(
                    "free some space on that disk (other programs' files, old logs, downloads); nothing is lost meanwhile: the kiosk shows its board read-only, and saves again once there is room"
                        .to_owned(),
                ),
            ),
            None,
        );
    }
    if let Err(e) = writable(dir) {
        return (
            found(
                Verdict::Fail,
                "data folder",
                format!("{} cannot be written: {e}", dir.display()),
                Some(format!(
                    "let the kiosk's user write there (chown), or change {fix_place}; nothing typed can be saved until then"
                )),
            ),
            None,
        );
    }
    let store = match Store::open(dir) {
        Ok(s) => s,
        Err(e) => {
            return (
                found(
                    Verdict::Fail,
                    "data folder",
                    format!("the database in {} cannot be opened: {e}", dir.display()),
                    Some(
                        "keep a copy of the folder, then ask for help: the kiosk will not write into a database it does not recognise"
                            .to_owned(),
                    ),
                ),
                None,
            );
        }
    };
    let damaged = match store.integrity_check() {
        Ok(list) => list,
        Err(e) => vec![e.to_string()],
    };
    let changes = store.change_count().unwrap_or(0);
    let space = free.map_or_else(
        || "free space unknown".to_owned(),
        |f| format!("{} free", crate::disk::bytes(f)),
    );
    let finding = if !damaged.is_empty() {
        found(
            Verdict::Fail,
            "data folder",
            format!(
                "the database in {} is damaged: {}",
                dir.display(),
                damaged.join("; ")
            ),
            Some(
                "stop the kiosk, keep a copy of the folder, and restore the latest backup; with a shared folder, `huddle sync --republish` afterwards"
                    .to_owned(),
            ),
        )
    } else if free.is_some_and(|f| f < LOW_SPACE) {
        found(
            Verdict::Warn,
            "data folder",
            format!(
                "{}: writable, database intact ({changes} changes), but only {space}",
                dir.display()
            ),
            Some(
                "free some space on that disk: below a few MB, changes can no longer be saved"
                    .to_owned(),
            ),
        )
    } else {
        found(
            Verdict::Ok,
            "data folder",
            format!(
                "{}: writable, database intact ({changes} changes), {space}",
                dir.display()
            ),
            None,
        )
    };
    (finding, Some(store))
}

fn shared(settings: &Effective, store: Option<&Store>) -> Finding {
    let Some(dir) = &settings.shared.value else {
        return found(
            Verdict::Ok,
            "shared folder",
            "none set: this kiosk keeps its data to itself".to_owned(),
            None,
        );
    };
    let fix_place = where_set(&settings.shared.source, "shared");
    let Some(store) = store else {
        return found(
            Verdict::Warn,
            "shared folder",
            format!(
                "{}: not checked (the data folder comes first)",
                dir.display()
            ),
            None,
        );
    };
    let root = dir.join(crate::sync::ROOT);
    if dir.is_dir() && !root.exists() {
        return match writable(dir) {
            Ok(()) => found(
                Verdict::Ok,
                "shared folder",
                format!(
                    "{}: reachable and writable; no kiosk has synced there yet (the first sync makes it a sync folder)",
                    dir.display()
                ),
                None,
            ),
            Err(e) => found(
                Verdict::Fail,
                "shared folder",
                format!("{} cannot be written: {e}", dir.display()),
                Some("let the kiosk's user write there".to_owned()),
            ),
        };
    }
    let status = Shared::new(dir.clone())
        .named(&settings.device_name.value)
        .status(store, Utc::now());
    let last = status.last_sync.map_or_else(
        || "never synced".to_owned(),
        |t| {
            format!(
                "last synced {}",
                t.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M")
            )
        },
    );
    if let Some(error) = &status.error {
        let waiting = if status.waiting > 0 {
            format!(
                " {} change(s) made here wait for it; nothing is lost.",
                status.waiting
            )
        } else {
            String::new()
        };
        let fix = if status.refused.is_some() {
            format!("{error}. `huddle sync status` says more.{waiting}")
        } else if !dir.exists() {
            format!(
                "mount the network share (or start the sync program) so that {} exists, or correct {fix_place}. The kiosk keeps working meanwhile and catches up when the folder returns.{waiting}",
                dir.display()
            )
        } else {
            format!("{error}.{waiting}")
        };
        return found(
            Verdict::Fail,
            "shared folder",
            format!("{} cannot be used ({last})", dir.display()),
            Some(fix),
        );
    }
    if let Err(e) = writable(&root) {
        return found(
            Verdict::Fail,
            "shared folder",
            format!("{} can be read but not written: {e}", dir.display()),
            Some("let the kiosk's user write there; until then this kiosk's changes stay on this screen".to_owned()),
        );
    }
    let skewed: Vec<String> = status
        .peers
        .iter()
        .filter_map(|p| {
            p.ahead_ms
                .map(|ms| format!("{} ({} min ahead)", p.name, ms / 60_000))
        })
        .collect();
    let said = format!(
        "{}: reachable, writable, {} other kiosk(s) seen, {last}, {} change(s) waiting",
        dir.display(),
        status.peers.len(),
        status.waiting
    );
    if let Some(own) = status.own_clock_ms {
        return found(
            Verdict::Warn,
            "shared folder",
            said,
            Some(format!(
                "this kiosk's clock runs {} min {} the other kiosks': set this machine to the network time (NTP)",
                own.unsigned_abs() / 60_000,
                if own > 0 { "ahead of" } else { "behind" }
            )),
        );
    }
    if skewed.is_empty() {
        found(Verdict::Ok, "shared folder", said, None)
    } else {
        found(
            Verdict::Warn,
            "shared folder",
            said,
            Some(format!(
                "these kiosks' clocks are ahead of this one: {}; set them to the network time (NTP)",
                skewed.join(", ")
            )),
        )
    }
}

fn display() -> Finding {
    let x = std::env::var_os("DISPLAY").filter(|v| !v.is_empty());
    let wayland = std::env::var_os("WAYLAND_DISPLAY").filter(|v| !v.is_empty());
    match (x, wayland) {
        (_, Some(w)) => found(
            Verdict::Ok,
            "display",
            format!("Wayland display {}", w.to_string_lossy()),
            None,
        ),
        (Some(d), None) => found(
            Verdict::Ok,
            "display",
            format!("X display {}", d.to_string_lossy()),
            None,
        ),
        (None, None) if cfg!(windows) || cfg!(target_os = "macos") => found(
            Verdict::Ok,
            "display",
            "the desktop session's".to_owned(),
            None,
        ),
        (None, None) => found(
            Verdict::Warn,
            "display",
            "no DISPLAY or WAYLAND_DISPLAY here: the kiosk cannot open its window from this shell"
                .to_owned(),
            Some(
                "start it from the kiosk session (cage, or the desktop's autostart), where the screen is"
                    .to_owned(),
            ),
        ),
    }
}

/// Whether a file can be made (and removed) in `dir`.
fn writable(dir: &Path) -> std::io::Result<()> {
    use std::io::Write as _;
    let (mut file, probe) = crate::disk::create_temp(dir, true)?;
    let written = file.write_all(b"huddle doctor");
    drop(file);
    std::fs::remove_file(&probe)?;
    written
}
