//! What a team does at the board at 8 a.m., by touch, checked through the store: record a
//! value, add an action, move an idea, vote mood, take attendance, move a client, colour a day
//! of the safety cross, undo — and the refusals of bad input.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use huddle::app::KioskApp;
use huddle::model::EntryKind;
use huddle::store::Record;
use serde_json::json;

use common::{examples, kiosk};

const BOARD: &str = "accueil-jeunesse";

fn board() -> Harness<'static, KioskApp> {
    let mut h = kiosk(&examples(), Some(BOARD));
    h.run();
    h
}

fn records(h: &Harness<'_, KioskApp>, kind: EntryKind) -> Vec<Record> {
    h.state()
        .store()
        .unwrap()
        .records(BOARD)
        .unwrap()
        .into_iter()
        .filter(|r| r.kind == kind)
        .collect()
}

fn tap(h: &mut Harness<'_, KioskApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

fn tap_button(h: &mut Harness<'_, KioskApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

/// Taps the button in the open dialog (a member's name is also a button of the board behind).
fn tap_in_dialog(h: &mut Harness<'_, KioskApp>, label: &str) {
    h.get_all_by_role_and_label(Role::Button, label)
        .last()
        .expect(label)
        .click();
    h.run();
}

/// Types on a physical keyboard into the `index`th text field of the open form.
fn type_into(h: &mut Harness<'_, KioskApp>, index: usize, text: &str) {
    h.get_all_by_role(Role::TextInput)
        .nth(index)
        .expect("a text field")
        .focus();
    h.run();
    h.get_all_by_role(Role::TextInput)
        .nth(index)
        .expect("a text field")
        .type_text(text);
    h.run();
}

/// Types on the on-screen keyboard, key by key.
fn keys(h: &mut Harness<'_, KioskApp>, text: &str) {
    for c in text.chars() {
        let key = if c == ' ' {
            "espace".to_owned()
        } else {
            c.to_string()
        };
        tap_button(h, &key);
    }
}

#[test]
fn record_a_value_with_the_keypad() {
    let mut h = board();
    tap(&mut h, "Ajouter : Liste d'attente");
    h.get_by_label("Valeur");
    keys(&mut h, "17,5");
    tap(&mut h, "✓  Enregistrer");
    assert!(h.state().ui_state().form.is_none(), "the form closes");
    let values = records(&h, EntryKind::Value);
    assert_eq!(values.len(), 1);
    assert_eq!(values[0].fields["value"], json!(17.5));
    assert_eq!(values[0].fields["date"], json!("2026-11-23"));
    assert_eq!(values[0].section, "liste-attente");
    // On the board: the value with its status shape, and who entered it.
    h.get_by_label("✓ 17,5");
    h.get_by_label("Liste d'attente — modifié par la borne à 08:25");
}

#[test]
fn a_value_for_a_past_day() {
    let mut h = board();
    tap(&mut h, "Ajouter : Délai moyen avant évaluation");
    keys(&mut h, "16");
    tap_button(&mut h, "◀");
    tap_button(&mut h, "◀");
    tap(&mut h, "✓  Enregistrer");
    let values = records(&h, EntryKind::Value);
    // Saturday 21 November, for a weekly indicator: the week of Monday the 16th.
    assert_eq!(values[0].fields["date"], json!("2026-11-16"));
    // 16 days, lower is better, target 12, warning 15: off target.
    h.get_by_label("✕ 16");
}

#[test]
fn a_value_that_is_not_a_number_is_refused_and_nothing_is_stored() {
    let mut h = board();
    tap(&mut h, "Ajouter : Liste d'attente");
    keys(&mut h, ",");
    tap(&mut h, "✓  Enregistrer");
    assert!(h.query_by_label_contains("n'est pas un nombre").is_some());
    assert!(
        h.state().ui_state().form.is_some(),
        "the form stays open with what was typed"
    );
    assert!(records(&h, EntryKind::Value).is_empty());
    tap(&mut h, "✕  Annuler");
    assert!(h.state().ui_state().form.is_none());
}

#[test]
fn add_an_action_with_owner_and_due_date() {
    let mut h = board();
    tap_button(&mut h, "Ajouter : Plan d'action");
    keys(&mut h, "appeler");
    // A physical keyboard works too.
    type_into(&mut h, 0, " l'école");
    tap_in_dialog(&mut h, "Chloé D.");
    tap_button(&mut h, "+1 sem.");
    tap(&mut h, "✓  Enregistrer");
    let actions = records(&h, EntryKind::Action);
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].fields["title"], json!("appeler l'école"));
    assert_eq!(actions[0].fields["owner"], json!("Chloé D."));
    assert_eq!(actions[0].fields["due"], json!("2026-11-30"));
    assert_eq!(actions[0].fields["status"], json!("todo"));
    h.get_by_label("appeler l'école");
    // Its status moves on with a tap.
    tap_button(&mut h, "À faire");
    assert_eq!(
        records(&h, EntryKind::Action)[0].fields["status"],
        json!("doing")
    );
    tap_button(&mut h, "En cours");
    assert_eq!(
        records(&h, EntryKind::Action)[0].fields["status"],
        json!("done")
    );
}

