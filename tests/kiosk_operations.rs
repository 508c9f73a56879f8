//! The kiosk left on a hallway wall for months: facilitator mode behind a PIN, the audit trail
//! on screen, deleting, the boards chosen on screen kept in the config file, the display
//! schedule (sleep, and a waking touch that presses nothing), coming back on the same board
//! after a restart, and the language of a screen with no board.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::NaiveDate;
use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use huddle::app::{Clock, KioskApp};
use huddle::model::{Edit, EntryKind};
use huddle::ui::UiCommand;

use common::{examples, finger_tap, shows};

fn at(h: u32, m: u32, s: u32) -> Clock {
    Clock::Fixed(
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(h, m, s))
            .unwrap(),
    )
}

/// Adds one action to the intake team's plan.
fn add_an_action(store: &mut huddle::store::Store) {
    let change = Edit::AddAction {
        title: "Rappeler les familles en attente".into(),
        owner: Some("Élise M.".into()),
        due: None,
    }
    .into_change(
        "accueil-jeunesse",
        "actions",
        "Élise M.",
        huddle::model::Origin::Screen,
        chrono::Utc::now(),
    )
    .unwrap();
    store.apply(&change).unwrap();
}

/// The intake team's board with one action in its plan.
fn with_an_action() -> KioskApp {
    common::app_with(&examples(), Some("accueil-jeunesse"), add_an_action)
}

fn harness(app: KioskApp) -> Harness<'static, KioskApp> {
    let mut h = common::builder().build_ui_state(common::frame, app);
    h.run();
    h
}

fn type_pin(h: &mut Harness<'_, KioskApp>, pin: &str) {
    for d in pin.chars() {
        h.get_by_label(&format!("Touche {d}")).click();
        h.run();
    }
    h.get_by_label("OK").click();
    h.run();
}

#[test]
fn facilitator_mode_opens_with_the_pin_only_and_locks_itself_after_two_minutes() {
    let mut app = with_an_action();
    app.set_facilitator_pin(Some(huddle::facilitator::hash_pin("4821").unwrap()));
    app.set_settings(vec![(
        "device_name",
        "Accueil 2e".into(),
        "huddle.toml:2".into(),
    )]);
    let mut h = harness(app);
    h.get_by_label("Mode animateur").click();
    h.run();
    h.get_by_label("Entrez le NIP");
    type_pin(&mut h, "1234");
    assert!(!h.state().facilitator_open());
    assert!(
        shows(&h, "NIP incorrect — encore 4 essai(s)"),
        "a wrong PIN is said"
    );
    assert!(!shows(&h, "1234"), "the digits typed are never shown");
    type_pin(&mut h, "4821");
    assert!(h.state().facilitator_open());
    h.get_by_label("Historique des changements");
    h.get_by_label("Réglages en vigueur").click();
    h.run();
    assert!(shows(&h, "Accueil 2e"), "the settings in effect unfold");
    // Nobody touches the screen for two minutes: it locks itself.
    h.state_mut().set_clock(at(8, 27, 1));
    h.run();
    assert!(!h.state().facilitator_open());
    assert!(h.query_by_label("Historique des changements").is_none());
    h.get_by_label("Mode animateur");
}

#[test]
fn deleting_is_the_facilitators_and_the_trail_on_screen_says_who_did_what() {
    let mut h = harness(with_an_action());
    let id = h
        .state()
        .store()
        .unwrap()
        .records("accueil-jeunesse")
        .unwrap()[0]
        .id
        .clone();
    let delete = UiCommand::Edit {
        section: "actions".into(),
        edit: Edit::Remove {
            id,
            kind: EntryKind::Action,
        },
    };
    // A team member cannot delete: no button, and the command is refused.
    assert!(h.query_by_label("Supprimer").is_none());
    h.state_mut().apply(delete);
    h.run();
    h.get_by_label("Rappeler les familles en attente");
    // No PIN set: the mode opens with a tap, and says a PIN should be set.
    h.get_by_label("Mode animateur").click();
    h.run();
    assert!(shows(&h, "Aucun NIP n'est défini"));
    h.get_by_label("Ouvrir").click();
    h.run();
    assert!(h.state().facilitator_open());
    h.get_by_label("Supprimer des éléments").click();
    h.run();
    h.get_by_label("Supprimer").click();
    h.run();
    assert!(
        h.query_by_label("Rappeler les familles en attente")
            .is_none(),
        "the action left the board"
    );
    h.get_by_label("Mode animateur").click();
    h.run();
    h.get_by_label("Historique des changements").click();
    h.run();
    assert!(shows(&h, "Historique des changements — Accueil jeunesse"));
    assert!(shows(
        &h,
        "Élise M. · Plan d'action · action ajout « Rappeler les familles en attente »"
    ));
    assert!(shows(
        &h,
        "Plan d'action · action suppression « Rappeler les familles en attente »"
    ));
}

