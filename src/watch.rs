//! Watching a folder, in bursts: the system's change events are gathered until the folder has
//! been quiet for a moment, then handed over together, so that an editor's save (a temp file
//! written, then renamed over the old one) or a sync engine's arrival of twenty files is one
//! batch.
//!
//! The thread that gathers them sleeps until the first event of a burst. A kiosk that nobody
//! touches wakes for nothing: no timer ticks while its folders are still (a tick every few
//! dozen milliseconds per watched folder, as a polling debouncer does, keeps a small board
//! computer out of its idle states all night).

use std::path::Path;
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{Event, RecursiveMode, Watcher as _};

/// One burst of changes: the events, or the errors the watch met (then look at everything).
pub type Batch = Result<Vec<Event>, Vec<notify::Error>>;

/// A watch; dropping it stops watching and ends its thread.
pub struct Debouncer {
    watcher: notify::RecommendedWatcher,
}

impl Debouncer {
    /// Adds `path` to what is watched.
    pub fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        self.watcher.watch(path, mode)
    }
}

/// Starts a watch whose bursts end after `quiet` without an event (or, for a folder that is
/// never quiet, after `quiet` × 8), each handed to `handler` on the watch's own thread, named
/// `name`.
pub fn debounced(
    name: &str,
    quiet: Duration,
    mut handler: impl FnMut(Batch) + Send + 'static,
) -> notify::Result<Debouncer> {
    let (tx, rx) = channel::<notify::Result<Event>>();
    let watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
        // Another program reading the folder (a backup, an indexer, a person browsing it)
        // is no change: it does not wake the thread that gathers bursts.
        if event.as_ref().is_ok_and(|e| is_read(&e.kind)) {
            return;
        }
        // The receiver is gone only once the watch is being dropped.
        let _ = tx.send(event);
    })?;
    let longest = quiet * 8;
    std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            // Asleep until a burst begins; the loop ends when the watcher is dropped.
            while let Ok(first) = rx.recv() {
                let began = Instant::now();
                let (mut events, mut errors) = (Vec::new(), Vec::new());
                let mut take = |event: notify::Result<Event>| match event {
                    Ok(event) => events.push(event),
                    Err(error) => errors.push(error),
                };
                take(first);
                let mut open = true;
                while began.elapsed() < longest {
                    match rx.recv_timeout(quiet) {
                        Ok(event) => take(event),
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => {
                            open = false;
                            break;
                        }
                    }
                }
                handler(if errors.is_empty() {
                    Ok(events)
                } else {
                    Err(errors)
                });
                if !open {
                    break;
                }
            }
        })
        .map_err(notify::Error::io)?;
    Ok(Debouncer { watcher })
}

/// Whether an event is only a file or folder opened, read or closed without writing.
fn is_read(kind: &notify::EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode};
    matches!(
        kind,
        notify::EventKind::Access(
            AccessKind::Open(_) | AccessKind::Read | AccessKind::Close(AccessMode::Read)
        )
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use std::sync::mpsc::Receiver;

    fn batches() -> (Debouncer, Receiver<Batch>, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let (tx, rx) = channel();
        let mut watch = debounced("test-watch", Duration::from_millis(200), move |batch| {
            let _ = tx.send(batch);
        })
        .unwrap();
        watch
            .watch(dir.path(), RecursiveMode::NonRecursive)
            .unwrap();
        (watch, rx, dir)
    }

    #[test]
    fn a_burst_of_writes_is_one_batch_and_a_later_write_another() {
        let (_watch, rx, dir) = batches();
        for i in 0..10 {
            std::fs::write(dir.path().join(format!("f{i}.toml")), "x").unwrap();
            std::thread::sleep(Duration::from_millis(10));
        }
        let batch = rx.recv_timeout(Duration::from_secs(10)).unwrap().unwrap();
        let mut named: Vec<_> = batch
            .iter()
            .flat_map(|e| e.paths.iter())
            .filter_map(|p| p.file_name())
            .collect();
        named.sort();
        named.dedup();
        assert_eq!(named.len(), 10, "{batch:?}");
        assert!(
            rx.recv_timeout(Duration::from_millis(600)).is_err(),
            "one batch for the burst"
        );
        std::fs::write(dir.path().join("later.toml"), "y").unwrap();
        let batch = rx.recv_timeout(Duration::from_secs(10)).unwrap().unwrap();
        assert!(
            batch
                .iter()
                .any(|e| e.paths.iter().any(|p| p.ends_with("later.toml")))
        );
    }

    #[test]
    fn reading_the_folder_and_its_files_is_no_change() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("team.toml"), "x").unwrap();
        let (tx, rx) = channel();
        let mut watch = debounced("test-watch", Duration::from_millis(100), move |batch| {
            let _ = tx.send(batch);
        })
        .unwrap();
        watch
            .watch(dir.path(), RecursiveMode::NonRecursive)
            .unwrap();
        for _ in 0..20 {
            let _ = std::fs::read(dir.path().join("team.toml")).unwrap();
            let _ = std::fs::read_dir(dir.path()).unwrap().count();
        }
        assert!(
            rx.recv_timeout(Duration::from_millis(800)).is_err(),
            "reads make no batch"
        );
        // A write after them still does.
        std::fs::write(dir.path().join("team.toml"), "y").unwrap();
        assert!(rx.recv_timeout(Duration::from_secs(10)).is_ok());
    }

    #[test]
    fn dropping_the_watch_ends_its_thread() {
        let (watch, rx, _dir) = batches();
        drop(watch);
        // The handler (and its sender) went with the thread.
        assert!(matches!(
            rx.recv_timeout(Duration::from_secs(10)),
            Err(RecvTimeoutError::Disconnected)
        ));
    }
}
