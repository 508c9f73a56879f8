//! The kiosk as a person uses it: what each section shows, the board switcher, navigation up
//! and down the hierarchy, banners for broken files, touch taps, and idleness.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui::Vec2;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use common::{examples, finger_tap, kiosk};

#[test]
fn starts_on_the_first_front_line_board() {
    let mut h = kiosk(&examples(), None);
    h.run();
    assert_eq!(h.state().current_board(), Some("accueil-jeunesse"));
    h.get_by_label("Accueil jeunesse — AAOR");
    // Date and time as people write them, and the next huddle.
    h.get_by_label("lun. 23 nov.  08:25");
    h.get_by_label("Caucus 08:30 · 15 min");
}

#[test]
fn every_section_kind_renders_with_its_empty_state() {
    let mut h = kiosk(&examples(), Some("accueil-jeunesse"));
    h.run();
    // indicator: target with direction, and no value yet
    h.get_by_label("Liste d'attente");
    h.get_by_label("Cible ≤ 20 jeunes");
    h.get_by_label("Cible ≥ 90 %");
    assert_eq!(h.get_all_by_label("Aucune valeur encore").count(), 3);
    h.get_by_label("plus bas = mieux · quotidien");
    // actions
    h.get_by_label("Plan d'action");
    h.get_by_label("Aucune action pour l'instant — touchez + pour en ajouter");
    // ideas, with their columns and work-in-progress limit
    h.get_by_label("Idées d'amélioration");
    h.get_by_label("À l'essai (0/3)");
    h.get_by_label("Aucune idée pour l'instant — touchez + pour en ajouter");
    // escalations, saying where they go
    h.get_by_label("Aucune escalade — touchez + pour en ajouter");
    h.get_by_label("Ce que l'équipe ne peut régler seule monte à : Gestion — Services jeunesse");
    // mood
    h.get_by_label("Météo de l'équipe");
    h.get_by_label("Personne n'a encore voté aujourd'hui");
    // attendance, with the team's members
    h.get_by_label("Présences");
    h.get_by_label("Élise M.");
    h.get_by_label("0/6 présents");
    // trajectory, with its stages
    h.get_by_label("Trajectoire des jeunes");
    h.get_by_label("Référé au suivi (0)");
    h.get_by_label("Aucune fiche pour l'instant — touchez + pour en ajouter");
    // notes
    h.get_by_label("Babillard");
    h.get_by_label("Aucune annonce pour l'instant — touchez + pour en ajouter");
    // safety cross
    h.get_by_label("Croix de sécurité");
    // its legend, short in a card
    h.get_by_label("Non saisi");
}

#[test]
fn units_list_the_boards_below_and_open_them() {
    let mut h = kiosk(&examples(), Some("gestion-jeunesse"));
    h.run();
    h.get_by_label("Nos équipes");
    // No snapshot yet: each unit stands out.
    assert_eq!(h.query_all_by_label("Aucune photo").count(), 2);
    h.get_by_label("⚠ Youth Follow-up — West  ›").click();
    h.run();
    h.get_by_label("Voir son tableau  ›").click();
    h.run();
    assert_eq!(h.state().current_board(), Some("youth-follow-up"));
}

#[test]
fn units_default_to_the_boards_whose_parent_this_is() {
    let mut h = kiosk(&examples(), Some("direction-jeunesse"));
    h.run();
    h.get_by_label("⚠ Gestion — Services jeunesse  ›");
}

#[test]
fn an_english_board_speaks_english() {
    let mut h = kiosk(&examples(), Some("youth-follow-up"));
    h.run();
    h.get_by_label("Mon 23 Nov  08:25");
    h.get_by_label("Huddle 09:00 · 12 min");
    h.get_by_label("☰  Boards");
    h.get_by_label("No action yet — tap + to add one");
    h.get_by_label("Target ≥ 85 %");
    h.get_by_label("lower is better · daily");
}