#[test]
fn an_action_without_a_title_is_refused() {
    let mut h = board();
    tap_button(&mut h, "Ajouter : Plan d'action");
    tap(&mut h, "✓  Enregistrer");
    h.get_by_label("✕ Le champ « Quoi » est vide : écrivez quelques mots");
    assert!(records(&h, EntryKind::Action).is_empty());
}

#[test]
fn move_an_idea_by_tap() {
    let mut h = board();
    tap_button(&mut h, "Ajouter : Idées d'amélioration");
    keys(&mut h, "tableau");
    tap(&mut h, "✓  Enregistrer");
    assert_eq!(
        records(&h, EntryKind::Idea)[0].fields["column"],
        json!("Proposée")
    );
    h.get_by_label("Proposée (1)");
    tap_button(&mut h, "▶ À l'essai");
    assert_eq!(
        records(&h, EntryKind::Idea)[0].fields["column"],
        json!("À l'essai")
    );
    h.get_by_label("À l'essai (1/3)");
    tap_button(&mut h, "◀ Proposée");
    assert_eq!(
        records(&h, EntryKind::Idea)[0].fields["column"],
        json!("Proposée")
    );
}

#[test]
fn a_column_over_its_limit_is_flagged() {
    let mut h = board();
    for _ in 0..4 {
        tap_button(&mut h, "Ajouter : Idées d'amélioration");
        keys(&mut h, "x");
        tap(&mut h, "✓  Enregistrer");
    }
    for _ in 0..4 {
        h.get_all_by_role_and_label(Role::Button, "▶ À l'essai")
            .next()
            .unwrap()
            .click();
        h.run();
    }
    h.get_by_label("À l'essai (4/3)");
    h.get_by_label("! limite dépassée");
}

#[test]
fn vote_mood_anonymously() {
    let mut h = board();
    tap_button(&mut h, "Très bien");
    tap_button(&mut h, "Très bien");
    tap_button(&mut h, "Moyen");
    let votes = records(&h, EntryKind::Mood);
    assert_eq!(votes.len(), 3);
    assert!(
        votes.iter().all(|v| v.created_by == "—"),
        "no name goes with a vote"
    );
    let faces: Vec<_> = votes.iter().map(|v| v.fields["face"].clone()).collect();
    assert_eq!(faces, [json!(4), json!(4), json!(2)]);
    h.get_by_label("2");
}

#[test]
fn take_attendance() {
    let mut h = board();
    tap_button(&mut h, "Amélie R.");
    tap_button(&mut h, "Farid K.");
    h.get_by_label("2/6 présents");
    tap_button(&mut h, "✓ Farid K.");
    let present: Vec<_> = records(&h, EntryKind::Attendance)
        .into_iter()
        .filter(|r| r.fields["present"] == json!(true))
        .map(|r| r.fields["member"].clone())
        .collect();
    assert_eq!(present, [json!("Amélie R.")]);
}

