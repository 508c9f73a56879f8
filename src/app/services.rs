//! The kiosk's background services: the watchers of the board files, the database and the
//! feeds folder, sync with other kiosks, snapshots for the next level, feed imports, backups.

use super::*;
use crate::feed::watch::FeedEvent;
use crate::layout::{self};
use crate::model::SectionKind;
use crate::snapshot::shelf::Shelf;
use crate::store::Store;
use crate::sync::Shared;
use crate::sync::worker::{SyncWorker, WatchMode};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

impl KioskApp {
    /// Starts watching the boards folder; `wake` is called after each reload (the kiosk asks
    /// egui for a repaint there). Without it, the board never reloads.
    pub fn watch_boards(&mut self, wake: impl Fn() + Send + 'static) {
        match layout::watch::watch(&self.boards_dir, self.layout_tx.clone(), wake) {
            Ok(watcher) => self.watcher = Some(watcher),
            Err(err) => {
                tracing::warn!("cannot watch {}: {err}", self.boards_dir.display());
                self.folder_error = Some(format!("{}: {err}", self.boards_dir.display()));
            }
        }
    }

    /// Wakes the kiosk when another process (the command line, a script) writes to the store
    /// in `data_dir`: the board shows the change, and the sync worker takes it to the shared
    /// folder, within a second rather than at the next idle frame.
    pub fn watch_database(&mut self, data_dir: &Path, wake: impl Fn() + Send + 'static) {
        let watched = crate::watch::debounced(
            "watch database",
            std::time::Duration::from_millis(200),
            move |batch| {
                let written = batch.is_err()
                    || batch.iter().flatten().any(|e| {
                        !matches!(
                            e.kind,
                            notify::EventKind::Access(_)
                                | notify::EventKind::Modify(notify::event::ModifyKind::Metadata(_))
                        ) && e.paths.iter().any(|p| {
                            p.file_name().is_some_and(|n| {
                                n.to_string_lossy().starts_with(crate::store::FILE_NAME)
                            })
                        })
                    });
                if written {
                    wake();
                }
            },
        )
        .and_then(|mut watch| {
            watch.watch(data_dir, notify::RecursiveMode::NonRecursive)?;
            Ok(watch)
        });
        match watched {
            Ok(watch) => self.database_watch = Some(watch),
            Err(err) => {
                tracing::warn!("cannot watch the data folder {}: {err}", data_dir.display())
            }
        }
    }

    /// Loads the CSV feeds of `dir` (read on a worker thread, then as files are written there)
    /// into the store; `wake` is called when a file was read.
    pub fn watch_feeds(&mut self, dir: &Path, wake: impl Fn() + Send + Sync + 'static) {
        let wake = std::sync::Arc::new(wake);
        let data_dir = self
            .store
            .as_ref()
            .and_then(Store::path)
            .and_then(Path::parent)
            .map(Path::to_owned);
        if let Some(data_dir) = data_dir {
            let done_wake = wake.clone();
            match feeds::Importer::start(data_dir, std::sync::Arc::new(move || done_wake())) {
                Ok(importer) => self.feed_importer = Some(importer),
                Err(err) => tracing::warn!("cannot start the feeds import: {err}"),
            }
        }
        let tx = self.feed_tx.clone();
        let folder = dir.to_owned();
        let first_wake = wake.clone();
        let scan = std::thread::Builder::new()
            .name("feeds-scan".into())
            .spawn(move || {
                for event in crate::feed::watch::scan(&folder) {
                    if tx.send(event).is_err() {
                        return;
                    }
                }
                first_wake();
            });
        if let Err(err) = scan {
            tracing::warn!("cannot read the feeds folder: {err}");
        }
        match crate::feed::watch::watch(dir, self.feed_tx.clone(), move || wake()) {
            Ok(watcher) => self.feed_watcher = Some(watcher),
            Err(err) => tracing::warn!("cannot watch the feeds folder {}: {err}", dir.display()),
        }
    }

