//! The one way tests build the kiosk: the real app on a boards folder, a fixed clock, the real
//! theme, a wall-screen size.

#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::{Event, PointerButton, Pos2, TouchDeviceId, TouchId, TouchPhase, Vec2};
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

/// Whether some node's label holds `text` (several may).
pub fn shows(h: &Harness<'_, KioskApp>, text: &str) -> bool {
    use egui_kittest::kittest::Queryable as _;
    h.query_all_by_label_contains(text).next().is_some()
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

/// The kiosk at 08:25 on a Monday, with entries already in its store.
pub fn app_with(
    boards: &Path,
    board: Option<&str>,
    seed: impl FnOnce(&mut huddle::store::Store),
) -> KioskApp {
    let mut store = huddle::store::Store::open_in_memory().expect("an in-memory store");
    seed(&mut store);
    KioskApp::new(
        boards.to_owned(),
        board.map(str::to_owned),
        monday_morning(),
        Ok(store),
    )
}

/// Twelve working days of the intake team's waiting list, 5 to 23 November with the 17th
/// missing: high, then falling below the median — a shift and a trend at the end.
pub fn waiting_list_values(store: &mut huddle::store::Store) {
    let csv = "2026-11-05;26\n2026-11-06;25\n2026-11-09;27\n2026-11-10;24\n2026-11-11;26\n\
               2026-11-12;22\n2026-11-13;21\n2026-11-16;20\n2026-11-18;19\n2026-11-19;19\n\
               2026-11-20;18\n2026-11-23;17\n";
    // Entered at 07:00 UTC that Monday, so that pictures do not depend on when tests run.
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-23T07:00:00Z")
        .expect("a time")
        .with_timezone(&chrono::Utc);
    waiting_list_from(store, csv, "test", at);
}

/// The intake board's waiting list read from `csv` (`date;value` lines, all good), entered by
/// `source` at `at`.
pub fn waiting_list_from(
    store: &mut huddle::store::Store,
    csv: &str,
    source: &str,
    at: chrono::DateTime<chrono::Utc>,
) {
    let (rows, bad) = huddle::feed::parse_csv(csv);
    assert!(bad.is_empty(), "{bad:?}");
    huddle::feed::import(
        store,
        "accueil-jeunesse",
        "liste-attente",
        &rows,
        source,
        at,
    )
    .expect("values stored");
}

/// Breaks the manager's board file in `dir` (a key misspelt, `targte`) and hands the kiosk the
/// scan the boards watcher would make after the save; the file's path.
pub fn save_broken_manager_board(h: &mut Harness<'_, KioskApp>, dir: &Path) -> std::path::PathBuf {
    let file = dir.join("gestion-jeunesse.toml");
    let text = std::fs::read_to_string(&file).expect("the board file");
    std::fs::write(&file, text.replace("target = 35", "targte = 35")).expect("written");
    let scan = huddle::layout::load_dir(dir).expect("a scan");
    h.state()
        .layout_sender()
        .send(huddle::layout::watch::LayoutEvent::Scanned(scan))
        .expect("sent");
    h.run();
    file
}

// Touch: taps arrive as touch events, with the mouse emulation egui-winit adds to them.

pub fn touch(h: &Harness<'_, KioskApp>, phase: TouchPhase, pos: Pos2) {
    h.event(Event::Touch {
        device_id: TouchDeviceId(1),
        id: TouchId(7),
        phase,
        pos,
        force: None,
    });
}

/// A finger tap at `pos`: held for `hold_steps` frames of a quarter second each, moving by
/// `wobble` before it lifts.
pub fn finger_tap(h: &mut Harness<'_, KioskApp>, pos: Pos2, hold_steps: usize, wobble: Vec2) {
    touch(h, TouchPhase::Start, pos);
    h.event(Event::PointerMoved(pos));
    h.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Default::default(),
    });
    h.step();
    for _ in 0..hold_steps {
        h.step();
    }
    let end = pos + wobble;
    if wobble != Vec2::ZERO {
        touch(h, TouchPhase::Move, end);
        h.event(Event::PointerMoved(end));
        h.step();
    }
    touch(h, TouchPhase::End, end);
    h.event(Event::PointerButton {
        pos: end,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Default::default(),
    });
    h.event(Event::PointerGone);
    h.run();
}

/// Makes a named pipe at `path` (a file that would hold a careless reader forever).
#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo {}", path.display());
}

/// Twenty-two weeks of the intake board's delay before evaluation (an XmR indicator): about 17
/// days until the change of 5 October, then falling to 9 days on Monday 23 November.
pub fn delay_values(store: &mut huddle::store::Store) {
    let before = [17, 18, 16, 17, 19, 17, 16, 18, 17, 18, 16, 17, 18, 17];
    let after = [13, 12, 12, 11, 11, 10, 10, 9];
    let first = NaiveDate::from_ymd_opt(2026, 6, 29).expect("a Monday");
    let csv: String = before
        .iter()
        .chain(&after)
        .enumerate()
        .map(|(i, v)| format!("{};{v}\n", first + chrono::Days::new(7 * i as u64)))
        .collect();
    let (rows, bad) = huddle::feed::parse_csv(&csv);
    assert!(bad.is_empty(), "{bad:?}");
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-23T07:00:00Z")
        .expect("a time")
        .with_timezone(&chrono::Utc);
    huddle::feed::import(
        store,
        "accueil-jeunesse",
        "delai-evaluation",
        &rows,
        "test",
        at,
    )
    .expect("imported");
}

/// A data folder that the real binary works on, as a script runs it: `huddle --boards
/// boards/ --data-dir D …`, as the user `it-admin`.
pub struct Cli {
    /// The data folder.
    pub data: tempfile::TempDir,
}

impl Cli {
    /// A fresh data folder.
    pub fn new() -> Self {
        Self {
            data: tempfile::tempdir().unwrap(),
        }
    }

    /// Runs `huddle` with `args` on the example boards and this data folder.
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        std::process::Command::new(env!("CARGO_BIN_EXE_huddle"))
            .args([
                "--boards",
                concat!(env!("CARGO_MANIFEST_DIR"), "/boards"),
                "--data-dir",
            ])
            .arg(self.data.path())
            .args(args)
            .env("USER", "it-admin")
            .output()
            .unwrap()
    }

    /// Runs a command that must succeed and prints JSON; what it printed.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let o = self.run(args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        serde_json::from_slice(&o.stdout).unwrap()
    }
}
