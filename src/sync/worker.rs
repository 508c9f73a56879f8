//! The sync worker: a thread with its own connection to the store that syncs when this kiosk
//! made a change, when the shared folder says something changed, and on a timer, because
//! watchers miss things (network shares send no events at all).
//!
//! Watcher events are only hints: access events (our own reads) and names outside our scheme
//! are dropped before they count, and any number of hints collapse into one pending sync.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{Timelike as _, Utc};
use notify::{EventKind, RecursiveMode};

use super::{Shared, SyncStatus};
use crate::store::Store;

/// How the shared folder is watched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum WatchMode {
    /// Events from the system where they work; polling on a network share (NFS, SMB/CIFS,
    /// SSHFS…), where the system sends none.
    #[default]
    Auto,
    /// Events from the system (local disk, Syncthing, OneDrive, Dropbox).
    Native,
    /// Look at the folder every few seconds (network shares).
    Poll,
}

/// How long the folder must be quiet before a sync (a sync engine writes a temp file, then
/// renames it: a few milliseconds).
pub const DEBOUNCE: Duration = Duration::from_millis(300);
/// Full sync on a timer with events.
pub const RECONCILE: Duration = Duration::from_secs(30);
/// Full sync on a timer without events.
pub const POLL: Duration = Duration::from_secs(5);

/// What the worker is told.
enum Hint {
    /// Something changed (here, or in the folder).
    Dirty,
    /// Stop.
    Stop,
}

/// The running worker; dropping it stops it.
pub struct SyncWorker {
    tx: SyncSender<Hint>,
    status: Arc<Mutex<SyncStatus>>,
    rounds: Arc<AtomicU64>,
    /// The number of this kiosk's last change the worker was told of.
    told: AtomicU64,
}

impl SyncWorker {
    /// Starts syncing the store of `data_dir` with `shared`; `wake` is called when the store
    /// or the status changed (the kiosk repaints).
    pub fn start(
        data_dir: PathBuf,
        shared: Shared,
        mode: WatchMode,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> std::io::Result<Self> {
        // One pending hint is enough: more would say nothing new.
        let (tx, rx) = sync_channel(1);
        let rounds = Arc::new(AtomicU64::new(0));
        let status = Arc::new(Mutex::new(SyncStatus {
            shared: Some(shared.dir.clone()),
            ..SyncStatus::default()
        }));
        let worker = Worker {
            data_dir,
            mode: match mode {
                WatchMode::Auto if is_network_mount(&shared.dir) => WatchMode::Poll,
                WatchMode::Auto => WatchMode::Native,
                other => other,
            },
            shared,
            status: status.clone(),
            tx: tx.clone(),
            wake: Arc::new(wake),
            rounds: rounds.clone(),
        };
        std::thread::Builder::new()
            .name("sync".into())
            .spawn(move || worker.run(&rx))?;
        Ok(Self {
            tx,
            status,
            rounds,
            told: AtomicU64::new(0),
        })
    }

    /// Asks for a sync soon if `store` holds a change made on this kiosk that the worker has
    /// not been told of (a tap, a feed, the command line writing beside it). Only this kiosk's
    /// own changes count: the worker's own writes must not wake it again.
    pub fn notice(&self, store: &Store) {
        if let Ok(own) = store.last_own_seq()
            && self.told.swap(own, Ordering::Relaxed) != own
        {
            self.nudge();
        }
    }

    /// How many syncs the worker has run (each hint or timer tick is one at most).
    pub fn rounds(&self) -> u64 {
        self.rounds.load(Ordering::Relaxed)
    }

    /// Asks for a sync soon (a change was made here).
    pub fn nudge(&self) {
        hint(&self.tx);
    }

    /// Where sync stands.
    pub fn status(&self) -> SyncStatus {
        self.status
            .lock()
            .map(|s| s.clone())
            .unwrap_or_else(|e| e.into_inner().clone())
    }
}

impl Drop for SyncWorker {
    fn drop(&mut self) {
        // Not joined: a share that hangs must not hang the kiosk on its way out.
        let _ = self.tx.try_send(Hint::Stop);
    }
}

fn hint(tx: &SyncSender<Hint>) {
    match tx.try_send(Hint::Dirty) {
        Ok(()) | Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {}
    }
}

struct Worker {
    data_dir: PathBuf,
    shared: Shared,
    mode: WatchMode,
    status: Arc<Mutex<SyncStatus>>,
    tx: SyncSender<Hint>,
    wake: Arc<dyn Fn() + Send + Sync>,
    rounds: Arc<AtomicU64>,
}

impl Worker {
    fn run(self, rx: &Receiver<Hint>) {
        let mut store: Option<Store> = None;
        let mut watcher: Option<crate::watch::Debouncer> = None;
        tracing::info!(
            shared = %self.shared.dir.display(),
            mode = ?self.mode,
            "sync started"
        );
        loop {
            if store.is_none() {
                match Store::open(&self.data_dir) {
                    Ok(s) => store = Some(s),
                    Err(e) => self.set_status(SyncStatus {
                        error: Some(e.to_string()),
                        ..SyncStatus::default()
                    }),
                }
            }
            if let Some(store) = &mut store {
                let now = Utc::now();
                let result = self.shared.sync_once(store, now);
                let ingested = result.as_ref().is_ok_and(|r| r.ingested > 0);
                // The sync has just checked the folder: the status does not check it again.
                let mut status = self.shared.describe(store, now, result.as_ref().err());
                let reachable = result.is_ok();
                match result {
                    Ok(report) => {
                        if let Some(e) = report.publish_error {
                            status.error = Some(format!(
                                "the shared folder {} cannot be written: {e}",
                                self.shared.dir.display()
                            ));
                        }
                        status.problems = report.problems;
                    }
                    Err(e) => tracing::warn!("{e}"),
                }
                if reachable && self.mode == WatchMode::Native && watcher.is_none() {
                    watcher = watch(&self.shared.dir, self.tx.clone());
                } else if !reachable {
                    // Watched again when the folder is back (a remounted share is a new one).
                    watcher = None;
                }
                self.set_status(status);
                if ingested {
                    // The kiosk rebuilds its view from the store when it repaints.
                    (self.wake)();
                }
                self.rounds.fetch_add(1, Ordering::Relaxed);
            }
            let wait = match (&store, self.mode) {
                (_, WatchMode::Poll) => POLL,
                (Some(_), _) if watcher.is_some() => RECONCILE,
                _ => POLL * 2,
            };
            match rx.recv_timeout(wait) {
                Ok(Hint::Dirty) | Err(RecvTimeoutError::Timeout) => {}
                Ok(Hint::Stop) | Err(RecvTimeoutError::Disconnected) => break,
            }
        }
    }

