//! The feeds folder: hospital systems (or IT scripts) drop CSV exports there, one file per
//! indicator at `<feeds>/<board id>/<indicator id>.csv`, and the kiosk loads them.
//!
//! A worker thread watches the folder (notify, debounced) and reads and parses the files that
//! changed; the app applies the rows through the store's one write path. Files are left in
//! place: a system that rewrites its export every night is read again, and since each row's
//! change id is made of what it says, rows already loaded change nothing.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{EventKind, RecursiveMode};

use super::{BadRow, Row, decode, parse_csv};

/// How long a file must be quiet before it is read (exports are written in bursts).
pub const DEBOUNCE: Duration = Duration::from_millis(500);

/// What the feeds watcher reports.
#[derive(Clone, Debug, PartialEq)]
pub enum FeedEvent {
    /// A feed file was read.
    Read {
        /// The file.
        path: PathBuf,
        /// The board, from the folder's name.
        board: String,
        /// The indicator, from the file's name.
        indicator: String,
        /// Its good rows.
        rows: Vec<Row>,
        /// Its bad rows.
        bad: Vec<BadRow>,
    },
    /// A feed file was removed (its values stay; only its problem, if any, goes).
    Removed {
        /// The file.
        path: PathBuf,
    },
    /// A CSV file that is not where a feed file goes, or that cannot be read.
    Problem {
        /// The file.
        path: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },
}

/// Whether a path is a feed file, and not a sync engine's or spreadsheet's litter.
pub fn is_feed_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.to_ascii_lowercase().ends_with(".csv") && !crate::paths::is_litter(name)
}

/// Reads one feed file.
pub fn read_feed(dir: &Path, path: &Path) -> FeedEvent {
    let problem = |message: String| FeedEvent::Problem {
        path: path.to_owned(),
        message,
    };
    let relative = path.strip_prefix(dir).unwrap_or(path);
    let parts: Vec<&str> = relative.iter().filter_map(|p| p.to_str()).collect();
    let [board, file] = parts.as_slice() else {
        return problem(format!(
            "a feed file goes in a folder named after its board: {}/<board>/<indicator>.csv",
            dir.display()
        ));
    };
    let indicator = file
        .rsplit_once('.')
        .map_or(*file, |(stem, _)| stem)
        .to_owned();
    let bytes =
        match crate::disk::read_bounded(path, super::FEED_FILE_MAX, crate::disk::Links::Follow) {
            Ok(b) => b,
            Err(e) => return problem(format!("cannot be read: {e}")),
        };
    let (rows, bad) = parse_csv(&decode(bytes));
    FeedEvent::Read {
        path: path.to_owned(),
        board: (*board).to_owned(),
        indicator,
        rows,
        bad,
    }
}

/// The feed files directly in `dir` (none if it cannot be read).
fn feed_files_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir).map_or_else(
        |_| Vec::new(),
        |entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| is_feed_file(p) && p.is_file())
                .collect()
        },
    )
}

/// Every feed file of the folder, read (at start-up, and after a burst the watcher could not
/// follow).
pub fn scan(dir: &Path) -> Vec<FeedEvent> {
    // Files in the boards' folders, and those dropped at the top (to say where they go).
    let mut files = feed_files_in(dir);
    if let Ok(entries) = std::fs::read_dir(dir) {
        for path in entries.filter_map(Result::ok).map(|e| e.path()) {
            if path.is_dir() {
                files.extend(feed_files_in(&path));
            }
        }
    }
    files.sort();
    files.iter().map(|p| read_feed(dir, p)).collect()
}

/// Keeps the watch alive; dropping it stops watching.
pub struct FeedWatcher {
    _debouncer: crate::watch::Debouncer,
}

/// Watches `dir` (created if missing). Each file written is read and sent on `tx`, then `wake`
/// is called.
pub fn watch(
    dir: &Path,
    tx: Sender<FeedEvent>,
    wake: impl Fn() + Send + 'static,
) -> notify::Result<FeedWatcher> {
    std::fs::create_dir_all(dir).map_err(notify::Error::io)?;
    let folder = dir.to_owned();
    let mut debouncer = crate::watch::debounced("watch feeds", DEBOUNCE, move |result| {
        let events = match result {
            Ok(events) if events.iter().any(|e| e.need_rescan()) => scan(&folder),
            Ok(events) => {
                let mut gone: Vec<PathBuf> = events
                    .iter()
                    .flat_map(|e| e.paths.iter().cloned())
                    .filter(|p| is_feed_file(p) && !p.exists())
                    .collect();
                gone.sort();
                gone.dedup();
                let mut paths: Vec<PathBuf> = events
                    .iter()
                    .filter(|e| matches!(e.kind, EventKind::Create(_) | EventKind::Modify(_)))
                    .flat_map(|e| e.paths.iter().cloned())
                    .filter(|p| is_feed_file(p) && p.is_file())
                    .collect();
                // A board's folder just made may have files written in it before the watch on
                // it began: read what it holds.
                let new_dirs = events
                    .iter()
                    .filter(|e| matches!(e.kind, EventKind::Create(_)))
                    .flat_map(|e| e.paths.iter())
                    .filter(|p| p.is_dir());
                for dir in new_dirs {
                    paths.extend(feed_files_in(dir));
                }
                paths.sort();
                paths.dedup();
                gone.into_iter()
                    .map(|path| FeedEvent::Removed { path })
                    .chain(paths.iter().map(|p| read_feed(&folder, p)))
                    .collect()
            }
            Err(_) => scan(&folder),
        };
        let mut sent = false;
        for event in events {
            sent |= tx.send(event).is_ok();
        }
        if sent {
            wake();
        }
    })?;
    debouncer.watch(dir, RecursiveMode::Recursive)?;
    Ok(FeedWatcher {
        _debouncer: debouncer,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_placed_by_board_and_indicator_and_litter_is_ignored() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let board = dir.path().join("accueil-jeunesse");
        std::fs::create_dir(&board).unwrap_or_else(|e| panic!("{e}"));
        let write = |p: &Path, t: &str| std::fs::write(p, t).unwrap_or_else(|e| panic!("{e}"));
        write(
            &board.join("liste-attente.csv"),
            "date;valeur\n2026-11-20;12,5\n",
        );
        write(&board.join("~$liste-attente.csv"), "lock");
        write(&board.join(".liste-attente.csv.tmp"), "partial");
        write(&dir.path().join("loose.csv"), "2026-11-20,1\n");
        let events = scan(dir.path());
        assert_eq!(events.len(), 2, "{events:?}");
        match &events[0] {
            FeedEvent::Read {
                board,
                indicator,
                rows,
                bad,
                ..
            } => {
                assert_eq!(
                    (board.as_str(), indicator.as_str()),
                    ("accueil-jeunesse", "liste-attente")
                );
                assert_eq!(rows.len(), 1);
                assert!(bad.is_empty());
            }
            other => panic!("{other:?}"),
        }
        assert!(
            matches!(&events[1], FeedEvent::Problem { message, .. } if message.contains("<board>/<indicator>.csv"))
        );
        assert!(scan(&dir.path().join("missing")).is_empty());
    }
}
