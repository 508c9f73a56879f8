//! Vertical integration on screen: a team sends a snapshot of its board, the manager's board
//! shows it in its `units` matrix (a unit without a recent snapshot stands out), a tap opens
//! it read-only; an escalation sent up is taken and answered on the manager's board, and the
//! answer shows on the team's board.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone as _, Utc};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use huddle::app::KioskApp;
use huddle::model::{Edit, Origin};

fn until(h: &mut Harness<'_, KioskApp>, what: &str, done: impl Fn(&Harness<'_, KioskApp>) -> bool) {
    let start = Instant::now();
    loop {
        // A frame that asks for more (a scroll settling) is fine here: run again next loop.
        let _ = h.try_run();
        if done(h) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The intake team's kiosk at 08:25 on Monday, with its waiting list, sending its snapshots
/// into `dir`.
fn team_kiosk(dir: &std::path::Path) -> Harness<'static, KioskApp> {
    let app = common::app_with(
        &common::examples(),
        Some("accueil-jeunesse"),
        common::waiting_list_values,
    );
    let mut h = common::builder().build_ui_state(common::frame, app);
    h.state_mut()
        .snapshots_with(vec![dir.to_owned()], dir.to_owned(), || {});
    h.run();
    h
}

#[test]
fn a_snapshot_sent_by_a_team_shows_on_its_managers_units_and_opens_read_only() {
    let shared = tempfile::tempdir().unwrap();
    let mut team = team_kiosk(shared.path());
    team.get_by_label("⬆ Envoyer la photo").click();
    until(&mut team, "the snapshot sent", |h| {
        common::shows(h, "✓ Photo envoyée à")
    });
    let written: Vec<_> = std::fs::read_dir(shared.path().join("accueil-jeunesse"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written.len(), 2, "a JSON file and its page: {written:?}");

    let mut manager = common::builder().build_ui_state(
        common::frame,
        common::app(&common::examples(), Some("gestion-jeunesse")),
    );
    manager.state_mut().snapshots_with(
        vec![shared.path().to_owned()],
        shared.path().to_owned(),
        || {},
    );
    until(&mut manager, "the team's snapshot", |h| {
        common::shows(h, "Accueil jeunesse — AAOR  ›") && !common::shows(h, "⚠ Accueil jeunesse")
    });
    // The team measured today: its access indicators are off target (✕) and a signal runs.
    manager.get_by_label("auj.");
    manager.get_by_label("◆ 1");
    // The unit without any snapshot stands out.
    manager.get_by_label("⚠ Youth Follow-up — West  ›");
    manager.get_by_label("Aucune photo");
    // Tapped, the snapshot opens as it was sent, read-only.
    manager.get_by_label("Accueil jeunesse — AAOR  ›").click();
    manager.run();
    assert!(common::shows(&manager, "Photo en lecture seule"));
    manager.get_by_label("17 jeunes");
    assert!(manager.query_by_label("+  Saisir une valeur").is_none());
    manager.get_by_label("✓  Fermer").click();
    manager.run();
    assert!(!common::shows(&manager, "Photo en lecture seule"));
}

/// The programme's summary for all teams at a glance: a team's XmR indicator shows on its
/// manager's units matrix with its variation and assurance icons, and in the unit opened.
#[test]
fn the_units_matrix_shows_each_teams_xmr_icons() {
    let shared = tempfile::tempdir().unwrap();
    let app = common::app_with(
        &common::examples(),
        Some("accueil-jeunesse"),
        common::delay_values,
    );
    let mut team = common::builder().build_ui_state(common::frame, app);
    team.state_mut().snapshots_with(
        vec![shared.path().to_owned()],
        shared.path().to_owned(),
        || {},
    );
    team.run();
    team.get_by_label("⬆ Envoyer la photo").click();
    until(&mut team, "the snapshot sent", |h| {
        common::shows(h, "✓ Photo envoyée à")
    });
    let mut manager = common::builder().build_ui_state(
        common::frame,
        common::app(&common::examples(), Some("gestion-jeunesse")),
    );
    manager.state_mut().snapshots_with(
        vec![shared.path().to_owned()],
        shared.path().to_owned(),
        || {},
    );
    let variation = "Accueil jeunesse — AAOR · Délai moyen avant évaluation — Variation : \
                     amélioration (valeurs basses)";
    until(&mut manager, "the team's XmR icons", |h| {
        common::shows(h, variation)
    });
    manager.get_by_label(
        "Accueil jeunesse — AAOR · Délai moyen avant évaluation — Atteinte de la cible : la \
         cible sera tantôt atteinte, tantôt manquée",
    );
    manager.get_by_label("Accueil jeunesse — AAOR  ›").click();
    manager.run();
    manager.get_by_label("Variation : amélioration (valeurs basses)");
}

#[test]
fn the_end_of_a_huddle_sends_a_snapshot() {
    let shared = tempfile::tempdir().unwrap();
    let mut team = team_kiosk(shared.path());
    team.get_by_label("Commencer le caucus").click();
    team.run();
    team.get_by_label("▶  Commencer").click();
    team.run();
    team.get_by_label("Terminer le caucus").click();
    team.run();
    team.get_by_label("✓  Enregistrer et terminer").click();
    until(&mut team, "the snapshot sent", |h| {
        common::shows(h, "✓ Photo envoyée à")
    });
    let snapshot = huddle::snapshot::latest(shared.path(), "accueil-jeunesse")
        .0
        .unwrap()
        .1;
    assert_eq!(
        snapshot.last_huddle.map(|h| h.date),
        NaiveDate::from_ymd_opt(2026, 11, 23)
    );
}

#[test]
fn units_aggregate_the_latest_snapshots_and_a_stale_unit_stands_out() {
    use huddle::snapshot::shelf::Latest;
    use huddle::view::{Status, units};
    let live = huddle::layout::load_dir(&common::examples()).unwrap();
    let boards: Vec<huddle::model::Board> = live.into_iter().filter_map(|r| r.board).collect();
    let refs: Vec<&huddle::model::Board> = boards.iter().collect();
    let board = |id: &str| boards.iter().find(|b| b.id == id).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    // The intake team's board with its values, as of Monday; the follow-up team's as of the
    // Wednesday before (3 working days old).
    let mut store = huddle::store::Store::open_in_memory().unwrap();
    common::waiting_list_values(&mut store);
    let snap = |id: &str, day: NaiveDate, store: &huddle::store::Store| {
        let view =
            huddle::view::snapshot::view_as_of(board(id), &store.board_records(id).unwrap(), day);
        let at = Utc.from_utc_datetime(&day.and_hms_opt(15, 0, 0).unwrap());
        huddle::view::snapshot::build(board(id), &view, day, at, "test")
    };
    let wednesday = NaiveDate::from_ymd_opt(2026, 11, 18).unwrap();
    let latest: std::collections::BTreeMap<String, Latest> = [
        snap("accueil-jeunesse", today, &store),
        snap("youth-follow-up", wednesday, &store),
    ]
    .into_iter()
    .map(|s| {
        (
            s.board.id.clone(),
            Latest {
                path: "x".into(),
                snapshot: std::sync::Arc::new(s),
            },
        )
    })
    .collect();
    let manager = board("gestion-jeunesse");
    let listed = match &manager.section("equipes").unwrap().kind {
        huddle::model::SectionKind::Units { boards } => boards.clone(),
        _ => unreachable!(),
    };
    let rows = units(manager, &listed, &refs, &latest, today);
    assert_eq!(rows.len(), 2);
    let intake = &rows[0];
    assert_eq!(intake.board, "accueil-jeunesse");
    // 17 against a target of 20 (lower is better) is on target: access is good.
    assert_eq!(intake.categories[0], Some(Status::Good));
    assert_eq!(intake.signals, 1);
    assert_eq!(intake.age_working_days, Some(0));
    assert!(!intake.stale);
    let follow_up = &rows[1];
    assert_eq!(follow_up.age_working_days, Some(3));
    assert!(follow_up.stale);
    assert_eq!(follow_up.categories, [None; 5]);
    // A unit listed with no snapshot at all is stale too; an unknown board keeps its id.
    let rows = units(manager, &["nowhere".into()], &refs, &latest, today);
    assert_eq!(rows[0].title, "nowhere");
    assert!(rows[0].stale && rows[0].snapshot.is_none());
}

#[test]
fn an_escalation_is_taken_and_answered_on_the_managers_board_and_the_answer_shows_below() {
    // One store stands for the shared data of both kiosks (sync is tested elsewhere).
    let mut store = huddle::store::Store::open_in_memory().unwrap();
    let raised = Edit::RaiseEscalation {
        title: "Pas de local pour les groupes".into(),
        why: "La salle est prise".into(),
        to: Some("gestion-jeunesse".into()),
        due: NaiveDate::from_ymd_opt(2026, 11, 19),
    }
    .into_change(
        "accueil-jeunesse",
        "escalades",
        "Julie",
        Origin::Screen,
        Utc.with_ymd_and_hms(2026, 11, 16, 9, 0, 0).unwrap(),
    )
    .unwrap();
    store.apply(&raised).unwrap();
    let dir = tempfile::tempdir().unwrap();
    huddle::store::Store::open(dir.path()).unwrap();
    let app = KioskApp::new(
        common::examples(),
        Some("gestion-jeunesse".into()),
        common::monday_morning(),
        Ok(store),
    );
    let mut h = common::builder().build_ui_state(common::frame, app);
    h.run();
    // Received, from the team, late (due last Thursday).
    h.get_by_label("▼ Pas de local pour les groupes — de Accueil jeunesse — AAOR");
    assert!(common::shows(&h, "✕ En retard"));
    h.get_by_label("Prendre en charge : Pas de local pour les groupes")
        .click();
    h.run();
    assert!(common::shows(&h, "Prise en charge"));
    assert!(
        h.query_by_label("Prendre en charge : Pas de local pour les groupes")
            .is_none()
    );
    h.get_by_label("Répondre : Pas de local pour les groupes")
        .click();
    h.run();
    for c in "204".chars() {
        h.get_by_role_and_label(Role::Button, &c.to_string())
            .click();
        h.run();
    }
    h.get_by_label("✓  Enregistrer").click();
    h.run();
    assert!(common::shows(
        &h,
        "Réponse de Gestion — Services jeunesse : 204"
    ));
    assert!(!common::shows(&h, "✕ En retard"));
    // The record is the team's: its board shows the answer and closes it.
    let store = h.state().store().unwrap();
    let records = store.records("accueil-jeunesse").unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].fields["status"], "answered");
    assert_eq!(records[0].fields["answered_by"], "gestion-jeunesse");
    assert!(store.records("gestion-jeunesse").unwrap().is_empty());
}