    /// Keeps the status; wakes the kiosk when something it shows changed (the time of the
    /// last sync is shown to the minute: a sync every 30 s must not repaint every 30 s).
    fn set_status(&self, status: SyncStatus) {
        let shown = |s: &SyncStatus| SyncStatus {
            last_sync: s
                .last_sync
                .and_then(|t| t.with_second(0))
                .and_then(|t| t.with_nanosecond(0)),
            ..s.clone()
        };
        let changed = match self.status.lock() {
            Ok(mut current) => {
                let changed = shown(&current) != shown(&status);
                *current = status;
                changed
            }
            Err(_) => true,
        };
        if changed {
            (self.wake)();
        }
    }
}

/// Watches the shared folder; each batch of events that may matter becomes one hint.
fn watch(dir: &Path, tx: SyncSender<Hint>) -> Option<crate::watch::Debouncer> {
    let handler = move |result: crate::watch::Batch| {
        let matters = match result {
            Ok(events) => events.iter().any(|e| {
                e.need_rescan()
                    || (!matches!(e.kind, EventKind::Access(_))
                        && e.paths.iter().any(|p| is_ours(p)))
            }),
            Err(_) => true,
        };
        if matters {
            hint(&tx);
        }
    };
    let mut debouncer = match crate::watch::debounced("watch shared", DEBOUNCE, handler) {
        Ok(d) => d,
        Err(e) => {
            tracing::warn!("cannot watch {}: {e}", dir.display());
            return None;
        }
    };
    match debouncer.watch(dir, RecursiveMode::Recursive) {
        Ok(()) => Some(debouncer),
        Err(e) => {
            tracing::warn!("cannot watch {}: {e}", dir.display());
            None
        }
    }
}

/// Whether a path names a file the sync reads (a segment or a manifest, or a folder).
fn is_ours(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    !matches!(super::files::classify(name), super::files::FileKind::Other)
        || crate::model::is_device_id(name)
        || name == super::ROOT
        || name == "devices"
        || name == super::FORMAT_FILE
}

/// Whether `dir` is on a network file system, where the system sends no change events
/// (Linux: read from the mount table; elsewhere: not known, so no).
pub fn is_network_mount(dir: &Path) -> bool {
    let Ok(mounts) = std::fs::read_to_string("/proc/self/mounts") else {
        return false;
    };
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned());
    network_fs_type(&mounts, &dir)
}

fn network_fs_type(mounts: &str, dir: &Path) -> bool {
    let best = mounts
        .lines()
        .filter_map(|line| {
            let mut parts = line.split_whitespace();
            let _device = parts.next()?;
            let point = parts.next()?.replace("\\040", " ");
            let fs = parts.next()?;
            dir.starts_with(&point)
                .then(|| (point.len(), fs.to_owned()))
        })
        .max_by_key(|(len, _)| *len);
    best.is_some_and(|(_, fs)| {
        matches!(
            fs.as_str(),
            "nfs"
                | "nfs4"
                | "cifs"
                | "smb3"
                | "smbfs"
                | "fuse.sshfs"
                | "9p"
                | "davfs"
                | "fuse.rclone"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_shares_are_told_from_local_disks() {
        let mounts = "/dev/sda1 / ext4 rw 0 0\n\
                      server:/export /mnt/huddle nfs4 rw 0 0\n\
                      //nas/boards /mnt/smb\\040share cifs rw 0 0\n\
                      tmpfs /mnt/huddle/tmp tmpfs rw 0 0\n";
        assert!(network_fs_type(mounts, Path::new("/mnt/huddle/team")));
        assert!(network_fs_type(mounts, Path::new("/mnt/smb share/x")));
        assert!(!network_fs_type(mounts, Path::new("/mnt/huddle/tmp/x")));
        assert!(!network_fs_type(mounts, Path::new("/home/kiosk")));
        assert!(!network_fs_type("", Path::new("/home/kiosk")));
    }

    #[test]
    fn only_our_names_wake_the_sync() {
        assert!(is_ours(Path::new(
            "/s/huddle-sync/devices/3f2a9c41d07b55e1/seg-000000000001-000000000002.jsonl"
        )));
        assert!(is_ours(Path::new(
            "/s/huddle-sync/devices/3f2a9c41d07b55e1"
        )));
        assert!(is_ours(Path::new(
            "/s/huddle-sync/devices/3f2a9c41d07b55e1/manifest.json"
        )));
        assert!(!is_ours(Path::new(
            "/s/huddle-sync/devices/3f2a9c41d07b55e1/desktop.ini"
        )));
        assert!(!is_ours(Path::new(
            "/s/huddle-sync/devices/3f2a9c41d07b55e1/.syncthing.seg.jsonl.tmp"
        )));
        assert!(!is_ours(Path::new("/s/.stfolder")));
    }
}
