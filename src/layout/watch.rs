//! Hot reload: watches the boards folder (not the files: editors save by writing a temp file
//! and renaming it over the old one) and sends a fresh scan after each burst of changes.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{EventKind, RecursiveMode};

use super::load::{is_board_file, load_dir};
use super::parse::FileReport;

/// How long the folder must be quiet before it is read again.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// What the watcher sends.
#[derive(Debug)]
pub enum LayoutEvent {
    /// A fresh scan of the whole folder.
    Scanned(Vec<FileReport>),
    /// The folder could not be read (it may be gone for a moment).
    FolderError(String),
}

/// Keeps the watch alive; dropping it stops watching.
pub struct BoardWatcher {
    _debouncer: crate::watch::Debouncer,
}

/// Starts watching `dir`. Each relevant burst of changes gives one [`LayoutEvent`] on `tx`,
/// followed by a call of `wake` (the kiosk asks for a repaint there).
pub fn watch(
    dir: &Path,
    tx: Sender<LayoutEvent>,
    wake: impl Fn() + Send + 'static,
) -> notify::Result<BoardWatcher> {
    let folder: PathBuf = dir.to_owned();
    let mut debouncer = crate::watch::debounced("watch boards", DEBOUNCE, move |result| {
        let relevant = match &result {
            Ok(events) => events.iter().any(|e| {
                !matches!(e.kind, EventKind::Access(_))
                    && (e.need_rescan() || e.paths.iter().any(|p| is_board_file(p)))
            }),
            Err(_) => true,
        };
        if !relevant {
            return;
        }
        let event = match load_dir(&folder) {
            Ok(reports) => LayoutEvent::Scanned(reports),
            Err(err) => LayoutEvent::FolderError(format!("{}: {err}", folder.display())),
        };
        if tx.send(event).is_ok() {
            wake();
        }
    })?;
    debouncer.watch(dir, RecursiveMode::NonRecursive)?;
    Ok(BoardWatcher {
        _debouncer: debouncer,
    })
}