#[test]
fn add_and_move_a_client_with_a_warning_for_names() {
    let mut h = board();
    tap_button(&mut h, "Ajouter : Trajectoire des jeunes");
    type_into(&mut h, 0, "Jean Tremblay");
    h.get_by_label("⚠ Ceci ressemble à un nom. N'inscrivez qu'un code d'usager, jamais un nom.");
    tap(&mut h, "✓  Enregistrer");
    tap(&mut h, "✓  Enregistrer");
    assert!(
        records(&h, EntryKind::Client).is_empty(),
        "a name is never saved, however often Save is tapped"
    );
    // The refusal comes back to the form, which stays open with what was typed; it is not a
    // problem of the store, so no banner says the data cannot be saved.
    assert_eq!(
        h.state()
            .ui_state()
            .form
            .as_ref()
            .and_then(|f| f.error.as_deref()),
        Some("Ceci ressemble à un nom. N'inscrivez qu'un code d'usager, jamais un nom.")
    );
    assert!(
        h.query_by_label_contains("Les données ne peuvent pas être enregistrées")
            .is_none()
    );
    // The refusal is the warning already shown: it is said once.
    assert_eq!(
        h.query_all_by_label_contains("ressemble à un nom").count(),
        1
    );
    // The facilitator fixes it with a code.
    for _ in 0.."Jean Tremblay".len() {
        tap_button(&mut h, "⌫");
    }
    type_into(&mut h, 0, "J-2026-114");
    assert!(h.query_by_label_contains("ressemble à un nom").is_none());
    tap(&mut h, "✓  Enregistrer");
    let clients = records(&h, EntryKind::Client);
    assert_eq!(clients.len(), 1);
    assert_eq!(clients[0].fields["code"], json!("J-2026-114"));
    assert_eq!(clients[0].fields["stage"], json!("Réception"));
    tap_button(&mut h, "▶ Analyse");
    assert_eq!(
        records(&h, EntryKind::Client)[0].fields["stage"],
        json!("Analyse")
    );
    h.get_by_label("Analyse (1)");
}

#[test]
fn colour_a_day_of_the_safety_cross() {
    let mut h = board();
    // The card shows the month small; a tap opens it with finger-sized days.
    assert!(
        h.query_by_role_and_label(Role::Button, "lun. 23 nov.")
            .is_none()
    );
    tap(&mut h, "Touchez pour saisir : Croix de sécurité");
    let day = h.get_by_role_and_label(Role::Button, "lun. 23 nov.").rect();
    assert!(day.width() >= 48.0 && day.height() >= 48.0, "{day:?}");
    tap_button(&mut h, "lun. 23 nov.");
    assert_eq!(
        records(&h, EntryKind::Safety)[0].fields["level"],
        json!("none")
    );
    tap_button(&mut h, "lun. 23 nov.");
    assert_eq!(
        records(&h, EntryKind::Safety)[0].fields["level"],
        json!("minor")
    );
    tap_button(&mut h, "ven. 20 nov.");
    assert_eq!(records(&h, EntryKind::Safety).len(), 2);
    // Future days cannot be coloured.
    assert!(
        h.query_by_role_and_label(Role::Button, "mar. 24 nov.")
            .is_none()
    );
    tap(&mut h, "✓  Fermer");
    assert!(h.state().ui_state().safety_open.is_none());
}

