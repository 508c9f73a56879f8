//! The snapshot shelf: a named thread that keeps the latest snapshot of each board found in
//! the snapshot folders, and writes the snapshots this kiosk sends. All of its file work is off
//! the UI thread: a share that hangs hangs this thread, never the screen.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use super::{Snapshot, Written};

/// How often the folders are looked at again when nothing asks for it (network shares send
/// no events; snapshots come a few times a day).
pub const RESCAN: Duration = Duration::from_secs(60);

/// The newest readable snapshot of one board.
#[derive(Clone, Debug, PartialEq)]
pub struct Latest {
    /// Its file.
    pub path: PathBuf,
    /// What it holds.
    pub snapshot: Arc<Snapshot>,
}

/// The outcome of the last snapshot this kiosk sent.
#[derive(Clone, Debug, PartialEq)]
pub enum Sent {
    /// Written: the board, when it was taken, and its files.
    Done {
        board: String,
        taken_at: chrono::DateTime<chrono::Utc>,
        written: Written,
    },
    /// Not written, and why.
    Failed { board: String, error: String },
}

enum Job {
    Rescan,
    Send(Box<Snapshot>),
    Stop,
}

#[derive(Default)]
struct Shared {
    latest: BTreeMap<String, Latest>,
    sent: Option<Sent>,
    problems: Vec<String>,
}

/// The shelf's handle, held by the kiosk.
pub struct Shelf {
    tx: SyncSender<Job>,
    shared: Arc<Mutex<Shared>>,
    version: Arc<AtomicU64>,
}

impl Shelf {
    /// Starts the thread: it reads `read_from` (each holding one folder per board) and writes
    /// what is sent into `write_to/<board>/`. `wake` is called when what it holds changes.
    pub fn start(
        read_from: Vec<PathBuf>,
        write_to: PathBuf,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> std::io::Result<Self> {
        let (tx, rx) = sync_channel(16);
        let shared = Arc::new(Mutex::new(Shared::default()));
        let version = Arc::new(AtomicU64::new(0));
        let worker = Worker {
            read_from,
            write_to,
            shared: Arc::clone(&shared),
            version: Arc::clone(&version),
            wake: Box::new(wake),
            cache: BTreeMap::new(),
        };
        std::thread::Builder::new()
            .name("snapshots".to_owned())
            .spawn(move || worker.run(&rx))?;
        Ok(Self {
            tx,
            shared,
            version,
        })
    }

    /// Asks for a look at the folders soon.
    pub fn rescan(&self) {
        match self.tx.try_send(Job::Rescan) {
            Ok(()) | Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {}
        }
    }

    /// Writes `snapshot` (off the UI thread); [`Shelf::sent`] says how it went.
    pub fn send(&self, snapshot: Snapshot) {
        if self.tx.try_send(Job::Send(Box::new(snapshot))).is_err() {
            tracing::warn!("the snapshot queue is full: snapshot not sent");
        }
    }

    /// Moves each time what the shelf holds changes.
    pub fn version(&self) -> u64 {
        self.version.load(Ordering::Relaxed)
    }

    /// The latest snapshot of each board, by board id.
    pub fn latest(&self) -> BTreeMap<String, Latest> {
        self.lock(|s| s.latest.clone())
    }

    /// How the last snapshot sent went.
    pub fn sent(&self) -> Option<Sent> {
        self.lock(|s| s.sent.clone())
    }

    /// Files passed over (half copied, damaged, from a newer Huddle).
    pub fn problems(&self) -> Vec<String> {
        self.lock(|s| s.problems.clone())
    }

    fn lock<T>(&self, f: impl FnOnce(&Shared) -> T) -> T {
        match self.shared.lock() {
            Ok(s) => f(&s),
            Err(e) => f(&e.into_inner()),
        }
    }
}

impl Drop for Shelf {
    fn drop(&mut self) {
        let _ = self.tx.try_send(Job::Stop);
    }
}

type FileKey = (u64, Option<SystemTime>);

struct Worker {
    read_from: Vec<PathBuf>,
    write_to: PathBuf,
    shared: Arc<Mutex<Shared>>,
    version: Arc<AtomicU64>,
    wake: Box<dyn Fn() + Send + Sync>,
    /// Files read, by path: their size and time when read, and what they held.
    cache: BTreeMap<PathBuf, (FileKey, Result<Arc<Snapshot>, String>)>,
}

impl Worker {
    fn run(mut self, rx: &Receiver<Job>) {
        loop {
            self.scan();
            match rx.recv_timeout(RESCAN) {
                Ok(Job::Rescan) | Err(RecvTimeoutError::Timeout) => {}
                Ok(Job::Send(snapshot)) => self.send(&snapshot),
                Ok(Job::Stop) | Err(RecvTimeoutError::Disconnected) => break,
            }
        }
    }

    fn send(&mut self, snapshot: &Snapshot) {
        let board = snapshot.board.id.clone();
        let sent = match super::write(snapshot, &self.write_to.join(&board)) {
            Ok(written) => {
                tracing::info!("snapshot of {board} written to {}", written.json.display());
                Sent::Done {
                    board,
                    taken_at: snapshot.taken_at,
                    written,
                }
            }
            Err(e) => {
                tracing::warn!("snapshot of {board} not written: {e}");
                Sent::Failed {
                    board,
                    error: format!("{}: {e}", self.write_to.display()),
                }
            }
        };
        self.update(|s| {
            s.sent = Some(sent);
            true
        });
    }

