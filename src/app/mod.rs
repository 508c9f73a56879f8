//! The kiosk application: state, the logic that applies what the UI and the watcher report,
//! and the eframe shell around them.
//!
//! `logic` drains the channels of background threads; `ui` draws and emits commands, applied
//! in `apply`, the one place where taps change anything. Tests drive the same functions
//! through `egui_kittest`.

mod clock;
mod feeds;

/// The store's meta key of the PIN pad's wrong tries and wait.
const LOCKOUT: &str = "facilitator.lockout";
mod watchdog;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use chrono::{NaiveDate, TimeZone as _, Utc};
pub use clock::Clock;

use crate::feed::watch::{FeedEvent, FeedWatcher};
use crate::i18n;
use crate::layout::watch::{BoardWatcher, LayoutEvent};
use crate::layout::{self, LiveBoards};
use crate::model::huddle::{self, Created, Roles, Session};
use crate::model::{Change, Edit, Origin, SectionKind};
use crate::snapshot::shelf::Shelf;
use crate::store::{Store, StoreError};
use crate::sync::worker::{SyncWorker, WatchMode};
use crate::sync::{Shared, SyncStatus};
use crate::ui::{self, LastChange, Screen, UiCommand, UiState};
use crate::view::{self, BoardView};

/// How the kiosk is started.
#[derive(Clone, Debug)]
pub struct KioskOptions {
    /// Folder of board files.
    pub boards_dir: PathBuf,
    /// Folder of this kiosk's data.
    pub data_dir: PathBuf,
    /// Board to show first.
    pub board: Option<String>,
    /// A window instead of the whole screen.
    pub windowed: bool,
    /// Folder watched for CSV feeds (`<feeds>/<board>/<indicator>.csv`).
    pub feeds_dir: PathBuf,
    /// Shared folder through which kiosks exchange their changes, if any.
    pub shared: Option<PathBuf>,
    /// How the shared folder is watched.
    pub watch: WatchMode,
    /// This kiosk's name, as other kiosks and snapshots say it.
    pub device_name: String,
    /// The boards this kiosk shows; empty: every board.
    pub boards_shown: Vec<String>,
    /// The effective configuration, as `huddle config` prints it, logged at start.
    pub settings: Vec<(&'static str, String, String)>,
    /// The language of what belongs to no board.
    pub language: crate::model::Lang,
    /// The facilitator PIN's argon2 hash, if one is set.
    pub pin_hash: Option<String>,
    /// When the screen is on; none: always.
    pub display: Option<crate::config::DisplaySchedule>,
    /// How large the kiosk draws (`[display] scale`).
    pub scale: crate::config::Scale,
    /// The config file (where boards chosen on screen are kept).
    pub config_path: Option<PathBuf>,
}

/// What the board view was built from; when any of it moves, the view is rebuilt.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ViewKey {
    board: Option<String>,
    layout: u64,
    store: u64,
    snapshots: u64,
    today: NaiveDate,
}

