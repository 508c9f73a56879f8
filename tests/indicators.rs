//! An indicator read large: its chart, the run-chart signals in plain words, and entering a
//! value from there.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use huddle::view::SectionView;

/// The intake board with twelve days of its waiting list, on a 1080p screen.
fn with_values() -> egui_kittest::Harness<'static, huddle::app::KioskApp> {
    let app = common::app_with(
        &common::examples(),
        Some("accueil-jeunesse"),
        common::waiting_list_values,
    );
    let mut h = common::builder().build_ui_state(common::frame, app);
    h.run();
    h
}

#[test]
fn tapping_an_indicator_shows_it_large_with_its_signals_in_plain_words() {
    let mut h = with_values();
    const SHIFT: &str = "◆ Déplacement : 6 points sous la médiane depuis le ven. 13 nov.";
    const TREND: &str = "◆ Tendance : 7 points à la baisse depuis le mer. 11 nov.";
    let count = |h: &egui_kittest::Harness<'_, _>, label| h.query_all_by_label(label).count();
    // The card says the signal going on; the chart is not open yet.
    assert!(
        h.query_by_label("Médiane : 21,5 jeunes · 12 valeurs")
            .is_none()
    );
    let on_card = (count(&h, SHIFT), count(&h, TREND));
    assert_eq!(on_card.0 + on_card.1, 1, "the card names one signal");
    h.get_by_label("Voir en grand : Liste d'attente").click();
    h.run();
    assert_eq!(
        h.state().ui_state().chart_open.as_deref(),
        Some("liste-attente")
    );
    h.get_by_label("Médiane : 21,5 jeunes · 12 valeurs");
    // Every signal of the series, in words, with the day it started.
    assert_eq!(count(&h, SHIFT), on_card.0 + 1);
    assert_eq!(count(&h, TREND), on_card.1 + 1);
    // From the chart, a value is one tap away.
    h.get_by_role_and_label(Role::Button, "+  Saisir une valeur")
        .click();
    h.run();
    assert!(h.state().ui_state().chart_open.is_none());
    let form = h.state().ui_state().form.as_ref().expect("the value form");
    assert_eq!(form.section, "liste-attente");
}