#[test]
fn boards_chosen_on_screen_are_kept_in_the_config_file_with_its_comments() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("huddle.toml");
    std::fs::write(
        &config,
        "# Kiosk of the 2nd floor, set up by IT\ndevice_name = \"Accueil 2e\"\n",
    )
    .unwrap();
    let mut app = common::app(&examples(), Some("accueil-jeunesse"));
    app.set_config_path(config.clone());
    let mut h = harness(app);
    // Not in facilitator mode: refused.
    h.state_mut()
        .apply(UiCommand::SetShown(vec!["youth-follow-up".into()]));
    assert!(
        !std::fs::read_to_string(&config)
            .unwrap()
            .contains("boards_shown")
    );
    h.get_by_label("Mode animateur").click();
    h.run();
    h.get_by_label("Ouvrir").click();
    h.run();
    h.state_mut().apply(UiCommand::SetShown(vec![
        "youth-follow-up".into(),
        "gestion-jeunesse".into(),
    ]));
    h.run();
    assert_eq!(h.state().current_board(), Some("youth-follow-up"));
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(
        text.starts_with("# Kiosk of the 2nd floor, set up by IT\n"),
        "{text}"
    );
    let loaded = huddle::config::load(&config);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(
        loaded.file.boards_shown.unwrap().value,
        vec!["youth-follow-up", "gestion-jeunesse"]
    );
    assert_eq!(loaded.file.device_name.unwrap().value, "Accueil 2e");
}

fn asleep_at_8_25(mode: &str) -> Harness<'static, KioskApp> {
    let mut app = common::app(&examples(), Some("accueil-jeunesse"));
    app.set_display(Some(huddle::config::DisplaySchedule {
        on: (9, 0),
        off: (17, 0),
        days: vec![0, 1, 2, 3, 4],
        mode: mode.into(),
    }));
    harness(app)
}

#[test]
fn outside_its_hours_the_screen_sleeps_and_the_waking_touch_presses_nothing() {
    let mut h = asleep_at_8_25("dim");
    assert!(h.state().asleep());
    h.get_by_label("Touchez l'écran pour l'allumer");
    // A finger lands on the board switcher: the screen wakes, the switcher stays shut.
    let pos = h.get_by_label("☰  Tableaux").rect().center();
    finger_tap(&mut h, pos, 1, Vec2::ZERO);
    assert!(!h.state().asleep());
    assert!(
        !h.state().switcher_open(),
        "the waking touch pressed a button"
    );
    assert!(h.query_by_label("Touchez l'écran pour l'allumer").is_none());
    // Awake now, the next tap works.
    finger_tap(&mut h, pos, 0, Vec2::ZERO);
    assert!(h.state().switcher_open());
    // Five minutes without a touch, and it sleeps again.
    h.state_mut().set_clock(at(8, 30, 30));
    h.run();
    assert!(h.state().asleep());
    // In its hours, it is on.
    h.state_mut().set_clock(at(9, 0, 0));
    h.run();
    assert!(!h.state().asleep());
}

#[test]
fn a_black_screen_shows_nothing_of_the_board() {
    let mut h = asleep_at_8_25("black");
    assert!(h.state().asleep());
    assert!(
        !shows(&h, "Plan d'action"),
        "nothing of the board in a hallway at night"
    );
    h.get_by_label("Touchez l'écran pour l'allumer");
    let pos = egui::pos2(960.0, 540.0);
    finger_tap(&mut h, pos, 0, Vec2::ZERO);
    assert!(!h.state().asleep());
    h.get_by_label("Plan d'action");
}