/// The kiosk's state.
pub struct KioskApp {
    boards_dir: PathBuf,
    live: LiveBoards,
    current: Option<String>,
    folder_error: Option<String>,
    clock: Clock,
    layout_tx: Sender<LayoutEvent>,
    layout_rx: Receiver<LayoutEvent>,
    watcher: Option<BoardWatcher>,
    store: Option<Store>,
    store_error: Option<String>,
    view: BoardView,
    view_key: Option<ViewKey>,
    last_change: Option<LastChange>,
    ui_state: UiState,
    /// The huddle under way, if one is.
    huddle: Option<Session>,
    feed_tx: Sender<FeedEvent>,
    feed_rx: Receiver<FeedEvent>,
    feed_watcher: Option<FeedWatcher>,
    /// The last problem of each feed file that has one.
    feed_problems: BTreeMap<PathBuf, String>,
    /// The worker that imports feed files, once feeds are watched with a store on disk.
    feed_importer: Option<feeds::Importer>,
    /// The watch on the data folder that hears other processes write to the store.
    database_watch: Option<crate::watch::Debouncer>,
    /// When a read-only store (full disk) last looked for room.
    room_checked: Option<chrono::NaiveDateTime>,
    /// The sync worker, when a shared folder is set.
    sync: Option<SyncWorker>,
    /// The snapshot shelf: the latest snapshot of each board below, and the snapshots sent.
    shelf: Option<Shelf>,
    /// This kiosk's name, as other kiosks and snapshots say it.
    device_name: String,
    /// The boards this kiosk shows; empty: every board.
    shown: Vec<String>,
    /// The language of what belongs to no board.
    default_lang: crate::model::Lang,
    /// The lock in front of facilitator mode.
    lock: crate::facilitator::Lock,
    /// Why the PIN pad refused the last PIN.
    refused: Option<String>,
    /// The settings in effect, for the facilitator's panel.
    settings: Vec<(&'static str, String, String)>,
    /// The audit trail on screen, and the board and store version it was read at.
    audit: Vec<crate::view::audit::AuditLine>,
    audit_key: Option<(Option<String>, u64)>,
    /// The config file, when the kiosk was started with one.
    config_path: Option<PathBuf>,
    /// The window covers the screen; a change asked for on screen, not yet made.
    fullscreen: bool,
    fullscreen_request: Option<bool>,
    /// When the screen is on; outside those hours it sleeps until touched.
    display: Option<crate::config::DisplaySchedule>,
    /// Woken by a touch outside the hours: awake until then.
    awake_until: Option<chrono::NaiveDateTime>,
    /// The finger that woke the screen is still down: nothing under it is pressed.
    waking_touch: Option<Waking>,
    /// The whole screen moves a few pixels over the hours, against burn-in.
    drift: bool,
    /// When to give freed memory back to the system: a minute after the view last changed.
    release_memory_at: Option<chrono::NaiveDateTime>,
    /// How many times it was.
    memory_releases: u64,
}

/// How long after the view last changed freed memory is given back: the work a change brings
/// (the view, sync, a snapshot) is over by then, and a burst of taps costs one release.
const SETTLE: chrono::TimeDelta = chrono::TimeDelta::minutes(1);

/// The touch that woke the screen, followed until the finger lifts.
#[derive(Clone, Copy, Debug, Default)]
struct Waking {
    /// The finger was seen down.
    seen_down: bool,
    /// Frames since it woke the screen.
    frames: u8,
}

/// Where the board on screen is remembered, so that the kiosk comes back on it after a crash or
/// a power cut.
const BOARD_ON_SCREEN: &str = "kiosk.board";
/// How long a touch keeps the screen awake outside its hours.
pub const AWAKE_FOR: chrono::Duration = chrono::Duration::minutes(5);
/// How far the screen drifts from its place, in points, each way.
const DRIFT: f32 = 4.0;

impl KioskApp {
    /// Reads the boards folder and builds the app; shows `first` if it names a board, else the
    /// first board of the front line. A store that could not be opened leaves the boards on
    /// screen, read-only, with a banner saying why.
    pub fn new(
        boards_dir: PathBuf,
        first: Option<String>,
        clock: Clock,
        store: Result<Store, StoreError>,
    ) -> Self {
        let (layout_tx, layout_rx) = channel();
        let (feed_tx, feed_rx) = channel();
        let (live, folder_error) = match layout::load_dir(&boards_dir) {
            Ok(reports) => (LiveBoards::new(reports), None),
            Err(err) => (
                LiveBoards::default(),
                Some(format!("{}: {err}", boards_dir.display())),
            ),
        };
        let (store, store_error) = match store {
            Ok(store) => {
                let full = store.disk_full().map(|dir| {
                    i18n::store_error(
                        crate::model::Lang::default(),
                        &StoreError::DiskFull(dir.to_owned()),
                    )
                });
                (Some(store), full)
            }
            Err(err) => {
                tracing::error!("{err}");
                (None, Some(err.to_string()))
            }
        };
        let mut app = Self {
            boards_dir,
            live,
            current: None,
            folder_error,
            clock,
            layout_tx,
            layout_rx,
            watcher: None,
            store,
            store_error,
            view: BoardView::default(),
            view_key: None,
            last_change: None,
            ui_state: UiState::default(),
            huddle: None,
            feed_tx,
            feed_rx,
            feed_watcher: None,
            feed_problems: BTreeMap::new(),
            feed_importer: None,
            database_watch: None,
            room_checked: None,
            sync: None,
            shelf: None,
            device_name: crate::sync::host_name(),
            shown: Vec::new(),
            default_lang: crate::model::Lang::default(),
            lock: crate::facilitator::Lock::default(),
            refused: None,
            settings: Vec::new(),
            audit: Vec::new(),
            audit_key: None,
            config_path: None,
            fullscreen: false,
            fullscreen_request: None,
            display: None,
            awake_until: None,
            waking_touch: None,
            drift: false,
            release_memory_at: None,
            memory_releases: 0,
        };
        // The board asked for, else the one on screen when the kiosk last stopped (a crash or
        // a power cut brings it back there), else the first.
        let remembered = app
            .store
            .as_ref()
            .and_then(|s| s.meta(BOARD_ON_SCREEN).ok().flatten());
        app.current = first
            .filter(|id| app.live.board(id).is_some())
            .or_else(|| remembered.filter(|id| app.live.board(id).is_some()))
            .or_else(|| app.live.boards().first().map(|b| b.id.clone()));
        app.refresh_view();
        app
    }

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

    /// Limits this kiosk to `boards` (the config file's `boards_shown`; empty: every board):
    /// the switcher lists only them, and the first of them is shown unless the one on screen is
    /// among them.
    pub fn show_only(&mut self, boards: Vec<String>) {
        self.shown = boards;
        if self.shown.is_empty() {
            return;
        }
        let on_screen_ok = self
            .current
            .as_ref()
            .is_some_and(|c| self.shown.contains(c));
        if !on_screen_ok
            && let Some(first) = self.shown.iter().find(|id| self.live.board(id).is_some())
        {
            self.current = Some(first.clone());
            self.refresh_view();
        }
    }

    /// The language of what belongs to no board (the config file's `language`).
    pub fn set_language(&mut self, lang: crate::model::Lang) {
        self.default_lang = lang;
    }

    /// The facilitator PIN's hash (the config file's `[facilitator] pin_hash`); none: facilitator
    /// mode opens with a tap and says a PIN should be set.
    pub fn set_facilitator_pin(&mut self, hash: Option<String>) {
        self.lock = crate::facilitator::Lock::new(hash);
        if let Some(kept) = self
            .store
            .as_ref()
            .and_then(|s| s.meta(LOCKOUT).ok().flatten())
        {
            self.lock.restore(&kept);
        }
    }

