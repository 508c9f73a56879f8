//! The one way tests build the kiosk: the real app on a boards folder, a fixed clock, the real
//! theme, a wall-screen size.

#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui_kittest::Harness;
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

/// The kiosk on `boards`, showing `board`, on a 1920×1080 screen.
pub fn kiosk(boards: &Path, board: Option<&str>) -> Harness<'static, KioskApp> {
    let app = KioskApp::new(
        boards.to_owned(),
        board.map(str::to_owned),
        monday_morning(),
    );
    Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_context_setup(huddle::ui::theme::setup)
        .build_ui_state(
            |ui, app: &mut KioskApp| {
                app.logic();
                app.ui(ui);
            },
            app,
        )
}