#[test]
fn add_a_note_and_raise_an_escalation() {
    let mut h = board();
    tap_button(&mut h, "Ajouter : Babillard");
    keys(&mut h, "bravo");
    tap(&mut h, "Non");
    tap(&mut h, "✓  Enregistrer");
    assert_eq!(
        records(&h, EntryKind::Note)[0].fields["recognition"],
        json!(true)
    );
    h.get_by_label("★ bravo");

    tap_button(&mut h, "Ajouter : Escalades");
    type_into(&mut h, 0, "Salle de rencontre");
    tap(&mut h, "✓  Enregistrer");
    let refusal = h
        .query_by_label_contains("est vide")
        .map(|n| format!("{n:?}"));
    let refusal = refusal.expect("a refusal is shown");
    assert!(
        refusal.contains("✕ Le champ « Pourquoi » est vide : écrivez quelques mots"),
        "{refusal}"
    );
    type_into(&mut h, 1, "Aucune salle libre le matin");
    tap(&mut h, "✓  Enregistrer");
    let e = &records(&h, EntryKind::Escalation)[0];
    assert_eq!(e.fields["to"], json!("gestion-jeunesse"));
    assert_eq!(e.fields["status"], json!("open"));
}

#[test]
fn undo_the_last_change() {
    let mut h = board();
    tap_button(&mut h, "Amélie R.");
    tap(&mut h, "Ajouter : Liste d'attente");
    keys(&mut h, "40");
    tap(&mut h, "✓  Enregistrer");
    h.get_by_label("✕ 40");
    tap_button(&mut h, "↶ Défaire");
    assert!(records(&h, EntryKind::Value).is_empty());
    assert!(h.query_by_label("✕ 40").is_none());
    // Amélie is still marked present; undo again removes that too.
    tap_button(&mut h, "↶ Défaire");
    let present: Vec<_> = records(&h, EntryKind::Attendance)
        .into_iter()
        .filter(|r| r.fields["present"] == json!(true))
        .collect();
    assert!(present.is_empty());
}

#[test]
fn changes_carry_the_name_of_who_is_at_the_screen() {
    let mut h = board();
    tap_button(&mut h, "☺ Qui êtes-vous?");
    tap_in_dialog(&mut h, "Benoît T.");
    h.get_by_label("☺ Benoît T.");
    tap(&mut h, "Ajouter : Liste d'attente");
    keys(&mut h, "12");
    tap(&mut h, "✓  Enregistrer");
    assert_eq!(records(&h, EntryKind::Value)[0].created_by, "Benoît T.");
    h.get_by_label("Liste d'attente — modifié par Benoît T. à 08:25");
}

#[test]
fn an_english_board_takes_input_in_english() {
    let mut h = kiosk(&examples(), Some("youth-follow-up"));
    h.run();
    tap(&mut h, "Add : First meeting within 30 days");
    keys(&mut h, "87.5");
    tap(&mut h, "✓  Save");
    h.get_by_label("✓ 87.5");
}

#[test]
fn every_button_is_finger_sized() {
    let mut h = board();
    tap_button(&mut h, "Ajouter : Idées d'amélioration");
    keys(&mut h, "x");
    tap(&mut h, "✓  Enregistrer");
    tap_button(&mut h, "Ajouter : Plan d'action");
    keys(&mut h, "y");
    tap(&mut h, "✓  Enregistrer");
    tap_button(&mut h, "Ajouter : Trajectoire des jeunes");
    keys(&mut h, "z");
    tap(&mut h, "✓  Enregistrer");
    tap_button(&mut h, "Amélie R.");
    let mut checked = 0;
    for button in h.get_all_by_role(Role::Button) {
        let r = button.rect();
        assert!(
            r.width() >= 48.0 && r.height() >= 48.0,
            "{button:?} is {r:?}"
        );
        checked += 1;
    }
    assert!(checked > 20, "{checked}");
    // And in a form, every key of the keyboard.
    tap_button(&mut h, "Ajouter : Babillard");
    for button in h.get_all_by_role(Role::Button) {
        let r = button.rect();
        assert!(
            r.width() >= 48.0 && r.height() >= 48.0,
            "{button:?} is {r:?}"
        );
    }
}

