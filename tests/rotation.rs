//! Boards in turn on a hallway screen: shown one after the other when nobody touches the
//! screen, stopped by a touch and by a huddle, started again after a quiet while; a turn costs
//! one frame and idle stays idle.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use huddle::app::{Clock, KioskApp};

use common::examples;

fn at(h: u32, m: u32, s: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|d| d.and_hms_opt(h, m, s))
        .unwrap()
}

/// A hallway screen showing three boards, 30 s each, at 08:25:00.
fn hallway() -> Harness<'static, KioskApp> {
    let mut app = common::app(&examples(), None);
    app.show_only(vec![
        "accueil-jeunesse".into(),
        "youth-follow-up".into(),
        "gestion-jeunesse".into(),
    ]);
    app.set_rotation(Some(30));
    let mut h = common::builder().build_ui_state(common::frame, app);
    h.run();
    h
}

fn set_time(h: &mut Harness<'_, KioskApp>, t: NaiveDateTime) {
    h.state_mut().set_clock(Clock::Fixed(t));
    h.run();
}

fn on_screen(h: &Harness<'_, KioskApp>) -> String {
    h.state().current_board().unwrap_or_default().to_owned()
}

/// How long the kiosk sleeps before its next frame.
fn next_frame_in(h: &Harness<'_, KioskApp>) -> std::time::Duration {
    h.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay
}

#[test]
fn boards_take_turns_when_nobody_touches_the_screen() {
    let mut h = hallway();
    assert_eq!(on_screen(&h), "accueil-jeunesse");
    // Idle stays idle: the next frame is the next turn, 30 s away, nothing in between.
    assert_eq!(next_frame_in(&h), std::time::Duration::from_secs(30));
    set_time(&mut h, at(8, 25, 29));
    assert_eq!(on_screen(&h), "accueil-jeunesse");
    set_time(&mut h, at(8, 25, 30));
    assert_eq!(on_screen(&h), "youth-follow-up");
    // The turn is drawn in the frame it is taken.
    assert!(common::shows(&h, "Youth Follow-up — West"));
    set_time(&mut h, at(8, 26, 0));
    assert_eq!(on_screen(&h), "gestion-jeunesse");
    set_time(&mut h, at(8, 26, 30));
    assert_eq!(on_screen(&h), "accueil-jeunesse", "round again");
    // Turning is not choosing: the board remembered for a restart is not changed.
    let remembered = h.state().store().unwrap().meta("kiosk.board").unwrap();
    assert_eq!(remembered, None);
}

#[test]
fn a_touch_stops_the_turns_and_a_quiet_while_starts_them_again() {
    let mut h = hallway();
    set_time(&mut h, at(8, 25, 10));
    h.get_by_label("☰  Tableaux").click();
    h.run();
    h.get_by_label("Gestion — Services jeunesse").click();
    h.run();
    assert_eq!(on_screen(&h), "gestion-jeunesse");
    set_time(&mut h, at(8, 26, 30));
    assert_eq!(on_screen(&h), "gestion-jeunesse", "people are reading it");
    // Two minutes after the last touch the turns start again, from the board on screen.
    set_time(&mut h, at(8, 27, 11));
    assert_eq!(on_screen(&h), "gestion-jeunesse");
    set_time(&mut h, at(8, 27, 41));
    assert_eq!(on_screen(&h), "accueil-jeunesse");
}

#[test]
fn no_turn_during_a_huddle_or_with_a_form_open() {
    let mut h = hallway();
    h.get_by_label("Commencer le caucus").click();
    h.run();
    set_time(&mut h, at(8, 28, 0));
    assert!(h.state().ui_state().huddle_setup.is_some());
    assert_eq!(
        on_screen(&h),
        "accueil-jeunesse",
        "the start dialog is open"
    );
    h.get_by_label("▶  Commencer").click();
    h.run();
    assert!(h.state().huddle().is_some());
    set_time(&mut h, at(8, 40, 0));
    assert_eq!(
        on_screen(&h),
        "accueil-jeunesse",
        "a huddle is held at its board"
    );

    let mut h = hallway();
    h.get_by_label("Ajouter : Plan d'action").click();
    h.run();
    set_time(&mut h, at(8, 35, 0));
    assert!(h.state().ui_state().form.is_some(), "what is typed stays");
    assert_eq!(on_screen(&h), "accueil-jeunesse");
}

#[test]
fn one_board_or_no_setting_means_no_turns() {
    let mut app = common::app(&examples(), Some("accueil-jeunesse"));
    app.show_only(vec!["accueil-jeunesse".into()]);
    app.set_rotation(Some(30));
    let mut h = common::builder().build_ui_state(common::frame, app);
    h.run();
    assert_eq!(next_frame_in(&h), std::time::Duration::from_secs(60));
    set_time(&mut h, at(8, 40, 0));
    assert_eq!(on_screen(&h), "accueil-jeunesse");

    let mut h = common::kiosk(&examples(), Some("accueil-jeunesse"));
    h.run();
    set_time(&mut h, at(8, 40, 0));
    assert_eq!(on_screen(&h), "accueil-jeunesse");
}
