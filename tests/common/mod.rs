//! The one way tests build the kiosk: the real app on a boards folder, a fixed clock, the real
//! theme, a wall-screen size.

#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui_kittest::{Harness, HarnessBuilder};
use huddle::app::{Clock, KioskApp};

/// The example boards shipped in `boards/`.
pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("boards")
}

/// Monday 23 November 2026, 08:25: five minutes before the intake team's huddle.
pub fn monday_morning() -> Clock {
    Clock::Fixed(
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(8, 25, 0))
            .expect("a valid date"),
    )
}

/// A harness builder for the kiosk: wall-screen size, the kiosk's own theme and fonts.
pub fn builder() -> HarnessBuilder<KioskApp> {
    Harness::<KioskApp>::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_theme(egui::Theme::Light)
        .with_context_setup(huddle::ui::theme::setup)
}

/// One frame, as eframe runs it: `logic`, then `ui`.
pub fn frame(ui: &mut egui::Ui, app: &mut KioskApp) {
    app.logic();
    app.ui(ui);
}

/// The kiosk on `boards`, showing `board`, at 08:25 on a Monday.
pub fn app(boards: &Path, board: Option<&str>) -> KioskApp {
    KioskApp::new(
        boards.to_owned(),
        board.map(str::to_owned),
        monday_morning(),
        huddle::store::Store::open_in_memory(),
    )
}

/// The kiosk on `boards`, showing `board`, on a 1920×1080 screen.
pub fn kiosk(boards: &Path, board: Option<&str>) -> Harness<'static, KioskApp> {
    builder().build_ui_state(frame, app(boards, board))
}