    /// The settings in effect, shown in the facilitator's panel.
    pub fn set_settings(&mut self, rows: Vec<(&'static str, String, String)>) {
        self.settings = rows;
    }

    /// When the screen is on (the config file's `[display]`); none: always.
    pub fn set_display(&mut self, schedule: Option<crate::config::DisplaySchedule>) {
        self.display = schedule;
    }

    /// Moves the whole screen by a few pixels over the hours, against burn-in.
    pub fn set_drift(&mut self, on: bool) {
        self.drift = on;
    }

    /// Whether the window covers the screen (as started).
    pub fn set_fullscreen(&mut self, on: bool) {
        self.fullscreen = on;
    }

    /// A change of full screen asked for in facilitator mode, once.
    pub fn take_fullscreen_request(&mut self) -> Option<bool> {
        let request = self.fullscreen_request.take();
        if let Some(on) = request {
            self.fullscreen = on;
        }
        request
    }

    /// The config file, where a choice of boards made in facilitator mode is kept.
    pub fn set_config_path(&mut self, path: PathBuf) {
        self.config_path = Some(path);
    }

    /// Keeps the boards chosen in facilitator mode in the config file's `boards_shown`, so
    /// that `huddle config` shows them and they hold after a restart. A file that cannot be
    /// written (IT may keep it read-only) leaves the choice for this run, and says so.
    fn remember_shown(&mut self, boards: &[String]) {
        let Some(path) = &self.config_path else {
            return;
        };
        let result = crate::config::update_file(path, |doc| {
            if boards.is_empty() {
                doc.remove("boards_shown");
            } else {
                let list: toml_edit::Array = boards.iter().map(String::as_str).collect();
                // A key at the top, before any table.
                doc.insert("boards_shown", toml_edit::value(list));
            }
            Ok(())
        });
        if let Err(err) = result {
            tracing::warn!("boards shown not kept in the config file: {err}");
            self.store_error = Some(match self.lang() {
                crate::model::Lang::Fr => format!(
                    "Choix des tableaux appliqué jusqu'au prochain redémarrage seulement : {err}"
                ),
                crate::model::Lang::En => {
                    format!("Boards chosen apply until the next restart only: {err}")
                }
            });
        }
    }

    /// Whether facilitator mode is open.
    pub fn facilitator_open(&self) -> bool {
        self.lock.is_open(self.clock.now())
    }

    /// Whether the screen sleeps now: outside its hours and not woken by a touch.
    pub fn asleep(&self) -> bool {
        let now = self.clock.now();
        self.display.as_ref().is_some_and(|d| !d.is_on(now))
            && self.awake_until.is_none_or(|t| now >= t)
    }

    /// Names this kiosk (the config file's `device_name`), before [`Self::sync_with`].
    pub fn set_device_name(&mut self, name: &str) {
        if !name.trim().is_empty() {
            name.trim().clone_into(&mut self.device_name);
        }
    }

    /// How many syncs the worker has run (0 without a shared folder).
    pub fn sync_rounds(&self) -> u64 {
        self.sync.as_ref().map_or(0, SyncWorker::rounds)
    }

    /// Where sync stands, if a shared folder is set.
    pub fn sync_status(&self) -> Option<SyncStatus> {
        self.sync.as_ref().map(SyncWorker::status)
    }

    /// A sender that feeds the app as the feeds watcher does (for tests and tools).
    pub fn feed_sender(&self) -> Sender<FeedEvent> {
        self.feed_tx.clone()
    }

    /// The feed files that have a problem, with it.
    pub fn feed_problems(&self) -> &BTreeMap<PathBuf, String> {
        &self.feed_problems
    }

    fn load_feed(&mut self, event: FeedEvent) {
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
    fn reopen_when_room(&mut self) {
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
    fn imported(done: feeds::Done) -> Option<String> {
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
    fn import_feed(
        &mut self,
        path: &Path,
        board: &str,
        indicator: &str,
        rows: Vec<crate::feed::Row>,
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

    /// Applies what the background threads reported, and rebuilds the board view if what it
    /// is built from moved. Cheap when nothing did.
    pub fn logic(&mut self) {
        while let Ok(event) = self.feed_rx.try_recv() {
            self.load_feed(event);
        }
        self.reopen_when_room();
        let finished = self
            .feed_importer
            .as_ref()
            .map(feeds::Importer::finished)
            .unwrap_or_default();
        for done in finished {
            let path = done.path.clone();
            if let Some(problem) = Self::imported(done) {
                tracing::warn!("feed {}: {problem}", path.display());
                self.feed_problems.insert(path, problem);
            }
        }
        // A change made here should reach the other kiosks now, not at the next timed sync.
        if let (Some(worker), Some(store)) = (&self.sync, &self.store) {
            worker.notice(store);
        }
        // A feed file with a problem that is gone takes its banner with it, whether or not the
        // watcher saw it go (network shares often say nothing). Only files with a problem are
        // looked at: usually none.
        self.feed_problems.retain(|path, _| path.exists());
        while let Ok(event) = self.layout_rx.try_recv() {
            match event {
                LayoutEvent::Scanned(reports) => {
                    self.folder_error = None;
                    self.live.update(reports);
                    for notice in self.live.notices() {
                        tracing::warn!("board files: {notice:?}");
                    }
                    if self
                        .current
                        .as_deref()
                        .is_none_or(|id| self.live.board(id).is_none())
                    {
                        self.current = self.live.boards().first().map(|b| b.id.clone());
                    }
                }
                LayoutEvent::FolderError(err) => self.folder_error = Some(err),
            }
        }
        self.refresh_view();
        self.release_memory_when_settled();
    }

    /// After a burst of work the allocator keeps the memory it freed, scattered between
    /// blocks still in use; over months of changes that is resident memory that only grows.
    /// Once things have settled, it is given back.
    fn release_memory_when_settled(&mut self) {
        if self
            .release_memory_at
            .is_some_and(|at| self.clock.now() >= at)
        {
            crate::memory::release_free_memory();
            self.memory_releases += 1;
            self.release_memory_at = None;
        }
    }

    /// How many times freed memory was given back to the system.
    pub fn memory_releases(&self) -> u64 {
        self.memory_releases
    }

    fn refresh_view(&mut self) {
        let key = ViewKey {
            board: self.current.clone(),
            layout: self.live.version(),
            store: self.store.as_ref().map_or(0, Store::version),
            snapshots: self.shelf.as_ref().map_or(0, Shelf::version),
            today: self.clock.now().date(),
        };
        if self.view_key.as_ref() == Some(&key) {
            return;
        }
        let board = self.current.as_deref().and_then(|id| self.live.board(id));
        let (records, last) = match (&self.store, board) {
            (Some(store), Some(board)) => {
                let mut records = store.board_records(&board.id).unwrap_or_else(|err| {
                    tracing::error!("reading {}: {err}", board.id);
                    Vec::new()
                });
                // The other teams on the trajectory, for the sections that show their clients.
                let shows_others = board.sections.iter().any(|s| {
                    matches!(
                        s.kind,
                        SectionKind::Trajectory {
                            other_teams: true,
                            ..
                        }
                    )
                });
                if let (true, Some(trajectory)) = (shows_others, &board.trajectory) {
                    for other in self.live.boards() {
                        if other.id != board.id && other.trajectory.as_ref() == Some(trajectory) {
                            match store.records(&other.id) {
                                Ok(theirs) => records.extend(
                                    theirs
                                        .into_iter()
                                        .filter(|r| r.kind == crate::model::EntryKind::Client),
                                ),
                                Err(err) => tracing::error!("reading {}: {err}", other.id),
                            }
                        }
                    }
                }
                let last = store
                    .history(&board.id, 1)
                    .ok()
                    .and_then(|h| h.into_iter().next());
                let undoable = store.last_undoable(&board.id).ok().flatten().is_some();
                (records, last.map(|l| (l, undoable)))
            }
            _ => (Vec::new(), None),
        };
        self.view = board
            .map(|b| view::build(b, &records, key.today))
            .unwrap_or_default();
        // The units sections show the latest snapshots of the boards below.
        if let Some(board) = board {
            let latest = self.shelf.as_ref().map(Shelf::latest).unwrap_or_default();
            let boards = self.live.boards();
            for section in &board.sections {
                if let SectionKind::Units { boards: listed } = &section.kind {
                    self.view.sections.insert(
                        section.id.clone(),
                        view::SectionView::Units(view::units(
                            board, listed, &boards, &latest, key.today,
                        )),
                    );
                }
            }
        }
        // A kiosk that restarted during a huddle takes it up again, if it is still going on.
        if self.huddle.is_none()
            && let (Some((id, record)), Some(board)) = (self.view.open_huddle.clone(), board)
        {
            let now = self.clock.now();
            let session = Session::resume(id, &board.id, record, now);
            let late = session.total_s(now) > session.planned_s() + 30 * 60;
            if !late {
                tracing::info!("taking up the huddle started at {}", session.record.started);
                self.huddle = Some(session);
            }
        }
        self.last_change = last.and_then(|(h, undoable)| {
            let board = board?;
            let what = match h.change.kind {
                crate::model::EntryKind::Huddle => i18n::tr(board.lang, i18n::T::Huddle).to_owned(),
                _ => board
                    .section(&h.change.section)
                    .map_or(h.change.section.clone(), |s| s.title.clone()),
            };
            Some(LastChange {
                what,
                by: h.change.author,
                at: h.change.at.with_timezone(&chrono::Local).naive_local(),
                undoable,
            })
        });
        self.view_key = Some(key);
        self.release_memory_at = Some(self.clock.now() + SETTLE);
    }

    /// Draws the kiosk and applies what was tapped.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let now = self.clock.now();
        let touched = ui::touched(ui);
        // Outside its hours the screen sleeps; a touch wakes it, and that touch presses nothing:
        // the board stays inert until the finger that woke it is lifted.
        let scheduled_off = self.display.as_ref().is_some_and(|d| !d.is_on(now));
        let was_asleep = self.asleep();
        if !scheduled_off {
            self.awake_until = None;
        } else if touched {
            self.awake_until = Some(now + AWAKE_FOR);
        }
        let down = ui.input(|i| i.pointer.any_down());
        if was_asleep && touched {
            self.waking_touch = Some(Waking::default());
        }
        let inert = was_asleep || self.waking_touch.is_some();
        if let Some(waking) = &mut self.waking_touch {
            // The touch may reach egui a frame before its press does: wait for the finger to
            // be seen down, then lifted (or a few frames when it was a key).
            waking.frames = waking.frames.saturating_add(1);
            waking.seen_down |= down;
            if (waking.seen_down && !down) || (!waking.seen_down && waking.frames > 3) {
                self.waking_touch = None;
            }
        }
        if touched {
            self.lock.touched(now);
        }
        let facilitator_open = self.lock.is_open(now);
        refuse_to_close(ui.ctx(), facilitator_open);
        self.read_audit(facilitator_open);
        if was_asleep && self.display.as_ref().is_some_and(|d| d.black()) {
            sleep_screen(ui, now, self.lang(), true);
            ui.ctx()
                .request_repaint_after(self.clock.until_next_minute());
            return;
        }
        let sync_status = self.sync_status();
        let sent = self.shelf.as_ref().and_then(Shelf::sent);
        let screen = Screen {
            live: &self.live,
            board: self.current.as_deref().and_then(|id| self.live.board(id)),
            view: &self.view,
            last_change: self.last_change.as_ref(),
            now,
            folder_error: self.folder_error.as_deref(),
            store_error: self.store_error.as_deref(),
            huddle: self.huddle.as_ref(),
            feed_problem: self
                .feed_problems
                .iter()
                .next()
                .map(|(path, message)| format!("{}: {message}", path.display())),
            sync: sync_status.as_ref(),
            can_send_snapshot: self.shelf.is_some(),
            shown: &self.shown,
            snapshot_sent: sent.as_ref(),
            default_lang: self.default_lang,
            facilitator: ui::facilitator::FacilitatorScreen {
                open: facilitator_open,
                pin_set: self.lock.pin_set(),
                refused: self.refused.as_deref(),
                settings: &self.settings,
                audit: &self.audit,
                fullscreen: self.fullscreen,
            },
        };
        let mut rect = ui.max_rect();
        if self.drift {
            rect = rect.shrink(DRIFT).translate(drift(now));
        }
        let commands = ui
            .scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
                if inert {
                    ui.disable();
                }
                ui::show(ui, &screen, &mut self.ui_state)
            })
            .inner;
        if was_asleep {
            sleep_screen(ui, now, self.lang(), false);
        }
        let commands = if inert { Vec::new() } else { commands };
        let changed = !commands.is_empty();
        for command in commands {
            self.apply(command);
        }
        if changed {
            self.refresh_view();
            ui.ctx().request_repaint();
        }
        // The clock shows minutes: one repaint at the next minute, nothing in between; a huddle's
        // timers count seconds: one repaint a second while it runs.
        let mut next = if self.huddle.is_some() {
            self.clock.until_next_second()
        } else {
            self.clock.until_next_minute()
        };
        let until = |t: chrono::NaiveDateTime| {
            (t - now)
                .to_std()
                .unwrap_or_default()
                .max(std::time::Duration::from_millis(200))
        };
        // A private section shown hides itself a minute after the last touch; facilitator mode
        // locks itself; a screen woken outside its hours goes back to sleep.
        if let Some((_, last)) = &self.ui_state.revealed {
            next = next.min(until(*last + ui::REVEAL_FOR));
        }
        if let Some(at) = self.lock.locks_at().filter(|_| self.lock.is_open(now)) {
            next = next.min(until(at));
        }
        if let Some(at) = self.awake_until {
            next = next.min(until(at));
        }
        ui.ctx().request_repaint_after(next);
    }

    /// Reads the audit trail of the board on screen when the facilitator has it open and the
    /// store moved since; drops it when facilitator mode closes.
    fn read_audit(&mut self, facilitator_open: bool) {
        if !(facilitator_open && self.ui_state.facilitator.audit_open) {
            self.audit.clear();
            self.audit_key = None;
            return;
        }
        let Some(store) = &self.store else {
            return;
        };
        let key = (self.current.clone(), store.version());
        if self.audit_key.as_ref() == Some(&key) {
            return;
        }
        match crate::view::audit::trail(store, &self.live, self.current.as_deref(), 500) {
            Ok(lines) => self.audit = lines,
            Err(err) => self.store_error = Some(err.to_string()),
        }
        self.audit_key = Some(key);
    }

    /// The one place where UI commands change the state.
    pub fn apply(&mut self, command: UiCommand) {
        match command {
            UiCommand::ShowBoard(id) => {
                // A huddle is held at its board: the screen stays there until it ends.
                if self.huddle.is_some() {
                    return;
                }
                let shown = self.shown.is_empty() || self.shown.contains(&id);
                if shown && self.live.board(&id).is_some() {
                    if let Some(store) = &mut self.store
                        && let Err(err) = store.set_meta(BOARD_ON_SCREEN, &id)
                    {
                        tracing::warn!("cannot remember the board on screen: {err}");
                    }
                    self.current = Some(id);
                }
                // Dialogs belong to the board they were opened on; who is at the screen stays.
                self.ui_state = UiState {
                    person: self.ui_state.person.take(),
                    ..UiState::default()
                };
            }
            UiCommand::Edit { section, edit } => {
                // Deleting is the facilitator's; ending a client's follow-up is everyone's.
                if let Edit::Remove { kind, .. } = &edit
                    && *kind != crate::model::EntryKind::Client
                    && !self.facilitator_open()
                {
                    return;
                }
                if let Err(message) = self.edit(&section, edit) {
                    self.store_error = Some(message);
                }
            }
            UiCommand::StartHuddle { attendees, roles } => self.start_huddle(attendees, roles),
            UiCommand::HuddleGoTo(index) => {
                let now = self.clock.now();
                if let Some(session) = &mut self.huddle {
                    session.go_to(index, now);
                }
            }
            UiCommand::NoteDecision(text) => {
                let text = text.trim().to_owned();
                if text.is_empty() {
                    return;
                }
                if let Some(session) = &mut self.huddle {
                    session.note_decision(text);
                }
                self.ui_state.decision = None;
                self.save_huddle();
            }
            UiCommand::DecisionToAction { item, decision } => {
                self.decision_to_action(item, decision);
            }
            UiCommand::EndHuddle => {
                let now = self.clock.now();
                if let Some(session) = self.huddle.take() {
                    let id = session.id.clone();
                    let record = session.finish(now);
                    self.ui_state.huddle_end_open = false;
                    if let Err(message) = self.edit(
                        "huddle",
                        Edit::SaveHuddle {
                            id,
                            record: Box::new(record),
                        },
                    ) {
                        self.store_error = Some(message);
                    }
                    // The level above gets the board as the huddle left it.
                    self.refresh_view();
                    self.send_snapshot();
                }
            }
            UiCommand::SaveForm => self.save_form(),
            UiCommand::Unlock(pin) => {
                let now = self.clock.now();
                let lang = self.lang();
                let before = self.lock.lockout();
                let opened = self.lock.open(&pin, now);
                // Kept in the store, so that a restart does not give a guesser fresh tries
                // (written only when it moved: a right PIN after none wrong writes nothing).
                let after = self.lock.lockout();
                if after != before
                    && let Some(store) = &mut self.store
                    && let Err(err) = store.set_meta(LOCKOUT, &after)
                {
                    tracing::warn!("cannot keep the PIN pad's wrong tries: {err}");
                }
                match opened {
                    Ok(()) => {
                        tracing::info!("facilitator mode opened");
                        self.refused = None;
                        self.ui_state.facilitator.panel_open = true;
                    }
                    Err(crate::facilitator::Refused::Wrong { left, wait }) => {
                        tracing::warn!("a wrong facilitator PIN was typed");
                        self.refused = Some(i18n::wrong_pin(lang, left, wait));
                    }
                    Err(crate::facilitator::Refused::Waiting { until }) => {
                        tracing::warn!("facilitator PIN pad waits after wrong PINs");
                        self.refused = Some(i18n::pin_waits(lang, until));
                    }
                }
            }
            UiCommand::Lock => {
                self.lock.close();
                self.ui_state.facilitator = ui::facilitator::FacilitatorState::default();
            }
            UiCommand::SetShown(boards) => {
                if self.facilitator_open() {
                    tracing::info!("boards shown on this screen set to {boards:?}");
                    self.remember_shown(&boards);
                    self.show_only(boards);
                    self.ui_state.facilitator.panel_open = false;
                }
            }
            UiCommand::SetFullscreen(on) => {
                if self.facilitator_open() {
                    self.fullscreen_request = Some(on);
                }
            }
            UiCommand::SendSnapshot => {
                self.send_snapshot();
            }
            UiCommand::Undo => {
                let (Some(store), Some(board)) = (&mut self.store, &self.current) else {
                    return;
                };
                let author = self
                    .ui_state
                    .person
                    .clone()
                    .unwrap_or_else(|| "kiosk".to_owned());
                if let Err(err) =
                    store.undo_last(board, &author, Origin::Screen, now_utc(&self.clock))
                {
                    self.store_error = Some(i18n::store_error(self.lang(), &err));
                }
            }
        }
    }

    /// Applies an edit made on screen to a section of the current board. During a huddle, the
    /// actions and escalations it creates are noted in the huddle's record.
    fn edit(&mut self, section: &str, mut edit: Edit) -> Result<Change, String> {
        if let Edit::RaiseEscalation { to, due, .. } = &mut edit
            && let Some(board) = self.current.as_deref().and_then(|id| self.live.board(id))
        {
            complete_escalation(board, section, to, due, self.clock.now().date());
        }
        let created = match &edit {
            Edit::AddAction { title, .. } => Some((true, title.trim().to_owned())),
            Edit::RaiseEscalation { title, .. } => Some((false, title.trim().to_owned())),
            _ => None,
        };
        let change = self.apply_edit(section, edit)?;
        if let (Some(session), Some((is_action, title))) = (&mut self.huddle, created) {
            let entry = Created {
                id: change.record.clone(),
                title,
            };
            if is_action {
                session.record.actions.push(entry);
            } else {
                session.record.escalations.push(entry);
            }
        }
        Ok(change)
    }

    fn apply_edit(&mut self, section: &str, edit: Edit) -> Result<Change, String> {
        let lang = self.lang();
        let (Some(store), Some(board)) = (&mut self.store, &self.current) else {
            return Err(self.store_error.clone().unwrap_or_default());
        };
        // Mood votes are anonymous: nobody's name goes with them, not even in the history.
        let author = match &edit {
            Edit::Vote { .. } => "—".to_owned(),
            _ => self
                .ui_state
                .person
                .clone()
                .unwrap_or_else(|| "kiosk".to_owned()),
        };
        let change = edit
            .into_change(
                board,
                section,
                &author,
                Origin::Screen,
                now_utc(&self.clock),
            )
            .map_err(|e| i18n::input_error(lang, &e))?;
        store
            .apply(&change)
            .map_err(|e| i18n::store_error(lang, &e))?;
        // A write that works again (the disk has room again…) clears the banner of the last
        // one that failed.
        self.store_error = None;
        Ok(change)
    }

    /// Starts the huddle of the board on screen: the record is kept at once, and the members
    /// present are marked present in the board's attendance.
    fn start_huddle(&mut self, attendees: Vec<String>, roles: Roles) {
        let now = self.clock.now();
        let Some(board) = self.current.as_deref().and_then(|id| self.live.board(id)) else {
            return;
        };
        let Some(spec) = &board.huddle else {
            return;
        };
        let items = huddle::agenda(board, spec);
        let attendance: Vec<String> = board
            .sections
            .iter()
            .filter(|s| matches!(s.kind, SectionKind::Attendance))
            .map(|s| s.id.clone())
            .collect();
        self.huddle = Some(Session::start(
            crate::model::new_id(),
            &board.id,
            items,
            attendees.clone(),
            roles,
            now,
        ));
        self.ui_state.huddle_setup = None;
        self.save_huddle();
        for section in attendance {
            for member in &attendees {
                let edit = Edit::SetPresent {
                    date: now.date(),
                    member: member.clone(),
                    present: true,
                };
                if let Err(message) = self.edit(&section, edit) {
                    self.store_error = Some(message);
                }
            }
        }
    }

    /// Keeps the huddle's record as it stands, so that a decision noted is never lost.
    fn save_huddle(&mut self) {
        let now = self.clock.now();
        let Some(session) = &self.huddle else {
            return;
        };
        let edit = Edit::SaveHuddle {
            id: session.id.clone(),
            record: Box::new(session.snapshot(now)),
        };
        if let Err(message) = self.apply_edit("huddle", edit) {
            self.store_error = Some(message);
        }
    }

    /// Turns a decision into an action of the board's action plan.
    fn decision_to_action(&mut self, item: usize, decision: usize) {
        let Some(text) = self
            .huddle
            .as_ref()
            .and_then(|s| s.record.items.get(item))
            .and_then(|i| i.decisions.get(decision))
            .filter(|d| d.action.is_none())
            .map(|d| d.text.clone())
        else {
            return;
        };
        let Some(actions) = self
            .current
            .as_deref()
            .and_then(|id| self.live.board(id))
            .and_then(|b| {
                b.sections
                    .iter()
                    .find(|s| matches!(s.kind, SectionKind::Actions { .. }))
            })
            .map(|s| s.id.clone())
        else {
            return;
        };
        let edit = Edit::AddAction {
            title: text,
            owner: None,
            due: None,
        };
        match self.edit(&actions, edit) {
            Ok(change) => {
                if let Some(d) = self
                    .huddle
                    .as_mut()
                    .and_then(|s| s.record.items.get_mut(item))
                    .and_then(|i| i.decisions.get_mut(decision))
                {
                    d.action = Some(change.record);
                }
                self.save_huddle();
            }
            Err(message) => self.store_error = Some(message),
        }
    }

    fn save_form(&mut self) {
        let Some(form) = self.ui_state.form.clone() else {
            return;
        };
        let board = self.current.as_deref().and_then(|id| self.live.board(id));
        let first_column =
            board
                .and_then(|b| b.section(&form.section))
                .and_then(|s| match &s.kind {
                    crate::model::SectionKind::Ideas { columns, .. } => {
                        columns.first().map(|c| c.name.clone())
                    }
                    _ => None,
                });
        let result = form
            .to_edit(first_column.as_deref())
            .map_err(|e| i18n::input_error(self.lang(), &e))
            .and_then(|edit| self.edit(&form.section, edit).map(drop));
        match result {
            Ok(()) => self.ui_state.form = None,
            Err(message) => {
                if let Some(f) = &mut self.ui_state.form {
                    f.error = Some(message);
                }
            }
        }
    }

    fn lang(&self) -> crate::model::Lang {
        self.current
            .as_deref()
            .and_then(|id| self.live.board(id))
            .map_or_else(Default::default, |b| b.lang)
    }

    /// The huddle under way, if one is.
    pub fn huddle(&self) -> Option<&Session> {
        self.huddle.as_ref()
    }

    /// Sets the clock (tests move time forward with it).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// The id of the board on screen.
    pub fn current_board(&self) -> Option<&str> {
        self.current.as_deref()
    }

    /// Whether the board switcher is open.
    pub fn switcher_open(&self) -> bool {
        self.ui_state.switcher_open
    }

    /// The UI's own state (open dialogs, drafts, who is at the screen).
    pub fn ui_state(&self) -> &UiState {
        &self.ui_state
    }

    /// The boards and the problems of their files.
    pub fn live(&self) -> &LiveBoards {
        &self.live
    }

    /// The store, when it could be opened.
    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }

    /// What the board on screen holds.
    pub fn view(&self) -> &BoardView {
        &self.view
    }

    /// A sender that feeds the app as the watcher does (for tests and tools).
    pub fn layout_sender(&self) -> Sender<LayoutEvent> {
        self.layout_tx.clone()
    }
}

/// Where the screen drifts to at `now`: a few points each way, about one point a minute, on
/// two slow triangle waves so that no pixel shows the same thing for hours.
fn drift(now: chrono::NaiveDateTime) -> egui::Vec2 {
    let minute = now.and_utc().timestamp().div_euclid(60);
    let wave = |period: i64| {
        let phase = minute.rem_euclid(2 * period) as f32 / period as f32;
        let x = if phase < 1.0 { phase } else { 2.0 - phase };
        (x * 2.0 - 1.0) * DRIFT
    };
    egui::vec2(wave(8), wave(11))
}

/// The sleeping screen: black, or the board dimmed under a dark veil, with a few words in dim
/// grey that move each minute (a black screen with nothing on it looks broken).
fn sleep_screen(
    ui: &mut egui::Ui,
    now: chrono::NaiveDateTime,
    lang: crate::model::Lang,
    black: bool,
) {
    let rect = ui.ctx().content_rect();
    let veil = if black {
        egui::Color32::BLACK
    } else {
        egui::Color32::from_black_alpha(210)
    };
    let words = match lang {
        crate::model::Lang::Fr => "Touchez l'écran pour l'allumer",
        crate::model::Lang::En => "Touch the screen to wake it",
    };
    let minute = now.and_utc().timestamp().div_euclid(60);
    let spot = egui::pos2(
        rect.left() + rect.width() * (0.2 + 0.6 * ((minute * 7).rem_euclid(10) as f32 / 10.0)),
        rect.top() + rect.height() * (0.2 + 0.6 * ((minute * 3).rem_euclid(10) as f32 / 10.0)),
    );
    egui::Area::new(egui::Id::unique("sleeping-screen"))
        .order(egui::Order::Foreground)
        .fixed_pos(rect.min)
        .show(ui.ctx(), |ui| {
            // The veil takes every touch, so that nothing under it is pressed.
            let response = ui.allocate_rect(rect, egui::Sense::click_and_drag());
            ui.painter().rect_filled(rect, 0.0, veil);
            ui.painter().text(
                spot,
                egui::Align2::CENTER_CENTER,
                words,
                egui::FontId::proportional(28.0),
                egui::Color32::from_gray(90),
            );
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, words));
        });
}