#[test]
fn after_a_restart_the_kiosk_comes_back_on_the_board_it_showed() {
    let data = tempfile::tempdir().unwrap();
    let open = || huddle::store::Store::open(data.path());
    let mut app = KioskApp::new(examples(), None, common::monday_morning(), open());
    assert_eq!(app.current_board(), Some("accueil-jeunesse"));
    app.apply(UiCommand::ShowBoard("gestion-jeunesse".into()));
    drop(app);
    // A power cut: the kiosk starts again with no board asked for.
    let app = KioskApp::new(examples(), None, common::monday_morning(), open());
    assert_eq!(app.current_board(), Some("gestion-jeunesse"));
    // A board asked for on the command line still wins.
    let app = KioskApp::new(
        examples(),
        Some("youth-follow-up".into()),
        common::monday_morning(),
        open(),
    );
    assert_eq!(app.current_board(), Some("youth-follow-up"));
}

#[test]
fn a_screen_with_no_board_speaks_the_configured_language() {
    let empty = tempfile::tempdir().unwrap();
    let mut app = common::app(empty.path(), None);
    app.set_language(huddle::model::Lang::En);
    let h = harness(app);
    h.get_by_label("No valid board in this folder. Add a .toml file (see docs/boards.md).");
}

#[test]
fn freed_memory_is_given_back_once_a_minute_after_the_board_last_changed() {
    let mut app = with_an_action();
    // Started at 08:25 (the view was built then), first drawn at 09:00: what starting up
    // freed goes back.
    app.set_clock(at(9, 0, 0));
    let mut h = harness(app);
    assert_eq!(h.state().memory_releases(), 1);
    // An idle board gives nothing back again: there is nothing new to give.
    h.state_mut().set_clock(at(9, 30, 0));
    h.run();
    assert_eq!(h.state().memory_releases(), 1);
    // A value, then another a few seconds later: one release, a minute after the last.
    for (s, day) in [(0, 20), (20, 23)] {
        h.state_mut().set_clock(at(9, 31, s));
        h.state_mut().apply(UiCommand::Edit {
            section: "delai-evaluation".into(),
            edit: Edit::SetValue {
                date: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
                value: 12.0,
            },
        });
        h.run();
    }
    h.state_mut().set_clock(at(9, 32, 0));
    h.run();
    assert_eq!(h.state().memory_releases(), 1, "not before a minute");
    h.state_mut().set_clock(at(9, 32, 20));
    h.run();
    assert_eq!(h.state().memory_releases(), 2);
    h.state_mut().set_clock(at(9, 40, 0));
    h.run();
    assert_eq!(h.state().memory_releases(), 2);
}

/// Whether the last frame asked the window to stay open.
fn cancelled_close(h: &Harness<'_, KioskApp>) -> bool {
    h.output()
        .viewport_output
        .values()
        .any(|v| v.commands.contains(&egui::ViewportCommand::CancelClose))
}

/// A window manager's close request (Alt+F4, the title bar's ×) for the next frame.
fn ask_to_close(h: &mut Harness<'_, KioskApp>) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
}

#[test]
fn the_kiosk_cannot_be_closed_from_its_screen_unless_facilitator_mode_is_open() {
    let mut app = with_an_action();
    app.set_facilitator_pin(Some(huddle::facilitator::hash_pin("4821").unwrap()));
    let mut h = harness(app);
    ask_to_close(&mut h);
    h.step();
    assert!(cancelled_close(&h), "a close request is refused");
    // Ctrl+Q and Ctrl+W do nothing either.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    h.run();
    assert!(h.state().current_board().is_some());
    // Open with the PIN: the facilitator may close it.
    h.get_by_label("Mode animateur").click();
    h.run();
    type_pin(&mut h, "4821");
    assert!(h.state().facilitator_open());
    ask_to_close(&mut h);
    h.step();
    assert!(!cancelled_close(&h), "the facilitator closes it");
}