    /// Exchanges this kiosk's changes with the others through `shared`: a worker thread with
    /// its own connection to the store in `data_dir` publishes what is made here and ingests
    /// what the others made; `wake` is called when it brought something (the kiosk repaints).
    pub fn sync_with(
        &mut self,
        data_dir: &Path,
        shared: &Path,
        mode: WatchMode,
        wake: impl Fn() + Send + Sync + 'static,
    ) {
        match SyncWorker::start(
            data_dir.to_owned(),
            Shared::new(shared.to_owned()).named(&self.device_name),
            mode,
            wake,
        ) {
            Ok(worker) => self.sync = Some(worker),
            Err(err) => tracing::warn!("cannot start syncing with {}: {err}", shared.display()),
        }
    }

    /// Reads the latest snapshots of the boards below from `read_from` (each folder holding
    /// one folder per board) and writes the snapshots of this kiosk's boards into
    /// `write_to/<board>/`, on a worker thread; `wake` is called when it has news.
    pub fn snapshots_with(
        &mut self,
        read_from: Vec<PathBuf>,
        write_to: PathBuf,
        wake: impl Fn() + Send + Sync + 'static,
    ) {
        match Shelf::start(read_from, write_to, wake) {
            Ok(shelf) => self.shelf = Some(shelf),
            Err(err) => tracing::warn!("cannot start the snapshot shelf: {err}"),
        }
    }

    /// The shelf, when started.
    pub fn shelf(&self) -> Option<&Shelf> {
        self.shelf.as_ref()
    }

    /// Takes the snapshot of the board on screen and sends it to the level above (written by
    /// the shelf's thread). Returns it, or `None` with no board or no shelf.
    pub fn send_snapshot(&mut self) -> Option<crate::snapshot::Snapshot> {
        let board = self.current.as_deref().and_then(|id| self.live.board(id))?;
        let shelf = self.shelf.as_ref()?;
        let snapshot = crate::view::snapshot::build(
            board,
            &self.view,
            self.clock.now().date(),
            now_utc(&self.clock),
            &self.device_name,
        );
        shelf.send(snapshot.clone());
        Some(snapshot)
    }

    /// A sender that feeds the app as the feeds watcher does (for tests and tools).
    pub fn feed_sender(&self) -> Sender<FeedEvent> {
        self.feed_tx.clone()
    }

    /// The feed files that have a problem, with it.
    pub fn feed_problems(&self) -> &BTreeMap<PathBuf, String> {
        &self.feed_problems
    }

    pub(super) fn load_feed(&mut self, event: FeedEvent) {
        let (path, problem) = match event {
            FeedEvent::Problem { path, message } => (path, Some(message)),
            FeedEvent::Removed { path } => (path, None),
            FeedEvent::Read {
                path,
                board,
                indicator,
                rows,
                bad,
            } => {
                let problem = self.import_feed(&path, &board, &indicator, rows, &bad);
                (path, problem)
            }
        };
        match problem {
            Some(message) => {
                tracing::warn!("feed {}: {message}", path.display());
                self.feed_problems.insert(path, message);
            }
            None => {
                self.feed_problems.remove(&path);
            }
        }
    }

    /// A store opened read-only on a full disk is opened again for writing once there is room
    /// (looked at once a minute at most).
    pub(super) fn reopen_when_room(&mut self) {
        let Some(dir) = self
            .store
            .as_ref()
            .and_then(Store::disk_full)
            .map(Path::to_owned)
        else {
            return;
        };
        let now = self.clock.now();
        if self
            .room_checked
            .is_some_and(|at| (now - at).abs() < chrono::Duration::minutes(1))
        {
            return;
        }
        self.room_checked = Some(now);
        if crate::store::disk_is_full(&dir) {
            return;
        }
        match Store::open(&dir) {
            Ok(store) if store.disk_full().is_none() => {
                tracing::info!("there is room on the disk again: saving works again");
                self.store = Some(store);
                self.store_error = None;
                self.view_key = None;
            }
            Ok(_) => {}
            Err(err) => tracing::warn!("the database cannot be opened again yet: {err}"),
        }
    }