    fn scan(&mut self) {
        let mut latest: BTreeMap<String, Latest> = BTreeMap::new();
        let mut problems = Vec::new();
        let mut read = std::collections::BTreeSet::new();
        for dir in &self.read_from.clone() {
            for board in board_dirs(dir) {
                for path in super::files_of(dir, &board) {
                    read.insert(path.clone());
                    match self.read(&path) {
                        Ok(snapshot) if snapshot.board.id == board => {
                            let newer = latest
                                .get(&board)
                                .is_none_or(|l| l.snapshot.taken_at < snapshot.taken_at);
                            if newer {
                                latest.insert(board.clone(), Latest { path, snapshot });
                            }
                            break;
                        }
                        Ok(_) => {
                            problems.push(format!("{}: not a snapshot of {board}", path.display()))
                        }
                        Err(e) => problems.push(e),
                    }
                }
            }
        }
        // Only the files read in this scan are kept: the newest of each board (and any newer
        // ones that could not be read). The older snapshots stay in the folder for the
        // record, one a day for years, and are not held in memory.
        self.cache.retain(|path, _| read.contains(path));
        self.update(|s| {
            let changed = s.latest != latest || s.problems != problems;
            s.latest = latest;
            s.problems = problems;
            changed
        });
    }

    /// Reads a snapshot file, or says why not; a file whose size and time did not change is
    /// not read again.
    fn read(&mut self, path: &Path) -> Result<Arc<Snapshot>, String> {
        let key: FileKey = match std::fs::symlink_metadata(path) {
            Ok(m) => (m.len(), m.modified().ok()),
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        if let Some((seen, result)) = self.cache.get(path)
            && *seen == key
        {
            return result.clone();
        }
        let result = super::read(path).map(Arc::new).map_err(|e| e.to_string());
        self.cache.insert(path.to_owned(), (key, result.clone()));
        result
    }

    fn update(&self, f: impl FnOnce(&mut Shared) -> bool) {
        let changed = match self.shared.lock() {
            Ok(mut s) => f(&mut s),
            Err(e) => f(&mut e.into_inner()),
        };
        if changed {
            self.version.fetch_add(1, Ordering::Relaxed);
            (self.wake)();
        }
    }
}

/// The board folders in a snapshot folder (named by board id).
fn board_dirs(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|name| !name.starts_with('.'))
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use chrono::{NaiveDate, TimeZone as _, Utc};

    fn intake_board() -> crate::model::Board {
        let boards = Path::new(env!("CARGO_MANIFEST_DIR")).join("boards");
        crate::layout::load_dir(&boards)
            .unwrap()
            .into_iter()
            .filter_map(|report| report.board)
            .find(|b| b.id == "accueil-jeunesse")
            .unwrap()
    }

    /// The shelf's worker reading and writing `folder`.
    fn worker_on(folder: &Path) -> Worker {
        Worker {
            read_from: vec![folder.to_owned()],
            write_to: folder.to_owned(),
            shared: Arc::default(),
            version: Arc::default(),
            wake: Box::new(|| {}),
            cache: BTreeMap::new(),
        }
    }

    #[test]
    fn only_the_newest_snapshot_of_a_board_is_held_however_many_are_kept() {
        let board = intake_board();
        let folder = tempfile::tempdir().unwrap();
        let mut worker = worker_on(folder.path());
        // A snapshot sent each afternoon for a month, and the shelf looking each day.
        for day in 2..=27 {
            let date = NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
            let view = crate::view::snapshot::view_as_of(&board, &[], date);
            let at = Utc.from_utc_datetime(&date.and_hms_opt(16, 59, 0).unwrap());
            let snapshot = crate::view::snapshot::build(&board, &view, date, at, "k");
            worker.send(&snapshot);
            worker.scan();
            let latest = worker.shared.lock().unwrap().latest.clone();
            assert_eq!(latest["accueil-jeunesse"].snapshot.taken_at, at);
            assert_eq!(
                worker.cache.len(),
                1,
                "day {day}: {:?}",
                worker.cache.keys()
            );
        }
        assert_eq!(
            crate::snapshot::files_of(folder.path(), "accueil-jeunesse").len(),
            26,
            "every snapshot stays in the folder"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_a_link_or_a_huge_file_among_the_snapshots_is_refused_and_sending_goes_on() {
        let board = intake_board();
        let folder = tempfile::tempdir().unwrap();
        let board_dir = folder.path().join("accueil-jeunesse");
        std::fs::create_dir_all(&board_dir).unwrap();
        let fifo = board_dir.join("accueil-jeunesse-20991231T000000Z.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()));
        let secret = folder.path().join("secret.txt");
        std::fs::write(&secret, "not for the shelf").unwrap();
        std::os::unix::fs::symlink(
            &secret,
            board_dir.join("accueil-jeunesse-20991230T000000Z.json"),
        )
        .unwrap();
        let huge = std::fs::File::create(board_dir.join("accueil-jeunesse-20991229T000000Z.json"))
            .unwrap();
        huge.set_len(crate::snapshot::SNAPSHOT_MAX + 1).unwrap();
        let mut worker = worker_on(folder.path());
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let view = crate::view::snapshot::view_as_of(&board, &[], date);
        let at = Utc.from_utc_datetime(&date.and_hms_opt(16, 59, 0).unwrap());
        worker.send(&crate::view::snapshot::build(&board, &view, date, at, "k"));
        worker.scan();
        let shared = worker.shared.lock().unwrap();
        assert_eq!(shared.latest["accueil-jeunesse"].snapshot.taken_at, at);
        let said = shared.problems.join("\n");
        assert!(said.contains("named pipe"), "{said}");
        assert!(said.contains("symbolic link"), "{said}");
        assert!(said.contains("at most 16 MB"), "{said}");
    }
}