#[test]
fn the_switcher_reaches_every_board_by_touch() {
    let mut h = kiosk(&examples(), None);
    h.run();
    h.get_by_label("☰  Tableaux").click();
    h.run();
    assert!(h.state().switcher_open());
    h.get_by_label("Choisir un tableau");
    for title in [
        "Accueil jeunesse — AAOR",
        "Youth Follow-up — West",
        "Gestion — Services jeunesse",
        "Direction du programme jeunesse",
        "Youth Trajectory Steering Committee",
    ] {
        assert!(
            h.query_by_role_and_label(Role::Button, title).is_some(),
            "{title}"
        );
    }
    h.get_by_role_and_label(Role::Button, "Youth Trajectory Steering Committee")
        .click();
    h.run();
    assert!(!h.state().switcher_open());
    assert_eq!(
        h.state().current_board(),
        Some("comite-trajectoire-jeunesse")
    );
    // The top of the chain has no parent button and says so on its escalations.
    h.get_by_label("This board is at the top of the chain");
}

#[test]
fn the_switcher_closes_without_a_choice() {
    let mut h = kiosk(&examples(), None);
    h.run();
    h.get_by_label("☰  Tableaux").click();
    h.run();
    h.get_by_label("✕  Fermer").click();
    h.run();
    assert!(!h.state().switcher_open());
    assert_eq!(h.state().current_board(), Some("accueil-jeunesse"));
}

#[test]
fn up_goes_to_the_parent_board() {
    let mut h = kiosk(&examples(), Some("accueil-jeunesse"));
    h.run();
    h.get_by_label("⬆ Gestion — Services jeunesse").click();
    h.run();
    assert_eq!(h.state().current_board(), Some("gestion-jeunesse"));
    h.get_by_label("⬆ Direction du programme jeunesse").click();
    h.run();
    assert_eq!(h.state().current_board(), Some("direction-jeunesse"));
}

#[test]
fn an_unknown_start_board_falls_back_to_the_first() {
    let mut h = kiosk(&examples(), Some("no-such-board"));
    h.run();
    assert_eq!(h.state().current_board(), Some("accueil-jeunesse"));
}

#[test]
fn a_broken_file_shows_a_banner_over_the_last_good_board() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(examples()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let mut h = kiosk(dir.path(), Some("gestion-jeunesse"));
    h.run();
    let file = common::save_broken_manager_board(&mut h, dir.path());
    let banner = format!(
        "⚠ {}:46:1 : clé inconnue `targte` dans la section `attente-totale` ; vouliez-vous dire `target` ? — le tableau affiché est la dernière version valide",
        file.display()
    );
    h.get_by_label(&banner);
    // The last good board is still there, whole.
    assert_eq!(h.state().current_board(), Some("gestion-jeunesse"));
    h.get_by_label("Cible ≤ 35 jeunes");
}

#[test]
fn an_empty_folder_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = kiosk(dir.path(), None);
    h.run();
    h.get_by_label(
        "Aucun tableau valide dans ce dossier. Ajoutez un fichier .toml (voir docs/boards.md).",
    );
}

#[test]
fn a_missing_folder_is_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone");
    let mut h = kiosk(&gone, None);
    h.run();
    assert!(
        h.query_by_label_contains("Dossier des tableaux illisible")
            .is_some()
    );
}

#[test]
fn idle_means_idle() {
    let mut h = kiosk(&examples(), None);
    h.run();
    // Nothing asks for the next frame before the clock's minute changes (08:25:00 → 08:26).
    let delay = h.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    assert_eq!(delay, std::time::Duration::from_secs(60));
}

#[test]
fn touch_targets_are_finger_sized() {
    let mut h = kiosk(&examples(), Some("gestion-jeunesse"));
    h.run();
    for label in [
        "☰  Tableaux",
        "⬆ Direction du programme jeunesse",
        "⚠ Accueil jeunesse — AAOR  ›",
    ] {
        let rect = h.get_by_label(label).rect();
        assert!(
            rect.height() >= 48.0 && rect.width() >= 48.0,
            "{label}: {rect:?}"
        );
    }
}

fn tap_opens_the_switcher(hold_steps: usize, wobble: Vec2) -> bool {
    let mut h = kiosk(&examples(), None);
    h.run();
    let pos = h.get_by_label("☰  Tableaux").rect().center();
    finger_tap(&mut h, pos, hold_steps, wobble);
    h.state().switcher_open()
}

