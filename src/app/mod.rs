//! The kiosk application: state, the logic that applies what the UI and the watcher report,
//! and the eframe shell around them.
//!
//! `logic` drains the channels of background threads and applies commands; `ui` draws and
//! emits commands. Tests drive the same two functions through `egui_kittest`.

mod clock;

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

pub use clock::Clock;

use crate::layout::watch::{BoardWatcher, LayoutEvent};
use crate::layout::{self, LiveBoards};
use crate::ui::{self, Screen, UiCommand};

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
}

/// The kiosk's state.
pub struct KioskApp {
    boards_dir: PathBuf,
    live: LiveBoards,
    current: Option<String>,
    switcher_open: bool,
    folder_error: Option<String>,
    clock: Clock,
    layout_tx: Sender<LayoutEvent>,
    layout_rx: Receiver<LayoutEvent>,
    watcher: Option<BoardWatcher>,
}

impl KioskApp {
    /// Reads the boards folder and builds the app; shows `first` if it names a board, else the
    /// first board of the front line.
    pub fn new(boards_dir: PathBuf, first: Option<String>, clock: Clock) -> Self {
        let (layout_tx, layout_rx) = channel();
        let (live, folder_error) = match layout::load_dir(&boards_dir) {
            Ok(reports) => (LiveBoards::new(reports), None),
            Err(err) => (
                LiveBoards::default(),
                Some(format!("{}: {err}", boards_dir.display())),
            ),
        };
        let mut app = Self {
            boards_dir,
            live,
            current: None,
            switcher_open: false,
            folder_error,
            clock,
            layout_tx,
            layout_rx,
            watcher: None,
        };
        app.current = first
            .filter(|id| app.live.board(id).is_some())
            .or_else(|| app.live.boards().first().map(|b| b.id.clone()));
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

    /// Applies what the background threads reported. Cheap when nothing came.
    pub fn logic(&mut self) {
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
    }

    /// Draws the kiosk and applies what was tapped.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let now = self.clock.now();
        let screen = Screen {
            live: &self.live,
            board: self.current.as_deref().and_then(|id| self.live.board(id)),
            now,
            switcher_open: self.switcher_open,
            folder_error: self.folder_error.as_deref(),
            boards_dir: &self.boards_dir,
        };
        let commands = ui::show(ui, &screen);
        for command in commands {
            self.apply(command);
        }
        // The clock shows minutes: one repaint at the next minute, nothing in between.
        ui.ctx()
            .request_repaint_after(self.clock.until_next_minute());
    }

    /// The one place where UI commands change the state.
    pub fn apply(&mut self, command: UiCommand) {
        match command {
            UiCommand::ShowBoard(id) => {
                if self.live.board(&id).is_some() {
                    self.current = Some(id);
                }
                self.switcher_open = false;
            }
            UiCommand::OpenSwitcher => self.switcher_open = true,
            UiCommand::CloseSwitcher => self.switcher_open = false,
        }
    }

    /// The id of the board on screen.
    pub fn current_board(&self) -> Option<&str> {
        self.current.as_deref()
    }

    /// Whether the board switcher is open.
    pub fn switcher_open(&self) -> bool {
        self.switcher_open
    }

    /// The boards and the problems of their files.
    pub fn live(&self) -> &LiveBoards {
        &self.live
    }

    /// A sender that feeds the app as the watcher does (for tests and tools).
    pub fn layout_sender(&self) -> Sender<LayoutEvent> {
        self.layout_tx.clone()
    }
}

/// The eframe shell: `logic` then `ui`, as eframe calls them.
struct Shell {
    app: KioskApp,
    /// Whether the window must cover the whole screen.
    fullscreen: bool,
}

impl eframe::App for Shell {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.app.logic();
        if self.fullscreen {
            cover_screen(ctx);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.app.ui(ui);
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        ui::theme::colour::PAGE.to_normalized_gamma_f32()
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
    crate::logging::init();
    tracing::info!(
        boards = %options.boards_dir.display(),
        data = %options.data_dir.display(),
        board = ?options.board,
        windowed = options.windowed,
        "starting the kiosk"
    );
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
            let mut app = KioskApp::new(options.boards_dir, options.board, Clock::System);
            let ctx = cc.egui_ctx.clone();
            app.watch_boards(move || ctx.request_repaint());
            Ok(Box::new(Shell {
                app,
                fullscreen: !options.windowed,
            }))
        }),
    )
    .map_err(|err| anyhow::anyhow!("the kiosk window could not open: {err}"))
}
