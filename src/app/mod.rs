//! The kiosk application: its state (here), each frame's logic (`logic`), what a tap does
//! (`commands`), drawing and the eframe shell (`display`), and the background services it
//! starts (`services`: watchers, sync, snapshots, feeds, backups).
//!
//! `logic` drains the channels of background threads; `ui` draws and emits commands, applied
//! in `apply`, the one place where taps change anything. Tests drive the same functions
//! through `egui_kittest`.

mod clock;
mod commands;
mod display;
mod feeds;
mod logic;
mod rotation;
mod services;
mod watchdog;

/// The store's meta key of the PIN pad's wrong tries and wait.
const LOCKOUT: &str = "facilitator.lockout";

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use chrono::{NaiveDate, TimeZone as _, Utc};
pub use clock::Clock;
pub use display::run_kiosk;

use crate::feed::watch::{FeedEvent, FeedWatcher};
use crate::i18n;
use crate::layout::watch::{BoardWatcher, LayoutEvent};
use crate::layout::{self, LiveBoards};
use crate::model::huddle::Session;
use crate::snapshot::shelf::Shelf;
use crate::store::{Store, StoreError};
use crate::sync::SyncStatus;
use crate::sync::worker::{SyncWorker, WatchMode};
use crate::ui::{LastChange, UiState};
use crate::view::BoardView;

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
    /// Seconds each board shows in turn when nobody touches the screen; none: no turns.
    pub rotate_seconds: Option<u32>,
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
    /// How long each board shows when boards take turns; none: no turns.
    rotation: Option<chrono::Duration>,
    /// When the next turn is due.
    next_turn: Option<chrono::NaiveDateTime>,
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
            rotation: None,
            next_turn: None,
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
            let err = err.to_string();
            self.store_error =
                Some(crate::i18n::T::ShownUntilRestart.with(self.lang(), &[("err", &err)]));
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

/// The clock's local time as UTC.
fn now_utc(clock: &Clock) -> chrono::DateTime<Utc> {
    chrono::Local
        .from_local_datetime(&clock.now())
        .earliest()
        .map_or_else(Utc::now, |t| t.with_timezone(&Utc))
}
