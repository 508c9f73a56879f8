//! Pictures of the kiosk, compared with the reference PNGs in `tests/snapshots/`. They need a
//! wgpu adapter (Mesa's lavapipe on CI): `cargo test --features snapshots --test snapshots`.
//! `UPDATE_SNAPSHOTS=1` rewrites the references after a deliberate change of look.

#![cfg(feature = "snapshots")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui_kittest::kittest::Queryable as _;
use egui_kittest::{Harness, SnapshotResults};
use huddle::app::KioskApp;

fn picture(board: &str) -> Harness<'static, KioskApp> {
    let app = common::app(&common::examples(), Some(board));
    let mut h = common::builder().wgpu().build_ui_state(common::frame, app);
    h.run();
    h
}

#[test]
fn example_boards_look_as_they_should() {
    let mut results = SnapshotResults::new();
    for board in ["accueil-jeunesse", "youth-follow-up", "gestion-jeunesse"] {
        let mut h = picture(board);
        results.add(h.try_snapshot(board));
    }
    let mut h = picture("accueil-jeunesse");
    h.get_by_label_contains("Tableaux").click();
    h.run();
    results.add(h.try_snapshot("board-switcher"));
}

/// The intake board with twelve days of its waiting list.
fn with_values() -> Harness<'static, KioskApp> {
    let app = common::app_with(
        &common::examples(),
        Some("accueil-jeunesse"),
        common::waiting_list_values,
    );
    let mut h = common::builder().wgpu().build_ui_state(common::frame, app);
    h.run();
    h
}

#[test]
fn an_indicator_large_shows_its_run_chart() {
    let mut h = with_values();
    h.get_by_label("Voir en grand : Liste d'attente").click();
    h.run();
    h.snapshot("indicator-chart");
}

#[test]
fn an_xmr_indicator_shows_its_icons_and_large_its_limits_and_change() {
    let app = common::app_with(
        &common::examples(),
        Some("accueil-jeunesse"),
        common::delay_values,
    );
    let mut h = common::builder().wgpu().build_ui_state(common::frame, app);
    h.run();
    let mut results = SnapshotResults::new();
    results.add(h.try_snapshot("xmr-card"));
    h.get_by_label("Voir en grand : Délai moyen avant évaluation")
        .click();
    h.run();
    results.add(h.try_snapshot("xmr-chart"));
}

#[test]
fn a_huddle_mid_way() {
    let mut h = with_values();
    let tap = |h: &mut Harness<'static, KioskApp>, label: &str| {
        h.get_all_by_label(label).last().expect(label).click();
        h.run();
    };
    tap(&mut h, "Commencer le caucus");
    for name in ["Amélie R.", "Benoît T.", "Chloé D.", "Élise M."] {
        tap(&mut h, name);
    }
    results_of_setup(&mut h);
    tap(&mut h, "▶  Commencer");
    // Three items in, the waiting list a little over its two minutes.
    let t = |m: u32, s: u32| {
        huddle::app::Clock::Fixed(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
                .and_then(|d| d.and_hms_opt(8, m, s))
                .expect("a time"),
        )
    };
    for (i, (m, s)) in [(26, 5), (26, 50), (27, 40)].into_iter().enumerate() {
        h.state_mut().set_clock(t(m, s));
        h.run();
        tap(&mut h, "Suivant  ▶");
        assert_eq!(h.state().huddle().map(|s| s.current), Some(i + 1));
    }
    h.state_mut().set_clock(t(30, 5));
    h.run();
    h.snapshot("huddle-mid-way");
}

fn results_of_setup(h: &mut Harness<'static, KioskApp>) {
    h.snapshot("huddle-start");
}

/// The intake board on a 4K TV (twice the pixels per point: it reads as a 1080p screen of the
/// same size) and on a 1080p screen hung in portrait (the grid reflowed, the title on its own
/// row).
#[test]
fn the_board_on_a_4k_tv_and_a_portrait_screen() {
    let mut results = SnapshotResults::new();
    for (name, pixels) in [("4k", (3840.0, 2160.0)), ("portrait", (1080.0, 1920.0))] {
        let scale = huddle::ui::theme::auto_scale(egui::vec2(pixels.0, pixels.1));
        let app = common::app_with(
            &common::examples(),
            Some("accueil-jeunesse"),
            common::waiting_list_values,
        );
        let mut h = common::builder()
            .with_size(egui::vec2(pixels.0, pixels.1) / scale)
            .with_pixels_per_point(scale)
            .wgpu()
            .build_ui_state(common::frame, app);
        h.run();
        results.add(h.try_snapshot(format!("accueil-jeunesse-{name}")));
    }
}

#[test]
fn an_action_opened_to_be_corrected() {
    let app = common::app_with(&common::examples(), Some("accueil-jeunesse"), |store| {
        use huddle::model::{Edit, Origin};
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30);
        store
            .apply_edit(
                Edit::AddAction {
                    title: "Apeler l'école Saint-Jean pour le transport".into(),
                    owner: Some("Chloé D.".into()),
                    due: day,
                },
                ("accueil-jeunesse", "actions"),
                ("Amélie R.", Origin::Screen),
                chrono::DateTime::parse_from_rfc3339("2026-11-23T07:00:00Z")
                    .unwrap()
                    .with_timezone(&chrono::Utc),
            )
            .unwrap();
    });
    let mut h = common::builder().wgpu().build_ui_state(common::frame, app);
    h.run();
    h.get_by_label("Corriger : Apeler l'école Saint-Jean pour le transport")
        .click();
    h.run();
    h.snapshot("correct-action");
}