#[test]
fn a_day_of_the_safety_cross_takes_a_note() {
    let mut h = board();
    tap(&mut h, "Touchez pour saisir : Croix de sécurité");
    h.get_by_label("Touchez un jour pour changer sa couleur");
    tap_button(&mut h, "lun. 23 nov.");
    tap_button(&mut h, "lun. 23 nov.");
    keys(&mut h, "chute");
    tap_button(&mut h, "Enregistrer la note");
    let day = &records(&h, EntryKind::Safety)[0];
    assert_eq!(day.fields["level"], json!("minor"));
    assert_eq!(day.fields["note"], json!("chute"));
    // Changing the colour keeps the note.
    tap_button(&mut h, "lun. 23 nov.");
    let day = &records(&h, EntryKind::Safety)[0];
    assert_eq!(day.fields["level"], json!("serious"));
    assert_eq!(day.fields["note"], json!("chute"));
}

#[test]
fn an_escalation_can_go_past_the_parent() {
    let mut h = board();
    tap_button(&mut h, "Ajouter : Escalades");
    type_into(&mut h, 0, "Locaux");
    type_into(&mut h, 1, "Bail échu");
    tap_button(&mut h, "Direction du programme jeunesse (Direction)");
    tap(&mut h, "✓  Enregistrer");
    assert_eq!(
        records(&h, EntryKind::Escalation)[0].fields["to"],
        json!("direction-jeunesse")
    );
}

#[test]
fn an_idea_can_be_dragged_to_another_column() {
    let mut h = board();
    tap_button(&mut h, "Ajouter : Idées d'amélioration");
    keys(&mut h, "affiche");
    tap(&mut h, "✓  Enregistrer");
    let from = h.get_by_label("affiche").rect().center();
    let to = h.get_by_label("Adoptée (0)").rect().center() + egui::vec2(0.0, 60.0);
    h.drag_at(from);
    h.run();
    // The finger moves across in a few steps, as a real drag does.
    for k in 1..=5 {
        h.hover_at(from + (to - from) * (k as f32 / 5.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
    assert_eq!(
        records(&h, EntryKind::Idea)[0].fields["column"],
        json!("Adoptée")
    );
    h.get_by_label("Adoptée (1)");
}

#[test]
fn a_client_past_the_last_stage_leaves_the_board() {
    let mut h = board();
    tap_button(&mut h, "Ajouter : Trajectoire des jeunes");
    keys(&mut h, "j-9");
    tap(&mut h, "✓  Enregistrer");
    for next in ["▶ Analyse", "▶ Orientation", "▶ Référé au suivi"] {
        tap_button(&mut h, next);
    }
    assert_eq!(
        records(&h, EntryKind::Client)[0].fields["stage"],
        json!("Référé au suivi")
    );
    tap_button(&mut h, "✓ Terminer");
    assert!(records(&h, EntryKind::Client).is_empty());
    // Still in the history, and undo brings it back.
    tap_button(&mut h, "↶ Défaire");
    assert_eq!(
        records(&h, EntryKind::Client)[0].fields["stage"],
        json!("Référé au suivi")
    );
}

#[test]
fn an_ongoing_shift_is_said_on_the_indicator() {
    let mut h = board();
    // Six low weeks, then six high ones: the last six points sit above the median.
    let values = [
        10.0, 11.0, 10.0, 12.0, 11.0, 10.0, 16.0, 17.0, 16.0, 18.0, 17.0, 16.0,
    ];
    for (i, value) in values.iter().enumerate() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 12 + i as u32).unwrap();
        h.state_mut().apply(huddle::ui::UiCommand::Edit {
            section: "liste-attente".into(),
            edit: huddle::model::Edit::SetValue {
                date,
                value: *value,
            },
        });
    }
    h.run();
    h.get_by_label("◆ Déplacement : 6 points au-dessus de la médiane depuis le mer. 18 nov.");
}

#[test]
fn the_due_date_buttons_stay_where_they_are_whatever_the_date() {
    let mut h = board();
    tap_button(&mut h, "Ajouter : Plan d'action");
    let place = |h: &Harness<'_, KioskApp>| {
        ["◀", "▶", "+1 sem.", "+1 mois", "Aucune date"]
            .map(|label| h.get_by_role_and_label(Role::Button, label).rect())
    };
    let before = place(&h);
    tap_button(&mut h, "+1 sem.");
    assert_eq!(place(&h), before, "after a date is chosen");
    tap_button(&mut h, "▶");
    tap_button(&mut h, "+1 mois");
    assert_eq!(place(&h), before, "after a longer date");
    tap_button(&mut h, "Aucune date");
    assert_eq!(place(&h), before, "after the date is cleared");
}