/// A wall kiosk is not closed from its screen: a window manager's close request (Alt+F4, a
/// title bar's ×) is refused unless facilitator mode is open, and the usual quit keys
/// (Ctrl+Q, Ctrl+W) do nothing. The service manager still stops it.
fn refuse_to_close(ctx: &egui::Context, facilitator_open: bool) {
    ctx.input_mut(|i| {
        for key in [egui::Key::Q, egui::Key::W] {
            i.consume_key(egui::Modifiers::COMMAND, key);
        }
    });
    if ctx.input(|i| i.viewport().close_requested()) {
        if facilitator_open {
            tracing::info!("the window is closed from facilitator mode");
        } else {
            tracing::warn!(
                "a request to close the window was refused (facilitator mode is closed)"
            );
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
    }
}

/// The clock's local time as UTC.
fn now_utc(clock: &Clock) -> chrono::DateTime<Utc> {
    chrono::Local
        .from_local_datetime(&clock.now())
        .earliest()
        .map_or_else(Utc::now, |t| t.with_timezone(&Utc))
}

/// The eframe shell: `logic` then `ui`, as eframe calls them.
struct Shell {
    app: KioskApp,
    /// Whether the window must cover the whole screen.
    fullscreen: bool,
    /// The service manager's watchdog, pinged from the UI loop (off outside systemd).
    watchdog: watchdog::Watchdog,
    /// How large to draw.
    scale: crate::config::Scale,
}

impl eframe::App for Shell {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.app.logic();
        // The facilitator left full screen (or came back to it).
        if let Some(on) = self.app.take_fullscreen_request() {
            self.fullscreen = on;
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
            if !on {
                ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(egui::vec2(1280.0, 800.0)));
            }
        }
        if self.fullscreen {
            cover_screen(ctx);
        }
        apply_scale(ctx, self.scale);
        // An idle kiosk draws a frame a minute: under a watchdog, one comes in time to ping.
        if let Some(next) = self.watchdog.frame(std::time::Instant::now()) {
            ctx.request_repaint_after(next);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.app.ui(ui);
        self.watchdog.drawn();
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        ui::theme::colour::PAGE.to_normalized_gamma_f32()
    }
}