#[test]
fn wrong_pins_are_remembered_across_a_restart_and_the_waits_grow() {
    let data = tempfile::tempdir().unwrap();
    let start = || {
        let mut app = KioskApp::new(
            examples(),
            None,
            at(8, 0, 0),
            huddle::store::Store::open(data.path()),
        );
        app.set_facilitator_pin(Some(huddle::facilitator::hash_pin("4821").unwrap()));
        harness(app)
    };
    let mut h = start();
    h.get_by_label("Mode animateur").click();
    h.run();
    for _ in 0..4 {
        type_pin(&mut h, "0000");
    }
    assert!(shows(&h, "encore 1 essai(s) avant une pause d'une minute"));
    drop(h);
    // Restarted (power cut, or someone pulling the plug to get fresh tries): one try left.
    let mut h = start();
    h.get_by_label("Mode animateur").click();
    h.run();
    type_pin(&mut h, "0000");
    assert!(
        shows(&h, "Trop d'essais : réessayez à 08:01"),
        "the wait is kept"
    );
    type_pin(&mut h, "4821");
    assert!(!h.state().facilitator_open(), "even the right PIN waits");
}

#[test]
fn a_change_made_with_the_command_line_wakes_the_kiosk() {
    let data = tempfile::tempdir().unwrap();
    let mut app = KioskApp::new(
        examples(),
        None,
        common::monday_morning(),
        huddle::store::Store::open(data.path()),
    );
    // Another connection, as `huddle action add` in another process has.
    let mut cli = huddle::store::Store::open(data.path()).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    app.watch_database(data.path(), move || {
        let _ = tx.send(());
    });
    // Quiet while nothing is written (reading the store is no change).
    let _ = cli.records("accueil-jeunesse").unwrap();
    assert!(
        rx.recv_timeout(std::time::Duration::from_millis(600))
            .is_err()
    );
    let change = Edit::AddAction {
        title: "Appeler le CLSC".into(),
        owner: None,
        due: None,
    }
    .into_change(
        "accueil-jeunesse",
        "actions",
        "cli",
        huddle::model::Origin::Cli,
        chrono::Utc::now(),
    )
    .unwrap();
    cli.apply(&change).unwrap();
    rx.recv_timeout(std::time::Duration::from_secs(10))
        .expect("the kiosk is woken");
    drop(app);
}

/// A small file system of its own (a tmpfs: needs root, as on CI), unmounted when dropped.
struct SmallDisk(std::path::PathBuf);

impl SmallDisk {
    fn mount(dir: &std::path::Path) -> Option<Self> {
        let status = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=3m", "tmpfs"])
            .arg(dir)
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?;
        status.success().then(|| Self(dir.to_owned()))
    }

    /// Fills what is left of it; the filler's path.
    fn fill(&self) -> std::path::PathBuf {
        use std::io::Write as _;
        let filler = self.0.join("filler");
        let mut file = std::fs::File::create(&filler).unwrap();
        let block = vec![0u8; 64 << 10];
        while file.write_all(&block).is_ok() {}
        let _ = file.sync_all();
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_kiosk_started_on_a_full_disk_shows_its_board_read_only_and_saves_again_once_there_is_room() {
    let root = tempfile::tempdir().unwrap();
    let Some(disk) = SmallDisk::mount(root.path()) else {
        eprintln!("skipped: mounting a small file system needs root (CI runs as root)");
        return;
    };
    let data = root.path().join("data");
    add_an_action(&mut huddle::store::Store::open(&data).unwrap());
    let filler = disk.fill();
    let app = KioskApp::new(
        examples(),
        Some("accueil-jeunesse".into()),
        common::monday_morning(),
        huddle::store::Store::open(&data),
    );
    let mut h = harness(app);
    assert!(
        shows(&h, "Rappeler les familles en attente"),
        "the board is shown"
    );
    assert!(shows(&h, "est plein"), "and says why nothing can be saved");
    assert!(h.state().store().unwrap().disk_full().is_some());
    // Room again: the next look (a minute later at most) opens it for writing.
    std::fs::remove_file(filler).unwrap();
    h.state_mut().set_clock(at(8, 27, 0));
    h.state_mut().logic();
    assert!(h.state().store().unwrap().disk_full().is_none());
    h.run();
    assert!(!shows(&h, "est plein"), "the banner went");
    drop(h);
    drop(disk);
}