#[test]
fn a_trajectory_shows_the_other_teams_clients_read_only_and_a_hand_over_on_both_boards() {
    let add =
        |store: &mut huddle::store::Store, board: &str, section: &str, code: &str, stage: &str| {
            let change = Edit::AddClient {
                code: code.into(),
                stage: stage.into(),
                since: NaiveDate::from_ymd_opt(2026, 11, 16).unwrap(),
                next_step: String::new(),
                owner: None,
            }
            .into_change(
                board,
                section,
                "test",
                Origin::Screen,
                Utc.with_ymd_and_hms(2026, 11, 16, 9, 0, 0).unwrap(),
            )
            .unwrap();
            store.apply(&change).unwrap();
        };
    let seed = |store: &mut huddle::store::Store| {
        add(
            store,
            "accueil-jeunesse",
            "trajectoire",
            "J-1234",
            "Référé au suivi",
        );
        add(
            store,
            "accueil-jeunesse",
            "trajectoire",
            "J-5555",
            "Analyse",
        );
        add(store, "youth-follow-up", "clients", "J-1234", "Referred");
        add(store, "youth-follow-up", "clients", "Y-0042", "Follow-up");
    };
    for (board, own, other_team) in [
        (
            "accueil-jeunesse",
            "J-5555",
            "Youth Follow-up — West — lecture seule",
        ),
        (
            "youth-follow-up",
            "Y-0042",
            "Accueil jeunesse — AAOR — read-only",
        ),
    ] {
        let app = common::app_with(&common::examples(), Some(board), seed);
        let mut h = common::builder().build_ui_state(common::frame, app);
        h.run();
        h.get_by_label(own);
        // The card counts the other team's clients; opened, the section shows them.
        assert!(h.query_by_label(other_team).is_none(), "{board}");
        h.get_by_label_contains("+2 ").click();
        h.run();
        h.get_by_label(other_team);
        // The other team's clients have no button to move them; the hand-over is marked on
        // both boards, on this board's own client (in the card, and in the section opened
        // over it) and in the other team's list.
        assert!(common::shows(&h, "⇄ J-1234 ·"), "{board}");
        assert_eq!(h.query_all_by_label("⇄ J-1234").count(), 2, "{board}");
        let moves = h
            .query_all_by_role(Role::Button)
            .filter(|n| {
                let label = n.accesskit_node().label().unwrap_or_default();
                label.starts_with("▶ ") || label == "✓ Terminer" || label == "✓ Done"
            })
            .count();
        assert_eq!(
            moves, 4,
            "{board}: only its own clients move, in the card and opened"
        );
    }
}

/// An escalation raised straight to a board above the parent says where it went on the team's
/// board, under the line saying that escalations go to the parent.
#[test]
fn an_escalation_sent_past_the_parent_says_where_it_went() {
    let app = common::app_with(&common::examples(), Some("accueil-jeunesse"), |store| {
        let change = Edit::RaiseEscalation {
            title: "Pas de local".to_owned(),
            why: "Salle prise".to_owned(),
            to: Some("direction-jeunesse".to_owned()),
            due: None,
        }
        .into_change(
            "accueil-jeunesse",
            "escalades",
            "Amélie R.",
            Origin::Screen,
            Utc::now(),
        )
        .unwrap();
        store.apply(&change).unwrap();
    });
    let mut h = common::builder().build_ui_state(common::frame, app);
    h.run();
    assert!(
        common::shows(&h, "montée à Direction du programme jeunesse"),
        "the escalation names the board it went to"
    );
}