/// Draws at the scale chosen for the window's size in pixels (which does not move with the
/// scale, so this settles in one frame and costs nothing after).
fn apply_scale(ctx: &egui::Context, scale: crate::config::Scale) {
    let ppp = ctx.pixels_per_point();
    let pixels = ctx.content_rect().size() * ppp;
    let wanted = match scale {
        crate::config::Scale::Auto => ui::theme::auto_scale(pixels),
        crate::config::Scale::Fixed(n) => n,
    };
    if (wanted - ppp).abs() > 0.005 {
        tracing::info!(
            "drawing at {wanted:.2} pixels per point on a {:.0}×{:.0} window",
            pixels.x,
            pixels.y
        );
        ctx.set_pixels_per_point(wanted);
    }
}

/// A kiosk often runs on a bare X server with no window manager (`xinit huddle`), where a
/// request for full screen goes unanswered: then the window is placed over the whole monitor.
fn cover_screen(ctx: &egui::Context) {
    let (monitor, inner, fullscreen) = ctx.input(|i| {
        (
            i.viewport().monitor_size,
            i.viewport().inner_rect,
            i.viewport().fullscreen,
        )
    });
    let (Some(monitor), Some(inner)) = (monitor, inner) else {
        return;
    };
    if fullscreen == Some(true) && inner.size() == monitor {
        return;
    }
    if inner.size() != monitor || inner.min != egui::Pos2::ZERO {
        ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(egui::Pos2::ZERO));
        ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(monitor));
    }
}