/// Erases `n` characters of the field being typed, on the on-screen keyboard.
fn erase(h: &mut Harness<'_, KioskApp>, n: usize) {
    for _ in 0..n {
        tap_button(h, "⌫");
    }
}

#[test]
fn correct_an_action_by_touch_keeping_its_place_and_history() {
    let mut h = board();
    tap_button(&mut h, "Ajouter : Plan d'action");
    keys(&mut h, "apeler");
    tap_in_dialog(&mut h, "Chloé D.");
    tap(&mut h, "✓  Enregistrer");
    tap_button(&mut h, "À faire");
    let made = records(&h, EntryKind::Action);
    assert_eq!(made.len(), 1);

    // A tap on its words opens it in the form it was made with, filled in.
    tap_button(&mut h, "Corriger : apeler");
    h.get_by_label("✎ Corriger — Plan d'action");
    erase(&mut h, "apeler".len() - 1);
    keys(&mut h, "ppeler l'école");
    tap_in_dialog(&mut h, "Chloé D.");
    tap_in_dialog(&mut h, "Farid K.");
    tap_button(&mut h, "+1 sem.");
    tap(&mut h, "✓  Enregistrer");
    assert!(h.state().ui_state().form.is_none(), "the form closes");

    let now = records(&h, EntryKind::Action);
    assert_eq!(now.len(), 1, "corrected, not added again");
    assert_eq!(now[0].id, made[0].id, "the same entry, in its place");
    assert_eq!(now[0].fields["title"], json!("appeler l'école"));
    assert_eq!(now[0].fields["owner"], json!("Farid K."));
    assert_eq!(now[0].fields["due"], json!("2026-11-30"));
    assert_eq!(now[0].fields["status"], json!("doing"), "its status stands");
    h.get_by_label("appeler l'école");
    let history = h.state().store().unwrap().history(BOARD, 10).unwrap();
    assert_eq!(history.len(), 3, "made, moved on, corrected");
    assert_eq!(history[2].change.record, history[0].change.record);

    // Undone like any change: the words it had come back, the due date goes.
    tap_button(&mut h, "↶ Défaire");
    let back = records(&h, EntryKind::Action);
    assert_eq!(back[0].fields["title"], json!("apeler"));
    assert_eq!(back[0].fields["owner"], json!("Chloé D."));
    assert_eq!(back[0].fields["due"], serde_json::Value::Null);
    assert_eq!(back[0].fields["status"], json!("doing"));
    h.get_by_label("apeler");
}

#[test]
fn a_correction_that_changes_nothing_stores_nothing_and_an_emptied_title_is_refused() {
    let mut h = board();
    tap_button(&mut h, "Ajouter : Plan d'action");
    keys(&mut h, "ok");
    tap(&mut h, "✓  Enregistrer");
    let before = h.state().store().unwrap().history(BOARD, 10).unwrap().len();

    tap_button(&mut h, "Corriger : ok");
    tap(&mut h, "✓  Enregistrer");
    assert!(h.state().ui_state().form.is_none());
    let after = h.state().store().unwrap().history(BOARD, 10).unwrap().len();
    assert_eq!(after, before, "nothing changed, nothing stored");

    tap_button(&mut h, "Corriger : ok");
    erase(&mut h, 2);
    tap(&mut h, "✓  Enregistrer");
    h.get_by_label("✕ Le champ « Quoi » est vide : écrivez quelques mots");
    assert_eq!(
        records(&h, EntryKind::Action)[0].fields["title"],
        json!("ok")
    );
}