#[test]
fn the_chart_closes_and_says_when_there_is_no_signal() {
    let app = common::app_with(&common::examples(), Some("accueil-jeunesse"), |store| {
        let csv = "2026-11-19;20\n2026-11-20;22\n2026-11-23;21\n";
        common::waiting_list_from(store, csv, "t", chrono::Utc::now());
    });
    let mut h = common::builder().build_ui_state(common::frame, app);
    h.run();
    h.get_by_label("Voir en grand : Liste d'attente").click();
    h.run();
    h.get_by_label_contains("Aucun signal");
    h.get_by_label_contains("au moins 10 valeurs");
    h.get_by_role_and_label(Role::Button, "✓  Fermer").click();
    h.run();
    assert!(h.state().ui_state().chart_open.is_none());
    match h.state().view().sections.get("liste-attente") {
        Some(SectionView::Indicator(i)) => assert_eq!(i.values.len(), 3),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_tap_on_the_number_or_the_words_of_the_card_opens_the_chart_too() {
    for at in ["number", "target"] {
        let mut h = with_values();
        let label = match at {
            "number" => "✓ 17",
            _ => "Cible ≤ 20 jeunes",
        };
        let pos = h.get_by_label(label).rect().center();
        common::finger_tap(&mut h, pos, 0, egui::Vec2::ZERO);
        assert_eq!(
            h.state().ui_state().chart_open.as_deref(),
            Some("liste-attente"),
            "a tap on the {at}"
        );
    }
}

/// The intake board with twenty-two weeks of its delay before evaluation (an XmR indicator).
fn with_delays() -> egui_kittest::Harness<'static, huddle::app::KioskApp> {
    let app = common::app_with(
        &common::examples(),
        Some("accueil-jeunesse"),
        common::delay_values,
    );
    let mut h = common::builder().build_ui_state(common::frame, app);
    h.run();
    h
}

#[test]
fn an_xmr_indicator_shows_its_two_icons_and_its_chart_with_the_change() {
    let mut h = with_delays();
    // The card: the variation icon (the latest week is below the lower limit of the phase
    // that began with the change, and lower is better) and the assurance icon (the target of
    // 12 lies between the limits of that phase).
    h.get_by_label("Variation : amélioration (valeurs basses)");
    h.get_by_label("Atteinte de la cible : la cible sera tantôt atteinte, tantôt manquée");
    h.get_by_label("◆ sous la limite inférieure");
    // The view: two phases, the second from the change.
    match h.state().view().sections.get("delai-evaluation") {
        Some(SectionView::Indicator(i)) => {
            let x = i.xmr.as_ref().expect("an XmR chart");
            assert_eq!(x.chart.phases.len(), 2);
            assert_eq!(x.chart.phases[1].from.to_string(), "2026-10-05");
            assert_eq!(x.changes[0].label, "Nouveau triage au téléphone");
        }
        other => panic!("{other:?}"),
    }
    // Opened: the rule of the latest point in words, and a warning that the new phase has
    // too few weeks for its limits to be trusted yet.
    h.get_by_label("Voir en grand : Délai moyen avant évaluation")
        .click();
    h.run();
    h.get_by_label_contains(
        "Dernier point (lun. 23 nov.) : sous la limite inférieure — amélioration (valeurs basses)",
    );
    h.get_by_label_contains("ses limites ne sont pas encore fiables");
    h.get_by_label_contains("Cause spéciale = un point hors des limites");
    // A run-chart indicator beside it keeps its run chart and icons are not drawn for it.
    assert!(h.query_by_label_contains("Variation : ").is_some());
    assert_eq!(h.query_all_by_label_contains("Variation : ").count(), 1);
}

/// The changes of an XmR indicator in its view: their labels, oldest first.
fn changes(h: &egui_kittest::Harness<'_, huddle::app::KioskApp>) -> Vec<String> {
    match h.state().view().sections.get("delai-evaluation") {
        Some(SectionView::Indicator(i)) => i
            .xmr
            .as_ref()
            .map(|x| x.changes.iter().map(|c| c.label.clone()).collect())
            .unwrap_or_default(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_change_marked_on_the_chart_starts_a_new_phase_and_undo_takes_it_back() {
    let mut h = with_delays();
    assert_eq!(changes(&h), ["Nouveau triage au téléphone"]);
    h.get_by_label("Voir en grand : Délai moyen avant évaluation")
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, "▶  Noter un changement")
        .click();
    h.run();
    // The form: what changed, and since when (today unless told otherwise).
    let form = h.state().ui_state().form.as_ref().expect("the change form");
    assert_eq!(form.section, "delai-evaluation");
    h.get_all_by_role(Role::TextInput)
        .next()
        .expect("a text field")
        .focus();
    h.run();
    h.get_all_by_role(Role::TextInput)
        .next()
        .expect("a text field")
        .type_text("Rappel des familles");
    h.run();
    h.get_by_role_and_label(Role::Button, "✓  Enregistrer")
        .click();
    h.run();
    assert!(h.state().ui_state().form.is_none(), "saved and closed");
    assert_eq!(
        changes(&h),
        ["Nouveau triage au téléphone", "Rappel des familles"]
    );
    // Marked today (Monday 23 November), the latest week begins a phase of its own.
    match h.state().view().sections.get("delai-evaluation") {
        Some(SectionView::Indicator(i)) => {
            let x = i.xmr.as_ref().unwrap();
            assert_eq!(x.chart.phases.len(), 3);
            assert_eq!(x.chart.phases[2].from.to_string(), "2026-11-23");
        }
        other => panic!("{other:?}"),
    }
    // Like any change: undone from the bar.
    h.get_by_role_and_label(Role::Button, "↶ Défaire").click();
    h.run();
    assert_eq!(changes(&h), ["Nouveau triage au téléphone"]);
}

#[test]
fn an_idea_put_to_the_test_is_one_tap_from_a_change_on_the_chart() {
    use huddle::model::{Edit, Origin};
    let app = common::app_with(&common::examples(), Some("accueil-jeunesse"), |store| {
        common::delay_values(store);
        for i in 0..5 {
            let change = Edit::AddIdea {
                title: format!("Idée {i} : rappeler les familles la veille"),
                by: None,
                column: "À l'essai".to_owned(),
            }
            .into_change(
                "accueil-jeunesse",
                "idees",
                "Benoît T.",
                Origin::Screen,
                chrono::Utc::now(),
            )
            .expect("an idea");
            store.apply(&change).expect("stored");
        }
    });
    let mut h = common::builder().build_ui_state(common::frame, app);
    h.run();
    // The ideas opened whole, from the cue of those the card leaves out.
    h.get_all_by_label_contains(": Idées d'amélioration")
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with('+'))
        })
        .expect("the cue of the ideas left out")
        .click();
    h.run();
    h.get_all_by_role_and_label(Role::Button, "▶ Noter sur un graphique")
        .next()
        .expect("an idea being tested can be marked")
        .click();
    h.run();
    let form = h.state().ui_state().form.as_ref().expect("the change form");
    assert_eq!(form.target_section(), "delai-evaluation");
    assert!(form.idea.is_some(), "linked to its idea");
    h.get_by_role_and_label(Role::Button, "✓  Enregistrer")
        .click();
    h.run();
    assert!(h.state().ui_state().form.is_none(), "saved");
    let labels = changes(&h);
    assert_eq!(labels.len(), 2, "{labels:?}");
    assert!(
        labels[1].ends_with("rappeler les familles la veille"),
        "{labels:?}"
    );
}