/// Opens the kiosk window and runs until it is closed.
pub fn run_kiosk(options: KioskOptions) -> anyhow::Result<()> {
    crate::memory::for_a_long_run();
    // Nobody reads stderr in a desktop autostart or a kiosk session: then the logs also go to
    // size-capped files in the data folder.
    let files = (!crate::logging::stderr_is_read()).then(|| options.data_dir.join("logs"));
    crate::logging::init_with(files.as_deref());
    for (key, value, from) in &options.settings {
        tracing::info!("config {key} = {value} ({from})");
    }
    tracing::info!(
        boards = %options.boards_dir.display(),
        data = %options.data_dir.display(),
        board = ?options.board,
        windowed = options.windowed,
        feeds = %options.feeds_dir.display(),
        shared = ?options.shared,
        watch = ?options.watch,
        "starting the kiosk"
    );
    let store = Store::open(&options.data_dir);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Huddle")
        .with_app_id("huddle")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([800.0, 600.0]);
    if !options.windowed {
        viewport = viewport.with_fullscreen(true);
    }
    let native = eframe::NativeOptions {
        viewport,
        persist_window: false,
        ..Default::default()
    };
    eframe::run_native(
        "huddle",
        native,
        Box::new(move |cc| {
            ui::theme::setup(&cc.egui_ctx);
            let mut app = KioskApp::new(options.boards_dir, options.board, Clock::System, store);
            let ctx = cc.egui_ctx.clone();
            app.watch_boards(move || ctx.request_repaint());
            let ctx = cc.egui_ctx.clone();
            app.watch_feeds(&options.feeds_dir, move || ctx.request_repaint());
            let ctx = cc.egui_ctx.clone();
            app.watch_database(&options.data_dir, move || ctx.request_repaint());
            app.set_device_name(&options.device_name);
            app.show_only(options.boards_shown.clone());
            app.set_language(options.language);
            app.set_facilitator_pin(options.pin_hash.clone());
            app.set_display(options.display.clone());
            app.set_settings(options.settings.clone());
            app.set_fullscreen(!options.windowed);
            app.set_drift(true);
            if let Some(path) = &options.config_path {
                app.set_config_path(path.clone());
            }
            keep_daily_backups(options.data_dir.clone());
            if let Some(shared) = &options.shared {
                let ctx = cc.egui_ctx.clone();
                app.sync_with(&options.data_dir, shared, options.watch, move || {
                    ctx.request_repaint();
                });
            }
            // Snapshots go where the parent board's kiosks read them: the shared folder, or
            // this kiosk's data folder when it has none (then boards shown on this kiosk read
            // them there).
            let local = options.data_dir.join("snapshots");
            let (read_from, write_to) = match &options.shared {
                Some(shared) => {
                    let dir = shared.join(crate::snapshot::SHARED_DIR);
                    (vec![dir.clone(), local], dir)
                }
                None => (vec![local.clone()], local),
            };
            let ctx = cc.egui_ctx.clone();
            app.snapshots_with(read_from, write_to, move || ctx.request_repaint());
            Ok(Box::new(Shell {
                app,
                fullscreen: !options.windowed,
                watchdog: watchdog::Watchdog::from_env(),
                scale: options.scale,
            }))
        }),
    )
    .map_err(|err| anyhow::anyhow!("the kiosk window could not open: {err}"))
}

/// Keeps a copy of the database per day in the data folder (the last
/// [`crate::store::backup::KEEP`]), on a thread of its own with its own connection: made at
/// start if today's is missing, then checked every hour, so a kiosk running for months makes
/// one each night.
fn keep_daily_backups(data_dir: PathBuf) {
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

/// Fills what a new escalation leaves out: it goes to the board's parent, and its answer is
/// due after the section's answer delay, in working days.
pub fn complete_escalation(
    board: &crate::model::Board,
    section: &str,
    to: &mut Option<String>,
    due: &mut Option<chrono::NaiveDate>,
    today: chrono::NaiveDate,
) {
    if to.is_none() {
        to.clone_from(&board.parent);
    }
    if due.is_none()
        && let Some(SectionKind::Escalations { answer_within_days }) =
            board.section(section).map(|s| &s.kind)
    {
        *due = Some(crate::model::calendar::add_working_days(
            today,
            *answer_within_days,
        ));
    }
}