#[test]
fn correct_an_idea_a_note_and_a_client_by_touch() {
    let mut h = board();
    // An idea, once moved on: its column stays where it is.
    tap_button(&mut h, "Ajouter : Idées d'amélioration");
    keys(&mut h, "tablo");
    tap(&mut h, "✓  Enregistrer");
    tap_button(&mut h, "▶ À l'essai");
    tap_button(&mut h, "Corriger : tablo");
    assert!(h.state().ui_state().form.is_some(), "the idea's form opens");
    erase(&mut h, 2);
    keys(&mut h, "leau");
    tap_in_dialog(&mut h, "Élise M.");
    tap(&mut h, "✓  Enregistrer");
    let ideas = records(&h, EntryKind::Idea);
    assert_eq!(ideas.len(), 1);
    assert_eq!(ideas[0].fields["title"], json!("tableau"));
    assert_eq!(ideas[0].fields["by"], json!("Élise M."));
    assert_eq!(ideas[0].fields["column"], json!("À l'essai"));

    // A notice becomes a recognition.
    tap_button(&mut h, "Ajouter : Babillard");
    keys(&mut h, "bravo");
    tap(&mut h, "✓  Enregistrer");
    tap_button(&mut h, "Corriger : bravo");
    tap(&mut h, "Non");
    tap(&mut h, "✓  Enregistrer");
    let notes = records(&h, EntryKind::Note);
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].fields["recognition"], json!(true));
    h.get_by_label("★ bravo");

    // A client's code, with the same check as when it was made.
    tap_button(&mut h, "Ajouter : Trajectoire des jeunes");
    type_into(&mut h, 0, "J-2026-14");
    tap(&mut h, "✓  Enregistrer");
    tap_button(&mut h, "▶ Analyse");
    tap_button(&mut h, "Corriger : J-2026-14");
    erase(&mut h, "J-2026-14".len());
    type_into(&mut h, 0, "Jean Tremblay");
    tap(&mut h, "✓  Enregistrer");
    assert!(
        h.state().ui_state().form.is_some(),
        "a name is refused in a correction too"
    );
    assert_eq!(
        records(&h, EntryKind::Client)[0].fields["code"],
        json!("J-2026-14")
    );
    erase(&mut h, "Jean Tremblay".chars().count());
    type_into(&mut h, 0, "J-2026-145");
    tap(&mut h, "✓  Enregistrer");
    let clients = records(&h, EntryKind::Client);
    assert_eq!(clients.len(), 1);
    assert_eq!(clients[0].fields["code"], json!("J-2026-145"));
    assert_eq!(
        clients[0].fields["stage"],
        json!("Analyse"),
        "still where it was"
    );
}

#[test]
fn the_on_screen_keys_type_where_the_cursor_is() {
    let mut h = board();
    tap_button(&mut h, "Ajouter : Plan d'action");
    keys(&mut h, "apeler l'école");
    tap(&mut h, "✓  Enregistrer");
    tap_button(&mut h, "Corriger : apeler l'école");
    // The cursor is put after the first letter (a finger on the text does the same).
    let field = h
        .get_all_by_role(Role::TextInput)
        .next()
        .expect("the title");
    field.focus();
    h.run();
    h.key_press(egui::Key::Home);
    h.run();
    h.key_press(egui::Key::ArrowRight);
    h.run();
    keys(&mut h, "pp");
    // ⌫ erases before the cursor, not at the end.
    tap_button(&mut h, "⌫");
    tap(&mut h, "✓  Enregistrer");
    assert_eq!(
        records(&h, EntryKind::Action)[0].fields["title"],
        json!("appeler l'école")
    );
}