    /// Says what importing a feed file did; the problem to show if it failed.
    pub(super) fn imported(done: feeds::Done) -> Option<String> {
        match done.result {
            Ok(summary) => {
                tracing::info!(
                    "feed {}: {} value(s) imported, {} unchanged, {} row(s) superseded by a \
                     later row of the same date",
                    done.path.display(),
                    summary.imported,
                    summary.unchanged,
                    summary.superseded,
                );
                None
            }
            Err(err) => Some(err),
        }
    }

    /// Imports a feed file's rows; the problem to show, if any.
    pub(super) fn import_feed(
        &mut self,
        path: &Path,
        board: &str,
        indicator: &str,
        mut rows: Vec<crate::feed::Row>,
        bad: &[crate::feed::BadRow],
    ) -> Option<String> {
        let Some(known) = self.live.board(board) else {
            let hint =
                layout::did_you_mean(board, self.live.boards().iter().map(|b| b.id.as_str()))
                    .map(|c| format!(", did you mean `{c}`?"))
                    .unwrap_or_default();
            return Some(format!("there is no board `{board}`{hint}"));
        };
        if !known
            .section(indicator)
            .is_some_and(|s| matches!(s.kind, SectionKind::Indicator(_)))
        {
            let indicators = known
                .sections
                .iter()
                .filter(|s| matches!(s.kind, SectionKind::Indicator(_)))
                .map(|s| s.id.as_str());
            let hint = layout::did_you_mean(indicator, indicators)
                .map(|c| format!(", did you mean `{c}.csv`?"))
                .unwrap_or_default();
            return Some(format!(
                "board `{board}` has no indicator `{indicator}`{hint}"
            ));
        }
        if let Some(SectionKind::Indicator(spec)) = known.section(indicator).map(|s| &s.kind) {
            crate::feed::in_periods(&mut rows, spec.frequency);
        }
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let job = feeds::Job {
            path: path.to_owned(),
            board: board.to_owned(),
            indicator: indicator.to_owned(),
            rows,
            source: format!("feed ({name})"),
            at: now_utc(&self.clock),
        };
        // On the worker when there is one (the store is on disk); here otherwise (tests).
        let job = match &self.feed_importer {
            Some(importer) => importer.send(job),
            None => Some(job),
        };
        if let Some(job) = job {
            let store = self.store.as_mut()?;
            let result = feeds::import(store, &job);
            if let Some(problem) = Self::imported(feeds::Done {
                path: job.path,
                result,
            }) {
                return Some(problem);
            }
        }
        let first = bad.first()?;
        let more = if bad.len() > 1 {
            format!(" (+{})", bad.len() - 1)
        } else {
            String::new()
        };
        Some(format!("line {}: {}{more}", first.line, first.message))
    }
}

/// Keeps a copy of the database per day in the data folder (the last
/// [`crate::store::backup::KEEP`]), on a thread of its own with its own connection: made at
/// start if today's is missing, then checked every hour, so a kiosk running for months makes
/// one each night.
pub(super) fn keep_daily_backups(data_dir: PathBuf) {
    let spawned = std::thread::Builder::new()
        .name("backups".to_owned())
        .spawn(move || {
            let mut store = None;
            loop {
                if store.is_none() {
                    store = Store::open(&data_dir)
                        .map_err(|e| tracing::warn!("backups: {e}"))
                        .ok();
                }
                if let Some(store) = &store {
                    let today = chrono::Local::now().date_naive();
                    match crate::store::backup::daily(
                        store,
                        &data_dir,
                        today,
                        crate::store::backup::KEEP,
                    ) {
                        Ok(Some(path)) => tracing::info!("database copied to {}", path.display()),
                        Ok(None) => {}
                        Err(e) => tracing::warn!("the daily copy of the database failed: {e}"),
                    }
                }
                std::thread::sleep(std::time::Duration::from_secs(3600));
            }
        });
    if let Err(e) = spawned {
        tracing::warn!("cannot start the backups thread: {e}");
    }
}