#[test]
fn a_quick_finger_tap_presses_a_button() {
    assert!(tap_opens_the_switcher(0, Vec2::ZERO));
}

#[test]
fn a_slow_finger_tap_is_still_a_tap_not_a_long_press() {
    // 1.25 s: past egui's 0.8 s long-press limit, well within what people do at a wall.
    assert!(tap_opens_the_switcher(5, Vec2::ZERO));
}

#[test]
fn a_finger_that_wobbles_still_taps() {
    // A fingertip rolls a few millimetres; egui's default takes 6 points of travel for a drag.
    assert!(tap_opens_the_switcher(1, Vec2::new(9.0, 12.0)));
}

#[test]
fn a_swipe_is_not_a_tap() {
    assert!(!tap_opens_the_switcher(1, Vec2::new(0.0, 120.0)));
}

#[test]
fn a_kiosk_limited_to_some_boards_shows_and_offers_only_them() {
    let mut app = common::app(&examples(), Some("accueil-jeunesse"));
    app.show_only(vec!["youth-follow-up".into(), "gestion-jeunesse".into()]);
    assert_eq!(app.current_board(), Some("youth-follow-up"));
    let mut h = common::builder().build_ui_state(common::frame, app);
    h.run();
    h.get_by_label("☰  Boards").click();
    h.run();
    h.get_by_label("Gestion — Services jeunesse");
    assert!(h.query_by_label("Accueil jeunesse — AAOR").is_none());
    assert!(
        h.query_by_label("Direction du programme jeunesse")
            .is_none()
    );
    h.get_by_label("Gestion — Services jeunesse").click();
    h.run();
    assert_eq!(h.state().current_board(), Some("gestion-jeunesse"));
    // Its parent is not shown here: no ⬆ to it.
    assert!(
        h.query_by_label("⬆ Direction du programme jeunesse")
            .is_none()
    );
}

#[test]
fn a_private_trajectory_shows_on_a_tap_and_hides_itself_after_a_minute_without_touch() {
    let boards = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(examples()).unwrap().flatten() {
        std::fs::copy(entry.path(), boards.path().join(entry.file_name())).unwrap();
    }
    let file = boards.path().join("accueil-jeunesse.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replacen(
            "other_teams = true\n",
            "other_teams = true\nprivate = true\n",
            1,
        ),
    )
    .unwrap();
    let mut h = kiosk(boards.path(), Some("accueil-jeunesse"));
    h.run();
    // Hidden: the stages are not on screen.
    assert!(h.query_by_label("Référé au suivi (0)").is_none());
    h.get_by_label("◉ Fiches masquées — touchez pour afficher")
        .click();
    h.run();
    h.get_by_label("Référé au suivi (0)");
    // A touch 50 s later keeps it; a minute after the last touch, it hides itself.
    let at = |s: u32| {
        huddle::app::Clock::Fixed(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
                .unwrap()
                .and_hms_opt(8, 25, s)
                .unwrap(),
        )
    };
    h.state_mut().set_clock(at(50));
    h.get_by_label("Trajectoire des jeunes").click();
    h.run();
    // 90 s after it was shown, 40 s after that touch: still shown.
    h.state_mut().set_clock(huddle::app::Clock::Fixed(
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(8, 26, 30)
            .unwrap(),
    ));
    h.run();
    h.get_by_label("Référé au suivi (0)");
    let later = huddle::app::Clock::Fixed(
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(8, 26, 51)
            .unwrap(),
    );
    h.state_mut().set_clock(later);
    h.run();
    assert!(h.query_by_label("Référé au suivi (0)").is_none());
    h.get_by_label("◉ Fiches masquées — touchez pour afficher");
    // And "Masquer" hides it at once.
    h.get_by_label("◉ Fiches masquées — touchez pour afficher")
        .click();
    h.run();
    h.get_by_label("◉ Masquer").click();
    h.run();
    assert!(h.query_by_label("Référé au suivi (0)").is_none());
}
