//! Drawing: the board, the sleep screen, what the window refuses (closing, zoom), and the
//! eframe shell that runs the kiosk.

use super::services::keep_daily_backups;
use super::*;
use crate::snapshot::shelf::Shelf;
use crate::store::Store;
use crate::ui::{self, Screen};

impl KioskApp {
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
        // Boards in turn: the next one is drawn in this very frame.
        let next_turn = self.turn(now, touched);
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
            let outcome = self.apply(command);
            self.ui_state.hear(outcome);
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
        if let Some(at) = next_turn {
            next = next.min(until(at));
        }
        ui.ctx().request_repaint_after(next);
    }
}

/// Where the screen drifts to at `now`: a few points each way, about one point a minute, on
/// two slow triangle waves so that no pixel shows the same thing for hours.
pub(super) fn drift(now: chrono::NaiveDateTime) -> egui::Vec2 {
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
pub(super) fn sleep_screen(
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
    let words = crate::i18n::T::TouchToWake.words(lang);
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
pub(super) fn refuse_to_close(ctx: &egui::Context, facilitator_open: bool) {
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

/// The eframe shell: `logic` then `ui`, as eframe calls them.
pub(super) struct Shell {
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
pub(super) fn apply_scale(ctx: &egui::Context, scale: crate::config::Scale) {
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
pub(super) fn cover_screen(ctx: &egui::Context) {
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
            app.set_rotation(options.rotate_seconds);
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
